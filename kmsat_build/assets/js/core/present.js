/**
 * kmsat core: present mode, the facilitated session on a shared screen.
 *
 * Pure logic only: the order of the slides, where the group is, what each
 * key or clicker button means, the session updates a key makes (each returns
 * a new session), the timer's budget from the facilitator's guide's agenda,
 * and what the last slide lists. The view (js/present/) draws and wires it.
 *
 * Parked questions ("find this out after the session") are kept on the
 * answer itself, `answers[id].parked: true`, next to its level, priority and
 * notes: they travel with the answers in files, links and comparisons, and
 * scoring and planning read them from there (scoring.gaps, plan.syncPlan).
 */
// Types for the JSDoc checker (tools/tsconfig.json), at the top level so other files can import them.
/**
 * @typedef {{kind: 'criterion', element: any, criterion: any, elementNumber: number,
 *   number: number, count: number, overall: number, total: number}} CriterionSlide
 *   number of count: within the element; overall of total: in the whole questionnaire
 * @typedef {{kind: 'summary', element: any, elementNumber: number}} SummarySlide
 * @typedef {{kind: 'results', element?: undefined}} ResultsSlide
 * @typedef {CriterionSlide|SummarySlide|ResultsSlide} Slide
 * @typedef {{type: 'level', level: string}|{type: 'clear'}|{type: 'priority', priority: string}|
 *   {type: 'move', delta: number}|{type: 'note'}|{type: 'park'}|{type: 'exit'}} Action
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./scoring.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.present = factory(k.model, k.scoring);
  }
})(typeof self !== 'undefined' ? self : this, function (model, scoring) {
  'use strict';

  const { DONT_KNOW, NOT_APPLICABLE, answerFor, dataIndex } = model;

  /** Every criterion in order, a summary slide after each element, the results last. @returns {Slide[]} */
  function slides(data) {
    const total = data.elements.reduce((sum, e) => sum + e.criteria.length, 0);
    /** @type {Slide[]} */
    const list = [];
    let overall = 0;
    data.elements.forEach((element, e) => {
      element.criteria.forEach((criterion, i) => {
        overall += 1;
        list.push({ kind: 'criterion', element, criterion, elementNumber: e + 1,
          number: i + 1, count: element.criteria.length, overall, total });
      });
      list.push({ kind: 'summary', element, elementNumber: e + 1 });
    });
    list.push({ kind: 'results' });
    return list;
  }

  /** Index of a criterion's slide, or of the first slide of element `id`; 0 when neither. */
  function slideFor(list, id) {
    const at = list.findIndex((s) => (s.kind === 'criterion' && s.criterion.id === id));
    if (at !== -1) return at;
    const first = list.findIndex((s) => s.element && s.element.id === id);
    return Math.max(0, first);
  }

  /**
   * The criterion present mode opens at, for `id` (what the normal view is
   * on): that criterion; in element `id`, its first unanswered criterion (its
   * first when all are answered); otherwise the first unanswered of all, or
   * the very first.
   * @returns {string}
   */
  function startAt(data, session, id) {
    const unanswered = (c) => !(answerFor(session, c.id) || {}).level;
    const all = data.elements.flatMap((e) => e.criteria);
    if (all.some((c) => c.id === id)) return id;
    const element = data.elements.find((e) => e.id === id);
    const pool = element ? element.criteria : all;
    return (pool.find(unanswered) || pool[0]).id;
  }

  /** The criterion a slide is about, for going back to the normal view: its own, or its element's last. */
  function criterionAt(list, index) {
    for (let i = Math.min(index, list.length - 1); i >= 0; i -= 1) {
      if (list[i].kind === 'criterion') return list[i].criterion.id;
    }
    return null;
  }

  const PRIORITY_KEYS = { h: 'high', m: 'medium', l: 'low' };
  /** Clickers send PageDown/PageUp (some send arrows); Space moves on as in a slide show. */
  const MOVES = { PageDown: 1, ArrowRight: 1, ' ': 1, Spacebar: 1, PageUp: -1, ArrowLeft: -1 };
  const LETTERS = { d: { type: 'level', level: DONT_KNOW }, n: { type: 'level', level: NOT_APPLICABLE },
    e: { type: 'note' }, p: { type: 'park' } };

  /**
   * What a key means in present mode, or null (the browser keeps it).
   * 1-4: the scale's levels in order; D, N: Don't know, Not applicable;
   * Delete or Backspace: clear the rating; H, M, L: the priority named
   * high, medium, low (or the scale's first three priorities, whatever their
   * ids); E: enter a note; P: park the question; moves as above; Escape: leave.
   * Keys with Ctrl, Alt or Meta are the browser's and the screen reader's.
   * @param {{key: string, ctrlKey?: boolean, altKey?: boolean, metaKey?: boolean, shiftKey?: boolean}} event
   * @returns {Action|null}
   */
  function keyAction(event, data) {
    if (event.ctrlKey || event.altKey || event.metaKey) return null;
    const key = event.key;
    if (key === 'Escape' || key === 'Esc') return { type: 'exit' };
    if (Object.prototype.hasOwnProperty.call(MOVES, key)) {
      // Shift+Space goes back, as in a browser page or a slide show.
      return { type: 'move', delta: (key === ' ' || key === 'Spacebar') && event.shiftKey ? -1 : MOVES[key] };
    }
    if (/^[1-9]$/.test(key)) {
      const level = data.scale.levels[Number(key) - 1];
      return level ? { type: 'level', level: level.id } : null;
    }
    if (key === 'Delete' || key === 'Backspace') return { type: 'clear' };
    const letter = key.length === 1 ? key.toLowerCase() : '';
    if (Object.prototype.hasOwnProperty.call(LETTERS, letter)) return LETTERS[letter];
    if (Object.prototype.hasOwnProperty.call(PRIORITY_KEYS, letter)) {
      const priorities = data.scale.priorities;
      const named = priorities.find((p) => p.id === PRIORITY_KEYS[letter]);
      const fallback = priorities['hml'.indexOf(letter)];
      const priority = named || fallback;
      return priority ? { type: 'priority', priority: priority.id } : null;
    }
    return null;
  }

  /** A new session with `changes` made to one criterion's answer (kept whole; `parked` only while true). */
  function updateAnswer(session, id, changes) {
    const answer = Object.assign({ level: '', priority: '', notes: '' }, answerFor(session, id), changes);
    if (answer.parked !== true) delete answer.parked;
    return Object.assign({}, session, { answers: Object.assign({}, session.answers, { [id]: answer }) });
  }

  /** Set a rating (a level or an unscored answer); '' clears it. */
  const setLevel = (session, id, level) => updateAnswer(session, id, { level });
  /** Set a priority; the same priority again clears it (one key both sets and takes back). */
  const setPriority = (session, id, priority) =>
    updateAnswer(session, id, { priority: (answerFor(session, id) || {}).priority === priority ? '' : priority });
  const setNote = (session, id, notes) => updateAnswer(session, id, { notes });
  /** Park the question as something to find out, or take it back. */
  const togglePark = (session, id) => updateAnswer(session, id, { parked: !isParked(session, id) });
  const isParked = (session, id) => (answerFor(session, id) || {}).parked === true;

  /**
   * Seconds each criterion may take: its element's minutes in the agenda,
   * shared equally by the element's criteria. null: the agenda does not
   * time that element (the timer then counts up without a budget).
   * @param {{agenda?: {minutes: number, element: string|null}[], elements: any[]}} data
   * @returns {Object<string, number|null>}
   */
  function budgets(data) {
    const minutes = new Map();
    for (const row of data.agenda || []) {
      if (row.element && Number.isFinite(row.minutes) && row.minutes > 0) {
        minutes.set(row.element, (minutes.get(row.element) || 0) + row.minutes);
      }
    }
    /** @type {Object<string, number|null>} */
    const out = {};
    for (const element of data.elements) {
      for (const c of element.criteria) {
        out[c.id] = minutes.has(element.id) ? Math.round((minutes.get(element.id) * 60) / element.criteria.length) : null;
      }
    }
    return out;
  }

  /** m:ss */
  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  /**
   * What the timer shows after `elapsedMs` on a criterion with `budget` seconds.
   * @returns {{elapsed: string, budget: string|null, over: boolean, overBy: string|null}}
   */
  function timer(elapsedMs, budget) {
    const seconds = Math.floor(elapsedMs / 1000);
    const over = budget !== null && budget !== undefined && seconds > budget;
    return { elapsed: clock(seconds), budget: budget === null || budget === undefined ? null : clock(budget),
      over, overBy: over ? clock(seconds - budget) : null };
  }

  /**
   * Relative widths for the four level boxes, so the longest descriptor gets
   * the widest box and no box runs out of height while others sit half empty:
   * widths follow text length, but none is under `floor` of the widest.
   * @param {string[]} texts
   * @param {number} [floor] the least share of the widest (0.6)
   * @returns {number[]} weights for `fr` columns, 1 for the longest
   */
  function columnWeights(texts, floor) {
    const lengths = texts.map((text) => String(text || '').length);
    const longest = Math.max(1, ...lengths);
    const least = floor === undefined ? 0.6 : floor;
    return lengths.map((n) => Math.round(Math.max(least, n / longest) * 100) / 100);
  }

  /**
   * The last slide's lists: criteria to focus on (rated below Developing),
   * highest priority first, then lowest rating, then framework order (the
   * action plan's order); what to find out (Don't know, or parked); and how
   * many criteria have no answer yet.
   * @returns {{focus: import('./scoring.js').CriterionResult[], findOut: import('./scoring.js').CriterionResult[],
   *   unanswered: number}}
   */
  function outcomes(data, session) {
    const index = dataIndex(data);
    const rank = index.scale.priorityRank;
    const gaps = scoring.gaps(data, session);
    const key = (r) => [rank.has(r.priority) ? rank.get(r.priority) : rank.size, r.level.value,
      index.criteria.get(r.criterion.id).order];
    const focus = gaps.below.slice().sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    return { focus, findOut: gaps.findOut, unanswered: gaps.unanswered.length };
  }

  return { slides, slideFor, startAt, criterionAt, keyAction, updateAnswer, setLevel, setPriority, setNote, togglePark,
    isParked, budgets, clock, timer, columnWeights, outcomes };
});
