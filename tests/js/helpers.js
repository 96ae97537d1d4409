// Shared test helpers: load the core as Node modules, the fixture
// questionnaire with the real UI strings, and a tiny CSV reader.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const CORE = path.join(ROOT, 'kmsat_build', 'assets', 'js', 'core');
const STRINGS_FILE = path.join(ROOT, 'framework', 'strings.yml');

/** @param {string} name file name in js/core without .js */
const core = (name) => require(path.join(CORE, name + '.js'));

/**
 * framework/strings.yml is a flat map of double-quoted values, so each value
 * is a JSON string: no YAML library needed (the Python build does the real
 * validation against the schema).
 */
function loadStrings() {
  const strings = {};
  for (const line of fs.readFileSync(STRINGS_FILE, 'utf8').split('\n')) {
    const match = /^ {2}([A-Za-z][A-Za-z0-9.]*): (".*")$/.exec(line);
    if (match) strings[match[1]] = JSON.parse(match[2]);
  }
  return strings;
}

/**
 * The bundles in kmsat_build/assets/manifest.txt (the one list of load
 * orders, as kmsat_build/bundles.py reads it): [{name, mount, files}].
 */
function manifest() {
  const bundles = [];
  for (const raw of fs.readFileSync(path.join(ROOT, 'kmsat_build', 'assets', 'manifest.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[([a-z][a-z0-9-]*)\]\s*(.*)$/.exec(line);
    if (header) bundles.push({ name: header[1], mount: header[2].split(',').map((s) => s.trim()).filter(Boolean), files: [] });
    else bundles[bundles.length - 1].files.push(line);
  }
  return bundles;
}

/** Freeze an object graph, so any mutation by the core throws (strict mode). */
function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

/**
 * The fixture questionnaire (two elements, three criteria each), frozen: what
 * the build makes from tests/fixtures/small (fixtures/make_questionnaire.py),
 * with the national interface words (the small edition has only page words).
 * `editionId` (and `contentVersion`) stand it in for another edition, for files written for that one.
 * @param {{editionId?: string, contentVersion?: string}} [options]
 */
function loadData(options) {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'questionnaire.json'), 'utf8'));
  data.strings = Object.assign({}, data.strings, loadStrings());
  if (options && options.editionId) data.edition.id = options.editionId;
  if (options && options.contentVersion) data.edition.contentVersion = options.contentVersion;
  return deepFreeze(data);
}

/** A fresh session for `data` with the given answers, frozen. */
function sessionWith(data, answers, extra) {
  const base = core('session').newSession(data, new Date('2026-11-26T12:00:00Z'), 'test-session');
  return deepFreeze(Object.assign(base, { answers: answers || {} }, extra || {}));
}

/** Answers from a compact {criterionId: 'level/priority'} map. */
function answers(spec) {
  const result = {};
  for (const [id, value] of Object.entries(spec)) {
    const [level, priority = ''] = value.split('/');
    result[id] = { level, priority, notes: '' };
  }
  return result;
}

/** Read RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of cells. */
function parseCSV(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

module.exports = { CORE, ROOT, core, manifest, loadStrings, loadData, deepFreeze, sessionWith, answers, parseCSV };
