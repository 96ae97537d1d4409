/**
 * kmsat compare page: the component on its mount point (#kmsat-compare).
 * Makes the page record the other compare files share (`page`: data,
 * words, state from core/compare-state.js, the parts on screen, and
 * render/persist/announce), lays the page out and restores the files kept
 * in storage under `kmsat:<edition>:compare`. When storage is blocked or
 * full the page says so and keeps working in memory. Saving follows the
 * assessment page's two-tab rule (core/saving.js `guard`): never over what
 * another tab saved since, and never over kept files it could not read,
 * until the user chooses.
 */
(function (K) {
  'use strict';
  const { h, fill, pageData } = K.dom;
  const MODES = ['side', 'consensus', 'time'];
  const TYPING_PAUSE = 400; // ms: a note typed is saved this long after the last key

  /** Say why the page will not save (compare/guard.js): its code comes the first time it is needed. */
  function guard(page, which) {
    page.load('compare-guard').then(() => K.compareGuard[which](page), () => undefined);
  }

  /**
   * Load one of the page's on-demand parts (KMSAT.load). When it cannot load (offline, a
   * folder copied in part), the page says so in its words (the browser logs which file) and
   * the promise rejects, so what asked for it stops there; nothing the user has is touched.
   * A later load that works clears the message.
   */
  function loadPart(page, name) {
    const note = page.parts.loadNote;
    return K.load(name).then(() => { note.replaceChildren(); }, (error) => {
      if (!note.firstChild) { // said once, not again on every redraw
        note.replaceChildren(h('p', { class: 'kmsat-cmp-warning', role: 'alert', text: page.t('app.loadFailed') }));
      }
      note.scrollIntoView({ block: 'nearest' });
      throw error;
    });
  }

  /** The page's parts: the file chooser, messages, the view, its controls. */
  function parts(page) {
    const { t, state } = page;
    const teamSelect = h('select', { id: 'kmsat-cmp-team', on: { change: (e) => { state.team = e.target.value; page.changed(); } } });
    const modeRadios = MODES.map((mode) => h('input', { type: 'radio', name: 'kmsat-cmp-mode', id: 'kmsat-cmp-mode-' + mode,
      value: mode, on: { change: () => { K.compareState.chooseMode(state, mode); page.changed(); } } }));
    const csvButton = h('button', { type: 'button', class: 'kmsat-btn', on: { click: () => K.compareViews.exportCSV(page) },
      text: t('compare.actions.csv') });
    const input = h('input', { type: 'file', multiple: true, accept: '.json,application/json', hidden: true,
      id: 'kmsat-cmp-input', tabindex: '-1', on: { change: () => {
        K.compareFiles.addFiles(page, input.files).then(() => { input.value = ''; });
      } } });
    return {
      live: h('div', { class: 'kmsat-sr', 'aria-live': 'polite' }),
      storageNote: h('div', { class: 'kmsat-cmp-storage' }),
      guardNote: h('div', { class: 'kmsat-cmp-storage' }),
      loadNote: h('div', { class: 'kmsat-cmp-storage' }),
      messages: h('div', { class: 'kmsat-cmp-messages' }),
      fileList: h('div', { class: 'kmsat-cmp-files' }),
      sharePanel: h('div'), warnings: h('div'), view: h('div', { class: 'kmsat-cmp-body' }),
      paper: h('section', { class: 'kmsat-cmp-paper' }), // only print shows it (compare.css)
      teamSelect, modeRadios, csvButton, input,
      teamField: h('div', { class: 'kmsat-cmp-field kmsat-cmp-noprint' }, [
        h('label', { for: 'kmsat-cmp-team', class: 'kmsat-cmp-label', text: t('compare.team.label') }), teamSelect]),
      actions: h('div', { class: 'kmsat-cmp-buttons kmsat-cmp-noprint' }, [csvButton,
        h('button', { type: 'button', class: 'kmsat-btn', on: { click: () => print() }, text: t('compare.actions.print') })]),
      drop: h('div', { class: 'kmsat-cmp-drop kmsat-cmp-noprint' }, [
        h('button', { type: 'button', class: 'kmsat-btn kmsat-btn--primary', on: { click: () => input.click() },
          text: t('compare.files.choose') }), ' ', h('span', { text: t('compare.files.drop') }), input]),
    };
  }

  /** Put the parts in the mount point; the whole area takes dropped files (a near miss must not open one). */
  function layout(page, mount) {
    const { t, parts: p } = page;
    mount.addEventListener('dragover', (e) => { e.preventDefault(); p.drop.classList.add('kmsat-cmp-dragging'); });
    mount.addEventListener('dragleave', (e) => {
      if (!mount.contains(/** @type {Node} */ (e.relatedTarget))) p.drop.classList.remove('kmsat-cmp-dragging');
    });
    mount.addEventListener('drop', (e) => {
      e.preventDefault();
      p.drop.classList.remove('kmsat-cmp-dragging');
      if (e.dataTransfer && e.dataTransfer.files.length) K.compareFiles.addFiles(page, e.dataTransfer.files);
    });
    mount.replaceChildren(
      h('section', { class: 'kmsat-cmp-input', 'aria-labelledby': 'kmsat-cmp-files-heading' }, [
        h('h2', { id: 'kmsat-cmp-files-heading', text: t('compare.files.heading') }),
        h('p', { class: 'kmsat-cmp-noprint', text: t('compare.files.intro') }),
        p.drop, K.compareShare.pasteForm(page.ctx, (result) => K.compareFiles.addResults(page, [result])),
        p.guardNote, p.loadNote, p.storageNote, p.messages, p.fileList, p.sharePanel]),
      p.warnings,
      h('fieldset', { class: 'kmsat-cmp-modes kmsat-cmp-noprint' }, [h('legend', { text: t('compare.mode.legend') })]
        .concat(p.modeRadios.map((radio) => h('div', { class: 'kmsat-cmp-radio' }, [radio,
          h('label', { for: radio.id, text: t('compare.mode.' + radio.value) })])))),
      p.teamField, p.view, p.actions, p.live, p.paper);
  }

  /** The page record: everything the compare files share. */
  function create(mount, data) {
    const t = (key, params) => K.strings.t(data.strings, key, params);
    const key = 'kmsat:' + data.edition.id + ':compare';
    const url = K.compareView.assessmentUrl(mount, data);
    const slot = K.saving.guard(K.storage.available(), key);
    let kept = null;
    try { kept = slot.read(); } catch (error) { /* blocked storage: said when saving */ }
    const page = {
      data, t, slot, kept, state: K.compareState.restore(kept, data), current: null, saving: 0,
      parts: /** @type {ReturnType<typeof parts> | null} */ (null), // made just below: they need the page
      ctx: { data, t, assessmentUrl: url, shareBase: new URL(url, location.href).href, load: (name) => loadPart(page, name) },
      load: (name) => loadPart(page, name),
      announce(text) { const live = page.parts?.live; if (live) { fill(live, ''); setTimeout(() => { fill(live, text); }, 50); } },
      /** Keep the state now; `force` after the user chose to replace another tab's files. */
      persist(force) {
        clearTimeout(page.saving);
        page.saving = 0;
        if (page.state.problem) return; // what storage holds stays until the user chooses
        const text = page.state.files.length ? JSON.stringify(K.compare.storeState(page.state)) : null;
        const result = slot.write(() => text, force === true);
        if (result === 'conflict') { guard(page, 'conflict'); return; }
        page.parts?.storageNote.replaceChildren(result === 'ok' ? '' : h('p', { class: 'kmsat-cmp-warning', role: 'alert',
          text: t(result === 'full' ? 'compare.storage.full' : 'compare.storage.unavailable') }));
      },
      saveSoon(pause) { clearTimeout(page.saving); page.saving = setTimeout(page.persist, pause || 0); },
      typed() { page.saveSoon(TYPING_PAUSE); },
      /** A choice of view or team: drawn at once, kept just after (a separate task). */
      changed() { K.compareViews.renderView(page); page.saveSoon(100); },
      render() { K.compareFiles.renderFiles(page); K.compareFiles.renderPanels(page); K.compareViews.renderView(page); },
    };
    page.parts = parts(page);
    return page;
  }

  K.components.define({
    name: 'compare',
    selector: '#kmsat-compare',
    mount(mount) {
      const data = pageData();
      // Page and script from different versions: say so, and leave the no-script note.
      const mismatch = K.contract.checkPageData(data);
      if (mismatch) {
        mount.replaceChildren(h('div', { class: 'kmsat-app' }, h('p', { class: 'kmsat-notice', role: 'alert', text: mismatch.text })));
        return () => undefined;
      }
      const note = document.getElementById('kmsat-compare-nojs');
      if (note) note.hidden = true;
      const page = create(mount, data);
      layout(page, mount);
      if (page.state.files.length) page.announce(page.t('compare.storage.restored', { count: page.state.files.length }));
      if (page.state.problem) guard(page, 'unreadable');
      page.render();
      // Files added and notes typed a moment ago are saved at once if the page goes.
      const onHide = () => { if (page.saving) page.persist(); };
      const onStorage = (event) => { if (page.slot.changedElsewhere(event)) guard(page, 'conflict'); };
      addEventListener('pagehide', onHide);
      addEventListener('storage', onStorage);
      const stopPrint = K.comparePrint.watch(page);
      return () => { removeEventListener('pagehide', onHide); removeEventListener('storage', onStorage); stopPrint(); onHide(); };
    },
  });
})(self.KMSAT);
