'use strict';
/**
 * Time to rescore after one answer, at 1,000 criteria (40 elements x 25).
 *
 *   node benchmarks/rescore_bench.js [--elements 40] [--criteria 25] [--runs 200] [--json]
 *
 * Loads the questionnaire's core (kmsat_build/assets/js/core/*.js) with
 * require, builds questionnaire data of that size and a session with every
 * criterion answered (rating and priority) and its plan synced, then, run
 * after run, changes one answer and times what the questionnaire does on
 * every change: scoring.scoreAll + plan.syncPlan(data, session, changed).
 * Prints the median and p95 (process.hrtime.bigint); --json prints one JSON line.
 */
const path = require('node:path');

const CORE = path.join(__dirname, '..', 'kmsat_build', 'assets', 'js', 'core');
const scoring = require(path.join(CORE, 'scoring.js'));
const plan = require(path.join(CORE, 'plan.js'));

function arg(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ELEMENTS = arg('elements', 40);
const CRITERIA = arg('criteria', 25);
const RUNS = arg('runs', 200);
const WARMUP = 20;

const LEVELS = ['not-yet', 'emerging', 'developing', 'embedded'];
const PRIORITIES = ['high', 'medium', 'low'];
const UNSCORED = ['dont-know', 'not-applicable'];

/** Questionnaire data shaped as kmsat_build/questionnaire.py emits it. */
function questionnaire() {
  const text = (n) => 'x'.repeat(n);
  const elements = [];
  for (let e = 1; e <= ELEMENTS; e++) {
    const criteria = [];
    for (let c = 1; c <= CRITERIA; c++) {
      criteria.push({
        id: `e${e}-c${c}`, title: `Criterion ${e}.${c}`, statement: text(130), hint: text(250),
        localExamples: [], levels: Object.fromEntries(LEVELS.map((l) => [l, text(150)])),
        opportunities: [{ id: 'technique-001', title: 'Technique 1', url: 'opportunities/technique-001.html' }],
      });
    }
    elements.push({ id: `element-${e}`, title: `Element ${e}`, summary: text(120), url: `elements/element-${e}.html`, criteria });
  }
  return {
    format: 'kmsat-questionnaire', version: 1,
    edition: { id: 'bench', title: 'Bench', shortTitle: 'Bench', contentVersion: '1.0.0', publisher: 'bench', language: 'en-GB', nationalVersion: '1.0.0' },
    fingerprint: '0000000000000000',
    scale: {
      levels: LEVELS.map((id, i) => ({ id, value: i + 1, label: id, description: text(80) })),
      unscored: UNSCORED.map((id) => ({ id, label: id })),
      priorities: PRIORITIES.map((id) => ({ id, label: id })),
      checklistAnswers: ['yes', 'partly', 'no', 'dont-know'].map((id) => ({ id, label: id })),
    },
    checklist: [], elements, strings: {}, example: null,
  };
}

/** A deterministic pseudo-random sequence (no Math.random: runs are comparable). */
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function main() {
  const data = questionnaire();
  const ids = data.elements.flatMap((e) => e.criteria.map((c) => c.id));
  const rnd = lcg(42);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const answer = () => {
    const level = rnd() < 0.05 ? pick(UNSCORED) : pick(LEVELS);
    return { level, priority: pick(PRIORITIES), note: '' };
  };
  const answers = {};
  for (const id of ids) answers[id] = answer();
  let session = { answers, plan: [], dismissed: [] };
  session = Object.assign({}, session, { plan: plan.syncPlan(data, session) });

  const times = [];
  let sink = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const changed = ids[Math.floor(rnd() * ids.length)];
    const next = Object.assign({}, session, { answers: Object.assign({}, session.answers, { [changed]: answer() }) });
    const start = process.hrtime.bigint();
    const scores = scoring.scoreAll(data, next);
    const synced = plan.syncPlan(data, next, changed);
    const end = process.hrtime.bigint();
    sink += scores.length + synced.length;
    session = Object.assign(next, { plan: synced });
    if (run >= WARMUP) times.push(Number(end - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.max(0, Math.ceil((times.length * p) / 100) - 1)];
  const result = {
    criteria: ids.length, runs: RUNS, median_ms: at(50), p95_ms: at(95), max_ms: times[times.length - 1],
    plan_rows: session.plan.length, node: process.version, sink,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`rescore after one answer at ${result.criteria} criteria (scoreAll + syncPlan, ${RUNS} runs):`);
    console.log(`  median ${result.median_ms.toFixed(3)} ms, p95 ${result.p95_ms.toFixed(3)} ms, max ${result.max_ms.toFixed(3)} ms (plan: ${result.plan_rows} rows)`);
  }
}

main();
