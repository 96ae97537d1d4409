/**
 * kmsat ui: the Board paper, the section only print shows. Its content is
 * core/board-paper.js (the same as the Word document); kit/paper.js lays it out.
 */
(function (K) {
  'use strict';
  const { h } = K.dom;

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} */
  K.ui.report = function (ctx) {
    return [
      ctx.mode === 'example' && h('p', { class: 'kmsat-notice', text: ctx.t('app.exampleNotice') }),
      K.paper.render(K.boardPaper.build(ctx.data, ctx.session)),
    ];
  };
})(self.KMSAT);
