/**
 * kmsat compare page: directorates side by side. One table of elements
 * (and, when asked, their criteria) against teams, with the median and the
 * lowest of the teams; who can teach whom; and a chart of the element
 * figures (role="img": the table above is its text alternative).
 */
(function (root) {
  'use strict';

  const { h, svg: s, hidden } = root.KMSAT.dom;
  const HEAD_EM = 13, COLUMN_EM = 6.5; // the widths compare.css gives the matrix's columns
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
      mark ? hidden(root.KMSAT.strings.join(' ', t(mark === 'teach' ? 'compare.side.teachMark' : 'compare.side.learnMark'))) : null]);
  }

  const asRating = (value) => ({ value, levelId: '' });

  /**
   * cell(), for a whole table: 200 teams make thousands of cells but only a few kinds (a figure,
   * an answer's words, a mark), so each kind is built once and copied (far quicker than building each).
   */
  function cellMaker(ctx) {
    const made = new Map();
    return (rating, mark) => {
      const key = rating ? rating.value + '\n' + rating.levelId + '\n' + (mark || '') : '';
      if (!made.has(key)) made.set(key, cell(ctx, rating, mark));
      return made.get(key).cloneNode(true);
    };
  }

  function matrix(ctx, view) {
    const { t } = ctx;
    const marks = new Map();
    for (const row of view.teach) {
      for (const team of row.teachers) marks.set(row.criterion.id + '\n' + team.key, 'teach');
      for (const team of row.learners) marks.set(row.criterion.id + '\n' + team.key, 'learn');
    }
    const rows = [], cellOf = cellMaker(ctx);
    for (const { element, criteria } of view.elements) {
      const roll = view.elementRollUp.get(element.id);
      rows.push(h('tr', { class: 'kmsat-cmp-element' }, [h('th', { scope: 'row', text: element.title })]
        .concat(view.teams.map((team) => cellOf(asRating(team.means.get(element.id)))),
          cellOf(asRating(roll.median)), cellOf(asRating(roll.lowest)))));
      if (!ctx.expanded) continue;
      for (const c of criteria) {
        const r = view.criterionRollUp.get(c.id);
        rows.push(h('tr', { class: 'kmsat-cmp-criterion' }, [h('th', { scope: 'row', text: c.title })]
          .concat(view.teams.map((team) => cellOf(team.values.get(c.id), marks.get(c.id + '\n' + team.key))),
            cellOf(asRating(r.median)), cellOf(asRating(r.lowest)))));
      }
    }
    const head = [h('th', { scope: 'col', text: t(ctx.expanded ? 'compare.side.criterion' : 'compare.side.element') })]
      .concat(view.teams.map((team) => h('th', { scope: 'col' }, [team.label,
        team.date ? h('span', { class: 'kmsat-cmp-date', text: team.date }) : null])),
      h('th', { scope: 'col', class: 'kmsat-cmp-roll', text: t('compare.side.median') }),
      h('th', { scope: 'col', class: 'kmsat-cmp-roll', text: t('compare.side.lowest') }));
    // A fixed layout (column widths from the header row, the table's width set) lays out
    // 200 teams' cells without measuring each one first: far quicker than automatic layout.
    const width = 'width: calc(' + HEAD_EM + 'em + ' + (view.teams.length + 2) + ' * ' + COLUMN_EM + 'em)';
    return scroller(t('compare.side.area'), h('table', { class: 'kmsat-cmp-matrix', style: width }, [
      h('caption', { text: t(ctx.expanded ? 'compare.side.captionCriteria' : 'compare.side.caption') }),
      h('thead', {}, [h('tr', {}, head)]), h('tbody', {}, rows)]));
  }

  /** The scale as a key: "Ratings: 1 Not yet, 2 Emerging, ...", each in its colour. */
  function legend(ctx) {
    const [before, after] = root.KMSAT.strings.split(ctx.t('compare.legend', { list: '\u0000' }), '\u0000');
    const parts = /** @type {(string|Node)[]} */ ([before]);
    ctx.data.scale.levels.forEach((level, i) => parts.push(i ? ', ' : '',
      h('span', { class: 'kmsat-cmp-key ' + band(i + 1) }, [level.value + ' ', level.label])));
    return h('p', { class: 'kmsat-cmp-legend' }, parts.concat(after));
  }

  function teachTable(ctx, view, top, bottom) {
    const { t } = ctx;
    const params = { top: top.label, bottom: bottom.label };
    if (!view.teach.length) return h('p', { text: t('compare.side.teach.none', params) });
    const names = (teams) => root.KMSAT.strings.joinList(teams.map((team) => team.label), ', ');
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
      parts.push(s('text', { x: x(level.value), y: base + 8, 'text-anchor': 'middle', class: 'kmsat-cmp-chart-tick' },
        [level.value + ' ', level.label]));
    });
    return h('figure', { class: 'kmsat-cmp-figure' }, [
      s('svg', { viewBox: `0 0 ${W} ${base + 16}`, class: 'kmsat-cmp-chart', role: 'img',
        'aria-label': ctx.t('compare.chart.label'), focusable: 'false' }, parts),
      h('figcaption', { text: ctx.t('compare.chart.key') }),
    ]);
  }

  /**
   * Where a team's figures come from, when it is not one agreed file: agreed
   * answers used over the round's individual ones, several files' median, or
   * one person's own answers. Never mixed silently.
   */
  function sourceNote(ctx, team) {
    const { t } = ctx;
    const date = team.date || t('compare.files.noDate');
    if (team.leftOut) return t('compare.side.agreedNote', { team: team.label, date, count: team.leftOut });
    if (team.individual) {
      return team.files > 1 ? t('compare.side.individualMedian', { team: team.label, count: team.files, date })
        : t('compare.side.individualOne', { team: team.label, name: team.raters[0] || '?', date });
    }
    return team.files > 1 ? t('compare.side.medianNote', { team: team.label, count: team.files, date }) : '';
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
    // Only the table and its marks change when criteria are shown or hidden: the chart and the
    // rest stay, and so does focus on the checkbox (200 teams: thousands of cells, no more).
    const box = h('div', { class: 'kmsat-cmp-matrixbox' });
    const drawMatrix = () => box.replaceChildren(matrix(ctx, view), ctx.expanded && view.teach.length
      ? h('p', { class: 'kmsat-cmp-legend', text: t('compare.side.marks', { top: top.label, bottom: bottom.label }) }) : '');
    const toggle = h('input', { type: 'checkbox', id: 'kmsat-cmp-expand', checked: ctx.expanded,
      on: { change: (event) => {
        ctx.expanded = event.target.checked;
        drawMatrix();
        ctx.onExpand(ctx.expanded);
      } } });
    drawMatrix();
    // Who can teach whom and the chart come a moment later, in a task of their own: the
    // table is on screen first, and no single task draws everything for hundreds of teams.
    const later = h('div', { class: 'kmsat-cmp-later' }), laterChart = h('div', { class: 'kmsat-cmp-later' });
    setTimeout(() => {
      later.replaceChildren(teachTable(ctx, view, top, bottom));
      laterChart.replaceChildren(chart(ctx, view));
    });
    const notes = view.teams.map((team) => sourceNote(ctx, team)).filter(Boolean).map((text) => h('li', { text }));
    return h('section', { class: 'kmsat-cmp-view', 'aria-labelledby': 'kmsat-cmp-view-heading' }, [
      h('h2', { id: 'kmsat-cmp-view-heading', tabindex: '-1', text: t('compare.side.heading') }),
      h('p', { text: t('compare.side.intro', root.KMSAT.model.labelParams(data)) }),
      h('div', { class: 'kmsat-cmp-check kmsat-cmp-noprint' }, [toggle,
        h('label', { for: 'kmsat-cmp-expand', text: t('compare.side.showCriteria') })]),
      legend(ctx),
      box,
      notes.length ? h('ul', { class: 'kmsat-cmp-notes' }, notes) : null,
      h('h3', { text: t('compare.side.teach.heading') }),
      h('p', { text: t('compare.side.teach.intro', { top: top.label, bottom: bottom.label }) }),
      later,
      h('h3', { text: t('compare.chart.heading') }),
      laterChart,
    ]);
  }

  root.KMSAT.compareSide = { render };
})(typeof self !== 'undefined' ? self : this);
