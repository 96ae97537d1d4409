'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { CORE, core, loadData, loadStrings, sessionWith, answers, parseCSV } = require('./helpers.js');

const compare = core('compare');
const { overTime } = core('over-time');
const consensus = core('consensus');
const compareCsv = core('compare-csv');
const { toJSON } = core('exporters');
const { ImportError } = core('session');
const { syncPlan } = core('plan');
const { format } = core('strings');
const data = loadData();
const NOW = new Date('2026-11-26T12:00:00Z');
const LEVELS = ['not-yet', 'emerging', 'developing', 'embedded'];

/**
 * An exported file's text. `levels` is six ratings in framework order
 * (accountable-executive, strategy-and-plans, papers-use-evidence |
 * learning-before, reflection, sharing): 1-4, 'dk', 'na' or '-' (none).
 */
function file(team, date, levels, extra) {
  const ids = data.elements.flatMap((e) => e.criteria.map((c) => c.id));
  const spec = {};
  [...levels].forEach((c, i) => {
    if (c !== '-') spec[ids[i]] = c === 'k' ? 'dont-know' : c === 'n' ? 'not-applicable' : LEVELS[Number(c) - 1];
  });
  const session = sessionWith(data, answers(spec), Object.assign({
    id: 's-' + team.replace(/\W/g, '') + '-' + date + '-' + levels,
    details: { organisation: 'St Elsewhere', team, date, facilitator: '', participants: '', capacity: 'directorate' },
  }, extra || {}));
  return toJSON(Object.assign({}, session, { plan: syncPlan(data, session) }), data, NOW);
}
const entry = (...args) => compare.readExport(file(...args), data);
const words = (messages) => messages.map((m) => format(data.strings, m));

test('median: middle value, mean of the middle two, null for none', () => {
  assert.equal(compare.median([3, 1, 2]), 2);
  assert.equal(compare.median([4, 1, 2, 3]), 2.5);
  assert.equal(compare.median([1, 2, 2, 4]), 2);
  assert.equal(compare.median([]), null);
});

test('teams group by organisation and team, ignoring case, accents, spacing and punctuation', () => {
  const key = (organisation, team) => compare.teamKey({ details: { organisation, team } });
  assert.equal(key('St. Elsewhere NHS', '  Médicine '), key('st elsewhere nhs', 'MEDICINE'));
  assert.equal(key('', "Women's and Children's"), key('', 'Women’s and Children’s'));
  assert.equal(key('', "Women's and Children's"), key('', 'womens and childrens'));
  assert.notEqual(key('St Elsewhere', 'Medicine'), key('St Elsewhere', 'Surgery'));
  assert.notEqual(key('St Elsewhere', 'Medicine'), key('Elsewhere General', 'Medicine'));
  const teams = compare.groupTeams([entry('Medicine', '2026-01-01', '111111'), entry('Surgery', '2026-01-01', '111111'),
    entry('medicine', '2026-01-01', '222222')]);
  assert.deepEqual(teams.map((t) => [t.team, t.entries.length]), [['Medicine', 2], ['Surgery', 1]]);
});

test('dates: ISO dates oldest first, other text after them, no date last', () => {
  const order = compare.byDate(['2026-03-01', '', 'last spring', '2025-03-01', '2026-03-01']
    .map((date, i) => entry('Medicine', date, '11111' + (i + 1 > 4 ? 4 : i + 1))));
  assert.deepEqual(order.map((d) => [d.date, d.entries.length]),
    [['2025-03-01', 1], ['2026-03-01', 2], ['last spring', 1], ['', 1]]);
});

test('side by side: element means, median and lowest per element and criterion', () => {
  const entries = [
    entry('Medicine', '2026-03-01', '412k34'), // leadership (4+1+2)/3 = 2.33; behaviours (3+4)/2 = 3.5
    entry('Surgery', '2026-03-01', '443111'), // 3.67; 1
    entry('Estates', '2026-03-01', '1--n--'), // 1; not scored
  ];
  const view = compare.sideBySide(data, entries, compare.sharedCriteria(data, entries));
  assert.deepEqual(view.teams.map((t) => t.label), ['Medicine', 'Surgery', 'Estates']);
  assert.deepEqual(view.teams.map((t) => [...t.means.values()]), [[2.33, 3.5], [3.67, 1], [1, null]]);
  assert.deepEqual(view.elementRollUp.get('leadership'), { median: 2.33, lowest: 1, count: 3 });
  assert.deepEqual(view.elementRollUp.get('behaviours'), { median: 2.25, lowest: 1, count: 2 });
  assert.deepEqual(view.criterionRollUp.get('accountable-executive'), { median: 4, lowest: 1, count: 3 });
  assert.deepEqual(view.criterionRollUp.get('learning-before'), { median: 1, lowest: 1, count: 1 });
  assert.equal(view.teams[0].values.get('learning-before').levelId, 'dont-know');
});

test('who can teach whom: a team at the top level where another is at the bottom', () => {
  const entries = [entry('Medicine', '2026-03-01', '412k34'), entry('Surgery', '2026-03-01', '443111'),
    entry('Estates', '2026-03-01', '1--n--')];
  const view = compare.sideBySide(data, entries, compare.sharedCriteria(data, entries));
  assert.deepEqual(view.teach.map((r) => [r.criterion.id, r.teachers.map((t) => t.label), r.learners.map((t) => t.label)]), [
    ['accountable-executive', ['Medicine', 'Surgery'], ['Estates']],
    ['strategy-and-plans', ['Surgery'], ['Medicine']],
    ['sharing', ['Medicine'], ['Surgery']],
  ]);
});

test('side by side uses each team latest date; several files on it give the median', () => {
  const entries = [entry('Medicine', '2025-03-01', '111111'), entry('Medicine', '2026-03-01', '241111'),
    entry('Medicine', '2026-03-01', '421111'), entry('Surgery', '2026-03-01', '333333')];
  const view = compare.sideBySide(data, entries, compare.sharedCriteria(data, entries));
  const medicine = view.teams[0];
  assert.deepEqual([medicine.date, medicine.files, medicine.dates], ['2026-03-01', 2, 2]);
  assert.deepEqual(medicine.values.get('accountable-executive'), { value: 3, levelId: '' });
  assert.deepEqual(medicine.values.get('papers-use-evidence'), { value: 1, levelId: 'not-yet' });
});

/** One person's own answers (role individual) or the group's agreed ones, for `team` on `date`. */
const own = (team, date, levels, name) => entry(team, date, levels, { details: { organisation: 'St Elsewhere', team,
  date, facilitator: '', participants: '', rater: name, capacity: 'directorate', role: 'individual' } });
const agreedFile = (team, date, levels) => entry(team, date, levels, { details: { organisation: 'St Elsewhere', team,
  date, facilitator: '', participants: 'Ann; Bob; Cat', rater: '', capacity: 'directorate', role: 'agreed' } });

test('a rater round: three people weeks apart, one with the team typed another way, are one round', () => {
  // Ann 2026-04-01, Bob 2026-04-22 (three weeks on, " finance  TEAM"), Cat 2026-05-13 (six weeks after Ann).
  const raters = [own('Finance Team', '2026-04-01', '1111--', 'Ann'), own(' finance  TEAM', '2026-04-22', '3311--', 'Bob'),
    own('FinanceTeam', '2026-05-13', '4411--', 'Cat')];
  const teams = compare.groupTeams(raters);
  assert.deepEqual(teams.map((t) => [t.team, t.entries.length]), [['Finance Team', 3]]);
  const rounds = compare.rounds(teams[0].entries);
  assert.deepEqual(rounds.map((r) => [r.from, r.to, r.date, r.raters.length, r.agreed.length]),
    [['2026-04-01', '2026-05-13', '2026-05-13', 3, 0]]);
  assert.equal(compare.suggestMode(raters), 'consensus');
  assert.deepEqual(raters.map(compare.raterName), ['Ann', 'Bob', 'Cat']);
  // Never progress over time: one round, the median of the three (1 3 4 -> 3; 1 3 4 -> 3; 1 1 1 -> 1).
  const time = overTime(data, raters, compare.sharedCriteria(data, raters));
  assert.deepEqual(time.snapshots.map((s) => [s.date, s.files, s.agreed]), [['2026-05-13', 3, false]]);
  assert.deepEqual(time.elementRows[0].means, [2.33]); // (3 + 3 + 1) / 3
  // Side by side: not agreed yet, said so.
  const side = compare.sideBySide(data, raters, compare.sharedCriteria(data, raters)).teams[0];
  assert.deepEqual([side.individual, side.files, side.leftOut, side.raters], [true, 3, 0, ['Ann', 'Bob', 'Cat']]);
});

test('the agreed answers close their round: side by side uses them over the raters and says how many were left out', () => {
  const round = [own('Finance', '2026-04-01', '1111--', 'Ann'), own('Finance', '2026-04-22', '3311--', 'Bob'),
    own('Finance', '2026-05-13', '4411--', 'Cat'), agreedFile('Finance', '2026-05-20', '2222--')];
  const rounds = compare.rounds(compare.groupTeams(round)[0].entries);
  assert.deepEqual(rounds.map((r) => [r.date, r.raters.length, r.agreed.length]), [['2026-05-20', 3, 1]]);
  const team = compare.sideBySide(data, round, compare.sharedCriteria(data, round)).teams[0];
  assert.deepEqual([team.agreed, team.files, team.leftOut, team.date], [true, 1, 3, '2026-05-20']);
  assert.deepEqual(team.means.get('leadership'), 2); // the agreed 2 2 2, not the raters' median 2.33
  assert.equal(compare.suggestMode(round), 'consensus'); // the raters are still there to discuss
  // A year on, a new round: two rounds over time, the agreed answers of each.
  const later = round.concat(own('Finance', '2027-05-01', '4444--', 'Ann'), agreedFile('Finance', '2027-05-10', '3333--'));
  const time = overTime(data, later, compare.sharedCriteria(data, later));
  assert.deepEqual(time.snapshots.map((s) => [s.date, s.files, s.agreed]), [['2026-05-20', 1, true], ['2027-05-10', 1, true]]);
  assert.deepEqual(time.elementRows[0].means, [2, 3]);
  assert.equal(time.elementRows[0].change, 1);
});

test('files that do not say whose answers they are group as before: raters when they share a date', () => {
  const unsaid = [entry('Pharmacy', '2025-09-15', '111111'), entry('Pharmacy', '2026-09-14', '333333'),
    entry('Pharmacy', '2026-09-14', '222222')];
  const rounds = compare.rounds(unsaid);
  assert.deepEqual(rounds.map((r) => [r.date, r.raters.length, r.agreed.length]), [['2025-09-15', 1, 0], ['2026-09-14', 2, 0]]);
  assert.equal(compare.suggestMode(unsaid), 'consensus');
  assert.equal(compare.suggestMode(unsaid.slice(0, 2)), 'time');
});

test('team labels name the organisation only when files come from more than one', () => {
  const one = compare.groupTeams([entry('Medicine', '', '1'), entry('', '', '1')]);
  assert.deepEqual(compare.teamLabels(data, one), ['Medicine', 'Team not named']);
  const two = compare.groupTeams([entry('Medicine', '', '1'),
    compare.readExport(file('Medicine', '', '1', { details: { organisation: 'Elsewhere General', team: 'Medicine' } }), data)]);
  assert.deepEqual(compare.teamLabels(data, two), ['St Elsewhere: Medicine', 'Elsewhere General: Medicine']);
});

test('spread: counts per level, median and range; widest disagreement first', () => {
  const raters = [entry('Medicine', '2026-03-01', '1122k-'), entry('Medicine', '2026-03-01', '4122k-'),
    entry('Medicine', '2026-03-01', '4132n-'), entry('Medicine', '2026-03-01', '1422k-')];
  const rows = consensus.spread(data, raters, compare.sharedCriteria(data, raters));
  assert.deepEqual(rows.map((r) => [r.id, r.range, r.median]), [
    ['accountable-executive', 3, 2.5], // 1 4 4 1: range 3, variance 2.25
    ['strategy-and-plans', 3, 1], // 1 1 1 4: range 3, variance 1.69
    ['papers-use-evidence', 1, 2], // 2 2 3 2
    ['reflection', 0, null], // three Don't know, one Not applicable: two answers, no values
    ['learning-before', 0, 2], // all Emerging
    ['sharing', 0, null], // nobody answered
  ]);
  assert.deepEqual(rows[0].counts, { 'not-yet': 2, emerging: 0, developing: 0, embedded: 2, 'dont-know': 0,
    'not-applicable': 0, '': 0 });
  assert.deepEqual(rows[3].counts['dont-know'], 3);
  assert.deepEqual(rows.map((r) => r.unanimous), ['', '', '', '', 'emerging', '']);
});

test('consensus: the agreed levels and notes become a new session with its action plan', () => {
  const raters = [
    entry('Medicine', '2026-03-01', '1122--', { details: { organisation: 'St Elsewhere', team: 'Medicine',
      date: '2026-03-01', facilitator: 'Ana', participants: 'Bo', purpose: 'Agree priorities', capacity: 'directorate' },
    checklist: { 'board-accountability': { answer: 'no', note: 'x' }, 'know-how-at-risk': { answer: 'yes', note: '' } } }),
    entry('Medicine', '2026-03-01', '4122--', { details: { organisation: 'St Elsewhere', team: 'Medicine',
      date: '2026-03-01', facilitator: '', participants: 'Cy', purpose: 'Agree priorities', capacity: 'directorate' },
    checklist: { 'board-accountability': { answer: 'no', note: '' }, 'know-how-at-risk': { answer: 'partly', note: '' } },
    answers: answers({ 'accountable-executive': 'embedded/low', 'strategy-and-plans': 'not-yet/high' }) }),
  ];
  const session = consensus.consensusSession(data, raters, {
    'accountable-executive': { level: 'developing', notes: 'Agreed after discussion' },
    'strategy-and-plans': { level: 'not-yet', notes: '' },
    sharing: { level: 'embedded', notes: '' },
  }, { newId: 'consensus-1', now: NOW });
  assert.equal(session.id, 'consensus-1');
  // Marked as the group's agreed answers; the raters by the names they gave.
  assert.deepEqual(session.details, { organisation: 'St Elsewhere', team: 'Medicine', date: '2026-03-01',
    facilitator: 'Ana', participants: 'Bo; Cy', rater: '', purpose: 'Agree priorities', capacity: 'directorate', role: 'agreed' });
  assert.deepEqual(session.answers, {
    'accountable-executive': { level: 'developing', priority: 'low', notes: 'Agreed after discussion' },
    'strategy-and-plans': { level: 'not-yet', priority: 'high', notes: '' },
    sharing: { level: 'embedded', priority: '', notes: '' },
  });
  assert.deepEqual(session.checklist, { 'board-accountability': { answer: 'no', note: '' } });
  assert.deepEqual(session.plan.map((row) => row.criterion), ['strategy-and-plans', 'accountable-executive']);
  assert.deepEqual(session.edition, { id: 'small', contentVersion: '1.0.0', fingerprint: data.fingerprint });
  // It exports and imports like any other session.
  assert.deepEqual(core('session').checkImport(toJSON(session, data, NOW), data).report, []);
});

test('over time: change per element and criterion, earlier plan rows with status and movement', () => {
  const before = JSON.parse(file('Medicine', '2025-03-01', '1123k-')); // plan: the four below Embedded
  before.plan[0].status = 'done';
  before.plan[0].action = 'Name an executive';
  const entries = [entry('Medicine', '2026-03-01', '3324-4'), compare.readExport(JSON.stringify(before), data)];
  const view = overTime(data, entries, compare.sharedCriteria(data, entries));
  assert.deepEqual(view.snapshots.map((s) => s.date), ['2025-03-01', '2026-03-01']);
  assert.deepEqual(view.elementRows.map((r) => [r.element.id, r.means, r.change]),
    [['leadership', [1.33, 2.67], 1.34], ['behaviours', [3, 4], 1]]);
  assert.deepEqual(view.criterionRows.map((r) => r.change), [2, 2, 0, 1, null, null]);
  assert.deepEqual(view.plans.length, 1);
  assert.deepEqual(view.plans[0].rows.map((r) => [r.view.row.criterion, r.view.row.status, r.then.value, r.now.value,
    r.change]), [['accountable-executive', 'done', 1, 3, 2], ['strategy-and-plans', '', 1, 3, 2],
    ['papers-use-evidence', '', 2, 2, 0], ['learning-before', '', 3, 4, 1]]);
  assert.equal(view.plans[0].rows[0].view.row.action, 'Name an executive');
});

test('suggestMode: several teams side by side, one team at several dates over time, its raters consensus', () => {
  assert.equal(compare.suggestMode([entry('A', '2026-01-01', '1'), entry('B', '2026-01-01', '1')]), 'side');
  assert.equal(compare.suggestMode([entry('A', '2025-01-01', '1'), entry('A', '2026-01-01', '1')]), 'time');
  assert.equal(compare.suggestMode([entry('A', '2026-01-01', '1'), entry('A', '2026-01-01', '2')]), 'consensus');
  assert.equal(compare.suggestMode([entry('A', '2026-01-01', '1')]), 'side');
});

test('a file of another content version is compared on the criteria it answers, with a warning', () => {
  const old = JSON.parse(file('Surgery', '2026-03-01', '4-4-44'));
  old.edition = { id: 'small', contentVersion: '0.9.0', fingerprint: 'ffffffffffffffff' };
  old.answers['retired-criterion'] = { level: 'embedded' };
  const read = compare.readExport(JSON.stringify(old), data);
  assert.deepEqual(read.criteria, ['accountable-executive', 'papers-use-evidence', 'reflection', 'sharing']);
  assert.deepEqual(read.edition, { id: 'small', contentVersion: '0.9.0', fingerprint: 'ffffffffffffffff' });
  const entries = [entry('Medicine', '2026-03-01', '111111'), read];
  const shared = compare.sharedCriteria(data, entries);
  assert.deepEqual(shared, read.criteria);
  assert.deepEqual(words(compare.editionWarnings(data, entries, shared)), [
    'Files from edition “small”, version 0.9.0 (1); this site is “small”, version 1.0.0.',
    'Compared on 4 of 6 criteria, those every file shares. Left out: Evidence in strategy and plans; Learning before.',
  ]);
  assert.deepEqual(compare.sideBySide(data, entries, shared).elements.map((e) => e.criteria.length), [2, 2]);
});

test('a reworded version with the same questions is compared on everything, with a warning', () => {
  const reworded = JSON.parse(file('Surgery', '2026-03-01', '4'));
  reworded.edition.contentVersion = '1.0.1';
  const read = compare.readExport(JSON.stringify(reworded), data);
  assert.equal(read.criteria, null);
  assert.deepEqual(words(compare.editionWarnings(data, [read], compare.sharedCriteria(data, [read]))),
    ['Files from edition “small”, version 1.0.1 (1); this site is “small”, version 1.0.0.']);
});

test('another edition: accepted when it shares criteria (warning), refused when it shares none', () => {
  const trust = JSON.parse(file('Surgery', '2026-03-01', '44----'));
  trust.edition = { id: 'st-elsewhere', contentVersion: '2.0.0', fingerprint: 'abcdabcdabcdabcd' };
  trust.answers['local-criterion'] = { level: 'embedded' };
  const read = compare.readExport(JSON.stringify(trust), data);
  assert.deepEqual(read.criteria, ['accountable-executive', 'strategy-and-plans']);
  assert.deepEqual(Object.keys(read.session.answers), ['accountable-executive', 'strategy-and-plans']);
  assert.deepEqual(words(read.report), ['Left out answers for criteria that are not in this edition (1): local-criterion.']);
  assert.match(words(compare.editionWarnings(data, [read], read.criteria))[0], /^Files from edition “st-elsewhere”, version 2\.0\.0/);
  trust.answers = { 'local-criterion': { level: 'embedded' } };
  assert.throws(() => compare.readExport(JSON.stringify(trust), data), (error) => {
    assert.ok(error instanceof ImportError);
    assert.equal(error.key, 'compare.refused.nothingShared');
    assert.equal(error.message, 'The file belongs to another edition of this tool (“st-elsewhere”) and answers none ' +
      "of this edition's criteria, so there is nothing to compare.");
    return true;
  });
});

test('a file that is not an export is refused as an import would be', () => {
  for (const [text, key] of [['Organisation,Team\r\n', 'import.refused.notJson'], ['{"a": 1}', 'import.refused.wrongFormat'],
    ['[]', 'import.refused.notSession']]) {
    assert.throws(() => compare.readExport(text, data), (error) => error instanceof ImportError && error.key === key);
  }
});

test('CSV: side by side, consensus and over time, with BOM and neutralised cells', () => {
  const evil = compare.readExport(file('=HYPERLINK("x")', '2026-03-01', '412k34'), data);
  const entries = [evil, entry('Surgery', '2026-03-01', '443111')];
  const shared = compare.sharedCriteria(data, entries);
  const side = compareCsv.sideBySideCSV(data, compare.sideBySide(data, entries, shared));
  assert.ok(side.startsWith('\uFEFF') && side.endsWith('\r\n'));
  const rows = parseCSV(side.slice(1));
  // Each team's column names its date.
  assert.deepEqual(rows[0], ['Element', 'Id', 'Item', '\'=HYPERLINK("x") (2026-03-01)', 'Surgery (2026-03-01)', 'Median',
    'Lowest']);
  assert.deepEqual(rows[1], ['Leadership', 'leadership', 'Leadership', '2.33', '3.67', '3', '2.33']);
  assert.deepEqual(rows[6], ['Behaviours', 'learning-before', 'Learning before', "Don't know", '1', '1', '1']);
  const spread = consensus.spread(data, entries, shared);
  const agreed = { 'accountable-executive': { level: 'embedded', notes: '-1 vote' } };
  const cons = parseCSV(compareCsv.consensusCSV(data, spread, agreed).slice(1));
  assert.deepEqual(cons[0].slice(3), ['Not yet', 'Emerging', 'Developing', 'Embedded', "Don't know", 'Not applicable',
    'Not answered', 'Median', 'Range', 'Agreed level', 'Note']);
  assert.deepEqual(cons.find((r) => r[1] === 'accountable-executive').slice(3),
    ['0', '0', '0', '2', '0', '0', '0', '4', '0', 'Embedded', "'-1 vote"]);
  const time = parseCSV(compareCsv.overTimeCSV(data, overTime(data,
    [entry('Surgery', '2025-03-01', '111111'), entry('Surgery', '2026-03-01', '213111')], shared)).slice(1));
  assert.deepEqual(time[0], ['Element', 'Id', 'Item', '2025-03-01', '2026-03-01', 'Change']);
  assert.deepEqual(time[1], ['Leadership', 'leadership', 'Leadership', '1', '2', '1']);
  // Criterion rows are figures, as element rows are; words only for unscored answers.
  assert.deepEqual(time[3], ['Leadership', 'accountable-executive', 'An accountable executive', '1', '2', '1']);
  assert.ok(time.some((r) => r[0] === 'Action plan of 2025-03-01'));
});

test('stored state round trip; untrusted stored data is cleaned', () => {
  const entries = [entry('Medicine', '2026-03-01', '412k34'), entry('Surgery', '2026-03-01', '443111')];
  const state = { mode: 'consensus', team: 'stelsewhere|medicine#2026-03-01', expanded: true,
    agreed: { 'stelsewhere|medicine#2026-03-01': { sharing: { level: 'embedded', notes: 'ok' } } },
    files: entries.map((e, i) => ({ name: 'f' + i + '.json', entry: e, off: i === 1 })) };
  const text = JSON.stringify(compare.storeState(state));
  const back = compare.restoreState(text, data);
  assert.deepEqual(JSON.parse(JSON.stringify(back)), JSON.parse(JSON.stringify(Object.assign({}, state, {
    files: state.files.map((f) => Object.assign({}, f, { entry: Object.assign({}, f.entry, { report: [] }) })) }))));
  const hostile = JSON.parse(text);
  hostile.mode = 'evil';
  hostile.agreed = JSON.parse('{"__proto__": {"sharing": {"level": "embedded"}}, "x": {"nope": {}, "sharing": {"level": 9}}}');
  hostile.files[0].session.answers.constructor = { level: 'embedded' };
  hostile.files[0].criteria = ['sharing', 'unknown'];
  const cleaned = compare.restoreState(JSON.stringify(hostile), data);
  assert.equal(cleaned.mode, '');
  assert.equal({}.sharing, undefined);
  assert.deepEqual(Object.keys(cleaned.agreed), ['__proto__', 'x']);
  assert.deepEqual(cleaned.agreed.x, { sharing: { level: '', notes: '' } });
  assert.equal(Object.prototype.hasOwnProperty.call(cleaned.files[0].entry.session.answers, 'constructor'), false);
  assert.deepEqual(cleaned.files[0].entry.criteria, ['sharing']);
  for (const bad of ['', 'null', '{"format":"kmsat-compare","version":2,"files":[]}', '{"files":[]}']) {
    assert.equal(compare.restoreState(bad, data), null);
  }
});

test('compare and share keys used in code exist in strings.yml', () => {
  const strings = loadStrings();
  const root = path.join(CORE, '..');
  const sources = ['core/compare.js', 'core/share.js'].concat(fs.readdirSync(path.join(root, 'compare'))
    .map((f) => 'compare/' + f)).map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
  const keys = [...sources.matchAll(/'((?:compare|share)\.[A-Za-z0-9.]+[A-Za-z0-9])'/g)].map((m) => m[1]);
  assert.ok(keys.length > 40, 'found the literal keys: ' + keys.length);
  assert.deepEqual([...new Set(keys.filter((key) => !Object.prototype.hasOwnProperty.call(strings, key)))], []);
});

test('as classic scripts after the core, compare and share attach to self.KMSAT without the DOM', () => {
  const order = ['strings', 'model', 'scoring', 'plan', 'normalise', 'session', 'exporters', 'compare', 'share'];
  const context = vm.createContext({ TextEncoder, TextDecoder });
  context.self = context;
  for (const name of order) {
    const source = fs.readFileSync(path.join(CORE, name + '.js'), 'utf8');
    if (['compare', 'share'].includes(name)) {
      assert.doesNotMatch(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
        /\b(document|window|localStorage|eval|Function|innerHTML|fetch)\b/, name);
    }
    vm.runInContext(source, context, { filename: name + '.js' });
  }
  const { compare: c, share: s } = context.KMSAT;
  const read = c.readExport(file('Medicine', '2026-03-01', '4'), data);
  assert.equal(c.sideBySide(data, [read], ['accountable-executive']).teams[0].means.get('leadership'), 4);
  assert.equal(s.decodeShare(s.encodeShare(read.session, data), data).session.answers['accountable-executive'].level,
    'embedded');
});
