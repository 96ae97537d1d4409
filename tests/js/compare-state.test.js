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
function entry(team, date, spec, id) {
  const session = sessionWith(data, answers(spec || { sharing: 'emerging/high' }), {
    id: id || 's-' + team + '-' + date,
    details: { organisation: 'St Elsewhere', team, date, facilitator: '', participants: '', capacity: 'team' },
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
  S.chooseMode(state, 'consensus'); // most raters on one date
  assert.equal(S.pickTeam(state, teams).key, key('Pharmacy'));
  state.team = '';
  S.chooseMode(state, 'time'); // most dates
  assert.equal(S.pickTeam(state, teams).key, key('Wards'));
  state.team = key('Pharmacy'); // the user's choice wins
  assert.equal(S.pickTeam(state, teams).key, key('Pharmacy'));
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
  assert.deepEqual(S.restore('{broken', data), S.empty());
  assert.deepEqual(S.restore(null, data), S.empty());
});
