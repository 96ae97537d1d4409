/**
 * kmsat ui: building the page. Text goes in only as textContent or value,
 * never as HTML, so answers and imported files stay text.
 */
(function (K) {
  'use strict';
  let seq = 0;

  /** A page-unique id, for label, hint and legend wiring. */
  const uid = (prefix) => 'kmsat-' + prefix + '-' + (seq += 1);

  /** Append nodes, strings (as text) and arrays of them; null, false and undefined are skipped. */
  function append(el, children) {
    for (const child of [].concat(children === undefined ? [] : children)) {
      if (Array.isArray(child)) append(el, child);
      else if (child !== null && child !== false && child !== undefined) {
        el.append(typeof child === 'object' ? child : String(child));
      }
    }
    return el;
  }

  /** Replace an element's children. */
  const fill = (el, children) => { el.replaceChildren(); return append(el, children); };

  /** props: class, text, on ({event: handler}), value, checked, and attributes (true: present; false, null: absent). */
  function build(el, props, children) {
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') el.textContent = value;
      else if (name === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
      else if (name === 'value' || name === 'checked') el[name] = value;
      else el.setAttribute(name, value === true ? '' : value);
    }
    return append(el, children);
  }

  const h = (tag, props, children) => build(document.createElement(tag), props, children);
  const svg = (tag, props, children) => build(document.createElementNS('http://www.w3.org/2000/svg', tag), props, children);
  const button = (text, onClick, props) =>
    h('button', Object.assign({ type: 'button', class: 'kmsat-btn', on: { click: onClick } }, props), text);
  /** Words for screen readers only. */
  const hidden = (text) => h('span', { class: 'kmsat-sr', text });

  /**
   * A radio group as govuk-frontend builds one: fieldset, legend, hint linked
   * by aria-describedby, a label per radio. `clear` adds a button to unset
   * the choice, which a radio cannot do. `label` names the group more fully.
   * @param {{legend: *, label?: string, hint?: string, value: string, options: {value: string, label: *}[],
   *   onChange: function(string), inline?: boolean, clear?: string, class?: string}} o
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

  /**
   * Ask before what cannot be undone, in a modal <dialog> (focus stays in it,
   * Escape cancels). Cancel has focus, so a stray Enter loses nothing.
   * @returns {Promise<boolean>}
   */
  function confirm(text, yes, no) {
    return new Promise((resolve) => {
      const id = uid('confirm');
      const dialog = h('dialog', { class: 'kmsat-dialog', 'aria-labelledby': id }, [
        h('p', { id, text }),
        h('div', { class: 'kmsat-actions' }, [
          button(yes, () => dialog.close('yes'), { class: 'kmsat-btn kmsat-btn--primary' }),
          button(no, () => dialog.close('no'), { autofocus: true }),
        ]),
      ]);
      dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'yes'); });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  /** A sentence with links where its `{list}` goes, wherever a translation puts it. */
  function links(t, key, items) {
    const [before, after] = t(key, { list: '\u0000' }).split('\u0000');
    return [before, items.map((o, i) => [i ? ', ' : '', h('a', { href: o.url, text: o.title })]), after];
  }

  K.dom = { uid, h, svg, button, hidden, radios, field, confirm, links, append, fill };
  K.ui = K.ui || {};
})((self.KMSAT = self.KMSAT || {}));
