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

  /**
   * The team select for consensus (a choice per round of raters) and over time
   * (a choice per team), showing the one the state picks.
   */
  function teamChoice(page, teams) {
    const { t, data, state, parts } = page;
    const labels = new Map(K.compare.teamLabels(data, teams).map((label, i) => [teams[i].key, label]));
    const choices = S.choicesFor(state.mode, teams);
    const label = (c) => (c.several ? t(c.round.from === c.round.to ? 'compare.team.roundOne' : 'compare.team.round',
      { team: labels.get(c.team.key), from: c.round.from, to: c.round.to }) : labels.get(c.team.key));
    parts.teamSelect.replaceChildren(...choices.map((c) => h('option', { value: c.key,
      text: t('compare.team.option', { team: label(c), count: c.round ? c.round.raters.length : c.team.entries.length }) })));
    const choice = S.pickTeam(state, choices);
    parts.teamSelect.value = choice.key;
    page.ctx.team = label(choice);
    return choice;
  }

  function sideBySide(page, entries) {
    const C = K.compare;
    page.current = { mode: 'side', entries, view: C.sideBySide(page.data, entries, C.sharedCriteria(page.data, entries)) };
    return K.compareSide.render(Object.assign({ expanded: page.state.expanded, onExpand: (on) => {
      page.state.expanded = on;
      page.saveSoon(100); // after the table is drawn: keeping 200 files' text takes a moment
    } }, page.ctx), page.current.view);
  }

  /** Draw the chosen view of the files (or nothing when there are none). */
  function renderView(page) {
    const { data, t, state, parts } = page;
    const C = K.compare;
    if (state.mode === 'time' && state.files.length && !K.compareTime) {
      // Its code comes the first time the view is shown (the page's first load stays light).
      K.load('compare-time').then(() => renderView(page), (error) => console.error(error.message));
      return;
    }
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
      const choice = teamChoice(page, C.groupTeams(all));
      if (state.mode === 'time') {
        entries = choice.team.entries;
        page.current = { mode: 'time', entries, view: C.overTime(data, entries, C.sharedCriteria(data, entries)) };
        node = K.compareTime.render(page.ctx, page.current.view);
      } else {
        // The round's people in the order they answered.
        const byEntry = new Map(state.files.map((f) => [f.entry, f]));
        const roundFiles = choice.round.raters.map((entry) => byEntry.get(entry));
        entries = roundFiles.filter((f) => !f.off).map((f) => f.entry);
        node = consensus(page, choice, roundFiles, entries, C.sharedCriteria(data, entries));
      }
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

  function consensus(page, choice, roundFiles, entries, shared) {
    const { data, t, state } = page;
    const team = choice; // the round's key is what agreed levels and the saved result are kept under
    const rows = entries.length >= 2 ? K.compare.spread(data, entries, shared) : null;
    const agreed = rows ? S.agreedFor(state, choice.key, rows, choice.team.key) : {};
    if (rows) page.current = { mode: 'consensus', entries, rows, agreed };
    const build = () => K.compare.consensusSession(data, entries, agreed, { newId: newId(), now: new Date() });
    const saved = () => (state.saved && state.saved.team === team.key ? state.saved : null);
    const agreedFiles = state.files.filter((f) => choice.round.agreed.includes(f.entry));
    return K.compareConsensus.render(Object.assign({}, page.ctx, { teamFiles: roundFiles, agreedFiles, rows, agreed,
      saved: saved(),
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
        if (keep) page.persist(); else page.typed(); // a note is kept as it is typed
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
  async function exportCSV(page) {
    await K.load('compare-csv'); // the builders come with the first download
    const { current, data } = page;
    if (!current) return;
    const C = K.compareCsv;
    const text = current.mode === 'side' ? C.sideBySideCSV(data, current.view)
      : current.mode === 'time' ? C.overTimeCSV(data, current.view) : C.consensusCSV(data, current.rows, current.agreed);
    const today = K.session.newSession(data, new Date(), '').details.date;
    const name = 'kmsat-compare-' + FILE_MODES[current.mode] + '-' + today + '.csv';
    download(name, text, 'text/csv;charset=utf-8');
    page.announce(page.t('compare.actions.downloaded', { file: name }));
  }

  K.compareViews = { renderView, exportCSV };
})(self.KMSAT);
