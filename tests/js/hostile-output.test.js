// Every payload in every text field, through every export the core writes:
// the questionnaire's CSV and Markdown, a share link, and the compare page's
// three CSVs. The browser test (tests/browser/test_output_safety.py) types
// them into the page; this covers each payload in each field, in a second.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers, parseCSV } = require('./helpers.js');

const { toJSON, csvCell } = core('exporters');
const { toCSV, toMarkdown, escapeMarkdown } = core('reports');
const { syncPlan } = core('plan');
const { encodeShare, decodeShare } = core('share');
const compare = core('compare');
const { overTime } = core('over-time');
const { spread } = core('consensus');
const compareCsv = core('compare-csv');
const data = loadData();

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '[click me](javascript:window.__pwned=1)',
  '<javascript:window.__pwned=1>',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '-1+1',
  '\t=1+1',
  '\r=1+1',
  '\u202eevil\u202c',
  ']]>',
  '</textarea>',
  '| a | b |\n| --- | --- |',
  '# heading\n- item\n1. item',
  // Formulas after a separator: cells of their own where a spreadsheet splits on ; , or tab.
  'Dr A;=1+1;',
  'a,@SUM(1)',
  'x\t-1+1',
  'note\n+cmd',
];
const FORMULA = /^[=+\-@\t\r]/;
/** A cell read back, with the apostrophes csvCell adds where a cell could begin taken out again. */
const unneutral = (cell) => cell.replace(/(^|[,;\t\r\n])'(?=[=+\-@\t\r])/g, '$1');
/** No piece of a cell, split where any spreadsheet might split it, starts as a formula. */
const inert = (cell) => cell.split(/[,;\t\r\n]/).every((piece) => !/^[=+\-@]/.test(piece)) && !FORMULA.test(cell);
const DETAILS = ['organisation', 'team', 'date', 'facilitator', 'participants', 'rater', 'purpose'];
const ROW = ['action', 'owner', 'support', 'due', 'measure'];

/** A session whose every text field holds `text`: details, checklist note, notes, an auto row and a custom row. */
function hostileSession(text) {
  const base = sessionWith(data, answers({ 'accountable-executive': 'emerging/high', sharing: 'not-yet' }));
  const session = Object.assign({}, base, {
    details: Object.assign(Object.fromEntries(DETAILS.map((f) => [f, text])), { capacity: 'team', role: 'individual' }),
    checklist: { 'board-accountability': { answer: 'no', note: text } },
    answers: Object.fromEntries(Object.entries(base.answers).map(([id, a]) => [id, Object.assign({}, a, { notes: text })])),
  });
  const plan = syncPlan(data, session).map((row) => Object.assign({}, row, Object.fromEntries(ROW.map((f) => [f, text]))));
  plan.push(Object.assign({ id: 'row-' + (plan.length + 1), criterion: null, title: text, status: '', agreed: true },
    Object.fromEntries(ROW.map((f) => [f, text]))));
  return Object.assign(session, { plan });
}

/** Markdown that still holds markup after escaping: a tag, or a link not escaped. */
const RAW_MARKUP = /<(?!br>)[a-z/!?]|(?<!\\)\]\((?:javascript|data|vbscript):|(?<![\\&])\[[^\]]*(?<!\\)\]\(/i;

for (const [i, payload] of PAYLOADS.entries()) {
  test(`payload ${i} ${JSON.stringify(payload)}: text in CSV, Markdown and a share link`, () => {
    const session = hostileSession(payload);

    // CSV: every cell that held the payload holds it as text, formula starts prefixed with '.
    const rows = parseCSV(toCSV(data, session).replace(/^\uFEFF/, ''));
    const cells = rows.flat();
    const count = cells.filter((cell) => unneutral(cell) === payload).length;
    // 7 details (the rater's name, the purpose), 1 checklist note, 2 notes, 2 auto rows x 5 fields, a custom title + 5 fields
    assert.equal(count, 7 + 1 + 2 + 10 + 6, 'every field once, as text');
    for (const cell of cells) assert.ok(inert(cell), 'no cell or piece of one is a formula: ' + JSON.stringify(cell));

    // Markdown: no tag, no link; the escaped text is the payload once unescaped.
    const markdown = toMarkdown(data, session);
    assert.doesNotMatch(markdown, RAW_MARKUP);
    const escaped = escapeMarkdown(payload);
    assert.doesNotMatch(escaped.replace(/<br>/g, ''), /[<>]/);
    assert.ok(markdown.split(escaped).length - 1 >= 6 + 1 + 2 + 10 + 6, 'every field in the report');
    const unescaped = escaped.replace(/<br>/g, '\n').replace(/\\(.)/g, '$1')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(unescaped, payload.replace(/\r\n|\r/g, '\n'));

    // Share link with notes: every field comes back exactly.
    const back = decodeShare(encodeShare(session, data, { notes: true }), data, { newId: 'x' }).session;
    assert.deepEqual(back.details, session.details);
    assert.deepEqual(back.answers, session.answers);
    assert.deepEqual(back.checklist, session.checklist);
    assert.deepEqual(back.plan, JSON.parse(JSON.stringify(session.plan)));
  });
}

test('csvCell: every payload reads back as itself once the added apostrophes are taken out, and is inert', () => {
  for (const payload of PAYLOADS) {
    const cell = parseCSV(csvCell(payload) + '\r\n')[0][0];
    assert.equal(unneutral(cell), payload, JSON.stringify(payload));
    assert.ok(inert(cell), JSON.stringify(cell));
    assert.equal(cell === payload, !/(^|[,;\t\r\n])[=+\-@\t\r]/.test(payload), 'changed only where a formula could start');
  }
});

test("the compare page's CSVs: team names and plan text as text, formulas prefixed", () => {
  // Two files of one team, a year apart, with every payload in the names and the plan.
  const files = PAYLOADS.slice(5, 9).map((payload, i) => {
    const session = hostileSession(payload);
    const dated = (date, id) => Object.assign({}, session, { id, details: Object.assign({}, session.details,
      { organisation: 'Trust', team: payload, date }) });
    return [dated('2025-01-0' + (i + 1), 'a' + i), dated('2026-01-0' + (i + 1), 'b' + i)]
      .map((s) => compare.readExport(toJSON(s, data), data));
  });
  const all = files.flat();
  const shared = compare.sharedCriteria(data, all);
  const checkCSV = (text) => {
    const cells = parseCSV(text.replace(/^\uFEFF/, '')).flat();
    for (const cell of cells) assert.ok(inert(cell), JSON.stringify(cell));
    return cells;
  };
  const side = checkCSV(compareCsv.sideBySideCSV(data, compare.sideBySide(data, all, shared)));
  for (const payload of PAYLOADS.slice(5, 9)) assert.ok(side.some((cell) => cell.includes(payload)), payload);
  for (const pair of files) {
    const time = checkCSV(compareCsv.overTimeCSV(data, overTime(data, pair, shared)));
    assert.ok(time.map(unneutral).includes(pair[0].session.plan[0].action));
  }
  const raters = [files[0][0], Object.assign({}, files[1][0], { session: Object.assign({}, files[1][0].session,
    { details: files[0][0].session.details }) })];
  const rows = spread(data, raters, shared);
  const agreed = Object.fromEntries(rows.map((r) => [r.id, { level: '', notes: PAYLOADS[6] }]));
  const consensus = checkCSV(compareCsv.consensusCSV(data, rows, agreed));
  assert.ok(consensus.map(unneutral).includes(PAYLOADS[6]));
});
