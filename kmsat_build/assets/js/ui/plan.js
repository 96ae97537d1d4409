/**
 * kmsat ui: the action plan editor (rows from the core's plan.planView).
 * Fields are edited in place; adding, removing, moving and putting back
 * redraw the list and put focus back where it was. Rows move by buttons
 * (keyboard) or by dragging the handle (pointer); moves are announced.
 * The functions below share one editor record `ed` (see K.ui.plan).
 *
 * Drafted rows are candidates; the group ticks "Agreed action" on the few it
 * will do (the guide: three to five). By keyboard a candidate row is three
 * Tab stops (agreed, its details, its row buttons, one toolbar); its fields
 * open with its details, and open by themselves once a row is agreed or has text.
 */
(function (K) {
  'use strict';
  const { h, button, confirm } = K.dom;
  const { field, links, toolbar } = K.forms;
  const P = K.plan;

  const titleOf = (ed, view) => view.title || ed.t('plan.custom.untitled');
  /** The row as it is now (a custom row's title may have been typed since it was drawn). */
  const current = (ed, id) => P.planView(ed.data, ed.ctx.session).find((v) => v.id === id);
  const edit = (ed, fn) => ed.ctx.change((s) => Object.assign({}, s, fn(s)));

  /** Redraw, then focus the `act` button of row `id` (or its nearest enabled one). */
  function draw(ed, id, act) {
    const views = P.planView(ed.data, ed.ctx.session);
    ed.list.replaceChildren(...views.map((view, i) => row(ed, view, i, views.length)));
    ed.empty.hidden = views.length > 0;
    drawCount(ed);
    drawRemoved(ed);
    const target = id && ed.list.querySelector('[data-row="' + CSS.escape(id) + '"] [data-act="' + act + '"]');
    if (target && !target.disabled) target.focus();
    else if (target) ed.list.querySelector('[data-row="' + CSS.escape(id) + '"] [data-act]:not([disabled])').focus();
  }

  /** "2 agreed (aim for 3 to 5)". */
  function drawCount(ed) {
    const plan = ed.ctx.session.plan;
    ed.count.hidden = plan.length === 0;
    K.dom.fill(ed.count, ed.t('plan.agreedCount', { count: P.agreedCount(plan), min: P.AIM.min, max: P.AIM.max }));
  }

  function move(ed, id, delta, act) {
    edit(ed, (s) => ({ plan: P.moveRow(s.plan, id, delta) }));
    draw(ed, id, act);
    const plan = ed.ctx.session.plan;
    ed.ctx.say(ed.t('plan.moved', { title: titleOf(ed, current(ed, id)),
      position: plan.findIndex((r) => r.id === id) + 1, total: plan.length }));
  }

  async function remove(ed, id) {
    const { t, ctx } = ed;
    const view = current(ed, id);
    if (!view) return; // gone already: the list is redrawn from the session
    const title = titleOf(ed, view);
    if (K.model.rowHasText(view.row) &&
        !(await confirm(t('plan.removeConfirm', { title }), t('confirm.yes'), t('confirm.cancel')))) return;
    const at = ctx.session.plan.findIndex((r) => r.id === id);
    edit(ed, (s) => P.removeRow(s, id));
    const next = ctx.session.plan[Math.min(at, ctx.session.plan.length - 1)];
    draw(ed, next && next.id, 'remove');
    if (!next) ed.addButton.focus();
    ctx.say(t('plan.removed', { title }));
  }

  /** A row's list item takes a dragged row: dropped, the dragged row moves to its place. */
  function dropTarget(ed, i) {
    const li = h('li', { class: 'kmsat-row', on: {
      dragover: (e) => { if (ed.dragged) { e.preventDefault(); li.classList.add('kmsat-row--over'); } },
      dragleave: () => li.classList.remove('kmsat-row--over'),
      drop: (e) => {
        e.preventDefault();
        li.classList.remove('kmsat-row--over');
        const from = ed.ctx.session.plan.findIndex((r) => r.id === ed.dragged);
        if (from !== -1 && from !== i) move(ed, ed.dragged, i - from, 'up');
        ed.dragged = null; // the redraw removed the handle, so no dragend will come
      },
    } });
    return li;
  }

  /** The handle is for pointers only; keyboard users have the buttons below. */
  const handle = (ed, view, li) => h('span', { class: 'kmsat-drag', draggable: 'true', 'aria-hidden': 'true', text: '⠿', on: {
    dragstart: (e) => {
      ed.dragged = view.id;
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('application/x-kmsat-row', view.id);
      e.dataTransfer.setDragImage(li, 20, 20);
    },
    dragend: () => { ed.dragged = null; },
  } });

  /** What the row is about: a custom row's title field, or the criterion's rating and priority. */
  function about(ed, view, r) {
    const { t } = ed;
    if (view.custom) {
      return [h('p', { class: 'kmsat-tag', text: t('plan.custom.tag') }), field({ t,
        label: t('plan.custom.title.label'), value: view.row.title,
        onInput: (value) => { r.rename(value || t('plan.custom.untitled')); r.update({ title: value }); },
      })];
    }
    return h('p', { class: 'kmsat-meta' }, [
      view.element && [view.element.title, ' · '],
      t('plan.column.rating'), ': ', view.level ? view.level.label : t('results.notAnswered'),
      view.priority && [' · ', t('plan.column.priority'), ': ', view.priority.label],
      view.parked && [' · ', t('plan.parked')],
    ]);
  }

  /** The row's fields: action, owner, support, due, measure and status. */
  function fields(ed, view, r) {
    const { t } = ed;
    const input = (key, rows) => {
      const box = field({ t,
        rows, value: view.row[key], class: 'kmsat-field--' + key, label: t('plan.column.' + key),
        onInput: (value) => r.update({ [key]: value }),
      });
      r.name(box.querySelector('.kmsat-input'), 'plan.field.labelFor', { field: t('plan.column.' + key) });
      return box;
    };
    const status = r.name(h('select', {
      class: 'kmsat-input', id: 'kmsat-status-' + view.id,
      on: { change: (e) => r.update({ status: e.target.value }) },
    }, [''].concat(K.model.STATUSES).map((id) => h('option', {
      value: id, selected: id === view.row.status,
      text: t(id ? 'plan.status.' + id.replace(/-(\w)/g, (_, c) => c.toUpperCase()) : 'plan.status.none'),
    }))), 'plan.field.labelFor', { field: t('plan.column.status') });
    return h('div', { class: 'kmsat-row__fields' }, [
      input('action', 2), input('owner'), input('support'), input('due'), input('measure', 2),
      h('div', { class: 'kmsat-field' }, [h('label', { for: status.id, text: t('plan.column.status') }), status]),
    ]);
  }

  /** The row's "Agreed action" tick: agreeing opens its fields; the count is redrawn and said. */
  function agreedToggle(ed, view, r, li) {
    const id = 'kmsat-agreed-' + view.id;
    const box = h('input', { type: 'checkbox', id, checked: view.agreed, on: { change: () => {
      r.update({ agreed: box.checked });
      li.classList.toggle('kmsat-row--agreed', box.checked);
      const more = li.querySelector('details');
      if (box.checked && more) more.open = true;
      drawCount(ed);
      ed.ctx.say(ed.count.textContent);
    } } });
    r.name(box, 'plan.agreed.labelFor');
    return h('div', { class: 'kmsat-agreed' }, [box, h('label', { for: id, text: ed.t('plan.agreed.label') })]);
  }

  /** The row's ideas and fields behind one disclosure: a candidate's are one Tab stop until opened. */
  function details(ed, view, r) {
    const { t } = ed;
    const opportunities = (view.criterion && view.criterion.opportunities) || [];
    const open = view.agreed || view.custom || K.model.rowHasText(view.row) || ed.opened.has(view.id);
    const box = h('details', { open, on: { toggle: () => { if (box.open) ed.opened.add(view.id); else ed.opened.delete(view.id); } } }, [
      h('summary', { text: t('plan.details') }),
      opportunities.length > 0 && h('details', { class: 'kmsat-ideas' }, [
        h('summary', { text: t('plan.ideas.summary', { count: opportunities.length }) }),
        h('p', null, links(t, 'plan.ideas', opportunities)),
      ]),
      fields(ed, view, r),
    ]);
    return box;
  }

  function row(ed, view, i, total) {
    const { t } = ed;
    const heading = h('h3', null, [(i + 1) + '. ', titleOf(ed, view)]);
    // Accessible names that carry the row's title, renamed as a custom row's title is typed.
    const named = [];
    const r = {
      name: (el, key, params) => { named.push([el, key, params]); return el; },
      rename: (title) => {
        K.dom.fill(heading, [(i + 1) + '. ', title]);
        for (const [el, key, params] of named) el.setAttribute('aria-label', t(key, Object.assign({ title }, params)));
      },
      // A stale row emptied is dropped (syncPlan): show it gone, so nothing is typed into a lost row.
      update: (changes) => {
        edit(ed, (s) => ({ plan: P.updateRow(s.plan, view.id, changes) }));
        if (!current(ed, view.id)) { draw(ed); ed.addButton.focus(); ed.ctx.say(t('plan.removed', { title: titleOf(ed, view) })); }
      },
    };
    const li = dropTarget(ed, i);
    li.setAttribute('data-row', view.id);
    li.classList.toggle('kmsat-row--agreed', view.agreed);
    K.dom.append(li, [
      h('div', { class: 'kmsat-row__head' }, [handle(ed, view, li), heading]),
      agreedToggle(ed, view, r, li),
      about(ed, view, r),
      view.stale && h('p', { class: 'kmsat-hint', text: t('plan.stale') }),
      details(ed, view, r),
      r.name(toolbar('', [
        r.name(button(t('plan.moveUp'), () => move(ed, view.id, -1, 'up'), { 'data-act': 'up', disabled: i === 0 }), 'plan.moveUpLabel'),
        r.name(button(t('plan.moveDown'), () => move(ed, view.id, 1, 'down'), { 'data-act': 'down', disabled: i === total - 1 }),
          'plan.moveDownLabel'),
        r.name(button(t('plan.remove'), () => remove(ed, view.id), { 'data-act': 'remove' }), 'plan.removeLabel'),
      ]), 'plan.rowActions'),
    ]);
    r.rename(titleOf(ed, view));
    return li;
  }

  /** Criteria the group took out of the plan that would still be in it: each can be put back. */
  function drawRemoved(ed) {
    const { t, data, ctx } = ed;
    const out = K.scoring.results(data, ctx.session).filter((r) => r.level &&
      r.level.value < K.model.scaleIndex(data.scale).topValue && ctx.session.dismissed.includes(r.criterion.id));
    const restore = (id, title) => {
      edit(ed, (s) => P.restoreDismissed(data, s, id));
      const back = id && ctx.session.plan.find((r) => r.criterion === id);
      draw(ed, back ? back.id : null, 'remove');
      if (!back) ed.list.querySelector('[data-act]:not([disabled])').focus();
      ctx.say(t('plan.restored', { title }));
    };
    K.dom.fill(ed.removed, out.length > 0 && [
      h('h3', { text: t('plan.dismissed.heading') }),
      h('p', { text: t('plan.dismissed.intro', K.model.labelParams(data)) }),
      h('ul', { class: 'kmsat-bare' }, out.map((r) => h('li', null, [r.criterion.title, ' ',
        button(t('plan.restore'), () => restore(r.criterion.id, r.criterion.title),
          { class: 'kmsat-btn kmsat-btn--small', 'aria-label': t('plan.restoreLabel', { title: r.criterion.title }) })]))),
      out.length > 1 && button(t('plan.restoreAll'), () => restore(undefined, out.map((r) => r.criterion.title).join(', '))),
    ]);
  }

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} */
  K.ui.plan = function (ctx) {
    const { t, data } = ctx;
    const ed = { ctx, t, data, list: h('ol', { class: 'kmsat-plan kmsat-bare' }), removed: h('div'),
      empty: h('p', { text: t('plan.empty', K.model.labelParams(data)) }), dragged: null,
      addButton: /** @type {HTMLButtonElement|null} */ (null),
      count: h('p', { class: 'kmsat-plan-count' }), opened: new Set() };
    ed.addButton = button(t('plan.add'), () => {
      // The group's own action is one it chose: agreed from the start.
      edit(ed, (s) => ({ plan: P.addCustomRow(s.plan, { agreed: true }) }));
      const plan = ctx.session.plan;
      draw(ed);
      /** @type {HTMLInputElement|null} */ (ed.list.querySelector('[data-row="' + CSS.escape(plan[plan.length - 1].id) + '"] input[type=text]'))?.focus();
      ctx.say(t('plan.added'));
    }, { class: 'kmsat-btn kmsat-btn--primary' });
    draw(ed);
    return [
      h('p', { text: t('plan.intro', K.model.labelParams(data)) }),
      ed.count, ed.empty, ed.list,
      h('div', { class: 'kmsat-actions' }, [ed.addButton, button(t('export.print'), ctx.print)]),
      ed.removed,
    ];
  };
})(self.KMSAT);
