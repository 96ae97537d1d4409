'use strict';
// House rules for the questionnaire's interface (js/ui/): classic scripts in
// the manifest's order, text never parsed as HTML, no dynamic code, and the
// size budget of the questionnaire's own JavaScript and CSS.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');
const { ROOT } = require('./helpers.js');

const ASSETS = path.join(ROOT, 'kmsat_build', 'assets');
const UI = path.join(ASSETS, 'js', 'ui');
const files = fs.readdirSync(UI).filter((f) => f.endsWith('.js')).sort();
const source = (f) => fs.readFileSync(path.join(UI, f), 'utf8');
const code = (f) => source(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
/** The core files the questionnaire loads (see browser-load.test.js). */
const CORE = ['strings', 'contract', 'model', 'scoring', 'plan', 'normalise', 'session', 'dates', 'board-paper', 'exporters'];
const BUDGET = 30 * 1024; // bytes, gzipped: core + ui + questionnaire.css, without comments (the build strips them)

test('every ui file is in the manifest: dom first, app last, after the core', () => {
  const manifest = fs.readFileSync(path.join(ASSETS, 'manifest.txt'), 'utf8').split('\n').map((l) => l.trim());
  const listed = manifest.filter((l) => l.startsWith('js/ui/')).map((l) => l.slice(6));
  assert.deepEqual(listed.slice().sort(), files);
  assert.equal(listed[0], 'dom.js');
  assert.equal(listed[listed.length - 1], 'app.js');
  assert.ok(manifest.indexOf('js/ui/dom.js') > manifest.indexOf('js/core/exporters.js'));
  assert.ok(manifest.includes('css/questionnaire.css'));
});

test('ui files are classic scripts (no modules, no fetch: the site runs from file://)', () => {
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

test(`the questionnaire's own JavaScript and CSS stay under ${BUDGET} bytes gzipped`, () => {
  const strip = (text) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const text = CORE.map((n) => strip(fs.readFileSync(path.join(ASSETS, 'js', 'core', n + '.js'), 'utf8'))).join('')
    + files.map(code).join('') + strip(fs.readFileSync(path.join(ASSETS, 'css', 'questionnaire.css'), 'utf8'));
  const size = zlib.gzipSync(Buffer.from(text), { level: 9 }).length;
  assert.ok(size < BUDGET, `${size} bytes gzipped`);
});
