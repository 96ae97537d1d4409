/**
 * kmsat ui: the questionnaire's frame: notices above the steps, the step
 * buttons, the pager, the save status, the print-only report, and a polite
 * live region for announcements. It draws nothing of a session itself.
 */
(function (K) {
  'use strict';
  const { h } = K.dom;

  /** The empty frame's parts, and the ways to speak and to show notices. */
  function shell() {
    const [live, notices, nav, position, body, pager, status, report] = [
      ['div', 'kmsat-sr'], ['div', 'kmsat-notices'], ['ol', 'kmsat-steps kmsat-bare'], ['p', 'kmsat-position'],
      ['div', 'kmsat-body'], ['div', 'kmsat-actions kmsat-pager'], ['p', 'kmsat-status'], ['section', 'kmsat-report'],
    ].map(([tag, cls]) => h(tag, { class: cls }));
    live.setAttribute('aria-live', 'polite');
    let sayTimer = 0;
    let lastSaid = 0;

    /** Announce politely; emptied first so the same words are read again. */
    function say(text) {
      lastSaid = Date.now();
      live.textContent = '';
      clearTimeout(sayTimer);
      sayTimer = setTimeout(() => { K.dom.fill(live, text); }, 100);
    }

    /** Show or update a notice above the steps; unchanged words are not redrawn (nor read again). */
    function notice(id, text, actions, role, list) {
      const old = /** @type {HTMLElement|null} */ (notices.querySelector('[data-notice="' + id + '"]'));
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

    return {
      live, notices, nav, position, body, pager, status, report, say, notice, clear,
      /** ms since the last announcement (so "Saved" never talks over another). */
      quietFor: () => Date.now() - lastSaid,
      stop: () => clearTimeout(sayTimer),
    };
  }

  K.ui.shell = shell;
})(self.KMSAT);
