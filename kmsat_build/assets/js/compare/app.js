/**
 * kmsat compare page: the files, the choice of view, and keeping them.
 * Starts only where the page has #kmsat-compare (every page loads this
 * script), once per page even under instant navigation.
 *
 * Files are read in the browser (FileReader; nothing is uploaded), checked
 * like an import (compare.readExport), and kept in localStorage under
 * `kmsat:<edition>:compare`. When storage is blocked or full the page says
 * so and keeps working in memory.
 */
(function (root) {
  'use strict';

  const K = root.KMSAT;
  const { h, store, read, pageData, onEveryPage, download, randomId, assessmentUrl, incomingKey, handOver } = K.compareDom;
  const MODES = ['side', 'consensus', 'time'];
  const FILE_MODES = { side: 'side-by-side', consensus: 'consensus', time: 'over-time' };

  function start(mount, data) {
    const t = (key, params) => K.strings.t(data.strings, key, params);
    const C = K.compare;
    const key = 'kmsat:' + data.edition.id + ':compare';
    const app = { files: [], next: 1, mode: '', team: '', expanded: false, agreed: {}, saved: null, sharing: null };
    const ctxBase = { data, t, assessmentUrl: assessmentUrl(mount, data),
      shareBase: new URL(assessmentUrl(mount, data), root.location.href).href };
    let current = null; // what the view shows, for the CSV

    const live = h('div', { class: 'kmsat-cmp-sr', 'aria-live': 'polite' });
    const announce = (text) => { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); };
    const storageNote = h('div', { class: 'kmsat-cmp-storage' });
    const messages = h('div', { class: 'kmsat-cmp-messages' });
    const fileList = h('div', { class: 'kmsat-cmp-files' });
    const sharePanel = h('div');
    const warnings = h('div');
    const view = h('div', { class: 'kmsat-cmp-body' });
    const teamSelect = h('select', { id: 'kmsat-cmp-team', onchange: (e) => { app.team = e.target.value; changed(); } });
    const teamField = h('div', { class: 'kmsat-cmp-field kmsat-cmp-noprint' }, [
      h('label', { for: 'kmsat-cmp-team', class: 'kmsat-cmp-label', text: t('compare.team.label') }), teamSelect]);
    const modeRadios = MODES.map((mode) => h('input', { type: 'radio', name: 'kmsat-cmp-mode', id: 'kmsat-cmp-mode-' + mode,
      value: mode, onchange: () => { app.mode = mode; app.saved = null; changed(); } }));
    const csvButton = h('button', { type: 'button', class: 'md-button', onclick: exportCSV,
      text: t('compare.actions.csv') });
    const actions = h('div', { class: 'kmsat-cmp-buttons kmsat-cmp-noprint' }, [
      csvButton,
      h('button', { type: 'button', class: 'md-button', onclick: () => root.print(), text: t('compare.actions.print') }),
    ]);
    const input = h('input', { type: 'file', multiple: true, accept: '.json,application/json', hidden: true,
      id: 'kmsat-cmp-input', tabindex: '-1', onchange: () => { addFiles(input.files).then(() => { input.value = ''; }); } });
    const drop = h('div', { class: 'kmsat-cmp-drop kmsat-cmp-noprint' }, [
      h('button', { type: 'button', class: 'md-button md-button--primary', onclick: () => input.click(),
        text: t('compare.files.choose') }), ' ', h('span', { text: t('compare.files.drop') }), input]);
    // The whole page area takes dropped files: a near miss must not open the file in the browser instead.
    mount.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('kmsat-cmp-dragging'); });
    mount.addEventListener('dragleave', (e) => {
      if (!mount.contains(e.relatedTarget)) drop.classList.remove('kmsat-cmp-dragging');
    });
    mount.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('kmsat-cmp-dragging');
      if (e.dataTransfer && e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
    });

    mount.replaceChildren(
      h('section', { class: 'kmsat-cmp-input', 'aria-labelledby': 'kmsat-cmp-files-heading' }, [
        h('h2', { id: 'kmsat-cmp-files-heading', text: t('compare.files.heading') }),
        h('p', { class: 'kmsat-cmp-noprint', text: t('compare.files.intro') }),
        drop, K.compareShare.pasteForm(ctxBase, (result) => addResults([result])),
        storageNote, messages, fileList, sharePanel]),
      warnings,
      h('fieldset', { class: 'kmsat-cmp-modes kmsat-cmp-noprint' }, [h('legend', { text: t('compare.mode.legend') })]
        .concat(modeRadios.map((radio) => h('div', { class: 'kmsat-cmp-radio' }, [radio,
          h('label', { for: radio.id, text: t('compare.mode.' + radio.value) })])))),
      teamField, view, actions, live);

    // ---- keeping the files ------------------------------------------------
    function persist() {
      clearTimeout(app.saving);
      app.saving = null;
      const result = app.files.length ? store(key, JSON.stringify(C.storeState(app))) : store(key, null);
      storageNote.replaceChildren(result === 'ok' ? '' : h('p', { class: 'kmsat-cmp-warning', role: 'alert',
        text: t(result === 'full' ? 'compare.storage.full' : 'compare.storage.unavailable') }));
    }
    root.addEventListener('pagehide', () => { if (app.saving && mount.isConnected) persist(); });
    const saved = read(key);
    const restored = saved && C.restoreState(saved, data);
    if (restored) {
      Object.assign(app, { mode: restored.mode, team: restored.team, expanded: restored.expanded, agreed: restored.agreed });
      app.files = restored.files.map((f) => Object.assign({ id: 'f' + app.next++ }, f));
      if (app.files.length) announce(t('compare.storage.restored', { count: app.files.length }));
    }

    // ---- adding and removing files ------------------------------------------
    function readText(file) {
      return new Promise((resolve) => {
        if (file.size > K.session.MAX_BYTES) {
          resolve({ name: file.name, reason: new K.session.ImportError('import.refused.tooLarge',
            { max: Math.round((K.session.MAX_BYTES / 1048576) * 10) / 10 }, data.strings).message });
          return;
        }
        const reader = new FileReader();
        reader.onload = () => resolve({ name: file.name, text: String(reader.result) });
        reader.onerror = () => resolve({ name: file.name, reason: t('import.readFailed') });
        reader.readAsText(file);
      });
    }

    function addFiles(list) {
      return Promise.all(Array.from(list).map(readText)).then((texts) => addResults(texts.map((r) => {
        if (r.reason) return r;
        try {
          return { name: r.name, entry: C.readExport(r.text, data, { newId: randomId() }) };
        } catch (error) {
          if (!(error instanceof K.session.ImportError)) throw error;
          return { name: r.name, reason: error.message };
        }
      })));
    }

    const identity = (s) => (s.id ? [s.id, s.revision, s.savedAt].join('|') : '');

    /** Add what was read; refused files change nothing. One render, one save, one announcement. */
    function addResults(results) {
      const seen = new Set(app.files.map((f) => identity(f.entry.session)).filter(Boolean));
      const refused = [], changes = [];
      let added = 0;
      for (const r of results) {
        const id = r.entry && identity(r.entry.session);
        if (id && seen.has(id)) r.reason = t('compare.refused.duplicate');
        if (r.reason) { refused.push(t('compare.files.refused', { file: r.name, reason: r.reason })); continue; }
        if (id) seen.add(id);
        app.files.push({ id: 'f' + app.next++, name: r.name, entry: r.entry, off: false });
        added += 1;
        if (r.entry.report.length) {
          changes.push(r.name + ': ' + r.entry.report.map((m) => K.strings.format(data.strings, m)).join(' '));
        }
      }
      const list = (heading, items, cls) => (items.length ? h('div', { class: cls }, [h('p', { class: 'kmsat-cmp-strong',
        text: heading }), h('ul', {}, items.map((text) => h('li', { text })))]) : null);
      messages.replaceChildren(...[list(t('compare.files.refusedHeading'), refused, 'kmsat-cmp-refused'),
        list(t('compare.files.changedHeading'), changes, 'kmsat-cmp-changed')].filter(Boolean));
      if (added) {
        if (!app.mode) app.mode = C.suggestMode(app.files.map((f) => f.entry));
        app.saved = null;
        render();
        // Save once the figures are on screen (many files take a while); at once if the page goes.
        clearTimeout(app.saving);
        app.saving = setTimeout(persist);
      }
      announce([added ? t('compare.files.added', { count: added, total: app.files.length }) : '',
        refused.length ? t('compare.files.refusedCount', { count: refused.length }) + ' ' + refused.join(' ') : '']
        .filter(Boolean).join(' '));
    }

    function remove(file) {
      const at = app.files.indexOf(file);
      app.files.splice(at, 1);
      if (app.sharing === file.id) app.sharing = null;
      app.saved = null;
      persist();
      render();
      const next = fileList.querySelectorAll('.kmsat-cmp-remove')[Math.min(at, app.files.length - 1)];
      (next || drop.querySelector('button')).focus();
      announce(t('compare.files.removed', { file: file.name }));
    }

    function removeAll() {
      if (!root.confirm(t('compare.files.removeAllConfirm'))) return;
      Object.assign(app, { files: [], agreed: {}, saved: null, sharing: null, mode: '', team: '' });
      messages.replaceChildren();
      persist();
      render();
      drop.querySelector('button').focus();
      announce(t('compare.files.removedAll'));
    }

    function renderFiles() {
      if (!app.files.length) { fileList.replaceChildren(h('p', { text: t('compare.files.none') })); return; }
      const col = (k) => t('compare.files.column.' + k);
      const rows = () => app.files.map((file) => {
        const d = file.entry.session.details, e = file.entry.edition;
        return h('tr', {}, [h('td', { text: d.organisation }),
          h('th', { scope: 'row', text: d.team || t('compare.unnamedTeam') }),
          h('td', { class: 'kmsat-cmp-nowrap', text: d.date || t('compare.files.noDate') }),
          h('td', { text: t('compare.files.edition', { edition: e.id, version: e.contentVersion }) }),
          h('td', { class: 'kmsat-cmp-filename', text: file.name }),
          h('td', { class: 'kmsat-cmp-noprint' }, [h('div', { class: 'kmsat-cmp-rowbuttons' }, [
            h('button', { type: 'button', class: 'kmsat-cmp-small', 'data-share': file.id,
              'aria-label': t('share.createLabel', { file: file.name }),
              'aria-expanded': String(app.sharing === file.id), text: t('share.create'), onclick: () => {
                app.sharing = app.sharing === file.id ? null : file.id;
                renderShare();
                renderFiles();
                const heading = sharePanel.querySelector('h3');
                if (heading) heading.focus();
              } }),
            h('button', { type: 'button', class: 'kmsat-cmp-small kmsat-cmp-remove',
              'aria-label': t('compare.files.removeLabel', { file: file.name }), text: t('compare.files.remove'),
              onclick: () => remove(file) })])]),
        ]);
      });
      const tableNode = () => h('table', { class: 'kmsat-cmp-filetable' }, [
        h('caption', { text: t('compare.files.caption') }),
        h('thead', {}, [h('tr', {}, ['organisation', 'team', 'date', 'edition', 'file', 'actions'].map((k) =>
          h('th', { scope: 'col', class: k === 'actions' ? 'kmsat-cmp-noprint' : null, text: col(k) })))]),
        h('tbody', {}, rows())]);
      const open = app.filesOpen === undefined ? app.files.length <= 12 : app.filesOpen;
      const details = h('details', { open: open || null, ontoggle: () => {
        app.filesOpen = details.open;
        if (details.open && !details.querySelector('table')) { renderFiles(); fileList.querySelector('summary').focus(); }
      } }, [
        h('summary', { text: t('compare.files.summary', { count: app.files.length }) }),
        // A long list is built only when opened: 200 rows of buttons slow the first figures down.
        open ? h('div', { class: 'kmsat-cmp-scroll', role: 'region', tabindex: '0',
          'aria-label': t('compare.files.caption') }, [tableNode()]) : null,
        h('button', { type: 'button', class: 'md-button kmsat-cmp-noprint', onclick: removeAll,
          text: t('compare.files.removeAll') }),
      ]);
      fileList.replaceChildren(details);
    }

    function renderShare() {
      const file = app.files.find((f) => f.id === app.sharing);
      sharePanel.replaceChildren(file ? K.compareShare.panel(Object.assign({ onClose: () => {
        app.sharing = null;
        renderShare();
        renderFiles();
        const button = fileList.querySelector('[data-share="' + file.id + '"]');
        if (button) button.focus();
      } }, ctxBase), file) : '');
    }

    // ---- the views ----------------------------------------------------------
    /** Team choice for consensus and over time: keep the user's, else the team that suits the view. */
    function pickTeam(teams) {
      const dates = (team) => C.byDate(team.entries);
      const labels = C.teamLabels(data, teams);
      teamSelect.replaceChildren(...teams.map((team, i) => h('option', { value: team.key,
        text: t('compare.team.option', { team: labels[i], count: team.entries.length }) })));
      let team = teams.find((x) => x.key === app.team);
      if (!team) {
        const score = (x) => (app.mode === 'time' ? dates(x).length : Math.max(...dates(x).map((d) => d.entries.length)));
        team = teams.reduce((best, x) => (score(x) > score(best) ? x : best), teams[0]);
        app.team = team.key;
      }
      teamSelect.value = team.key;
      ctxBase.team = labels[teams.indexOf(team)];
      return team;
    }

    function renderView() {
      const all = app.files.map((f) => f.entry);
      current = null;
      teamField.hidden = !app.files.length || app.mode === 'side';
      actions.hidden = !app.files.length;
      modeRadios.forEach((radio) => { radio.checked = radio.value === app.mode; });
      if (!app.files.length) { view.replaceChildren(); warnings.replaceChildren(); return; }
      const teams = C.groupTeams(all);
      let entries = all, node;
      if (app.mode === 'side') {
        const shared = C.sharedCriteria(data, entries);
        current = { mode: 'side', view: C.sideBySide(data, entries, shared) };
        node = K.compareSide.render(Object.assign({ expanded: app.expanded, onExpand: (on) => {
          app.expanded = on; persist(); renderView(); document.getElementById('kmsat-cmp-expand').focus();
        } }, ctxBase), current.view);
      } else {
        const team = pickTeam(teams);
        const teamFiles = app.files.filter((f) => C.teamKey(f.entry.session) === team.key);
        entries = app.mode === 'consensus' ? teamFiles.filter((f) => !f.off).map((f) => f.entry) : team.entries;
        const shared = C.sharedCriteria(data, entries);
        if (app.mode === 'time') {
          current = { mode: 'time', view: C.overTime(data, entries, shared) };
          node = K.compareTime.render(ctxBase, current.view);
        } else {
          node = renderConsensus(team, teamFiles, entries, shared);
        }
      }
      const lines = C.editionWarnings(data, entries, C.sharedCriteria(data, entries));
      warnings.replaceChildren(lines.length ? h('div', { class: 'admonition warning kmsat-cmp-warnings', role: 'note' }, [
        h('p', { class: 'admonition-title', text: t('compare.warnings.heading') }),
        h('ul', {}, lines.map((m) => h('li', { text: K.strings.format(data.strings, m) })))]) : '');
      view.replaceChildren(node);
      csvButton.hidden = !current;
    }

    function agreedFor(team, rows) {
      const own = K.model.own(app.agreed, team.key) || {};
      const result = {};
      for (const row of rows) {
        const choice = K.model.own(own, row.id);
        result[row.id] = choice || { level: row.unanimous, notes: '' };
      }
      return result;
    }

    function renderConsensus(team, teamFiles, entries, shared) {
      const rows = entries.length >= 2 ? C.spread(data, entries, shared) : null;
      const agreed = rows ? agreedFor(team, rows) : {};
      if (rows) current = { mode: 'consensus', rows, agreed };
      const build = () => C.consensusSession(data, entries, agreed, { newId: randomId(), now: new Date() });
      return K.compareConsensus.render(Object.assign({}, ctxBase, { teamFiles, rows, agreed,
        saved: app.saved && app.saved.team === team.key ? app.saved : null,
        onRater: (id, on) => {
          app.files.find((f) => f.id === id).off = !on;
          app.saved = null;
          persist();
          renderView();
          document.getElementById('kmsat-rater-' + id).focus();
        },
        onAgree: (id, patch, keep) => {
          Object.assign(agreed[id], patch);
          if (app.saved) { // what was saved no longer matches the screen
            app.saved = null;
            const status = document.getElementById('kmsat-cmp-saved');
            status.replaceChildren();
            status.className = '';
          }
          if (!K.model.own(app.agreed, team.key)) app.agreed[team.key] = {};
          app.agreed[team.key][id] = Object.assign({}, agreed[id]);
          if (keep) persist();
        },
        onSave: () => {
          const session = build();
          const details = session.details;
          const label = t('compare.consensus.label', { team: details.team || t('compare.unnamedTeam'),
            date: details.date, count: entries.length });
          const ok = store(incomingKey(data), handOver(data, session, 'consensus', label)) === 'ok';
          app.saved = { team: team.key, ok, session, missing: rows.filter((row) => !agreed[row.id].level).length };
          renderView();
          document.getElementById('kmsat-cmp-saved').focus();
          announce(t(ok ? 'compare.consensus.savedAnnounce' : 'compare.consensus.saveFailed'));
        },
        onDownload: () => {
          const session = app.saved && app.saved.team === team.key ? app.saved.session : build();
          const name = K.exporters.fileName(session, 'json');
          download(name, K.exporters.toJSON(session, data), 'application/json');
          announce(t('compare.actions.downloaded', { file: name }));
        },
      }));
    }

    function exportCSV() {
      if (!current) return;
      const text = current.mode === 'side' ? C.sideBySideCSV(data, current.view)
        : current.mode === 'time' ? C.overTimeCSV(data, current.view) : C.consensusCSV(data, current.rows, current.agreed);
      const today = K.session.newSession(data, new Date(), '').details.date;
      const name = 'kmsat-compare-' + FILE_MODES[current.mode] + '-' + today + '.csv';
      download(name, text, 'text/csv;charset=utf-8');
      announce(t('compare.actions.downloaded', { file: name }));
    }

    function changed() { persist(); renderView(); }
    function render() { renderFiles(); renderShare(); renderView(); }
    render();
  }

  function init() {
    const mount = document.getElementById('kmsat-compare');
    if (!mount || mount.dataset.kmsatReady) return;
    const data = pageData();
    if (!K.compare) return;
    mount.dataset.kmsatReady = 'true';
    // Page and script from different versions: say so, and leave the no-script note.
    const mismatch = K.contract.checkPageData(data);
    if (mismatch) {
      mount.replaceChildren(h('div', { class: 'kmsat-app' }, h('p', { class: 'kmsat-notice', role: 'alert', text: mismatch.text })));
      return;
    }
    const note = document.getElementById('kmsat-compare-nojs');
    if (note) note.hidden = true;
    start(mount, data);
  }

  onEveryPage(init);
})(typeof self !== 'undefined' ? self : this);
