/**
 * kmsat core: the files that carry a session. JSON (to import again: also
 * the way out when this browser cannot keep the answers, so it is always on
 * the page), safe file names, and the CSV cell rules the reports share.
 * The reports a person reads (CSV, Markdown) are core/reports.js.
 *
 * User text stays text. In CSV a formula start is neutralised wherever a
 * spreadsheet could see a cell begin (see csvCell).
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.exporters = factory(k.model, k.strings);
  }
})(typeof self !== 'undefined' ? self : this, function (model, strings) {
  'use strict';

  const { FORMAT, VERSION, editionOf } = model;

  const noticeOf = (data) => strings.t(data.strings, 'app.notice', { publisher: data.edition.publisher });

  /**
   * The whole session as pretty JSON, stamped with what it was made for.
   * @param {Date} [now] export time (defaults to now)
   * @returns {string}
   */
  function toJSON(session, data, now) {
    const body = Object.assign({}, session);
    for (const key of ['format', 'version', 'notice', 'edition', 'exportedAt']) delete body[key];
    return JSON.stringify(Object.assign({ format: FORMAT, version: VERSION, notice: noticeOf(data),
      edition: editionOf(data), exportedAt: (now || new Date()).toISOString() }, body), null, 2) + '\n';
  }

  const AFTER_SEPARATOR = /([,;\t\r\n])(?=[=+\-@\t\r])/g;
  const FORMULA_START = /^[=+\-@\t\r]/;

  /**
   * A CSV cell, always quoted. A formula start (= + - @ tab CR) gets an
   * apostrophe (text, to a spreadsheet) at the start and after any separator
   * or line break: split on ; (much of Europe) or tabs, `Dr A;=1+1` is two
   * cells, the second a formula. (A space after the separator starts no
   * formula, so "1, -2" is left as typed.)
   */
  function csvCell(value) {
    if (value === null || value === undefined) return '""';
    let text = String(value);
    if (typeof value === 'string') {
      text = text.replace(AFTER_SEPARATOR, "$1'");
      if (FORMULA_START.test(text)) text = "'" + text;
    }
    return '"' + text.replace(/"/g, '""') + '"';
  }

  /** Rows of cells as a CSV file: UTF-8 BOM (so Excel reads accents), CRLF line ends. */
  function csvTable(rows) {
    return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** Lowercase ASCII words joined by hyphens, at most 40 characters. */
  const slug = (value) => String(value || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');

  /** A file name safe on every system: kmsat-<organisation>-<team>-<date>[-agreed|-<person>].<ext> (ext e.g. 'csv'). */
  function fileName(session, ext) {
    const details = (session && session.details) || {};
    const date = /^\d{4}-\d{2}-\d{2}$/.test(details.date) ? details.date : '';
    // Whose answers, so a facilitator's folder tells the agreed file from each person's own.
    const whose = details.role === 'agreed' ? 'agreed'
      : details.role === 'individual' ? slug(details.rater) || 'individual' : '';
    const base = ['kmsat', slug(details.organisation), slug(details.team), date, whose].filter(Boolean).join('-');
    return base + '.' + (String(ext || '').toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt');
  }

  return { toJSON, fileName, csvCell, csvTable, noticeOf };
});
