/**
 * kmsat ui: two more ways out for the Board paper. A Word document: the
 * docx library is a bundle of its own, loaded through the boot script only
 * when someone asks for one (it is far bigger than the questionnaire). And
 * the blank paper form, printed to hand out before or during a session.
 */
(function (K) {
  'use strict';
  const { button } = K.dom;
  /** On <html> while the blank form prints (css/paper.css shows it instead of the report). */
  const BLANK = 'kmsat-print-blank';

  /** Make the group's Board paper as a .docx and download it. */
  async function word(ctx, control) {
    const { t } = ctx;
    control.disabled = true;
    ctx.say(t('export.wordPreparing'));
    try {
      await ctx.need(K.ui.report.BUNDLE);
      await ctx.need('docx');
      const blob = await K.boardPaperDocx.toBlob(K.boardPaper.build(ctx.data, ctx.session), self.docx);
      const file = K.exporters.fileName(ctx.session, 'docx');
      K.dom.download(file, blob, K.boardPaperDocx.MIME);
      ctx.say(t('export.done', { file }));
    } catch (error) {
      if (!(error instanceof Error && 'loadFailed' in error)) ctx.notice('export', t('export.wordFailed'), null, 'alert');
    } finally {
      control.disabled = false;
    }
  }

  /** Print the paper form (the page's no-JavaScript version) instead of the group's report. */
  function printBlank() {
    const root = document.documentElement;
    const done = () => { root.classList.remove(BLANK); removeEventListener('afterprint', done); };
    root.classList.add(BLANK);
    addEventListener('afterprint', done);
    print();
  }

  /** The buttons, for the export list. */
  function buttons(ctx) {
    const docx = button(ctx.t('export.word'), () => word(ctx, docx));
    return [docx, button(ctx.t('export.printBlank'), printBlank)];
  }

  K.ui.paperActions = { buttons, word, printBlank };
})(self.KMSAT);
