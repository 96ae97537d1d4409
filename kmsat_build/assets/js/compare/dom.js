/**
 * kmsat compare page: small DOM helpers shared by its components.
 * Elements are built with createElement and textContent only: file content
 * is never parsed as HTML.
 */
(function (root) {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';

  /** Set attributes and listeners: `text`, `class`, `on<event>`, `checked`/`value` (properties), others as attributes. */
  function setAll(el, props) {
    for (const key of Object.keys(props || {})) {
      const value = props[key];
      if (value === null || value === undefined || value === false) continue;
      if (key === 'text') el.textContent = value;
      else if (key === 'class') el.setAttribute('class', value);
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else if (key === 'checked' || key === 'value') el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    return el;
  }

  function append(el, children) {
    for (const child of [].concat(children === undefined ? [] : children)) {
      if (child === null || child === undefined || child === false) continue;
      el.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return el;
  }

  /** An HTML element: h('button', {type: 'button', onclick: fn}, ['Text']). */
  const h = (tag, props, children) => append(setAll(document.createElement(tag), props), children);

  /** An SVG element. */
  const s = (tag, props, children) => append(setAll(document.createElementNS(SVG, tag), props), children);

  /** Text for screen readers only. */
  const hidden = (text) => h('span', { class: 'kmsat-cmp-sr', text });

  /** A table of plain cells in a region that scrolls sideways (keyboard-focusable, labelled). */
  function scroller(label, table) {
    return h('div', { class: 'kmsat-cmp-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, [table]);
  }

  /** A caption, a header row of column headers and the given body rows. */
  function table(className, caption, headers, rows) {
    return h('table', { class: className }, [
      h('caption', { text: caption }),
      h('thead', {}, [h('tr', {}, headers.map((text) => h('th', { scope: 'col', text })))]),
      h('tbody', {}, rows),
    ]);
  }

  /** A level value for display: at most one decimal, no trailing zero. */
  const number = (value) => (value === null || value === undefined ? '' : String(Math.round(value * 10) / 10));

  /** The class giving a figure its level colour: the level it rounds to. */
  const band = (value) => (value === null || value === undefined ? '' : 'kmsat-cmp-l' + Math.round(value));

  /** Start a download of `text` as a file, without any request. */
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** A random id for a new session (letters and digits, as session ids must be). */
  function randomId() {
    const bytes = new Uint8Array(8);
    (root.crypto || {}).getRandomValues ? root.crypto.getRandomValues(bytes)
      : bytes.forEach((_, i) => { bytes[i] = Math.floor(Math.random() * 256); });
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /**
   * Write to localStorage. 'ok', 'full' (quota) or 'unavailable' (blocked,
   * private mode), so the page can say which and carry on in memory.
   */
  function store(key, value) {
    try {
      if (value === null) root.localStorage.removeItem(key); else root.localStorage.setItem(key, value);
      return 'ok';
    } catch (error) {
      const full = error && (error.name === 'QuotaExceededError' || error.code === 22 || error.code === 1014);
      return full ? 'full' : 'unavailable';
    }
  }

  /** Read from localStorage; null when absent or blocked. */
  function read(key) {
    try { return root.localStorage.getItem(key); } catch (error) { return null; }
  }

  /** The questionnaire data embedded in the page (a data attribute), or null. */
  function pageData() {
    const node = document.getElementById('kmsat-data');
    try { return node ? JSON.parse(node.getAttribute('data-kmsat-json')) : null; } catch (error) { return null; }
  }

  /**
   * Run `init` for every page: from Material's document$ (instant navigation
   * swaps the page without reloading scripts) and once the DOM is ready, since
   * from file:// Material completes document$ without a value. `init` must be
   * idempotent: it may run twice for one page.
   */
  function onEveryPage(init) {
    if (root.document$ && typeof root.document$.subscribe === 'function') root.document$.subscribe(() => init());
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => init());
    else init();
  }

  /** The self-assessment page's URL from this page: a sibling (same folder depth), directory URLs or not. */
  function assessmentUrl(mount, data) {
    if (mount && mount.dataset.assessmentUrl) return mount.dataset.assessmentUrl;
    const first = data && data.elements[0] && data.elements[0].url;
    return first && first.startsWith('../') ? '../assessment/' : 'assessment.html';
  }

  /** Where a hand-over to the self-assessment page waits (same contract for consensus and share links). */
  const incomingKey = (data) => 'kmsat:' + data.edition.id + ':incoming';

  /** The hand-over record: the session as exporters.toJSON writes it, and words for the confirmation. */
  function handOver(data, session, source, label) {
    const KMSAT = root.KMSAT;
    return JSON.stringify({ format: 'kmsat-incoming', version: 1, source, label, createdAt: new Date().toISOString(),
      session: JSON.parse(KMSAT.exporters.toJSON(session, data)) });
  }

  root.KMSAT = root.KMSAT || {};
  root.KMSAT.compareDom = { h, s, hidden, scroller, table, number, band, download, randomId, store, read, pageData,
    onEveryPage, assessmentUrl, incomingKey, handOver };
})(typeof self !== 'undefined' ? self : this);
