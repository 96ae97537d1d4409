/**
 * kmsat ui: "Save and share". Exports are Blobs behind a download link (which
 * works from file://); an import replaces the answers only once confirmed.
 */
(function (K) {
  'use strict';
  const { h, button, uid, newId } = K.dom;
  const TYPES = { json: 'application/json', csv: 'text/csv;charset=utf-8', md: 'text/markdown;charset=utf-8' };

  /** @param {'json'|'csv'|'md'} kind */
  async function download(ctx, kind) {
    const { data, session, t } = ctx;
    try {
      if (kind !== 'json') await ctx.need(K.ui.report.BUNDLE); // the answers file never waits for a load
      const text = kind === 'json' ? K.exporters.toJSON(session, data)
        : kind === 'csv' ? K.reports.toCSV(data, session) : K.reports.toMarkdown(data, session);
      const file = K.exporters.fileName(session, kind);
      K.dom.download(file, text, TYPES[kind]);
      ctx.say(t('export.done', { file }));
    } catch (error) {
      if (!(error instanceof Error && 'loadFailed' in error)) ctx.notice('export', t('export.failed'), null, 'alert');
    }
  }

  /**
   * Framed by another page, nothing replaces the answers: say so, with a
   * way to open the page on its own (a new tab, out of the frame).
   */
  function refuseFramed(ctx, focus) {
    const { t } = ctx;
    const alone = h('a', { class: 'kmsat-btn', href: location.href.split('#')[0], target: '_blank', rel: 'noopener',
      text: t('app.openAlone') });
    const box = ctx.notice('framed', t('app.framed'), [alone], 'alert');
    if (focus !== false) box.focus();
    return box;
  }

  /** May `session`'s answers be replaced? Asked unless nothing is there to lose; never inside a frame. */
  async function mayReplace(ctx, question) {
    if (ctx.framed) { refuseFramed(ctx); return false; }
    if (ctx.mode === 'own' && K.session.isBlank(ctx.session)) return true;
    return K.dom.confirm(question, ctx.t('import.replace'), ctx.t('import.cancel'));
  }

  /** Put an imported session on screen and say what was left out, with focus on the account. */
  function opened(ctx, result, text) {
    ctx.replace(result.session, 'own');
    const lines = result.report.map((m) => K.strings.format(ctx.data.strings, m));
    ctx.notice('import', text + (lines.length ? ' ' + ctx.t('import.report.heading') : ''), null, 'status', lines).focus();
  }

  /**
   * A session handed over (a share link, or compare and agree's consensus):
   * checked like a file, opened only if the user agrees.
   * @param {Object} session as exporters.toJSON writes it
   * @param {Object[]} report what the hand-over left out, said once the answers are open
   */
  async function receive(ctx, session, report, label) {
    const { t } = ctx;
    let result;
    try {
      result = K.session.migrate(session, ctx.data, { newId: newId() });
    } catch (error) {
      return ctx.notice('import', K.strings.join(t('import.refused.heading'), ': ', error instanceof Error ? error.message : String(error)), null, 'alert').focus();
    }
    if (await mayReplace(ctx, t('import.incoming.confirm', { label }))) {
      const all = [report || [], result.report].flat().filter((m) => m && typeof m.key === 'string');
      opened(ctx, Object.assign({}, result, { report: all }), t('import.incoming.done', { label }));
    }
  }

  /**
   * A hand-over from another page waits under `kmsat:<edition>:incoming`
   * and the page opens at #import-incoming: read it once, then `receive` it.
   */
  function incoming(ctx, key) {
    let record = null;
    try { record = JSON.parse(K.storage.take(key) || 'null'); } catch (error) { /* nothing handed over */ }
    history.replaceState(history.state, '', location.pathname + location.search);
    if (!record || record.format !== 'kmsat-incoming') return;
    receive(ctx, record.session, record.report, String(record.label || '').slice(0, 200));
  }

  /** A file's text as the compare page reads it: UTF-16 after a UTF-16 byte order mark, else UTF-8. */
  const readText = (file) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });

  /** The JSON export button, also offered wherever saving fails. */
  const saveButton = (ctx) => button(ctx.t('export.json'), () => download(ctx, 'json'));

  function importer(ctx) {
    const { t, data } = ctx;
    const id = uid('file');
    const hintId = uid('hint');
    const errors = h('div');
    const input = h('input', { type: 'file', id, accept: '.json,application/json', 'aria-describedby': hintId, class: 'kmsat-file' });

    /** govuk-frontend's error summary: it takes focus and links to the field. */
    const refuse = (message) => {
      const title = uid('error');
      const box = h('div', { class: 'kmsat-error', role: 'alert', tabindex: '-1', 'aria-labelledby': title }, [
        h('h3', { id: title, text: t('errors.summary.title') }),
        h('p', { text: t('import.refused.heading') }),
        h('ul', null, h('li', null, h('a', { href: '#' + id, text: message,
          on: { click: (e) => { e.preventDefault(); input.focus(); } } }))),
      ]);
      errors.replaceChildren(box);
      input.setAttribute('aria-invalid', 'true');
      box.focus();
    };

    async function run(file) {
      errors.replaceChildren();
      input.removeAttribute('aria-invalid');
      if (!file) return refuse(t('import.noFile'));
      const max = K.session.MAX_BYTES;
      // Refuse a big file before reading it; the core checks again, in bytes.
      if (file.size > max) {
        return refuse(t('import.refused.tooLarge', { max: max / 1048576 }));
      }
      let result;
      try {
        result = K.session.checkImport(await readText(file), data, { newId: newId() });
      } catch (error) {
        return refuse(error instanceof K.session.ImportError ? error.message : t('import.readFailed'));
      }
      if (!(await mayReplace(ctx, t('import.confirm', { file: file.name })))) return;
      input.value = '';
      opened(ctx, result, t('import.done', { file: file.name }));
    }

    const zone = h('div', { class: 'kmsat-drop', on: {
      dragover: (e) => { e.preventDefault(); zone.classList.add('kmsat-drop--over'); },
      dragleave: () => zone.classList.remove('kmsat-drop--over'),
      drop: (e) => {
        e.preventDefault();
        zone.classList.remove('kmsat-drop--over');
        run(e.dataTransfer.files[0]);
      },
    } }, [
      h('label', { for: id, text: t('import.file.label') }),
      h('p', { class: 'kmsat-hint', id: hintId, text: t('import.file.hint') }),
      input,
      button(t('import.button'), () => run(input.files?.[0])),
    ]);
    return [h('h3', { text: t('import.heading') }), h('p', { text: t('import.intro') }), errors, zone];
  }

  /** @param {Object} ctx the app's context (see app.js) @returns {Node[]} */
  function render(ctx) {
    const { t } = ctx;
    const own = ctx.mode === 'own';
    return [
      h('p', { text: t('export.intro') }),
      h('div', { class: 'kmsat-actions kmsat-actions--stack' }, [
        saveButton(ctx),
        button(t('export.csv'), () => download(ctx, 'csv')),
        button(t('export.markdown'), () => download(ctx, 'md')),
        button(t('export.print'), ctx.print),
        K.ui.paperActions.buttons(ctx),
      ]),
      // A person sends their own answers to the facilitator without a file.
      own && K.dom.later(ctx.need('share'), () => K.sharePanel.panel({ data: ctx.data, t, heading: t('share.own.heading'),
        intro: t('share.own.intro'), shareBase: location.href }, ctx.session)),
      // These replace the user's own answers: not offered over the example, nor inside a frame.
      own && !ctx.framed && importer(ctx),
      own && !ctx.framed && h('p', null, button(t('session.new'), ctx.startAgain)),
      ctx.framed && h('p', { class: 'kmsat-hint', text: t('app.framed') }),
      K.ui.example.controls(ctx),
    ];
  }

  K.ui.io = { render, download, saveButton, incoming, receive, refuseFramed };
})(self.KMSAT);
