'use strict';
// The core as a browser loads it: classic scripts, one after another, into
// one global, no `module`, no `require`, in each bundle's manifest order.
// Catches a file that only works in Node, or one listed before what it uses.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { CORE, loadData, manifest } = require('./helpers.js');

/**
 * Each bundle's core files in load order, as names (`compare-state` attaches as `compareState`).
 * A bundle with no mount point is loaded on demand on top of its page's bundle: `compare-export`
 * and `compare-paper` over `compare` (its name's first part), present mode over the assessment page.
 */
const listed = manifest();
const BASE = { present: 'assessment' };
const filesOf = (b) => b.files.filter((f) => f.startsWith('js/core/')).map((f) => path.basename(f, '.js'));
const pageOf = (b) => (b.mount.length ? null
  : listed.find((p) => p.mount.length && (BASE[b.name] === p.name || b.name.startsWith(p.name + '-'))));
const bundles = listed.map((b) => ({ name: b.name, own: filesOf(b),
  core: (pageOf(b) ? filesOf(pageOf(b)) : []).concat(filesOf(b)) })).filter((b) => b.own.length);
/** Bundles that carry the session core: the docx bundle's one core file has tests of its own. */
const pageBundles = bundles.filter((b) => b.core.includes('session'));
const attachName = (file) => file.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

test('every core file is in a bundle', () => {
  const files = fs.readdirSync(CORE).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
  const inBundles = new Set(bundles.flatMap((b) => b.own));
  assert.deepEqual(files.filter((f) => !inBundles.has(f)), []);
});

for (const bundle of pageBundles) {
  test(`as classic scripts in the ${bundle.name} bundle's order, the core attaches to self.KMSAT and works`, () => {
    const context = vm.createContext({});
    context.self = context;
    const core = bundle.core;
    for (const name of core) {
      vm.runInContext(fs.readFileSync(path.join(CORE, name + '.js'), 'utf8'), context, { filename: name + '.js' });
    }
    const KMSAT = context.KMSAT;
    assert.deepEqual(Object.keys(KMSAT), core.map(attachName));
    for (const name of core) assert.ok(KMSAT[attachName(name)], name); // nothing attached as undefined
    const data = loadData();
    const session = KMSAT.session.newSession(data, new Date('2026-11-26T12:00:00Z'), 'id1');
    const answered = Object.assign({}, session, { answers: { sharing: { level: 'emerging', priority: '', notes: '' } } });
    assert.equal(KMSAT.scoring.scoreAll(data, answered)[1].mean, 2);
    assert.equal(KMSAT.plan.syncPlan(data, answered)[0].criterion, 'sharing');
    // The exporters where the bundle carries them (the compare page loads them with its first download).
    const { toJSON } = KMSAT.exporters || require(path.join(CORE, 'exporters.js'));
    const { session: back } = KMSAT.session.checkImport(toJSON(answered, data, new Date()), data);
    assert.deepEqual(JSON.parse(JSON.stringify(back.answers)), answered.answers);
  });
}

test('the core never touches the DOM, storage or dynamic code', () => {
  for (const name of fs.readdirSync(CORE).filter((f) => f.endsWith('.js'))) {
    const source = fs.readFileSync(path.join(CORE, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    // The globals, not a property or key of the same name (the Word styles' `document:`).
    assert.doesNotMatch(source, /(?<![.\w$])(document|window|localStorage|sessionStorage|eval|Function|innerHTML|fetch)\b(?!\s*:)/, name);
  }
});
