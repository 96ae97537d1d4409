/**
 * kmsat ui: the "Present" button. Present mode is a bundle of its own
 * (js/present/), loaded through the boot script's loader when the button is
 * first pressed: until then the assessment page carries only this file.
 */
(function (K) {
  'use strict';
  const { h, button, uid } = K.dom;

  /**
   * @param {Object} ctx the app's context (see app.js)
   * @param {Element} body where the steps are drawn: the criterion last answered there is where present mode opens
   * @returns {{node: Node, stop: function}} the button with its hint; stop closes present mode with the app
   */
  K.ui.presentButton = function (ctx, body) {
    const { t } = ctx;
    const hintId = uid('hint');
    let used = null;
    let stop = null;
    const onChange = (event) => {
      const block = event.target.closest('.kmsat-criterion');
      if (block) used = block.id.replace(/^kmsat-c-/, '');
    };
    body.addEventListener('change', onChange);
    body.addEventListener('input', onChange);

    async function open() {
      ctx.clear('present');
      try {
        await K.load('present');
        if (!stop) stop = K.presentView.open(ctx, used, () => { stop = null; });
      } catch (error) {
        ctx.notice('present', t('present.failed', { reason: error instanceof Error ? error.message : String(error) }), null, 'alert');
      }
    }

    return {
      node: h('p', { class: 'kmsat-present-launch' }, [
        button(t('present.open'), open, { class: 'kmsat-btn', 'aria-describedby': hintId }),
        ' ', h('span', { class: 'kmsat-hint', id: hintId, text: t('present.openHint') }),
      ]),
      stop() { if (stop) stop(); },
    };
  };
})(self.KMSAT);
