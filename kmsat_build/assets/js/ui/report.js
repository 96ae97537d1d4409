/**
 * kmsat ui: the Board paper, a section only print shows: details, results,
 * strengths, action plan and checklist answers.
 */
(function (K) {
  'use strict';
  const { h } = K.dom;
  const { own } = K.model;

  /** A plain table: header cells, then rows of text cells. */
  const table = (heads, rows, cls) => h('table', { class: 'kmsat-table ' + (cls || '') }, [
    h('thead', null, h('tr', null, heads.map((text) => h('th', { scope: 'col', text })))),
    h('tbody', null, rows.map((cells) => h('tr', null, cells.map((text) => h('td', { text }))))),
  ]);

  const label = (list, id) => (list.find((o) => o.id === id) || { label: '' }).label;

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} */
  K.ui.report = function (ctx) {
    const { t, data } = ctx;
    const session = ctx.session;
    const d = session.details;
    const col = (key) => t('report.column.' + key);
    const scores = K.scoring.scoreAll(data, session);
    // Agreed actions first, candidates marked as such.
    const plan = K.plan.agreedFirst(K.plan.planView(data, session));
    const camel = (id) => id.replace(/-(\w)/g, (m, c) => c.toUpperCase());
    return [
      h('h2', { text: t('report.title', { edition: data.edition.title }) }),
      ctx.mode === 'example' && h('p', { class: 'kmsat-notice', text: t('app.exampleNotice') }),
      h('h3', { text: t('report.details') }),
      table([col('field'), col('value')], K.model.DETAIL_KEYS.map((name) => [
        t('details.' + name + '.label'),
        K.model.DETAIL_CHOICES[name] ? (d[name] ? t('details.' + name + '.' + d[name]) : '') : d[name],
      ]), 'kmsat-report__details'),
      h('h3', { text: t('report.results') }),
      K.ui.results.chart(ctx, scores),
      K.ui.results.table(ctx, scores),
      K.ui.results.list(ctx, 'report.strengths', K.scoring.strengths(data, session), null, 'report.none'),
      h('h3', { text: t('report.plan') }),
      plan.length ? table(
        [col('number'), col('criterion')].concat(['action', 'owner', 'support', 'due', 'measure', 'status']
          .map((key) => t('plan.column.' + key))),
        plan.map((v, i) => [
          String(i + 1),
          K.plan.readerTitle(v, t('plan.custom.untitled'), (title) => t('plan.candidateTitle', { title })) +
            (v.level ? ' (' + v.level.label + (v.priority ? ', ' + v.priority.label : '') + ')' : ''),
          v.row.action, v.row.owner, v.row.support, v.row.due, v.row.measure,
          v.row.status ? t('plan.status.' + camel(v.row.status)) : '',
        ]), 'kmsat-plan-table') : h('p', { text: t('report.noActions') }),
      h('h3', { text: t('report.checklist') }),
      table([col('question'), col('answer'), col('notes')], data.checklist.map((q) => {
        const entry = own(session.checklist, q.id) || {};
        return [q.question, label(data.scale.checklistAnswers, entry.answer), entry.note || ''];
      })),
    ];
  };
})(self.KMSAT);
