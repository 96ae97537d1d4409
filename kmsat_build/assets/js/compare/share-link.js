/**
 * kmsat share links in the page: (a) on the compare page, make a link from a
 * loaded file, or add a link someone sent as a file; (b) on the assessment
 * page, when the address holds `#share=...`, offer to import it.
 *
 * The banner never touches the assessment app (#kmsat-app): it sits before
 * it, and Import only hands the session over through localStorage
 * (`kmsat:<edition>:incoming`, see dom.js handOver) and reloads the page at
 * `#import-incoming`, where the app asks before replacing anything.
 */
(function (root) {
  'use strict';

  const K = root.KMSAT;
  const { h, store, pageData, onEveryPage, randomId, incomingKey, handOver } = K.compareDom;
  const format = (data, error) => (error && error.key ? error.message : K.strings.t(data.strings, 'share.refused.badLink'));
  // Captured as the script runs, before any page code can rewrite the address.
  let firstHash = root.location ? root.location.hash : '';
  let shown = ''; // the link the banner is about

  /**
   * The panel for one loaded file: the link, with or without notes, to copy.
   * @param {{data: Object, t: Function, assessmentUrl: string, onClose: Function}} ctx
   * @param {{name: string, entry: {session: Object}}} file
   */
  function panel(ctx, file) {
    const { t, data } = ctx;
    const status = h('p', { class: 'kmsat-cmp-status', role: 'status' });
    const output = h('input', { type: 'text', id: 'kmsat-share-link', readonly: true, class: 'kmsat-cmp-link',
      spellcheck: 'false' });
    const notes = h('input', { type: 'checkbox', id: 'kmsat-share-notes', onchange: update });
    function update() {
      status.textContent = '';
      try {
        output.value = K.share.shareLink(ctx.shareBase, K.share.encodeShare(file.entry.session, data,
          { notes: notes.checked }));
        output.disabled = false;
      } catch (error) {
        output.value = '';
        output.disabled = true;
        status.textContent = format(data, error);
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
        h('button', { type: 'button', class: 'md-button md-button--primary', onclick: copy, text: t('share.copy') }),
        h('button', { type: 'button', class: 'md-button', onclick: ctx.onClose, text: t('share.close') }),
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
        const read = K.share.decodeShare(value, data, { newId: randomId() });
        const same = read.edition.fingerprint === data.fingerprint;
        const team = read.session.details.team || t('compare.unnamedTeam');
        onAdd({ name: t('share.paste.name', { team }), entry: { session: read.session, edition: read.edition,
          report: read.report.filter((m) => !/^import\.report\.(contentVersion|fingerprint)$/.test(m.key)),
          criteria: same ? null : Object.keys(read.session.answers) } });
        input.value = '';
      } catch (error) {
        onAdd({ name, reason: format(data, error) });
      }
    }
    return h('form', { class: 'kmsat-cmp-paste kmsat-cmp-noprint', onsubmit: add }, [
      h('label', { for: 'kmsat-share-paste', class: 'kmsat-cmp-label', text: t('share.paste.label') }),
      h('p', { id: 'kmsat-share-paste-hint', class: 'kmsat-cmp-hint', text: t('share.paste.hint') }),
      h('div', { class: 'kmsat-cmp-inline' }, [input,
        h('button', { type: 'submit', class: 'md-button', text: t('share.paste.add') })]),
    ]);
  }

  /** Drop the share data from the address bar (and this history entry). */
  function clearAddress(hash) {
    root.history.replaceState(root.history.state, '', root.location.pathname + root.location.search + (hash || ''));
  }

  /** On the assessment page, a banner offering to import the answers in the address. */
  function banner() {
    const app = document.getElementById('kmsat-app');
    const hash = /^#share=/.test(root.location.hash) ? root.location.hash : firstHash;
    firstHash = '';
    const old = document.getElementById('kmsat-share-banner');
    if (!app || !/^#share=/.test(hash) || (old && shown === hash)) return;
    if (old) old.remove();
    shown = hash;
    const data = pageData();
    if (!data || !K.share) return;
    const t = (key, params) => K.strings.t(data.strings, key, params);
    let read = null, problem = '';
    try { read = K.share.decodeShare(hash, data, { newId: randomId() }); } catch (error) {
      problem = t('share.banner.refused', { reason: format(data, error) });
    }
    const details = read ? read.session.details : {};
    const team = details.team || details.organisation || t('compare.unnamedTeam');
    const message = h('p', { role: 'status', text: problem || t('share.banner.text',
      { team, date: details.date || t('compare.files.noDate') }) });
    const node = h('div', { id: 'kmsat-share-banner', class: 'kmsat-share-banner admonition note', role: 'region',
      'aria-labelledby': 'kmsat-share-banner-title' }, [
      h('p', { class: 'admonition-title', id: 'kmsat-share-banner-title', text: t('share.banner.title') }),
      message,
      h('div', { class: 'kmsat-cmp-buttons' }, [
        read ? h('button', { type: 'button', class: 'md-button md-button--primary', text: t('share.banner.import'),
          onclick: () => {
            const label = t('share.banner.label', { team });
            // What the link held that was left out, said once the answers are opened (as for a file).
            const record = Object.assign(JSON.parse(handOver(data, read.session, 'share', label)),
              { report: read.report });
            if (store(incomingKey(data), JSON.stringify(record)) !== 'ok') {
              message.textContent = t('share.banner.failed');
              return;
            }
            clearAddress('#import-incoming');
            root.location.reload();
          } }) : null,
        h('button', { type: 'button', class: 'md-button', text: t('share.banner.dismiss'), onclick: () => {
          node.remove();
          clearAddress('');
          const heading = document.querySelector('article h1') || document.querySelector('h1');
          if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
        } }),
      ]),
    ]);
    const paper = document.getElementById('kmsat-paper');
    (paper && paper.parentNode === app.parentNode ? paper : app).before(node);
  }

  K.compareShare = { panel, pasteForm };
  onEveryPage(banner);
  // A link pasted into the address bar of an open assessment page changes only the fragment.
  root.addEventListener('hashchange', banner);
})(typeof self !== 'undefined' ? self : this);
