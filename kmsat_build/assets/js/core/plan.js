/**
 * kmsat core: the action plan.
 *
 * A criterion is eligible when it is scored below the top level (Embedded),
 * or parked as something to find out (present mode), whatever its rating.
 * The plan is the group's document, so syncing is conservative: rows keep
 * the order the group gave them, rows with anything typed in are never
 * dropped, and a criterion the group removed (session.dismissed) does not
 * come back by itself.
 *
 * Where a newly eligible criterion goes: before the first eligible auto row
 * that ranks after it (priority, then level, then framework order); failing
 * that, just after the last eligible auto row, so custom rows at the bottom
 * stay there; failing that, at the end. On an untouched plan this is exactly
 * the sorted order; on a rearranged one, a sensible neighbour.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./model.js'));
  else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.plan = factory(k.model); }
})(typeof self !== 'undefined' ? self : this, function (model) {
  'use strict';

  const { ROW_FIELDS, STATUSES, dataIndex, answerFor, rowHasText } = model;

  /**
   * @typedef {{id: string, criterion: string|null, title: string, action: string, owner: string,
   *   support: string, due: string, measure: string, status: string, agreed?: boolean}} PlanRow
   *   agreed: the group chose this row as one of its few actions; drafted rows are candidates.
   * @typedef {{id: string, row: PlanRow, custom: boolean, stale: boolean, title: string,
   *   criterion: Object|null, element: Object|null, level: Object|null, priority: Object|null,
   *   agreed: boolean, parked: boolean}} PlanRowView
   *   stale: an auto row no longer eligible, kept because the group typed in it (view only);
   *   parked: the group parked the question to find out (present mode).
   * @typedef {{answers?: Object, plan?: PlanRow[], dismissed?: string[]}} Session
   */

  const isCustom = (row) => row.criterion === null || row.criterion === undefined;

  /** Rank key [priority rank, level value, framework order] of each eligible criterion. */
  function eligibleCriteria(data, session) {
    const index = dataIndex(data);
    const { levels, priorityRank, topValue } = index.scale;
    const eligible = new Map();
    for (const [id, entry] of index.criteria) {
      const answer = answerFor(session, id);
      const level = answer && levels.get(answer.level);
      const parked = Boolean(answer) && answer.parked === true;
      if (!parked && (!level || level.value >= topValue)) continue;
      const rank = priorityRank.has(answer.priority) ? priorityRank.get(answer.priority) : priorityRank.size;
      // A parked question without a rating ranks after the rated ones of its priority.
      eligible.set(id, [rank, level ? level.value : topValue, entry.order]);
    }
    return eligible;
  }

  const compareKeys = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

  /** Next free `row-N` id: deterministic, so planning stays pure. */
  function nextRowId(plan) {
    const numbers = plan.map((row) => /^row-(\d+)$/.exec(row.id)).filter(Boolean).map((m) => Number(m[1]));
    return 'row-' + (Math.max(0, ...numbers) + 1);
  }

  const blankRow = (id, criterion) => ({ id, criterion, title: '', action: '', owner: '', support: '',
    due: '', measure: '', status: '', agreed: false });

  /** A copy of `plan` with an auto row for `criterionId`, placed by the rule above. */
  function insertAuto(plan, criterionId, eligible) {
    const key = eligible.get(criterionId);
    let at = -1, lastAuto = -1;
    plan.forEach((row, i) => {
      const other = isCustom(row) ? undefined : eligible.get(row.criterion);
      if (!other) return;
      lastAuto = i;
      if (at === -1 && compareKeys(other, key) > 0) at = i;
    });
    if (at === -1) at = lastAuto === -1 ? plan.length : lastAuto + 1;
    const copy = plan.slice();
    copy.splice(at, 0, blankRow(nextRowId(plan), criterionId));
    return copy;
  }

  /**
   * The plan brought up to date with the answers: a new array; unchanged
   * rows are shared, never modified.
   * @param {import('./model.js').Questionnaire} data
   * @param {Session} session
   * @param {string} [changed] criterion whose rating or priority just changed: its row, if
   *   still blank, is placed again, so a row added before its priority was set does not stay
   *   where "no priority" put it.
   * @returns {PlanRow[]}
   */
  function syncPlan(data, session, changed) {
    const eligible = eligibleCriteria(data, session);
    const dismissed = new Set(session.dismissed || []);
    const kept = (session.plan || []).filter((row) => isCustom(row) || rowHasText(row)
      || (eligible.has(row.criterion) && row.criterion !== changed));
    const present = new Set(kept.map((row) => row.criterion));
    return [...eligible.keys()]
      .filter((id) => !present.has(id) && !dismissed.has(id))
      .sort((a, b) => compareKeys(eligible.get(a), eligible.get(b)))
      .reduce((plan, id) => insertAuto(plan, id, eligible), kept);
  }

  /** What the plan table shows: each row with what it refers to. @returns {PlanRowView[]} */
  function planView(data, session) {
    const index = dataIndex(data);
    const { levels, unscored, priorities } = index.scale;
    const eligible = eligibleCriteria(data, session);
    return (session.plan || []).map((row) => {
      const custom = isCustom(row);
      const entry = custom ? undefined : index.criteria.get(row.criterion);
      const answer = custom ? null : answerFor(session, row.criterion);
      const levelId = answer && answer.level;
      return {
        id: row.id, row, custom,
        stale: !custom && !eligible.has(row.criterion),
        agreed: row.agreed === true,
        title: custom ? row.title : entry ? entry.criterion.title : String(row.criterion),
        criterion: entry ? entry.criterion : null,
        element: entry ? entry.element : null,
        level: (levelId && (levels.get(levelId) || unscored.get(levelId))) || null,
        priority: (answer && priorities.get(answer.priority)) || null,
        parked: Boolean(answer && answer.parked === true),
      };
    });
  }

  /** A copy of `row` with the editable fields in `changes` applied. */
  function updateFields(row, changes) {
    const copy = Object.assign({}, row);
    for (const field of isCustom(row) ? ROW_FIELDS.concat('title') : ROW_FIELDS) {
      if (typeof changes[field] === 'string') copy[field] = changes[field];
    }
    if (changes.status === '' || STATUSES.includes(changes.status)) copy.status = changes.status;
    if (typeof changes.agreed === 'boolean') copy.agreed = changes.agreed;
    return copy;
  }

  /** How many rows the group agreed; the guide asks for a few (AIM: 3 to 5). */
  const AIM = { min: 3, max: 5 };
  const agreedCount = (plan) => (plan || []).filter((row) => row.agreed === true).length;

  /** Views for a reader (exports, the printed plan): agreed actions first, each part in the group's order. */
  const agreedFirst = (views) => views.filter((v) => v.agreed).concat(views.filter((v) => !v.agreed));

  /** A row's title for a reader: candidates marked as such (`mark(title)` words it, e.g. "{title} (candidate)"). */
  const readerTitle = (view, untitled, mark) => {
    const title = view.title || untitled;
    return view.agreed ? title : mark(title);
  };

  /** A new plan with a custom row (the group's own action, `fields` e.g. {title}) at the end. */
  function addCustomRow(plan, fields) {
    return plan.concat(updateFields(blankRow(nextRowId(plan), null), fields || {}));
  }

  /** A new plan with one row's text changed (its id and criterion cannot change). */
  function updateRow(plan, id, changes) {
    return plan.map((row) => (row.id === id ? updateFields(row, changes) : row));
  }

  /** A new plan with a row moved `delta` places (negative: up), clamped to the ends. */
  function moveRow(plan, id, delta) {
    const from = plan.findIndex((row) => row.id === id);
    const copy = plan.slice();
    if (from === -1) return copy;
    const to = Math.max(0, Math.min(plan.length - 1, from + delta));
    copy.splice(to, 0, copy.splice(from, 1)[0]);
    return copy;
  }

  /**
   * Remove a row. An auto row's criterion is remembered as dismissed, so
   * syncing does not bring it straight back.
   * @param {Session} session
   * @returns {{plan: PlanRow[], dismissed: string[]}} to spread into the session
   */
  function removeRow(session, id) {
    const plan = session.plan || [];
    const dismissed = (session.dismissed || []).slice();
    const row = plan.find((r) => r.id === id);
    const criterion = row && !isCustom(row) ? row.criterion : null;
    if (criterion !== null && !dismissed.includes(criterion)) dismissed.push(criterion);
    return { plan: plan.filter((r) => r.id !== id), dismissed };
  }

  /**
   * Bring back one dismissed criterion, or all when no id is given; it
   * returns to the plan at once, at its sorted place, if still eligible.
   * @returns {{plan: PlanRow[], dismissed: string[]}} to spread into the session
   */
  function restoreDismissed(data, session, criterionId) {
    const dismissed = criterionId === undefined ? []
      : (session.dismissed || []).filter((id) => id !== criterionId);
    return { plan: syncPlan(data, Object.assign({}, session, { dismissed })), dismissed };
  }

  return { AIM, syncPlan, planView, addCustomRow, updateRow, moveRow, removeRow, restoreDismissed, isCustom,
    agreedCount, agreedFirst, readerTitle };
});
