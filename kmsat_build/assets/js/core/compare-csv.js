/**
 * kmsat core: the compare page's views as CSV (side by side, consensus, over
 * time). Apart from core/compare.js because only a download needs it: the
 * page loads it on the first "Download CSV" (KMSAT.load('compare-export')).
 * Pure: a view from core/compare.js in, the CSV text out.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'), require('./exporters.js'),
      require('./compare.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.compareCsv = factory(k.model, k.strings, k.exporters, k.compare);
  }
})(typeof self !== 'undefined' ? self : this, function (model, strings, exporters, compare) {
  'use strict';

  const { own } = model;
  const { ratingText } = compare;

  /** A rating as a CSV figure: its number, as element rows have theirs; words only for unscored answers. */
  const figure = (data, rating) => (rating.value === null ? ratingText(data, rating) : rating.value);

  /** Rows of cells as CSV: every cell quoted and neutralised, BOM, CRLF (exporters.csvTable). */
  const csv = exporters.csvTable;

  /** The side-by-side figures as CSV: one row per element and per criterion, a column per team. */
  function sideBySideCSV(data, view) {
    const t = (key) => strings.t(data.strings, 'compare.csv.' + key);
    // Each team's column names the date its figures are from (teams can differ).
    const rows = [[t('element'), t('id'), t('item')].concat(view.teams.map((team) =>
      team.label + ' (' + (team.date || t('noDate')) + ')'), t('median'), t('lowest'))];
    for (const { element, criteria: list } of view.elements) {
      const roll = view.elementRollUp.get(element.id);
      rows.push([element.title, element.id, element.title].concat(view.teams.map((team) => team.means.get(element.id)),
        roll.median, roll.lowest));
      for (const c of list) {
        const r = view.criterionRollUp.get(c.id);
        rows.push([element.title, c.id, c.title].concat(view.teams.map((team) => figure(data, team.values.get(c.id))),
          r.median, r.lowest));
      }
    }
    return csv(rows);
  }

  /** The raters' spread and the agreed levels as CSV, widest disagreement first. */
  function consensusCSV(data, rows, agreed) {
    const t = (key) => strings.t(data.strings, 'compare.csv.' + key);
    const options = data.scale.levels.concat(data.scale.unscored);
    const label = (id) => ratingText(data, { value: null, levelId: id });
    const out = [[t('element'), t('id'), t('item')].concat(options.map((o) => o.label), t('notAnswered'),
      t('median'), t('range'), t('agreed'), t('note'))];
    for (const row of rows) {
      const choice = own(agreed, row.id) || {};
      out.push([row.element.title, row.id, row.criterion.title].concat(options.map((o) => row.counts[o.id]),
        row.counts[''], row.median, row.range, label(choice.level || ''), choice.notes || ''));
    }
    return csv(out);
  }

  /** One team over time as CSV: elements and criteria by date with the change, then earlier plans. */
  function overTimeCSV(data, view) {
    const t = (key) => strings.t(data.strings, 'compare.csv.' + key);
    const dates = view.snapshots.map((s) => s.date || t('noDate'));
    const rows = [[t('element'), t('id'), t('item')].concat(dates, t('change'))];
    for (const row of view.elementRows) {
      rows.push([row.element.title, row.element.id, row.element.title].concat(row.means, row.change));
    }
    for (const row of view.criterionRows) {
      rows.push([row.element.title, row.criterion.id, row.criterion.title]
        .concat(row.ratings.map((r) => figure(data, r)), row.change));
    }
    for (const plan of view.plans) {
      rows.push([]);
      rows.push([t('planFrom') + ' ' + (plan.date || t('noDate')), t('action'), t('owner'), t('status'),
        t('then'), t('now'), t('change')]);
      for (const { view: v, then, now, change } of plan.rows) {
        rows.push([v.title, v.row.action, v.row.owner, v.row.status ? strings.t(data.strings,
          'plan.status.' + v.row.status.replace(/-([a-z])/g, (_, c) => c.toUpperCase())) : '',
        ratingText(data, then), ratingText(data, now), change]);
      }
    }
    return csv(rows);
  }

  return { sideBySideCSV, consensusCSV, overTimeCSV };
});
