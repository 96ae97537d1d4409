/**
 * kmsat ui: step 2, the Board checklist. One fieldset per question: its
 * legend is the question, the answers are radios, a note is optional.
 */
(function (K) {
  'use strict';
  const { h, uid } = K.dom;
  const { radios, field } = K.forms;
  const { own } = K.model;

  /** How many questions have an answer. */
  const answered = (data, session) =>
    data.checklist.filter((q) => (own(session.checklist, q.id) || {}).answer).length;

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} */
  K.ui.checklist = function (ctx) {
    const { t, data } = ctx;
    const progress = h('p', { class: 'kmsat-progress' });
    const count = () => {
      K.dom.fill(progress, t('checklist.progress', { answered: answered(data, ctx.session), total: data.checklist.length }));
    };
    const set = (id, name) => (value) => {
      ctx.set('checklist', id, { answer: '', note: '' }, name, value);
      count();
    };
    count();
    return [
      h('p', { text: t('checklist.intro', K.model.labelParams(data)) }),
      progress,
      data.checklist.map((q, i) => {
        const entry = own(ctx.session.checklist, q.id) || {};
        const legendId = uid('question');
        const group = radios({
          legend: h('span', { id: legendId, class: 'kmsat-question' }, [(i + 1) + '. ', q.question]),
          hint: q.why, value: entry.answer || '', inline: true, clear: t('checklist.clear'), onChange: set(q.id, 'answer'),
          options: data.scale.checklistAnswers.map((a) => ({ value: a.id, label: a.label })),
          class: 'kmsat-card',
        });
        group.append(field({ t,
          label: t('checklist.note.label'), labelledby: legendId, value: entry.note, rows: 2, onInput: set(q.id, 'note'),
        }));
        return group;
      }),
    ];
  };

  K.ui.checklist.answered = answered;
})(self.KMSAT);
