// Shared test helpers: load the core as Node modules, the fixture
// questionnaire with the real UI strings, and a tiny CSV reader.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');

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

/** The national questionnaire as the assessment page carries it, worked example included, frozen. */
function loadNational() {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'national.json'), 'utf8'));
  data.strings = loadStrings();
  return deepFreeze(data);
}

/** The vendored docx library (kmsat_build/assets/vendor/docx.iife.js), run as the browser runs it. */
function loadDocx() {
  const file = path.join(ROOT, 'kmsat_build', 'assets', 'vendor', 'docx.iife.js');
  const context = vm.createContext({ TextEncoder, TextDecoder, Uint8Array, ArrayBuffer, Blob, setTimeout, Buffer });
  context.self = context;
  vm.runInContext(fs.readFileSync(file, 'utf8') + '\n;self.docx = docx;', context, { filename: 'docx.iife.js' });
  return context.docx;
}

/**
 * The files in a zip (a .docx is one): name -> Buffer. Reads the central
 * directory, then each stored or deflated entry, with Node's own zlib.
 */
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: bad central directory entry ' + i);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const body = buffer.subarray(start, start + size);
    files.set(name, method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body));
    at += 46 + skip;
  }
  return files;
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

/**
 * A session with everything a Board paper shows, for the fixture questionnaire:
 * every kind of rating, notes on every criterion (line breaks, markup, a
 * formula), checklist answers with a Don't know, a plan with every field
 * filled in and a custom row. Frozen.
 */
function fullSession(data) {
  const base = sessionWith(data, {
    'accountable-executive': { level: 'emerging', priority: 'high', notes: 'The CEO holds it in name only.\nNo objectives yet.' },
    'strategy-and-plans': { level: 'developing', priority: 'medium', notes: 'In the 2026 plan, page 4' },
    'papers-use-evidence': { level: 'dont-know', priority: '', notes: 'Ask the Board secretary' },
    'learning-before': { level: 'not-yet', priority: 'low', notes: '<b>Never</b> & rarely "before"' },
    reflection: { level: 'not-applicable', priority: '', notes: 'Not our remit' },
    sharing: { level: 'embedded', priority: '', notes: '=1+1 shared widely' },
  }, {
    details: { organisation: 'St Elsewhere NHS Trust', team: 'Executive team', date: '2026-11-26',
      facilitator: 'Priya Shah', participants: 'CEO; CFO; Chief Nurse', purpose: 'To set our priorities for 2027',
      capacity: 'organisation' },
    checklist: { 'board-accountability': { answer: 'no', note: 'Nobody named yet' },
      'know-how-at-risk': { answer: 'dont-know', note: 'Not mapped' } },
  });
  const rows = core('plan').syncPlan(data, base).map((row, i) => Object.assign({}, row, {
    action: 'Action ' + (i + 1) + ' for ' + row.criterion, owner: 'Owner ' + (i + 1), support: 'Library support ' + (i + 1),
    due: '2027-0' + (i + 1) + '-15', measure: 'Measure ' + (i + 1), status: ['not-started', 'in-progress', 'done'][i % 3] }));
  rows.push({ id: 'row-9', criterion: null, title: 'Library induction for new directors', action: 'Add to induction',
    owner: 'Head of Library', support: '', due: 'Spring 2027', measure: 'Every new director', status: '' });
  return deepFreeze(Object.assign({}, base, { plan: rows }));
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

module.exports = { CORE, ROOT, core, manifest, loadStrings, loadData, loadNational, loadDocx, unzip, deepFreeze,
  sessionWith, answers, fullSession, parseCSV };
