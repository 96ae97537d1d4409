/**
 * kmsat ui: the worked example (framework/example.yml). It has its own
 * storage slot, so trying it never touches the user's answers.
 */
(function (K) {
  'use strict';
  const { button } = K.dom;

  /** A fresh copy into the example slot, opened at its results. */
  function open(ctx) {
    const { session } = K.session.normaliseSession(ctx.data.example, ctx.data, { newId: 'worked-example' });
    ctx.replace(session, 'example');
    ctx.go('results');
    ctx.say(ctx.t('session.exampleLoaded'));
  }

  /** Back to the user's own answers. */
  function leave(ctx) {
    ctx.restore('own');
    ctx.go('details');
    ctx.say(ctx.t('session.exampleLeft'));
  }

  /** The notice shown over the example (its button is the way back), and the privacy line's button. */
  function notice(ctx) {
    K.dom.fill(ctx.modeSlot, ctx.mode === 'example' ? null : controls(ctx));
    if (ctx.mode !== 'example') return ctx.clear('example');
    ctx.notice('example', ctx.t('app.exampleNotice'), [
      button(ctx.t('session.exampleBack'), () => leave(ctx), { class: 'kmsat-btn kmsat-btn--primary' }),
    ]);
  }

  /** The button to the example, or back from it. */
  function controls(ctx) {
    if (!ctx.data.example) return null;
    return ctx.mode === 'example'
      ? button(ctx.t('session.exampleBack'), () => leave(ctx))
      : button(ctx.t('session.example'), () => open(ctx));
  }

  K.ui.example = { open, leave, notice, controls };
})(self.KMSAT);
