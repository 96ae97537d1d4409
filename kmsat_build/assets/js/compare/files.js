/**
 * kmsat compare page: the loaded files. Reading them (FileReader: nothing
 * is uploaded; checked like an import by compare.readExport), the list with
 * its share, move and remove buttons, and the share or move panel of one file. State
 * changes go through core/compare-state.js; `page` is the record app.js
 * makes (its parts, state and render/persist/announce).
 */
(function (K) {
  'use strict';
  const { h, newId } = K.dom;
  const S = K.compareState;

  /** One file's text, or why it was not read. */
  function readText(page, file) {
    return new Promise((resolve) => {
      if (file.size > K.session.MAX_BYTES) {
        resolve({ name: file.name, reason: new K.session.ImportError('import.refused.tooLarge',
          { max: Math.round((K.session.MAX_BYTES / 1048576) * 10) / 10 }, page.data.strings).message });
        return;
      }
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, text: String(reader.result) });
      reader.onerror = () => resolve({ name: file.name, reason: page.t('import.readFailed') });
      reader.readAsText(file);
    });
  }

  /** One file's text checked like an import: {name, entry}, or {name, reason}. */
  function check(page, r) {
    if (r.reason) return r;
    try {
      return { name: r.name, entry: K.compare.readExport(r.text, page.data, { newId: newId() }) };
    } catch (error) {
      if (!(error instanceof K.session.ImportError)) throw error;
      return { name: r.name, reason: error.message };
    }
  }

  const CHUNK_MS = 40; // checking a thousand files is split into tasks this long, so the page stays responsive

  /** Check every text, a slice at a time. */
  function checkAll(page, texts) {
    return new Promise((resolve) => {
      const out = [];
      const step = () => {
        const until = performance.now() + CHUNK_MS;
        while (out.length < texts.length && performance.now() < until) {
          out.push(check(page, texts[out.length]));
        }
        if (out.length < texts.length) setTimeout(step); else resolve(out);
      };
      step();
    });
  }

  /** Read and add files the user chose or dropped. */
  function addFiles(page, list) {
    return Promise.all(Array.from(list).map((file) => readText(page, file)))
      .then((texts) => checkAll(page, texts)).then((results) => addResults(page, results));
  }

  /** Add what was read; refused files change nothing. One render, one save, one announcement. */
  function addResults(page, results) {
    const { t, data, parts } = page;
    const { added, refused, changed } = S.addFiles(page.state, results, t('compare.refused.duplicate'));
    const refusedLines = refused.map((r) => t('compare.files.refused', { file: r.name, reason: r.reason }));
    const changedLines = changed.map((c) => K.strings.join(c.name, ': ',
      K.strings.joinList(c.report.map((m) => K.strings.format(data.strings, m)), ' ')));
    const list = (heading, items, cls) => (items.length ? h('div', { class: cls }, [h('p', { class: 'kmsat-cmp-strong',
      text: heading }), h('ul', {}, items.map((text) => h('li', { text })))]) : null);
    parts.messages.replaceChildren(...[list(t('compare.files.refusedHeading'), refusedLines, 'kmsat-cmp-refused'),
      list(t('compare.files.changedHeading'), changedLines, 'kmsat-cmp-changed')].filter(Boolean));
    if (added) {
      page.render();
      page.saveSoon(); // once the figures are on screen (many files take a while); at once if the page goes
    }
    page.announce(K.strings.joinList([added ? t('compare.files.added', { count: added, total: page.state.files.length }) : '',
      refused.length ? K.strings.joinList([t('compare.files.refusedCount', { count: refused.length })].concat(refusedLines), ' ') : '']
      .filter(Boolean), ' '));
  }

  function remove(page, file) {
    const at = S.removeFile(page.state, file.id);
    page.persist();
    page.render();
    const next = page.parts.fileList.querySelectorAll('.kmsat-cmp-remove')[Math.min(at, page.state.files.length - 1)];
    (next || page.parts.drop.querySelector('button')).focus();
    page.announce(page.t('compare.files.removed', { file: file.name }));
  }

  function removeAll(page) {
    if (!confirm(page.t('compare.files.removeAllConfirm'))) return;
    S.clearAll(page.state);
    page.parts.messages.replaceChildren();
    page.persist();
    page.render();
    page.parts.drop.querySelector('button').focus();
    page.announce(page.t('compare.files.removedAll'));
  }

  /** Whose answers a file holds, in words: agreed, a person's own (named), or nothing said. */
  function whose(page, entry) {
    const { t } = page;
    const role = K.compare.roleOf(entry), name = K.compare.raterName(entry);
    if (role === 'agreed') return t('compare.files.agreed');
    if (role === 'individual') return name ? t('compare.files.ownOf', { name }) : t('compare.files.own');
    return name;
  }

  /** Open or close one of a row's panels (share, move), then put focus in it. */
  async function togglePanel(page, toggle, id) {
    toggle(page.state, id);
    // A panel's code comes the first time one is opened; when it cannot come, the panel stays shut.
    const part = page.state.sharing ? 'share' : page.state.moving ? 'compare-move' : '';
    if (part) {
      try {
        await page.load(part);
      } catch (error) { // the page has said it could not load
        closePanel(page, id, part === 'share' ? 'data-share' : 'data-move');
        return;
      }
    }
    renderPanels(page);
    renderFiles(page);
    const heading = page.parts.sharePanel.querySelector('h3');
    if (heading) heading.focus();
  }

  /** One row of the file table: who, when, whose answers, which edition, and its buttons. */
  function fileRow(page, file, labels) {
    const { t, state } = page;
    const d = file.entry.session.details, e = file.entry.edition;
    const small = 'kmsat-btn kmsat-btn--small';
    const moved = file.entry.group ? labels.get(file.entry.group) : '';
    return h('tr', {}, [h('td', { text: d.organisation }),
      h('th', { scope: 'row' }, [d.team || t('compare.unnamedTeam'),
        moved ? h('span', { class: 'kmsat-cmp-date', text: t('compare.files.movedTo', { team: moved }) }) : null]),
      h('td', { class: 'kmsat-cmp-nowrap', text: d.date || t('compare.files.noDate') }),
      h('td', { text: whose(page, file.entry) }),
      h('td', { text: t('compare.files.edition', { edition: e.id, version: e.contentVersion }) }),
      h('td', { class: 'kmsat-cmp-filename', text: file.name }),
      h('td', { class: 'kmsat-cmp-noprint' }, [h('div', { class: 'kmsat-cmp-rowbuttons' }, [
        h('button', { type: 'button', class: small, 'data-share': file.id,
          'aria-label': t('share.createLabel', { file: file.name }),
          'aria-expanded': String(state.sharing === file.id), text: t('share.create'),
          on: { click: () => { state.moving = null; togglePanel(page, S.toggleSharing, file.id); } } }),
        h('button', { type: 'button', class: small, 'data-move': file.id,
          'aria-label': t('compare.move.label', { file: file.name }),
          'aria-expanded': String(state.moving === file.id), text: t('compare.move.button'),
          on: { click: () => { state.sharing = null; togglePanel(page, S.toggleMoving, file.id); } } }),
        h('button', { type: 'button', class: small + ' kmsat-cmp-remove',
          'aria-label': t('compare.files.removeLabel', { file: file.name }), text: t('compare.files.remove'),
          on: { click: () => remove(page, file) } })])]),
    ]);
  }

  /** Each team group's label by key (what a moved file's row names). */
  function groupLabels(page) {
    const teams = K.compare.groupTeams(page.state.files.map((f) => f.entry));
    const labels = K.compare.teamLabels(page.data, teams);
    return new Map(teams.map((team, i) => [team.key, labels[i]]));
  }

  function fileTable(page) {
    const col = (k) => page.t('compare.files.column.' + k);
    const labels = groupLabels(page);
    return h('table', { class: 'kmsat-cmp-filetable' }, [
      h('caption', { text: page.t('compare.files.caption') }),
      h('thead', {}, [h('tr', {}, ['organisation', 'team', 'date', 'whose', 'edition', 'file', 'actions'].map((k) =>
        h('th', { scope: 'col', class: k === 'actions' ? 'kmsat-cmp-noprint' : null, text: col(k) })))]),
      h('tbody', {}, page.state.files.map((file) => fileRow(page, file, labels)))]);
  }

  /** The list of files, folded away when long (built only when opened: 200 rows of buttons are slow). */
  function renderFiles(page) {
    const { t, state, parts } = page;
    if (!state.files.length) { parts.fileList.replaceChildren(h('p', { text: t('compare.files.none') })); return; }
    const open = state.filesOpen === undefined ? state.files.length <= 12 : state.filesOpen;
    const details = h('details', { open: open || null, on: { toggle: () => {
      state.filesOpen = details.open;
      if (details.open && !details.querySelector('table')) { renderFiles(page); parts.fileList.querySelector('summary').focus(); }
    } } }, [
      h('summary', { text: t('compare.files.summary', { count: state.files.length }) }),
      open ? h('div', { class: 'kmsat-cmp-scroll', role: 'region', tabindex: '0',
        'aria-label': t('compare.files.caption') }, [fileTable(page)]) : null,
      h('button', { type: 'button', class: 'kmsat-btn kmsat-cmp-noprint', on: { click: () => removeAll(page) },
        text: t('compare.files.removeAll') }),
    ]);
    parts.fileList.replaceChildren(details);
  }

  /** Close a row's panel and give focus back to the button that opened it. */
  function closePanel(page, id, attribute) {
    page.state.sharing = null;
    page.state.moving = null;
    renderPanels(page);
    renderFiles(page);
    const button = page.parts.fileList.querySelector('[' + attribute + '="' + id + '"]');
    if (button) button.focus();
  }

  /** Move a file into another team's group (or back to its own), then say where it went. */
  function move(page, file, key, label) {
    S.moveFile(page.state, file.id, key);
    page.persist();
    page.render();
    const button = page.parts.fileList.querySelector('[data-move="' + file.id + '"]');
    if (button) button.focus();
    page.announce(page.t('compare.move.done', { file: file.name, team: label }));
  }

  /** The share or move panel of the file it is open for (if any). */
  function renderPanels(page) {
    const { state, parts } = page;
    const file = state.files.find((f) => f.id === (state.sharing || state.moving));
    if (!file) { parts.sharePanel.replaceChildren(); return; }
    if (state.sharing) {
      parts.sharePanel.replaceChildren(K.sharePanel.panel(Object.assign({}, page.ctx, {
        heading: page.t('share.heading', { file: file.name }),
        onClose: () => closePanel(page, file.id, 'data-share') }), file.entry.session));
      return;
    }
    const teams = K.compare.groupTeams(state.files.map((f) => f.entry));
    const labels = K.compare.teamLabels(page.data, teams);
    parts.sharePanel.replaceChildren(K.compareMove.panel(page.ctx, file, teams.map((team, i) => ({
      key: team.key, label: labels[i] })), {
      onMove: (key, label) => move(page, file, key, label),
      onClose: () => closePanel(page, file.id, 'data-move') }));
  }

  K.compareFiles = { addFiles, addResults, renderFiles, renderPanels };
})(self.KMSAT);
