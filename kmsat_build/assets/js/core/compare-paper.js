/**
 * kmsat core: the compare page's printed Board paper, in the blocks of
 * core/board-paper.js (kit/paper.js lays them out). A title naming the
 * organisation, the teams, the dates and the purpose; the figures with a
 * chart whose marks are labelled with their team (or date); no web
 * instructions and no file lists. Over time, only plan rows the group set.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./compare.js'), require('./board-paper.js'), require('./strings.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.comparePaper = factory(k.model, k.compare, k.boardPaper, k.strings);
  }
})(typeof self !== 'undefined' ? self : this, function (model, compare, boardPaper, strings) {
  'use strict';

  const { rowHasText } = model;
  const { paragraph, table } = boardPaper;
  const { joinList } = strings; // lists of texts keep their languages (core/strings.js)

  const text = (value) => (typeof value === 'string' ? value.trim() : '');
  const distinct = (values) => [...new Set(values.map(text).filter(Boolean))];
  const detailsOf = (entries) => entries.map((entry) => entry.session.details || {});
  const number = (value) => (value === null || value === undefined ? '' : String(value));

  /** Column widths in %: the first column `first`, the `others` share what is left. */
  const widths = (first, others) => [first].concat(Array(others).fill((100 - first) / others));

  /** The sessions' own purposes, or a sentence that says what this comparison is for. */
  function purpose(w, entries, defaultKey) {
    const own = distinct(detailsOf(entries).map((d) => d.purpose));
    return { id: 'purpose', heading: w.t('paper.purpose'), blocks: [paragraph(own.length ? own.join('\n') : w.t(defaultKey))] };
  }

  /** A chart whose marks are labelled (a team, a date): each element's average and the range of its criteria. */
  function chart(w, label, elements, series) {
    return boardPaper.chartBlock(w, label, elements.map(({ element, criteria }) => ({ label: element.title,
      marks: series.map((s) => {
        const values = criteria.map((c) => s.values.get(c.id).value).filter((v) => v !== null);
        const mean = s.means.get(element.id);
        return { label: s.label, mean, meanText: mean === null ? w.t('compare.value.notScored') : mean.toFixed(1),
          min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null };
      }) })));
  }

  /** Per element, a table of each criterion's rating in each column. */
  function criteriaSection(heading, elements, head, cells) {
    const blocks = [];
    for (const { element, criteria } of elements) {
      blocks.push({ type: 'subheading', text: element.title },
        table(element.title, head, criteria.map((c) => [c.title].concat(cells(c))), widths(30, head.length - 1)));
    }
    return { id: 'criteria', heading, blocks };
  }

  const rating = (w, r) => compare.ratingText(w.data, r) || w.t('compare.value.notAnswered');

  /**
   * Teams side by side, as a Board paper.
   * @param {Object} view compare.sideBySide(...)
   * @param {Object[]} entries the files compared (their sessions name the organisation and purpose)
   * @param {{now?: Date}} [options]
   */
  function sideBySide(data, view, entries, options) {
    const w = boardPaper.words(data, options);
    const organisation = distinct(detailsOf(entries).map((d) => d.organisation)).join(', ');
    const teamDates = view.teams.map((team) => w.t('paper.compare.teamDate', { team: team.label, date: team.date ? w.date(team.date) : w.t('compare.files.noDate') }));
    const heads = view.teams.map((team) => team.label).concat(w.t('compare.side.median'), w.t('compare.side.lowest'));
    const roll = (r) => [number(r.median), number(r.lowest)];
    const levels = data.scale.levels.map((l) => l.value);
    const top = data.scale.levels.find((l) => l.value === Math.max(...levels)).label;
    const bottom = data.scale.levels.find((l) => l.value === Math.min(...levels)).label;
    const names = (teams) => joinList(teams.map((team) => team.label), ', ');
    return boardPaper.frame(data, {
      title: w.t('paper.compare.side.title', { organisation: organisation || w.t('compare.unnamedTeam') }),
      subtitle: joinList(teamDates, '; '), subject: organisation,
      sections: [
        purpose(w, entries, 'paper.compare.side.purpose'),
        { id: 'results', heading: w.t('report.results'), blocks: [
          paragraph(w.t('compare.side.intro', model.labelParams(data)), 'intro'),
          chart(w, w.t('paper.compare.chart.label'), view.elements, view.teams),
          table(w.t('compare.side.caption'), [w.t('compare.side.element')].concat(heads),
            view.elements.map(({ element }) => [element.title].concat(view.teams.map((team) => number(team.means.get(element.id))),
              roll(view.elementRollUp.get(element.id)))), widths(30, heads.length)),
        ] },
        { id: 'teach', heading: w.t('compare.side.teach.heading'), blocks: [
          paragraph(w.t('compare.side.teach.intro', { top, bottom }), 'intro'),
          view.teach.length ? { type: 'list', items: view.teach.map((x) => w.t('paper.compare.teach', {
            element: x.element.title, criterion: x.criterion.title, teachers: names(x.teachers), learners: names(x.learners) })) }
            : paragraph(w.t('compare.side.teach.none', { top, bottom })),
        ] },
        criteriaSection(w.t('compare.side.captionCriteria'), view.elements, [w.t('report.column.criterion')].concat(heads),
          (c) => view.teams.map((team) => rating(w, team.values.get(c.id))).concat(roll(view.criterionRollUp.get(c.id)))),
      ],
    }, options);
  }

  /** Change in words: Up 0.5, Down 1, No change. */
  function change(w, delta) {
    if (delta === null) return '';
    return delta > 0 ? w.t('compare.time.up', { delta }) : delta < 0 ? w.t('compare.time.down', { delta: -delta }) : w.t('compare.time.same');
  }

  /** Each earlier plan: only the rows the group set (an action, owner, status...), with the rating then and now. */
  function plans(w, view) {
    const blocks = [];
    const head = ['item', 'action', 'owner', 'status', 'then', 'now'].map((k) => w.t('compare.time.column.' + k))
      .concat(w.t('compare.time.change'));
    for (const plan of view.plans) {
      const rows = plan.rows.filter((r) => rowHasText(r.view.row));
      const date = plan.date ? w.date(plan.date) : w.t('compare.files.noDate');
      blocks.push({ type: 'subheading', text: w.t('compare.time.planHeading', { date }) });
      blocks.push(rows.length ? table(w.t('compare.time.planCaption', { date }), head, rows.map((r) => [r.view.title || w.t('plan.custom.untitled'), text(r.view.row.action),
        text(r.view.row.owner), r.view.row.status ? w.t('plan.status.' + r.view.row.status.replace(/-([a-z])/g, (_, c) => c.toUpperCase())) : '',
        r.then ? rating(w, r.then) : '', r.now ? rating(w, r.now) : '', change(w, r.change)]), [22, 24, 13, 11, 10, 10, 10])
        : paragraph(w.t('paper.compare.time.noRows')));
    }
    return { id: 'plans', heading: w.t('paper.compare.time.plans'), blocks: blocks.length ? blocks : [paragraph(w.t('compare.time.planNone'))] };
  }

  /**
   * One team over time, as a Board paper.
   * @param {Object} view compare.overTime(...)
   * @param {{now?: Date}} [options]
   */
  function overTime(data, view, options) {
    const w = boardPaper.words(data, options);
    const entries = view.snapshots.flatMap((s) => s.entries);
    const latest = detailsOf(view.snapshots[view.snapshots.length - 1].entries)[0];
    const team = [text(latest.team), text(latest.organisation)].filter(Boolean).join(', ') || w.t('compare.unnamedTeam');
    const dateOf = (s) => (s.date ? w.date(s.date) : w.t('compare.files.noDate'));
    const series = view.snapshots.map((s) => ({ label: dateOf(s), values: s.values, means: s.means }));
    const heads = series.map((s) => s.label).concat(w.t('compare.time.change'));
    return boardPaper.frame(data, {
      title: w.t('paper.compare.time.title', { team }),
      subtitle: joinList(series.map((s) => s.label), '; '), subject: text(latest.organisation),
      sections: [
        purpose(w, entries, 'paper.compare.time.purpose'),
        { id: 'results', heading: w.t('report.results'), blocks: [
          paragraph(w.t('compare.time.intro'), 'intro'),
          chart(w, w.t('paper.compare.time.chartLabel'), view.elements, series),
          table(w.t('compare.time.elementsCaption'), [w.t('compare.side.element')].concat(heads),
            view.elementRows.map((r) => [r.element.title].concat(r.means.map(number), change(w, r.change))), widths(30, heads.length)),
        ] },
        plans(w, view),
        criteriaSection(w.t('compare.time.criteriaCaption'), view.elements, [w.t('report.column.criterion')].concat(heads), (c) => {
          const row = view.criterionRows.find((r) => r.criterion.id === c.id);
          return row.ratings.map((r) => rating(w, r)).concat(change(w, row.change));
        }),
      ],
    }, options);
  }

  /**
   * Raters brought to consensus, as a Board paper: each criterion's spread
   * of ratings and the level and note the group agreed.
   * @param {Object[]} rows compare.spread(...)
   * @param {Object} agreed criterion id -> {level, notes}
   * @param {Object[]} entries the raters' files
   * @param {{now?: Date}} [options]
   */
  function consensus(data, rows, agreed, entries, options) {
    const w = boardPaper.words(data, options);
    const d = detailsOf(entries);
    const team = [distinct(d.map((x) => x.team))[0], distinct(d.map((x) => x.organisation))[0]].filter(Boolean).join(', ')
      || w.t('compare.unnamedTeam');
    const answers = data.scale.levels.concat(data.scale.unscored);
    const given = (row) => joinList(answers.filter((o) => row.counts[o.id]).map((o) =>
      w.t('compare.consensus.givenItem', { label: o.label, count: row.counts[o.id] })), ', ');
    const choice = (row) => (agreed && Object.prototype.hasOwnProperty.call(agreed, row.id) ? agreed[row.id] : {}) || {};
    const levelLabel = (id) => (answers.find((o) => o.id === id) || { label: w.t('compare.consensus.notAgreed') }).label;
    return boardPaper.frame(data, {
      title: w.t('paper.compare.consensus.title', { team }),
      subtitle: w.t('paper.compare.consensus.subtitle', { date: distinct(d.map((x) => w.date(x.date))).join(', '), count: entries.length }),
      subject: distinct(d.map((x) => x.organisation)).join(', '),
      sections: [
        purpose(w, entries, 'paper.compare.consensus.purpose'),
        { id: 'consensus', heading: w.t('compare.consensus.heading'), blocks: [
          table(w.t('compare.consensus.caption'), [w.t('report.column.criterion'), w.t('paper.compare.consensus.given'),
            w.t('compare.consensus.median'), w.t('paper.column.rating'), w.t('report.column.notes')],
          rows.map((row) => [strings.join(row.element.title, ': ', row.criterion.title), given(row), number(row.median),
            levelLabel(choice(row).level), text(choice(row).notes)]), [30, 22, 10, 14, 24]),
        ] },
      ],
    }, options);
  }

  return { sideBySide, overTime, consensus };
});
