/**
 * kmsat core: one team over time. Apart from core/compare.js because only
 * the over-time view needs it: the compare page loads it when that view is
 * first shown (KMSAT.load('compare-time')). Pure: files in, figures out.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./plan.js'), require('./compare.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.overTime = factory(k.model, k.plan, k.compare);
  }
})(typeof self !== 'undefined' ? self : this, function (model, planning, compare) {
  'use strict';

  const { dataIndex } = model;
  const { comparedElements, rounds, roundFiles, ratings, elementMeans, twoDecimals } = compare;

  /**
   * One team over time: its figures at each date (oldest first), the change
   * from the first date to the last, and each earlier date's action plan
   * rows with their status and how their criterion moved since.
   */
  function overTime(data, entries, criteria) {
    const elements = comparedElements(data, criteria);
    const snapshots = rounds(entries).map((round) => {
      const list = roundFiles(round);
      const values = ratings(data, list, criteria);
      return { date: round.date, files: list.length, agreed: round.agreed.length > 0, entries: list, values,
        means: elementMeans(elements, values) };
    });
    const first = snapshots[0], last = snapshots[snapshots.length - 1];
    const change = (a, b) => (a === null || b === null ? null : twoDecimals(b - a));
    const index = dataIndex(data);
    const plans = snapshots.slice(0, -1).map((snap) => {
      const source = snap.entries.find((entry) => (entry.session.plan || []).length);
      const rows = source ? planning.planView(data, source.session).map((view) => {
        const then = view.custom ? null : snap.values.get(view.row.criterion);
        const now = view.custom ? null : last.values.get(view.row.criterion);
        return { view, then: then || null, now: now || null,
          change: then && now ? change(then.value, now.value) : null };
      }) : [];
      return { date: snap.date, rows };
    }).filter((plan) => plan.rows.length);
    return {
      snapshots, elements, plans,
      elementRows: elements.map(({ element }) => ({ element,
        means: snapshots.map((s) => s.means.get(element.id)),
        change: change(first.means.get(element.id), last.means.get(element.id)) })),
      criterionRows: criteria.map((id) => ({ element: index.criteria.get(id).element,
        criterion: index.criteria.get(id).criterion, ratings: snapshots.map((s) => s.values.get(id)),
        change: change(first.values.get(id).value, last.values.get(id).value) })),
    };
  }

  return { overTime };
});
