/**
 * kmsat core: the reports a person reads. CSV (for a spreadsheet) and
 * Markdown (the Board paper, core/board-paper.js, as text). Strings in,
 * strings out. In the browser they come with the Board paper (the
 * assessment-reports bundle), on the first report asked for.
 *
 * User text stays text. CSV cells go through exporters.csvCell (formula
 * starts neutralised). In Markdown every character that could start a link,
 * HTML, emphasis, code or a table break is escaped.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'), require('./plan.js'),
      require('./exporters.js'), require('./board-paper.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.reports = factory(k.model, k.strings, k.plan, k.exporters, k.boardPaper);
  }
})(typeof self !== 'undefined' ? self : this, function (model, strings, planning, exporters, boardPaper) {
  'use strict';

  const { ROW_FIELDS, own, dataIndex, answerFor } = model;
  const { csvTable, noticeOf } = exporters;
  const DETAILS = model.DETAIL_KEYS;
  const CSV_COLUMNS = ['section', 'element', 'id', 'item', 'answer', 'value', 'priority', 'notes']
    .concat(ROW_FIELDS, 'status', 'agreed');
  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

  /** 'not-started' -> 'notStarted': an id as a strings-key segment. */
  const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const labelOf = (map, id) => (map.get(id) || { label: '' }).label;

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
    const paper = boardPaper.build(data, session, options);
    // The notice first, as in the other exports; the provenance line last.
    const parts = ['# ' + escapeMarkdown(paper.title), escapeMarkdown(paper.notice), escapeMarkdown(paper.subtitle)];
    for (const section of paper.sections) {
      parts.push('## ' + escapeMarkdown(section.heading), ...section.blocks.map((block) => MD_BLOCKS[block.type](block)));
    }
    parts.push('---', escapeMarkdown(paper.provenance));
    return parts.filter(Boolean).join('\n\n') + '\n';
  }

  return { toCSV, toMarkdown, escapeMarkdown };
});
