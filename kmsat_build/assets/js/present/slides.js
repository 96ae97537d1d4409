/**
 * kmsat present: what each slide shows. A criterion slide is one radio group
 * (the four level descriptors side by side, then Don't know and Not
 * applicable), so a mouse works too and a screen reader hears a choice with
 * its state; keys (view.js) set the same answers. Summary and results slides
 * only show what the session holds.
 */
(function (K) {
  'use strict';
  const { h, uid } = K.dom;
  const P = K.present;

  /** "High priority · Parked · Note" and the like: what else the group recorded. */
  function recorded(ctx, id) {
    const { t, data } = ctx;
    const answer = K.model.answerFor(ctx.session, id) || {};
    const priority = data.scale.priorities.find((p) => p.id === answer.priority);
    return [
      priority && t('present.priority.set', { priority: priority.label }),
      answer.parked === true && t('present.parked'),
      answer.notes && t('present.note.has'),
    ].filter(Boolean);
  }

  /** One choice: a label holding its radio, its key and its words. */
  function choice(ctx, name, o) {
    const input = h('input', { type: 'radio', name, value: o.value, checked: o.checked, class: 'kmsat-present__radio',
      on: { change: () => ctx.act({ type: 'level', level: o.value }) } });
    return h('label', { class: 'kmsat-present__choice ' + o.class, 'data-level': o.value }, [
      input,
      h('span', { class: 'kmsat-present__choice-head' }, [h('kbd', { text: o.key }), o.name && ' ' + o.name]),
      // A space, not only a margin: the name and the descriptor's first word must not run together.
      o.text && [' ', h('span', { class: 'kmsat-present__choice-text', text: o.text })],
    ]);
  }

  /** @param {import('../core/present.js').CriterionSlide} slide */
  function criterion(ctx, slide, headingId) {
    const { t, data } = ctx;
    const c = slide.criterion;
    const level = (K.model.answerFor(ctx.session, c.id) || {}).level || '';
    const name = uid('present-level');
    const names = !ctx.options.hideNames;
    const levels = data.scale.levels.map((lv, i) => choice(ctx, name, {
      value: lv.id, key: String(i + 1), name: names && lv.label, text: c.levels[lv.id],
      checked: level === lv.id, class: 'kmsat-present__level',
    }));
    const unscored = data.scale.unscored.map((o) => choice(ctx, name, {
      value: o.id, key: o.id === K.model.DONT_KNOW ? 'D' : o.id === K.model.NOT_APPLICABLE ? 'N' : '',
      name: o.label, checked: level === o.id, class: 'kmsat-present__unscored',
    }));
    return [
      h('h2', { id: headingId, class: 'kmsat-present__title', text: c.title }),
      h('p', { class: 'kmsat-present__statement', text: c.statement }),
      c.hint && h('p', { class: 'kmsat-present__look' }, [h('strong', null, [t('present.lookFor'), ' ']), c.hint]),
      h('fieldset', { class: 'kmsat-present__choices' }, [
        h('legend', { class: 'kmsat-sr', text: t('present.ratingFor', { title: c.title }) }),
        h('div', { class: 'kmsat-present__levels' }, levels),
        h('div', { class: 'kmsat-present__more' }, unscored),
      ]),
    ];
  }

  /** The level (or unscored answer) a criterion has, as words. */
  function answerText(ctx, id) {
    const { t, data } = ctx;
    const levelId = (K.model.answerFor(ctx.session, id) || {}).level;
    const found = data.scale.levels.concat(data.scale.unscored).find((o) => o.id === levelId);
    return found ? found.label : t('results.notAnswered');
  }

  /** @param {import('../core/present.js').SummarySlide} slide */
  function summary(ctx, slide, headingId) {
    const { t, data } = ctx;
    const element = slide.element;
    const score = K.scoring.scoreElement(element, ctx.session.answers, data.scale);
    const mean = score.mean === null ? t('results.notScored') : score.mean.toFixed(1);
    return [
      h('h2', { id: headingId, class: 'kmsat-present__title', text: t('present.summary.heading', { title: element.title }) }),
      h('p', { class: 'kmsat-present__statement', text: t('present.summary.score', { mean,
        answered: score.answered, total: score.total }) }),
      h('table', { class: 'kmsat-present__table' }, [
        h('caption', { class: 'kmsat-sr', text: t('present.summary.heading', { title: element.title }) }),
        h('thead', null, h('tr', null, ['criterion', 'rating', 'recorded'].map((col) =>
          h('th', { scope: 'col', text: t('present.summary.column.' + col) })))),
        h('tbody', null, element.criteria.map((c) => h('tr', null, [
          h('th', { scope: 'row', text: c.title }),
          h('td', { text: answerText(ctx, c.id) }),
          h('td', { text: recorded(ctx, c.id).join(' · ') }),
        ]))),
      ]),
    ];
  }

  /** A short list of criteria, and how many more the action plan holds. */
  function shortList(ctx, key, items, max) {
    const { t } = ctx;
    return items.length === 0 ? [] : [
      h('h3', { text: t(key) }),
      h('ul', null, items.slice(0, max).map((r) => h('li', {
        text: t('present.results.item', { element: r.element.title, criterion: r.criterion.title }),
      }))),
      items.length > max && h('p', { text: t('present.results.more', { count: items.length - max }) }),
    ];
  }

  /**
   * The normal view's results chart (scaled up by CSS), its table for screen
   * readers (the chart shows each figure as text too), and what to focus on
   * and to find out.
   */
  function results(ctx, _slide, headingId) { // the slide renderers' shared signature
    const { t, data } = ctx;
    const scores = K.scoring.scoreAll(data, ctx.session);
    const { focus, findOut, unanswered } = P.outcomes(data, ctx.session);
    return [
      h('h2', { id: headingId, class: 'kmsat-present__title', text: t('present.results.heading') }),
      h('div', { class: 'kmsat-present__results' }, [
        h('div', { class: 'kmsat-present__chart' }, [K.ui.results.chart(ctx, scores),
          h('div', { class: 'kmsat-sr' }, h('div', null, K.ui.results.table(ctx, scores)).querySelector('table'))]),
        h('div', { class: 'kmsat-present__focus' }, [
          shortList(ctx, 'present.results.focus', focus, 4),
          shortList(ctx, 'present.results.findOut', findOut, 3),
          unanswered > 0 && h('p', { text: t('present.results.unanswered', { count: unanswered }) }),
          focus.length + findOut.length + unanswered === 0 && h('p', { text: t('present.results.none', K.model.labelParams(data)) }),
        ]),
      ]),
    ];
  }

  K.presentSlides = { criterion, summary, results, answerText, recorded };
})(self.KMSAT);
