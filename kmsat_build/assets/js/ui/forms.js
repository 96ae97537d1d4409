/**
 * kmsat ui: the questionnaire's form fields, built as govuk-frontend builds
 * them (the compare page has none of these, so they are not in the kit).
 */
(function (K) {
  'use strict';
  const { h, button, uid } = K.dom;
  K.ui = K.ui || {}; // the questionnaire's parts; forms.js is the first of them in the manifest

  /**
   * A radio group as govuk-frontend builds one: fieldset, legend, hint linked
   * by aria-describedby, a label per radio. `clear` adds a button to unset
   * the choice, which a radio cannot do. `label` names the group more fully.
   * @param {{legend: *, label?: string, hint?: string, value: string, options: {value: string, label: *}[],
   *   onChange: function(string): void, inline?: boolean, clear?: string, class?: string}} o
   */
  function radios(o) {
    const hintId = o.hint && uid('hint');
    const name = uid('choice');
    const box = h('fieldset', { class: 'kmsat-radios ' + (o.class || ''), 'aria-describedby': hintId, 'aria-label': o.label }, [
      h('legend', null, o.legend),
      o.hint && h('p', { class: 'kmsat-hint', id: hintId, text: o.hint }),
      h('div', { class: o.inline ? 'kmsat-choices kmsat-choices--inline' : 'kmsat-choices' }, o.options.map((option) => {
        const id = uid('option');
        return h('div', { class: 'kmsat-choice' }, [
          h('input', { type: 'radio', id, name, value: option.value, checked: option.value === o.value,
            on: { change: () => o.onChange(option.value) } }),
          h('label', { for: id }, option.label),
        ]);
      })),
      o.clear && button(o.clear, () => {
        for (const input of box.querySelectorAll('input')) input.checked = false;
        o.onChange('');
      }, { class: 'kmsat-btn kmsat-btn--small' }),
    ]);
    return box;
  }

  /**
   * A labelled text box (a textarea when `rows`). `aria` names it more fully
   * than the visible label and starts with the label's words (WCAG 2.5.3);
   * `labelledby` adds another element's words to the label's. Every box
   * takes at most TEXT_MAX characters (what a file keeps) and says so as the
   * text nears it: a visible count, and a polite announcement once typing
   * pauses near the limit (govuk-frontend's character count). A longer text
   * saved before stays whole; the count says it is over.
   * @param {{label: string, t: function(string, Object=): string, value?: string, rows?: number, aria?: string,
   *   labelledby?: string, hint?: string, class?: string, onInput: function(string): void}} o
   */
  function field(o) {
    const id = uid('field');
    const hintId = o.hint && uid('hint');
    const max = K.session.TEXT_MAX;
    const count = h('p', { class: 'kmsat-count', id: uid('count') });
    const spoken = h('span', { class: 'kmsat-sr', 'aria-live': 'polite' });
    let timer = 0;
    const words = (length) => o.t(length > max ? 'field.countOver' : 'field.count',
      { count: number(length), max: number(max), left: number(max - length) });
    // The count shows from 80% of the limit (below it, it is noise under every box); screen
    // readers always hear it with the box (aria-describedby reads hidden text).
    const show = (length, speak) => {
      const near = length >= max * 0.8;
      count.textContent = words(length);
      count.hidden = !near;
      clearTimeout(timer);
      if (speak && near) timer = setTimeout(() => { spoken.textContent = words(length); }, 1000);
    };
    const box = h(o.rows ? 'textarea' : 'input', {
      id, class: 'kmsat-input', type: !o.rows && 'text', rows: o.rows, autocomplete: 'off', 'aria-label': o.aria,
      maxlength: max, 'aria-labelledby': o.labelledby && id + '-label ' + o.labelledby,
      'aria-describedby': [hintId, count.id].filter(Boolean).join(' '), value: o.value || '',
      on: { input: (event) => { o.onInput(event.target.value); show(event.target.value.length, true); } },
    });
    show((o.value || '').length, false);
    return h('div', { class: 'kmsat-field ' + (o.class || '') }, [
      h('label', { for: id, id: id + '-label', text: o.label }),
      o.hint && h('p', { class: 'kmsat-hint', id: hintId, text: o.hint }),
      box, count, spoken,
    ]);
  }

  /**
   * Buttons that are one Tab stop (ARIA toolbar): arrow keys, Home and End
   * move between them, skipping disabled ones; Tab leaves. Focus returns to
   * the one last used.
   * @param {string} label @param {HTMLButtonElement[]} buttons
   */
  function toolbar(label, buttons) {
    const bar = h('div', { class: 'kmsat-actions', role: 'toolbar', 'aria-label': label }, buttons);
    const enabled = () => buttons.filter((b) => !b.disabled);
    const current = (chosen) => { for (const b of buttons) b.tabIndex = b === chosen ? 0 : -1; };
    current(enabled()[0]);
    bar.addEventListener('focusin', (e) => { if (buttons.includes(/** @type {any} */ (e.target))) current(e.target); });
    bar.addEventListener('keydown', (e) => {
      const list = enabled();
      const at = list.indexOf(/** @type {any} */ (document.activeElement));
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[e.key];
      if (at === -1 || to === undefined) return;
      e.preventDefault();
      list[(to + list.length) % list.length].focus();
    });
    return bar;
  }

  /** A number as the page's language writes it (5,000). */
  const number = (n) => n.toLocaleString(document.documentElement.lang || undefined);

  /** A sentence with links where its `{list}` goes, wherever a translation puts it. */
  function links(t, key, items) {
    const [before, after] = K.strings.split(t(key, { list: '\u0000' }), '\u0000');
    return [before, items.map((o, i) => [i ? ', ' : '', h('a', { href: o.url, text: o.title })]), after];
  }

  K.forms = { radios, field, links, toolbar };
})(self.KMSAT);
