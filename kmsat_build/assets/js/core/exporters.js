/**
 * kmsat core: exports. JSON (to import again), CSV (for a spreadsheet),
 * Markdown (the report), safe file names. Strings in, strings out.
 *
 * User text stays text. In CSV a formula start is neutralised wherever a
 * spreadsheet could see a cell begin (see csvCell). In Markdown every
 * character that could start a link, HTML, emphasis, code or a table break
 * is escaped.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    const paper = require('./board-paper.js');
    module.exports = factory(require('./model.js'), require('./strings.js'), require('./plan.js'), () => paper);
  } else {
    // The Board paper is a bundle of its own in the browser, loaded before the
    // Markdown report is asked for (ui/report.js), so it is looked up when used.
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.exporters = factory(k.model, k.strings, k.plan, () => k.boardPaper);
  }
})(typeof self !== 'undefined' ? self : this, function (model, strings, planning, boardPaperModule) {
  'use strict';

  const { FORMAT, VERSION, ROW_FIELDS, own, dataIndex, editionOf, answerFor } = model;
  const DETAILS = model.DETAIL_KEYS;
  const CSV_COLUMNS = ['section', 'element', 'id', 'item', 'answer', 'value', 'priority', 'notes']
    .concat(ROW_FIELDS, 'status', 'agreed');
  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

  /** 'not-started' -> 'notStarted': an id as a strings-key segment. */
  const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const labelOf = (map, id) => (map.get(id) || { label: '' }).label;

  const noticeOf = (data) => strings.t(data.strings, 'app.notice', { publisher: data.edition.publisher });

  /** The words for everything a session refers to by id. */
  function wording(data, session) {
    const index = dataIndex(data);
    const t = (key, params) => strings.t(data.strings, key, params);
    const details = session.details || {};
    return {
      t, index,
      detail: (f) => (own(model.DETAIL_CHOICES, f) && details[f] ? t('details.' + f + '.' + camel(details[f]))
        : details[f] || ''),
      status: (status) => (status ? t('plan.status.' + camel(status)) : ''),
      level: (id) => index.scale.levels.get(id) || index.scale.unscored.get(id) || null,
      checklist: (id) => own(session.checklist, id) || {},
      /** The plan for a reader: agreed actions first. */
      plan: () => planning.agreedFirst(planning.planView(data, session)),
      /** "Agreed" or "Candidate": the group chose the row, or the plan drafted it. */
      agreed: (view) => t(view.agreed ? 'plan.agreed.yes' : 'plan.agreed.candidate'),
    };
  }

  /**
   * The whole session as pretty JSON, stamped with what it was made for.
   * @param {Date} [now] export time (defaults to now)
   * @returns {string}
   */
  function toJSON(session, data, now) {
    const body = Object.assign({}, session);
    for (const key of ['format', 'version', 'notice', 'edition', 'exportedAt']) delete body[key];
    return JSON.stringify(Object.assign({ format: FORMAT, version: VERSION, notice: noticeOf(data),
      edition: editionOf(data), exportedAt: (now || new Date()).toISOString() }, body), null, 2) + '\n';
  }

  const AFTER_SEPARATOR = /([,;\t\r\n])(?=[=+\-@\t\r])/g;
  const FORMULA_START = /^[=+\-@\t\r]/;

  /**
   * A CSV cell, always quoted. A formula start (= + - @ tab CR) gets an
   * apostrophe (text, to a spreadsheet) at the start and after any separator
   * or line break: split on ; (much of Europe) or tabs, `Dr A;=1+1` is two
   * cells, the second a formula. (A space after the separator starts no
   * formula, so "1, -2" is left as typed.)
   */
  function csvCell(value) {
    if (value === null || value === undefined) return '""';
    let text = String(value);
    if (typeof value === 'string') {
      text = text.replace(AFTER_SEPARATOR, "$1'");
      if (FORMULA_START.test(text)) text = "'" + text;
    }
    return '"' + text.replace(/"/g, '""') + '"';
  }

  /** Rows of cells as a CSV file: UTF-8 BOM (so Excel reads accents), CRLF line ends. */
  function csvTable(rows) {
    return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /**
   * One table with a `section` column (notice, details, checklist, answer, plan):
   * it opens in Excel as one sheet that filters by section.
   * @returns {string}
   */
  function toCSV(data, session) {
    const w = wording(data, session);
    const { scale } = w.index;
    const rows = [CSV_COLUMNS.map((name) => w.t('csv.column.' + name))];
    const add = (section, cells) => rows.push(CSV_COLUMNS.map((name) =>
      (name === 'section' ? w.t('csv.section.' + section) : cells[name])));
    add('notice', { item: noticeOf(data) });
    for (const f of DETAILS) add('details', { id: f, item: w.t('details.' + f + '.label'), answer: w.detail(f) });
    for (const q of data.checklist) {
      const entry = w.checklist(q.id);
      add('checklist', { id: q.id, item: q.question, answer: labelOf(scale.checklistAnswers, entry.answer), notes: entry.note });
    }
    for (const element of data.elements) {
      for (const c of element.criteria) {
        const answer = answerFor(session, c.id) || {};
        const level = w.level(answer.level);
        add('answer', { element: element.title, id: c.id, item: c.title, answer: level && level.label,
          value: level && level.value, priority: labelOf(scale.priorities, answer.priority), notes: answer.notes });
      }
    }
    for (const v of w.plan()) {
      add('plan', Object.assign({}, v.row, { element: v.element && v.element.title, id: v.custom ? '' : v.row.criterion,
        item: v.title, answer: v.level && v.level.label, value: v.level && v.level.value,
        priority: v.priority && v.priority.label, status: w.status(v.row.status), agreed: w.agreed(v) }));
    }
    return csvTable(rows);
  }

  /**
   * Text that Markdown shows as written. & < > become entities (every
   * flavour reads those; Python-Markdown ignores `\<`), other markup
   * characters are backslash-escaped, and line breaks become <br>, which
   * keeps a table cell in one piece.
   * @param {*} value
   * @returns {string}
   */
  function escapeMarkdown(value) {
    return String(value === null || value === undefined ? '' : value)
      .replace(/[&<>]/g, (c) => ENTITIES[c])
      .replace(/[\\`*_[\]#|~]/g, '\\$&')
      .replace(/^[-+]|^(\d+)([.)])(?=\s|$)/, (mark, digits, dot) => (digits ? digits + '\\' + dot : '\\' + mark))
      .split(/\r\n|\r|\n/).join('<br>');
  }

  /** A Markdown table of plain text cells, escaped here. */
  function mdTable(header, rows) {
    const line = (cells) => '| ' + cells.map(escapeMarkdown).join(' | ') + ' |';
    return [line(header), '|' + ' --- |'.repeat(header.length)].concat(rows.map(line)).join('\n');
  }

  /** A block of the Board paper in Markdown; the chart's figures are in the table after it. */
  const MD_BLOCKS = {
    paragraph: (block) => escapeMarkdown(block.text),
    subheading: (block) => '### ' + escapeMarkdown(block.text),
    list: (block) => block.items.map((item) => '- ' + escapeMarkdown(item)).join('\n'),
    table: (block) => mdTable(block.head, block.rows),
    chart: () => '',
  };

  /**
   * The report: the Board paper (core/board-paper.js) in Markdown, the
   * same sections as the printed paper and the Word document.
   * @param {{now?: Date}} [options]
   * @returns {string}
   */
  function toMarkdown(data, session, options) {
    const boardPaper = boardPaperModule();
    if (!boardPaper) throw new Error('kmsat: the Board paper is not loaded');
    const paper = boardPaper.build(data, session, options);
    // The notice first, as in the other exports; the provenance line last.
    const parts = ['# ' + escapeMarkdown(paper.title), escapeMarkdown(paper.notice), escapeMarkdown(paper.subtitle)];
    for (const section of paper.sections) {
      parts.push('## ' + escapeMarkdown(section.heading), ...section.blocks.map((block) => MD_BLOCKS[block.type](block)));
    }
    parts.push('---', escapeMarkdown(paper.provenance));
    return parts.filter(Boolean).join('\n\n') + '\n';
  }

  /** Lowercase ASCII words joined by hyphens, at most 40 characters. */
  const slug = (value) => String(value || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');

  /** A file name safe on every system: kmsat-<organisation>-<team>-<date>[-agreed|-<person>].<ext> (ext e.g. 'csv'). */
  function fileName(session, ext) {
    const details = (session && session.details) || {};
    const date = /^\d{4}-\d{2}-\d{2}$/.test(details.date) ? details.date : '';
    // Whose answers, so a facilitator's folder tells the agreed file from each person's own.
    const whose = details.role === 'agreed' ? 'agreed'
      : details.role === 'individual' ? slug(details.rater) || 'individual' : '';
    const base = ['kmsat', slug(details.organisation), slug(details.team), date, whose].filter(Boolean).join('-');
    return base + '.' + (String(ext || '').toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt');
  }

  return { toJSON, toCSV, toMarkdown, fileName, escapeMarkdown, csvCell, csvTable, noticeOf };
});
