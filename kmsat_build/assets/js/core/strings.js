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
    return text.replace(PLACEHOLDER, (whole, name) =>
      hasOwn.call(params, name) && params[name] !== null && params[name] !== undefined
        ? String(params[name]) : whole);
  }

  /** @returns {Message} */
  function message(key, params) {
    return { key, params: params || {} };
  }

  /** Put a message into words. */
  function format(strings, msg) {
    return t(strings, msg.key, msg.params);
  }

  return { t, message, format };
});
