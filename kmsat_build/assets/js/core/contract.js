/**
 * kmsat core: does this page's data fit this script?
 *
 * The build writes the questionnaire data into the page (format and version:
 * kmsat_build/schemas/questionnaire.schema.json); the script is a separate
 * file that a browser or a host may cache. When the two come from different
 * versions of kmsat the apps must not start half-broken: they say so in plain
 * words and leave the paper version on the page.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./strings.js'));
  else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.contract = factory(k.strings); }
})(typeof self !== 'undefined' ? self : this, function (strings) {
  'use strict';

  const FORMAT = 'kmsat-questionnaire';
  /** The data version this script reads (the schema's `version`). */
  const VERSION = 1;
  /**
   * The words when the page's own cannot be trusted (no data, or another
   * version's); framework/strings.yml holds the same text, for editions to
   * translate (a Node test keeps the two equal).
   */
  const FALLBACK = {
    'contract.notData': 'This page’s questions are missing or damaged, so the interactive version cannot start. ' +
      'The paper version of the assessment still works. Reload the page; if this message stays, tell whoever publishes this site.',
    'contract.olderPage': 'This page was made by an older version of the tool than its script ' +
      '(page data version {found}; the script reads version {supported}), so the interactive version cannot start. ' +
      'The paper version of the assessment still works. Reload the page; if this message stays, the site needs rebuilding: ' +
      'tell whoever publishes it.',
    'contract.newerPage': 'This page was made by a newer version of the tool than its script ' +
      '(page data version {found}; the script reads version {supported}), so the interactive version cannot start. ' +
      'The paper version of the assessment still works. Reload the page, as your browser may be using an old copy of the script; ' +
      'if this message stays, tell whoever publishes this site.',
  };

  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  /**
   * Why the page's data cannot be used by this script, or null when it can.
   * @param {*} data the parsed page data (null when it would not parse)
   * @returns {{key: string, params: Object, text: string}|null} text: in the
   *   page's words when it has them as text, else in English
   */
  function checkPageData(data) {
    let key = null;
    const params = { supported: VERSION };
    if (!isObject(data) || data.format !== FORMAT || !Number.isSafeInteger(data.version) || data.version < 1) {
      key = 'contract.notData';
    } else if (data.version !== VERSION) {
      key = data.version < VERSION ? 'contract.olderPage' : 'contract.newerPage';
      params.found = data.version;
    }
    if (!key) return null;
    const own = isObject(data) && isObject(data.strings) && hasOwn(data.strings, key) &&
      typeof data.strings[key] === 'string' ? data.strings : FALLBACK;
    return { key, params, text: strings.t(own, key, params) };
  }

  /**
   * A run of a local example's text as a link, when the schema allows one:
   * its words and a web (http or https) address; else null (shown as text).
   * The build only emits such links; the page checks again before it makes
   * one, so no other kind can ever be a link.
   * @returns {{text: string, url: string}|null}
   */
  function webLink(link) {
    if (!isObject(link) || typeof link.url !== 'string' || typeof link.text !== 'string') return null;
    const url = link.url.trim();
    if (!/^https?:\/\/[^\s]+$/i.test(url)) return null;
    return { text: link.text.trim() || url, url };
  }

  return { FORMAT, VERSION, FALLBACK, checkPageData, webLink };
});
