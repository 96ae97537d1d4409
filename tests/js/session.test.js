'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers } = require('./helpers.js');

const { ImportError, newSession, normaliseSession, migrate, checkImport, mergeCheck, markSaved } = core('session');
const { toJSON } = core('exporters');
const { format } = core('strings');
const data = loadData();
const NOW = new Date('2026-11-26T12:00:00Z');

/** A valid exported file's parsed content, with overrides. */
function exported(extra) {
  const session = sessionWith(data, answers({ 'accountable-executive': 'emerging/high', sharing: 'dont-know' }));
  return Object.assign(JSON.parse(toJSON(session, data, NOW)), extra);
}
const fileText = (extra) => JSON.stringify(exported(extra));
/** The words of each report line, as the UI will show them. */
const words = (report) => report.map((msg) => format(data.strings, msg));

/** Assert that importing `text` is refused with exactly `message`. */
function refused(text, key, message, options) {
  assert.throws(() => checkImport(text, data, options), (error) => {
    assert.ok(error instanceof ImportError);
    assert.equal(error.name, 'ImportError');
    assert.equal(error.key, key);
    assert.equal(error.message, message);
    return true;
  });
}

test('newSession: an empty session of this edition, dated today', () => {
  const session = newSession(data, NOW, 'abc123');
  assert.deepEqual(session, {
    format: 'kmsat-session', version: 1,
    edition: { id: 'small', contentVersion: '1.0.0', fingerprint: data.fingerprint },
    id: 'abc123', revision: 0, savedAt: '2026-11-26T12:00:00.000Z',
    details: { organisation: '', team: '', date: session.details.date, facilitator: '', participants: '', rater: '', purpose: '',
      capacity: '', role: '' },
    checklist: {}, answers: {}, plan: [], dismissed: [],
  });
  assert.match(session.details.date, /^2026-11-2[567]$/); // the local calendar date
});

test('an exported file imports back to the same session, with an empty report', () => {
  const original = sessionWith(data, answers({ 'accountable-executive': 'emerging/high' }), {
    details: { organisation: 'St Elsewhere', team: 'Board', date: '2026-11-26', facilitator: 'Ana',
      participants: 'Exec team', rater: '', purpose: "Set next year's priorities", capacity: 'organisation', role: 'agreed' },
    checklist: { 'know-how-at-risk': { answer: 'partly', note: 'Some' } },
    plan: [{ id: 'row-1', criterion: 'accountable-executive', title: '', action: 'Name one', owner: 'CEO',
      support: '', due: 'March', measure: '', status: 'in-progress', agreed: true }],
    dismissed: ['sharing'],
  });
  const { session, report } = checkImport('\uFEFF' + toJSON(original, data, NOW), data);
  assert.deepEqual(session, JSON.parse(JSON.stringify(original)));
  assert.deepEqual(report, []);
});

test('refused: too large', () => {
  refused(' '.repeat(2 * 1024 * 1024 + 1), 'import.refused.tooLarge',
    'The file is larger than the 2 MB this tool imports. Choose an answers file exported from this tool.');
  // Counted in UTF-8 bytes: 60,000 characters of 'é' are 120,000 bytes.
  refused('"' + 'é'.repeat(60000) + '"', 'import.refused.tooLarge',
    'The file is larger than the 0.1 MB this tool imports. Choose an answers file exported from this tool.',
    { maxBytes: 104858 });
  assert.doesNotThrow(() => checkImport(fileText(), data, { maxBytes: fileText().length }), 'exactly at the limit');
  assert.doesNotThrow(() => checkImport(fileText(), data, { maxBytes: 104858 }));
});

test('refused: not JSON, truncated JSON, or nothing at all', () => {
  const message = 'The file is not an answers file: it is not JSON, or it is incomplete. ' +
    'Choose the .json file exported from this tool.';
  refused('Organisation,Team\r\n', 'import.refused.notJson', message);
  const whole = fileText();
  refused(whole.slice(0, whole.length / 2), 'import.refused.notJson', message);
  refused('', 'import.refused.notJson', message);
  refused(undefined, 'import.refused.notJson', message);
});

test('refused: JSON that is not an object', () => {
  const message = 'The file does not contain a saved assessment. Choose the .json file exported from this tool.';
  for (const text of ['[]', '[{"format": "kmsat-session"}]', 'null', '42', '"kmsat-session"']) {
    refused(text, 'import.refused.notSession', message);
  }
});

test('refused: another format', () => {
  refused('{"format": "kmsat-questionnaire", "version": 1}', 'import.refused.wrongFormat',
    'The file is JSON, but not an answers file from this tool.');
  refused('{"answers": {}}', 'import.refused.wrongFormat', 'The file is JSON, but not an answers file from this tool.');
});

test('refused: a future or missing version', () => {
  refused(fileText({ version: 2 }), 'import.refused.futureVersion',
    'The file was made by a newer version of this tool (file version 2; this site reads up to version 1). ' +
    'Use the site it came from, or ask for this site to be updated.');
  for (const version of [undefined, '1', 0, 1.5]) {
    refused(fileText({ version }), 'import.refused.badVersion',
      'The file does not say which version of the tool made it, so it cannot be read safely.');
  }
});

test('refused: another edition, or none', () => {
  refused(fileText({ edition: { id: 'st-elsewhere', contentVersion: '1.0.0' } }), 'import.refused.otherEdition',
    'The file belongs to another edition of this tool (“st-elsewhere”), not this one (“small”). ' +
    'Import it into the site it came from.');
  refused(fileText({ edition: 'small' }), 'import.refused.noEdition',
    'The file does not say which edition of the tool it belongs to.');
});

test('__proto__, constructor and prototype keys are skipped and never reach Object.prototype', () => {
  const text = '{"format":"kmsat-session","version":1,"edition":{"id":"small"},' +
    '"__proto__":{"polluted":"top"},' +
    '"details":{"__proto__":{"polluted":"details"},"organisation":"Org"},' +
    '"answers":{"__proto__":{"level":"embedded","polluted":"answers"},' +
    '"constructor":{"level":"embedded"},"prototype":{"level":"embedded"},' +
    '"sharing":{"level":"emerging","__proto__":{"polluted":"answer"}}},' +
    '"checklist":{"__proto__":{"answer":"yes"}},' +
    '"plan":[{"__proto__":{"polluted":"row"},"criterion":"__proto__","action":"x"}]}';
  const { session, report } = checkImport(text, data);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  for (const map of [session, session.details, session.answers, session.checklist, session.answers.sharing, session.plan[0]]) {
    assert.equal(Object.getPrototypeOf(map), Object.prototype);
    assert.equal(Object.prototype.hasOwnProperty.call(map, '__proto__'), false);
  }
  assert.deepEqual(Object.keys(session.answers), ['sharing']);
  assert.deepEqual(session.answers.sharing, { level: 'emerging', priority: '', notes: '' });
  assert.deepEqual(session.checklist, {});
  assert.deepEqual(session.plan.map((row) => [row.criterion, row.title, row.action]), [[null, '__proto__', 'x']]);
  assert.deepEqual(words(report), [
    'Left out checklist answers for questions that are not in this edition (1): __proto__.',
    'Left out answers for criteria that are not in this edition (3): __proto__, constructor, prototype.',
    'Action plan rows for criteria that are not in this edition (1): rows with text were kept as your own actions, ' +
      'empty rows were removed. Criteria: __proto__.',
  ]);
});

test('unknown ids and values are skipped with a report; known ones kept', () => {
  const { session, report } = checkImport(fileText({
    answers: {
      'accountable-executive': { level: 'superb', priority: 'high', notes: 'keep me' },
      sharing: { level: 'emerging', priority: 'urgent' },
      'gone-criterion': { level: 'embedded' },
    },
    checklist: { 'board-accountability': { answer: 'maybe', note: 'n' }, 'old-question': { answer: 'yes' } },
    details: { capacity: 'planet' },
    plan: [{ criterion: 'sharing', status: 'finished' }],
  }), data);
  assert.deepEqual(session.answers, {
    'accountable-executive': { level: '', priority: 'high', notes: 'keep me' },
    sharing: { level: 'emerging', priority: '', notes: '' },
  });
  assert.deepEqual(session.checklist, { 'board-accountability': { answer: '', note: 'n' } });
  assert.equal(session.details.capacity, '');
  assert.deepEqual(session.plan.map((row) => [row.id, row.criterion, row.status]), [['row-1', 'sharing', '']]);
  // One line per kind of problem, in the order the session's fields are read.
  assert.deepEqual(words(report), [
    'Cleared choices that are not among the allowed options (4): ' +
      'The group is answering on behalf of, Board checklist: Is a named Board member accountable for knowledge?, Sharing across boundaries (Priority for improvement), Action plan row 1 (Status).',
    'Left out checklist answers for questions that are not in this edition (1): old-question.',
    'Cleared ratings that are not on this scale, keeping their priorities and notes (1): ' +
      'An accountable executive: superb.',
    'Left out answers for criteria that are not in this edition (1): gone-criterion.',
  ]);
  assert.deepEqual(report[0], { key: 'import.report.badValues', params: { count: 4,
    items: 'The group is answering on behalf of, Board checklist: Is a named Board member accountable for knowledge?, Sharing across boundaries (Priority for improvement), Action plan row 1 (Status)' } });
});

test('wrong types become empty values, with a report', () => {
  const { session, report } = checkImport(fileText({
    id: 42, revision: '7', savedAt: 'yesterday', details: 'Org',
    answers: { sharing: { level: 3, notes: ['a'] }, reflection: 'developing' },
    checklist: [], plan: { 0: {} }, dismissed: 'sharing',
  }), data, { newId: 'fresh' });
  assert.deepEqual([session.id, session.revision, session.savedAt], ['fresh', 0, '']);
  assert.deepEqual(session.details, { organisation: '', team: '', date: '', facilitator: '', participants: '', rater: '', purpose: '',
    capacity: '', role: '' });
  assert.deepEqual([session.answers, session.checklist, session.plan, session.dismissed], [{}, {}, [], []]);
  const lines = words(report);
  assert.deepEqual(lines, [
    'Left empty the fields that held the wrong kind of data (6): ' +
      'About this session, Board checklist, Sharing across boundaries (Notes and evidence), Reflection during and after, Action plan, Criteria removed from the action plan.',
    'Cleared ratings that are not on this scale, keeping their priorities and notes (1): Sharing across boundaries: 3.',
  ]);
});

test('over-long text is cut to 5,000 characters; over-long plans to 500 rows', () => {
  const long = 'x'.repeat(6000);
  const plan = Array.from({ length: 520 }, (_, i) => ({ criterion: null, title: 'Row ' + i }));
  plan[0].action = long;
  const { session, report } = checkImport(fileText({
    details: { organisation: long }, answers: { sharing: { level: 'emerging', notes: long } }, plan,
  }), data);
  assert.equal(session.details.organisation.length, 5000);
  assert.equal(session.answers.sharing.notes.length, 5000);
  assert.equal(session.plan.length, 500);
  assert.equal(session.plan[0].action.length, 5000);
  assert.deepEqual(words(report), [
    'Left out action plan rows beyond the 500 this tool keeps (rows left out: 20).',
    'Shortened texts longer than 5000 characters (3): Organisation, Sharing across boundaries (Notes and evidence), Action plan row 1 (Action).',
  ]);
});

test('a file from an older content version keeps every answer whose criterion still exists', () => {
  const { session, report } = checkImport(fileText({
    edition: { id: 'small', contentVersion: '0.9.0', fingerprint: 'ffffffffffffffff' },
    answers: { sharing: { level: 'embedded' }, 'old-criterion': { level: 'emerging' }, reflection: { level: 'dont-know' } },
    plan: [{ id: 'a', criterion: 'old-criterion', action: 'Keep this' }, { id: 'b', criterion: 'old-gone' }],
    dismissed: ['old-criterion', 'reflection'],
  }), data);
  assert.deepEqual(Object.keys(session.answers), ['sharing', 'reflection']);
  assert.deepEqual(session.edition, { id: 'small', contentVersion: '1.0.0', fingerprint: data.fingerprint });
  assert.deepEqual(session.plan.map((row) => [row.id, row.criterion, row.title, row.action]),
    [['a', null, 'old-criterion', 'Keep this']]);
  assert.deepEqual(session.dismissed, ['reflection']);
  assert.deepEqual(words(report), [
    'The file was made with version 0.9.0 of the questions; this site has version 1.0.0. ' +
      'Answers to criteria that still exist were kept.',
    'Left out answers for criteria that are not in this edition (1): old-criterion.',
    'Action plan rows for criteria that are not in this edition (2): rows with text were kept as your own actions, ' +
      'empty rows were removed. Criteria: old-criterion, old-gone.',
  ]);
});

test("an edition's long content version is named in full in the report", () => {
  const from = '1.0.0+northbrook-valley-nhs-foundation-trust-library.12';
  const { report } = checkImport(fileText({ edition: { id: data.edition.id, contentVersion: from } }), data);
  assert.ok(words(report)[0].includes(`version ${from} of the questions`), words(report)[0]);
});

test('the same content version with another fingerprint is reported too', () => {
  const { report } = checkImport(fileText({ edition: { id: 'small', contentVersion: '1.0.0', fingerprint: 'aaaa' } }), data);
  assert.deepEqual(words(report),
    ['The questions have changed since the file was made. Answers to criteria that still exist were kept.']);
});

test('duplicate plan rows and ids are repaired', () => {
  const { session, report } = migrate(exported({ plan: [
    { id: 'row-1', criterion: 'sharing' }, { id: 'row-1', criterion: 'sharing', owner: 'Me' },
    { id: 'row-1', criterion: 'sharing' }, { criterion: null, title: 'Mine' },
  ] }), data);
  assert.deepEqual(session.plan.map((row) => [row.id, row.criterion, row.title, row.owner]),
    [['row-1', 'sharing', '', ''], ['row-2', null, 'Sharing across boundaries', 'Me'], ['row-3', null, 'Mine', '']]);
  assert.deepEqual(words(report), ['Action plan rows that repeated a criterion (2): repeats with text were kept as ' +
    'your own actions, empty ones were removed. Criteria: sharing, sharing.']);
});

test('migrate: saved data goes through the same checks as a file', () => {
  assert.throws(() => migrate(exported({ format: 'other' }), data), ImportError);
  assert.deepEqual(migrate(exported(), data).session.answers.sharing, { level: 'dont-know', priority: '', notes: '' });
});

test('normaliseSession is idempotent and fills what the worked example leaves out', () => {
  const example = { details: { organisation: 'Example Trust' }, answers: { sharing: { level: 'developing' } },
    plan: [{ criterion: 'sharing', action: 'Share' }] };
  const first = normaliseSession(example, data, { newId: 'example' });
  assert.deepEqual([first.session.id, first.session.plan[0].id, first.report], ['example', 'row-1', []]);
  const second = normaliseSession(JSON.parse(JSON.stringify(first.session)), data);
  assert.deepEqual(second, first);
});

test('mergeCheck: newer by revision, then by save time; equal revisions saved apart conflict', () => {
  const a = { id: 's', revision: 3, savedAt: '2026-11-26T12:00:00.000Z' };
  assert.deepEqual(mergeCheck(a, Object.assign({}, a, { revision: 4 })), { sameSession: true, newer: 'incoming', conflict: false });
  assert.deepEqual(mergeCheck(Object.assign({}, a, { revision: 5 }), a), { sameSession: true, newer: 'local', conflict: false });
  assert.deepEqual(mergeCheck(a, Object.assign({}, a, { savedAt: '2026-11-26T12:00:01.000Z' })),
    { sameSession: true, newer: 'incoming', conflict: true });
  assert.deepEqual(mergeCheck(a, Object.assign({}, a)), { sameSession: true, newer: 'equal', conflict: false });
  assert.equal(mergeCheck(a, Object.assign({}, a, { id: 't' })).sameSession, false);
  assert.deepEqual(mergeCheck(null, a), { sameSession: false, newer: 'incoming', conflict: false });
});

test('markSaved: next revision and the save time, without touching the input', () => {
  const session = sessionWith(data, {});
  const saved = markSaved(session, new Date('2026-11-27T09:30:00Z'));
  assert.deepEqual([saved.revision, saved.savedAt, session.revision], [1, '2026-11-27T09:30:00.000Z', 0]);
});

test('isBlank: a new session is blank (its date aside); anything typed or chosen is not', () => {
  const { isBlank, newSession } = core('session');
  const fresh = newSession(data, NOW, 'b');
  assert.equal(isBlank(fresh), true);
  assert.equal(isBlank(Object.assign({}, fresh, { details: Object.assign({}, fresh.details, { team: 'Board' }) })), false);
  assert.equal(isBlank(Object.assign({}, fresh, { details: Object.assign({}, fresh.details, { capacity: 'team' }) })), false);
  assert.equal(isBlank(Object.assign({}, fresh, { answers: { sharing: { level: '', priority: '', notes: 'x' } } })), false);
  assert.equal(isBlank(Object.assign({}, fresh, { checklist: { q: { answer: 'yes', note: '' } } })), false);
});

