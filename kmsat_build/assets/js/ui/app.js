/**
 * kmsat ui: the app. Reads the page's data, restores the saved session,
 * draws the steps and saves every change at once.
 *
 * Instant navigation swaps pages without reloading scripts: the app starts
 * from `document$`, once per mount point, and stops the previous page's app
 * (its window listeners) when that page goes.
 */
(function (K) {
  'use strict';
  const { h, button, hidden, fill } = K.dom;
  const SAY_SAVED_EVERY = 10000; // ms of quiet before "Saved" is announced
  const FALLBACK = { 'app.startFailed': 'The questionnaire could not start: {reason}.' };
  let running = null;

  /** 16 random hex digits: a session id. */
  const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

  /** Details, checklist, one step per element, results, plan, save and share. */
  function stepsFor(data, t) {
    const ui = K.ui;
    return [
      { id: 'details', title: t('steps.details'), render: ui.details, done: (s) => Boolean(s.details.capacity && s.details.organisation) },
      { id: 'checklist', title: t('steps.checklist'), render: ui.checklist, done: (s) => ui.checklist.answered(data, s) === data.checklist.length },
    ].concat(data.elements.map((element, i) => ({
      id: element.id, element, number: i + 1, title: t('steps.element', { number: i + 1, title: element.title }),
      render: ui.criteria, done: (s) => ui.criteria.answered(element, s) === element.criteria.length,
    })), [
      { id: 'results', title: t('steps.results'), render: ui.results },
      { id: 'plan', title: t('steps.plan'), render: ui.plan },
      { id: 'share', title: t('steps.share'), render: ui.io.render },
    ]);
  }

  function start(mount, data) {
    const t = (key, params) => K.strings.t(data.strings, key, params);
    const storage = K.store.available(window);
    const prefix = 'kmsat:' + data.edition.id + ':';
    const slots = { own: K.store.slot(storage, prefix + 'session'), example: K.store.slot(storage, prefix + 'example') };
    const state = { mode: 'own', session: null, step: 0 };
    const steps = stepsFor(data, t);
    const [live, notices, nav, position, body, pager, status, report] = [
      ['div', 'kmsat-sr'], ['div', 'kmsat-notices'], ['ol', 'kmsat-steps kmsat-bare'], ['p', 'kmsat-position'],
      ['div', 'kmsat-body'], ['div', 'kmsat-actions kmsat-pager'], ['p', 'kmsat-status'], ['section', 'kmsat-report'],
    ].map(([tag, cls]) => h(tag, { class: cls }));
    live.setAttribute('aria-live', 'polite');
    const timers = {};
    let lastSaid = 0;

    /** Announce politely; emptied first so the same words are read again. */
    function say(text) {
      lastSaid = Date.now();
      live.textContent = '';
      clearTimeout(timers.say);
      timers.say = setTimeout(() => { live.textContent = text; }, 100);
    }

    /** Show or update a notice above the steps; unchanged words are not redrawn (nor read again). */
    function notice(id, text, actions, role, list) {
      const old = notices.querySelector('[data-notice="' + id + '"]');
      const words = text + (list || []).join('\n');
      if (old && old.dataset.words === words) return old;
      const el = h('div', { class: 'kmsat-notice', 'data-notice': id, 'data-words': words, role, tabindex: '-1' }, [
        h('p', { text }),
        list && list.length > 0 && h('ul', null, list.map((line) => h('li', { text: line }))),
        actions && h('div', { class: 'kmsat-actions' }, actions),
      ]);
      if (old) old.replaceWith(el); else notices.append(el);
      return el;
    }
    const clear = (id) => { const old = notices.querySelector('[data-notice="' + id + '"]'); if (old) old.remove(); };

    /** Another tab saved over this slot: the user chooses which answers to keep. */
    const conflict = (text) => notice('conflict', text, [
      button(t('save.useNewer'), () => { clear('conflict'); restore(state.mode); show(state.step, true); }),
      button(t('save.keepMine'), () => { clear('conflict'); persist(true); }),
      K.ui.io.saveButton(ctx),
    ], 'alert');

    function persist(force) {
      const result = slots[state.mode].save(state.session, new Date(), force);
      if (result.ok) {
        state.session = result.session;
        clear('save');
        status.textContent = t('save.savedAt', {
          time: new Date().toLocaleTimeString(data.edition.language, { hour: '2-digit', minute: '2-digit' }) });
        // Never over another announcement, never once per keystroke.
        if (Date.now() - lastSaid > SAY_SAVED_EVERY) say(t('save.saved'));
        return;
      }
      status.textContent = t('save.notSaved');
      if (result.reason === 'conflict') conflict(t('save.conflict'));
      else if (result.reason === 'full' || result.reason === 'failed') {
        notice('save', t(result.reason === 'full' ? 'save.full' : 'save.failed'), [K.ui.io.saveButton(ctx)], 'alert');
      } // 'unavailable' and 'blocked' were said at the start, and stay said.
    }

    /** The print-only report: redrawn a moment after changes, and at once before printing. */
    const drawReport = () => { clearTimeout(timers.report); fill(report, K.ui.report(ctx)); };
    const queueReport = () => { clearTimeout(timers.report); timers.report = setTimeout(drawReport, 300); };

    function refreshNav() {
      steps.forEach((step, i) => {
        const done = Boolean(step.done && step.done(state.session));
        if (done !== step.drawnDone) { // touch the DOM only when it changes: this runs on every keystroke
          step.drawnDone = done;
          fill(step.button, [step.title, done && hidden(' ' + t('nav.complete'))]);
          step.button.classList.toggle('kmsat-done', done);
        }
        if (i === state.step) step.button.setAttribute('aria-current', 'step');
        else step.button.removeAttribute('aria-current');
      });
    }

    /** Every change: plan brought up to date, saved, and what shows it refreshed. */
    function commit(next, criterion) {
      state.session = Object.assign({}, next, { plan: K.plan.syncPlan(data, next, criterion) });
      persist(false);
      refreshNav();
      queueReport();
    }

    /** Draw step `index`; `focus`: true for its heading, or a selector inside it. */
    function show(index, focus) {
      state.step = Math.max(0, Math.min(steps.length - 1, index));
      const step = steps[state.step];
      try { sessionStorage.setItem(prefix + 'step', step.id); } catch (error) { /* a convenience only */ }
      const heading = h('h2', { class: 'kmsat-heading', tabindex: '-1', text: step.title });
      fill(body, [heading, step.render(ctx, step)]);
      position.textContent = t('nav.position', { current: state.step + 1, total: steps.length });
      const [prev, next] = [steps[state.step - 1], steps[state.step + 1]];
      fill(pager, [
        prev && button(t('nav.previousStep', { step: prev.title }), () => show(state.step - 1, true)),
        next && button(t('nav.nextStep', { step: next.title }), () => show(state.step + 1, true), { class: 'kmsat-btn kmsat-btn--primary' }),
      ]);
      refreshNav();
      if (focus) ((typeof focus === 'string' && body.querySelector(focus)) || heading).focus();
    }

    /** Load a slot's saved session (or a new one) and say what needed tidying. */
    function restore(mode) {
      const loaded = slots[mode].load(data, newId(), new Date());
      state.mode = mode;
      state.session = Object.assign({}, loaded.session, { plan: K.plan.syncPlan(data, loaded.session) });
      clear('restore');
      if (loaded.error) {
        notice('restore', t('save.restoreFailed', { reason: loaded.error.message }), [button(t('session.new'), startAgain)], 'alert');
        status.textContent = t('save.notSaved');
      } else if (loaded.report.length) {
        notice('restore', t('save.restoreReport'), null, 'status', loaded.report.map((m) => K.strings.format(data.strings, m)));
      }
      K.ui.example.notice(ctx);
      queueReport();
    }

    /** Put another session on screen (import, example, new) and save it over the slot: the user asked. */
    function replace(session, mode) {
      state.mode = mode;
      state.session = Object.assign({}, session, { plan: K.plan.syncPlan(data, session) });
      ['restore', 'conflict'].forEach(clear);
      persist(true);
      K.ui.example.notice(ctx);
      refreshNav();
      queueReport();
    }

    async function startAgain() {
      if (!(await K.dom.confirm(t('session.newConfirm'), t('confirm.yes'), t('confirm.cancel')))) return;
      replace(K.session.newSession(data, new Date(), newId()), 'own');
      show(0, true);
      say(t('session.started'));
    }

    /** What the steps get: the data, the words, the session, and ways to change and move. */
    const ctx = {
      data, t, say, notice, clear, replace, restore, startAgain, steps,
      get session() { return state.session; },
      get mode() { return state.mode; },
      change: (fn, criterion) => commit(fn(state.session), criterion),
      /** Set field `name` of `session[section][id]` (answers, checklist), whole from `blank`. */
      set: (section, id, blank, name, value, criterion) => commit(Object.assign({}, state.session, {
        [section]: Object.assign({}, state.session[section],
          { [id]: Object.assign({}, blank, K.model.own(state.session[section], id), { [name]: value }) }),
      }), criterion),
      go: (id, focus) => show(steps.findIndex((s) => s.id === id), focus || true),
    };

    steps.forEach((step, i) => { step.button = button(step.title, () => show(i, true), { class: 'kmsat-btn kmsat-step-link' }); });
    nav.append(...steps.map((step) => h('li', null, step.button)));
    mount.replaceChildren(h('div', { class: 'kmsat-shell' }, [
      notices,
      h('p', { class: 'kmsat-privacy' }, [t('app.privacy'), ' ', K.ui.example.controls(ctx)]),
      h('nav', { 'aria-label': t('nav.label') }, nav),
      position, body, pager, status,
    ]), live, report);
    if (!storage) notice('storage', t('app.storageUnavailable'), [K.ui.io.saveButton(ctx)], 'alert');
    restore('own');
    let remembered = null;
    try { remembered = sessionStorage.getItem(prefix + 'step'); } catch (error) { /* private mode */ }
    show(Math.max(0, steps.findIndex((s) => s.id === remembered)), false);
    drawReport();
    if (storage && location.hash === '#import-incoming') K.ui.io.incoming(ctx, storage, prefix + 'incoming');

    const onStorage = (event) => {
      if (slots[state.mode].changedElsewhere(event)) conflict(t('save.otherTab') + ' ' + t('save.conflict'));
    };
    const print = window.matchMedia('print');
    addEventListener('storage', onStorage);
    addEventListener('beforeprint', drawReport);
    print.addEventListener('change', drawReport);
    mount.classList.add('kmsat-app--on');
    return {
      mount,
      stop() {
        removeEventListener('storage', onStorage);
        removeEventListener('beforeprint', drawReport);
        print.removeEventListener('change', drawReport);
        Object.values(timers).forEach(clearTimeout);
      },
    };
  }

  /** The page's questionnaire data (a data attribute: see kmsat_build/pages.py), or null. */
  function readData() {
    try {
      return JSON.parse(document.getElementById('kmsat-data').getAttribute('data-kmsat-json'));
    } catch (error) {
      return null;
    }
  }

  /** Start the app if this page has a mount point that has not started yet. */
  function init() {
    const mount = document.getElementById('kmsat-app');
    if (running && running.mount !== mount) { running.stop(); running = null; }
    if (!mount || mount.hasAttribute('data-kmsat-started')) return;
    mount.setAttribute('data-kmsat-started', '');
    const data = readData();
    // Page and script from different versions: say so, and leave the paper form.
    const mismatch = K.contract.checkPageData(data);
    if (mismatch) {
      const notice = h('p', { class: 'kmsat-notice', role: 'alert', text: mismatch.text });
      const paper = document.getElementById('kmsat-paper');
      if (paper) paper.before(h('div', { class: 'kmsat-app' }, notice)); // seen first, above the paper form
      else mount.replaceChildren(notice);
      return;
    }
    let strings = FALLBACK;
    try {
      strings = data.strings || FALLBACK;
      running = start(mount, data);
      const paper = document.getElementById('kmsat-paper');
      if (paper) paper.hidden = true;
    } catch (error) {
      // The paper form stays: the page still works on paper.
      mount.replaceChildren(h('p', { class: 'kmsat-notice', role: 'alert',
        text: K.strings.t(strings, 'app.startFailed', { reason: error.message }) }));
    }
  }

  K.ui.app = { init, newId };
  // document$ for instant navigation, DOMContentLoaded as well: from file:// Material
  // completes document$ without a value. Starting twice is a no-op.
  if (window.document$ && typeof window.document$.subscribe === 'function') window.document$.subscribe(init);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})(self.KMSAT);
