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
