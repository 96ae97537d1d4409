'use strict';
// The compare page's printed Board paper (core/compare-paper.js), from the
// exported files the compare page's browser tests load.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { core, loadNational, loadDocx, unzip } = require('./helpers.js');

const compare = core('compare');
const { overTime } = core('over-time');
const consensus = core('consensus');
const comparePaper = core('compare-paper');
const boardPaper = core('board-paper');
const national = loadNational();
const NOW = new Date('2026-12-01T09:30:00Z');
const EXPORTS = path.join(__dirname, 'fixtures', 'exports');

/** The files of one set, read as the compare page reads them. */
function load(set) {
  return fs.readdirSync(path.join(EXPORTS, set)).sort().map((name) =>
    compare.readExport(fs.readFileSync(path.join(EXPORTS, set, name), 'utf8'), national));
}
const section = (paper, id) => paper.sections.find((s) => s.id === id);
const blocksOf = (paper, id, type) => section(paper, id).blocks.filter((b) => b.type === type);

/** No web instructions, no file names: a paper, not the page. */
function assertPaperOnly(paper) {
  const all = boardPaper.texts(paper).join('\n');
  assert.doesNotMatch(all, /\.json|Choose files|drag and drop|Download|scrolls sideways|Remove/);
  assert.ok(all.includes(paper.notice) && all.includes(paper.provenance));
}

test('side by side: organisation, teams and dates in the title; marks labelled with their team', () => {
  const entries = load('directorates');
  const view = compare.sideBySide(national, entries, compare.sharedCriteria(national, entries));
  const paper = comparePaper.sideBySide(national, view, entries, { now: NOW });
  assert.equal(paper.title, 'St Elsewhere NHS Foundation Trust: teams compared');
  assert.equal(paper.subtitle, 'Estates and Facilities (10 March 2026); Medicine (10 March 2026); Surgery (10 March 2026)');
  assert.deepEqual(paper.sections.map((s) => s.id), ['purpose', 'results', 'teach', 'criteria']);
  assert.match(section(paper, 'purpose').blocks[0].text, /^To compare how each team rated itself/);
  const [chart] = blocksOf(paper, 'results', 'chart');
  assert.deepEqual(chart.groups.map((g) => g.label), national.elements.map((e) => e.title));
  for (const group of chart.groups) assert.deepEqual(group.marks.map((m) => m.label), ['Estates and Facilities', 'Medicine', 'Surgery']);
  const [table] = blocksOf(paper, 'results', 'table');
  assert.deepEqual(table.head, ['Element', 'Estates and Facilities', 'Medicine', 'Surgery', 'Median of teams', 'Lowest']);
  assert.equal(table.rows.length, national.elements.length);
  const criteria = section(paper, 'criteria').blocks.filter((b) => b.type === 'table');
  assert.equal(criteria.flatMap((t) => t.rows).length, national.elements.flatMap((e) => e.criteria).length);
  for (const t of criteria) assert.ok(Math.abs(t.widths.reduce((a, b) => a + b, 0) - 100) < 1e-9);
  assertPaperOnly(paper);
});

test('side by side: who can teach whom names the teams', () => {
  const entries = load('directorates');
  const view = compare.sideBySide(national, entries, compare.sharedCriteria(national, entries));
  const paper = comparePaper.sideBySide(national, view, entries, { now: NOW });
  const teach = section(paper, 'teach').blocks;
  if (view.teach.length) {
    const x = view.teach[0];
    assert.equal(teach[1].items[0], `${x.element.title}: ${x.criterion.title}. ${x.teachers.map((t) => t.label).join(', ')} could help ${x.learners.map((t) => t.label).join(', ')}.`);
  } else {
    assert.match(teach[1].text, /^No criterion has one team at/);
  }
});

test('over time: the team and its dates; marks labelled by date; only plan rows that were set', () => {
  const entries = load('over-time');
  const view = overTime(national, entries, compare.sharedCriteria(national, entries));
  const paper = comparePaper.overTime(national, view, { now: NOW });
  assert.equal(paper.title, 'Pharmacy, St Elsewhere NHS Foundation Trust: progress over time');
  assert.equal(paper.subtitle, '15 September 2025; 14 September 2026');
  const [chart] = blocksOf(paper, 'results', 'chart');
  for (const group of chart.groups) assert.deepEqual(group.marks.map((m) => m.label), ['15 September 2025', '14 September 2026']);
  const plans = section(paper, 'plans').blocks;
  assert.equal(plans[0].text, 'The action plan of 15 September 2025');
  const earlier = JSON.parse(fs.readFileSync(path.join(EXPORTS, 'over-time', 'pharmacy-2025-09-15.json'), 'utf8'));
  const set = earlier.plan.filter((row) => row.action || row.status);
  assert.ok(set.length > 0 && set.length < earlier.plan.length, 'the fixture has set and blank rows');
  assert.equal(plans[1].rows.length, set.length);
  assert.deepEqual(plans[1].rows.map((r) => r[1]), set.map((row) => row.action));
  assert.deepEqual(plans[1].rows.map((r) => r[3]), ['Done', 'In progress', 'Not started']);
  assertPaperOnly(paper);
});

test('consensus: each criterion with the ratings given and the level agreed', () => {
  const entries = load('raters');
  const rows = consensus.spread(national, entries, compare.sharedCriteria(national, entries));
  const agreed = { [rows[0].id]: { level: 'developing', notes: 'Agreed after a long talk' } };
  const paper = comparePaper.consensus(national, rows, agreed, entries, { now: NOW });
  assert.match(paper.title, /: agreeing the ratings$/);
  assert.match(paper.subtitle, /answers from 4 people$/);
  const [table] = blocksOf(paper, 'consensus', 'table');
  assert.equal(table.rows.length, rows.length);
  assert.deepEqual(table.rows[0].slice(3), ['Developing', 'Agreed after a long talk']);
  assert.equal(table.rows[1][3], 'Not agreed yet');
  assert.match(table.rows[0][1], /\d/);
  assertPaperOnly(paper);
});

test("the sessions' own purpose leads the paper when they give one", () => {
  const entries = load('directorates').map((entry) => Object.assign({}, entry, { session: Object.assign({}, entry.session,
    { details: Object.assign({}, entry.session.details, { purpose: 'Decide where library support goes in 2027' }) }) }));
  const view = compare.sideBySide(national, entries, compare.sharedCriteria(national, entries));
  const paper = comparePaper.sideBySide(national, view, entries, { now: NOW });
  assert.deepEqual(section(paper, 'purpose').blocks, [{ type: 'paragraph', text: 'Decide where library support goes in 2027' }]);
});

test('a compare paper makes a Word document like any other paper', async () => {
  const lib = loadDocx();
  const entries = load('over-time');
  const view = overTime(national, entries, compare.sharedCriteria(national, entries));
  const paper = comparePaper.overTime(national, view, { now: NOW });
  const buffer = await lib.Packer.toBuffer(core('board-paper-docx').toDocument(paper, lib));
  const xml = unzip(buffer).get('word/document.xml').toString('utf8').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const text of ['progress over time', '15 September 2025', 'Name an executive le']) assert.ok(xml.includes(text), text);
});
