/**
 * kmsat ui: the questionnaire, a component on the assessment page's mount
 * point (#kmsat-app). Reads the page's data, restores the saved session,
 * draws the steps and saves every change at once. The functions below
 * share one `app` record (see `create`); the steps get `ctx` (see `context`).
 */
(function (K) {
  'use strict';
  const { h, button, hidden, fill, newId, pageData } = K.dom;
  const SAY_SAVED_EVERY = 10000; // ms of quiet before "Saved" is announced
  const FALLBACK = { 'app.startFailed': 'The questionnaire could not start: {reason}.' };

  /** Details, checklist, one step per element, results, plan, save and share. */
  function stepsFor(data, t) {
    const ui = K.ui;
    return /** @type {any[]} */ ([
      { id: 'details', title: t('steps.details'), render: ui.details, done: (s) => Boolean(s.details.capacity && s.details.organisation) },
      { id: 'checklist', title: t('steps.checklist'), render: ui.checklist, done: (s) => ui.checklist.answered(data, s) === data.checklist.length },
    ]).concat(data.elements.map((element, i) => ({
      id: element.id, element, number: i + 1, title: t('steps.element', { number: i + 1, title: element.title }),
      render: ui.criteria, done: (s) => ui.criteria.answered(element, s) === element.criteria.length,
    })), [
      { id: 'results', title: t('steps.results'), render: ui.results },
      { id: 'plan', title: t('steps.plan'), render: ui.plan },
      { id: 'share', title: t('steps.share'), render: ui.io.render },
    ]);
  }

  /**
   * Shown inside another page (clickjacking: a page of the same site could
   * frame this one and steer clicks): answers are then never replaced.
   */
  function framed() {
    try { return window.top !== window.self; } catch (error) { return true; }
  }

  /** Everything one running questionnaire holds. */
  function create(data) {
    const t = (key, params) => K.strings.t(data.strings, key, params);
    const storage = K.storage.available();
    const prefix = 'kmsat:' + data.edition.id + ':';
    return {
      data, t, prefix, storage, shell: K.ui.shell(), steps: stepsFor(data, t), timers: {}, reportFailed: false,
      ctx: /** @type {ReturnType<typeof context> | null} */ (null), // made by start, from the app
      modeSlot: h('span'), framed: framed(),
      slots: { own: K.saving.slot(storage, prefix + 'session'), example: K.saving.slot(storage, prefix + 'example') },
      state: { mode: 'own', session: null, step: 0 },
    };
  }

  /** Another tab saved over this slot: the user chooses which answers to keep. */
  function conflict(app, text) {
    const { t, shell } = app;
    shell.notice('conflict', text, [
      button(t('save.useNewer'), () => { shell.clear('conflict'); restore(app, app.state.mode); show(app, app.state.step, true); }),
      button(t('save.keepMine'), () => { shell.clear('conflict'); persist(app, true); }),
      K.ui.io.saveButton(app.ctx),
    ], 'alert');
  }

  /** Save the session (core/saving.js: not over another tab's copy unless `force`) and say how it went. */
  function persist(app, force) {
    const { t, shell, state, data } = app;
    const result = app.slots[state.mode].save(state.session, new Date(), force);
    if (result.ok) {
      state.session = result.session;
      shell.clear('save');
      fill(shell.status, t('save.savedAt', {
        time: new Date().toLocaleTimeString(data.edition.language, { hour: '2-digit', minute: '2-digit' }) }));
      // Never over another announcement, never once per keystroke.
      if (shell.quietFor() > SAY_SAVED_EVERY) shell.say(t('save.saved'));
      return result;
    }
    fill(shell.status, t('save.notSaved'));
    if (result.reason === 'conflict') conflict(app, t('save.conflict'));
    else if (result.reason === 'full' || result.reason === 'failed') {
      shell.notice('save', t(result.reason === 'full' ? 'save.full' : 'save.failed'), [K.ui.io.saveButton(app.ctx)], 'alert');
    } // 'unavailable' and 'blocked' were said at the start, and stay said.
    return result; // present mode shows it over its slides
  }

  /**
   * Bundle `name` loaded (KMSAT.load); when it cannot be, the page says so
   * (app.loadFailed) and the promise rejects with `loadFailed` set.
   * @param {string} name @returns {Promise<void>}
   */
  function need(app, name) {
    return K.load(name).then(() => app.shell.clear('load'), (error) => {
      app.shell.notice('load', app.t('app.loadFailed'), null, 'alert');
      throw Object.assign(error, { loadFailed: true });
    });
  }

  /**
   * The print-only report: redrawn a moment after changes, and at once before
   * printing. Its code comes once there is something to print (ui/report.js).
   */
  function drawReport(app) {
    clearTimeout(app.timers.report);
    if (K.ui.report.ready()) fill(app.shell.report, K.ui.report.render(app.ctx));
    else if (!app.reportFailed && !K.session.isBlank(app.state.session)) {
      // Failed once: said, and tried again only when a print or export button asks (not per keystroke).
      need(app, K.ui.report.BUNDLE).then(() => drawReport(app), () => { app.reportFailed = true; });
    }
  }

  /** Print the group's Board paper (the print and export buttons): its code first, if it has not come yet. */
  async function printReport(app) {
    try { await need(app, K.ui.report.BUNDLE); } catch (error) { return; }
    drawReport(app);
    window.print();
  }
  function queueReport(app) {
    clearTimeout(app.timers.report);
    if (!K.ui.report.ready()) drawReport(app); // its code starts coming now, not a moment later
    else app.timers.report = setTimeout(() => drawReport(app), 300);
  }

  function refreshNav(app) {
    app.steps.forEach((step, i) => {
      const done = Boolean(step.done && step.done(app.state.session));
      if (done !== step.drawnDone) { // touch the DOM only when it changes: this runs on every keystroke
        step.drawnDone = done;
        fill(step.button, [step.title, done && hidden(' ' + app.t('nav.complete'))]);
        step.button.classList.toggle('kmsat-done', done);
      }
      if (i === app.state.step) step.button.setAttribute('aria-current', 'step');
      else step.button.removeAttribute('aria-current');
    });
  }

  /** On a phone the step buttons are one row that scrolls sideways: keep the current one in view. */
  function revealStep(nav, current) {
    if (nav.scrollWidth <= nav.clientWidth) return;
    const item = /** @type {HTMLElement} */ (current.parentElement);
    nav.scrollLeft = item.offsetLeft - (nav.clientWidth - item.offsetWidth) / 2;
  }

  /** Draw step `index`; `focus`: true for its heading, or a selector inside it. */
  function show(app, index, focus) {
    const { steps, state, shell, t } = app;
    state.step = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[state.step];
    K.storage.remember(app.prefix + 'step', step.id);
    const heading = h('h2', { class: 'kmsat-heading', tabindex: '-1', text: step.title });
    fill(shell.body, [heading, step.render(app.ctx, step)]);
    fill(shell.position, t('nav.position', { current: state.step + 1, total: steps.length }));
    const [prev, next] = [steps[state.step - 1], steps[state.step + 1]];
    fill(shell.pager, [
      prev && button(t('nav.previousStep', { step: prev.title }), () => show(app, state.step - 1, true)),
      next && button(t('nav.nextStep', { step: next.title }), () => show(app, state.step + 1, true), { class: 'kmsat-btn kmsat-btn--primary' }),
    ]);
    refreshNav(app);
    revealStep(shell.nav, step.button);
    if (focus) ((typeof focus === 'string' && shell.body.querySelector(focus)) || heading).focus();
  }

  /** Every change: plan brought up to date, saved, and what shows it refreshed. */
  function commit(app, next, criterion) {
    app.state.session = Object.assign({}, next, { plan: K.plan.syncPlan(app.data, next, criterion) });
    const saved = persist(app, false);
    refreshNav(app);
    queueReport(app);
    return saved;
  }

  /** Why the saved copy could not be read, in words about this browser (an import's words say "the file"). */
  function restoreReason(app, error) {
    const key = 'save.refused.' + String(error.key || '').replace(/^import\.refused\./, '');
    const text = app.t(key, error.params || {});
    return text === key ? app.t('save.refused.unreadable') : text;
  }

  /** Load a slot's saved session (or a new one) and say what needed tidying. */
  function restore(app, mode) {
    const { data, t, shell, state } = app;
    const loaded = app.slots[mode].load(data, newId(), new Date());
    state.mode = mode;
    state.session = Object.assign({}, loaded.session, { plan: K.plan.syncPlan(data, loaded.session) });
    shell.clear('restore');
    if (loaded.error) {
      shell.notice('restore', t('save.restoreFailed', { reason: restoreReason(app, loaded.error) }),
        [button(t('session.new'), () => startAgain(app))], 'alert');
      fill(shell.status, t('save.notSaved'));
    } else if (loaded.report.length) {
      shell.notice('restore', t('save.restoreReport'), null, 'status', loaded.report.map((m) => K.strings.format(data.strings, m)));
    }
    K.ui.example.notice(app.ctx);
    queueReport(app);
  }

  /** Put another session on screen (import, example, new) and save it over the slot: the user asked. */
  function replace(app, session, mode) {
    app.state.mode = mode;
    app.state.session = Object.assign({}, session, { plan: K.plan.syncPlan(app.data, session) });
    ['restore', 'conflict'].forEach(app.shell.clear);
    persist(app, true);
    K.ui.example.notice(app.ctx);
    refreshNav(app);
    queueReport(app);
  }

  async function startAgain(app) {
    const { t } = app;
    if (app.framed) return K.ui.io.refuseFramed(app.ctx);
    if (!(await K.dom.confirm(t('session.newConfirm'), t('confirm.yes'), t('confirm.cancel')))) return;
    replace(app, K.session.newSession(app.data, new Date(), newId()), 'own');
    show(app, 0, true);
    app.shell.say(t('session.started'));
  }

  /** What the steps get: the data, the words, the session, and ways to change and move. */
  function context(app) {
    const { data, t, shell, state, steps } = app;
    return {
      data, t, steps, say: shell.say, notice: shell.notice, clear: shell.clear, framed: app.framed, modeSlot: app.modeSlot,
      replace: (session, mode) => replace(app, session, mode),
      restore: (mode) => restore(app, mode),
      startAgain: () => startAgain(app),
      get session() { return state.session; },
      get mode() { return state.mode; },
      /** The id of the step on screen. */
      get step() { return steps[state.step].id; },
      change: (fn, criterion) => commit(app, fn(state.session), criterion),
      /** Set field `name` of `session[section][id]` (answers, checklist), whole from `blank`. */
      set: (section, id, blank, name, value, criterion) => commit(app, Object.assign({}, state.session, {
        [section]: Object.assign({}, state.session[section],
          { [id]: Object.assign({}, blank, K.model.own(state.session[section], id), { [name]: value }) }),
      }), criterion),
      go: (id, focus) => show(app, steps.findIndex((s) => s.id === id), focus || true),
      need: (name) => need(app, name),
      print: () => printReport(app),
    };
  }

  /** The frame in the mount point: notices, privacy line, step buttons, the step, pager, status. */
  function layout(app, mount) {
    const { shell, steps, t } = app;
    steps.forEach((step, i) => {
      step.button = button(step.title, () => show(app, i, true), { class: 'kmsat-btn kmsat-step-link' });
    });
    shell.nav.append(...steps.map((step) => h('li', null, step.button)));
    app.present = K.ui.presentButton(app.ctx, shell.body);
    mount.replaceChildren(h('div', { class: 'kmsat-shell' }, [
      shell.notices,
      h('p', { class: 'kmsat-privacy' }, [t('app.privacy'), ' ', app.modeSlot]),
      h('nav', { 'aria-label': t('nav.label') }, shell.nav),
      app.present.node, shell.position, shell.body, shell.pager, shell.status,
    ]), shell.live, shell.report);
  }

  /** Start on `mount`; returns how to stop (its window listeners and timers) and the import entry. */
  function start(mount, data) {
    const app = create(data);
    app.ctx = context(app);
    layout(app, mount);
    if (!app.storage) app.shell.notice('storage', app.t('app.storageUnavailable'), [K.ui.io.saveButton(app.ctx)], 'alert');
    if (app.framed) K.ui.io.refuseFramed(app.ctx, false);
    // From disk, other local pages opened in this browser share this page's storage.
    if (location.protocol === 'file:') app.shell.notice('file', app.t('app.fileNotice'), [K.ui.io.saveButton(app.ctx)]);
    restore(app, 'own');
    const remembered = K.storage.recall(app.prefix + 'step');
    show(app, Math.max(0, app.steps.findIndex((s) => s.id === remembered)), false);
    drawReport(app);
    if (app.storage && location.hash === '#import-incoming') K.ui.io.incoming(app.ctx, app.prefix + 'incoming');

    const onStorage = (event) => {
      if (app.slots[app.state.mode].changedElsewhere(event)) conflict(app, K.strings.join(app.t('save.otherTab'), ' ', app.t('save.conflict')));
    };
    const onPrint = () => drawReport(app);
    const print = window.matchMedia('print');
    addEventListener('storage', onStorage);
    addEventListener('beforeprint', onPrint);
    print.addEventListener('change', onPrint);
    mount.classList.add('kmsat-app--on');
    return {
      stop() {
        app.present.stop();
        removeEventListener('storage', onStorage);
        removeEventListener('beforeprint', onPrint);
        print.removeEventListener('change', onPrint);
        Object.values(app.timers).forEach(clearTimeout);
        app.shell.stop();
      },
      /** A session handed over on this page (the share-link banner): asked about, then opened. */
      api: { receive: (session, report, label) => K.ui.io.receive(app.ctx, session, report, label) },
    };
  }

  K.components.define({
    name: 'assessment',
    selector: '#kmsat-app',
    mount(el) {
      const data = pageData();
      // Page and script from different versions: say so, and leave the paper form.
      const mismatch = K.contract.checkPageData(data);
      if (mismatch) {
        const notice = h('p', { class: 'kmsat-notice', role: 'alert', text: mismatch.text });
        const paper = document.getElementById('kmsat-paper');
        if (paper) paper.before(h('div', { class: 'kmsat-app' }, notice)); // seen first, above the paper form
        else el.replaceChildren(notice);
        return () => undefined;
      }
      let strings = FALLBACK;
      try {
        strings = data.strings || FALLBACK;
        const running = start(el, data);
        const paper = document.getElementById('kmsat-paper');
        if (paper) paper.hidden = true;
        return running;
      } catch (error) {
        // The paper form stays: the page still works on paper.
        el.replaceChildren(h('p', { class: 'kmsat-notice', role: 'alert',
          text: K.strings.t(strings, 'app.startFailed', { reason: error instanceof Error ? error.message : String(error) }) }));
        return () => undefined;
      }
    },
  });
})(self.KMSAT);
