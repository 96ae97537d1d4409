/**
 * kmsat kit: the one set of DOM helpers both pages build with. Text goes in
 * only as textContent or value, never as HTML, so answers and imported
 * files stay text. Events: `on: {click: fn}`, nothing else. A text the
 * edition left in the national language (core/strings.js `parts`) gets that
 * language: its element's `lang`, or a span's for a part of a sentence.
 */
(function (K) {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  let seq = 0;

  /** A page-unique id, for label, hint and legend wiring. */
  const uid = (prefix) => 'kmsat-' + prefix + '-' + (seq += 1);

  /** Append nodes, strings (as text) and arrays of them; null, false and undefined are skipped. */
  function append(el, children) {
    for (const child of [].concat(children === undefined ? [] : children)) {
      if (Array.isArray(child)) append(el, child);
      else if (child !== null && child !== false && child !== undefined) {
        el.append(...(typeof child === 'object' ? [child] : words(el, String(child))));
      }
    }
    return el;
  }

  /** A text as nodes: each part in another language than the page's in a span (in SVG a tspan) saying which. */
  const words = (el, text) => (K.strings.parts(text) || [[text, '']]).map(([part, lang]) => {
    if (!lang) return part;
    const span = el.namespaceURI === SVG ? document.createElementNS(SVG, 'tspan') : document.createElement('span');
    span.textContent = part;
    span.setAttribute('lang', lang);
    return span;
  });

  /** Replace an element's children. */
  const fill = (el, children) => { el.replaceChildren(); return append(el, children); };

  /** props: class, text, on ({event: handler}), value, checked, and attributes (true: present; false, null: absent). */
  function build(el, props, children) {
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') {
        const parts = K.strings.parts(value);
        if (parts && parts.length === 1) el.setAttribute('lang', parts[0][1]); // all of it: the element's language
        if (parts && parts.length > 1) fill(el, value); else el.textContent = value;
      }
      else if (name === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
      else if (name === 'value' || name === 'checked') el[name] = value;
      else el.setAttribute(name, value === true ? '' : value);
    }
    return append(el, children);
  }

  const h = (tag, props, children) => build(document.createElement(tag), props, children);
  const svg = (tag, props, children) => build(document.createElementNS(SVG, tag), props, children);
  const button = (text, onClick, props) =>
    h('button', Object.assign({ type: 'button', class: 'kmsat-btn', on: { click: onClick } }, props), text);
  /** Words for screen readers only. */
  const hidden = (text) => h('span', { class: 'kmsat-sr', text });

  /** 16 random hex digits: a session id (letters and digits, as session ids must be). */
  const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

  /** Start a download of `text` as a file, without any request (a Blob link works from file://). */
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /**
   * The page's questionnaire data: a data attribute (see kmsat_build/pages.py),
   * never a script Material would re-run. Null when it is missing or broken
   * (core/contract.js checkPageData says which, in words). Its texts in the
   * national language are marked from here on (core/strings.js markFallback).
   */
  let read;
  function pageData() {
    const node = document.getElementById('kmsat-data');
    const json = node && node.getAttribute('data-kmsat-json');
    let data = null;
    try { data = JSON.parse(json || ''); } catch (error) { /* null */ }
    // Marked again only for other data: a second reader (the share banner) keeps the sentences made since.
    if (json !== read) K.strings.markFallback(data);
    read = json;
    return data;
  }

  /**
   * Ask before what cannot be undone, in a modal <dialog> (focus stays in it,
   * Escape cancels). Cancel has focus, so a stray Enter loses nothing.
   * @returns {Promise<boolean>}
   */
  function confirm(text, yes, no) {
    return new Promise((resolve) => {
      const id = uid('confirm');
      const dialog = h('dialog', { class: 'kmsat-dialog', 'aria-labelledby': id }, [
        h('p', { id, text }),
        h('div', { class: 'kmsat-actions' }, [
          button(yes, () => dialog.close('yes'), { class: 'kmsat-btn kmsat-btn--primary' }),
          button(no, () => dialog.close('no'), { autofocus: true }),
        ]),
      ]);
      dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'yes'); });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  /**
   * A place for what an on-demand bundle draws: filled with `draw()` once
   * `loading` (a KMSAT.load promise) resolves. If it fails the place stays
   * empty: whoever started the load says why.
   * @param {Promise<any>} loading @param {() => any} draw @returns {HTMLElement}
   */
  function later(loading, draw) {
    const place = h('div');
    loading.then(() => fill(place, draw()), () => undefined);
    return place;
  }

  K.dom = { uid, newId, h, svg, button, hidden, confirm, append, fill, download, pageData, later };
})((self.KMSAT = self.KMSAT || /** @type {any} */ ({})));
