/**
 * kmsat present: the pieces the view is made of that hold no session state:
 * toggle buttons, the note box, fitting a slide to the window, and the
 * browser's full screen.
 */
(function (K) {
  'use strict';
  const { h, button, uid } = K.dom;

  /** A toggle button (aria-pressed), with the key that does the same shown on it. */
  function toggle(text, key, onClick) {
    return button([key && h('kbd', { text: key }), key && ' ', text], onClick,
      { class: 'kmsat-btn kmsat-present__tool', 'aria-pressed': 'false' });
  }
  const press = (btn, on) => btn.setAttribute('aria-pressed', on ? 'true' : 'false');

  /** The short note box: typed text is saved at once; Escape or Done closes it. */
  function noteBox(t, onClose) {
    const id = uid('present-note');
    const label = h('label', { for: id });
    /** @type {function(string): void} */
    let save = () => undefined;
    const area = h('textarea', { id, class: 'kmsat-input', rows: 3, on: { input: (e) => save(e.target.value) } });
    const box = h('div', { class: 'kmsat-present__note', role: 'group', 'aria-labelledby': id + '-l', hidden: true }, [
      h('p', { id: id + '-l', class: 'kmsat-present__note-hint', text: t('present.note.hint') }),
      label, area,
      button(t('present.note.done'), onClose, { class: 'kmsat-btn kmsat-btn--primary' }),
    ]);
    return {
      box,
      isOpen: () => !box.hidden,
      /** Show it for criterion `title` holding `text`; `onInput` saves each change. */
      open(title, text, onInput) {
        K.dom.fill(label, t('present.note.label', { title }));
        area.value = text;
        save = onInput;
        box.hidden = false;
        area.focus();
      },
      close() { box.hidden = true; save = () => undefined; },
    };
  }

  /**
   * Long descriptors wrap, never clip: the level boxes get widths that follow
   * their text's length; then, only if something still overflows (a window
   * far from 16:9), the type shrinks a step at a time, to 70% at most.
   * (CSSOM style properties: the CSP allows them, unlike style attributes.)
   */
  function fitSlide(dialog, slide) {
    const row = slide.querySelector('.kmsat-present__levels');
    if (row) {
      const texts = Array.from(row.children, (box) => (box.querySelector('.kmsat-present__choice-text') || box).textContent);
      row.style.gridTemplateColumns = K.present.columnWeights(texts).map((w) => 'minmax(0, ' + w + 'fr)').join(' ');
    }
    const boxes = [slide].concat(Array.from(slide.querySelectorAll('.kmsat-present__choice')));
    const over = () => boxes.some((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1);
    dialog.style.removeProperty('--kmsat-present-scale');
    for (let scale = 95; scale >= 70 && over(); scale -= 5) dialog.style.setProperty('--kmsat-present-scale', String(scale));
  }

  /**
   * The browser's full screen when it offers and allows it; otherwise the
   * dialog already fills the window. `onEntered` runs once full screen is on.
   */
  function enterFullscreen(onEntered) {
    const root = document.documentElement;
    if (!document.fullscreenEnabled || !root.requestFullscreen || document.fullscreenElement) return;
    root.requestFullscreen().then(onEntered, () => { /* refused: the overlay stays */ });
  }

  function exitFullscreen() {
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => undefined);
  }

  K.presentParts = { toggle, press, noteBox, fitSlide, enterFullscreen, exitFullscreen };
})(self.KMSAT);
