/**
 * kmsat compare page: directorates side by side. One table of elements
 * (and, when asked, their criteria) against teams, with the median and the
 * lowest of the teams; who can teach whom; and a chart of the element
 * figures (role="img": the table above is its text alternative).
 */
(function (root) {
  'use strict';

  const { h, svg: s, hidden } = root.KMSAT.dom;
  const { scroller, number, band } = root.KMSAT.compareView;

  /** One figure: a level colour, the number (or an unscored label), screen-reader words for a blank. */
  function cell(ctx, rating, mark) {
    const { t, data } = ctx;
    if (!rating || rating.value === null) {
      const label = rating ? root.KMSAT.compare.ratingText(data, rating) : '';
      return h('td', { class: 'kmsat-cmp-none' }, label ? [label]
        : [h('span', { 'aria-hidden': 'true', text: '–' }), hidden(t('compare.value.notScored'))]);
    }
    return h('td', { class: band(rating.value) + (mark ? ' kmsat-cmp-' + mark : '') }, [number(rating.value),
      mark ? h('span', { class: 'kmsat-cmp-mark', 'aria-hidden': 'true', text: mark === 'teach' ? ' ★' : ' ◇' }) : null,
      mark ? hidden(' ' + t(mark === 'teach' ? 'compare.side.teachMark' : 'compare.side.learnMark')) : null]);
  }

  const asRating = (value) => ({ value, levelId: '' });

  function matrix(ctx, view) {
    const { t } = ctx;
    const marks = new Map();
    for (const row of view.teach) {
      for (const team of row.teachers) marks.set(row.criterion.id + '\n' + team.key, 'teach');
      for (const team of row.learners) marks.set(row.criterion.id + '\n' + team.key, 'learn');
    }
    const rows = [];
    for (const { element, criteria } of view.elements) {
      const roll = view.elementRollUp.get(element.id);
      rows.push(h('tr', { class: 'kmsat-cmp-element' }, [h('th', { scope: 'row', text: element.title })]
        .concat(view.teams.map((team) => cell(ctx, asRating(team.means.get(element.id)))),
          cell(ctx, asRating(roll.median)), cell(ctx, asRating(roll.lowest)))));
      if (!ctx.expanded) continue;
      for (const c of criteria) {
        const r = view.criterionRollUp.get(c.id);
        rows.push(h('tr', { class: 'kmsat-cmp-criterion' }, [h('th', { scope: 'row', text: c.title })]
          .concat(view.teams.map((team) => cell(ctx, team.values.get(c.id), marks.get(c.id + '\n' + team.key))),
            cell(ctx, asRating(r.median)), cell(ctx, asRating(r.lowest)))));
      }
    }
    const head = [h('th', { scope: 'col', text: t(ctx.expanded ? 'compare.side.criterion' : 'compare.side.element') })]
      .concat(view.teams.map((team) => h('th', { scope: 'col' }, [team.label,
        team.date ? h('span', { class: 'kmsat-cmp-date', text: team.date }) : null])),
      h('th', { scope: 'col', class: 'kmsat-cmp-roll', text: t('compare.side.median') }),
      h('th', { scope: 'col', class: 'kmsat-cmp-roll', text: t('compare.side.lowest') }));
    return scroller(t('compare.side.area'), h('table', { class: 'kmsat-cmp-matrix' }, [
      h('caption', { text: t(ctx.expanded ? 'compare.side.captionCriteria' : 'compare.side.caption') }),
      h('thead', {}, [h('tr', {}, head)]), h('tbody', {}, rows)]));
  }

  /** The scale as a key: "Ratings: 1 Not yet, 2 Emerging, ...", each in its colour. */
  function legend(ctx) {
    const items = ctx.data.scale.levels.map((level) => level.value + ' ' + level.label);
    const [before, after] = ctx.t('compare.legend', { list: '\u0000' }).split('\u0000');
    const parts = [before];
    items.forEach((item, i) => parts.push(i ? ', ' : '', h('span', { class: 'kmsat-cmp-key ' + band(i + 1), text: item })));
    return h('p', { class: 'kmsat-cmp-legend' }, parts.concat(after));
  }

  function teachTable(ctx, view, top, bottom) {
    const { t } = ctx;
    const params = { top: top.label, bottom: bottom.label };
    if (!view.teach.length) return h('p', { text: t('compare.side.teach.none', params) });
    const names = (teams) => teams.map((team) => team.label).join(', ');
    return h('table', { class: 'kmsat-cmp-teach-table' }, [
      h('caption', { text: t('compare.side.teach.caption', params) }),
      h('thead', {}, [h('tr', {}, [t('compare.side.teach.criterion'), top.label, bottom.label]
        .map((text) => h('th', { scope: 'col', text })))]),
      h('tbody', {}, view.teach.map((row) => h('tr', {}, [
        h('th', { scope: 'row' }, [row.criterion.title, h('span', { class: 'kmsat-cmp-date', text: row.element.title })]),
        h('td', { text: names(row.teachers) }), h('td', { text: names(row.learners) })]))),
    ]);
  }

  /** A strip per element: a dot per team, a bar at the median, a diamond at the lowest. */
  function chart(ctx, view) {
    const levels = ctx.data.scale.levels;
    const lo = levels[0].value, hi = levels[levels.length - 1].value;
    const W = 400, L = 36, R = 364, ROW = 58;
    const x = (v) => L + ((v - lo) / (hi - lo || 1)) * (R - L);
    const parts = [];
    view.elements.forEach(({ element }, i) => {
      const y = 14 + i * ROW;
      parts.push(s('text', { x: 0, y, class: 'kmsat-cmp-chart-label', text: element.title }));
      const cy = y + 26;
      parts.push(s('line', { x1: L, x2: R, y1: cy, y2: cy, class: 'kmsat-cmp-chart-axis' }));
      view.teams.forEach((team, j) => {
        const mean = team.means.get(element.id);
        // A little vertical spread, so equal figures stay visible as separate dots.
        if (mean === null) return;
        parts.push(s('circle', { cx: x(mean), cy: cy + ((j % 5) - 2) * 3, r: 5, class: 'kmsat-cmp-dot' }));
      });
      const roll = view.elementRollUp.get(element.id);
      if (roll.median !== null) {
        const m = x(roll.median);
        parts.push(s('line', { x1: m, x2: m, y1: cy - 13, y2: cy + 13, class: 'kmsat-cmp-median' }));
        const d = x(roll.lowest);
        parts.push(s('path', { d: `M${d} ${cy + 8}l6 7l-6 7l-6 -7z`, class: 'kmsat-cmp-lowest' }));
      }
    });
    const base = 14 + view.elements.length * ROW + 4;
    levels.forEach((level) => {
      view.elements.forEach((_, i) => parts.unshift(s('line', { x1: x(level.value), x2: x(level.value),
        y1: 26 + i * ROW, y2: 54 + i * ROW, class: 'kmsat-cmp-chart-grid' })));
      parts.push(s('text', { x: x(level.value), y: base + 8, 'text-anchor': 'middle', class: 'kmsat-cmp-chart-tick',
        text: level.value + ' ' + level.label }));
    });
    return h('figure', { class: 'kmsat-cmp-figure' }, [
      s('svg', { viewBox: `0 0 ${W} ${base + 16}`, class: 'kmsat-cmp-chart', role: 'img',
        'aria-label': ctx.t('compare.chart.label'), focusable: 'false' }, parts),
      h('figcaption', { text: ctx.t('compare.chart.key') }),
    ]);
  }

  /**
   * The side-by-side section.
   * @param {{data: Object, t: Function, expanded: boolean, onExpand: Function}} ctx
   * @param {Object} view compare.sideBySide(...)
   */
  function render(ctx, view) {
    const { t, data } = ctx;
    const levels = data.scale.levels;
    const top = levels[levels.length - 1], bottom = levels[0];
    const toggle = h('input', { type: 'checkbox', id: 'kmsat-cmp-expand', checked: ctx.expanded,
      on: { change: (event) => ctx.onExpand(event.target.checked) } });
    const notes = view.teams.filter((team) => team.files > 1).map((team) =>
      h('li', { text: t('compare.side.medianNote', { team: team.label, count: team.files,
        date: team.date || t('compare.files.noDate') }) }));
    return h('section', { class: 'kmsat-cmp-view', 'aria-labelledby': 'kmsat-cmp-view-heading' }, [
      h('h2', { id: 'kmsat-cmp-view-heading', tabindex: '-1', text: t('compare.side.heading') }),
      h('p', { text: t('compare.side.intro') }),
      h('div', { class: 'kmsat-cmp-check kmsat-cmp-noprint' }, [toggle,
        h('label', { for: 'kmsat-cmp-expand', text: t('compare.side.showCriteria') })]),
      legend(ctx),
      matrix(ctx, view),
      ctx.expanded && view.teach.length ? h('p', { class: 'kmsat-cmp-legend',
        text: t('compare.side.marks', { top: top.label, bottom: bottom.label }) }) : null,
      notes.length ? h('ul', { class: 'kmsat-cmp-notes' }, notes) : null,
      h('h3', { text: t('compare.side.teach.heading') }),
      h('p', { text: t('compare.side.teach.intro', { top: top.label, bottom: bottom.label }) }),
      teachTable(ctx, view, top, bottom),
      h('h3', { text: t('compare.chart.heading') }),
      chart(ctx, view),
    ]);
  }

  root.KMSAT.compareSide = { render };
})(typeof self !== 'undefined' ? self : this);
