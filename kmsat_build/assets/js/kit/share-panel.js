/**
 * kmsat kit: making a share link, on both pages: the assessment page's
 * "Save and share" (a person sends their own answers) and a loaded file on
 * the compare page. The link, with or without notes, to copy.
 */
(function (root) {
  'use strict';

  const K = root.KMSAT;
  const { h, fill } = K.dom;

  /**
   * @param {{data: Object, t: Function, shareBase: string, heading: string, intro?: string,
   *   onClose?: function(): void}} ctx onClose: a Close button (the compare page's panel)
   * @param {Object} session the answers to share
   */
  function panel(ctx, session) {
    const { t, data } = ctx;
    const status = h('p', { class: 'kmsat-share-status', role: 'status' });
    const output = h('input', { type: 'text', id: 'kmsat-share-link', readonly: true, class: 'kmsat-share-link',
      spellcheck: 'false' });
    const notes = h('input', { type: 'checkbox', id: 'kmsat-share-notes', on: { change: update } });
    function update() {
      fill(status, '');
      try {
        output.value = K.share.shareLink(ctx.shareBase, K.share.encodeShare(session, data, { notes: notes.checked }));
        output.disabled = false;
      } catch (error) {
        output.value = '';
        output.disabled = true;
        fill(status, K.share.refusal(data, error));
      }
    }
    function copy() {
      output.focus();
      output.select();
      const done = () => { fill(status, t('share.copied')); };
      const failed = () => { fill(status, t('share.copyFailed')); };
      const clipboard = root.isSecureContext && root.navigator.clipboard;
      if (clipboard) clipboard.writeText(output.value).then(done, failed); else failed();
    }
    const section = h('section', { class: 'kmsat-share-panel', 'aria-labelledby': 'kmsat-share-heading' }, [
      h('h3', { id: 'kmsat-share-heading', tabindex: '-1', text: ctx.heading }),
      h('p', { text: ctx.intro || t('share.intro') }),
      h('div', { class: 'kmsat-share-check' }, [notes, h('label', { for: 'kmsat-share-notes', text: t('share.notes') })]),
      h('label', { for: 'kmsat-share-link', class: 'kmsat-share-label', text: t('share.link') }),
      output,
      h('div', { class: 'kmsat-share-buttons' }, [
        h('button', { type: 'button', class: 'kmsat-btn kmsat-btn--primary', on: { click: copy }, text: t('share.copy') }),
        ctx.onClose ? h('button', { type: 'button', class: 'kmsat-btn', on: { click: ctx.onClose }, text: t('share.close') })
          : null,
      ]),
      status,
    ]);
    update();
    return section;
  }

  K.sharePanel = { panel };
})(typeof self !== 'undefined' ? self : this);
