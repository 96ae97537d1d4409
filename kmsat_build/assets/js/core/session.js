/**
 * kmsat core: a session's life — create, import, migrate, compare, save.
 *
 * A file or saved copy is refused (ImportError) only when it is not a
 * session of this edition that this version understands. Everything else
 * goes through `normaliseSession`, which keeps what it can and reports the
 * rest: an import never fails for want of a tidy file.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'), require('./normalise.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.session = factory(k.model, k.strings, k.normalise);
  }
})(typeof self !== 'undefined' ? self : this, function (model, strings, normalise) {
  'use strict';

  const { FORMAT, VERSION, DETAIL_FIELDS, DETAIL_CHOICES, own, isPlainObject, editionOf } = model;
  const { normaliseSession } = normalise;
  const MAX_BYTES = 2 * 1024 * 1024;

  /** @typedef {import('./normalise.js').Normalised} Normalised */

  /**
   * A refused import or saved session. `message` is in the edition's words;
   * `key` and `params` let the UI say it its own way.
   */
  class ImportError extends Error {
    constructor(key, params, text) {
      super(strings.t(text, key, params));
      this.name = 'ImportError';
      this.key = key;
      this.params = params;
    }
  }

  /** The group's "today" (local calendar date), YYYY-MM-DD. */
  function localDate(now) {
    const pad = (n) => String(n).padStart(2, '0');
    return now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  }

  /** An empty session for this edition. @param {Date} now @param {string} randomId */
  function newSession(data, now, randomId) {
    const details = {};
    for (const field of DETAIL_FIELDS) details[field] = '';
    details.date = localDate(now);
    for (const field of Object.keys(DETAIL_CHOICES)) details[field] = '';
    return { format: FORMAT, version: VERSION, edition: editionOf(data), id: randomId, revision: 0,
      savedAt: now.toISOString(), details, checklist: {}, answers: {}, plan: [], dismissed: [] };
  }

  /**
   * Bring a parsed session (saved earlier, or from a file) up to this edition and version.
   * @returns {Normalised}
   * @throws {ImportError} not a session, another format or edition, a future or missing version
   */
  function migrate(raw, data, options) {
    const refuse = (key, params) => { throw new ImportError(key, params || {}, data.strings); };
    if (!isPlainObject(raw)) refuse('import.refused.notSession');
    if (own(raw, 'format') !== FORMAT) refuse('import.refused.wrongFormat');
    const version = own(raw, 'version');
    if (!Number.isSafeInteger(version) || version < 1) refuse('import.refused.badVersion');
    if (version > VERSION) refuse('import.refused.futureVersion', { found: version, supported: VERSION });
    const editionId = own(own(raw, 'edition'), 'id');
    if (typeof editionId !== 'string') refuse('import.refused.noEdition');
    if (editionId !== data.edition.id) {
      refuse('import.refused.otherEdition', { found: editionId.slice(0, 64), expected: data.edition.id });
    }
    // Version 1 is the only one so far; later versions upgrade older data here, step by step.
    return normaliseSession(raw, data, options);
  }

  /**
   * Is the string's UTF-8 size over `limit`? Counted without encoding a copy,
   * and only until the count passes the limit: a huge string costs no more
   * than the limit, and one longer than the limit in UTF-16 units costs nothing.
   */
  function utf8Over(s, limit) {
    if (s.length > limit) return true; // every UTF-16 unit is at least one byte
    let bytes = 0;
    for (let i = 0; i < s.length && bytes <= limit; i += 1) {
      const c = s.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i += 1; } else bytes += 3;
    }
    return bytes > limit;
  }

  /**
   * Check the text of an exported file and turn it into a session.
   * @param {{maxBytes?: number, newId?: string, keep?: boolean}} [options] maxBytes defaults to 2 MB;
   *   keep: see normaliseSession
   * @returns {Normalised}
   * @throws {ImportError} too large or not JSON, and everything `migrate` refuses
   */
  function checkImport(text, data, options) {
    const maxBytes = (options && options.maxBytes) || MAX_BYTES;
    const refuse = (key, params) => new ImportError(key, params || {}, data.strings);
    if (typeof text !== 'string') throw refuse('import.refused.notJson');
    if (utf8Over(text, maxBytes)) {
      // Its exact size is not measured: that would cost as much as the file is large.
      throw refuse('import.refused.tooLarge', { max: Math.round((maxBytes / 1048576) * 10) / 10 });
    }
    let raw;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw refuse('import.refused.notJson');
    }
    return migrate(raw, data, options);
  }

  /**
   * Which of two copies of a session is newer (two tabs, or storage and
   * screen): the higher revision, then the later savedAt. The same revision
   * saved at different times means both changed on their own: a conflict.
   * @returns {{sameSession: boolean, newer: 'local'|'incoming'|'equal', conflict: boolean}}
   */
  function mergeCheck(local, incoming) {
    const rev = (s) => (s && Number.isSafeInteger(s.revision) ? s.revision : 0);
    const time = (s) => (s && typeof s.savedAt === 'string' ? Date.parse(s.savedAt) || 0 : 0);
    const byRevision = rev(local) - rev(incoming);
    const byTime = time(local) - time(incoming);
    const order = byRevision || byTime;
    return {
      sameSession: Boolean(local && incoming && local.id === incoming.id),
      newer: order > 0 ? 'local' : order < 0 ? 'incoming' : 'equal',
      conflict: byRevision === 0 && byTime !== 0,
    };
  }

  /**
   * Nothing the group typed or chose (a new session's date aside): replacing
   * it loses nothing, so an import need not ask.
   */
  function isBlank(session) {
    const filled = (obj) => Object.keys(obj || {}).some((id) => Object.values(obj[id] || {}).some((v) => v !== '' && v !== false));
    const details = session.details || {};
    return !DETAIL_FIELDS.some((f) => f !== 'date' && details[f]) && !details.capacity
      && !filled(session.checklist) && !filled(session.answers) && (session.plan || []).length === 0
      && (session.dismissed || []).length === 0;
  }

  /** The session as it will be saved: the next revision, stamped `now`. */
  function markSaved(session, now) {
    return Object.assign({}, session, { revision: (session.revision || 0) + 1, savedAt: now.toISOString() });
  }

  return {
    MAX_BYTES, TEXT_MAX: normalise.TEXT_MAX, PLAN_MAX: normalise.PLAN_MAX,
    ImportError, newSession, normaliseSession, migrate, checkImport, mergeCheck, markSaved, isBlank,
  };
});
