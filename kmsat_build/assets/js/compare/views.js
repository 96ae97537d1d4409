/**
 * kmsat compare page: the chosen view (side by side, consensus, over time)
 * with its warnings and its CSV. `page` is the record app.js makes; the
 * figures come from core/compare.js, state changes from core/compare-state.js.
 */
(function (K) {
  'use strict';
  const { h, newId, download } = K.dom;
  const S = K.compareState;
  const FILE_MODES = { side: 'side-by-side', consensus: 'consensus', time: 'over-time' };

  /** The team select for consensus and over time, showing the team the state picks. */
  function teamChoice(page, teams) {
    const { t, data, state, parts } = page;
    const labels = K.compare.teamLabels(data, teams);
    parts.teamSelect.replaceChildren(...teams.map((team, i) => h('option', { value: team.key,
      text: t('compare.team.option', { team: labels[i], count: team.entries.length }) })));
    const team = S.pickTeam(state, teams);
    parts.teamSelect.value = team.key;
    page.ctx.team = labels[teams.indexOf(team)];
    return team;
  }

  function sideBySide(page, entries) {
    const C = K.compare;
    page.current = { mode: 'side', entries, view: C.sideBySide(page.data, entries, C.sharedCriteria(page.data, entries)) };
    return K.compareSide.render(Object.assign({ expanded: page.state.expanded, onExpand: (on) => {
      page.state.expanded = on;
      page.persist();
      renderView(page);
      document.getElementById('kmsat-cmp-expand').focus();
    } }, page.ctx), page.current.view);
  }

  /** Draw the chosen view of the files (or nothing when there are none). */
  function renderView(page) {
    const { data, t, state, parts } = page;
    const C = K.compare;
    const all = state.files.map((f) => f.entry);
    page.current = null;
    parts.teamField.hidden = !state.files.length || state.mode === 'side';
    parts.actions.hidden = !state.files.length;
    parts.modeRadios.forEach((radio) => { radio.checked = radio.value === state.mode; });
    if (!state.files.length) {
      parts.view.replaceChildren(); parts.warnings.replaceChildren(); K.comparePrint.draw(page);
      return;
    }
    let entries = all, node;
    if (state.mode === 'side') node = sideBySide(page, entries);
    else {
      const team = teamChoice(page, C.groupTeams(all));
      const teamFiles = state.files.filter((f) => C.teamKey(f.entry.session) === team.key);
      entries = state.mode === 'consensus' ? teamFiles.filter((f) => !f.off).map((f) => f.entry) : team.entries;
      const shared = C.sharedCriteria(data, entries);
      if (state.mode === 'time') {
        page.current = { mode: 'time', entries, view: C.overTime(data, entries, shared) };
        node = K.compareTime.render(page.ctx, page.current.view);
      } else node = consensus(page, team, teamFiles, entries, shared);
    }
    const lines = C.editionWarnings(data, entries, C.sharedCriteria(data, entries));
    parts.warnings.replaceChildren(lines.length ? h('div', { class: 'admonition warning kmsat-cmp-warnings', role: 'note' }, [
      h('p', { class: 'admonition-title', text: t('compare.warnings.heading') }),
      h('ul', {}, lines.map((m) => h('li', { text: K.strings.format(data.strings, m) })))]) : '');
    parts.view.replaceChildren(node);
    parts.csvButton.hidden = !page.current;
    K.comparePrint.draw(page);
  }

  /** Hand the agreed session to the assessment page (it asks before replacing anything there). */
  function saveConsensus(page, team, session, rows, agreed, count) {
    const { t, data, state } = page;
    const details = session.details;
    const label = t('compare.consensus.label', { team: details.team || t('compare.unnamedTeam'), date: details.date, count });
    const record = K.compareView.handOver(data, session, 'consensus', label);
    const ok = K.storage.write(K.compareView.incomingKey(data), record) === 'ok';
    state.saved = { team: team.key, ok, session, missing: rows.filter((row) => !agreed[row.id].level).length };
    renderView(page);
    document.getElementById('kmsat-cmp-saved').focus();
    page.announce(t(ok ? 'compare.consensus.savedAnnounce' : 'compare.consensus.saveFailed'));
  }

  function consensus(page, team, teamFiles, entries, shared) {
    const { data, t, state } = page;
    const rows = entries.length >= 2 ? K.compare.spread(data, entries, shared) : null;
    const agreed = rows ? S.agreedFor(state, team.key, rows) : {};
    if (rows) page.current = { mode: 'consensus', entries, rows, agreed };
    const build = () => K.compare.consensusSession(data, entries, agreed, { newId: newId(), now: new Date() });
    const saved = () => (state.saved && state.saved.team === team.key ? state.saved : null);
    return K.compareConsensus.render(Object.assign({}, page.ctx, { teamFiles, rows, agreed, saved: saved(),
      onRater: (id, on) => {
        S.setRater(state, id, on);
        page.persist();
        renderView(page);
        document.getElementById('kmsat-rater-' + id).focus();
      },
      onAgree: (id, patch, keep) => {
        Object.assign(agreed[id], patch);
        if (state.saved) { // what was saved no longer matches the screen
          const status = document.getElementById('kmsat-cmp-saved');
          status.replaceChildren();
          status.className = '';
        }
        S.agree(state, team.key, id, agreed[id]);
        if (keep) page.persist();
      },
      onSave: () => saveConsensus(page, team, build(), rows, agreed, entries.length),
      onDownload: () => {
        const session = saved() ? state.saved.session : build();
        const name = K.exporters.fileName(session, 'json');
        download(name, K.exporters.toJSON(session, data), 'application/json');
        page.announce(t('compare.actions.downloaded', { file: name }));
      },
    }));
  }

  /** The view on screen as CSV. */
  function exportCSV(page) {
    const { current, data } = page;
    if (!current) return;
    const C = K.compare;
    const text = current.mode === 'side' ? C.sideBySideCSV(data, current.view)
      : current.mode === 'time' ? C.overTimeCSV(data, current.view) : C.consensusCSV(data, current.rows, current.agreed);
    const today = K.session.newSession(data, new Date(), '').details.date;
    const name = 'kmsat-compare-' + FILE_MODES[current.mode] + '-' + today + '.csv';
    download(name, text, 'text/csv;charset=utf-8');
    page.announce(page.t('compare.actions.downloaded', { file: name }));
  }

  K.compareViews = { renderView, exportCSV };
})(self.KMSAT);
