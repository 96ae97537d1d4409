'use strict';
// syncPlan's third argument: the criterion whose answer just changed. The
// questionnaire asks for a rating, then a priority, so a row is added before
// its priority is known; without re-placing it, it would stay where
// "no priority" put it and an untouched plan would not be in priority order.
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers, deepFreeze } = require('./helpers.js');

const { syncPlan, updateRow, moveRow } = core('plan');
const data = loadData();
const criteria = (plan) => plan.map((row) => row.criterion);

/** Answer one criterion after another, as the group does, syncing after each change. */
function answerInTurn(steps) {
  let session = sessionWith(data, {});
  const spec = {};
  for (const [id, value] of steps) {
    spec[id] = value;
    const next = Object.assign({}, session, { answers: answers(spec) });
    session = deepFreeze(Object.assign(next, { plan: syncPlan(data, next, id) }));
  }
  return session;
}

test('rating first, priority second: an untouched plan ends in priority order', () => {
  const session = answerInTurn([
    ['accountable-executive', 'emerging'], ['accountable-executive', 'emerging/low'],
    ['strategy-and-plans', 'not-yet'], ['strategy-and-plans', 'not-yet/medium'],
    ['sharing', 'developing'], ['sharing', 'developing/high'],
  ]);
  assert.deepEqual(criteria(session.plan), ['sharing', 'strategy-and-plans', 'accountable-executive']);
});

test('without the changed criterion, rows stay where they were put (the old behaviour)', () => {
  let session = answerInTurn([['accountable-executive', 'emerging'], ['sharing', 'emerging']]);
  const next = Object.assign({}, session, { answers: answers({ 'accountable-executive': 'emerging', sharing: 'emerging/high' }) });
  assert.deepEqual(criteria(syncPlan(data, next)), ['accountable-executive', 'sharing']);
  session = Object.assign(next, { plan: syncPlan(data, next, 'sharing') });
  assert.deepEqual(criteria(session.plan), ['sharing', 'accountable-executive']);
});

test('a row the group typed in stays where it is when its answer changes', () => {
  let session = answerInTurn([['accountable-executive', 'emerging'], ['sharing', 'emerging']]);
  const row = session.plan.find((r) => r.criterion === 'sharing');
  session = deepFreeze(Object.assign({}, session, { plan: updateRow(session.plan, row.id, { owner: 'Chief nurse' }) }));
  const next = Object.assign({}, session, { answers: answers({ 'accountable-executive': 'emerging', sharing: 'emerging/high' }) });
  const plan = syncPlan(data, next, 'sharing');
  assert.deepEqual(criteria(plan), ['accountable-executive', 'sharing']);
  assert.equal(plan[1].owner, 'Chief nurse');
});

test('a re-placed row lands by rank among rows the group moved', () => {
  let session = answerInTurn([
    ['accountable-executive', 'not-yet/high'], ['reflection', 'emerging/low'], ['sharing', 'emerging'],
  ]);
  session = deepFreeze(Object.assign({}, session, { plan: moveRow(session.plan, session.plan[0].id, 5) }));
  assert.deepEqual(criteria(session.plan), ['reflection', 'sharing', 'accountable-executive']);
  const next = Object.assign({}, session, { answers: answers({
    'accountable-executive': 'not-yet/high', reflection: 'emerging/low', sharing: 'emerging/medium' }) });
  assert.deepEqual(criteria(syncPlan(data, next, 'sharing')), ['sharing', 'reflection', 'accountable-executive']);
});

test('a dismissed criterion does not come back when its answer changes', () => {
  const session = answerInTurn([['sharing', 'emerging']]);
  const next = Object.assign({}, session, { plan: [], dismissed: ['sharing'],
    answers: answers({ sharing: 'not-yet/high' }) });
  assert.deepEqual(syncPlan(data, next, 'sharing'), []);
});
