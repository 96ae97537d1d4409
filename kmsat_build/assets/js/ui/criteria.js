/**
 * kmsat ui: one element's step. Each criterion is a fieldset whose legend is
 * its title and statement; the four level descriptors are the choices, then
 * Don't know and Not applicable. An edition's local examples, a priority and
 * notes follow.
 */
(function (K) {
  'use strict';
  const { h } = K.dom;
  const { radios, field, links } = K.forms;

  /** How many of an element's criteria have any answer. */
  const answered = (element, session) =>
    element.criteria.filter((c) => (K.model.answerFor(session, c.id) || {}).level).length;

  /** A run of an example's text: a link only when it is a web link (see contract.webLink). */
  const run = (part) => {
    const link = K.contract.webLink(part);
    return link ? h('a', { href: link.url, rel: 'noopener noreferrer', text: link.text }) : h('span', { text: part.text });
  };

  /** An edition's local examples of good practice, as text with their web links. */
  const localExamples = (c, t) => (c.localExamples || []).length > 0 && h('div', { class: 'kmsat-local' }, [
    h('p', null, h('strong', { text: t('criterion.localExamples.heading') })),
    h('ul', null, c.localExamples.map((example) =>
      h('li', null, [h('strong', { text: example.title }), ' ', (example.body || []).map(run)]))),
  ]);

  /** @param {Object} ctx the app's context (see app.js) @param {{element: Object, number: number}} step */
  K.ui.criteria = function (ctx, step) {
    const { t, data } = ctx;
    const { element, number } = step;
    const progress = h('p', { class: 'kmsat-progress' });
    const count = () => {
      K.dom.fill(progress, t('element.progress', { answered: answered(element, ctx.session), total: element.criteria.length }));
    };
    // A new rating or priority may move the criterion's plan row: notes do not.
    const set = (id, name) => (value) => {
      ctx.set('answers', id, { level: '', priority: '', notes: '' }, name, value, name === 'notes' ? undefined : id);
      if (name === 'level') count();
    };
    count();

    const criterion = (c, i) => {
      const answer = K.model.answerFor(ctx.session, c.id) || {};
      const title = c.title;
      const rating = radios({
        legend: [h('h3', null, [number + '.' + (i + 1) + ' ', title]), h('span', { class: 'kmsat-statement', text: c.statement })],
        hint: c.hint, value: answer.level || '', onChange: set(c.id, 'level'), clear: t('criterion.clear'),
        options: data.scale.levels.map((level) => ({
          value: level.id, label: [h('strong', { text: level.label }), ' ', h('span', { text: c.levels[level.id] })],
        })).concat(data.scale.unscored.map((option) => ({ value: option.id, label: h('strong', { text: option.label }) }))),
      });
      // A line between the scale and the answers that are not scored.
      rating.querySelectorAll('.kmsat-choice')[data.scale.levels.length]?.classList.add('kmsat-choice--unscored');
      const opportunities = c.opportunities || [];
      return h('div', { class: 'kmsat-criterion', id: 'kmsat-c-' + c.id }, [
        rating,
        localExamples(c, t),
        radios({
          legend: t('criterion.priority.label'), label: t('criterion.priority.legend', { title }), inline: true,
          value: answer.priority || '', onChange: set(c.id, 'priority'),
          options: data.scale.priorities.map((p) => ({ value: p.id, label: p.label }))
            .concat({ value: '', label: t('criterion.priority.none') }),
        }),
        field({ t,
          label: t('criterion.notes.label'), aria: t('criterion.notes.labelFor', { title }),
          hint: t('criterion.notes.hint'), value: answer.notes, rows: 3, onInput: set(c.id, 'notes'),
        }),
        opportunities.length > 0 && h('p', { class: 'kmsat-ideas' }, links(t, 'criterion.opportunities.list', opportunities)),
      ]);
    };

    return [
      h('p', { class: 'kmsat-lead', text: element.summary }),
      h('p', null, h('a', { href: element.url, text: t('element.guidance', { title: element.title }) })),
      progress,
      element.criteria.map(criterion),
    ];
  };

  K.ui.criteria.answered = answered;
})(self.KMSAT);
