/**
 * kmsat ui: results per element (mean, answered, spread) as a table and an
 * SVG chart of the same figures. No grand total: it would hide the spread.
 */
(function (K) {
  'use strict';
  const { h, svg, button } = K.dom;

  const mean = (s) => (s.mean === null ? null : s.mean.toFixed(1));

  /** The scores table: what screen readers get, and what the chart draws. */
  function table(ctx, scores) {
    const { t, data } = ctx;
    const levels = data.scale.levels;
    const { dontKnow, notApplicable } = K.model.labelParams(data);
    const heads = ['element', 'mean', 'answered', 'spread'].map((key) => t('results.column.' + key))
      .concat(levels.map((level) => level.label), dontKnow, notApplicable);
    const rows = scores.map((s, i) => [
      h('th', { scope: 'row', text: data.elements[i].title }),
      mean(s) === null ? t('results.notScored') : mean(s),
      t('results.answered', { answered: s.answered, total: s.total }),
      s.min === null ? '' : s.min === s.max ? String(s.min) : t('results.spread', { min: s.min, max: s.max }),
    ].concat(levels.map((level) => s.counts[level.id]), s.dontKnow, s.notApplicable));
    const caption = t('results.table.caption');
    // At 400% zoom the table scrolls in its own box, never the page (WCAG 1.4.10); on a phone the hint says so.
    const hintId = K.dom.uid('hint');
    return [h('p', { class: 'kmsat-hint kmsat-scroll-hint', id: hintId, text: t('results.table.scrollHint') }),
      h('div', { class: 'kmsat-scroll', tabindex: '0', role: 'region', 'aria-label': caption, 'aria-describedby': hintId },
      h('table', { class: 'kmsat-table kmsat-scores' }, [
        h('caption', { text: caption }),
        h('thead', null, h('tr', null, heads.map((text) => h('th', { scope: 'col', text })))),
        h('tbody', null, rows.map((cells) => h('tr', null, cells.map((cell) =>
          (typeof cell === 'object' ? cell : h('td', { text: cell })))))),
      ]))];
  }

  /** Bars for the means, a line for each range. x in %, no viewBox: text keeps its size on a phone. */
  function chart(ctx, scores) {
    const { t, data } = ctx;
    const top = Math.max(...data.scale.levels.map((level) => level.value));
    const span = (value) => (value / top) * 97; // percent of the width, after a 1% margin
    const x = (value) => (1 + span(value)).toFixed(2) + '%';
    const row = 60;
    const height = scores.length * row + 30;
    const label = t('results.chart.label');
    return svg('svg', { class: 'kmsat-chart', width: '100%', height, role: 'img', 'aria-label': label }, [
      svg('title', { text: label }),
      data.scale.levels.map((level) => [
        svg('line', { class: 'kmsat-chart__grid', x1: x(level.value), x2: x(level.value), y1: 0, y2: height - 24 }),
        svg('text', { class: 'kmsat-chart__axis', x: x(level.value), y: height - 6, 'text-anchor': 'end' }, [
          String(level.value), svg('tspan', { class: 'kmsat-chart__name', text: ' ' + level.label })]),
      ]),
      scores.map((s, i) => {
        const y = i * row;
        return svg('g', null, [
          svg('text', { x: '1%', y: y + 16 }, [data.elements[i].title, ': ', s.mean === null ? t('results.notScored') : mean(s)]),
          s.mean !== null && svg('rect', { class: 'kmsat-chart__bar', x: '1%', y: y + 22, height: 16, width: span(s.mean).toFixed(2) + '%' }),
          s.min !== null && svg('line', { class: 'kmsat-chart__range', x1: x(s.min), x2: x(s.max), y1: y + 46, y2: y + 46 }),
          s.min !== null && [s.min, s.max].map((v) => svg('circle', { class: 'kmsat-chart__end', cx: x(v), cy: y + 46, r: 4 })),
        ]);
      }),
    ]);
  }

  /** A titled list of criteria ("Leadership: An accountable executive (Emerging)"). */
  function list(ctx, key, items, intro, none) {
    const { t } = ctx;
    const labels = K.model.labelParams(ctx.data); // the sentences name levels
    return [
      h('h3', { text: t(key) }),
      intro && h('p', { text: t(intro, labels) }),
      items.length ? h('ul', null, items.map((r) => h('li', {
        text: t('report.strength', { element: r.element.title, criterion: r.criterion.title, level: r.level ? r.level.label : '' })
          .replace(/ \(\)$/, ''),
      }))) : none && h('p', { text: t(none, labels) }),
    ];
  }

  /** @param {Object} ctx the app's context (see app.js) @returns {KmsatChild[]} */
  K.ui.results = function (ctx) {
    const { t, data } = ctx;
    const session = ctx.session;
    const scores = K.scoring.scoreAll(data, session);
    const total = K.scoring.progress(data, session);
    const gaps = K.scoring.gaps(data, session);
    return [
      h('p', { text: t('results.intro', K.model.labelParams(data)) }),
      h('p', { class: 'kmsat-progress', text: t('results.progress', total) }),
      chart(ctx, scores),
      table(ctx, scores),
      list(ctx, 'results.strengths.heading', K.scoring.strengths(data, session), 'results.strengths.intro', 'results.strengths.none'),
      list(ctx, 'results.gaps.heading', gaps.below, 'results.gaps.intro', 'results.gaps.none'),
      gaps.findOut.length > 0 && list(ctx, 'results.dontKnow.heading', gaps.findOut, 'results.dontKnow.intro'),
      gaps.unanswered.length > 0 && [
        h('h3', { text: t('results.unanswered.heading') }),
        h('ul', { class: 'kmsat-bare' }, gaps.unanswered.map((r) => h('li', null, button(
          t('results.unanswered.link', { title: r.criterion.title }),
          () => ctx.go(r.element.id, '#kmsat-c-' + r.criterion.id + ' input'), { class: 'kmsat-btn kmsat-btn--link' },
        )))),
      ],
      h('div', { class: 'kmsat-actions' }, [
        button(t('nav.toPlan'), () => ctx.go('plan'), { class: 'kmsat-btn kmsat-btn--primary' }),
        button(t('export.print'), ctx.print),
      ]),
    ];
  };

  Object.assign(K.ui.results, { table, chart, list });
})(self.KMSAT);
