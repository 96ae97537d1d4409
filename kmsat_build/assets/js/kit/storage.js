/**
 * kmsat kit: the only code that touches the browser's storage. Every call
 * survives a browser that refuses storage (private mode, blocked cookies,
 * a full quota): reads give null, writes say what happened, and the pages
 * carry on in memory.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('../core/saving.js'));
  else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.storage = factory(k.saving); }
})(typeof self !== 'undefined' ? self : this, function (saving) {
  'use strict';

  /**
   * `win.localStorage`, or null when the browser refuses it (the storage
   * guard's stand-in, which forgets on leaving the page, counts as refused).
   * @param {any} [win]
   */
  function available(win) {
    try {
      const storage = (win || globalThis).localStorage;
      storage.getItem('kmsat');
      return storage.kmsatMemory ? null : storage;
    } catch (error) {
      return null;
    }
  }

  /** The browser's localStorage; throws when it is refused or only the guard's stand-in. */
  function local() {
    const storage = globalThis.localStorage;
    if (storage.kmsatMemory) throw new Error('storage is refused');
    return storage;
  }

  /** The text under `key`; null when absent or blocked. @param {string} key */
  function read(key) {
    try { return local().getItem(key); } catch (error) { return null; }
  }

  /**
   * Keep `value` under `key` (null removes it).
   * @param {string} key @param {string|null} value
   * @returns {'ok'|'full'|'unavailable'}
   */
  function write(key, value) {
    try {
      if (value === null) local().removeItem(key); else local().setItem(key, value);
      return 'ok';
    } catch (error) {
      return saving.isQuota(error) ? 'full' : 'unavailable';
    }
  }

  /** Read `key` and remove it: a hand-over is read once. @param {string} key */
  function take(key) {
    const value = read(key);
    if (value !== null) write(key, null);
    return value;
  }

  /** This tab's small conveniences (sessionStorage), lost without harm. @param {string} key */
  function recall(key) {
    try { return globalThis.sessionStorage.getItem(key); } catch (error) { return null; }
  }

  /** @param {string} key @param {string} value */
  function remember(key, value) {
    try { globalThis.sessionStorage.setItem(key, value); } catch (error) { /* a convenience only */ }
  }

  return { available, read, write, take, recall, remember };
});
