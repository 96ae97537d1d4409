/**
 * kmsat present: the full-screen view for a facilitated session, as a
 * component `{name, selector, mount(el, deps) -> stop}`. A modal <dialog>
 * (the page behind is inert; Escape comes to us) over the whole window, in
 * the browser's full screen when it lets us. Keys and clicker buttons act
 * through core/present.js; every change goes to the app's session at once
 * (deps.change saves it, with the two-tab rule).
 *
 * Screen readers: focus stays on the slide (a labelled region that does not
 * move), and a polite live region says where the group is and what was
 * recorded. Leaving puts focus back on the same criterion in the normal view.
 * The functions below share one record `v` (see `create`).
 */
(function (K) {
  'use strict';
  const { h, button, uid, fill } = K.dom;
  const P = K.present;
  const S = K.presentSlides;
  const { toggle, press, noteBox, fitSlide, enterFullscreen, exitFullscreen } = K.presentParts;
  /** Chosen options stay while the page is open (a second Present in the session keeps them). */
  const options = { timer: false, hideNames: false };

  /** The view's state and its parts; `ctx` is what the slides read (the normal view's chart reads t and data). */
  function create(deps) {
    const { data, t } = deps;
    const slides = P.slides(data);
    const v = {
      deps, data, t, slides, budgets: P.budgets(data), headingId: uid('present-heading'),
      index: P.slideFor(slides, P.startAt(data, deps.session, deps.start)),
      spent: {}, since: Date.now(), fullscreen: false, unsaved: '', left: false, timers: {},
    };
    v.ctx = { data, t, options, act: (action) => act(v, action), get session() { return deps.session; } };
    return v;
  }

  /** The dialog: a bar (where, save problems, timer, options, moves, leave), the slide, the note box. */
  function frame(v) {
    const { t, data } = v;
    const tool = (text, action) => button(text, () => act(v, action), { class: 'kmsat-btn kmsat-present__tool' });
    v.live = h('div', { class: 'kmsat-sr', 'aria-live': 'polite' });
    v.position = h('p', { class: 'kmsat-present__position' });
    v.clock = h('p', { class: 'kmsat-present__timer', role: 'timer', hidden: true });
    v.unsavedLine = h('p', { class: 'kmsat-present__unsaved', role: 'alert' });
    v.slide = h('section', { class: 'kmsat-present__slide', tabindex: '-1', 'aria-labelledby': v.headingId });
    v.prev = tool(t('present.previous'), { type: 'move', delta: -1 });
    v.next = tool(t('present.next'), { type: 'move', delta: 1 });
    v.optionButtons = { timer: toggle(t('present.timer'), '', () => setOption(v, 'timer')),
      hideNames: toggle(t('present.hideNames'), '', () => setOption(v, 'hideNames')) };
    v.tools = {
      priorities: data.scale.priorities.slice(0, 3).map((p, i) =>
        Object.assign(toggle(p.label, 'HML'[i], () => act(v, { type: 'priority', priority: p.id })), { value: p.id })),
      note: toggle(t('present.note'), 'E', () => act(v, { type: 'note' })),
      park: toggle(t('present.park'), 'P', () => act(v, { type: 'park' })),
    };
    // Priority, note and park sit beside Don't know and Not applicable, on criterion slides only.
    v.toolRow = h('div', { class: 'kmsat-present__tools', role: 'group', 'aria-label': t('present.tools') },
      [v.tools.priorities, v.tools.note, v.tools.park]);
    v.note = noteBox(t, () => closeNote(v));
    v.dialog = h('dialog', { class: 'kmsat-present', 'aria-label': t('present.label') }, [
      h('div', { class: 'kmsat-present__bar' }, [v.position, v.unsavedLine, v.clock,
        h('div', { class: 'kmsat-present__options' }, [v.optionButtons.timer, v.optionButtons.hideNames, v.prev, v.next,
          tool([h('kbd', { text: 'Esc' }), ' ', t('present.exit')], { type: 'exit' })]),
      ]),
      v.slide, v.note.box, v.live,
    ]);
    Object.keys(options).forEach((name) => press(v.optionButtons[name], options[name]));
  }

  const current = (v) => v.slides[v.index];
  const criterionId = (v) => (current(v).kind === 'criterion' ? current(v).criterion.id : null);
  const answerOf = (v, id) => (id && K.model.answerFor(v.deps.session, id)) || {};

  /** Announce politely; emptied first so the same words are read again. */
  function say(v, text) {
    v.live.textContent = '';
    clearTimeout(v.timers.say);
    v.timers.say = setTimeout(() => { fill(v.live, text); }, 100);
  }

  /** Where the group is, as the bar shows it and as it is announced. */
  function where(v, s) {
    const { t } = v;
    if (s.kind === 'criterion') {
      return t('present.position', { element: s.element.title, number: s.number, count: s.count,
        overall: s.overall, total: s.total });
    }
    return s.kind === 'summary' ? t('present.position.summary', { element: s.element.title }) : t('present.position.results');
  }

  function draw(v) {
    const s = current(v);
    fill(v.slide, S[s.kind](v.ctx, s, v.headingId));
    v.slide.dataset.kind = s.kind;
    const more = v.slide.querySelector('.kmsat-present__more');
    if (more) more.append(v.toolRow);
    fill(v.position, where(v, s));
    v.prev.disabled = v.index === 0;
    v.next.disabled = v.index === v.slides.length - 1;
    refresh(v);
    // Fitted at once (reading sizes lays the slide out): never seen, nor measured, unfitted.
    fitSlide(v.dialog, v.slide);
  }

  /** Fit again when the window changes (full screen on or off), once the browser has laid it out. */
  function fitLater(v) {
    cancelAnimationFrame(v.timers.fit);
    v.timers.fit = requestAnimationFrame(() => fitSlide(v.dialog, v.slide));
  }

  /** Show what the session now holds without redrawing (focus stays where it is). */
  function refresh(v) {
    const answer = answerOf(v, criterionId(v));
    for (const input of v.slide.querySelectorAll('.kmsat-present__radio')) input.checked = input.value === answer.level;
    v.tools.priorities.forEach((b) => press(b, b.value === answer.priority));
    press(v.tools.note, Boolean(answer.notes));
    press(v.tools.park, answer.parked === true);
    tick(v);
  }

  /** Time on the current criterion so far, in ms (summary and results slides are not timed). */
  function spent(v) {
    const id = criterionId(v);
    return id ? (v.spent[id] || 0) + (Date.now() - v.since) : 0;
  }

  function tick(v) {
    const id = criterionId(v);
    v.clock.hidden = !options.timer || !id;
    if (v.clock.hidden) return;
    const shown = P.timer(spent(v), v.budgets[id]);
    v.clock.textContent = shown.budget === null ? shown.elapsed
      : v.t(shown.over ? 'present.timer.over' : 'present.timer.within', shown);
    v.clock.classList.toggle('kmsat-present__timer--over', shown.over);
  }

  function go(v, index) {
    const to = Math.max(0, Math.min(v.slides.length - 1, index));
    if (to === v.index) return;
    const id = criterionId(v);
    if (id) v.spent[id] = spent(v);
    v.since = Date.now();
    v.index = to;
    draw(v);
    // A button that was redrawn took focus with it: back to the slide, never to the page behind.
    if (!v.dialog.contains(document.activeElement)) v.slide.focus();
    say(v, announcement(v));
  }

  /** On arrival: where, what, and what is recorded so far. */
  function announcement(v) {
    const s = current(v);
    const { join } = K.strings; // an announcement keeps its parts' languages (core/strings.js)
    if (s.kind !== 'criterion') return join(where(v, s), '. ', v.slide.querySelector('h2').textContent);
    return [join(where(v, s), ': ', s.criterion.title, '.'), s.criterion.statement,
      v.t('present.said.level', { level: S.answerText(v.ctx, s.criterion.id) })]
      .concat(S.recorded(v.ctx, s.criterion.id)).reduce((said, text) => join(said, ' ', text));
  }

  /** Record a change to the current criterion, show it, and say it. */
  function record(v, fn, words) {
    const id = criterionId(v);
    if (!id) { say(v, v.t('present.notHere')); return; }
    saved(v, v.deps.change((session) => fn(session, id), id));
    refresh(v);
    say(v, words(id));
  }

  /**
   * The app saves each change with the two-tab rule; when it could not, the
   * group reads it here (the app's own notice is behind the slides): once
   * per reason, not at every key.
   * @param {{ok: boolean, reason?: string}|undefined} result
   */
  function saved(v, result) {
    const reason = result && !result.ok ? result.reason : '';
    if (reason === v.unsaved) return;
    v.unsaved = reason;
    fill(v.unsavedLine, reason && v.t(reason === 'conflict' ? 'present.unsaved.conflict' : 'present.unsaved.failed'));
  }

  function act(v, action) {
    const { t } = v;
    const level = (id) => t('present.said.level', { level: S.answerText(v.ctx, id) });
    const priority = (id) => {
      const p = v.data.scale.priorities.find((o) => o.id === answerOf(v, id).priority);
      return p ? t('present.priority.set', { priority: p.label }) : t('present.said.noPriority');
    };
    switch (action.type) {
      case 'move': return go(v, v.index + action.delta);
      case 'exit': return leave(v);
      case 'note': return criterionId(v) ? openNote(v) : say(v, t('present.notHere'));
      case 'level': return record(v, (s, id) => P.setLevel(s, id, action.level), level);
      case 'clear': return record(v, (s, id) => P.setLevel(s, id, ''), () => t('present.said.cleared'));
      case 'priority': return record(v, (s, id) => P.setPriority(s, id, action.priority), priority);
      case 'park': return record(v, P.togglePark,
        (id) => t(P.isParked(v.deps.session, id) ? 'present.said.parked' : 'present.said.unparked'));
      default: return undefined;
    }
  }

  function setOption(v, name) {
    options[name] = !options[name];
    press(v.optionButtons[name], options[name]);
    if (name === 'hideNames' && criterionId(v)) draw(v);
    tick(v);
  }

  function openNote(v) {
    const id = criterionId(v);
    v.note.open(current(v).criterion.title, answerOf(v, id).notes || '',
      (text) => saved(v, v.deps.change((session) => P.setNote(session, id, text), undefined)));
  }

  function closeNote(v) {
    v.note.close();
    refresh(v);
    v.slide.focus();
  }

  /**
   * Keys: the note box keeps its own; buttons and radios keep Space and
   * Enter. None reaches the page behind: Material's own shortcuts (N, P, S,
   * /) would turn its page or open its search under the slides.
   */
  function onKey(v, event) {
    event.stopPropagation();
    if (v.note.isOpen() && event.target.closest('.kmsat-present__note')) {
      if (event.key === 'Escape') { event.preventDefault(); closeNote(v); }
      return;
    }
    const native = event.target.matches('button, input') && (event.key === ' ' || event.key === 'Enter');
    const action = native ? null : P.keyAction(event, v.data);
    if (!action) return;
    event.preventDefault();
    act(v, action);
  }

  /** Remove the view and its listeners (full screen too); safe to call twice. */
  function stop(v) {
    if (v.left) return;
    v.left = true;
    clearInterval(v.timers.tick);
    clearTimeout(v.timers.say);
    cancelAnimationFrame(v.timers.fit);
    document.removeEventListener('fullscreenchange', v.onFullscreen);
    removeEventListener('resize', v.onResize);
    exitFullscreen();
    if (v.dialog.open) v.dialog.close();
    v.dialog.remove();
  }

  /** Back to the normal view, at the criterion of the slide the group is on. */
  function leave(v) {
    const back = P.criterionAt(v.slides, v.index);
    stop(v);
    v.deps.exit(back);
  }

  /**
   * @param {HTMLElement} el where the view goes (the app adds it to the page)
   * @param {{data: any, t: function(string, Object=): string, session: any,
   *   change: function(function(any): any, string=): any, start?: string, exit: function(string|null): void}} deps
   *   change: the app's, returning how saving
   *   went ({ok, reason}); start: the criterion or step the normal view shows (core startAt);
   *   exit: called with the criterion to return to, after the view has gone
   * @returns {() => void} stop: removes the view (without calling exit)
   */
  function mount(el, deps) {
    const v = create(deps);
    frame(v);
    // Leaving full screen (the browser's own Escape) leaves present mode too: one Escape, one way out.
    v.onFullscreen = () => { if (v.fullscreen && !document.fullscreenElement) leave(v); };
    v.onResize = () => fitLater(v);
    v.dialog.addEventListener('keydown', (event) => onKey(v, event));
    v.dialog.addEventListener('cancel', (event) => { event.preventDefault(); if (!v.note.isOpen()) leave(v); });
    document.addEventListener('fullscreenchange', v.onFullscreen);
    addEventListener('resize', v.onResize);
    v.timers.tick = setInterval(() => tick(v), 1000);
    el.replaceChildren(v.dialog);
    v.dialog.showModal();
    draw(v);
    v.slide.focus();
    say(v, K.strings.join(v.t('present.opened', K.model.labelParams(v.data)), ' ', announcement(v)));
    enterFullscreen(() => { v.fullscreen = true; });
    return () => stop(v);
  }

  /**
   * Present mode from the assessment app: a root of its own at the end of
   * the page; on leaving, the element step in the normal view with focus on
   * the criterion's recorded choice (or its first).
   * @param {Object} ctx the app's context: data, t, session, change, go, step
   * @param {string|null} used the criterion last answered in the normal view
   * @param {function} closed told when present mode has gone, whichever way
   * @returns {() => void} stop, for when the app itself stops
   */
  function open(ctx, used, closed) {
    const { data } = ctx;
    const elementOf = (id) => data.elements.find((e) => e.criteria.some((c) => c.id === id));
    const onStep = used && elementOf(used) && elementOf(used).id === ctx.step;
    const root = h('div', { class: 'kmsat-present-root' });
    document.body.append(root);
    const close = () => { stopView(); root.remove(); closed(); };
    const stopView = mount(root, {
      data, t: ctx.t, start: onStep ? used : ctx.step,
      get session() { return ctx.session; },
      change: (fn, criterion) => ctx.change(fn, criterion),
      exit(id) {
        close();
        if (id === null) return; // no criterion slide to go back to: the normal view stays on its step
        const answered = Boolean((K.model.answerFor(ctx.session, id) || {}).level);
        ctx.go(elementOf(id).id, '#kmsat-c-' + CSS.escape(id) + ' input' + (answered ? ':checked' : ''));
      },
    });
    return close;
  }

  K.presentView = { name: 'present', selector: '.kmsat-present-root', mount, open };
})(self.KMSAT);
