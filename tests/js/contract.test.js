// The contract between the build and the browser: the page data's format and
// version (core/contract.js), and the session's shape (core/model.js), checked
// against the one definition in kmsat_build/schemas/.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, core, loadData, loadStrings } = require('./helpers.js');

const contract = core('contract');
const model = core('model');
const schema = (name) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'kmsat_build', 'schemas', name + '.schema.json'), 'utf8'));
const data = loadData();

test('the page data the build makes fits this script', () => {
  assert.equal(contract.checkPageData(data), null);
});

test('format and version are the schema’s', () => {
  const q = schema('questionnaire').properties;
  assert.deepEqual([contract.FORMAT, contract.VERSION], [q.format.const, q.version.const]);
  const s = schema('session').properties;
  assert.deepEqual([model.FORMAT, model.VERSION], [s.format.const, s.version.const]);
});

test('a page from another version is named, in the page’s own words when it has them', () => {
  const newer = contract.checkPageData(Object.assign({}, data, { version: 2 }));
  assert.deepEqual([newer.key, newer.params], ['contract.newerPage', { found: 2, supported: 1 }]);
  assert.equal(newer.text, 'This page was made by a newer version of the tool than its script (page data version 2; ' +
    'the script reads version 1), so the interactive version cannot start. The paper version of the assessment still works. ' +
    'Reload the page, as your browser may be using an old copy of the script; if this message stays, ' +
    'tell whoever publishes this site.');
  const older = contract.checkPageData({ format: 'kmsat-questionnaire', version: 0.5 });
  assert.equal(older.key, 'contract.notData');
  const welsh = { format: 'kmsat-questionnaire', version: 3, strings: { 'contract.newerPage': 'Fersiwn {found}/{supported}' } };
  assert.equal(contract.checkPageData(welsh).text, 'Fersiwn 3/1');
});

test('no data, damaged data or hostile data: a plain message, never a throw', () => {
  const hostile = { format: 'kmsat-questionnaire', version: 9, strings: { 'contract.newerPage': { toString: 0 } } };
  for (const value of [null, undefined, 'x', [], {}, { format: 'kmsat-session', version: 1 },
    { format: 'kmsat-questionnaire', version: '1' }, { format: 'kmsat-questionnaire' }, hostile]) {
    const result = contract.checkPageData(value);
    assert.ok(result && typeof result.text === 'string' && result.text.length > 40, JSON.stringify(value));
    assert.doesNotMatch(result.text, /\{(found|supported)\}|contract\./);
  }
  assert.match(contract.checkPageData(hostile).text, /^This page was made by a newer version/);
});

test('the English fallback is the same text as framework/strings.yml', () => {
  const strings = loadStrings();
  for (const [key, text] of Object.entries(contract.FALLBACK)) assert.equal(text, strings[key], key);
});

test('the session’s fields, capacities, statuses and text limit are the schema’s', () => {
  const defs = schema('session').$defs;
  const details = Object.keys(defs.details.properties);
  const choices = Object.keys(model.DETAIL_CHOICES);
  assert.deepEqual(choices, ['capacity', 'role']);
  assert.deepEqual(model.DETAIL_FIELDS, details.filter((name) => !choices.includes(name)));
  assert.deepEqual(model.DETAIL_KEYS.slice().sort(), details.slice().sort());
  assert.deepEqual(model.CAPACITIES.concat(''), defs.details.properties.capacity.enum);
  assert.deepEqual(model.ROLES.concat(''), defs.details.properties.role.enum);
  assert.deepEqual(model.STATUSES.concat(''), defs.planRow.properties.status.enum);
  assert.deepEqual(['title'].concat(model.ROW_FIELDS),
    Object.keys(defs.planRow.properties).filter((name) => defs.planRow.properties[name].$ref === '#/$defs/text'));
  assert.equal(core('normalise').TEXT_MAX, defs.text.maxLength);
});

test('the unscored ids the core counts by are the ones the framework rules require', () => {
  const unscored = schema('scale').properties.unscored.prefixItems.map((item) => item.properties.id.const);
  assert.deepEqual(unscored, [model.DONT_KNOW, model.NOT_APPLICABLE]);
  assert.deepEqual(data.scale.unscored.map((o) => o.id), unscored);
});

test('a local example link is a link only when it is a web address', () => {
  assert.deepEqual(contract.webLink({ text: 'Our panel', url: 'https://intranet.example/panel?a=1&b=2' }),
    { text: 'Our panel', url: 'https://intranet.example/panel?a=1&b=2' });
  assert.deepEqual(contract.webLink({ text: ' ', url: ' HTTP://UP.example ' }),
    { text: 'HTTP://UP.example', url: 'HTTP://UP.example' });
  for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.example',
    '//evil.example', '/local', 'https://', 'https://a b', 'vbscript:x', { toString: () => 'https://x.example' }]) {
    assert.equal(contract.webLink({ text: 'x', url }), null, String(url));
  }
  for (const link of [null, 'https://x.example', [], { url: 'https://x.example' }, { text: {}, url: 'https://x.example' }]) {
    assert.equal(contract.webLink(link), null, JSON.stringify(link));
  }
});
