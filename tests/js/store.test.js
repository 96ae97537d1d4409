'use strict';
// Saving a session (js/core/saving.js) and the kit's storage access
// (js/kit/storage.js), driven with a fake localStorage: saving, two tabs,
// unreadable saved answers, a full or missing storage.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { ROOT, loadData } = require('./helpers.js');

const store = require(path.join(ROOT, 'kmsat_build', 'assets', 'js', 'core', 'saving.js'));
const kitStorage = require(path.join(ROOT, 'kmsat_build', 'assets', 'js', 'kit', 'storage.js'));
const data = loadData();
const KEY = 'kmsat:small:session';
const NOW = new Date('2026-11-26T12:00:00Z');
const LATER = new Date('2026-11-26T12:05:00Z');

/** A Map-backed Storage; `full` makes every write fail as a full browser storage does. */
function fakeStorage() {
  const map = new Map();
  return {
    full: false,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem(key, value) {
      if (this.full) { const error = new Error('full'); error.name = 'QuotaExceededError'; throw error; }
      map.set(key, String(value));
    },
    removeItem: (key) => map.delete(key),
  };
}

const withOrganisation = (session, organisation) =>
  Object.assign({}, session, { details: Object.assign({}, session.details, { organisation }) });

test('a new slot gives a new session and saves it as revision 1', () => {
  const storage = fakeStorage();
  const slot = store.slot(storage, KEY);
  const { session, report, error } = slot.load(data, 'first', NOW);
  assert.equal(session.id, 'first');
  assert.deepEqual(report, []);
  assert.equal(error, undefined);
  const saved = slot.save(withOrganisation(session, 'Trust'), NOW);
  assert.equal(saved.ok, true);
  assert.equal(saved.session.revision, 1);
  assert.equal(JSON.parse(storage.getItem(KEY)).details.organisation, 'Trust');
});

test('reloading restores what was saved', () => {
  const storage = fakeStorage();
  const first = store.slot(storage, KEY);
  const saved = first.save(withOrganisation(first.load(data, 'a', NOW).session, 'Trust'), NOW).session;
  const again = store.slot(storage, KEY).load(data, 'b', LATER);
  assert.equal(again.session.id, 'a');
  assert.equal(again.session.revision, saved.revision);
  assert.equal(again.session.details.organisation, 'Trust');
});

test('another tab saved in between: refused unless forced, and the forced save is newer', () => {
  const storage = fakeStorage();
  const tabA = store.slot(storage, KEY);
  const tabB = store.slot(storage, KEY);
  let a = tabA.load(data, 'a', NOW).session;
  a = tabA.save(withOrganisation(a, 'A'), NOW).session;
  let b = tabB.load(data, 'b', NOW).session;
  b = tabB.save(withOrganisation(b, 'B'), LATER).session;
  assert.equal(b.revision, 2);
  assert.deepEqual(tabA.save(withOrganisation(a, 'A2'), LATER), { ok: false, reason: 'conflict' });
  assert.equal(JSON.parse(storage.getItem(KEY)).details.organisation, 'B');
  const forced = tabA.save(withOrganisation(a, 'A2'), LATER, true);
  assert.equal(forced.ok, true);
  assert.equal(forced.session.revision, 3);
  assert.equal(tabA.save(forced.session, LATER).ok, true); // A is in step again
});

test('a storage event is "elsewhere" only for this key and text this tab did not write', () => {
  const storage = fakeStorage();
  const slot = store.slot(storage, KEY);
  const saved = slot.save(slot.load(data, 'a', NOW).session, NOW);
  const mine = storage.getItem(KEY);
  assert.equal(saved.ok, true);
  assert.equal(slot.changedElsewhere({ key: KEY, newValue: mine }), false);
  assert.equal(slot.changedElsewhere({ key: 'kmsat:small:example', newValue: '{}' }), false);
  assert.equal(slot.changedElsewhere({ key: KEY, newValue: '{"other": true}' }), true);
});

test('unreadable saved answers are reported and never overwritten unasked', () => {
  const storage = fakeStorage();
  storage.setItem(KEY, '{"format": "kmsat-session", "version": 1, "edition": {"id": "other"}}');
  const slot = store.slot(storage, KEY);
  const loaded = slot.load(data, 'fresh', NOW);
  assert.equal(loaded.error.name, 'ImportError');
  assert.equal(loaded.error.key, 'import.refused.otherEdition');
  assert.equal(loaded.session.id, 'fresh');
  assert.deepEqual(slot.save(loaded.session, NOW), { ok: false, reason: 'blocked' });
  assert.match(storage.getItem(KEY), /"other"/);
  assert.equal(slot.save(loaded.session, NOW, true).ok, true); // "Start a new assessment"
  storage.setItem(KEY, 'not json');
  assert.equal(store.slot(storage, KEY).load(data, 'x', NOW).error.key, 'import.refused.notJson');
});

test('restoring reports what needed tidying', () => {
  const storage = fakeStorage();
  storage.setItem(KEY, JSON.stringify({ format: 'kmsat-session', version: 1, edition: { id: 'small' },
    answers: { sharing: { level: 'superb' } } }));
  const loaded = store.slot(storage, KEY).load(data, 'x', NOW);
  assert.deepEqual(loaded.report.map((m) => m.key), ['import.report.unknownLevels']);
});

test('never lose: answers to criteria a newer edition added stay stored through the next save', () => {
  const storage = fakeStorage();
  const newer = { level: 'emerging', priority: 'high', notes: 'From the newer edition' };
  storage.setItem(KEY, JSON.stringify({ format: 'kmsat-session', version: 1, edition: { id: 'small' },
    answers: { 'added-later': newer, sharing: { level: 'not-yet', priority: '', notes: '' } },
    checklist: { 'asked-later': { answer: 'yes', note: 'kept' } } }));
  const slot = store.slot(storage, KEY);
  const loaded = slot.load(data, 'x', NOW);
  assert.deepEqual(loaded.report.map((m) => [m.key, m.params.items]),
    [['save.report.keptUnknown', 'asked-later, added-later']],
    'said, as kept, not as left out');
  const typed = Object.assign({}, loaded.session, { answers: Object.assign({}, loaded.session.answers,
    { sharing: { level: 'emerging', priority: '', notes: 'typed' } }) });
  assert.equal(slot.save(typed, LATER).ok, true);
  const stored = JSON.parse(storage.getItem(KEY));
  assert.deepEqual(stored.answers['added-later'], newer);
  assert.deepEqual(stored.checklist['asked-later'], { answer: 'yes', note: 'kept' });
  assert.equal(stored.answers.sharing.notes, 'typed');
});

test('never lose: a saved text longer than 5,000 characters is restored and saved whole', () => {
  const storage = fakeStorage();
  const long = 'x'.repeat(7000) + 'the end';
  storage.setItem(KEY, JSON.stringify({ format: 'kmsat-session', version: 1, edition: { id: 'small' },
    details: { organisation: long }, answers: { sharing: { level: 'not-yet', priority: '', notes: long } } }));
  const slot = store.slot(storage, KEY);
  const loaded = slot.load(data, 'x', NOW);
  assert.deepEqual(loaded.report, []);
  assert.equal(loaded.session.answers.sharing.notes, long);
  const typed = Object.assign({}, loaded.session, { details: Object.assign({}, loaded.session.details, { team: 'B' }) });
  assert.equal(slot.save(typed, LATER).ok, true);
  const stored = JSON.parse(storage.getItem(KEY));
  assert.equal(stored.details.organisation, long);
  assert.equal(stored.answers.sharing.notes, long);
});

test('a full storage and a missing one are told apart', () => {
  const storage = fakeStorage();
  const slot = store.slot(storage, KEY);
  const session = slot.load(data, 'a', NOW).session;
  storage.full = true;
  assert.deepEqual(slot.save(session, NOW), { ok: false, reason: 'full' });
  storage.full = false;
  assert.equal(slot.save(session, NOW).ok, true); // space again: saving carries on
  const none = store.slot(null, KEY);
  assert.equal(none.load(data, 'm', NOW).session.id, 'm');
  assert.deepEqual(none.save(session, NOW), { ok: false, reason: 'unavailable' });
  assert.equal(none.changedElsewhere({ key: KEY, newValue: 'x' }), false);
});

test('available(): the storage, or null when reading it throws', () => {
  const storage = fakeStorage();
  assert.equal(kitStorage.available({ localStorage: storage }), storage);
  const blocked = {};
  Object.defineProperty(blocked, 'localStorage', { get() { throw new Error('SecurityError'); } });
  assert.equal(kitStorage.available(blocked), null);
  // The storage guard's in-memory stand-in (js/storage-guard.js) forgets on leaving the page: not storage.
  const memory = Object.defineProperty(fakeStorage(), 'kmsatMemory', { value: true });
  assert.equal(kitStorage.available({ localStorage: memory }), null);
});

test('the kit reads, writes and takes through one storage, and says when it is full or blocked', () => {
  const storage = fakeStorage();
  const saved = globalThis.localStorage;
  try {
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
    assert.equal(kitStorage.write('k', 'v'), 'ok');
    assert.equal(kitStorage.read('k'), 'v');
    assert.equal(kitStorage.take('k'), 'v');
    assert.equal(kitStorage.read('k'), null); // read once
    storage.full = true;
    assert.equal(kitStorage.write('k', 'v'), 'full');
    Object.defineProperty(globalThis, 'localStorage', { get() { throw new Error('SecurityError'); }, configurable: true });
    assert.equal(kitStorage.read('k'), null);
    assert.equal(kitStorage.write('k', 'v'), 'unavailable');
  } finally {
    Object.defineProperty(globalThis, 'localStorage', { value: saved, configurable: true, writable: true });
  }
});

test('guard: the two-tab rule for any text (the compare page keeps its files with it)', () => {
  const storage = fakeStorage();
  const mine = store.guard(storage, 'kmsat:small:compare');
  const other = store.guard(storage, 'kmsat:small:compare');
  assert.equal(mine.read(), null);
  assert.equal(other.read(), null);
  assert.equal(mine.write(() => 'three files', false), 'ok');
  // The other tab has not seen it: it may not save over it, and a storage event says so.
  assert.equal(other.write(() => 'two files', false), 'conflict');
  assert.equal(storage.getItem('kmsat:small:compare'), 'three files');
  assert.equal(other.changedElsewhere({ key: 'kmsat:small:compare', newValue: 'three files' }), true);
  assert.equal(mine.changedElsewhere({ key: 'kmsat:small:compare', newValue: 'three files' }), false);
  assert.equal(other.changedElsewhere({ key: 'kmsat:small:session', newValue: 'x' }), false);
  // Once it has read the newer text (or the user chose to keep its own), it saves.
  assert.equal(other.read(), 'three files');
  assert.equal(other.write((stored) => stored + ', less one', false), 'ok');
  assert.equal(mine.write(() => 'mine', false), 'conflict');
  assert.equal(mine.write(() => 'mine', true), 'ok');
  assert.equal(storage.getItem('kmsat:small:compare'), 'mine');
  assert.equal(mine.write(() => null, false), 'ok'); // null removes
  assert.equal(storage.getItem('kmsat:small:compare'), null);
  storage.full = true;
  assert.equal(mine.write(() => 'big', false), 'full');
  assert.equal(store.guard(null, 'k').write(() => 'x', false), 'unavailable');
});
