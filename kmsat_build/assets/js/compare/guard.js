/**
 * kmsat compare page: what it says when it must not save. Another tab saved
 * the files since this one did (the user picks whose to keep), or what is
 * kept could not be read, from a newer version of the tool or damaged (it
 * stays untouched until the user downloads it or starts afresh). The rule
 * itself is core/saving.js `guard`, shared with the assessment page.
 */
(function (K) {
  'use strict';
  const { h, button, download } = K.dom;

  /** A notice with buttons in the files section; focus goes to it (role alert says it too). */
  function notice(page, text, buttons) {
    const box = h('div', { class: 'admonition warning kmsat-cmp-guard', role: 'alert', tabindex: '-1' }, [
      h('p', { text }), h('div', { class: 'kmsat-cmp-buttons' }, buttons)]);
    page.parts.guardNote.replaceChildren(box);
    return box;
  }

  const done = (page, text) => {
    page.parts.guardNote.replaceChildren();
    page.render();
    page.parts.drop.querySelector('button').focus();
    page.announce(text);
  };

  /** Another tab changed the kept files: use them, or save this tab's over them. */
  function conflict(page) {
    const { t } = page;
    if (page.parts.guardNote.querySelector('[data-guard="conflict"]')) return;
    const box = notice(page, t('compare.guard.otherTab'), [
      button(t('compare.guard.useOther'), () => {
        let text = null;
        try { text = page.slot.read(); } catch (error) { /* blocked: nothing to read */ }
        Object.assign(page.state, K.compareState.restore(text, page.data));
        if (page.state.problem) { unreadable(page); page.render(); return; }
        done(page, t('compare.guard.usedOther'));
      }),
      button(t('compare.guard.keepMine'), () => { page.persist(true); done(page, t('compare.guard.keptMine')); }),
    ]);
    box.dataset.guard = 'conflict';
  }

  /** What is kept could not be read: keep it until the user downloads it or starts afresh. */
  function unreadable(page) {
    const { t, state } = page;
    const box = notice(page, t(state.problem === 'newer' ? 'compare.guard.newer' : 'compare.guard.corrupt'), [
      button(t('compare.guard.download'), () => {
        let text = page.kept;
        try { text = page.slot.read() || text; } catch (error) { /* the copy read at start */ }
        download('kmsat-compare-kept.json', text || '', 'application/json');
      }),
      button(t('compare.guard.discard'), async () => {
        if (!(await K.dom.confirm(t('compare.guard.discardConfirm'), t('confirm.yes'), t('confirm.cancel')))) return;
        K.compareState.discardStored(state);
        page.persist(true);
        done(page, t('compare.guard.discarded'));
      }),
    ]);
    box.dataset.guard = 'unreadable';
  }

  K.compareGuard = { conflict, unreadable };
})(self.KMSAT);
