/**
 * kmsat ui: the share-link banner. When the assessment page's address holds
 * `#share=...`, a banner before the questionnaire offers to import those
 * answers. Import hands them to the questionnaire running on the same
 * root (its `receive`, which asks before replacing anything); Dismiss
 * drops the link from the address. A link pasted into the address bar of
 * an open page changes only the fragment: `hashchange` shows the offer too.
 */
(function (K) {
  'use strict';
  const { h, newId, pageData } = K.dom;
  const BANNER_ID = 'kmsat-share-banner';

  /** Drop the share data from the address bar (and this history entry). */
  function clearAddress() {
    history.replaceState(history.state, '', location.pathname + location.search);
  }

  /** The link's answers, or why they were refused (`loaded`: false when the share code could not come). */
  function decode(data, hash, loaded) {
    if (!loaded) return { read: null, problem: K.strings.t(data.strings, 'app.loadFailed') };
    try {
      return { read: K.share.decodeShare(hash, data, { newId: newId() }), problem: '' };
    } catch (error) {
      return { read: null, problem: K.strings.t(data.strings, 'share.banner.refused',
        { reason: K.share.refusal(data, error) }) };
    }
  }

  /**
   * The banner for one link.
   * @param {{data: any, t: Function, hash: string, loaded: boolean, onImport: Function}} o
   */
  function banner(o) {
    const { t } = o;
    const { read, problem } = decode(o.data, o.hash, o.loaded);
    const details = read ? read.session.details : {};
    const team = details.team || details.organisation || t('compare.unnamedTeam');
    const message = h('p', { role: read ? 'status' : null, text: problem || t('share.banner.text',
      { team, date: details.date || t('compare.files.noDate') }) });
    // A link that could not be read for want of code stays in the address, to try again.
    const close = () => { node.remove(); if (o.loaded) clearAddress(); };
    // A refused link is an error, said at once: never the offer's blue box.
    const node = h('div', { id: BANNER_ID, class: 'kmsat-share-banner admonition ' + (read ? 'note' : 'failure'),
      role: read ? 'region' : 'alert', 'aria-labelledby': 'kmsat-share-banner-title' }, [
      h('p', { class: 'admonition-title', id: 'kmsat-share-banner-title',
        text: t(read ? 'share.banner.title' : 'share.banner.refusedTitle') }),
      message,
      h('div', { class: 'kmsat-actions' }, [
        read && h('button', { type: 'button', class: 'kmsat-btn kmsat-btn--primary', text: t('share.banner.import'),
          on: { click: () => { close(); o.onImport(read, t('share.banner.label', { team })); } } }),
        h('button', { type: 'button', class: 'kmsat-btn', text: t('share.banner.dismiss'), on: { click: () => {
          close();
          const heading = /** @type {HTMLElement|null} */ (document.querySelector('article h1') || document.querySelector('h1'));
          if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
        } } }),
      ]),
    ]);
    return node;
  }

  K.components.define({
    name: 'share-banner',
    selector: '#kmsat-app',
    /** @param {HTMLElement} app the questionnaire's mount point */
    mount(app, deps) {
      const data = pageData();
      if (K.contract.checkPageData(data)) return () => undefined; // the questionnaire says why
      const t = (key, params) => K.strings.t(data.strings, key, params);
      let shown = ''; // the link the banner is about
      const show = (hash) => {
        const old = document.getElementById(BANNER_ID);
        if (!/^#share=/.test(hash) || (old && shown === hash)) return;
        if (old) old.remove();
        shown = hash;
        const onImport = (read, label) => {
          const questionnaire = deps.api('assessment', app);
          // As a file would hold it, so it is checked exactly as an imported file is.
          const session = JSON.parse(K.exporters.toJSON(read.session, data));
          if (questionnaire) questionnaire.receive(session, read.report, label);
        };
        const place = (loaded) => {
          if (shown !== hash) return; // another link came while this one's code loaded
          const before = document.getElementById(BANNER_ID);
          if (before) before.remove(); // one banner, however often the same link was seen
          const paper = document.getElementById('kmsat-paper');
          (paper && paper.parentNode === app.parentNode ? paper : app).before(banner({ data, t, hash, loaded, onImport }));
        };
        deps.load('share').then(() => place(true), () => place(false)); // the link's code comes with the link
      };
      const first = deps.takeFirstHash();
      show(/^#share=/.test(location.hash) ? location.hash : first);
      const onHash = () => show(location.hash);
      addEventListener('hashchange', onHash);
      return () => removeEventListener('hashchange', onHash);
    },
  });
})(self.KMSAT);
