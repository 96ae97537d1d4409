/**
 * kmsat ui: about this session. Whose answers these are comes first (the
 * group's agreed answers, or one person's own before the group meets, with
 * that person's name: the compare page groups files by it), then capacity:
 * the guidance asks the group to agree on whose behalf it answers.
 */
(function (K) {
  'use strict';
  const { h } = K.dom;
  const { radios, field } = K.forms;

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} */
  K.ui.details = function (ctx) {
    const t = ctx.t;
    const details = ctx.session.details;
    const set = (name) => (value) =>
      ctx.change((s) => Object.assign({}, s, { details: Object.assign({}, s.details, { [name]: value }) }));
    // The date reads as people write it ("26 November 2026", core/dates.js); the saved ISO date
    // stays until the group types over it, and then what they typed is kept as typed.
    const shown = (name) => (name === 'date' ? K.dates.formatDate(details.date, ctx.data.edition.language) : details[name]);
    const text = (name, rows) => field({ t,
      name, rows, label: t('details.' + name + '.label'), hint: t('details.' + name + '.hint'),
      value: shown(name), onInput: set(name),
    });
    return [
      h('p', { text: t('details.intro') }),
      radios({
        legend: t('details.role.label'), hint: t('details.role.hint'), value: details.role,
        options: K.model.ROLES.map((id) => ({ value: id, label: t('details.role.' + id) })),
        onChange: set('role'), class: 'kmsat-role',
      }),
      radios({
        legend: t('details.capacity.label'), hint: t('details.capacity.hint'), value: details.capacity,
        options: K.model.CAPACITIES.map((id) => ({ value: id, label: t('details.capacity.' + id) })),
        onChange: set('capacity'), class: 'kmsat-capacity',
      }),
      // Before anything is typed, the group agrees on whose behalf it answers; then the person's name.
      text('rater'), text('organisation'), text('team'), text('date'), text('facilitator'), text('participants', 3),
      text('purpose', 2),
    ];
  };
})(self.KMSAT);
