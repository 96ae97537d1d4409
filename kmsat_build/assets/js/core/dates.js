/**
 * kmsat core: dates as people write them. Sessions keep dates as ISO text
 * (2026-11-26, sortable, the same in every language); every place that
 * shows one to a reader (report, Board paper, Word document, compare page)
 * formats it here, in the edition's language: "26 November 2026" in
 * en-GB, "26 Tachwedd 2026" in cy-GB.
 */
(function (/** @type {any} */ root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.KMSAT = root.KMSAT || /** @type {any} */ ({})).dates = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const formats = new Map();

  /** One formatter per language (they are slow to make); a tag Intl refuses falls back to its default. */
  function formatter(language) {
    const key = String(language || '');
    if (!formats.has(key)) {
      /** @type {Intl.DateTimeFormatOptions} */
      const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
      let format;
      try {
        format = new Intl.DateTimeFormat(key || undefined, options);
      } catch (error) { // RangeError: an edition's language tag Intl does not know
        format = new Intl.DateTimeFormat(undefined, options);
      }
      formats.set(key, format);
    }
    return formats.get(key);
  }

  /**
   * A calendar date (`YYYY-MM-DD`) that exists, as a UTC Date; else null.
   * @param {*} value
   * @returns {Date|null}
   */
  function parseDate(value) {
    const match = ISO_DATE.exec(typeof value === 'string' ? value.trim() : '');
    if (!match) return null;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
      ? date : null;
  }

  /**
   * A date for a reader: an ISO date (or a Date) in the language's long form;
   * anything else the group typed ("next spring", "Q3") exactly as typed.
   * @param {string|Date|null|undefined} value
   * @param {string} [language] BCP 47 tag, the edition's language
   * @returns {string}
   */
  function formatDate(value, language) {
    if (value instanceof Date) return isNaN(value.getTime()) ? '' : formatter(language).format(value);
    const date = parseDate(value);
    if (date) return formatter(language).format(date);
    return value === null || value === undefined ? '' : String(value);
  }

  return { formatDate, parseDate };
});
