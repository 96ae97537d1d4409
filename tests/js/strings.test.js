'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { core, CORE, ROOT, loadStrings } = require('./helpers.js');

const { t, message, format } = core('strings');
const strings = loadStrings();

test('t fills {name} placeholders', () => {
  assert.equal(t({ a: 'Step {current} of {total}' }, 'a', { current: 2, total: 7 }), 'Step 2 of 7');
  assert.equal(t({ a: '{x}{x}' }, 'a', { x: 'y' }), 'yy');
});

test('a missing key returns the key; a missing param leaves its placeholder', () => {
  assert.equal(t({}, 'nav.next'), 'nav.next');
  assert.equal(t(undefined, 'nav.next'), 'nav.next');
  assert.equal(t({ a: 'Hi {name}' }, 'a', {}), 'Hi {name}');
  assert.equal(t({ a: 'Hi {name}' }, 'a', { name: null }), 'Hi {name}');
});

test('keys and params are own properties only', () => {
  assert.equal(t({}, 'constructor'), 'constructor');
  assert.equal(t({}, '__proto__'), '__proto__');
  assert.equal(t({ a: '{toString}' }, 'a', {}), '{toString}');
});

test('params are inserted as given, never re-read as placeholders', () => {
  assert.equal(t({ a: '{x} {y}' }, 'a', { x: '{y}', y: 'Y' }), '{y} Y');
});

test('message and format: the core speaks in {key, params}', () => {
  const msg = message('results.answered', { answered: 3, total: 4 });
  assert.deepEqual(msg, { key: 'results.answered', params: { answered: 3, total: 4 } });
  assert.equal(format(strings, msg), '3 of 4');
  assert.deepEqual(message('nav.next'), { key: 'nav.next', params: {} });
});

test('strings.yml: starts with its schema line and holds only string values', () => {
  const text = fs.readFileSync(path.join(ROOT, 'framework', 'strings.yml'), 'utf8');
  assert.equal(text.split('\n')[0], '# yaml-language-server: $schema=../kmsat_build/schemas/strings.schema.json');
  const keyLines = text.split('\n').filter((line) => /^ {2}[A-Za-z]/.test(line));
  assert.equal(keyLines.length, Object.keys(strings).length, 'every key line is a double-quoted value');
});

test('every literal message key in the core exists in strings.yml', () => {
  const source = fs.readdirSync(CORE).map((file) => fs.readFileSync(path.join(CORE, file), 'utf8')).join('\n');
  const literal = [...source.matchAll(/'((?:import|report|results|plan|details|csv|paper)\.[A-Za-z0-9.]+[A-Za-z0-9])'/g)]
    .map((m) => m[1])
    .filter((key) => key !== 'details.capacity'); // a field path in import reports, not a key
  assert.ok(literal.length > 20, 'found the literal keys');
  const missing = literal.filter((key) => !Object.prototype.hasOwnProperty.call(strings, key));
  assert.deepEqual([...new Set(missing)], []);
});

test('keys built from ids exist for every capacity and status', () => {
  const { CAPACITIES, STATUSES, DETAIL_FIELDS } = core('model');
  const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const keys = CAPACITIES.map((c) => 'details.capacity.' + camel(c))
    .concat(STATUSES.map((s) => 'plan.status.' + camel(s)), DETAIL_FIELDS.map((f) => `details.${f}.label`));
  assert.deepEqual(keys.filter((key) => !Object.prototype.hasOwnProperty.call(strings, key)), []);
});

// ------------------------------------------------ every key in strings.yml is reachable from code

/** Where the site's code lives: the browser scripts, the build (Python), its templates and Material overrides. */
const CODE_DIRS = ['kmsat_build', 'hooks'];
const CODE_FILE = /\.(js|py|j2|html)$/;

/**
 * Key families the code builds from a prefix and an id, so no whole key is
 * written anywhere: every key of the family counts as used. `*` is one
 * segment. Where each is built:
 */
const DYNAMIC = [
  'details.*.label', 'details.*.hint', // ui/details.js, core/board-paper.js, core/reports.js, core/normalise.js: 'details.' + field
  'details.capacity.*', 'details.role.*', // ui/details.js, core/board-paper.js, core/reports.js: 'details.' + field + '.' + id
  'criterion.*.label', // core/normalise.js fieldLabel: 'criterion.' + (priority|notes) + '.label'
  'results.column.*', // ui/results.js: 'results.column.' + key
  'plan.column.*', // ui/plan.js, core/board-paper.js, core/normalise.js: 'plan.column.' + row field
  'plan.status.*', // ui/plan.js, core/board-paper.js, core/reports.js, core/compare-csv.js, compare/time.js: 'plan.status.' + camel(status)
  'save.refused.*', // ui/app.js restoreReason: 'save.refused.' + the import.refused.* key's last part
  'save.report.*', 'import.report.*', // core/normalise.js editionNotes: (keep ? 'save.report.' : 'import.report.') + name
  'report.column.*', // core/board-paper.js: 'report.column.' + key
  'csv.column.*', 'csv.section.*', // core/reports.js toCSV: 'csv.column.' + name, 'csv.section.' + section
  'present.summary.column.*', // present/slides.js: 'present.summary.column.' + col
  'compare.mode.*', // compare/app.js: 'compare.mode.' + radio value
  'compare.files.column.*', // compare/files.js: 'compare.files.column.' + k
  'compare.time.column.*', // compare/time.js, core/compare-paper.js: 'compare.time.column.' + k
  'compare.csv.*', // core/compare-csv.js: strings.t(data.strings, 'compare.csv.' + key)
  'page.technique.kind.*', 'page.technique.stage.*', // templates/technique.md.j2: "page.technique.kind." ~ technique.kind
  'page.opportunities.stage.*', // templates/opportunities.md.j2, nav.py: "page.opportunities.stage." ~ stage
  'page.paper.details.*', 'page.paper.capacity.*', // templates/assessment.md.j2: "page.paper.details." ~ key
];

/**
 * Keys added ahead of the code that will use them (on another branch). Each
 * must still be unreached: once code uses it, take it off this list.
 */
const PENDING = [
  // e.g. 'app.loadFailed', // what branch will use it
];

function codeText() {
  return CODE_DIRS.flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true })
    .filter((file) => CODE_FILE.test(file) && !file.split(path.sep).includes('vendor'))
    .map((file) => fs.readFileSync(path.join(ROOT, dir, file), 'utf8'))).join('\n');
}

const familyPattern = (family) => new RegExp('^' + family.split('*').map((part) => part.replace(/\./g, '\\.')).join('[A-Za-z0-9]+') + '$');
const quotedIn = (code, text) => ['\'', '"', '`'].some((q) => code.includes(q + text + q));

test('every key in strings.yml is one some code can reach (pages carry every string)', () => {
  const code = codeText();
  const families = DYNAMIC.map(familyPattern);
  const reached = (key) => quotedIn(code, key) || families.some((re) => re.test(key));
  const unreached = Object.keys(strings).filter((key) => !reached(key) && !PENDING.includes(key));
  assert.deepEqual(unreached, [], 'keys no code uses: remove them from framework/strings.yml (and any edition that sets them)');
  assert.deepEqual(PENDING.filter(reached), [], 'now used: take these off PENDING');
});

test('each key family is still built in the code and still names keys', () => {
  const code = codeText();
  for (const family of DYNAMIC) {
    const prefix = family.slice(0, family.indexOf('*'));
    assert.ok(['\'', '"', '`'].some((q) => code.includes(q + prefix)), `no code builds ${family} (from ${prefix})`);
    assert.ok(Object.keys(strings).some((key) => familyPattern(family).test(key)), `${family} names no key`);
  }
});

// An edition in another language (kmsat_build/questionnaire.py `fallback`): which parts of a
// shown text are in the national language, for the kit to mark (kit/dom.js).
test('the page data\'s fallback texts are marked, what the edition translated is not', () => {
  const { markFallback, parts } = core('strings');
  const data = {
    elements: [{ id: 'leadership', title: 'Arweinyddiaeth', criteria: [{ id: 'a', title: 'An accountable executive' }] }],
    strings: { 'steps.results': 'Results', 'nav.next': 'Nesaf', 'steps.element': 'Element {number}: {title}',
      'paper.criterion': '{element}: {criterion} ({rating})', 'a/b~c': 'Odd key' },
    fallback: { language: 'en-GB', texts: ['/elements', '/strings', '/strings/a~1b~0c'], except: ['/elements/0/title', '/strings/nav.next'] },
  };
  try {
    markFallback(data);
    assert.deepEqual(parts('Results'), [['Results', 'en-GB']]);
    assert.deepEqual(parts('An accountable executive'), [['An accountable executive', 'en-GB']]);
    assert.deepEqual(parts('Odd key'), [['Odd key', 'en-GB']]);
    assert.equal(parts('Arweinyddiaeth'), null);
    assert.equal(parts('Nesaf'), null);
    // A sentence: the template's words in its language, each param in its own; numbers and stops join a neighbour.
    const step = t(data.strings, 'steps.element', { number: 1, title: 'Arweinyddiaeth' });
    assert.deepEqual(parts(step), [['Element 1: ', 'en-GB'], ['Arweinyddiaeth', '']]);
    const line = t(data.strings, 'paper.criterion', { element: 'Arweinyddiaeth', criterion: 'An accountable executive', rating: step });
    assert.deepEqual(parts(line), [['Arweinyddiaeth: ', ''], ['An accountable executive (Element 1: ', 'en-GB'], ['Arweinyddiaeth)', '']]);
    // All in the page's language: nothing to mark.
    assert.equal(parts(t({ x: '{title} {n}' }, 'x', { title: 'Arweinyddiaeth', n: 2 })), null);
    // Data without a fallback block (the national edition, another page) forgets the marks.
    markFallback({ strings: {} });
    assert.equal(parts('Results'), null);
    markFallback(null);
    markFallback({ fallback: { language: 'en-GB', texts: '/nowhere' } }); // odd data marks nothing, throws nothing
    assert.equal(parts('Results'), null);
  } finally {
    markFallback(null);
  }
});

test('a list or a cut sentence keeps its parts\' languages, and a bare stop is never marked', () => {
  const { markFallback, parts, joinList, split } = core('strings');
  const data = {
    strings: { 'compare.legend': 'Ratings: {list}.', 'compare.unnamedTeam': 'Team not named', 'x.cy': 'Tîm' },
    fallback: { language: 'en-GB', texts: ['/strings'], except: ['/strings/x.cy'] },
  };
  try {
    markFallback(data);
    const list = joinList(['Tîm', 'Team not named', 'Tîm'], ', ');
    assert.equal(list, 'Tîm, Team not named, Tîm');
    assert.deepEqual(parts(list), [['Tîm, ', ''], ['Team not named, ', 'en-GB'], ['Tîm', '']]);
    assert.equal(parts(joinList(['Tîm', 'Tîm'], '; ')), null);
    const [before, after] = split(t(data.strings, 'compare.legend', { list: '\u0000' }), '\u0000');
    assert.deepEqual([before, after], ['Ratings: ', '.']);
    assert.deepEqual(parts(before), [['Ratings: ', 'en-GB']]);
    assert.equal(parts(after), null); // a stop alone is not marked everywhere it is shown
    // A sentence in the page's language cuts into pieces with nothing to mark.
    const [own] = split(t({ y: 'Graddau: {list}.' }, 'y', { list: '\u0000' }), '\u0000');
    assert.equal(parts(own), null);
  } finally {
    markFallback(null);
  }
});

// framework/strings.yml names no scale label (tests/test_scale_labels.py): sentences take them from
// the data (core/model.js labelParams), so the national English reads as before and a renamed label shows.
test('sentences that name a level take it from the scale: national English unchanged, a renamed label shown', () => {
  const { loadNational } = require('./helpers.js');
  const { labelParams } = core('model');
  const national = loadNational();
  const said = (data, key) => t(data.strings, key, labelParams(data));
  const before = {
    'checklist.intro': "Ten quick questions to start the conversation. A No or a Don't know is useful: it shows where to start.",
    'results.intro': "Each element's score is the average rating of its scored criteria, from 1 (Not yet) to 4 (Embedded). Don't know and Not applicable are counted but not scored. There is no overall total: look at each element and at the range within it.",
    'results.strengths.intro': 'Criteria rated Developing or Embedded.',
    'results.strengths.none': 'No criteria are rated Developing or Embedded yet.',
    'results.gaps.intro': 'Criteria rated Not yet or Emerging.',
    'results.gaps.none': 'No criteria are rated Not yet or Emerging.',
    'plan.empty': 'Nothing to plan yet. Criteria rated below Embedded appear here as candidates.',
    'plan.dismissed.intro': 'These criteria are below Embedded but you removed them from the plan. They will not come back unless you put them back.',
    'compare.side.intro': "Each team's average rating per element, from 1 (Not yet) to 4 (Embedded), from its latest round: the group's agreed answers when they are loaded, otherwise the median of the people's own answers.",
    'present.results.none': 'Nothing is rated below Developing and nothing is left to find out.',
  };
  for (const [key, text] of Object.entries(before)) assert.equal(said(national, key), text, key);
  for (const key of ['plan.intro', 'present.opened']) assert.doesNotMatch(said(national, key), /\{/, key);
  assert.match(said(national, 'plan.intro'), /below Embedded, .* answered Don't know\.$/);
  assert.match(said(national, 'present.opened'), /D Don't know, N Not applicable, H, M or L/);

  const scale = JSON.parse(JSON.stringify(national.scale));
  scale.levels[0].label = 'Dim eto';
  scale.unscored[0].label = 'Ddim yn gwybod';
  scale.checklistAnswers.find((o) => o.id === 'no').label = 'Na';
  const welsh = Object.assign({}, national, { scale });
  assert.match(said(welsh, 'results.intro'), /from 1 \(Dim eto\) to 4 \(Embedded\)\. Ddim yn gwybod and/);
  assert.match(said(welsh, 'checklist.intro'), /A Na or a Don't know is useful/);
  assert.deepEqual(Object.keys(labelParams(national)).sort(), ['answerDontKnow', 'answerNo', 'answerPartly', 'answerYes',
    'developing', 'dontKnow', 'embedded', 'emerging', 'high', 'low', 'medium', 'notApplicable', 'notYet']);
});
