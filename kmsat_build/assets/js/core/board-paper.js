/**
 * kmsat core: the Board paper's content, the one source for the printed
 * report and the Word document. Questionnaire data and a session in; a
 * plain object of sections and typed blocks out, every text already in
 * the edition's words. Renderers only lay the blocks out, so what the
 * Board reads is the same on paper, as PDF and in Word.
 *
 * Blocks (each renderer handles exactly these):
 *   {type: 'paragraph', text, role?: 'intro'|'notice'}   text may hold line breaks
 *   {type: 'subheading', text}                            within a section
 *   {type: 'list', items: string[]}
 *   {type: 'table', caption, head: string[], rows: string[][], widths: number[]}  widths in %
 *   {type: 'chart', label, max, axis: [{value, label}], groups: [{label, marks: [{label, mean,
 *     meanText, min, max}]}], key: [{mark: 'bar'|'range', text}]}  a mark's label names its series
 *     (a team on the compare page; '' for one session)
 *
 * To add to the paper (a role, parked items, ...), add a builder to
 * SECTIONS or a block to an existing one: renderers need no change.
 */
// Types for the JSDoc checker, at the top level so other files can import them.
/**
 * @typedef {{type: string, [field: string]: any}} Block  one of the block types above
 * @typedef {{id: string, heading: string, blocks: Block[]}} Section
 * @typedef {{language: string, title: string, subtitle: string, sections: Section[],
 *   provenance: string, notice: string, pageNumbers: string,
 *   meta: {title: string, subject: string, creator: string}}} BoardPaper  pageNumbers: "Page {page} of {pages}"
 * @typedef {{data: Object, session: Object, t: Function, language: string, now: Date,
 *   date: Function, index: Object, scores: Object[], results: Object[]}} PaperContext
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'), require('./scoring.js'),
      require('./plan.js'), require('./dates.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.boardPaper = factory(k.model, k.strings, k.scoring, k.plan, k.dates);
  }
})(typeof self !== 'undefined' ? self : this, function (model, strings, scoring, planning, dates) {
  'use strict';

  const { ROW_FIELDS, DONT_KNOW, own, dataIndex, answerFor } = model;

  const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const text = (value) => (typeof value === 'string' ? value : '');
  const labelOf = (map, id) => (map.get(id) || { label: '' }).label;
  /** @returns {Block} */
  const paragraph = (value, role) => (role ? { type: 'paragraph', text: value, role } : { type: 'paragraph', text: value });
  /** @returns {Block} */
  const table = (caption, head, rows, widths) => ({ type: 'table', caption, head, rows, widths });

  /** "2 Emerging", "Don't know", "Not answered": a criterion's rating in words. */
  function ratingText(ctx, levelId) {
    const { levels, unscored } = ctx.index.scale;
    if (levels.has(levelId)) {
      const level = levels.get(levelId);
      return ctx.t('paper.rating', { value: level.value, label: level.label });
    }
    return unscored.has(levelId) ? unscored.get(levelId).label : ctx.t('results.notAnswered');
  }

  /** "Leadership: An accountable executive (2 Emerging, priority High)". */
  function criterionLine(ctx, result) {
    const priority = labelOf(ctx.index.scale.priorities, result.priority);
    return ctx.t(priority ? 'paper.criterionPriority' : 'paper.criterion', { element: result.element.title,
      criterion: result.criterion.title, rating: ratingText(ctx, result.levelId), priority });
  }

  /** Priority, then rating, then framework order: the plan's own ranking. */
  function byUrgency(ctx, list) {
    const { priorityRank } = ctx.index.scale;
    const rank = (r) => (priorityRank.has(r.priority) ? priorityRank.get(r.priority) : priorityRank.size);
    const order = (r) => ctx.index.criteria.get(r.criterion.id).order;
    return list.slice().sort((a, b) => rank(a) - rank(b) || a.level.value - b.level.value || order(a) - order(b));
  }

  /** A section with an intro, a list, and a sentence when the list is empty. */
  function listSection(id, heading, intro, items, none) {
    /** @type {Block[]} */
    const blocks = intro ? [paragraph(intro, 'intro')] : [];
    blocks.push(items.length ? { type: 'list', items } : paragraph(none));
    return { id, heading, blocks };
  }

  // Section builders, in paper order. Each takes the context and returns a section or null.

  function details(ctx) {
    const d = ctx.session.details || {};
    const value = (field) => {
      if (model.DETAIL_CHOICES[field]) return d[field] ? ctx.t('details.' + field + '.' + camel(d[field])) : '';
      return field === 'date' ? ctx.date(d.date) : text(d[field]);
    };
    // The purpose opens the paper in a section of its own.
    const fields = model.DETAIL_KEYS.filter((f) => f !== 'purpose');
    return { id: 'details', heading: ctx.t('report.details'), blocks: [table(ctx.t('report.details'),
      [ctx.t('report.column.field'), ctx.t('report.column.value')],
      fields.map((f) => [ctx.t('details.' + f + '.label'), value(f)]), [35, 65])] };
  }

  function purpose(ctx) {
    const given = text((ctx.session.details || {}).purpose).trim();
    return { id: 'purpose', heading: ctx.t('paper.purpose'),
      blocks: [paragraph(given || ctx.t('paper.purpose.default', { edition: ctx.data.edition.title }))] };
  }

  /**
   * A chart block on the rating scale's axis, with the key for bars and
   * ranges. `groups`: [{label, marks: [{label, mean, meanText, min, max}]}].
   * @returns {Block}
   */
  function chartBlock(w, label, groups) {
    const levels = w.data.scale.levels;
    const low = levels.reduce((a, b) => (b.value < a.value ? b : a));
    const high = levels.reduce((a, b) => (b.value > a.value ? b : a));
    return {
      type: 'chart', label, max: high.value, groups,
      axis: levels.map((level) => ({ value: level.value, label: level.label })),
      key: [
        { mark: 'bar', text: w.t('paper.chart.key.bar', { min: low.value, minLabel: low.label, max: high.value, maxLabel: high.label }) },
        { mark: 'range', text: w.t('paper.chart.key.range') },
      ],
    };
  }

  function chart(ctx) {
    return chartBlock(ctx, ctx.t('results.chart.label'), ctx.scores.map((s, i) => ({ label: ctx.data.elements[i].title,
      marks: [{ label: '', mean: s.mean, meanText: s.mean === null ? ctx.t('results.notScored') : s.mean.toFixed(1),
        min: s.min, max: s.max }] })));
  }

  function results(ctx) {
    const col = (key) => ctx.t('report.column.' + key);
    const labels = model.labelParams(ctx.data);
    const rows = ctx.scores.map((s, i) => [ctx.data.elements[i].title,
      s.mean === null ? ctx.t('results.notScored') : s.mean.toFixed(1),
      ctx.t('results.answered', { answered: s.answered, total: s.total }),
      s.min === null ? '' : s.min === s.max ? String(s.min) : ctx.t('results.spread', { min: s.min, max: s.max }),
      String(s.dontKnow), String(s.notApplicable)]);
    return { id: 'results', heading: ctx.t('report.results'), blocks: [
      paragraph(ctx.t('results.intro', labels), 'intro'),
      chart(ctx),
      table(ctx.t('results.table.caption'), ['element', 'mean', 'answered', 'spread'].map(col).concat(labels.dontKnow, labels.notApplicable),
        rows, [30, 16, 14, 14, 13, 13]),
    ] };
  }

  function focus(ctx) {
    const below = byUrgency(ctx, ctx.results.filter((r) => r.level && r.level.value < model.STRENGTH_MIN_VALUE));
    const labels = model.labelParams(ctx.data);
    return listSection('focus', ctx.t('results.gaps.heading'), ctx.t('results.gaps.intro', labels),
      below.map((r) => criterionLine(ctx, r)), ctx.t('results.gaps.none', labels));
  }

  /** Every "Don't know", by name: criteria, then checklist questions. Not answered ones after. */
  function findOut(ctx) {
    const dontKnow = ctx.results.filter((r) => r.levelId === DONT_KNOW).map((r) => criterionLine(ctx, r));
    const checklist = ctx.data.checklist.filter((q) => own(own(ctx.session.checklist, q.id), 'answer') === DONT_KNOW)
      .map((q) => ctx.t('paper.findOut.checklist', { question: q.question }));
    const unanswered = ctx.results.filter((r) => !r.level && !ctx.index.scale.unscored.has(r.levelId));
    const section = listSection('findOut', ctx.t('results.dontKnow.heading'), ctx.t('results.dontKnow.intro'),
      dontKnow.concat(checklist), ctx.t('paper.findOut.none'));
    if (unanswered.length) {
      section.blocks.push({ type: 'subheading', text: ctx.t('results.unanswered.heading') },
        { type: 'list', items: unanswered.map((r) => criterionLine(ctx, r)) });
    }
    return section;
  }

  function strengths(ctx) {
    const labels = model.labelParams(ctx.data);
    return listSection('strengths', ctx.t('report.strengths'), ctx.t('results.strengths.intro', labels),
      scoring.strengths(ctx.data, ctx.session).map((r) => criterionLine(ctx, r)), ctx.t('results.strengths.none', labels));
  }

  /** Per element: each criterion's agreed rating, priority and the group's notes. */
  function criteria(ctx) {
    // The group's agreed rating, or one person's own (role individual).
    const rating = (ctx.session.details || {}).role === 'individual' ? 'report.column.rating' : 'paper.column.rating';
    const head = [ctx.t('report.column.criterion'), ctx.t(rating), ctx.t('report.column.priority'),
      ctx.t('report.column.notes')];
    /** @type {Block[]} */
    const blocks = [paragraph(ctx.t('paper.criteria.intro'), 'intro')];
    ctx.data.elements.forEach((element, e) => {
      blocks.push({ type: 'subheading', text: element.title }, table(element.title, head,
        element.criteria.map((c, i) => {
          const answer = answerFor(ctx.session, c.id) || {};
          return [ctx.t('paper.criterionNumber', { number: (e + 1) + '.' + (i + 1), title: c.title }),
            ratingText(ctx, text(answer.level)), labelOf(ctx.index.scale.priorities, answer.priority), text(answer.notes)];
        }), [30, 16, 12, 42]));
    });
    return { id: 'criteria', heading: ctx.t('paper.criteria'), blocks };
  }

  function plan(ctx) {
    // Agreed actions first; drafted candidates are marked as such.
    const views = planning.agreedFirst(planning.planView(ctx.data, ctx.session));
    const head = [ctx.t('report.column.number'), ctx.t('report.column.criterion')]
      .concat(ROW_FIELDS.concat('status').map((f) => ctx.t('plan.column.' + f)));
    const rows = views.map((v, i) => {
      const title = planning.readerTitle(v, ctx.t('plan.custom.untitled'), (name) => ctx.t('plan.candidateTitle', { title: name }));
      const about = v.level ? ' (' + [v.level.label, v.priority && v.priority.label].filter(Boolean).join(', ') + ')' : '';
      return [String(i + 1), strings.join(title, v.stale ? ' ' : '', v.stale ? ctx.t('plan.staleTag') : '', about)].concat(ROW_FIELDS.map((f) => (f === 'due' ? ctx.date(v.row.due) : text(v.row[f]))),
        v.row.status ? ctx.t('plan.status.' + camel(v.row.status)) : '');
    });
    // Owner and date columns wide enough for a job title's longest word ("Transformation")
    // and a month ("December") at the paper's 8.5 pt: words break only when nothing else fits.
    return { id: 'plan', heading: ctx.t('report.plan'), blocks: [rows.length
      ? table(ctx.t('report.plan'), head, rows, [4, 18, 19, 14, 13, 11, 12, 9]) : paragraph(ctx.t('report.noActions'))] };
  }

  function checklist(ctx) {
    const answers = ctx.index.scale.checklistAnswers;
    return { id: 'checklist', heading: ctx.t('report.checklist'), blocks: [table(ctx.t('report.checklist'),
      ['question', 'answer', 'notes'].map((key) => ctx.t('report.column.' + key)),
      ctx.data.checklist.map((q) => {
        const entry = own(ctx.session.checklist, q.id) || {};
        return [q.question, labelOf(answers, entry.answer) || ctx.t('results.notAnswered'), text(entry.note)];
      }), [50, 15, 35])] };
  }

  /** The paper's sections in order; extend by adding a builder. */
  const SECTIONS = [purpose, details, results, focus, findOut, strengths, plan, criteria, checklist];

  /** Words and dates in the edition's language, for any paper (the compare page's too). */
  function words(data, options) {
    const language = data.edition.language || 'en';
    return { data, language, now: (options && options.now) || new Date(),
      t: (key, params) => strings.t(data.strings, key, params),
      date: (value) => dates.formatDate(value, language) };
  }

  /** The context every builder reads: computed once per paper. @returns {PaperContext} */
  function context(data, session, options) {
    return Object.assign(words(data, options), { session, index: dataIndex(data),
      scores: scoring.scoreAll(data, session), results: scoring.results(data, session) });
  }

  /**
   * A whole paper around its sections: provenance, notice and document properties.
   * @param {{title: string, subtitle: string, subject: string, sections: Section[]}} parts
   * @returns {BoardPaper}
   */
  function frame(data, parts, options) {
    const w = words(data, options);
    const edition = data.edition;
    return {
      language: w.language, title: parts.title, subtitle: parts.subtitle, sections: parts.sections.filter(Boolean),
      provenance: w.t('paper.provenance', { edition: edition.title, publisher: edition.publisher,
        version: edition.contentVersion, date: w.date(w.now) }),
      notice: w.t('app.notice', { publisher: edition.publisher, edition: edition.title }),
      pageNumbers: w.t('paper.pageNumbers'),
      meta: { title: parts.title, subject: parts.subject, creator: edition.publisher },
    };
  }

  /**
   * The Board paper for one session.
   * @param {import('./model.js').Questionnaire} data
   * @param {Object} session a normalised session
   * @param {{now?: Date, sections?: Function[]}} [options] now: when the paper is made (provenance)
   * @returns {BoardPaper}
   */
  function build(data, session, options) {
    const ctx = context(data, session, options);
    const d = session.details || {};
    return frame(data, {
      title: ctx.t('report.title', { edition: data.edition.title }),
      subtitle: [text(d.team), text(d.organisation), ctx.date(d.date)].filter((s) => s.trim()).join(', '),
      subject: text(d.organisation),
      sections: ((options && options.sections) || SECTIONS).map((section) => section(ctx)),
    }, options);
  }

  /** Every text in a paper, in reading order: what tests look for in a rendering. */
  function texts(paper) {
    const out = [paper.title, paper.subtitle];
    for (const section of paper.sections) {
      out.push(section.heading);
      for (const block of section.blocks) {
        if (block.type === 'paragraph' || block.type === 'subheading') out.push(block.text);
        else if (block.type === 'list') out.push(...block.items);
        else if (block.type === 'table') out.push(...block.head, ...[].concat(...block.rows));
        else if (block.type === 'chart') out.push(...block.key.map((k) => k.text));
      }
    }
    return out.concat(paper.provenance, paper.notice).filter((s) => s !== '');
  }

  return { build, frame, words, texts, SECTIONS, ratingText, paragraph, table, listSection, chartBlock };
});
