/**
 * kmsat core: a session as a private link. The answers go in the URL's
 * fragment (`#share=...`), which browsers never send to a server, so a
 * facilitator can paste the link into an email or a chat.
 *
 * Link value: `1.<payload>.<checksum>`: version 1; the payload is JSON with
 * short keys, as UTF-8, in base64url; the checksum is the 32-bit FNV-1a of
 * the payload bytes, in hex. The checksum catches a link cut short or
 * edited by hand; it is no signature (anyone can recompute it), so whatever
 * a link holds is untrusted and goes through normaliseSession like a file.
 * Notes, checklist notes and the action plan are left out unless asked for.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./session.js'));
  } else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.share = factory(k.model, k.session); }
})(typeof self !== 'undefined' ? self : this, function (model, sessions) {
  'use strict';

  const { own, isPlainObject, answerFor } = model;
  const { ImportError } = sessions;
  /** Longest link value accepted or made: mail clients and chats keep links far longer than this. */
  const MAX_LENGTH = 16000;
  const VERSION = 1;
  const VALUE = /^1\.([A-Za-z0-9_-]*)\.([0-9a-f]{8})$/;
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const SIXES = new Map([...ALPHABET].map((c, i) => [c, i]));
  const ROW = ['criterion', 'title', 'action', 'owner', 'support', 'due', 'measure', 'status'];
  /** The details in a link, by position: new fields go at the end, so older links still read. */
  const DETAILS = ['organisation', 'team', 'date', 'facilitator', 'participants', 'capacity', 'role', 'rater', 'purpose'];
  const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

  /** @param {Uint8Array} bytes @returns {string} base64url without padding */
  function toBase64url(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      const chars = Math.min(4, Math.ceil(((bytes.length - i) * 4) / 3));
      for (let j = 0; j < chars; j += 1) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
    }
    return out;
  }

  /** Strict base64url: null for a foreign character, an impossible length or stray trailing bits. */
  function fromBase64url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
    const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
    let acc = 0, bits = 0, k = 0;
    for (const c of text) {
      acc = (acc << 6) | (SIXES.get(c) ?? 0); // every c is in ALPHABET: tested above
      bits += 6;
      if (bits >= 8) { bits -= 8; bytes[k++] = (acc >> bits) & 255; acc &= (1 << bits) - 1; }
    }
    return acc === 0 ? bytes : null;
  }

  /** 32-bit FNV-1a of the bytes, 8 hex digits. */
  function fnv1a(bytes) {
    let hash = 0x811c9dc5;
    for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  }

  /** An array without its trailing empty strings (short links). */
  const trim = (cells) => { const a = cells.slice(); while (a.length && !a[a.length - 1]) a.pop(); return a; };
  const str = (v) => (typeof v === 'string' ? v : '');

  /**
   * The link value for a session (what follows `#share=`).
   * @param {{notes?: boolean}} [options] notes: also carry notes, checklist notes and the action plan
   * @returns {string}
   * @throws {ImportError} `share.tooLong` when the value would pass MAX_LENGTH
   */
  function encodeShare(session, data, options) {
    const notes = Boolean(options && options.notes);
    const details = session.details || {};
    const payload = { v: VERSION, e: data.edition.id, c: data.edition.contentVersion, p: data.fingerprint,
      d: trim(DETAILS.map((f) => str(details[f]))), a: {}, k: {},
      // Which copy of which session: the same answers sent twice (or as a file too) are known as one.
      i: str(session.id), r: Number.isSafeInteger(session.revision) ? session.revision : 0, s: str(session.savedAt) };
    for (const id of Object.keys(session.answers || {})) {
      const answer = answerFor(session, id) || {};
      const cells = trim([str(answer.level), str(answer.priority), notes ? str(answer.notes) : '',
        answer.parked === true ? 1 : '']);
      if (cells.length) payload.a[id] = cells;
    }
    for (const id of Object.keys(session.checklist || {})) {
      const entry = own(session.checklist, id) || {};
      const cells = trim([str(entry.answer), notes ? str(entry.note) : '']);
      if (cells.length) payload.k[id] = cells;
    }
    if (notes) {
      // An agreed row carries a ninth cell, 1; links made before `agreed` read as candidates.
      payload.l = (session.plan || []).map((row) => /** @type {any[]} */ (ROW.map((f) => str(row[f])))
        .concat(row.agreed === true ? [1] : []));
      payload.x = (session.dismissed || []).slice();
    }
    const bytes = new TextEncoder().encode(JSON.stringify(payload));
    const value = VERSION + '.' + toBase64url(bytes) + '.' + fnv1a(bytes);
    if (value.length > MAX_LENGTH) {
      throw new ImportError('share.tooLong', { length: value.length, max: MAX_LENGTH }, data.strings);
    }
    return value;
  }

  /** The link value in a URL or fragment (`#share=...`), or null when there is none. */
  function shareValue(url) {
    const match = /#share=([^#]*)$/.exec(String(url || '')) || /^share=([^#]*)$/.exec(String(url || ''));
    return match ? match[1] : null;
  }

  /** `pageUrl` (its fragment replaced) carrying the link value. */
  const shareLink = (pageUrl, value) => String(pageUrl).split('#')[0] + '#share=' + value;

  /**
   * A session from a link value (or a URL holding one), checked and cleaned
   * like an imported file.
   * @param {{newId?: string}} [options]
   * @returns {{session: Object, report: Object[], notes: boolean, edition: Object}} notes: the link carried
   *   notes or a plan; edition: {id, contentVersion, fingerprint} the link was made with
   * @throws {ImportError} share.refused.tooLong, .badLink, .checksum, .wrongShape, .otherEdition
   */
  function decodeShare(input, data, options) {
    const refuse = (key, params) => new ImportError(key, params || {}, data.strings);
    const value = shareValue(input) ?? String(input || '');
    if (value.length > MAX_LENGTH) throw refuse('share.refused.tooLong', { max: MAX_LENGTH });
    const match = VALUE.exec(value);
    const bytes = match && fromBase64url(match[1]);
    if (!bytes) throw refuse('share.refused.badLink');
    if (fnv1a(bytes) !== match[2]) throw refuse('share.refused.checksum');
    let payload;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      throw refuse('share.refused.badLink');
    }
    const p = (key) => own(payload, key);
    const optional = (key, test) => p(key) === undefined || test(p(key));
    if (!isPlainObject(payload) || p('v') !== VERSION || typeof p('e') !== 'string' ||
        !optional('d', Array.isArray) || !optional('a', isPlainObject) || !optional('k', isPlainObject) ||
        !optional('l', Array.isArray) || !optional('x', Array.isArray)) {
      throw refuse('share.refused.wrongShape');
    }
    if (p('e') !== data.edition.id) {
      throw refuse('share.refused.otherEdition', { found: p('e').slice(0, 64), expected: data.edition.id });
    }
    // Back to the session shape; normaliseSession reports every unknown id or odd value.
    const cells = (map, fields) => {
      const out = {};
      for (const id of Object.keys(map || {})) {
        const list = map[id];
        // defineProperty: an id such as `__proto__` stays an own key (reported), never a prototype.
        Object.defineProperty(out, id, { enumerable: true, writable: true, configurable: true,
          value: Array.isArray(list) ? Object.fromEntries(fields.map((f, i) => [f, list[i]])) : list });
      }
      return out;
    };
    /** A link marks a parked question with 1 (short); the session with true. */
    const parkedBack = (answers) => {
      for (const id of Object.keys(answers)) {
        const a = answers[id];
        if (isPlainObject(a) && own(a, 'parked') === 1) a.parked = true;
        else if (isPlainObject(a) && own(a, 'parked') === undefined) delete a.parked;
      }
      return answers;
    };
    const d = p('d') || [];
    // A link from before links carried their session's id is known by its checksum.
    const id = typeof p('i') === 'string' && SAFE_ID.test(p('i')) ? p('i') : 'link-' + match[2];
    const savedAt = typeof p('s') === 'string' && !isNaN(Date.parse(p('s'))) ? p('s') : '';
    const raw = {
      edition: { id: p('e'), contentVersion: p('c'), fingerprint: p('p') },
      id, revision: Number.isSafeInteger(p('r')) && p('r') >= 0 ? p('r') : 0, savedAt,
      details: Object.fromEntries(DETAILS.map((f, i) => [f, d[i]])),
      answers: parkedBack(cells(p('a'), ['level', 'priority', 'notes', 'parked'])),
      checklist: cells(p('k'), ['answer', 'note']),
      plan: (p('l') || []).map((row) => (Array.isArray(row) ? Object.assign(Object.fromEntries(ROW.map((f, i) =>
        [f, f === 'criterion' ? row[i] || null : row[i]])), { agreed: row[ROW.length] === 1 }) : row)),
      dismissed: p('x') || [],
    };
    const { session, report } = sessions.normaliseSession(raw, data, options);
    const hasNotes = Object.keys(session.answers).some((id) => session.answers[id].notes) ||
      Object.keys(session.checklist).some((id) => session.checklist[id].note) || session.plan.length > 0;
    const text = (v) => (typeof v === 'string' ? v.slice(0, 64) : '');
    return { session, report, notes: hasNotes,
      edition: { id: p('e'), contentVersion: text(p('c')), fingerprint: text(p('p')) } };
  }

  /** Words for a link that was refused: its own reason, else "not a share link". */
  const refusal = (data, error) => (error && error.key ? error.message
    : new ImportError('share.refused.badLink', {}, data.strings).message);

  return { MAX_LENGTH, refusal, encodeShare, decodeShare, shareValue, shareLink, toBase64url, fromBase64url, fnv1a };
});
