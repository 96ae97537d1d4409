/**
 * kmsat ui: the action plan editor (rows from the core's plan.planView).
 * Fields are edited in place; adding, removing, moving and putting back
 * redraw the list and put focus back where it was. Rows move by buttons
 * (keyboard) or by dragging the handle (pointer); moves are announced.
 */
(function (K) {
  'use strict';
  const { h, button, field, links, confirm } = K.dom;
  const P = K.plan;

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} */
  K.ui.plan = function (ctx) {
    const { t, data } = ctx;
    const list = h('ol', { class: 'kmsat-plan kmsat-bare' });
    const removed = h('div');
    const empty = h('p', { text: t('plan.empty') });
    let dragged = null; // id of the row being dragged

    const titleOf = (view) => view.title || t('plan.custom.untitled');
    /** The row as it is now (a custom row's title may have been typed since it was drawn). */
    const current = (id) => P.planView(data, ctx.session).find((v) => v.id === id);
    const edit = (fn) => ctx.change((s) => Object.assign({}, s, fn(s)));

    /** Redraw, then focus the `act` button of row `id` (or its nearest enabled one). */
    function draw(id, act) {
      const views = P.planView(data, ctx.session);
      list.replaceChildren(...views.map((view, i) => row(view, i, views.length)));
      empty.hidden = views.length > 0;
      drawRemoved();
      const target = id && list.querySelector('[data-row="' + CSS.escape(id) + '"] [data-act="' + act + '"]');
      if (target && !target.disabled) target.focus();
      else if (target) list.querySelector('[data-row="' + CSS.escape(id) + '"] [data-act]:not([disabled])').focus();
    }

    function move(id, delta, act) {
      edit((s) => ({ plan: P.moveRow(s.plan, id, delta) }));
      draw(id, act);
      const plan = ctx.session.plan;
      ctx.say(t('plan.moved', { title: titleOf(current(id)), position: plan.findIndex((r) => r.id === id) + 1, total: plan.length }));
    }

    async function remove(id) {
      const view = current(id);
      const title = titleOf(view);
      if (K.model.rowHasText(view.row) &&
          !(await confirm(t('plan.removeConfirm', { title }), t('confirm.yes'), t('confirm.cancel')))) return;
      const at = ctx.session.plan.findIndex((r) => r.id === id);
      edit((s) => P.removeRow(s, id));
      const next = ctx.session.plan[Math.min(at, ctx.session.plan.length - 1)];
      draw(next && next.id, 'remove');
      if (!next) addButton.focus();
      ctx.say(t('plan.removed', { title }));
    }

    function row(view, i, total) {
      const heading = h('h3', { text: (i + 1) + '. ' + titleOf(view) });
      // Accessible names that carry the row's title, renamed as a custom row's title is typed.
      const named = [];
      const name = (el, key, params) => { named.push([el, key, params]); return el; };
      const rename = (title) => {
        heading.textContent = (i + 1) + '. ' + title;
        for (const [el, key, params] of named) el.setAttribute('aria-label', t(key, Object.assign({ title }, params)));
      };
      // A stale row emptied is dropped (syncPlan): show it gone, so nothing is typed into a lost row.
      const update = (changes) => {
        edit((s) => ({ plan: P.updateRow(s.plan, view.id, changes) }));
        if (!current(view.id)) { draw(); addButton.focus(); ctx.say(t('plan.removed', { title: titleOf(view) })); }
      };
      const input = (key, rows) => {
        const box = field({
          rows, value: view.row[key], class: 'kmsat-field--' + key, label: t('plan.column.' + key),
          onInput: (value) => update({ [key]: value }),
        });
        name(box.querySelector('.kmsat-input'), 'plan.field.labelFor', { field: t('plan.column.' + key) });
        return box;
      };
      const status = name(h('select', {
        class: 'kmsat-input', id: 'kmsat-status-' + view.id,
        on: { change: (e) => update({ status: e.target.value }) },
      }, [''].concat(K.model.STATUSES).map((id) => h('option', {
        value: id, selected: id === view.row.status,
        text: t(id ? 'plan.status.' + id.replace(/-(\w)/g, (m, c) => c.toUpperCase()) : 'plan.status.none'),
      }))), 'plan.field.labelFor', { field: t('plan.column.status') });
      const li = h('li', { class: 'kmsat-row', 'data-row': view.id, on: {
        dragover: (e) => { if (dragged) { e.preventDefault(); li.classList.add('kmsat-row--over'); } },
        dragleave: () => li.classList.remove('kmsat-row--over'),
        drop: (e) => {
          e.preventDefault();
          li.classList.remove('kmsat-row--over');
          const from = ctx.session.plan.findIndex((r) => r.id === dragged);
          if (from !== -1 && from !== i) move(dragged, i - from, 'up');
          dragged = null; // the redraw removed the handle, so no dragend will come
        },
      } }, [
        h('div', { class: 'kmsat-row__head' }, [
          // The handle is for pointers only; keyboard users have the buttons below.
          h('span', { class: 'kmsat-drag', draggable: 'true', 'aria-hidden': 'true', text: '⠿', on: {
            dragstart: (e) => {
              dragged = view.id;
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('application/x-kmsat-row', view.id);
              e.dataTransfer.setDragImage(li, 20, 20);
            },
            dragend: () => { dragged = null; },
          } }),
          heading,
        ]),
        view.custom
          ? [h('p', { class: 'kmsat-tag', text: t('plan.custom.tag') }), field({
            label: t('plan.custom.title.label'), value: view.row.title,
            onInput: (value) => {
              rename(value || t('plan.custom.untitled'));
              update({ title: value });
            },
          })]
          : h('p', { class: 'kmsat-meta' }, [
            view.element && view.element.title + ' · ',
            t('plan.column.rating') + ': ' + (view.level ? view.level.label : t('results.notAnswered')),
            view.priority && ' · ' + t('plan.column.priority') + ': ' + view.priority.label,
            view.parked && ' · ' + t('plan.parked'),
          ]),
        view.stale && h('p', { class: 'kmsat-hint', text: t('plan.stale') }),
        view.criterion?.opportunities?.length > 0 &&
          h('p', { class: 'kmsat-ideas' }, links(t, 'plan.ideas', view.criterion.opportunities)),
        h('div', { class: 'kmsat-row__fields' }, [
          input('action', 2), input('owner'), input('support'), input('due'), input('measure', 2),
          h('div', { class: 'kmsat-field' }, [h('label', { for: status.id, text: t('plan.column.status') }), status]),
        ]),
        h('div', { class: 'kmsat-actions' }, [
          name(button(t('plan.moveUp'), () => move(view.id, -1, 'up'), { 'data-act': 'up', disabled: i === 0 }), 'plan.moveUpLabel'),
          name(button(t('plan.moveDown'), () => move(view.id, 1, 'down'), { 'data-act': 'down', disabled: i === total - 1 }),
            'plan.moveDownLabel'),
          name(button(t('plan.remove'), () => remove(view.id), { 'data-act': 'remove' }), 'plan.removeLabel'),
        ]),
      ]);
      rename(titleOf(view));
      return li;
    }

    /** Criteria the group took out of the plan that would still be in it: each can be put back. */
    function drawRemoved() {
      const out = K.scoring.results(data, ctx.session).filter((r) => r.level &&
        r.level.value < K.model.scaleIndex(data.scale).topValue && ctx.session.dismissed.includes(r.criterion.id));
      const restore = (id, title) => {
        edit((s) => P.restoreDismissed(data, s, id));
        const back = id && ctx.session.plan.find((r) => r.criterion === id);
        draw(back ? back.id : null, 'remove');
        if (!back) list.querySelector('[data-act]:not([disabled])').focus();
        ctx.say(t('plan.restored', { title }));
      };
      K.dom.fill(removed, out.length > 0 && [
        h('h3', { text: t('plan.dismissed.heading') }),
        h('p', { text: t('plan.dismissed.intro') }),
        h('ul', { class: 'kmsat-bare' }, out.map((r) => h('li', null, [r.criterion.title + ' ',
          button(t('plan.restore'), () => restore(r.criterion.id, r.criterion.title),
            { class: 'kmsat-btn kmsat-btn--small', 'aria-label': t('plan.restoreLabel', { title: r.criterion.title }) })]))),
        out.length > 1 && button(t('plan.restoreAll'), () => restore(undefined, out.map((r) => r.criterion.title).join(', '))),
      ]);
    }

    const addButton = button(t('plan.add'), () => {
      edit((s) => ({ plan: P.addCustomRow(s.plan) }));
      const plan = ctx.session.plan;
      draw();
      list.querySelector('[data-row="' + CSS.escape(plan[plan.length - 1].id) + '"] input').focus();
      ctx.say(t('plan.added'));
    }, { class: 'kmsat-btn kmsat-btn--primary' });

    draw();
    return [
      h('p', { text: t('plan.intro') }),
      empty, list,
      h('div', { class: 'kmsat-actions' }, [addButton, button(t('export.print'), () => window.print())]),
      removed,
    ];
  };
})(self.KMSAT);
