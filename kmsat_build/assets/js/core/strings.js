/**
 * kmsat core: UI text. Every sentence lives in framework/strings.yml (editions
 * translate it); the rest of the core speaks in `{key, params}` messages,
 * put into words here, at the edge.
 */
// Types for the JSDoc checker (tools/tsconfig.json), at the top level so other files can import them.
/** @typedef {{key: string, params: Object<string, string|number>}} Message */
(function (/** @type {any} */ root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.KMSAT = root.KMSAT || /** @type {any} */ ({})).strings = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const hasOwn = Object.prototype.hasOwnProperty;
  const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
  const LETTER = /\p{L}/u;

  // An edition in another language shows national text wherever it translates nothing: the page
  // data's `fallback` points at those texts (kmsat_build/questionnaire.py). They are kept here by
  // value, with every sentence `t` makes from them, as parts with their language ('' the page's),
  // so the kit (kit/dom.js) marks each part it shows. By value: an edition's text spelt exactly
  // as a national one is marked too (ids and addresses under a pointer are kept, never shown).
  const marked = new Map();
  let other = '';

  /** Take the page data's fallback texts; without any, forget those taken before. */
  function markFallback(data) {
    const fallback = (data && data.fallback) || {};
    const under = (pointer, fn) => {
      const node = String(pointer).split('/').slice(1)
        .reduce((at, token) => at && at[token.replace(/~1/g, '/').replace(/~0/g, '~')], data);
      (function walk(n) {
        if (typeof n === 'string') fn(n);
        else if (n && typeof n === 'object') Object.values(n).forEach(walk);
      })(node);
    };
    marked.clear();
    other = typeof fallback.language === 'string' ? fallback.language : '';
    if (!other) return;
    for (const p of [].concat(fallback.texts || [])) under(p, (text) => LETTER.test(text) && marked.set(text, [[text, other]]));
    for (const p of [].concat(fallback.except || [])) under(p, (text) => marked.delete(text));
  }

  /**
   * A shown text's parts in another language than the page's, or null when it has none.
   * @returns {[string, string][]|null} [part, language ('' the page's)] in order
   */
  const parts = (text) => marked.get(text) || null;

  /** Remember a sentence's parts when any is in the other language: its template's words and each param's. */
  function markSentence(template, params, out) {
    const own = marked.has(template) ? other : '';
    const pieces = [];
    let at = 0;
    template.replace(PLACEHOLDER, (whole, name, offset) => {
      const value = param(params, name, whole);
      pieces.push([template.slice(at, offset), own], ...(marked.get(value) || [[value, value === whole ? own : '']]));
      at = offset + whole.length;
      return whole;
    });
    pieces.push([template.slice(at), own]);
    remember(pieces, out);
  }

  /** Texts joined into one, which keeps their parts' languages (for code that must build a text with +). */
  function join(...texts) {
    const out = texts.join('');
    if (marked.size) remember([].concat(...texts.map((text) => marked.get(text) || [[text, '']])), out);
    return out;
  }

  /** A list of texts with `separator` between them, keeping their parts' languages. */
  const joinList = (texts, separator) => join(...texts.flatMap((text, i) => (i ? [separator, text] : [text])));

  /**
   * A text cut at `separator`, each piece keeping its parts' languages: a sentence
   * whose placeholder the caller fills with elements (links, coloured keys).
   * @param {string} text @param {string} separator @returns {string[]}
   */
  function split(text, separator) {
    const pieces = text.split(separator);
    const whole = marked.get(text);
    let start = 0;
    for (const piece of whole ? pieces : []) {
      const end = start + piece.length, within = [];
      let at = 0;
      for (const [part, lang] of whole) {
        const from = Math.max(start, at), to = Math.min(end, at + part.length);
        if (from < to) within.push([part.slice(from - at, to - at), lang]);
        at += part.length;
      }
      if (LETTER.test(piece)) remember(within, piece); // never mark a bare "." or ", " everywhere
      start = end + separator.length;
    }
    return pieces;
  }

  /** Remember `out` as its pieces, [text, lang], when any is in the other language. */
  function remember(pieces, out) {
    // Pieces with no letters (numbers, spaces, stops) join the part before them, or the next one.
    const result = [];
    for (const [text, lang] of pieces) {
      const last = result[result.length - 1];
      if (!last) result.push([text, lang]);
      else if (!LETTER.test(text) || lang === last[1]) last[0] += text;
      else if (!LETTER.test(last[0])) result[result.length - 1] = [last[0] + text, lang];
      else result.push([text, lang]);
    }
    if (result.some((part) => part[1])) marked.set(out, result);
  }

  const param = (params, name, whole) =>
    (hasOwn.call(params, name) && params[name] !== null && params[name] !== undefined ? String(params[name]) : whole);

  /**
   * The text for `key` with `{name}` placeholders filled from `params`. A
   * missing key gives the key, and a missing param its placeholder, so a gap
   * shows on screen and in tests rather than as an empty label.
   * @param {Object<string, string>|undefined} strings
   * @param {string} key
   * @param {Object<string, string|number>} [params]
   * @returns {string}
   */
  function t(strings, key, params) {
    const text = strings && hasOwn.call(strings, key) && typeof strings[key] === 'string'
      ? strings[key] : key;
    if (!params) return text;
    const out = text.replace(PLACEHOLDER, (whole, name) => param(params, name, whole));
    if (marked.size) markSentence(text, params, out);
    return out;
  }

  /** @returns {Message} */
  function message(key, params) {
    return { key, params: params || {} };
  }

  /** Put a message into words. */
  function format(strings, msg) {
    return t(strings, msg.key, msg.params);
  }

  return { t, message, format, markFallback, parts, join, joinList, split };
});
