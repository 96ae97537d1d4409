/**
 * kmsat core: saving a session, one slot per storage key, over the Storage
 * object it is given (kit/storage.js gives the browser's; Node tests a fake).
 *
 * Two tabs: a slot remembers the exact text it last read or wrote. If the
 * stored text differs when it is about to save, another tab saved in
 * between: the slot refuses to overwrite it unless forced, and the app asks
 * the user which answers to keep.
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
   * @typedef {{session: Object, report: Object[], error?: Error}} Loaded  error: the saved
   *   answers could not be read; they stay stored, and saving waits for a forced save
   * @typedef {{ok: true, session: Object}|{ok: false,
   *   reason: 'unavailable'|'blocked'|'conflict'|'full'|'failed'}} Saved
   */

  /**
   * @param {Storage|null} storage null: nothing can be saved
   * @param {string} key e.g. `kmsat:national:session`
   */
  function slot(storage, key) {
    let seen = null; // the stored text as this tab last read or wrote it
    let blocked = false;

    /** The saved session for `data`, or a new one. @returns {Loaded} */
    function load(data, newId, now) {
      const fresh = () => sessions.newSession(data, now, newId);
      blocked = false;
      if (!storage) return { session: fresh(), report: [] };
      try {
        seen = storage.getItem(key);
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
      try {
        const stored = storage.getItem(key);
        if (!force && stored !== seen) return { ok: false, reason: 'conflict' };
        const next = sessions.markSaved(session, now);
        // A forced save still counts up from the other tab's copy, so that tab sees a newer one.
        if (stored !== null) next.revision = Math.max(next.revision, revisionOf(stored) + 1);
        const text = JSON.stringify(next);
        storage.setItem(key, text);
        seen = text;
        blocked = false;
        return { ok: true, session: next };
      } catch (error) {
        return { ok: false, reason: isQuota(error) ? 'full' : 'failed' };
      }
    }

    /** Did another tab change this slot? (a `storage` event) */
    function changedElsewhere(event) {
      return Boolean(storage) && event.key === key && event.newValue !== seen;
    }

    return { key, load, save, changedElsewhere };
  }

  return { MAX_BYTES, isQuota, slot };
});
