/**
 * kmsat present: the full-screen view for a facilitated session. A modal
 * <dialog> (the page behind is inert; Escape comes to us) over the whole
 * window, in the browser's full screen when it lets us. Keys and clicker
 * buttons act through core/present.js; every change goes to the app's
 * session at once (deps.change saves it, with the two-tab rule).
 *
 * Screen readers: focus stays on the slide (a labelled region that does not
 * move), and a polite live region says where the group is and what was
 * recorded. Leaving puts focus back on the same criterion in the normal view.
 */
(function (K) {
  'use strict';
  const { h, button, uid, fill } = K.dom;
  const P = K.present;
  const S = K.presentSlides;
  /** Chosen options stay while the page is open (a second Present in the session keeps them). */
  const options = { timer: false, hideNames: false };
  const TICK = 1000;

  /** A toggle button whose pressed state shows and is announced. */
  function toggle(text, key, onClick, cls) {
    return button([key && h('kbd', { text: key }), key && ' ', text], onClick,
      { class: 'kmsat-btn kmsat-present__tool ' + (cls || ''), 'aria-pressed': 'false' });
  }
  const press = (btn, on) => btn.setAttribute('aria-pressed', on ? 'true' : 'false');

  /**
   * @param {HTMLElement} el where the view goes (the app adds it to the page)
   * @param {{data: Object, t: function, session: Object, change: function(function, string): Object,
   *   start?: string, exit: function(string|null)}} deps change: the app's, returning how saving
   *   went ({ok, reason}); start: the criterion or element the normal view shows (core startAt);
   *   exit: called with the criterion to return to, after the view has gone
   * @returns {function} stop: removes the view (without calling exit)
   */
  function mount(el, deps) {
    const { data, t } = deps;
    const slides = P.slides(data);
    const budgets = P.budgets(data);
    const state = { index: P.slideFor(slides, P.startAt(data, deps.session, deps.start)), spent: {}, since: Date.now(),
      fullscreen: false, unsaved: '' };
    const headingId = uid('present-heading');
    const ctx = { data, t, options, act, get session() { return deps.session; } };
    // The normal view's chart and table read ctx.t and ctx.data, as here.

    const live = h('div', { class: 'kmsat-sr', 'aria-live': 'polite' });
    const position = h('p', { class: 'kmsat-present__position' });
    const clock = h('p', { class: 'kmsat-present__timer', role: 'timer', hidden: true });
    const unsaved = h('p', { class: 'kmsat-present__unsaved', role: 'alert' });
    const slide = h('section', { class: 'kmsat-present__slide', tabindex: '-1', 'aria-labelledby': headingId });
    const prev = button(t('present.previous'), () => act({ type: 'move', delta: -1 }), { class: 'kmsat-btn kmsat-present__tool' });
    const next = button(t('present.next'), () => act({ type: 'move', delta: 1 }), { class: 'kmsat-btn kmsat-present__tool' });
    const timerButton = toggle(t('present.timer'), '', () => setOption('timer'));
    const namesButton = toggle(t('present.hideNames'), '', () => setOption('hideNames'));
    const tools = {
      priorities: data.scale.priorities.slice(0, 3).map((p, i) => {
        const b = toggle(p.label, 'HML'[i], () => act({ type: 'priority', priority: p.id }));
        b.dataset.priority = p.id;
        return b;
      }),
      note: toggle(t('present.note'), 'T', () => act({ type: 'note' })),
      park: toggle(t('present.park'), 'P', () => act({ type: 'park' })),
    };
    // Priority, note and park sit beside Don't know and Not applicable, on criterion slides only.
    const toolRow = h('div', { class: 'kmsat-present__tools', role: 'group', 'aria-label': t('present.tools') },
      [tools.priorities, tools.note, tools.park]);
    const note = noteBox(ctx, () => closeNote());
    const dialog = h('dialog', { class: 'kmsat-present', 'aria-label': t('present.label') }, [
      h('div', { class: 'kmsat-present__bar' }, [
        position, unsaved, clock,
        h('div', { class: 'kmsat-present__options' }, [timerButton, namesButton, prev, next,
          button([h('kbd', { text: 'Esc' }), ' ', t('present.exit')], () => act({ type: 'exit' }),
            { class: 'kmsat-btn kmsat-present__tool' })]),
      ]),
      slide, note.box, live,
    ]);

    const current = () => slides[state.index];
    const criterionId = () => (current().kind === 'criterion' ? current().criterion.id : null);

    /** Announce politely; emptied first so the same words are read again. */
    let sayTimer = null;
    function say(text) {
      live.textContent = '';
      clearTimeout(sayTimer);
      sayTimer = setTimeout(() => { live.textContent = text; }, 100);
    }

    /** Where the group is, as the bar shows it and as it is announced. */
    function where(s) {
      if (s.kind === 'criterion') {
        return t('present.position', { element: s.element.title, number: s.number, count: s.count,
          overall: s.overall, total: s.total });
      }
      return s.kind === 'summary' ? t('present.position.summary', { element: s.element.title }) : t('present.position.results');
    }

    function draw() {
      const s = current();
      fill(slide, S[s.kind](ctx, s, headingId));
      slide.dataset.kind = s.kind;
      const more = slide.querySelector('.kmsat-present__more');
      if (more) more.append(toolRow);
      position.textContent = where(s);
      prev.disabled = state.index === 0;
      next.disabled = state.index === slides.length - 1;
      refresh();
      fitLater();
    }

    /** Show what the session now holds without redrawing (focus stays where it is). */
    function refresh() {
      const id = criterionId();
      const answer = (id && K.model.answerFor(deps.session, id)) || {};
      for (const input of slide.querySelectorAll('.kmsat-present__radio')) input.checked = input.value === answer.level;
      tools.priorities.forEach((b) => press(b, b.dataset.priority === answer.priority));
      press(tools.note, Boolean(answer.notes));
      press(tools.park, answer.parked === true);
      for (const b of tools.priorities.concat(tools.note, tools.park)) b.disabled = !id;
      tick();
    }

    /** Time on the current criterion so far, in ms (summary and results slides are not timed). */
    function spent() {
      const id = criterionId();
      return id ? (state.spent[id] || 0) + (Date.now() - state.since) : 0;
    }
    function tick() {
      const id = criterionId();
      clock.hidden = !options.timer || !id;
      if (clock.hidden) return;
      const shown = P.timer(spent(), budgets[id]);
      clock.textContent = shown.budget === null ? shown.elapsed
        : t(shown.over ? 'present.timer.over' : 'present.timer.within', shown);
      clock.classList.toggle('kmsat-present__timer--over', shown.over);
    }

    function go(index) {
      const to = Math.max(0, Math.min(slides.length - 1, index));
      if (to === state.index) return;
      const id = criterionId();
      if (id) state.spent[id] = spent();
      state.since = Date.now();
      state.index = to;
      draw();
      // A button that was redrawn took focus with it: back to the slide, never to the page behind.
      if (!dialog.contains(document.activeElement)) slide.focus();
      say(announcement());
    }

    /** On arrival: where, what, and what is recorded so far. */
    function announcement() {
      const s = current();
      if (s.kind !== 'criterion') return where(s) + '. ' + slide.querySelector('h2').textContent;
      return [where(s) + ': ' + s.criterion.title + '.', s.criterion.statement,
        t('present.said.level', { level: S.answerText(ctx, s.criterion.id) })]
        .concat(S.recorded(ctx, s.criterion.id)).join(' ');
    }

    /** Record a change to the current criterion, show it, and say it. */
    function record(fn, words) {
      const id = criterionId();
      if (!id) { say(t('present.notHere')); return; }
      saved(deps.change((session) => fn(session, id), id));
      refresh();
      say(words(id));
    }

    /**
     * The app saves each change with the two-tab rule; when it could not,
     * the group hears it here (the app's own notice is behind the slides).
     * @param {{ok: boolean, reason?: string}|undefined} result
     */
    function saved(result) {
      const reason = result && !result.ok ? result.reason : '';
      if (reason === state.unsaved) return; // said once, not at every key
      state.unsaved = reason;
      unsaved.textContent = !reason ? '' : t(reason === 'conflict' ? 'present.unsaved.conflict' : 'present.unsaved.failed');
    }

    function act(action) {
      const level = (id) => S.answerText(ctx, id);
      switch (action.type) {
        case 'move': return go(state.index + action.delta);
        case 'exit': return leave();
        case 'note': return criterionId() ? openNote() : say(t('present.notHere'));
        case 'level': return record((s, id) => P.setLevel(s, id, action.level), (id) => t('present.said.level', { level: level(id) }));
        case 'clear': return record((s, id) => P.setLevel(s, id, ''), () => t('present.said.cleared'));
        case 'park': return record(P.togglePark, (id) => t(P.isParked(deps.session, id) ? 'present.said.parked' : 'present.said.unparked'));
        case 'priority': return record((s, id) => P.setPriority(s, id, action.priority), (id) => {
          const p = data.scale.priorities.find((o) => o.id === (K.model.answerFor(deps.session, id) || {}).priority);
          return p ? t('present.priority.set', { priority: p.label }) : t('present.said.noPriority');
        });
        default: return undefined;
      }
    }

    function setOption(name) {
      options[name] = !options[name];
      press(name === 'timer' ? timerButton : namesButton, options[name]);
      if (name === 'hideNames' && current().kind === 'criterion') draw();
      tick();
    }

    function openNote() {
      const id = criterionId();
      note.open(current().criterion.title, (K.model.answerFor(deps.session, id) || {}).notes || '',
        (text) => saved(deps.change((session) => P.setNote(session, id, text), undefined)));
    }
    function closeNote() {
      note.close();
      refresh();
      slide.focus();
    }

    /**
     * Keys: the note box keeps its own; buttons and radios keep Space and Enter.
     * None reaches the page behind: Material's own shortcuts (N, P, S, /) would
     * turn its page or open its search under the slides.
     */
    function onKey(event) {
      event.stopPropagation();
      if (note.isOpen() && event.target.closest('.kmsat-present__note')) {
        if (event.key === 'Escape') { event.preventDefault(); closeNote(); }
        return;
      }
      const native = event.target.matches('button, input') && (event.key === ' ' || event.key === 'Enter');
      const action = native ? null : P.keyAction(event, data);
      if (!action) return;
      event.preventDefault();
      act(action);
    }

    const fit = () => fitSlide(dialog, slide);
    let fitFrame = 0;
    function fitLater() { cancelAnimationFrame(fitFrame); fitFrame = requestAnimationFrame(fit); }

    let left = false;
    function stop() {
      if (left) return;
      left = true;
      clearInterval(ticker);
      clearTimeout(sayTimer);
      cancelAnimationFrame(fitFrame);
      document.removeEventListener('fullscreenchange', onFullscreen);
      removeEventListener('resize', fitLater);
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
      if (dialog.open) dialog.close();
      el.replaceChildren();
    }
    function leave() {
      const back = P.criterionAt(slides, state.index);
      stop();
      deps.exit(back);
    }
    /** Leaving full screen (the browser's Escape) leaves present mode too: one Escape, one way out. */
    function onFullscreen() { if (state.fullscreen && !document.fullscreenElement) leave(); }

    dialog.addEventListener('keydown', onKey);
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); if (!note.isOpen()) leave(); });
    document.addEventListener('fullscreenchange', onFullscreen);
    addEventListener('resize', fitLater);
    const ticker = setInterval(tick, TICK);
    press(timerButton, options.timer);
    press(namesButton, options.hideNames);
    el.replaceChildren(dialog);
    dialog.showModal();
    draw();
    slide.focus();
    say(t('present.opened') + ' ' + announcement());
    enterFullscreen(state);
    return stop;
  }

  /** The browser's full screen when offered and allowed; otherwise the dialog already fills the window. */
  function enterFullscreen(state) {
    const root = document.documentElement;
    if (!document.fullscreenEnabled || !root.requestFullscreen || document.fullscreenElement) return;
    root.requestFullscreen().then(() => { state.fullscreen = true; }, () => { /* refused: the overlay stays */ });
  }

  /**
   * Long descriptors wrap, never clip: the level boxes get widths that follow
   * their text's length; then, only if something still overflows (a window
   * far from 16:9), the type shrinks a step at a time, to 70% at most.
   * (CSSOM style properties: the CSP allows them, unlike style attributes.)
   */
  function fitSlide(dialog, slide) {
    const row = slide.querySelector('.kmsat-present__levels');
    if (row) {
      const texts = Array.from(row.children, (box) => (box.querySelector('.kmsat-present__choice-text') || box).textContent);
      row.style.gridTemplateColumns = P.columnWeights(texts).map((w) => 'minmax(0, ' + w + 'fr)').join(' ');
    }
    const boxes = [slide].concat(Array.from(slide.querySelectorAll('.kmsat-present__choice')));
    const over = () => boxes.some((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1);
    dialog.style.removeProperty('--kmsat-present-scale');
    for (let scale = 95; scale >= 70 && over(); scale -= 5) dialog.style.setProperty('--kmsat-present-scale', String(scale));
  }

  /** The short note box: typed text is saved at once; Escape or Done closes it. */
  function noteBox(ctx, onClose) {
    const { t } = ctx;
    const id = uid('present-note');
    const label = h('label', { for: id });
    const area = h('textarea', { id, class: 'kmsat-input', rows: 3, on: { input: (e) => save(e.target.value) } });
    let save = () => {};
    const box = h('div', { class: 'kmsat-present__note', role: 'group', 'aria-labelledby': id + '-l', hidden: true }, [
      h('p', { id: id + '-l', class: 'kmsat-present__note-hint', text: t('present.note.hint') }),
      label, area,
      button(t('present.note.done'), onClose, { class: 'kmsat-btn kmsat-btn--primary' }),
    ]);
    return {
      box,
      isOpen: () => !box.hidden,
      open(title, text, onInput) {
        label.textContent = t('present.note.label', { title });
        area.value = text;
        save = onInput;
        box.hidden = false;
        area.focus();
      },
      close() { box.hidden = true; save = () => {}; },
    };
  }

  const component = { name: 'present', selector: '[data-kmsat-present]', mount };
  K.presentView = component;
})(self.KMSAT);
