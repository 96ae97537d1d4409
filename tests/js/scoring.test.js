'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers } = require('./helpers.js');

const { scoreElement, scoreAll, progress, strengths, gaps } = core('scoring');
const data = loadData();
const leadership = data.elements[0];
const levelCounts = (n1, n2, n3, n4) => ({ 'not-yet': n1, emerging: n2, developing: n3, embedded: n4 });

test('an unanswered element counts everything as unanswered and has no mean', () => {
  assert.deepEqual(scoreElement(leadership, {}, data.scale), {
    id: 'leadership', total: 3, answered: 0, scored: 0, mean: null, min: null, max: null,
    counts: levelCounts(0, 0, 0, 0), dontKnow: 0, notApplicable: 0, unanswered: 3,
  });
});

test("all Don't know: answered but not scored, mean null", () => {
  const score = scoreElement(leadership, answers({
    'accountable-executive': 'dont-know', 'strategy-and-plans': 'dont-know', 'papers-use-evidence': 'dont-know',
  }), data.scale);
  assert.equal(score.mean, null);
  assert.deepEqual([score.answered, score.scored, score.dontKnow, score.unanswered], [3, 0, 3, 0]);
  assert.deepEqual([score.min, score.max], [null, null]);
});

test('all Not applicable: answered but not scored, mean null', () => {
  const score = scoreElement(leadership, answers({
    'accountable-executive': 'not-applicable', 'strategy-and-plans': 'not-applicable',
    'papers-use-evidence': 'not-applicable',
  }), data.scale);
  assert.equal(score.mean, null);
  assert.deepEqual([score.answered, score.scored, score.notApplicable], [3, 0, 3]);
});

test('mixed answers: unscored answers neither lower the mean nor hide in it', () => {
  const score = scoreElement(leadership, answers({
    'accountable-executive': 'not-yet', 'strategy-and-plans': 'developing', 'papers-use-evidence': 'dont-know',
  }), data.scale);
  assert.deepEqual(score, {
    id: 'leadership', total: 3, answered: 3, scored: 2, mean: 2, min: 1, max: 3,
    counts: levelCounts(1, 0, 1, 0), dontKnow: 1, notApplicable: 0, unanswered: 0,
  });
});

test('partly answered: unanswered and an unknown level id both count as unanswered', () => {
  const score = scoreElement(leadership, answers({
    'accountable-executive': 'embedded', 'strategy-and-plans': 'excellent',
  }), data.scale);
  assert.deepEqual([score.mean, score.scored, score.answered, score.unanswered], [4, 1, 1, 2]);
});

test('an element with one criterion scores that criterion', () => {
  const element = { id: 'one', title: 'One', criteria: [leadership.criteria[0]] };
  const score = scoreElement(element, answers({ 'accountable-executive': 'emerging' }), data.scale);
  assert.deepEqual([score.mean, score.min, score.max, score.total], [2, 2, 2, 1]);
});

test('an empty element has nothing to score', () => {
  const score = scoreElement({ id: 'empty', title: 'Empty', criteria: [] }, {}, data.scale);
  assert.deepEqual([score.total, score.answered, score.mean, score.unanswered], [0, 0, null, 0]);
});

test('ids that are Object.prototype names are just unanswered criteria', () => {
  const element = { id: 'odd', title: 'Odd', criteria: [{ id: 'constructor', title: 'c' }, { id: 'toString', title: 't' }] };
  assert.equal(scoreElement(element, {}, data.scale).unanswered, 2);
});

test('scoreAll: one score per element in framework order, and no grand total', () => {
  const session = sessionWith(data, answers({ 'accountable-executive': 'embedded', sharing: 'not-yet' }));
  const scores = scoreAll(data, session);
  assert.deepEqual(scores.map((s) => [s.id, s.mean]), [['leadership', 4], ['behaviours', 1]]);
  assert.deepEqual(progress(data, session), { answered: 2, total: 6 });
});

test('strengths are criteria at Developing or Embedded, in framework order', () => {
  const session = sessionWith(data, answers({
    sharing: 'embedded/low', 'accountable-executive': 'developing', reflection: 'emerging', 'learning-before': 'dont-know',
  }));
  assert.deepEqual(strengths(data, session).map((s) => [s.criterion.id, s.level.id, s.element.id, s.priority]),
    [['accountable-executive', 'developing', 'leadership', ''], ['sharing', 'embedded', 'behaviours', 'low']]);
});

test("gaps: below Developing, with Don't know and unanswered listed separately", () => {
  const session = sessionWith(data, answers({
    'accountable-executive': 'not-yet', 'strategy-and-plans': 'emerging/high', 'papers-use-evidence': 'developing',
    'learning-before': 'dont-know', reflection: 'not-applicable',
  }));
  const result = gaps(data, session);
  const ids = (list) => list.map((entry) => entry.criterion.id);
  assert.deepEqual(ids(result.below), ['accountable-executive', 'strategy-and-plans']);
  assert.deepEqual(ids(result.dontKnow), ['learning-before']);
  assert.deepEqual(ids(result.unanswered), ['sharing']);
});

test('rescoring 1,000 criteria gives the right answer (timing is reported, not asserted)', (t) => {
  const levels = ['not-yet', 'emerging', 'developing', 'embedded', 'dont-know'];
  const elements = Array.from({ length: 10 }, (_, e) => ({
    id: 'e' + e, title: 'E' + e,
    criteria: Array.from({ length: 100 }, (_, c) => ({ id: `c${e}-${c}`, title: 'C' })),
  }));
  const big = Object.assign({}, data, { elements });
  const bigAnswers = {};
  elements.forEach((element) => element.criteria.forEach((c, i) => {
    bigAnswers[c.id] = { level: levels[i % 5], priority: '', notes: '' };
  }));
  const session = { answers: bigAnswers };
  scoreAll(big, session);
  const start = process.hrtime.bigint();
  const scores = scoreAll(big, session);
  t.diagnostic(`scoreAll over 1,000 criteria: ${Number(process.hrtime.bigint() - start) / 1e6} ms`);
  assert.deepEqual(scores[0].counts, levelCounts(20, 20, 20, 20));
  assert.equal(scores[0].mean, 2.5);
  assert.equal(scores[9].dontKnow, 20);
});
