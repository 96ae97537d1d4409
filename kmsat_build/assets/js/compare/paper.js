/**
 * kmsat compare page: what it prints. A Board paper of the view on screen
 * (core/compare-paper.js, laid out by kit/paper.js) in place of the page:
 * no file list, no buttons, no web instructions. Redrawn with the view and
 * just before printing, so agreed levels typed a moment ago are on it.
 * The paper's code is a bundle of its own, loaded once there is a view to
 * print; until it is there the page prints as it is (compare.css).
 */
(function (K) {
  'use strict';

  /** The paper for the view on screen, or null when there is none. */
  function paperOf(page) {
    const current = page.current;
    if (!current) return null;
    const P = K.comparePaper;
    if (current.mode === 'side') return P.sideBySide(page.data, current.view, current.entries);
    if (current.mode === 'time') return P.overTime(page.data, current.view);
    return P.consensus(page.data, current.rows, current.agreed, current.entries);
  }

  /** Draw the paper into its print-only section now (loading its bundle the first time). */
  function drawNow(page) {
    if (!K.comparePaper) {
      if (page.current) page.load('compare-paper').then(() => draw(page), () => undefined); // else it prints as it is
      return;
    }
    const paper = paperOf(page);
    page.parts.paper.replaceChildren(...(paper ? [K.paper.render(paper)] : []));
  }

  /** Draw the paper of the view on screen once the page is idle: one drawing for any number of calls until then. */
  function draw(page) {
    if (page.paperDue) return;
    page.paperDue = true;
    K.compareView.whenIdle(() => {
      page.paperDue = false;
      drawNow(page);
    });
  }

  /** Redraw just before printing (at once: printing does not wait); returns the function that stops listening. */
  function watch(page) {
    const redraw = () => { if (K.comparePaper) drawNow(page); };
    const media = matchMedia('print');
    addEventListener('beforeprint', redraw);
    media.addEventListener('change', redraw);
    return () => { removeEventListener('beforeprint', redraw); media.removeEventListener('change', redraw); };
  }

  K.comparePrint = { draw, watch, paperOf };
})(self.KMSAT);
