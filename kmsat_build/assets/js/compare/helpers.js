/**
 * kmsat compare page: what its views share beyond the kit (kit/dom.js):
 * scrolling tables, figures and their level colours, and the assessment
 * page's address.
 */
(function (root) {
  'use strict';
  const { h } = root.KMSAT.dom;

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

  /** The self-assessment page's URL from this page: a sibling (same folder depth), directory URLs or not. */
  function assessmentUrl(mount, data) {
    if (mount && mount.dataset.assessmentUrl) return mount.dataset.assessmentUrl;
    const first = data && data.elements[0] && data.elements[0].url;
    return first && first.startsWith('../') ? '../assessment/' : 'assessment.html';
  }

  /**
   * Run `fn` once the page is idle after the next frame (so never before what was just drawn is
   * on screen), at most a second later when the page stays busy (a timer where a browser has no
   * idle callbacks). A hidden page draws no frames: it runs when the page is shown again.
   */
  const whenIdle = (fn) => requestAnimationFrame(() => (typeof requestIdleCallback === 'function'
    ? requestIdleCallback(() => fn(), { timeout: 1000 }) : setTimeout(fn, 50)));

  root.KMSAT.compareView = { scroller, table, number, band, assessmentUrl, whenIdle };
})(typeof self !== 'undefined' ? self : this);
