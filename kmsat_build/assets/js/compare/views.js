/**
 * kmsat compare page: the chosen view (side by side, consensus, over time)
 * with its warnings and its CSV. `page` is the record app.js makes; the
 * figures come from core/compare.js, state changes from core/compare-state.js.
 * The consensus and over-time views (compare/consensus.js, compare/time.js
 * with their core) and the CSV builders are bundles loaded when first needed.
 */
(function (K) {
  'use strict';
  const { h, download } = K.dom;
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

  /** The views whose code is a bundle of its own, loaded the first time one is shown (a light first load). */
  const LATER = { time: { bundle: 'compare-time', part: 'compareTime' },
    consensus: { bundle: 'compare-consensus', part: 'compareConsensus' } };

  /** No view on screen: no files, or the view's code could not load (the page has said so). */
  function clearView(page) {
    const { state, parts } = page;
    page.current = null;
    parts.teamField.hidden = true;
    parts.actions.hidden = true;
    parts.modeRadios.forEach((radio) => { radio.checked = radio.value === state.mode; });
    parts.view.replaceChildren();
    parts.warnings.replaceChildren();
    K.comparePrint.draw(page);
  }

  /** Draw the chosen view of the files (or nothing when there are none). */
  function renderView(page) {
    const { data, t, state, parts } = page;
    const C = K.compare;
    const later = LATER[state.mode];
    if (later && state.files.length && !K[later.part]) {
      // Its code comes the first time the view is shown; what is on screen stays until then.
      page.load(later.bundle).then(() => renderView(page), () => { if (LATER[state.mode] === later) clearView(page); });
      return;
    }
    if (!state.files.length) { clearView(page); return; }
    const all = state.files.map((f) => f.entry);
    parts.teamField.hidden = state.mode === 'side';
    parts.modeRadios.forEach((radio) => { radio.checked = radio.value === state.mode; });
    page.current = null;
    parts.actions.hidden = false;
    let entries = all, node;
    if (state.mode === 'side') node = sideBySide(page, entries);
    else {
      const choice = teamChoice(page, C.groupTeams(all));
      if (state.mode === 'time') {
        entries = choice.team.entries;
        page.current = { mode: 'time', entries, view: K.overTime.overTime(data, entries, C.sharedCriteria(data, entries)) };
        node = K.compareTime.render(page.ctx, page.current.view);
      } else {
        ({ node, entries } = K.compareConsensus.view(page, choice));
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

  /** The view on screen as CSV. */
  async function exportCSV(page) {
    try {
      await page.load('compare-export'); // the builders come with the first download
    } catch (error) {
      return; // the page has said it could not load
    }
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
