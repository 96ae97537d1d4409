'use strict';
// The Board paper's content (core/board-paper.js): what the printed report
// and the Word document both show, from one session.
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, loadNational, sessionWith, fullSession } = require('./helpers.js');

const boardPaper = core('board-paper');
const { normaliseSession } = core('normalise');
const data = loadData();
const NOW = new Date('2026-12-01T09:30:00Z');
const paper = boardPaper.build(data, fullSession(data), { now: NOW });
const section = (p, id) => p.sections.find((s) => s.id === id);
const blocks = (p, id, type) => section(p, id).blocks.filter((b) => b.type === type);

test('sections in Board-paper order, each with a heading', () => {
  assert.deepEqual(paper.sections.map((s) => s.id),
    ['purpose', 'details', 'results', 'focus', 'findOut', 'strengths', 'plan', 'criteria', 'checklist']);
  assert.deepEqual(paper.sections.map((s) => s.heading), ['Purpose', 'Session details', 'Results by element',
    'Where to focus', 'To find out', 'Strengths', 'Action plan', 'Ratings, priorities and notes', 'Board checklist']);
  assert.equal(paper.title, 'Small Test Edition: self-assessment report');
  assert.equal(paper.subtitle, 'Executive team, St Elsewhere NHS Trust, 26 November 2026');
  assert.equal(paper.language, 'en-GB');
});

test('purpose: the group\'s own words, or a sentence that says what the paper is for', () => {
  assert.deepEqual(section(paper, 'purpose').blocks, [{ type: 'paragraph', text: 'To set our priorities for 2027' }]);
  const blank = boardPaper.build(data, sessionWith(data, {}), { now: NOW });
  assert.match(section(blank, 'purpose').blocks[0].text, /^To report how the group rated itself with the Small Test Edition, /);
});

test('session details: every field in words, the date as people write it', () => {
  assert.deepEqual(blocks(paper, 'details', 'table')[0].rows, [
    ['Organisation', 'St Elsewhere NHS Trust'], ['Board, team or directorate', 'Executive team'],
    ['Date of the session', '26 November 2026'], ['Facilitator', 'Priya Shah'],
    ['Who took part', 'CEO; CFO; Chief Nurse'], ['Your name', ''], ['The group is answering on behalf of', 'The whole organisation'],
    ['Whose answers are these?', '']]);
});

test('results: the scores table and a chart on the 1 to 4 scale with a key for bar and range', () => {
  const [table] = blocks(paper, 'results', 'table');
  assert.deepEqual(table.head, ['Element', 'Average (1 to 4)', 'Answered', 'Range', "Don't know", 'Not applicable']);
  assert.deepEqual(table.rows, [['Leadership', '2.5', '3 of 3', '2 to 3', '1', '0'],
    ['Behaviours', '2.5', '3 of 3', '1 to 4', '0', '1']]);
  const [chart] = blocks(paper, 'results', 'chart');
  assert.equal(chart.max, 4);
  assert.deepEqual(chart.axis.map((a) => a.value), [1, 2, 3, 4]);
  assert.deepEqual(chart.groups.map((g) => [g.label, g.marks.map((m) => [m.mean, m.meanText, m.min, m.max])]),
    [['Leadership', [[2.5, '2.5', 2, 3]]], ['Behaviours', [[2.5, '2.5', 1, 4]]]]);
  assert.deepEqual(chart.key.map((k) => k.mark), ['bar', 'range']);
  assert.match(chart.key[0].text, /average rating, from 1 \(Not yet\) to 4 \(Embedded\)/);
  assert.match(chart.key[1].text, /range, from the lowest to the highest/);
});

test('an element with nothing scored says so, in the table and the chart', () => {
  const p = boardPaper.build(data, sessionWith(data, { reflection: { level: 'dont-know', priority: '', notes: '' } }), { now: NOW });
  assert.deepEqual(blocks(p, 'results', 'table')[0].rows[1], ['Behaviours', 'Not scored', '1 of 3', '', '1', '0']);
  assert.deepEqual(blocks(p, 'results', 'chart')[0].groups[1].marks[0], { label: '', mean: null, meanText: 'Not scored', min: null, max: null });
});

test('where to focus: criteria below Developing, most pressing first, with rating and priority', () => {
  assert.deepEqual(blocks(paper, 'focus', 'list')[0].items, [
    'Leadership: An accountable executive (2 Emerging, priority High)',
    'Behaviours: Learning before (1 Not yet, priority Low)']);
});

test('to find out: every Don\'t know criterion and checklist question by name, never a count', () => {
  assert.deepEqual(blocks(paper, 'findOut', 'list')[0].items, [
    "Leadership: Papers use evidence (Don't know)",
    'Board checklist: Do you know which know-how would be lost if key people left?']);
  const none = boardPaper.build(data, sessionWith(data, {}), { now: NOW });
  const [intro, sentence] = section(none, 'findOut').blocks;
  assert.equal(intro.role, 'intro');
  assert.equal(sentence.text, 'The group could answer every criterion and checklist question.');
  // Unanswered criteria are named too, under their own subheading.
  assert.equal(section(none, 'findOut').blocks[2].text, 'Not answered yet');
  assert.equal(section(none, 'findOut').blocks[3].items.length, 6);
  assert.equal(section(paper, 'findOut').blocks.length, 2, 'all answered: no Not answered list');
});

test('strengths: Developing and Embedded criteria', () => {
  assert.deepEqual(blocks(paper, 'strengths', 'list')[0].items, [
    'Leadership: Evidence in strategy and plans (3 Developing, priority Medium)',
    'Behaviours: Sharing across boundaries (4 Embedded)']);
});

test('every criterion with its agreed rating, priority and the group\'s notes, by element', () => {
  const sec = section(paper, 'criteria');
  assert.deepEqual(sec.blocks.filter((b) => b.type === 'subheading').map((b) => b.text), ['Leadership', 'Behaviours']);
  const tables = sec.blocks.filter((b) => b.type === 'table');
  assert.deepEqual(tables[0].head, ['Criterion', 'Agreed rating', 'Priority', 'Notes']);
  assert.deepEqual(tables[0].rows, [
    ['1.1 An accountable executive', '2 Emerging', 'High', 'The CEO holds it in name only.\nNo objectives yet.'],
    ['1.2 Evidence in strategy and plans', '3 Developing', 'Medium', 'In the 2026 plan, page 4'],
    ['1.3 Papers use evidence', "Don't know", '', 'Ask the Board secretary']]);
  assert.deepEqual(tables[1].rows.map((r) => r.slice(1)), [['1 Not yet', 'Low', '<b>Never</b> & rarely "before"'],
    ['Not applicable', '', 'Not our remit'], ['4 Embedded', '', '=1+1 shared widely']]);
});

test('action plan: every row and field, due dates as people write them, status in words', () => {
  const [table] = blocks(paper, 'plan', 'table');
  assert.deepEqual(table.head, ['#', 'Criterion'].concat(['action', 'owner', 'support', 'due', 'measure', 'status']
    .map((f) => data.strings['plan.column.' + f])));
  assert.deepEqual(table.rows[0], ['1', 'An accountable executive (candidate) (Emerging, High)', 'Action 1 for accountable-executive',
    'Owner 1', 'Library support 1', '15 January 2027', 'Measure 1', 'Not started']);
  assert.deepEqual(table.rows[3], ['4', 'Library induction for new directors (candidate)', 'Add to induction', 'Head of Library', '',
    'Spring 2027', 'Every new director', '']);
  assert.equal(table.widths.length, table.head.length);
  const empty = boardPaper.build(data, sessionWith(data, {}), { now: NOW });
  assert.deepEqual(section(empty, 'plan').blocks, [{ type: 'paragraph', text: 'No actions yet.' }]);
});

test('checklist: every question with its answer and note; unanswered ones say so', () => {
  assert.deepEqual(blocks(paper, 'checklist', 'table')[0].rows, [
    ['Is a named Board member accountable for knowledge?', 'No', 'Nobody named yet'],
    ['Do you know which know-how would be lost if key people left?', "Don't know", 'Not mapped']]);
  const blank = boardPaper.build(data, sessionWith(data, {}), { now: NOW });
  assert.equal(blocks(blank, 'checklist', 'table')[0].rows[0][1], 'Not answered');
});

test('provenance: edition, publisher, content version and date; the unofficial notice from strings', () => {
  assert.equal(paper.provenance, 'Made on 1 December 2026 with Small Test Edition, content version 1.0.0, '
    + 'published by Test publisher.');
  // The site's own notice (strings app.notice), the same words as the page and the other exports.
  assert.equal(paper.notice, data.strings['app.notice'].replace('{publisher}', 'Test publisher'));
  assert.match(paper.notice, /independent, unofficial/);
  assert.match(paper.notice, /own criteria/);
  assert.deepEqual(paper.meta, { title: paper.title, subject: 'St Elsewhere NHS Trust', creator: 'Test publisher' });
});

test("dates follow the edition's language", () => {
  const welsh = Object.assign({}, data, { edition: Object.assign({}, data.edition, { language: 'cy-GB' }) });
  const p = boardPaper.build(welsh, fullSession(data), { now: NOW });
  assert.match(p.subtitle, /26 Tachwedd 2026$/);
  assert.equal(blocks(p, 'plan', 'table')[0].rows[0][5], '15 Ionawr 2027');
});

test('each block has a type every renderer knows, and tables have a width per column', () => {
  const known = new Set(['paragraph', 'subheading', 'list', 'table', 'chart']);
  for (const s of paper.sections) {
    for (const b of s.blocks) {
      assert.ok(known.has(b.type), b.type);
      if (b.type === 'table') {
        assert.ok(b.rows.every((r) => r.length === b.head.length), s.id);
        assert.equal(b.widths.reduce((a, w) => a + w, 0), 100, s.id);
      }
    }
  }
});

test('extending the paper: a new section builder, no renderer change', () => {
  const parked = (ctx) => ({ id: 'parked', heading: ctx.t('present.parked'), blocks: [{ type: 'list', items: ['Parked item'] }] });
  const p = boardPaper.build(data, fullSession(data), { now: NOW, sections: boardPaper.SECTIONS.concat(parked) });
  assert.equal(p.sections.at(-1).id, 'parked');
  assert.ok(boardPaper.texts(p).includes('Parked item'));
});

test('texts: everything a rendering must show, in reading order', () => {
  const all = boardPaper.texts(paper);
  for (const expected of ['To set our priorities for 2027', 'No objectives yet.', '=1+1 shared widely', 'Add to induction',
    'Not mapped', paper.provenance, paper.notice, 'Behaviours: Sharing across boundaries (4 Embedded)']) {
    assert.ok(all.some((text) => text.includes(expected)), expected);
  }
  assert.equal(all[0], paper.title);
});

test('the worked example: every criterion, note, plan row and Don\'t know in the paper', () => {
  const national = loadNational();
  const { session } = normaliseSession(national.example, national, { newId: 'worked-example' });
  const p = boardPaper.build(national, session, { now: NOW });
  const all = boardPaper.texts(p).join('\n');
  for (const element of national.elements) {
    for (const c of element.criteria) {
      assert.ok(all.includes(c.title), c.title);
      const notes = (session.answers[c.id] || {}).notes;
      if (notes) assert.ok(all.includes(notes), notes);
    }
  }
  const dontKnow = national.elements.flatMap((e) => e.criteria.map((c) => [e, c]))
    .filter(([, c]) => (session.answers[c.id] || {}).level === 'dont-know');
  assert.ok(dontKnow.length > 0, 'the example has Don\'t know criteria');
  const findOut = blocks(p, 'findOut', 'list')[0].items;
  for (const [e, c] of dontKnow) assert.ok(findOut.some((line) => line.startsWith(`${e.title}: ${c.title} (Don't know`)), c.title);
  for (const row of session.plan.filter((r) => r.action)) assert.ok(all.includes(row.action), row.action);
  assert.match(p.subtitle, /Northbrook Valley NHS Trust, 14 October 2026$/);
  assert.match(section(p, 'purpose').blocks[0].text, /^To agree where the transformation team should start/);
});

test('the worked example\'s plan: its agreed actions first, then the drafted candidates, marked', () => {
  const national = loadNational();
  const { session } = normaliseSession(national.example, national, { newId: 'worked-example' });
  session.plan = core('plan').syncPlan(national, session);  // as the page does: a candidate per criterion below Embedded
  const rows = blocks(boardPaper.build(national, session, { now: NOW }), 'plan', 'table')[0].rows;
  const agreed = session.plan.filter((row) => row.agreed);
  assert.ok(agreed.length >= 3 && agreed.length <= 5, `${agreed.length} agreed`);
  const candidate = (cell) => cell.includes('(candidate)');
  assert.ok(rows.slice(0, agreed.length).every((r) => !candidate(r[1])), 'agreed actions come first, unmarked');
  assert.ok(rows.slice(agreed.length).every((r) => candidate(r[1])), 'the rest are marked as candidates');
  assert.ok(rows.length > agreed.length, 'candidates are kept for the next review');
  assert.deepEqual(rows.slice(0, agreed.length).map((r) => r[3]), agreed.map((row) => row.owner));
});
