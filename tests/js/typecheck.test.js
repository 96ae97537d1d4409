'use strict';
// `make lint` type-checks our browser JavaScript (tools/tsconfig.json). A clean run proves
// nothing if the checks were loosened or KMSAT went back to `any`: here the same settings
// check a file of known mistakes, and each must be reported.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');
const TSC = path.join(ROOT, 'tools', 'node_modules', '.bin', 'tsc');

// Each mistake on a line of its own, with the error the checker must give there.
const MISTAKES = [
  ['const box = document.getElementById("x"); box.focus();', 'TS18047'], // strictNullChecks
  ['try { K.load("x"); } catch (error) { K.dom.h("p", { text: error.message }); }', 'TS18046'], // unknown catch
  ['const shown = (ctx, slide) => ctx; shown(1, 2);', 'TS6133'], // noUnusedParameters
  ['K.load(42);', 'TS2345'], // the loader takes a bundle's name
  ['K.components.define({ name: "x", selector: ".x" });', 'TS2345'], // a component must mount
  ['K.dom.h("p", null, [{}]);', 'TS2769'], // children are nodes, text or arrays of them
  ['K.session.checkImport();', 'TS2554'], // a core module is typed as its factory returns
];

test('the type checker reports each known mistake under the project settings', { skip: !fs.existsSync(TSC) && 'tools not installed (npm ci in tools/)' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kmsat-tsc-'));
  try {
    const probe = path.join(dir, 'probe.js');
    fs.writeFileSync(probe, ['(function (K) {', ...MISTAKES.map(([line]) => line), '})(self.KMSAT);', ''].join('\n'));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      extends: path.join(ROOT, 'tools', 'tsconfig.json'),
      files: [path.join(ROOT, 'tools', 'kmsat.d.ts'), probe],
      include: [],
    }));
    let output = '';
    try {
      execFileSync(TSC, ['-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = error.stdout;
    }
    MISTAKES.forEach(([line, code], i) => {
      const where = 'probe.js(' + (i + 2) + ',';
      assert.ok(output.split('\n').some((l) => l.includes(where) && l.includes(code)),
        'not reported (' + code + '): ' + line + '\n' + output);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
