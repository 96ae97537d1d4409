/**
 * kmsat core: cleaning an untrusted session object.
 *
 * Saved and imported sessions are untrusted: hand-edited, older, or hostile.
 * A session is rebuilt from scratch, reading only known fields and known ids
 * (Maps and own-property reads), so `__proto__` and friends are unknown ids,
 * skipped and reported, never assigned. Whatever can be kept is kept.
 */
// Types for the JSDoc checker (tools/tsconfig.json), at the top level so other files can import them.
/**
 * @typedef {import('./strings.js').Message} Message
 * @typedef {{session: Object, report: Message[]}} Normalised
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'));
  } else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.normalise = factory(k.model, k.strings); }
})(typeof self !== 'undefined' ? self : this, function (model, strings) {
  'use strict';

  const { FORMAT, VERSION, DETAIL_FIELDS, DETAIL_CHOICES, ROW_FIELDS, STATUSES,
    own, isPlainObject, dataIndex, editionOf, rowHasText } = model;
  const TEXT_MAX = 5000;
  const PLAN_MAX = 500;
  const LIST_MAX = 10; // ids named in one report line
  const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
  const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);


  /** A value as report words. Never String(object): `{"toString": 0}` throws, deep nesting overflows. */
  const shown = (value) => (value !== null && typeof value === 'object' ? '…' : String(value));

  /**
   * Collects what was skipped: one report line per kind of problem,
   * `{key, params: {count, items}}`, items naming the first few ids or fields.
   */
  function makeNotes(label) {
    const kinds = new Map();
    const lines = [];
    const add = (key, item) => {
      if (!kinds.has(key)) kinds.set(key, []);
      kinds.get(key).push(label(shown(item).slice(0, 200)).slice(0, 120));
    };
    const push = (key, params) => lines.push(strings.message(key, params));
    const report = () => lines.concat([...kinds].map(([key, items]) => strings.message(key, Object.assign({
      count: items.length,
      items: items.slice(0, LIST_MAX).join(', ') + (items.length > LIST_MAX ? ', …' : ''),
    }, key === 'import.report.truncated' ? { max: TEXT_MAX } : {}))));
    // Options for the whole clean: `keep` (a copy this browser saved itself) keeps long texts whole.
    return { add, push, report, keep: false };
  }

  /**
   * A field's path in a session (`details.team`, `answers.sharing.notes`,
   * `plan[2].status`) in the words the questionnaire shows for it; anything
   * else (an unknown id) as it is.
   */
  function fieldLabel(data, index, path) {
    const t = (key, params) => strings.t(data.strings, key, params);
    const known = (key) => Object.prototype.hasOwnProperty.call(data.strings || {}, key);
    const sections = { details: 'steps.details', checklist: 'steps.checklist', answers: 'import.field.answers',
      plan: 'steps.plan', dismissed: 'import.field.dismissed' };
    if (Object.prototype.hasOwnProperty.call(sections, path)) return t(sections[path]);
    let m = /^details\.(\w+)$/.exec(path);
    if (m && known('details.' + m[1] + '.label')) return t('details.' + m[1] + '.label');
    m = /^answers\.([A-Za-z0-9_-]+)(?:\.(priority|notes))?(: .*)?$/.exec(path);
    if (m && index.criteria.has(m[1])) {
      return index.criteria.get(m[1]).criterion.title + (m[2] ? ' (' + t('criterion.' + m[2] + '.label') + ')' : '')
        + (m[3] || '');
    }
    m = /^checklist\.([A-Za-z0-9_-]+)\.(answer|note)$/.exec(path);
    if (m && index.checklist.has(m[1])) {
      return t('steps.checklist') + ': ' + index.checklist.get(m[1]).question
        + (m[2] === 'note' ? ' (' + t('checklist.note.label') + ')' : '');
    }
    m = /^plan\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (m) {
      const row = t('import.field.planRow', { number: Number(m[1]) + 1 });
      return m[2] ? row + ' (' + (known('plan.column.' + m[2]) ? t('plan.column.' + m[2]) : m[2]) + ')' : row;
    }
    return path;
  }

  /** A text field: '' when absent; reported when of the wrong type or too long. */
  function text(value, path, notes) {
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') { notes.add('import.report.badTypes', path); return ''; }
    if (value.length <= TEXT_MAX || notes.keep) return value;
    notes.add('import.report.truncated', path);
    const cut = value.slice(0, TEXT_MAX);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut; // never split a character
  }

  /** One of the allowed ids, or '' (reported when something else was there). */
  function choice(value, allowed, path, notes) {
    if (value === undefined || value === null || value === '') return '';
    if (typeof value === 'string' && allowed.has(value)) return value;
    notes.add('import.report.badValues', path);
    return '';
  }

  /** An object's entries, or none (reported when something else was there). */
  function entries(value, path, notes) {
    if (value === undefined || value === null) return [];
    if (!isPlainObject(value)) { notes.add('import.report.badTypes', path); return []; }
    return Object.keys(value).map((key) => [key, value[key]]);
  }

  function cleanDetails(raw, notes) {
    if (raw !== undefined && !isPlainObject(raw)) notes.add('import.report.badTypes', 'details');
    const details = {};
    for (const field of DETAIL_FIELDS) details[field] = text(own(raw, field), 'details.' + field, notes);
    for (const [field, ids] of Object.entries(DETAIL_CHOICES)) {
      details[field] = choice(own(raw, field), new Set(ids), 'details.' + field, notes);
    }
    return details;
  }

  /** Entries keyed by known ids, each cleaned by `clean`; empty entries dropped. `fields`: an entry's text fields. */
  function cleanMap(raw, path, known, unknownKey, fields, clean, notes) {
    const result = {};
    for (const [id, value] of entries(raw, path, notes)) {
      if (UNSAFE_KEYS.has(id)) { notes.add(unknownKey, id); continue; }
      if (!known.has(id)) {
        // A newer edition's answers, saved on this origin: kept as they are for the copy that knows them.
        if (notes.keep && SAFE_ID.test(id) && isPlainObject(value)) {
          result[id] = keepUnknown(value, fields);
          notes.add('save.report.keptUnknown', id);
        } else notes.add(unknownKey, id);
        continue;
      }
      if (!isPlainObject(value)) { notes.add('import.report.badTypes', path + '.' + id); continue; }
      const entry = clean(value, path + '.' + id);
      if (Object.keys(entry).some((k) => entry[k] !== '')) result[id] = entry;
    }
    return result;
  }

  /** An entry for an id this edition does not know: its fields, as they were (the same shape in every edition). */
  function keepUnknown(value, fields) {
    const kept = {};
    for (const field of fields) kept[field] = typeof own(value, field) === 'string' ? value[field] : '';
    return kept;
  }

  function cleanAnswer(raw, path, scale, notes) {
    let level = own(raw, 'level');
    if (level === undefined || level === null) level = '';
    if (typeof level !== 'string' || (level && !scale.levels.has(level) && !scale.unscored.has(level))) {
      notes.add('import.report.unknownLevels', path + ': ' + shown(level));
      level = '';
    }
    const answer = { level, priority: choice(own(raw, 'priority'), scale.priorities, path + '.priority', notes),
      notes: text(own(raw, 'notes'), path + '.notes', notes) };
    // Parked to find out (present mode): kept only as `true`, so answers without it keep their shape.
    const parked = own(raw, 'parked');
    if (parked === true) answer.parked = true;
    else if (parked !== undefined && parked !== false) notes.add('import.report.badTypes', path + '.parked');
    return answer;
  }

  /** One plan row, or null when it cannot or need not be kept. */
  function cleanRow(raw, i, index, seen, notes) {
    const path = 'plan[' + i + ']';
    if (!isPlainObject(raw)) { notes.add('import.report.badTypes', path); return null; }
    const id = own(raw, 'id');
    let criterion = own(raw, 'criterion');
    if (criterion === undefined || criterion === '') criterion = null;
    const row = { id: typeof id === 'string' && SAFE_ID.test(id) ? id : '', criterion: null };
    for (const field of ['title'].concat(ROW_FIELDS)) row[field] = text(own(raw, field), path + '.' + field, notes);
    row.status = choice(own(raw, 'status'), new Set(STATUSES), path + '.status', notes);
    // Older sessions have no `agreed`: their rows are candidates.
    const agreed = own(raw, 'agreed');
    if (agreed !== undefined && typeof agreed !== 'boolean') notes.add('import.report.badTypes', path + '.agreed');
    row.agreed = agreed === true;
    if (criterion === null) return row;
    if (typeof criterion === 'string' && index.criteria.has(criterion) && !seen.has(criterion)) {
      seen.add(criterion);
      return Object.assign(row, { criterion, title: '' });
    }
    // Unknown or repeated criterion: keep the group's words as a custom row.
    notes.add(seen.has(criterion) ? 'import.report.duplicatePlanRows' : 'import.report.unknownPlanCriteria',
      criterion);
    if (!rowHasText(Object.assign({}, row, { title: '' }))) return null;
    const entry = index.criteria.get(criterion);
    row.title = row.title || (entry ? entry.criterion.title : shown(criterion).slice(0, 200));
    return row;
  }

  function cleanPlan(raw, index, notes) {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) { notes.add('import.report.badTypes', 'plan'); return []; }
    if (raw.length > PLAN_MAX) notes.push('import.report.tooManyRows', { count: raw.length - PLAN_MAX, max: PLAN_MAX });
    const seen = new Set();
    const rows = raw.slice(0, PLAN_MAX).map((r, i) => cleanRow(r, i, index, seen, notes)).filter((row) => row !== null);
    // Row ids are internal: give missing or repeated ones fresh `row-N` ids.
    const used = new Set();
    const taken = new Set(rows.map((row) => row.id));
    let next = 1;
    return rows.map((row) => {
      if (row.id && !used.has(row.id)) { used.add(row.id); return row; }
      while (used.has('row-' + next) || taken.has('row-' + next)) next += 1;
      used.add('row-' + next);
      return Object.assign(row, { id: 'row-' + next });
    });
  }

  function cleanDismissed(raw, index, notes) {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) { notes.add('import.report.badTypes', 'dismissed'); return []; }
    // Unknown ids here change nothing anyone sees: dropped quietly.
    return [...new Set(raw.filter((id) => typeof id === 'string' && index.criteria.has(id)))];
  }

  /** Say so when the file (or, `keep`, this browser's copy) was made for another wording of this edition. */
  function editionNotes(raw, data, keep) {
    const key = (name) => (keep ? 'save.report.' : 'import.report.') + name;
    const edition = own(raw, 'edition');
    const from = own(edition, 'contentVersion');
    const fingerprint = own(edition, 'fingerprint');
    if (typeof from === 'string' && from !== data.edition.contentVersion) {
      return [strings.message(key('contentVersion'), { from: from.slice(0, 120), to: data.edition.contentVersion })];
    }
    if (typeof fingerprint === 'string' && fingerprint !== data.fingerprint) {
      return [strings.message(key('fingerprint'))];
    }
    return [];
  }

  /**
   * Validate and clean a parsed object into a session for `data`. Does not
   * check format, version or edition (`migrate` does), nor sync the plan.
   * @param {{newId?: string, keep?: boolean}} [options] newId: id to use when the input has none;
   *   keep: the copy this browser saved (never cut its texts, keep answers to criteria a newer
   *   edition on this site added, so the next save does not lose them)
   * @returns {Normalised}
   */
  function normaliseSession(raw, data, options) {
    const index = dataIndex(data);
    const notes = makeNotes((path) => fieldLabel(data, index, path));
    notes.keep = Boolean(options && options.keep);
    const input = isPlainObject(raw) ? raw : {};
    const [id, revision, savedAt] = ['id', 'revision', 'savedAt'].map((key) => own(input, key));
    const session = {
      format: FORMAT, version: VERSION, edition: editionOf(data),
      id: typeof id === 'string' && SAFE_ID.test(id) ? id : (options && options.newId) || '',
      revision: Number.isSafeInteger(revision) && revision >= 0 ? revision : 0,
      savedAt: typeof savedAt === 'string' && !isNaN(Date.parse(savedAt)) ? savedAt : '',
      details: cleanDetails(own(input, 'details'), notes),
      checklist: cleanMap(own(input, 'checklist'), 'checklist', index.checklist, 'import.report.unknownChecklist',
        ['answer', 'note'], (value, path) => ({
          answer: choice(own(value, 'answer'), index.scale.checklistAnswers, path + '.answer', notes),
          note: text(own(value, 'note'), path + '.note', notes),
        }), notes),
      answers: cleanMap(own(input, 'answers'), 'answers', index.criteria, 'import.report.unknownCriteria',
        ['level', 'priority', 'notes'], (value, path) => cleanAnswer(value, path, index.scale, notes), notes),
      plan: cleanPlan(own(input, 'plan'), index, notes),
      dismissed: cleanDismissed(own(input, 'dismissed'), index, notes),
    };
    return { session, report: editionNotes(input, data, notes.keep).concat(notes.report()) };
  }

  return { TEXT_MAX, PLAN_MAX, normaliseSession };
});
