'use strict';
// The vendored browser libraries (kmsat_build/assets/vendor/): the pinned
// version, unchanged, with its licences, and safe under the site's CSP.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { ROOT } = require('./helpers.js');

const VENDOR = path.join(ROOT, 'kmsat_build', 'assets', 'vendor');
const TOOLS = path.join(ROOT, 'tools', 'vendor');
const read = (dir, name) => fs.readFileSync(path.join(dir, name), 'utf8');
const docx = read(VENDOR, 'docx.iife.js');
const licence = read(VENDOR, 'docx-LICENSE.txt');

test('docx.iife.js is the pinned version, unchanged, as the licence file records', () => {
  const pinned = JSON.parse(read(TOOLS, 'package.json')).dependencies.docx;
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'an exact version');
  assert.equal(JSON.parse(read(TOOLS, 'package-lock.json')).packages['node_modules/docx'].version, pinned);
  assert.ok(licence.startsWith(`docx.iife.js is dist/index.iife.js of the npm package docx ${pinned}\n`));
  const sha = crypto.createHash('sha256').update(docx).digest('hex');
  assert.ok(licence.includes('sha256 ' + sha), 'the recorded checksum matches the file');
});

test('the licences of docx and of what it bundles travel with it', () => {
  for (const name of ['docx', 'fflate', 'nanoid']) assert.ok(licence.includes(`== ${name} ==\n`), name);
  assert.equal((licence.match(/Permission is hereby granted, free of charge/g) || []).length, 3, 'three MIT licences');
});

test('a classic script that makes no code at run time and loads no modules (CSP, file://)', () => {
  assert.doesNotThrow(() => new vm.Script(docx, { filename: 'docx.iife.js' }));
  assert.ok(docx.startsWith('var docx = (function(exports) {'), 'one global, docx');
  for (const pattern of [/\bnew Function\s*\(/, /(^|[^.\w$])eval\s*\(/, /(^|[^.\w$])import\(/, /\brequire\(\s*["']/,
    /\bnew Worker\(/, /\bimportScripts\(/]) {
    assert.doesNotMatch(docx, pattern);
  }
});
