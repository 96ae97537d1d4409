'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers, deepFreeze } = require('./helpers.js');

const { syncPlan, planView, addCustomRow, updateRow, moveRow, removeRow, restoreDismissed } = core('plan');
const data = loadData();
const criteria = (plan) => plan.map((row) => row.criterion);
/** The session after syncing its plan, as the UI keeps it. */
const synced = (session) => deepFreeze(Object.assign({}, session, { plan: syncPlan(data, session) }));
const withAnswers = (session, spec) => deepFreeze(Object.assign({}, session, { answers: answers(spec) }));

const MIXED = {
  'accountable-executive': 'emerging/high', // high, 2
  'strategy-and-plans': 'not-yet', // none, 1
  'papers-use-evidence': 'not-yet/high', // high, 1
  'learning-before': 'developing/low', // low, 3
  reflection: 'developing/medium', // medium, 3
  sharing: 'embedded/high', // top level: never planned
};

test('plan order: priority, then level (lowest first), then framework order', () => {
  const plan = syncPlan(data, sessionWith(data, answers(MIXED)));
  assert.deepEqual(criteria(plan),
    ['papers-use-evidence', 'accountable-executive', 'reflection', 'learning-before', 'strategy-and-plans']);
});

test("ties keep framework order; Embedded, Don't know, N/A and unanswered stay out", () => {
  const plan = syncPlan(data, sessionWith(data, answers({
    sharing: 'emerging', 'accountable-executive': 'emerging', reflection: 'dont-know',
    'learning-before': 'not-applicable', 'papers-use-evidence': 'embedded',
  })));
  assert.deepEqual(criteria(plan), ['accountable-executive', 'sharing']);
});

test('new rows are blank, with unique ids', () => {
  const plan = syncPlan(data, sessionWith(data, answers({ sharing: 'not-yet', reflection: 'not-yet' })));
  assert.deepEqual(plan[0], { id: 'row-1', criterion: 'reflection', title: '', action: '', owner: '',
    support: '', due: '', measure: '', status: '', agreed: false });
  assert.equal(plan[1].id, 'row-2');
});

test('sync keeps the order the group chose and the text it typed', () => {
  let session = synced(sessionWith(data, answers(MIXED)));
  const last = session.plan[session.plan.length - 1];
  session = deepFreeze(Object.assign({}, session, {
    plan: updateRow(moveRow(session.plan, last.id, -10), last.id, { action: 'Ask the library' }),
  }));
  const again = syncPlan(data, session);
  assert.deepEqual(again, session.plan);
  assert.equal(again[0].action, 'Ask the library');
});

test('a newly eligible criterion goes before the first auto row that ranks after it', () => {
  let session = synced(sessionWith(data, answers({ 'accountable-executive': 'not-yet/high', reflection: 'emerging/low' })));
  session = deepFreeze(Object.assign({}, session, { plan: moveRow(session.plan, session.plan[1].id, -1) }));
  assert.deepEqual(criteria(session.plan), ['reflection', 'accountable-executive']);
  const plan = syncPlan(data, withAnswers(session, {
    'accountable-executive': 'not-yet/high', reflection: 'emerging/low', sharing: 'emerging/medium',
  }));
  // sharing ranks after accountable-executive but before reflection: it goes before reflection.
  assert.deepEqual(criteria(plan), ['sharing', 'reflection', 'accountable-executive']);
});

test('a new row that ranks last goes after the last auto row, above custom rows', () => {
  let session = synced(sessionWith(data, answers({ 'accountable-executive': 'not-yet/high' })));
  session = deepFreeze(Object.assign({}, session, { plan: addCustomRow(session.plan, { title: 'Our own idea' }) }));
  const plan = syncPlan(data, withAnswers(session, { 'accountable-executive': 'not-yet/high', sharing: 'emerging' }));
  assert.deepEqual(criteria(plan), ['accountable-executive', 'sharing', null]);
  assert.equal(new Set(plan.map((row) => row.id)).size, 3);
});

test('rows no longer eligible go when empty and stay, flagged stale, when typed in', () => {
  let session = synced(sessionWith(data, answers({ 'accountable-executive': 'not-yet', sharing: 'emerging' })));
  const sharingRow = session.plan.find((row) => row.criterion === 'sharing');
  session = deepFreeze(Object.assign({}, session, { plan: updateRow(session.plan, sharingRow.id, { owner: 'Chief nurse' }) }));
  session = withAnswers(session, { 'accountable-executive': 'embedded', sharing: 'embedded' });
  const plan = syncPlan(data, session);
  assert.deepEqual(criteria(plan), ['sharing']);
  const view = planView(data, Object.assign({}, session, { plan }));
  assert.deepEqual(view.map((v) => [v.title, v.stale, v.custom, v.level.id, v.row.owner]),
    [['Sharing across boundaries', true, false, 'embedded', 'Chief nurse']]);
  assert.equal(Object.prototype.hasOwnProperty.call(plan[0], 'stale'), false);
});

test('custom rows are always kept, even empty, and in place', () => {
  let session = synced(sessionWith(data, answers({ sharing: 'emerging' })));
  session = deepFreeze(Object.assign({}, session, { plan: moveRow(addCustomRow(session.plan), 'row-2', -1) }));
  assert.deepEqual(criteria(session.plan), [null, 'sharing']);
  const plan = syncPlan(data, withAnswers(session, {}));
  assert.deepEqual(plan.map((row) => [row.id, row.criterion, row.title]), [['row-2', null, '']]);
  const view = planView(data, Object.assign({}, session, { plan }));
  assert.deepEqual([view[0].custom, view[0].stale, view[0].criterion, view[0].level], [true, false, null, null]);
});

test('planView joins each row to its criterion, element, level and priority', () => {
  const session = synced(sessionWith(data, answers({ reflection: 'emerging/medium' })));
  const [view] = planView(data, session);
  assert.deepEqual([view.id, view.title, view.element.id, view.criterion.id, view.level.label, view.priority.label, view.stale],
    ['row-1', 'Reflection during and after', 'behaviours', 'reflection', 'Emerging', 'Medium', false]);
});

test('removing an auto row dismisses its criterion; sync does not bring it back', () => {
  const session = synced(sessionWith(data, answers(MIXED)));
  const row = session.plan[0];
  const after = deepFreeze(Object.assign({}, session, removeRow(session, row.id)));
  assert.deepEqual(after.dismissed, ['papers-use-evidence']);
  assert.equal(after.plan.length, session.plan.length - 1);
  assert.deepEqual(syncPlan(data, after), after.plan);
});

test('removing a custom row does not touch dismissed', () => {
  const session = sessionWith(data, {}, { plan: addCustomRow([], { title: 'x' }) });
  assert.deepEqual(removeRow(session, 'row-1'), { plan: [], dismissed: [] });
});

test('restoring a dismissed criterion puts it back at its sorted place', () => {
  let session = synced(sessionWith(data, answers(MIXED)));
  const order = criteria(session.plan);
  session = deepFreeze(Object.assign({}, session, removeRow(session, session.plan[2].id)));
  session = deepFreeze(Object.assign({}, session, removeRow(session, session.plan[0].id)));
  assert.deepEqual(session.dismissed, ['reflection', 'papers-use-evidence']);
  const one = restoreDismissed(data, session, 'reflection');
  assert.deepEqual(one.dismissed, ['papers-use-evidence']);
  assert.deepEqual(criteria(one.plan), order.filter((id) => id !== 'papers-use-evidence'));
  const all = restoreDismissed(data, session);
  assert.deepEqual([all.dismissed, criteria(all.plan)], [[], order]);
});

test('moveRow moves by delta, clamps at the ends, ignores unknown ids', () => {
  const plan = deepFreeze(addCustomRow(addCustomRow(addCustomRow([], { title: 'a' }), { title: 'b' }), { title: 'c' }));
  const titles = (p) => p.map((row) => row.title).join('');
  assert.equal(titles(moveRow(plan, 'row-3', -1)), 'acb');
  assert.equal(titles(moveRow(plan, 'row-1', 2)), 'bca');
  assert.equal(titles(moveRow(plan, 'row-1', -5)), 'abc');
  assert.equal(titles(moveRow(plan, 'row-2', 99)), 'acb');
  assert.equal(titles(moveRow(plan, 'nope', 1)), 'abc');
  assert.notEqual(moveRow(plan, 'nope', 1), plan);
});

test('addCustomRow and updateRow: fresh ids, only editable fields change', () => {
  const plan = deepFreeze(addCustomRow([{ id: 'row-7', criterion: 'sharing', title: '' }], { title: 'Mine', id: 'evil', criterion: 'x' }));
  assert.deepEqual([plan[1].id, plan[1].criterion, plan[1].title], ['row-8', null, 'Mine']);
  const updated = updateRow(plan, 'row-7', { criterion: 'reflection', id: 'x', title: 'no', action: 'Do it', status: 'done' });
  assert.deepEqual([updated[0].id, updated[0].criterion, updated[0].title, updated[0].action, updated[0].status],
    ['row-7', 'sharing', '', 'Do it', 'done']);
  assert.equal(updateRow(plan, 'row-8', { status: 'bogus' })[1].status, '');
  assert.equal(updated[1], plan[1], 'unchanged rows are shared, not copied');
});

test('agreed rows: a candidate is agreed by updateRow, kept by sync, counted, and read first', () => {
  const { agreedCount, agreedFirst, planView, AIM } = core('plan');
  const session = synced(sessionWith(data, answers({ sharing: 'not-yet', reflection: 'not-yet', 'accountable-executive': 'emerging' })));
  assert.equal(agreedCount(session.plan), 0, 'drafted rows are candidates');
  const last = session.plan[2].id;
  const plan = updateRow(session.plan, last, { agreed: true });
  assert.equal(agreedCount(plan), 1);
  assert.deepEqual(updateRow(plan, last, { agreed: 'yes' }), plan, 'only a boolean changes it');
  // An agreed row with no text is the group's choice: sync keeps it when its criterion reaches Embedded.
  const agreedSession = Object.assign({}, session, { plan });
  const criterion = plan[2].criterion;
  const embedded = withAnswers(agreedSession, { [criterion]: 'embedded' });
  assert.ok(syncPlan(data, embedded).some((row) => row.id === last));
  const views = agreedFirst(planView(data, agreedSession));
  assert.deepEqual(views.map((v) => v.id), [last, session.plan[0].id, session.plan[1].id]);
  assert.deepEqual([views[0].agreed, views[1].agreed], [true, false]);
  assert.deepEqual(AIM, { min: 3, max: 5 });
});
