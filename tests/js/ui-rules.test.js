'use strict';
// House rules for the browser code outside the core (js/kit, js/ui,
// js/compare, boot.js): classic scripts in the manifest's bundles, one
// component model and one kit, text never parsed as HTML, no dynamic code.
// (Each page's weight is measured on the built, minified bundles:
// tests/browser/test_pages.py and make bench.)
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { ROOT, manifest } = require('./helpers.js');

const ASSETS = path.join(ROOT, 'kmsat_build', 'assets');
const JS = path.join(ASSETS, 'js');
const VIEW_DIRS = ['kit', 'ui', 'compare', 'present'];
const files = VIEW_DIRS.flatMap((dir) => fs.readdirSync(path.join(JS, dir)).filter((f) => f.endsWith('.js'))
  .map((f) => dir + '/' + f)).concat('boot.js').sort();
const source = (f) => fs.readFileSync(path.join(JS, f), 'utf8');
const code = (f) => source(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
const bundles = manifest();

test('every js and css file is in a bundle, and each bundle is well formed', () => {
  const listed = new Set(bundles.flatMap((b) => b.files));
  const all = ['core', ...VIEW_DIRS].flatMap((dir) => fs.readdirSync(path.join(JS, dir)).map((f) => 'js/' + dir + '/' + f))
    .concat('js/boot.js', fs.readdirSync(path.join(ASSETS, 'css')).map((f) => 'css/' + f));
  assert.deepEqual(all.filter((f) => !listed.has(f)), []);
  for (const f of listed) assert.ok(fs.existsSync(path.join(ASSETS, f)), f);
  assert.deepEqual(bundles[0].files, ['css/kmsat.css', 'js/boot.js']); // the site bundle: on every page
  for (const b of bundles.slice(1)) {
    const order = b.files.filter((f) => f.startsWith('js/')).map((f) => f.split('/')[1]);
    const rank = { core: 0, kit: 1, ui: 2, compare: 2, present: 2 };
    assert.deepEqual(order.slice().sort((x, y) => rank[x] - rank[y]), order, b.name + ': core, then kit, then views');
  }
});

test('view files are classic scripts (no modules, no fetch: the site runs from file://)', () => {
  for (const f of files) {
    assert.doesNotThrow(() => new vm.Script(source(f), { filename: f }), f);
    assert.doesNotMatch(code(f), /\b(import|export)\s|\bfetch\(|\brequire\((?!'\.\.\/core\/)/, f);
  }
});

test('text is never parsed as HTML, and no code is made at run time (strict CSP)', () => {
  for (const f of files) {
    assert.doesNotMatch(code(f),
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(['"`]/, f);
    assert.doesNotMatch(code(f), /setAttribute\(\s*['"](style|on\w+)['"]/, f);
  }
});

test('one kit: only kit/storage.js touches storage, one event convention, one button and sr class', () => {
  for (const f of files) {
    if (f !== 'kit/storage.js') assert.doesNotMatch(code(f), /\b(localStorage|sessionStorage)\b/, f);
    assert.doesNotMatch(code(f), /\bon(click|change|input|submit|toggle|keydown)\s*:/, f + ': use on: {event: fn}');
    assert.doesNotMatch(code(f), /md-button|kmsat-cmp-sr|kmsat-cmp-small|data-kmsat-ready|kmsatReady/, f);
    if (f !== 'boot.js') assert.doesNotMatch(code(f), /document\$|DOMContentLoaded/, f + ': only boot.js starts things');
  }
});

test('each component names a mount point of its bundle (else its bundle would never load for it)', () => {
  for (const b of bundles.slice(1)) {
    const defined = b.files.filter((f) => f.startsWith('js/')).map((f) => source(f.slice(3)))
      .flatMap((text) => [...text.matchAll(/components\.define\(\{\s*name: '([^']+)',\s*selector: '([^']+)'/g)]);
    if (b.mount.length) assert.ok(defined.length, b.name + ' defines a component for its mount points');
    for (const [, name, selector] of defined) assert.ok(b.mount.includes(selector), `${b.name}: ${name} on ${selector}`);
  }
});
