/**
 * kmsat core: saving a session, one slot per storage key, over the Storage
 * object it is given (kit/storage.js gives the browser's; Node tests a fake).
 *
 * Two tabs: a slot remembers the exact text it last read or wrote. If the
 * stored text differs when it is about to save, another tab saved in
 * between: the slot refuses to overwrite it unless forced, and the app asks
 * the user which answers to keep. `guard` is that rule for any text (the
 * compare page keeps its files with it); `slot` is it for a session.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./session.js'));
  else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.saving = factory(k.session); }
})(typeof self !== 'undefined' ? self : this, function (sessions) {
  'use strict';

  /** Saved answers are our own: allow more than an imported file (storage holds ~5 MB). */
  const MAX_BYTES = 5 * 1024 * 1024;

  /** Did a write fail because storage is full? (browsers name it differently) @param {any} error */
  const isQuota = (error) => Boolean(error) && (error.name === 'QuotaExceededError'
    || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22 || error.code === 1014);

  const revisionOf = (text) => {
    try {
      const rev = JSON.parse(text).revision;
      return Number.isSafeInteger(rev) ? rev : 0;
    } catch (error) {
      return 0;
    }
  };

  /**
   * @typedef {{session: Object, report: Object[], error?: unknown}} Loaded  error: what was thrown when the
   *   saved answers could not be read; they stay stored, and saving waits for a forced save
   * @typedef {{ok: true, session: Object}|{ok: false,
   *   reason: 'unavailable'|'blocked'|'conflict'|'full'|'failed'}} Saved
   */

  /**
   * The two-tab rule over one key: write only over the text this tab last read
   * or wrote, unless forced.
   * @param {Storage|null} storage null: nothing can be saved
   * @param {string} key
   */
  function guard(storage, key) {
    let seen = null; // the stored text as this tab last read or wrote it

    /** The stored text, or null; remembered as seen. Throws what the browser throws. */
    function read() {
      seen = storage ? storage.getItem(key) : null;
      return seen;
    }

    /**
     * Store `next(stored)` (null removes the key), unless another tab changed it since and not `force`.
     * @param {function(string|null): (string|null)} next
     * @returns {'ok'|'conflict'|'full'|'failed'|'unavailable'}
     */
    function write(next, force) {
      if (!storage) return 'unavailable';
      try {
        const stored = storage.getItem(key);
        if (!force && stored !== seen) return 'conflict';
        const text = next(stored);
        if (text === null) storage.removeItem(key); else storage.setItem(key, text);
        seen = text;
        return 'ok';
      } catch (error) {
        return isQuota(error) ? 'full' : 'failed';
      }
    }

    /** Did another tab change this key? (a `storage` event) */
    function changedElsewhere(event) {
      return Boolean(storage) && event.key === key && event.newValue !== seen;
    }

    return { key, read, write, changedElsewhere };
  }

  /**
   * @param {Storage|null} storage null: nothing can be saved
   * @param {string} key e.g. `kmsat:national:session`
   */
  function slot(storage, key) {
    const text = guard(storage, key);
    let blocked = false;

    /** The saved session for `data`, or a new one. @returns {Loaded} */
    function load(data, newId, now) {
      const fresh = () => sessions.newSession(data, now, newId);
      blocked = false;
      if (!storage) return { session: fresh(), report: [] };
      let seen;
      try {
        seen = text.read();
      } catch (error) {
        return { session: fresh(), report: [], error };
      }
      if (seen === null) return { session: fresh(), report: [] };
      try {
        // keep: this browser's own copy is never cut, and a newer edition's answers in it stay.
        return sessions.checkImport(seen, data, { newId, maxBytes: MAX_BYTES, keep: true });
      } catch (error) {
        blocked = true;
        return { session: fresh(), report: [], error };
      }
    }

    /** Save as the next revision; unless `force`, not over a copy changed since this tab saw it. @returns {Saved} */
    function save(session, now, force) {
      if (!storage) return { ok: false, reason: 'unavailable' };
      if (blocked && !force) return { ok: false, reason: 'blocked' };
      let next = null;
      const result = text.write((stored) => {
        next = sessions.markSaved(session, now);
        // A forced save still counts up from the other tab's copy, so that tab sees a newer one.
        if (stored !== null) next.revision = Math.max(next.revision, revisionOf(stored) + 1);
        return JSON.stringify(next);
      }, force);
      if (result !== 'ok') return { ok: false, reason: result === 'unavailable' ? 'failed' : result };
      blocked = false;
      return { ok: true, session: next };
    }

    return { key, load, save, changedElsewhere: text.changedElsewhere };
  }

  return { MAX_BYTES, isQuota, guard, slot };
});
