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
   * `labelledby` adds another element's words to the label's.
   */
  function field(o) {
    const id = uid('field');
    const hintId = o.hint && uid('hint');
    return h('div', { class: 'kmsat-field ' + (o.class || '') }, [
      h('label', { for: id, id: id + '-label', text: o.label }),
      o.hint && h('p', { class: 'kmsat-hint', id: hintId, text: o.hint }),
      h(o.rows ? 'textarea' : 'input', {
        id, class: 'kmsat-input', type: !o.rows && 'text', rows: o.rows, autocomplete: 'off', 'aria-label': o.aria,
        'aria-labelledby': o.labelledby && id + '-label ' + o.labelledby, 'aria-describedby': hintId, value: o.value || '',
        on: { input: (event) => o.onInput(event.target.value) },
      }),
    ]);
  }

  /** A sentence with links where its `{list}` goes, wherever a translation puts it. */
  function links(t, key, items) {
    const [before, after] = t(key, { list: '\u0000' }).split('\u0000');
    return [before, items.map((o, i) => [i ? ', ' : '', h('a', { href: o.url, text: o.title })]), after];
  }

  K.forms = { radios, field, links };
})(self.KMSAT);
