'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers } = require('./helpers.js');

const share = core('share');
const { ImportError } = core('session');
const { syncPlan } = core('plan');
const data = loadData();
const NOW = new Date('2026-11-26T12:00:00Z');

/** A session with details, ratings with notes, checklist answers with notes and a plan. */
function fullSession() {
  const base = sessionWith(data, answers({ 'accountable-executive': 'emerging/high', sharing: 'dont-know',
    reflection: 'embedded' }), {
    details: { organisation: 'St Elsewhere', team: 'Médecine & Co', date: '2026-11-26', facilitator: 'Ana',
      participants: 'Exec team', rater: 'Jo Bloggs', capacity: 'directorate', role: 'individual' },
    checklist: { 'board-accountability': { answer: 'no', note: 'Nobody yet' } },
  });
  const withNotes = Object.assign({}, base, { answers: Object.assign({}, base.answers,
    { 'accountable-executive': { level: 'emerging', priority: 'high', notes: 'Private: the CEO said “no” ✓' } }) });
  const plan = syncPlan(data, withNotes);
  plan[0] = Object.assign({}, plan[0], { action: 'Name one', owner: 'CEO', status: 'in-progress' });
  return Object.assign(withNotes, { plan, dismissed: ['strategy-and-plans'] });
}

/** Assert that decoding `value` is refused with exactly `key` and `message`. */
function refused(value, key, message) {
  assert.throws(() => share.decodeShare(value, data), (error) => {
    assert.ok(error instanceof ImportError);
    assert.equal(error.key, key);
    if (message) assert.equal(error.message, message);
    return true;
  });
}

test('base64url and FNV-1a: known values, strict decoding', () => {
  const bytes = (s) => new TextEncoder().encode(s);
  assert.equal(share.toBase64url(bytes('')), '');
  assert.equal(share.toBase64url(bytes('f')), 'Zg');
  assert.equal(share.toBase64url(bytes('fo')), 'Zm8');
  assert.equal(share.toBase64url(bytes('foo')), 'Zm9v');
  assert.equal(share.toBase64url(new Uint8Array([251, 255, 191])), '-_-_');
  assert.deepEqual([...share.fromBase64url('-_-_')], [251, 255, 191]);
  assert.equal(new TextDecoder().decode(share.fromBase64url('Zm9vYmFy')), 'foobar');
  for (const bad of ['Z', 'Zm9v=', 'Zm+v', 'Zh']) assert.equal(share.fromBase64url(bad), null, bad); // Zh: stray bits
  assert.equal(share.fnv1a(bytes('')), '811c9dc5');
  assert.equal(share.fnv1a(bytes('a')), 'e40c292c');
  assert.equal(share.fnv1a(bytes('foobar')), 'bf9cf968');
});

test('round trip without notes: ratings, priorities, details and checklist answers; no notes, no plan', () => {
  const original = fullSession();
  const value = share.encodeShare(original, data);
  assert.match(value, /^1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  assert.doesNotMatch(Buffer.from(value.split('.')[1], 'base64url').toString(), /Private|Nobody yet|Name one/);
  const { session, report, notes } = share.decodeShare(value, data, { newId: 'new-session', now: NOW });
  assert.deepEqual(report, []);
  assert.equal(notes, false);
  // The session's own id, revision and time: the same answers sent twice are known as one.
  assert.deepEqual([session.id, session.revision, session.savedAt], ['test-session', 0, '2026-11-26T12:00:00.000Z']);
  assert.deepEqual(session.details, original.details);
  assert.deepEqual([session.details.role, session.details.rater], ['individual', 'Jo Bloggs']);
  assert.deepEqual(session.answers, {
    'accountable-executive': { level: 'emerging', priority: 'high', notes: '' },
    reflection: { level: 'embedded', priority: '', notes: '' },
    sharing: { level: 'dont-know', priority: '', notes: '' },
  });
  assert.deepEqual(session.checklist, { 'board-accountability': { answer: 'no', note: '' } });
  assert.deepEqual([session.plan, session.dismissed], [[], []]);
});

test('round trip with notes: notes, checklist notes, the plan and what was dismissed', () => {
  const original = fullSession();
  const { session, notes } = share.decodeShare(share.encodeShare(original, data, { notes: true }), data,
    { newId: 'new-session' });
  assert.equal(notes, true);
  assert.deepEqual(session.answers, original.answers);
  assert.deepEqual(session.checklist, original.checklist);
  assert.deepEqual(session.plan, JSON.parse(JSON.stringify(original.plan)));
  assert.deepEqual(session.dismissed, ['strategy-and-plans']);
});

test('a whole link or just its fragment decodes the same', () => {
  const value = share.encodeShare(fullSession(), data);
  const link = share.shareLink('https://example.org/kmsat/assessment.html#step-3', value);
  assert.equal(link, 'https://example.org/kmsat/assessment.html#share=' + value);
  assert.equal(share.shareValue(link), value);
  assert.equal(share.shareValue('#share=' + value), value);
  assert.equal(share.shareValue('https://example.org/#other'), null);
  for (const input of [link, '#share=' + value, value]) {
    assert.equal(share.decodeShare(input, data).session.answers.reflection.level, 'embedded');
  }
});

test('tampering: any changed character in the payload or checksum is refused', () => {
  const value = share.encodeShare(fullSession(), data);
  const [version, payload, sum] = value.split('.');
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  // It detects accidents, and says so: it proves nothing about who made the link.
  const checksumMessage = 'This link is damaged or cut short, so it was not read. ' +
    'Copy the whole link again, or ask for the answers file.';
  for (const i of [0, 10, payload.length >> 1, payload.length - 2]) {
    refused([version, flip(payload, i), sum].join('.'), 'share.refused.checksum', checksumMessage);
  }
  refused([version, payload, sum === '00000000' ? '00000001' : '00000000'].join('.'), 'share.refused.checksum');
  // A payload rebuilt by hand with a recomputed checksum passes the checksum and meets the usual checks.
  const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
  forged.a.sharing = ['superb'];
  const text = JSON.stringify(forged).replace('"a":{', '"a":{"__proto__":["embedded"],');
  const bytes = new TextEncoder().encode(text);
  const rebuilt = '1.' + share.toBase64url(bytes) + '.' + share.fnv1a(bytes);
  const { session, report } = share.decodeShare(rebuilt, data);
  assert.equal(session.answers.sharing, undefined);
  assert.equal({}.level, undefined);
  assert.equal(Object.getPrototypeOf(session.answers), Object.prototype);
  assert.deepEqual(report.map((m) => [m.key, m.params.items]),
    [['import.report.unknownCriteria', '__proto__'], ['import.report.unknownLevels', 'Sharing across boundaries: superb']]);
});

test('cut short, bad characters, wrong version or not a link at all: refused', () => {
  const value = share.encodeShare(fullSession(), data);
  const badLink = 'This link is not a complete share link: part of it may be missing. ' +
    'Copy the whole link again, or ask for the answers file.';
  for (const bad of [value.slice(0, -3), value.slice(0, 40), '2' + value.slice(1), value.replace('.', '.*'), '',
    'https://example.org/', 'share=', '1..811c9dc5x']) {
    refused(bad, 'share.refused.badLink', badLink);
  }
  // Valid base64 and checksum around bytes that are not UTF-8, or not JSON.
  for (const bytes of [new Uint8Array([0xff, 0xfe]), new TextEncoder().encode('{"v":1,')]) {
    refused('1.' + share.toBase64url(bytes) + '.' + share.fnv1a(bytes), 'share.refused.badLink');
  }
});

test('wrong shape and other editions are refused', () => {
  const wrap = (payload) => {
    const bytes = new TextEncoder().encode(JSON.stringify(payload));
    return '1.' + share.toBase64url(bytes) + '.' + share.fnv1a(bytes);
  };
  for (const payload of [[], 'x', { v: 2, e: 'small' }, { v: 1 }, { v: 1, e: 'small', a: [] },
    { v: 1, e: 'small', d: {} }, { v: 1, e: 'small', l: {} }]) {
    refused(wrap(payload), 'share.refused.wrongShape', 'This link does not hold answers from this tool.');
  }
  refused(wrap({ v: 1, e: 'st-elsewhere', a: {} }), 'share.refused.otherEdition',
    'This link holds answers for another edition of this tool (“st-elsewhere”), not this one (“small”). ' +
    'Open it on the site it came from.');
  // Same edition, other question set: kept where the criteria still exist, and said so.
  const { report } = share.decodeShare(wrap({ v: 1, e: 'small', c: '0.9.0', p: 'ffff', a: { gone: ['embedded'] } }), data);
  assert.deepEqual(report.map((m) => m.key), ['import.report.contentVersion', 'import.report.unknownCriteria']);
});

test('size cap: a link over 16,000 characters is neither made nor read', () => {
  assert.equal(share.MAX_LENGTH, 16000);
  const long = Object.assign({}, fullSession());
  long.answers = Object.assign({}, long.answers, { sharing: { level: 'embedded', priority: '', notes: 'é'.repeat(5000) } });
  long.answers.reflection = { level: 'embedded', priority: '', notes: 'x'.repeat(5000) };
  assert.throws(() => share.encodeShare(long, data, { notes: true }), (error) => {
    assert.equal(error.key, 'share.tooLong');
    assert.match(error.message, /^The link would be 2\d{4} characters long, more than the 16000 a link can safely carry\./);
    return true;
  });
  assert.ok(share.encodeShare(long, data).length < 1000, 'without notes it is short');
  refused('#share=1.' + 'A'.repeat(16000) + '.00000000', 'share.refused.tooLong',
    'This link is longer than the 16000 characters a share link can have, so it was not read. ' +
    'Ask for the answers file instead.');
});

test('a whole national assessment without notes makes a short link', () => {
  const ids = data.elements.flatMap((e) => e.criteria.map((c) => c.id));
  const spec = Object.fromEntries(ids.map((id) => [id, 'developing/medium']));
  const value = share.encodeShare(sessionWith(data, answers(spec)), data);
  assert.ok(value.length < 600, String(value.length));
});

test('a link made before links carried their session is known by its checksum, the same each time', () => {
  const payload = { v: 1, e: data.edition.id, c: data.edition.contentVersion, p: data.fingerprint,
    d: ['St Elsewhere', 'Board', '2026-05-01', '', '', 'organisation'], a: { reflection: ['embedded'] }, k: {} };
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const value = '1.' + share.toBase64url(bytes) + '.' + share.fnv1a(bytes);
  const first = share.decodeShare(value, data, { newId: 'one' }).session;
  const again = share.decodeShare('https://x.example/assessment/#share=' + value, data, { newId: 'two' }).session;
  assert.deepEqual([first.id, first.revision, first.savedAt], ['link-' + share.fnv1a(bytes), 0, '']);
  assert.deepEqual([again.id, again.revision, again.savedAt], [first.id, 0, '']);
  assert.deepEqual([first.details.capacity, first.details.role, first.details.rater], ['organisation', '', '']);
});
