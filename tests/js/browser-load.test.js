'use strict';
// The core as a browser loads it: classic scripts, one after another, into
// one global, no `module`, no `require`. Catches a file that only works in Node.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { CORE, loadData } = require('./helpers.js');

/** Load order: each file after those it uses (the manifest must keep it). */
const ORDER = ['strings', 'contract', 'model', 'dates', 'scoring', 'plan', 'normalise', 'session', 'board-paper',
  'exporters', 'compare', 'share', 'compare-paper', 'board-paper-docx'];
/** 'board-paper' -> 'boardPaper': the name a file attaches under KMSAT. */
const keyOf = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

test('every core file is listed in the load order', () => {
  const files = fs.readdirSync(CORE).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
  assert.deepEqual(files, ORDER.slice().sort());
});

test('as classic scripts, the core attaches to self.KMSAT and works', () => {
  const context = vm.createContext({});
  context.self = context;
  for (const name of ORDER) {
    vm.runInContext(fs.readFileSync(path.join(CORE, name + '.js'), 'utf8'), context, { filename: name + '.js' });
  }
  const KMSAT = context.KMSAT;
  assert.deepEqual(Object.keys(KMSAT), ORDER.map(keyOf));
  const data = loadData();
  const session = KMSAT.session.newSession(data, new Date('2026-11-26T12:00:00Z'), 'id1');
  const answered = Object.assign({}, session, { answers: { sharing: { level: 'emerging', priority: '', notes: '' } } });
  assert.equal(KMSAT.scoring.scoreAll(data, answered)[1].mean, 2);
  assert.equal(KMSAT.plan.syncPlan(data, answered)[0].criterion, 'sharing');
  const { session: back } = KMSAT.session.checkImport(KMSAT.exporters.toJSON(answered, data, new Date()), data);
  assert.deepEqual(JSON.parse(JSON.stringify(back.answers)), answered.answers);
});

test('the core never touches the DOM, storage or dynamic code', () => {
  for (const name of ORDER) {
    const source = fs.readFileSync(path.join(CORE, name + '.js'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    // The globals, not a property or key of the same name (the Word styles' `document:`).
    assert.doesNotMatch(source, /(?<![.\w$])(document|window|localStorage|eval|Function|innerHTML|fetch)\b(?!\s*:)/, name);
  }
});
