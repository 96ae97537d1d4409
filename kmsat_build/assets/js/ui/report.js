/**
 * kmsat ui: the Board paper, the section only print shows. Its content is
 * core/board-paper.js (the same as the Word document and the Markdown);
 * kit/paper.js lays it out. With core/reports.js (CSV, Markdown) they are
 * the `assessment-reports` bundle, which the page
 * loads only once the answers hold something to print, or when a print or
 * export button needs it: a first visit does not carry it. Until then the
 * report is empty and print shows the blank paper form (css/questionnaire.css).
 */
(function (K) {
  'use strict';
  const BUNDLE = 'assessment-reports';

  /** Is the paper's code here? */
  const ready = () => Boolean(K.boardPaper && K.paper);

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} the report, once ready() */
  function render(ctx) {
    return [
      ctx.mode === 'example' && K.dom.h('p', { class: 'kmsat-notice', text: ctx.t('app.exampleNotice') }),
      K.paper.render(K.boardPaper.build(ctx.data, ctx.session)),
    ];
  }

  K.ui.report = { BUNDLE, ready, render };
})(self.KMSAT);
