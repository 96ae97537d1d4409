/**
 * kmsat core: exports. JSON (to import again), CSV (for a spreadsheet),
 * Markdown (the report), safe file names. Strings in, strings out.
 *
 * User text stays text. In CSV a cell starting with = + - @ (or tab, CR)
 * would run as a formula, so it gets a leading quote. In Markdown every
 * character that could start a link, HTML, emphasis, code or a table break
 * is escaped.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'), require('./scoring.js'),
      require('./plan.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.exporters = factory(k.model, k.strings, k.scoring, k.plan);
  }
})(typeof self !== 'undefined' ? self : this, function (model, strings, scoring, planning) {
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

  /** A CSV cell: formulas neutralised, then RFC 4180 quoting when needed. */
  function csvCell(value) {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? "'" + value : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /**
   * One table with a `section` column (notice, details, checklist, answer, plan):
   * it opens in Excel as one sheet that filters by section. UTF-8 with a
   * BOM (so Excel reads accents), CRLF line ends.
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
    return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
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

  /**
   * The report: details, results per element, strengths, ratings, action
   * plan, Board checklist.
   * @param {import('./scoring.js').ElementScore[]} [scores] from scoreAll (computed when absent)
   * @returns {string}
   */
  function toMarkdown(data, session, scores) {
    const w = wording(data, session);
    const { t } = w;
    const { scale } = w.index;
    const heads = (keys) => keys.map((key) => t('report.column.' + key));
    const section = (key, body) => '## ' + escapeMarkdown(t('report.' + key)) + '\n\n' + body;
    const titles = new Map(data.elements.map((e) => [e.id, e.title]));
    const strong = scoring.strengths(data, session);
    const ratings = [];
    for (const element of data.elements) {
      for (const c of element.criteria) {
        const answer = answerFor(session, c.id) || {};
        const level = w.level(answer.level);
        ratings.push([element.title, c.title, level ? level.label : t('results.notAnswered'),
          labelOf(scale.priorities, answer.priority), answer.notes]);
      }
    }
    const plan = w.plan().map((v, i) => [i + 1, v.title + (v.stale ? ' ' + t('plan.staleTag') : ''),
      v.level && v.level.label, v.priority && v.priority.label].concat(ROW_FIELDS.map((f) => v.row[f]), w.status(v.row.status),
      w.agreed(v)));
    return ['# ' + escapeMarkdown(t('report.title', { edition: data.edition.title })),
      escapeMarkdown(noticeOf(data)),
      section('details', mdTable(heads(['field', 'value']), DETAILS.map((f) => [t('details.' + f + '.label'), w.detail(f)]))),
      section('results', mdTable(heads(['element', 'mean', 'answered', 'spread', 'dontKnow', 'notApplicable']),
        (scores || scoring.scoreAll(data, session)).map((s) => [titles.get(s.id) || s.id,
          s.mean === null ? t('results.notScored') : s.mean.toFixed(1),
          t('results.answered', { answered: s.answered, total: s.total }),
          s.min === null ? '' : s.min === s.max ? s.min : t('results.spread', { min: s.min, max: s.max }),
          s.dontKnow, s.notApplicable]))),
      section('strengths', strong.length ? strong.map((s) => '- ' + escapeMarkdown(t('report.strength',
        { element: s.element.title, criterion: s.criterion.title, level: s.level.label }))).join('\n')
        : escapeMarkdown(t('report.none'))),
      section('ratings', mdTable(heads(['element', 'criterion', 'rating', 'priority', 'notes']), ratings)),
      section('plan', plan.length ? mdTable(heads(['number', 'criterion', 'rating', 'priority'])
        .concat(ROW_FIELDS.concat('status', 'agreed').map((f) => t('plan.column.' + f))), plan) : escapeMarkdown(t('report.noActions'))),
      section('checklist', mdTable(heads(['question', 'answer', 'notes']), data.checklist.map((q) =>
        [q.question, labelOf(scale.checklistAnswers, w.checklist(q.id).answer), w.checklist(q.id).note]))),
    ].join('\n\n') + '\n';
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

  return { toJSON, toCSV, toMarkdown, fileName, escapeMarkdown, csvCell, noticeOf };
});
