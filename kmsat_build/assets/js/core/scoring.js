/**
 * kmsat core: scoring.
 *
 * An element's score is the mean level value of its scored criteria.
 * "Don't know", "Not applicable" and unanswered criteria are counted but not
 * scored, so they neither pull a mean down nor hide in it. There is no grand
 * total on purpose: one number would hide the spread between elements.
 */
// Types for the JSDoc checker (tools/tsconfig.json), at the top level so other files can import them.
/**
 * @typedef {{id: string, total: number, answered: number, scored: number, mean: number|null,
 *   min: number|null, max: number|null, counts: Object<string, number>,
 *   dontKnow: number, notApplicable: number, unanswered: number}} ElementScore
 *   answered: any answer, scored or not; scored: answered with a level; mean, min, max:
 *   level values, null when nothing is scored; counts: level id -> criteria at that level.
 * @typedef {{element: Object, criterion: Object, level: Object|null, levelId: string,
 *   priority: string, parked: boolean}} CriterionResult  level: the scale level, null when not
 *   scored; parked: the group left it to find out after the session (present mode)
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./model.js'));
  else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.scoring = factory(k.model); }
})(typeof self !== 'undefined' ? self : this, function (model) {
  'use strict';

  const { DONT_KNOW, NOT_APPLICABLE, STRENGTH_MIN_VALUE, own, scaleIndex, dataIndex, answerFor } = model;


  /**
   * Score one element.
   * @param {import('./model.js').Element} element
   * @param {Object} answers session.answers
   * @param {import('./model.js').Scale} scale
   * @returns {ElementScore}
   */
  function scoreElement(element, answers, scale) {
    const levels = scaleIndex(scale).levels;
    /** @type {Object<string, number>} */
    const counts = {};
    for (const level of scale.levels) counts[level.id] = 0;
    let scored = 0, sum = 0, min = Infinity, max = -Infinity;
    let dontKnow = 0, notApplicable = 0, unanswered = 0;
    for (const criterion of element.criteria) {
      const levelId = own(own(answers, criterion.id), 'level');
      const level = typeof levelId === 'string' ? levels.get(levelId) : undefined;
      if (level) {
        scored += 1;
        sum += level.value;
        counts[level.id] += 1;
        min = Math.min(min, level.value);
        max = Math.max(max, level.value);
      } else if (levelId === DONT_KNOW) dontKnow += 1;
      else if (levelId === NOT_APPLICABLE) notApplicable += 1;
      else unanswered += 1; // including an id the scale does not know
    }
    return {
      id: element.id, total: element.criteria.length, answered: scored + dontKnow + notApplicable, scored,
      mean: scored ? sum / scored : null, min: scored ? min : null, max: scored ? max : null,
      counts, dontKnow, notApplicable, unanswered,
    };
  }

  /**
   * Scores for every element, in framework order.
   * @returns {ElementScore[]}
   */
  function scoreAll(data, session) {
    const answers = (session && session.answers) || {};
    return data.elements.map((element) => scoreElement(element, answers, data.scale));
  }

  /**
   * How far through the questionnaire the group is (not a score).
   * @returns {{answered: number, total: number}}
   */
  function progress(data, session) {
    return scoreAll(data, session).reduce((sum, s) =>
      ({ answered: sum.answered + s.answered, total: sum.total + s.total }), { answered: 0, total: 0 });
  }

  /** Every criterion with its answer, in framework order. @returns {CriterionResult[]} */
  function results(data, session) {
    const levels = dataIndex(data).scale.levels;
    const text = (value) => (typeof value === 'string' ? value : '');
    const list = [];
    for (const element of data.elements) {
      for (const criterion of element.criteria) {
        const answer = answerFor(session, criterion.id) || {};
        const levelId = text(answer.level);
        list.push({ element, criterion, level: levels.get(levelId) || null, levelId, priority: text(answer.priority),
          parked: answer.parked === true });
      }
    }
    return list;
  }

  /**
   * Criteria rated Developing or Embedded, in framework order.
   * @returns {CriterionResult[]}
   */
  function strengths(data, session) {
    return results(data, session).filter((r) => r.level && r.level.value >= STRENGTH_MIN_VALUE);
  }

  /**
   * Where to look next: criteria scored below Developing, and separately
   * those the group could not rate ("Don't know") or has not reached yet.
   * "Not applicable" is a decision, not a gap: it is in neither list.
   * findOut: "To find out", what the group did not know or parked to find out.
   * @returns {{below: CriterionResult[], dontKnow: CriterionResult[], findOut: CriterionResult[],
   *   unanswered: CriterionResult[]}}
   */
  function gaps(data, session) {
    const all = results(data, session);
    return {
      below: all.filter((r) => r.level && r.level.value < STRENGTH_MIN_VALUE),
      dontKnow: all.filter((r) => r.levelId === DONT_KNOW),
      findOut: all.filter((r) => r.levelId === DONT_KNOW || r.parked),
      unanswered: all.filter((r) => !r.level && r.levelId !== DONT_KNOW && r.levelId !== NOT_APPLICABLE),
    };
  }

  return { scoreElement, scoreAll, progress, results, strengths, gaps };
});
