'use strict';
// Present mode's pure logic: slides, keys, session updates, timer budgets,
// and how parked questions reach "To find out" and the action plan.
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers, deepFreeze } = require('./helpers.js');

const P = core('present');
const { syncPlan, planView } = core('plan');
const { gaps } = core('scoring');
const { normaliseSession } = core('normalise');
const { encodeShare, decodeShare } = core('share');
const data = loadData();
const key = (k, extra) => P.keyAction(Object.assign({ key: k }, extra), data);
const describe = (s) => (s.kind === 'criterion' ? s.criterion.id : s.kind + (s.element ? ':' + s.element.id : ''));

test('slides: each criterion in order, a summary after each element, the results last', () => {
  const list = P.slides(data);
  assert.deepEqual(list.map(describe), ['accountable-executive', 'strategy-and-plans', 'papers-use-evidence',
    'summary:leadership', 'learning-before', 'reflection', 'sharing', 'summary:behaviours', 'results']);
  const fifth = list[4];
  assert.deepEqual([fifth.elementNumber, fifth.number, fifth.count, fifth.overall, fifth.total], [2, 1, 3, 4, 6]);
  assert.equal(list[3].elementNumber, 1);
});

test('slideFor finds a criterion or an element; criterionAt goes back to the nearest criterion', () => {
  const list = P.slides(data);
  assert.equal(P.slideFor(list, 'reflection'), 5);
  assert.equal(P.slideFor(list, 'behaviours'), 4);
  assert.equal(P.slideFor(list, 'results'), 0); // not a criterion or element: the start
  assert.equal(P.slideFor(list, 'nothing'), 0);
  assert.equal(P.criterionAt(list, 5), 'reflection');
  assert.equal(P.criterionAt(list, 3), 'papers-use-evidence'); // a summary: its element's last criterion
  assert.equal(P.criterionAt(list, 8), 'sharing');
  assert.equal(P.criterionAt([{ kind: 'results' }], 0), null);
});

test('keys: 1-4 levels, D and N unscored, Delete clears, H/M/L priority, T note, P park, Escape', () => {
  assert.deepEqual(['1', '2', '3', '4'].map((k) => key(k).level), ['not-yet', 'emerging', 'developing', 'embedded']);
  assert.equal(key('5'), null); // a four-level scale
  assert.deepEqual(key('d'), { type: 'level', level: 'dont-know' });
  assert.deepEqual(key('D'), { type: 'level', level: 'dont-know' });
  assert.deepEqual(key('n'), { type: 'level', level: 'not-applicable' });
  assert.deepEqual(key('Delete'), { type: 'clear' });
  assert.deepEqual(key('Backspace'), { type: 'clear' });
  assert.deepEqual(['h', 'M', 'l'].map((k) => key(k).priority), ['high', 'medium', 'low']);
  assert.deepEqual(key('e'), { type: 'note' });
  assert.equal(key('t'), null);
  assert.deepEqual(key('P'), { type: 'park' });
  assert.deepEqual(key('Escape'), { type: 'exit' });
  assert.equal(key('x'), null);
  assert.equal(key('Tab'), null);
  assert.equal(key('Enter'), null);
});

test('keys: clickers and arrows move; Shift+Space goes back; browser shortcuts are left alone', () => {
  for (const k of ['PageDown', 'ArrowRight', ' ']) assert.deepEqual(key(k), { type: 'move', delta: 1 }, k);
  for (const k of ['PageUp', 'ArrowLeft']) assert.deepEqual(key(k), { type: 'move', delta: -1 }, k);
  assert.deepEqual(key(' ', { shiftKey: true }), { type: 'move', delta: -1 });
  assert.equal(key('1', { ctrlKey: true }), null);
  assert.equal(key('p', { metaKey: true }), null);
  assert.equal(key('ArrowRight', { altKey: true }), null); // Alt+Right is the browser's Forward
});

test('H/M/L follow priority ids, or the first three priorities of an edition that renamed them', () => {
  const renamed = deepFreeze(Object.assign({}, data, { scale: Object.assign({}, data.scale, {
    priorities: [{ id: 'urgent', label: 'Urgent' }, { id: 'soon', label: 'Soon' }] }) }));
  assert.deepEqual(P.keyAction({ key: 'h' }, renamed), { type: 'priority', priority: 'urgent' });
  assert.deepEqual(P.keyAction({ key: 'm' }, renamed), { type: 'priority', priority: 'soon' });
  assert.equal(P.keyAction({ key: 'l' }, renamed), null);
});

test('updates return a new session and never change the one given (it is frozen)', () => {
  const start = sessionWith(data, answers({ sharing: 'emerging/high' }));
  const rated = P.setLevel(start, 'reflection', 'developing');
  assert.notEqual(rated, start);
  assert.deepEqual(rated.answers.reflection, { level: 'developing', priority: '', notes: '' });
  assert.deepEqual(rated.answers.sharing, start.answers.sharing);
  assert.equal(start.answers.reflection, undefined);
  const cleared = P.setLevel(rated, 'reflection', '');
  assert.equal(cleared.answers.reflection.level, '');
  const noted = P.setNote(start, 'sharing', 'Ask the ICS lead');
  assert.deepEqual(noted.answers.sharing, { level: 'emerging', priority: 'high', notes: 'Ask the ICS lead' });
});

test('the same priority key twice clears it; another one replaces it', () => {
  const start = sessionWith(data, answers({ sharing: 'emerging' }));
  const high = P.setPriority(start, 'sharing', 'high');
  assert.equal(high.answers.sharing.priority, 'high');
  assert.equal(P.setPriority(high, 'sharing', 'low').answers.sharing.priority, 'low');
  assert.equal(P.setPriority(high, 'sharing', 'high').answers.sharing.priority, '');
});

test('park and unpark: `parked: true` on the answer, absent otherwise', () => {
  const start = sessionWith(data, answers({ sharing: 'emerging/high' }));
  const parked = P.togglePark(start, 'sharing');
  assert.deepEqual(parked.answers.sharing, { level: 'emerging', priority: 'high', notes: '', parked: true });
  assert.equal(P.isParked(parked, 'sharing'), true);
  const back = P.togglePark(parked, 'sharing');
  assert.deepEqual(back.answers.sharing, { level: 'emerging', priority: 'high', notes: '' });
  assert.equal('parked' in back.answers.sharing, false);
  // Parking an unanswered question makes an answer that holds only that.
  assert.deepEqual(P.togglePark(start, 'reflection').answers.reflection, { level: '', priority: '', notes: '', parked: true });
  // A later rating keeps it parked.
  assert.equal(P.setLevel(parked, 'sharing', 'not-yet').answers.sharing.parked, true);
});

test('parked questions are under "To find out" with Don\'t know, in framework order', () => {
  let session = sessionWith(data, answers({ 'accountable-executive': 'dont-know', sharing: 'embedded' }));
  session = P.togglePark(P.togglePark(session, 'sharing'), 'strategy-and-plans');
  const found = gaps(data, session).findOut.map((r) => r.criterion.id);
  assert.deepEqual(found, ['accountable-executive', 'strategy-and-plans', 'sharing']);
  assert.deepEqual(gaps(data, session).dontKnow.map((r) => r.criterion.id), ['accountable-executive']);
});

test('parked questions become candidate plan rows, whatever their rating, and leave when unparked', () => {
  let session = sessionWith(data, answers({ sharing: 'embedded/high', reflection: 'not-yet/low' }));
  session = P.togglePark(P.togglePark(session, 'sharing'), 'learning-before');
  const plan = syncPlan(data, session);
  // High first; unrated parked questions after rated ones of the same (no) priority.
  assert.deepEqual(plan.map((r) => r.criterion), ['sharing', 'reflection', 'learning-before']);
  const views = planView(data, Object.assign({}, session, { plan }));
  assert.deepEqual(views.map((v) => v.parked), [true, false, true]);
  const unparked = P.togglePark(Object.assign({}, session, { plan }), 'sharing');
  assert.deepEqual(syncPlan(data, unparked).map((r) => r.criterion), ['reflection', 'learning-before']);
});

test('parked survives saving, import and share links; anything but true is dropped and reported', () => {
  const session = P.togglePark(sessionWith(data, answers({ sharing: 'emerging' })), 'reflection');
  const raw = JSON.parse(JSON.stringify(session));
  assert.equal(normaliseSession(raw, data).session.answers.reflection.parked, true);
  raw.answers.sharing.parked = 'yes';
  const { session: cleaned, report } = normaliseSession(raw, data);
  assert.equal('parked' in cleaned.answers.sharing, false);
  assert.match(JSON.stringify(report), /answers\.sharing\.parked/);
  raw.answers.sharing.parked = false;
  assert.equal('parked' in normaliseSession(raw, data).session.answers.sharing, false);
  const back = decodeShare(encodeShare(session, data), data).session;
  assert.deepEqual(back.answers, { sharing: { level: 'emerging', priority: '', notes: '' },
    reflection: { level: '', priority: '', notes: '', parked: true } });
});

test("budgets: an element's agenda minutes shared by its criteria; no agenda, no budget", () => {
  const timed = Object.assign({}, data, { agenda: [
    { minutes: 5, item: 'Welcome', element: null },
    { minutes: 9, item: 'Leadership', element: 'leadership' },
  ] });
  const b = P.budgets(timed);
  assert.deepEqual(b, { 'accountable-executive': 180, 'strategy-and-plans': 180, 'papers-use-evidence': 180,
    'learning-before': null, reflection: null, sharing: null });
  assert.deepEqual(Object.values(P.budgets(data)), [null, null, null, null, null, null]);
});

test('timer: m:ss, over only past the budget, by how much', () => {
  assert.equal(P.clock(0), '0:00');
  assert.equal(P.clock(61.9), '1:01');
  assert.equal(P.clock(3600), '60:00');
  assert.deepEqual(P.timer(150000, 150), { elapsed: '2:30', budget: '2:30', over: false, overBy: null });
  assert.deepEqual(P.timer(170500, 150), { elapsed: '2:50', budget: '2:30', over: true, overBy: '0:20' });
  assert.deepEqual(P.timer(5000, null), { elapsed: '0:05', budget: null, over: false, overBy: null });
});

test('outcomes: criteria to focus on in plan order, and what to find out', () => {
  const session = P.togglePark(sessionWith(data, answers({
    'accountable-executive': 'emerging/low', 'strategy-and-plans': 'not-yet', 'papers-use-evidence': 'emerging/high',
    reflection: 'developing/high', sharing: 'dont-know',
  })), 'reflection');
  const { focus, findOut, unanswered } = P.outcomes(data, session);
  assert.deepEqual(focus.map((r) => r.criterion.id), ['papers-use-evidence', 'accountable-executive', 'strategy-and-plans']);
  assert.deepEqual(findOut.map((r) => r.criterion.id), ['reflection', 'sharing']);
  assert.equal(unanswered, 1); // learning-before
});

test('column weights follow descriptor length, the longest 1, none under the floor', () => {
  assert.deepEqual(P.columnWeights(['a'.repeat(100), 'a'.repeat(200), 'a'.repeat(150), 'a'.repeat(50)]), [0.6, 1, 0.75, 0.6]);
  assert.deepEqual(P.columnWeights(['abc', 'abc']), [1, 1]);
  assert.deepEqual(P.columnWeights(['', '']), [0.6, 0.6]);
  assert.deepEqual(P.columnWeights(['a'.repeat(10), 'a'.repeat(20)], 0.2), [0.5, 1]);
});

test('startAt: the criterion in view, else the first unanswered of the element, else of all', () => {
  const session = sessionWith(data, answers({ 'accountable-executive': 'emerging', 'learning-before': 'not-yet',
    reflection: 'dont-know', sharing: 'embedded' }));
  assert.equal(P.startAt(data, session, 'reflection'), 'reflection');
  assert.equal(P.startAt(data, session, 'leadership'), 'strategy-and-plans');
  assert.equal(P.startAt(data, session, 'behaviours'), 'learning-before'); // all answered: the first
  assert.equal(P.startAt(data, session, 'results'), 'strategy-and-plans');
  assert.equal(P.startAt(data, sessionWith(data, {}), undefined), 'accountable-executive');
});

test('consensus keeps a question parked when any rater parked it', () => {
  const compare = core('compare');
  const consensus = core('consensus');
  const { toJSON } = core('exporters');
  const rater = (spec, parked) => {
    const session = sessionWith(data, answers(spec));
    const marked = parked ? P.togglePark(session, parked) : session;
    return compare.readExport(toJSON(marked, data, new Date('2026-03-01T10:00:00Z')), data);
  };
  const raters = [rater({ sharing: 'emerging' }, 'sharing'), rater({ sharing: 'not-yet', reflection: 'emerging' })];
  const session = consensus.consensusSession(data, raters, { sharing: { level: 'emerging', notes: '' },
    reflection: { level: 'emerging', notes: '' } }, { newId: 'c1', now: new Date('2026-03-02T10:00:00Z') });
  assert.equal(session.answers.sharing.parked, true);
  assert.equal('parked' in session.answers.reflection, false);
});

test('present mode files are classic scripts that never parse text as HTML (strict CSP)', () => {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const { ROOT } = require('./helpers.js');
  const folder = path.join(ROOT, 'kmsat_build', 'assets', 'js', 'present');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.js') && !f.startsWith('zz-'));
  assert.deepEqual(files.sort(), ['parts.js', 'slides.js', 'view.js']);
  for (const f of files) {
    const source = fs.readFileSync(path.join(folder, f), 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotThrow(() => new vm.Script(source, { filename: f }), f);
    assert.doesNotMatch(code, /\b(import|export)\s|\bfetch\(|\brequire\(/, f);
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, f);
    assert.doesNotMatch(code, /setAttribute\(\s*['"](style|on\w+)['"]/, f);
  }
});
