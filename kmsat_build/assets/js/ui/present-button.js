/**
 * kmsat ui: the "Present" button on the assessment page. Present mode is a
 * bundle of its own (js/present/, css/present.css), loaded through the boot
 * script's loader the first time someone presses the button: until then the
 * page carries only this button. The view works on the app's session
 * (ctx.change saves each change at once, with the two-tab rule), and Escape
 * brings the normal view back at the criterion the group was on.
 */
(function (K) {
  'use strict';
  const { h, button, uid } = K.dom;

  /**
   * @param {Object} ctx the app's context (see app.js): data, t, session, change, go, step, notice, clear
   * @param {Element} mount the app's root: the criterion last answered in it is where present mode opens
   * @returns {{node: Node, stop: function}} the button with its hint, and how to close present mode
   */
  K.ui.presentButton = function (ctx, mount) {
    const { t, data } = ctx;
    const hintId = uid('hint');
    let stop = null;
    let root = null;
    let used = null; // the criterion last answered or written about in the normal view

    const onChange = (event) => {
      const block = event.target.closest && event.target.closest('.kmsat-criterion');
      if (block) used = block.id.replace(/^kmsat-c-/, '');
    };
    mount.addEventListener('change', onChange);
    mount.addEventListener('input', onChange);
    /** The criterion last answered, if it is on the step on screen; else the step (an element, or another). */
    function where() {
      const element = data.elements.find((e) => e.id === ctx.step);
      return element && element.criteria.some((c) => c.id === used) ? used : ctx.step;
    }

    /** Back in the normal view: the criterion's element, focus on its recorded choice. */
    function back(id) {
      close();
      const element = data.elements.find((e) => e.criteria.some((c) => c.id === id));
      if (!element) return ctx.go(ctx.steps[0].id, true);
      const answered = Boolean((K.model.answerFor(ctx.session, id) || {}).level);
      return ctx.go(element.id, '#kmsat-c-' + CSS.escape(id) + ' input' + (answered ? ':checked' : ''));
    }

    async function open() {
      if (stop) return;
      ctx.clear('present');
      try {
        await K.load('present');
        root = h('div', { class: 'kmsat-present-root' });
        document.body.append(root);
        stop = K.presentView.mount(root, {
          data, t, start: where(),
          get session() { return ctx.session; },
          change: (fn, criterion) => ctx.change(fn, criterion),
          exit: back,
        });
      } catch (error) {
        ctx.notice('present', t('present.failed', { reason: error.message }), null, 'alert');
      }
    }

    return {
      node: h('p', { class: 'kmsat-present-launch' }, [
        button(t('present.open'), open, { class: 'kmsat-btn', 'aria-describedby': hintId }),
        ' ', h('span', { class: 'kmsat-hint', id: hintId, text: t('present.openHint') }),
      ]),
      stop() {
        close();
        mount.removeEventListener('change', onChange);
        mount.removeEventListener('input', onChange);
      },
    };

    /** Present mode gone (left by the group, or the page left): its root too. */
    function close() {
      if (stop) stop();
      if (root) root.remove();
      stop = null;
      root = null;
    }
  };
})(self.KMSAT);
