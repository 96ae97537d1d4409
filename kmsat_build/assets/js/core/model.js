/**
 * kmsat core: the data contract, and safe reads of it. Session maps are keyed
 * by ids from storage or a file, so reads go through `own()`:
 * `answers.constructor` means "no answer", never Object's constructor.
 */
// Types for the JSDoc checker (tools/tsconfig.json), at the top level so other files can import them.
/**
 * @typedef {{id: string, title: string, criteria: {id: string, title: string}[]}} Element
 * @typedef {{levels: {id: string, value: number, label: string}[], unscored: Object[],
 *   priorities: Object[], checklistAnswers: Object[]}} Scale
 * @typedef {{edition: Object, fingerprint: string, scale: Scale, checklist: Object[],
 *   elements: Element[], strings: Object<string, string>}} Questionnaire
 *   defined in kmsat_build/schemas/questionnaire.schema.json (a session: session.schema.json)
 */
(function (/** @type {any} */ root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.KMSAT = root.KMSAT || /** @type {any} */ ({})).model = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const hasOwn = Object.prototype.hasOwnProperty;
  const FORMAT = 'kmsat-session';
  const VERSION = 1;
  /** The unscored answers, counted by id: scale.schema.json requires both in every framework. */
  const DONT_KNOW = 'dont-know';
  const NOT_APPLICABLE = 'not-applicable';
  /** Level value from which a criterion is a strength (Developing). */
  const STRENGTH_MIN_VALUE = 3;
  /** Free-text details; `rater` names the person when the answers are one person's own. */
  const DETAIL_FIELDS = ['organisation', 'team', 'date', 'facilitator', 'participants', 'rater', 'purpose'];
  const CAPACITIES = ['organisation', 'directorate', 'team'];
  /** Whose answers: the group's agreed ones, or one person's own before the group meets. */
  const ROLES = ['agreed', 'individual'];
  /** The details chosen from a list, with their allowed ids. */
  const DETAIL_CHOICES = { capacity: CAPACITIES, role: ROLES };
  /** Every detail, in the order exports and the printed report list them. */
  const DETAIL_KEYS = DETAIL_FIELDS.concat(Object.keys(DETAIL_CHOICES));
  /** What the group types into a plan row (custom rows also have a title). */
  const ROW_FIELDS = ['action', 'owner', 'support', 'due', 'measure'];
  const STATUSES = ['not-started', 'in-progress', 'done'];


  /** `obj[key]` when it is the object's own property, else undefined. */
  function own(obj, key) {
    return obj !== null && typeof obj === 'object' && hasOwn.call(obj, key) ? obj[key] : undefined;
  }

  /** A `{...}` object: not null, not an array. */
  function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  const byId = (list) => new Map((list || []).map((item) => [item.id, item]));
  const cache = new WeakMap();

  /** Lookups over the scale, built once (scoring runs on every change). "No priority" ranks last. */
  function scaleIndex(scale) {
    if (cache.has(scale)) return cache.get(scale);
    const priorities = scale.priorities || [];
    const index = {
      levels: byId(scale.levels),
      unscored: byId(scale.unscored),
      priorities: byId(priorities),
      priorityRank: new Map(priorities.map((p, i) => [p.id, i])),
      checklistAnswers: byId(scale.checklistAnswers),
      topValue: Math.max(...scale.levels.map((level) => level.value)),
    };
    cache.set(scale, index);
    return index;
  }

  /** Criteria by id with element and framework order (every list's tie-breaker); checklist; scale. */
  function dataIndex(data) {
    if (cache.has(data)) return cache.get(data);
    const criteria = new Map();
    for (const element of data.elements) {
      for (const criterion of element.criteria) {
        criteria.set(criterion.id, { criterion, element, order: criteria.size });
      }
    }
    const index = { criteria, checklist: byId(data.checklist), scale: scaleIndex(data.scale) };
    cache.set(data, index);
    return index;
  }

  const labelCache = new WeakMap();
  /**
   * The scale's labels as a UI string's placeholders, by id in camelCase: {notYet},
   * {embedded}, {dontKnow}, {high}; checklist answers {answerNo}, {answerDontKnow}.
   * A sentence that names a label takes it from here (framework/strings.yml never
   * spells one out), so an edition that renames it in scale.yml renames it there too.
   * @returns {Object<string, string>}
   */
  function labelParams(data) {
    const scale = data.scale;
    if (labelCache.has(scale)) return labelCache.get(scale);
    const name = (id) => String(id).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    /** @type {Object<string, string>} */
    const params = {};
    for (const o of scale.levels.concat(scale.unscored, scale.priorities)) params[name(o.id)] = o.label;
    for (const o of scale.checklistAnswers || []) params[name('answer-' + o.id)] = o.label;
    labelCache.set(scale, params);
    return params;
  }

  /** What a session records about the edition it was made with. */
  const editionOf = (data) =>
    ({ id: data.edition.id, contentVersion: data.edition.contentVersion, fingerprint: data.fingerprint });

  /** The session's answer object for a criterion, or null. */
  function answerFor(session, criterionId) {
    const answer = own(session && session.answers, criterionId);
    return isPlainObject(answer) ? answer : null;
  }

  /** Has the group put anything in this plan row (text, a status, or agreed it)? Such rows are never dropped. */
  function rowHasText(row) {
    const filled = (field) => typeof row[field] === 'string' && row[field].trim() !== '';
    return ROW_FIELDS.some(filled) || Boolean(row.status) || row.agreed === true
      || (row.criterion == null && filled('title'));
  }

  return {
    FORMAT, VERSION, DONT_KNOW, NOT_APPLICABLE, STRENGTH_MIN_VALUE, DETAIL_FIELDS, CAPACITIES, ROLES, DETAIL_CHOICES,
    DETAIL_KEYS, ROW_FIELDS,
    STATUSES, own, isPlainObject, scaleIndex, dataIndex, labelParams, editionOf, answerFor, rowHasText,
  };
});
