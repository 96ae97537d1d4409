/**
 * kmsat compare page, share links: add a link someone sent as a file. (A
 * link is made with kit/share-panel.js; the assessment page's offer to
 * import a link is ui/share-banner.js.)
 */
(function (root) {
  'use strict';

  const K = root.KMSAT;
  const { h, newId } = K.dom;

  /**
   * A field to paste a share link into; `onAdd({name, entry})` or `onAdd({name, reason})`.
   * The session is read like a file of this edition: compared on every criterion
   * when its question set is this site's, else on those it answers.
   */
  function pasteForm(ctx, onAdd) {
    const { t, data } = ctx;
    const input = h('input', { type: 'text', id: 'kmsat-share-paste', class: 'kmsat-cmp-link',
      'aria-describedby': 'kmsat-share-paste-hint', spellcheck: 'false', autocomplete: 'off' });
    async function add(event) {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      const name = t('share.paste.name', { team: '' }).replace(/[:\s]+$/, '');
      try {
        await ctx.load('share'); // reading a link: its code comes with the first link pasted
      } catch (error) {
        return; // the page has said it could not load; the link stays in the field
      }
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

  K.compareShare = { pasteForm };
})(typeof self !== 'undefined' ? self : this);
