/**
 * kmsat compare page, share links: make a link from a loaded file, or add a
 * link someone sent as a file. (The assessment page's offer to import a
 * link is ui/share-banner.js.)
 */
(function (root) {
  'use strict';

  const K = root.KMSAT;
  const { h, newId } = K.dom;

  /**
   * The panel for one loaded file: the link, with or without notes, to copy.
   * @param {{data: Object, t: Function, shareBase: string, onClose: Function}} ctx
   * @param {{name: string, entry: {session: Object}}} file
   */
  function panel(ctx, file) {
    const { t, data } = ctx;
    const status = h('p', { class: 'kmsat-cmp-status', role: 'status' });
    const output = h('input', { type: 'text', id: 'kmsat-share-link', readonly: true, class: 'kmsat-cmp-link',
      spellcheck: 'false' });
    const notes = h('input', { type: 'checkbox', id: 'kmsat-share-notes', on: { change: update } });
    function update() {
      status.textContent = '';
      try {
        output.value = K.share.shareLink(ctx.shareBase, K.share.encodeShare(file.entry.session, data,
          { notes: notes.checked }));
        output.disabled = false;
      } catch (error) {
        output.value = '';
        output.disabled = true;
        status.textContent = K.share.refusal(data, error);
      }
    }
    function copy() {
      output.focus();
      output.select();
      const done = () => { status.textContent = t('share.copied'); };
      const failed = () => { status.textContent = t('share.copyFailed'); };
      const clipboard = root.isSecureContext && root.navigator.clipboard;
      if (clipboard) clipboard.writeText(output.value).then(done, failed); else failed();
    }
    const heading = h('h3', { id: 'kmsat-share-heading', tabindex: '-1', text: t('share.heading', { file: file.name }) });
    const section = h('section', { class: 'kmsat-cmp-share kmsat-cmp-noprint', 'aria-labelledby': 'kmsat-share-heading' }, [
      heading,
      h('p', { text: t('share.intro') }),
      h('div', { class: 'kmsat-cmp-check' }, [notes, h('label', { for: 'kmsat-share-notes', text: t('share.notes') })]),
      h('label', { for: 'kmsat-share-link', class: 'kmsat-cmp-label', text: t('share.link') }),
      output,
      h('div', { class: 'kmsat-cmp-buttons' }, [
        h('button', { type: 'button', class: 'kmsat-btn kmsat-btn--primary', on: { click: copy }, text: t('share.copy') }),
        h('button', { type: 'button', class: 'kmsat-btn', on: { click: ctx.onClose }, text: t('share.close') }),
      ]),
      status,
    ]);
    update();
    return section;
  }

  /**
   * A field to paste a share link into; `onAdd({name, entry})` or `onAdd({name, reason})`.
   * The session is read like a file of this edition: compared on every criterion
   * when its question set is this site's, else on those it answers.
   */
  function pasteForm(ctx, onAdd) {
    const { t, data } = ctx;
    const input = h('input', { type: 'text', id: 'kmsat-share-paste', class: 'kmsat-cmp-link',
      'aria-describedby': 'kmsat-share-paste-hint', spellcheck: 'false', autocomplete: 'off' });
    function add(event) {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      const name = t('share.paste.name', { team: '' }).replace(/[:\s]+$/, '');
      try {
        const read = K.share.decodeShare(value, data, { newId: newId() });
        const same = read.edition.fingerprint === data.fingerprint;
        const team = read.session.details.team || t('compare.unnamedTeam');
        onAdd({ name: t('share.paste.name', { team }), entry: { session: read.session, edition: read.edition,
          report: read.report.filter((m) => !/^import\.report\.(contentVersion|fingerprint)$/.test(m.key)),
          criteria: same ? null : Object.keys(read.session.answers) } });
        input.value = '';
      } catch (error) {
        onAdd({ name, reason: K.share.refusal(data, error) });
      }
    }
    return h('form', { class: 'kmsat-cmp-paste kmsat-cmp-noprint', on: { submit: add } }, [
      h('label', { for: 'kmsat-share-paste', class: 'kmsat-cmp-label', text: t('share.paste.label') }),
      h('p', { id: 'kmsat-share-paste-hint', class: 'kmsat-cmp-hint', text: t('share.paste.hint') }),
      h('div', { class: 'kmsat-cmp-inline' }, [input,
        h('button', { type: 'submit', class: 'kmsat-btn', text: t('share.paste.add') })]),
    ]);
  }

  K.compareShare = { panel, pasteForm };
})(typeof self !== 'undefined' ? self : this);
