'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, sessionWith, answers, parseCSV } = require('./helpers.js');

const { toJSON, fileName, csvCell, noticeOf } = core('exporters');
const { toCSV, toMarkdown, escapeMarkdown } = core('reports');
const { syncPlan } = core('plan');
const data = loadData();
const NOW = new Date('2026-11-26T15:04:05Z');

/** A session with answers, checklist, a synced plan and the given user text. */
function sessionWithText(text) {
  const base = sessionWith(data, answers({ 'accountable-executive': 'emerging/high', sharing: 'embedded', reflection: 'dont-know' }));
  const session = Object.assign({}, base, {
    details: Object.assign({}, base.details, { organisation: text.organisation || 'St Elsewhere', capacity: 'team' }),
    answers: Object.assign({}, base.answers, { 'accountable-executive': { level: 'emerging', priority: 'high', notes: text.notes || '' } }),
    checklist: { 'board-accountability': { answer: 'no', note: text.note || '' } },
  });
  const plan = syncPlan(data, session);
  return Object.assign(session, { plan: [Object.assign({}, plan[0], { action: text.action || '', status: 'in-progress' }),
    { id: 'row-9', criterion: null, title: text.title || 'Our own action', action: '', owner: '', support: '',
      due: '', measure: '', status: '' }] });
}

test('toJSON: the whole session, stamped with edition, versions and export time', () => {
  const session = sessionWithText({});
  const text = toJSON(session, data, NOW);
  const parsed = JSON.parse(text);
  assert.deepEqual(Object.keys(parsed).slice(0, 6), ['format', 'version', 'notice', 'edition', 'exportedAt', 'id']);
  assert.equal(parsed.notice, noticeOf(data));
  assert.match(parsed.notice, new RegExp('^This is an independent, unofficial rendering of NHS England\'s Evidence and '
    + 'Knowledge Self-Assessment Tool, with its own criteria, published by ' + data.edition.publisher + '\\.$'));
  assert.deepEqual(parsed.edition, { id: 'small', contentVersion: '1.0.0', fingerprint: data.fingerprint });
  assert.equal(parsed.exportedAt, '2026-11-26T15:04:05.000Z');
  assert.deepEqual(parsed.answers, session.answers);
  assert.ok(text.endsWith('}\n') && text.includes('\n  "format": "kmsat-session",'));
});

test('toCSV: BOM, CRLF line ends, one table with a section column', () => {
  const csv = toCSV(data, sessionWithText({}));
  assert.ok(csv.startsWith('\uFEFF'));
  assert.ok(csv.endsWith('\r\n'));
  assert.equal(csv.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF outside quoted cells');
  const rows = parseCSV(csv.slice(1));
  assert.deepEqual(rows[0], ['Section', 'Element', 'Id', 'Item', 'Answer', 'Rating value', 'Priority', 'Notes',
    'Action', 'Owner', 'Library and knowledge service support', 'By when', 'How we will know it worked', 'Status', 'Agreed action']);
  assert.ok(rows.every((row) => row.length === 15));
  const sections = rows.slice(1).map((row) => row[0]);
  assert.deepEqual([...new Set(sections)], ['notice', 'details', 'checklist', 'answer', 'plan']);
  assert.deepEqual(rows[1].slice(0, 4), ['notice', '', '', noticeOf(data)]);
  assert.match(rows[1][3], /independent, unofficial rendering .* published by Test publisher\.$/);
  assert.deepEqual(rows[7], ['details', '', 'rater', 'Your name', '', '', '', '', '', '', '', '', '', '', '']);
  assert.deepEqual(rows[8], ['details', '', 'purpose', 'Purpose of the session', '', '', '', '', '', '', '', '', '', '', '']);
  assert.deepEqual(rows[9], ['details', '', 'capacity', 'The group is answering on behalf of', 'A team', '', '', '', '', '', '', '', '', '', '']);
  assert.deepEqual(rows[10], ['details', '', 'role', 'Whose answers are these?', '', '', '', '', '', '', '', '', '', '', '']);
  assert.deepEqual(rows.find((row) => row[2] === 'accountable-executive' && row[0] === 'answer').slice(0, 7),
    ['answer', 'Leadership', 'accountable-executive', 'An accountable executive', 'Emerging', '2', 'High']);
  assert.deepEqual(rows.find((row) => row[2] === 'reflection').slice(4, 6), ["Don't know", '']);
  assert.deepEqual(rows.filter((row) => row[0] === 'plan').map((row) => [row[2], row[3], row[13], row[14]]),
    [['accountable-executive', 'An accountable executive', 'In progress', 'Candidate'], ['', 'Our own action', '', 'Candidate']]);
});

test('toCSV: commas, quotes and newlines are quoted and read back intact', () => {
  const notes = 'Said "yes", then\r\nno,\nthen maybe';
  const rows = parseCSV(toCSV(data, sessionWithText({ notes, organisation: 'A, B & "C"' })).slice(1));
  assert.equal(rows.find((row) => row[2] === 'accountable-executive').at(7), notes);
  assert.equal(rows[2][4], 'A, B & "C"');
  assert.equal(csvCell('a"b'), '"a""b"');
  assert.equal(csvCell('plain text'), '"plain text"', 'every cell is quoted');
  assert.equal(csvCell(''), '""');
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(3), '"3"', 'our numbers are not neutralised');
});

test('csvCell: a formula start is neutralised at the start and after every separator or line break', () => {
  for (const [input, expected] of [
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+1', '"\'+1"'], ['-2+3', '"\'-2+3"'], ['@SUM(A1)', '"\'@SUM(A1)"'],
    ['\tcmd', '"\'\tcmd"'], ['\r=1', '"\'\r\'=1"'],
    // A spreadsheet splitting on ; (much of Europe), on tabs or on commas sees a new cell here.
    ['Dr A;=1+1;', '"Dr A;\'=1+1;"'], ['a,=1+1', '"a,\'=1+1"'], ['a\t=1', '"a\t\'=1"'],
    ['a;+1;-2;@3', '"a;\'+1;\'-2;\'@3"'], ['a; =1', '"a; =1"'], ['@x, -2, +3', '"\'@x, -2, +3"'], ['a;\t=1', '"a;\'\t\'=1"'],
    ['line one\n=cmd', '"line one\n\'=cmd"'], ['line one\r\n@cmd', '"line one\r\n\'@cmd"'],
    // Not a cell start: left alone.
    ['a=1', '"a=1"'], ['1-2', '"1-2"'], ['x;y', '"x;y"'], ['e-mail: a@b', '"e-mail: a@b"'],
  ]) {
    assert.equal(csvCell(input), expected, JSON.stringify(input));
  }
});

test('toCSV: hostile cells are inert however the file is split', () => {
  const hostile = ['Dr A;=1+1;', 'x,=HYPERLINK("http://evil.example")', 'ok\t@SUM(A1)', 'n\n-2+3', '=cmd|" /C calc"!A0'];
  for (const text of hostile) {
    const csv = toCSV(data, sessionWithText({ notes: text, action: text, title: text, organisation: text, note: text }));
    // As a spreadsheet honouring quotes reads it: the text, marked as text.
    const cells = parseCSV(csv.slice(1)).flat();
    assert.ok(cells.filter((cell) => cell.replace(/(^|[,;\t\r\n])'(?=[=+\-@\t\r])/g, '$1') === text).length >= 5, text);
    // As one splitting every line on , ; or tab and ignoring quotes reads it: no piece is a formula.
    for (const piece of csv.slice(1).split(/[,;\t\r\n]/)) {
      assert.doesNotMatch(piece.replace(/^"/, ''), /^[=+\-@]/, JSON.stringify(piece));
    }
  }
});

test('toCSV: cells that a spreadsheet would run as formulas are neutralised', () => {
  const csv = toCSV(data, sessionWithText({ notes: '=cmd|" /C calc"!A0', action: '@evil', title: '-custom' }));
  const rows = parseCSV(csv.slice(1));
  assert.equal(rows.find((row) => row[2] === 'accountable-executive').at(7), '\'=cmd|" /C calc"!A0');
  const plan = rows.filter((row) => row[0] === 'plan');
  assert.deepEqual([plan[0][8], plan[1][3]], ["'@evil", "'-custom"]);
});

test('escapeMarkdown: user text cannot form HTML, links, emphasis, code or table breaks', () => {
  assert.equal(escapeMarkdown('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(escapeMarkdown('[x](javascript:alert(1))'), '\\[x\\](javascript:alert(1))');
  assert.equal(escapeMarkdown('![img](http://x/y.png)'), '!\\[img\\](http://x/y.png)');
  assert.equal(escapeMarkdown('*a* _b_ `c` a|b ~~d~~ \\ &amp; #1'),
    '\\*a\\* \\_b\\_ \\`c\\` a\\|b \\~\\~d\\~\\~ \\\\ &amp;amp; \\#1');
  assert.equal(escapeMarkdown('- item'), '\\- item');
  assert.equal(escapeMarkdown('1. first'), '1\\. first');
  assert.equal(escapeMarkdown('2.5'), '2.5');
  assert.equal(escapeMarkdown('line one\r\nline two\nthree'), 'line one<br>line two<br>three');
  assert.equal(escapeMarkdown('<br>'), '&lt;br&gt;');
  assert.equal(escapeMarkdown('> quote'), '&gt; quote');
  assert.equal(escapeMarkdown(undefined), '');
});

test('toMarkdown: the report, with user text escaped everywhere', () => {
  const md = toMarkdown(data, sessionWithText({
    notes: '<script>alert(1)</script>', action: '[x](javascript:alert(1))', organisation: '<img src=x onerror=alert(1)>',
    note: 'a | b', title: '# Not a heading',
  }));
  // No < in the report but the <br> the exporter writes itself; every [ is escaped.
  assert.deepEqual(md.replace(/<br>/g, '').match(/<|(^|[^\\])\[/gm), null);
  assert.equal(md.includes('[x]('), false);
  assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(md.includes('\\[x\\](javascript:alert(1))'));
  assert.ok(md.includes('| \\# Not a heading (candidate) |'));
  assert.ok(md.includes('| Date of the session | 26 November 2026 |'), 'dates as people write them');
  // The Board paper's sections, as printed and in the Word document.
  assert.deepEqual(md.match(/^#+ .*$/gm), ['# Small Test Edition: self-assessment report',
    '## Purpose', '## Session details', '## Results by element', '## Where to focus', '## To find out',
    '### Not answered yet', '## Strengths',
    '## Action plan', '## Ratings, priorities and notes', '### Leadership', '### Behaviours', '## Board checklist']);
  // Every table row has the same number of cells as its header: pipes in user text did not split cells.
  for (const table of md.split('\n\n').filter((block) => block.startsWith('|'))) {
    const counts = table.trim().split('\n').map((line) => line.split(/(?<!\\)\|/).length);
    assert.equal(new Set(counts).size, 1, table);
  }
});

test('toMarkdown: results, strengths, plan and checklist read as expected', () => {
  const md = toMarkdown(data, sessionWithText({ action: 'Name an executive' }));
  assert.ok(md.startsWith('# Small Test Edition: self-assessment report\n\nThis is an '
    + "independent, unofficial rendering of NHS England's Evidence and Knowledge Self-Assessment Tool, with its own "
    + 'criteria, published by Test publisher.'), md.slice(0, 300));
  assert.ok(md.includes('| Leadership | 2.0 | 1 of 3 | 2 | 0 | 0 |'));
  assert.ok(md.includes('| Behaviours | 4.0 | 2 of 3 | 4 | 1 | 0 |'));
  assert.ok(md.includes('- Behaviours: Sharing across boundaries (4 Embedded)'));
  assert.ok(md.includes("- Behaviours: Reflection during and after (Don't know)"), "Don't know criteria are named");
  assert.ok(md.includes('| 1 | An accountable executive (candidate) (Emerging, High) | Name an executive |  |  |  |  | In progress |'));
  assert.ok(md.includes('| 2 | Our own action (candidate) |  |  |  |  |  |  |'));
  assert.ok(md.includes('| 1.1 An accountable executive | 2 Emerging | High |  |'));
  assert.ok(md.includes('| Is a named Board member accountable for knowledge? | No |  |'));
  assert.ok(md.includes('| The group is answering on behalf of | A team |'));
  assert.ok(md.endsWith('\n\n---\n\nMade on ' + md.match(/Made on ([^\n]*)/)[1] + '\n'));
  const empty = toMarkdown(data, sessionWith(data, {}));
  assert.ok(empty.includes('## Strengths\n\nCriteria rated Developing or Embedded.\n\nNo criteria are rated Developing or Embedded yet.\n\n'));
  assert.ok(empty.includes('## Action plan\n\nNo actions yet.'));
  assert.ok(empty.includes('| Leadership | Not scored | 0 of 3 |  | 0 | 0 |'));
});

test('exports are all words: no strings key is left unresolved', () => {
  const { STATUSES, CAPACITIES } = core('model');
  for (const [i, status] of STATUSES.entries()) {
    const session = sessionWithText({ action: 'x' });
    session.details = Object.assign({}, session.details, { capacity: CAPACITIES[i % CAPACITIES.length] });
    session.plan = session.plan.map((row) => Object.assign({}, row, { status }));
    session.plan = session.plan.concat({ id: 'row-20', criterion: 'sharing', title: '', action: 'kept', owner: '',
      support: '', due: '', measure: '', status: '' });
    const text = toMarkdown(data, session) + toCSV(data, session);
    assert.ok(text.includes('| Sharing across boundaries (candidate) (rating has changed) (Embedded) |'), 'a stale row is tagged');
    assert.deepEqual(text.match(/\b(?:report|results|plan|details|csv|import|paper)\.[A-Za-z][A-Za-z0-9.]*/g), null);
  }
});

test('fileName: safe on every system', () => {
  const named = (details, ext) => fileName({ details }, ext);
  assert.equal(named({ organisation: "St Mary's NHS Trust", team: 'A&E / Board', date: '2026-11-26' }, 'csv'),
    'kmsat-st-mary-s-nhs-trust-a-e-board-2026-11-26.csv');
  assert.equal(named({ organisation: 'Hôpital Zoë', team: '', date: 'next week' }, 'json'), 'kmsat-hopital-zoe.json');
  assert.equal(named({ organisation: '../../etc/passwd', team: 'CON' }, 'md'), 'kmsat-etc-passwd-con.md');
  assert.equal(named({ organisation: '日本' }, '../x.EXE'), 'kmsat.xexe');
  assert.equal(fileName(null, ''), 'kmsat.txt');
  // Whose answers: the agreed file has its own name, each person's file theirs.
  const team = { organisation: 'St Elsewhere', team: 'Finance', date: '2026-05-01' };
  assert.equal(named(Object.assign({ role: 'agreed', rater: 'Ignored' }, team), 'json'),
    'kmsat-st-elsewhere-finance-2026-05-01-agreed.json');
  assert.equal(named(Object.assign({ role: 'individual', rater: 'Jo Bloggs' }, team), 'json'),
    'kmsat-st-elsewhere-finance-2026-05-01-jo-bloggs.json');
  assert.equal(named(Object.assign({ role: 'individual', rater: ' ' }, team), 'csv'),
    'kmsat-st-elsewhere-finance-2026-05-01-individual.csv');
  assert.ok(named({ organisation: 'x'.repeat(300) }, 'md').length <= 60);
});
