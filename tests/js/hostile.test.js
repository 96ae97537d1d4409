// The hostile and broken corpus (tests/fixtures/hostile, made by make_hostile.py)
// through the core, as the pages use it: every file and link is refused with
// its message or imported into a clean session, and nothing reaches a prototype.
// The browser tests (tests/browser/test_hostile_inputs.py) run the same corpus
// through the pages; these run it through the pure functions in a second.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, core, loadData, parseCSV } = require('./helpers.js');

const { checkImport, ImportError, TEXT_MAX, PLAN_MAX } = core('session');
const { decodeShare } = core('share');
const { readExport } = core('compare');
const { toJSON } = core('exporters');
const { toCSV, toMarkdown } = core('reports');
const { syncPlan } = core('plan');
const { dataIndex, DETAIL_FIELDS, DETAIL_KEYS, ROW_FIELDS, STATUSES, CAPACITIES, ROLES } = core('model');

const HOSTILE = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const cases = JSON.parse(fs.readFileSync(path.join(HOSTILE, 'cases.json'), 'utf8'));
// The corpus is written for the national edition: the fixture questionnaire
// stands in for it under its id. It has other criteria, so "imported" here
// means imported clean; which report lines appear is checked in the browser,
// against the national edition.
// The corpus is written for the national edition (make_hostile.py): same id and content version.
const NATIONAL_VERSION = /^content_version: (\S+)$/m
  .exec(fs.readFileSync(path.join(ROOT, 'framework', 'edition.yml'), 'utf8'))[1];
const data = loadData({ editionId: 'national', contentVersion: NATIONAL_VERSION });
const index = dataIndex(data);
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const pristine = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join());

/** A file's bytes as the pages read them (FileReader.readAsText: a UTF-16 BOM wins, else UTF-8). */
function decode(bytes) {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le'
    : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

const read = (name) => decode(fs.readFileSync(path.join(HOSTILE, 'files', name)));

function assertRefused(fn, key, label) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof ImportError, label + ': ' + error);
    assert.equal(error.key, key, label);
    assert.equal(typeof error.message, 'string');
    assert.notEqual(error.message, key, label + ': a message for ' + key + ' in strings.yml');
    return true;
  });
}

/** Only known keys and ids, texts of the right type and length: what the UI may trust. */
function assertClean(session, label) {
  const keys = (o) => Object.keys(o).sort();
  const text = (v, where) => {
    assert.equal(typeof v, 'string', label + ' ' + where);
    assert.ok(v.length <= TEXT_MAX, label + ' ' + where + ' length');
  };
  for (const o of [session, session.details, session.answers, session.checklist]) {
    assert.equal(Object.getPrototypeOf(o), Object.prototype, label);
  }
  assert.deepEqual(keys(session), ['answers', 'checklist', 'details', 'dismissed', 'edition', 'format', 'id',
    'plan', 'revision', 'savedAt', 'version'], label);
  assert.match(session.id, /^[A-Za-z0-9_-]{1,64}$/, label + ' id');
  assert.deepEqual(keys(session.details), DETAIL_KEYS.slice().sort(), label);
  for (const f of DETAIL_FIELDS) text(session.details[f], 'details.' + f);
  assert.ok(['', ...CAPACITIES].includes(session.details.capacity), label + ' capacity');
  assert.ok(['', ...ROLES].includes(session.details.role), label + ' role');
  for (const [id, answer] of Object.entries(session.answers)) {
    assert.ok(index.criteria.has(id), label + ' answer id ' + id);
    assert.deepEqual(keys(answer), ['level', 'notes', 'priority'], label);
    assert.ok(answer.level === '' || index.scale.levels.has(answer.level) || index.scale.unscored.has(answer.level));
    assert.ok(answer.priority === '' || index.scale.priorities.has(answer.priority));
    text(answer.notes, 'notes');
  }
  for (const [id, entry] of Object.entries(session.checklist)) {
    assert.ok(index.checklist.has(id), label + ' checklist id ' + id);
    assert.deepEqual(keys(entry), ['answer', 'note'], label);
    assert.ok(entry.answer === '' || index.scale.checklistAnswers.has(entry.answer));
    text(entry.note, 'checklist note');
  }
  assert.ok(Array.isArray(session.plan) && session.plan.length <= PLAN_MAX, label + ' plan');
  const ids = new Set();
  for (const row of session.plan) {
    assert.match(row.id, /^[A-Za-z0-9_-]{1,64}$/, label + ' row id');
    assert.ok(!ids.has(row.id), label + ' row ids are unique');
    ids.add(row.id);
    assert.ok(row.criterion === null || index.criteria.has(row.criterion), label + ' row criterion');
    for (const f of ['title'].concat(ROW_FIELDS)) text(row[f], 'plan.' + f);
    assert.ok(row.status === '' || STATUSES.includes(row.status), label + ' status');
  }
  assert.ok(session.dismissed.every((id) => index.criteria.has(id)), label + ' dismissed');
}

/** Imported once, a session imports again unchanged and with nothing to report. */
function assertStable(session, label) {
  const again = checkImport(toJSON(session, data), data);
  assert.deepEqual(again.report, [], label + ': a second import reports nothing');
  assert.deepEqual(again.session, JSON.parse(JSON.stringify(session)), label + ': and changes nothing');
}

/** Exports of an untrusted session: no formula in the CSV, no markup in the Markdown. */
function assertExportsInert(session, label) {
  const synced = Object.assign({}, session, { plan: syncPlan(data, session) });
  for (const row of parseCSV(toCSV(data, synced).replace(/^\uFEFF/, ''))) {
    for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, label + ': CSV cell ' + cell.slice(0, 40));
  }
  const markdown = toMarkdown(data, synced);
  assert.doesNotMatch(markdown, /<(script|img|svg|a |iframe|textarea)|\]\(javascript:/i, label + ': Markdown');
}

test('the corpus is large enough to mean something', () => {
  assert.ok(cases.files.length >= 30, 'files');
  assert.ok(cases.links.length >= 20, 'links');
  assert.ok(cases.files.some((c) => c.expect === 'refused') && cases.files.some((c) => c.expect === 'imported'));
});

for (const c of cases.files) {
  test(`file ${c.file}: ${c.expect} (${c.about})`, () => {
    const text = read(c.file);
    const options = { newId: 'imported-id' };
    if (c.expect === 'refused') {
      assertRefused(() => checkImport(text, data, options), c.key, c.file);
    } else {
      const { session } = checkImport(text, data, options);
      assertClean(session, c.file);
      assertStable(session, c.file);
      assertExportsInert(session, c.file);
    }
    const onCompare = c.compare || c;
    if (onCompare.expect === 'refused') {
      assertRefused(() => readExport(text, data, options), onCompare.key, c.file + ' (compare)');
    } else {
      assertClean(readExport(text, data, options).session, c.file + ' (compare)');
    }
  });
}

for (const c of cases.links) {
  test(`share link ${c.name}: ${c.expect} (${c.about})`, () => {
    const url = 'https://example.org/assessment.html#share=' + c.value;
    if (c.expect === 'refused') {
      assertRefused(() => decodeShare(url, data, { newId: 'from-link' }), c.key, c.name);
    } else {
      const { session } = decodeShare(url, data, { newId: 'from-link' });
      assertClean(session, c.name);
      assertStable(session, c.name);
      assertExportsInert(session, c.name);
    }
  });
}

test('an over-long link is refused by its length before anything is decoded', () => {
  assertRefused(() => decodeShare('#share=1.' + 'A'.repeat(16001) + '.00000000', data), 'share.refused.tooLong', 'oversize');
});

/** How many UTF-16 units `fn` reads from strings (charCodeAt calls): the work a size check does. */
function unitsRead(fn) {
  const charCodeAt = String.prototype.charCodeAt;
  let reads = 0;
  String.prototype.charCodeAt = function (i) { reads += 1; return charCodeAt.call(this, i); };
  try {
    fn();
  } finally {
    String.prototype.charCodeAt = charCodeAt;
  }
  return reads;
}

test('50 MB is refused by its length at once: never parsed, never measured byte by byte', () => {
  const big = '{"format": "kmsat-session", "padding": "' + 'x'.repeat(50 * 1024 * 1024) + '"}';
  const parse = JSON.parse;
  let parsed = 0;
  JSON.parse = (...args) => { parsed += 1; return parse(...args); };
  try {
    const reads = unitsRead(() => {
      assertRefused(() => checkImport(big, data), 'import.refused.tooLarge', '50 MB');
      assertRefused(() => readExport(big, data), 'import.refused.tooLarge', '50 MB (compare)');
    });
    assert.equal(reads, 0, 'longer than the limit in UTF-16 units: refused without reading it');
  } finally {
    JSON.parse = parse;
  }
  assert.equal(parsed, 0);
});

test('a file over the limit only in UTF-8 is measured up to the limit, not to its end', () => {
  const maxBytes = 1024 * 1024;
  const wide = '"' + 'é'.repeat(1000 * 1000) + '"'; // under the limit in UTF-16 units, 2 MB in UTF-8
  const reads = unitsRead(() => assertRefused(() => checkImport(wide, data, { maxBytes }), 'import.refused.tooLarge', 'é'));
  // Two bytes a unit: past the limit after half of it, and not one unit more.
  assert.equal(reads, maxBytes / 2 + 1);
});

test('100,000 levels of nesting: refused, or its deep values left out, never a stack overflow', () => {
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  assertRefused(() => checkImport('['.repeat(100000), data), 'import.refused.notJson', 'unclosed');
  assertRefused(() => checkImport(deep, data), 'import.refused.notSession', 'deep array');
  const head = '{"format": "kmsat-session", "version": 1, "edition": {"id": "national"}, ';
  for (const body of [
    '"answers": {"accountable-executive": {"level": ' + deep + '}}}',
    '"plan": [{"criterion": ' + deep + ', "action": "kept"}]}',
    '"details": {"team": ' + deep + '}}',
    '"checklist": {"board-accountability": {"note": ' + deep + '}}}',
  ]) {
    const { session, report } = checkImport(head + body, data, { newId: 'deep' });
    assertClean(session, body.slice(0, 20));
    assert.equal(report.length, 1, body.slice(0, 20));
    assert.ok(readExport(head + body, data).session);
  }
});

test('objects whose toString is not a function are reported, not thrown on', () => {
  // String(value) calls the value's own toString key: {"toString": 0} throws a TypeError.
  const head = '{"format": "kmsat-session", "version": 1, "edition": {"id": "national"}, ';
  const trap = '{"toString": 0, "valueOf": null}';
  const { session, report } = checkImport(head + '"answers": {"accountable-executive": {"level": ' + trap +
    ', "notes": "kept"}}, "plan": [{"criterion": ' + trap + ', "action": "kept"}]}', data);
  assert.deepEqual(report.map((m) => m.key), ['import.report.unknownLevels', 'import.report.unknownPlanCriteria']);
  assert.equal(session.answers['accountable-executive'].notes, 'kept');
  assert.equal(session.plan[0].action, 'kept');
  assert.equal(typeof session.plan[0].title, 'string');
  assert.doesNotThrow(() => decodeShare('#share=' + shareValue({ v: 1, e: 'national', a: { 'accountable-executive': [JSON.parse(trap)] } }), data));
});

/** A link value for a payload (what the compare page would make), checksum correct. */
function shareValue(payload) {
  const { toBase64url, fnv1a } = core('share');
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return '1.' + toBase64url(bytes) + '.' + fnv1a(bytes);
}

test('after the whole corpus, no prototype has gained a property', () => {
  assert.equal(({}).polluted, undefined);
  assert.equal(({}).level, undefined);
  assert.equal([].polluted, undefined);
  assert.deepEqual(PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join()), pristine);
});
