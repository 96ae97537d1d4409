/**
 * kmsat core: raters to consensus. The spread of one round's answers per
 * criterion, and the agreed assessment as a new session. Apart from
 * core/compare.js because only the consensus view needs it: the compare
 * page loads it when that view is first shown (KMSAT.load('compare-consensus')).
 * Pure: files in, figures and a session out.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./session.js'), require('./plan.js'),
      require('./compare.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.consensus = factory(k.model, k.session, k.plan, k.compare);
  }
})(typeof self !== 'undefined' ? self : this, function (model, sessions, planning, compare) {
  'use strict';

  const { own, dataIndex, answerFor } = model;
  const { median, twoDecimals, levelIdOf, raterName } = compare;
  const hasOwn = Object.prototype.hasOwnProperty;

  /**
   * Raters of one team: the spread of their ratings per criterion, widest
   * disagreement first (range, then variance, then how many different
   * answers), framework order last. `unanimous` is the answer every rater
   * gave, or ''.
   */
  function spread(data, entries, criteria) {
    const index = dataIndex(data);
    const { levels } = index.scale;
    const options = data.scale.levels.concat(data.scale.unscored).map((o) => o.id);
    return criteria.map((id) => {
      const { criterion, element, order } = index.criteria.get(id);
      const counts = {};
      for (const option of options.concat('')) counts[option] = 0;
      const answered = entries.map((entry) => levelIdOf(entry.session, id)).map((l) => (hasOwn.call(counts, l) ? l : ''));
      for (const l of answered) counts[l] += 1;
      const values = answered.filter((l) => levels.has(l)).map((l) => levels.get(l).value);
      const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
      const variance = values.reduce((sum, v) => sum + (v - mean) * (v - mean), 0) / (values.length || 1);
      const distinct = new Set(answered.filter(Boolean));
      const min = values.length ? Math.min(...values) : null, max = values.length ? Math.max(...values) : null;
      return { id, criterion, element, order, counts, raters: entries.length, median: median(values), min, max,
        range: max === null || min === null ? 0 : max - min, variance: twoDecimals(variance), distinct: distinct.size,
        unanimous: distinct.size === 1 && counts[''] === 0 ? [...distinct][0] : '' };
    }).sort((a, b) => b.range - a.range || b.variance - a.variance || b.distinct - a.distinct || a.order - b.order);
  }

  /** The most common non-empty value, ties to the earliest in `order`; '' for none. */
  function mostCommon(values, order) {
    let best = '', bestCount = 0;
    for (const option of order) {
      const count = values.filter((v) => v === option).length;
      if (count > bestCount) { best = option; bestCount = count; }
    }
    return best;
  }

  /**
   * The agreed assessment as a new session: the facilitator's level and note
   * per criterion, the raters' most common priority, parked if any rater parked it, the checklist answers
   * they all gave, their shared details, and the action plan synced from it.
   * @param {{session: Object}[]} entries the raters (compare.js FileEntry)
   * @param {Object<string, {level: string, notes: string}>} agreed by criterion id
   * @param {{newId: string, now: Date}} options
   */
  function consensusSession(data, entries, agreed, options) {
    const details = entries.map((entry) => entry.session.details || {});
    const distinct = (field) => [...new Set(details.map((d) => String(d[field] || '').trim()).filter(Boolean))];
    const common = (field) => (distinct(field).length === 1 ? distinct(field)[0] : '');
    const priorities = data.scale.priorities.map((p) => p.id);
    const answers = {};
    for (const id of dataIndex(data).criteria.keys()) {
      const choice = own(agreed, id) || {};
      const given = entries.map((entry) => answerFor(entry.session, id) || {});
      answers[id] = { level: choice.level || '', notes: choice.notes || '',
        priority: mostCommon(given.map((answer) => answer.priority), priorities) };
      // A question any rater parked to find out stays parked in the agreed answers.
      if (given.some((answer) => answer.parked === true)) answers[id].parked = true;
    }
    const checklist = {};
    for (const question of data.checklist) {
      const given = entries.map((entry) => own(own(entry.session.checklist, question.id), 'answer')).filter(Boolean);
      if (given.length && given.every((a) => a === given[0])) checklist[question.id] = { answer: given[0], note: '' };
    }
    const now = options.now || new Date();
    const raw = { id: options.newId, revision: 0, savedAt: now.toISOString(), checklist, answers,
      details: { organisation: details[0].organisation, team: details[0].team, role: 'agreed',
        date: common('date') || sessions.newSession(data, now, '').details.date,
        facilitator: common('facilitator') || distinct('facilitator')[0] || '',
        participants: [...new Set(entries.map(raterName).filter(Boolean))].join('; '),
        purpose: common('purpose'), capacity: common('capacity') } };
    const { session } = sessions.normaliseSession(raw, data, options);
    session.plan = planning.syncPlan(data, session);
    return session;
  }

  return { spread, consensusSession };
});
