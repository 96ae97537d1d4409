'use strict';
// The compare page's state (js/core/compare-state.js): what each user action
// does to the files, the view, the team, the raters and the agreed levels.
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers } = require('./helpers.js');

const S = core('compare-state');
const compare = core('compare');
const { toJSON } = core('exporters');
const data = loadData();
const NOW = new Date('2026-11-26T12:00:00Z');
const DUPLICATE = 'already loaded';

/** A read export of `team` on `date` with the given answers. */
function entry(team, date, spec, id, who) {
  const session = sessionWith(data, answers(spec || { sharing: 'emerging/high' }), {
    id: id || 's-' + team + '-' + date,
    details: Object.assign({ organisation: 'St Elsewhere', team, date, facilitator: '', participants: '', rater: '',
      capacity: 'team', role: '' }, who || {}),
  });
  return compare.readExport(toJSON(session, data, NOW), data);
}

test('adding files: duplicates and refused files change nothing, the first view is suggested', () => {
  const state = S.empty();
  const one = entry('Pharmacy', '2026-01-01');
  const result = S.addFiles(state, [{ name: 'a.json', entry: one }, { name: 'a-again.json', entry: one },
    { name: 'bad.json', reason: 'not a file' }], DUPLICATE);
  assert.equal(result.added, 1);
  assert.deepEqual(result.refused, [{ name: 'a-again.json', reason: DUPLICATE }, { name: 'bad.json', reason: 'not a file' }]);
  assert.deepEqual(state.files.map((f) => [f.id, f.name, f.off]), [['f1', 'a.json', false]]);
  assert.equal(state.mode, compare.suggestMode([one]));
  const nothing = S.addFiles(state, [{ name: 'a.json', entry: one }], DUPLICATE);
  assert.equal(nothing.added, 0);
  assert.equal(state.files.length, 1);
});

test('a chosen view stays when files are added; removing and clearing keep the rest right', () => {
  const state = S.empty();
  S.addFiles(state, [{ name: 'a', entry: entry('A', '2026-01-01') }], DUPLICATE);
  S.chooseMode(state, 'time');
  S.addFiles(state, [{ name: 'b', entry: entry('B', '2026-01-01') }, { name: 'c', entry: entry('C', '2026-01-01') }],
    DUPLICATE);
  assert.equal(state.mode, 'time');
  S.toggleSharing(state, 'f2');
  assert.equal(state.sharing, 'f2');
  assert.equal(S.removeFile(state, 'f2'), 1);
  assert.equal(state.sharing, null); // the share panel closes with its file
  assert.deepEqual(state.files.map((f) => f.id), ['f1', 'f3']);
  assert.equal(S.removeFile(state, 'nope'), -1);
  S.agree(state, 'a', 'sharing', { level: 'emerging', notes: '' });
  S.clearAll(state);
  assert.deepEqual([state.files, state.agreed, state.mode, state.team], [[], {}, '', '']);
});

test('the team shown: the user\'s choice while it exists, else the one with most to show', () => {
  const state = S.empty();
  S.addFiles(state, [
    { name: 'p1', entry: entry('Pharmacy', '2026-01-01', null, 'p1') },
    { name: 'p2', entry: entry('Pharmacy', '2026-01-01', null, 'p2') },
    { name: 'w1', entry: entry('Wards', '2025-01-01', null, 'w1') },
    { name: 'w2', entry: entry('Wards', '2026-01-01', null, 'w2') },
    { name: 'w3', entry: entry('Wards', '2027-01-01', null, 'w3') },
  ], DUPLICATE);
  const teams = compare.groupTeams(state.files.map((f) => f.entry));
  const key = (name) => teams.find((t) => t.entries[0].session.details.team === name).key;
  S.chooseMode(state, 'consensus'); // most raters in one round: a choice per round, keyed team#round
  assert.deepEqual(S.choicesFor('consensus', teams).map((c) => [c.key, c.score, c.several]), [
    [key('Pharmacy') + '#2026-01-01', 2, false],
    [key('Wards') + '#2025-01-01', 1, true], [key('Wards') + '#2026-01-01', 1, true], [key('Wards') + '#2027-01-01', 1, true]]);
  assert.equal(S.pickTeam(state, S.choicesFor('consensus', teams)).key, key('Pharmacy') + '#2026-01-01');
  state.team = '';
  S.chooseMode(state, 'time'); // most rounds
  assert.equal(S.pickTeam(state, S.choicesFor('time', teams)).key, key('Wards'));
  state.team = key('Pharmacy'); // the user's choice wins
  assert.equal(S.pickTeam(state, S.choicesFor('time', teams)).key, key('Pharmacy'));
});

test('moving a file into another team\'s group, and back; kept through storage', () => {
  const state = S.empty();
  S.addFiles(state, [{ name: 'fin', entry: entry('Finance', '2026-04-01', null, 'a') },
    { name: 'typo', entry: entry('Finanse', '2026-04-02', null, 'b') }], DUPLICATE);
  const groups = () => compare.groupTeams(state.files.map((f) => f.entry)).map((t) => [t.team, t.entries.length]);
  assert.deepEqual(groups(), [['Finance', 1], ['Finanse', 1]]);
  const finance = compare.teamKey(state.files[0].entry.session);
  S.toggleMoving(state, 'f2');
  assert.equal(state.moving, 'f2');
  assert.equal(S.moveFile(state, 'f2', finance), true);
  assert.equal(state.moving, null);
  assert.deepEqual(groups(), [['Finance', 2]]);
  const back = S.restore(JSON.stringify(compare.storeState(state)), data);
  assert.deepEqual(compare.groupTeams(back.files.map((f) => f.entry)).map((t) => [t.team, t.entries.length]),
    [['Finance', 2]]);
  S.moveFile(state, 'f2', compare.teamKey(state.files[1].entry.session)); // its own team: no longer moved
  assert.equal(state.files[1].entry.group, undefined);
  assert.deepEqual(groups(), [['Finance', 1], ['Finanse', 1]]);
  assert.equal(S.moveFile(state, 'nope', finance), false);
});

test('raters and agreed levels: unanimous by default, the facilitator\'s choice kept, saving undone', () => {
  const state = S.empty();
  S.addFiles(state, [{ name: 'a', entry: entry('A', '2026-01-01') }], DUPLICATE);
  state.saved = { team: 'x' };
  S.setRater(state, 'f1', false);
  assert.equal(state.files[0].off, true);
  assert.equal(state.saved, null);
  const rows = [{ id: 'sharing', unanimous: 'emerging' }, { id: 'reflection', unanimous: '' }];
  assert.deepEqual(S.agreedFor(state, 'x', rows), {
    sharing: { level: 'emerging', notes: '' }, reflection: { level: '', notes: '' } });
  state.saved = { team: 'x' };
  S.agree(state, 'x', 'reflection', { level: 'developing', notes: 'after debate' });
  assert.equal(state.saved, null);
  assert.deepEqual(S.agreedFor(state, 'x', rows).reflection, { level: 'developing', notes: 'after debate' });
  assert.deepEqual(S.agreedFor(state, 'other team', rows).reflection, { level: '', notes: '' });
  S.agree(state, '__proto__', 'sharing', { level: 'embedded', notes: '' }); // a team named like a prototype key
  assert.equal(({}).sharing, undefined);
  assert.equal(Object.getPrototypeOf(state.agreed), Object.prototype);
  assert.deepEqual(S.agreedFor(state, '__proto__', rows).sharing, { level: 'embedded', notes: '' });
});

test('kept state survives a round trip through storage text, and broken text gives an empty page', () => {
  const state = S.empty();
  S.addFiles(state, [{ name: 'a', entry: entry('A', '2026-01-01') }], DUPLICATE);
  S.chooseMode(state, 'side');
  state.expanded = true;
  const back = S.restore(JSON.stringify(compare.storeState(state)), data);
  assert.deepEqual([back.mode, back.expanded, back.files.map((f) => [f.id, f.name])], ['side', true, [['f1', 'a']]]);
  assert.equal(back.next, 2);
  assert.deepEqual(S.restore(null, data), S.empty());
});

test('kept state that cannot be read says why, and is kept until the user chooses', () => {
  const problem = (text) => S.restore(text, data).problem;
  assert.equal(problem('{broken'), 'corrupt');
  assert.equal(problem('[]'), 'corrupt');
  assert.equal(problem(JSON.stringify({ format: 'kmsat-compare', version: 1, files: 'x' })), 'corrupt');
  assert.equal(problem(JSON.stringify({ format: 'other', version: 1, files: [] })), 'corrupt');
  assert.equal(problem(JSON.stringify({ format: 'kmsat-compare', version: 2, files: [], later: {} })), 'newer');
  assert.equal(problem(JSON.stringify({ format: 'kmsat-compare', version: 1, files: [] })), '');
  const state = S.restore('{broken', data);
  assert.deepEqual(state.files, []);
  S.discardStored(state);
  assert.equal(state.problem, '');
});

test('agreed levels kept before rounds (under the team, spaces and all) still show', () => {
  const kept = JSON.stringify({ format: 'kmsat-compare', version: 1, files: [],
    agreed: { 'st elsewhere|women s': { sharing: { level: 'embedded', notes: 'kept' } } } });
  const state = S.restore(kept, data);
  const rows = [{ id: 'sharing', unanimous: '' }];
  assert.deepEqual(S.agreedFor(state, 'stelsewhere|womens#2026-05-01', rows, 'stelsewhere|womens').sharing,
    { level: 'embedded', notes: 'kept' });
});
