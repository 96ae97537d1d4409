'use strict';
// The Board paper as a Word document (core/board-paper-docx.js), made with
// the vendored docx library as the browser loads it, unzipped and read back.
const test = require('node:test');
const assert = require('node:assert/strict');
const { core, loadData, loadNational, loadDocx, unzip, sessionWith, fullSession } = require('./helpers.js');

const boardPaper = core('board-paper');
const paperDocx = core('board-paper-docx');
const { normaliseSession } = core('normalise');
const lib = loadDocx();
const data = loadData();
const NOW = new Date('2026-12-01T09:30:00Z');

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (xml) => xml.replace(/&(lt|gt|amp|quot|apos);/g, (_, name) => ENTITIES[name]);

/** Make the .docx for a paper and read back its parts. */
async function wordFiles(paper) {
  const buffer = await lib.Packer.toBuffer(paperDocx.toDocument(paper, lib));
  assert.equal(buffer.subarray(0, 2).toString(), 'PK', 'a zip file');
  const files = unzip(buffer);
  return { files, xml: files.get('word/document.xml').toString('utf8') };
}

/** Each paragraph's text, line breaks as \n. */
function paragraphs(xml) {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) || []).map((p) =>
    (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>/g) || [])
      .map((token) => (token === '<w:br/>' ? '\n' : decode(token.replace(/<[^>]+>/g, '')))).join(''));
}

/** Every text the paper holds is in the document, whole (notes with their line breaks). */
function assertAllTexts(paper, xml) {
  const text = paragraphs(xml).join('\n');
  const missing = boardPaper.texts(paper).filter((expected) => !text.includes(expected));
  assert.deepEqual(missing, []);
  return text;
}

const tables = (xml) => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) || [];
const rows = (tableXml) => tableXml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) || [];

test('a full session: every criterion, note, plan row, checklist answer, Don\'t know and the notice', async () => {
  const paper = boardPaper.build(data, fullSession(data), { now: NOW });
  const { xml } = await wordFiles(paper);
  const text = assertAllTexts(paper, xml);
  for (const expected of ['1.1 An accountable executive', 'The CEO holds it in name only.\nNo objectives yet.',
    '<b>Never</b> & rarely "before"', '=1+1 shared widely', 'Action 2 for strategy-and-plans', '15 March 2027',
    'Library induction for new directors', 'Nobody named yet', "Leadership: Papers use evidence (Don't know)",
    'Board checklist: Do you know which know-how would be lost if key people left?',
    'Made on 1 December 2026 with Small Test Edition, content version 1.0.0',
    'independent, unofficial']) {
    assert.ok(text.includes(expected), expected);
  }
  assert.ok(!xml.includes('<b>'), 'markup in notes is text, escaped');
});

test('tables: header rows repeat on every page, no row splits across pages', async () => {
  const paper = boardPaper.build(data, fullSession(data), { now: NOW });
  const { xml } = await wordFiles(paper);
  const all = tables(xml);
  // details, chart, scores, plan, two element tables, checklist
  assert.equal(all.length, 7);
  const withHead = all.filter((t) => rows(t)[0].includes('<w:tblHeader/>'));
  assert.equal(withHead.length, 6, 'every table but the chart has a repeating header row');
  for (const t of all) {
    assert.equal(rows(t).filter((r) => r.includes('<w:tblHeader/>')).length, t === all[1] ? 0 : 1, 'only the first row');
    for (const r of rows(t)) assert.ok(r.includes('<w:cantSplit/>'), 'row cannot split');
  }
});

test('headings keep with what follows; lists keep their first and last two items together', async () => {
  const paper = boardPaper.build(data, fullSession(data), { now: NOW });
  const { xml } = await wordFiles(paper);
  const paras = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g);
  const headings = paras.filter((p) => /<w:pStyle w:val="(Heading1|Heading2|Title)"\/>/.test(p));
  assert.equal(headings.length, 1 + paper.sections.length + 2, 'title, sections, and each element');
  for (const h of headings) assert.ok(h.includes('<w:keepNext/>'), paragraphs(h)[0]);
  // Intro paragraphs sit between a heading and its block: they keep with it too.
  const intro = paras.find((p) => paragraphs(p)[0] === 'Criteria rated Not yet or Emerging.');
  assert.ok(intro.includes('<w:keepNext/>'));
  const bullets = paras.filter((p) => p.includes('<w:numPr>'));
  const focus = bullets.filter((p) => /Where to focus|An accountable executive \(2 Emerging|Learning before \(1 Not yet/.test(paragraphs(p)[0]));
  assert.equal(focus.length, 2);
  assert.ok(focus[0].includes('<w:keepNext/>'), 'a two-item list stays together');
});

test('A4 portrait, the edition\'s language, title and notice in the properties', async () => {
  const paper = boardPaper.build(data, fullSession(data), { now: NOW });
  const { files, xml } = await wordFiles(paper);
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  assert.match(files.get('word/styles.xml').toString(), /<w:lang w:val="en-GB"\/>/);
  const props = decode(files.get('docProps/core.xml').toString());
  assert.ok(props.includes('<dc:title>' + paper.title + '</dc:title>'));
  assert.ok(props.includes('<dc:subject>St Elsewhere NHS Trust</dc:subject>'));
  assert.ok(props.includes(paper.notice));
  // Page numbers in the footer, as Word fields, in the edition's words.
  const footer = [...files.keys()].find((name) => /^word\/footer\d*\.xml$/.test(name));
  const footerXml = files.get(footer).toString();
  assert.match(footerXml, /<w:t xml:space="preserve">Page <\/w:t>/);
  assert.match(footerXml, /<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
  assert.match(footerXml, /<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
});

test('the chart: a bar per element as long as its average, a range line, the axis and the key', async () => {
  const paper = boardPaper.build(data, fullSession(data), { now: NOW });
  const { xml } = await wordFiles(paper);
  const chart = paragraphs(tables(xml)[1]);
  // 12 characters a point: 2.5 is 30 blocks; the range 1 to 4 runs from character 12 to 48.
  assert.deepEqual(chart, ['Leadership', '█'.repeat(30) + ' 2.5', ' '.repeat(23) + '●' + '─'.repeat(11) + '●',
    'Behaviours', '█'.repeat(30) + ' 2.5', ' '.repeat(11) + '●' + '─'.repeat(35) + '●',
    '', ' '.repeat(11) + '1' + ' '.repeat(11) + '2' + ' '.repeat(11) + '3' + ' '.repeat(11) + '4']);
  assert.match(xml, /w:ascii="Courier New"/);
  const text = paragraphs(xml).join('\n');
  assert.ok(text.includes('█ Bar: the element'));
  assert.ok(text.includes('●─● Line with dots'));
});

test('text Word cannot hold is dropped, everything else kept', async () => {
  assert.equal(paperDocx.clean('a\u0000b\u0001c\u000bd\ud800e\udc00f\ud83d\ude00g\tx\ny'), 'abcdef\ud83d\ude00g\tx\ny');
  const base = fullSession(data);
  const session = Object.assign({}, base, { answers: Object.assign({}, base.answers,
    { sharing: { level: 'embedded', priority: '', notes: 'bell\u0007 and \ud800 lone' } }) });
  const { xml } = await wordFiles(boardPaper.build(data, session, { now: NOW }));
  assert.ok(paragraphs(xml).includes('bell and  lone'));
  assert.ok(![...xml].some((ch) => ch.codePointAt(0) < 0x20 && !'\t\n\r'.includes(ch)), 'no control character');
});

test('an empty session still makes a whole document', async () => {
  const paper = boardPaper.build(data, sessionWith(data, {}), { now: NOW });
  const { xml } = await wordFiles(paper);
  const text = assertAllTexts(paper, xml);
  assert.ok(text.includes('No actions yet.'));
});

test('the worked example: every criterion, note, plan row, checklist answer and Don\'t know', async () => {
  const national = loadNational();
  const { session } = normaliseSession(national.example, national, { newId: 'worked-example' });
  const paper = boardPaper.build(national, session, { now: NOW });
  const { xml } = await wordFiles(paper);
  const text = assertAllTexts(paper, xml);
  for (const element of national.elements) {
    for (const c of element.criteria) {
      assert.ok(text.includes(c.title), c.title);
      const answer = session.answers[c.id] || {};
      if (answer.notes) assert.ok(text.includes(answer.notes), answer.notes);
      if (answer.level === 'dont-know') assert.ok(text.includes(`${element.title}: ${c.title} (Don't know`), c.title);
    }
  }
  for (const row of session.plan) {
    for (const field of ['action', 'owner', 'support', 'measure']) if (row[field]) assert.ok(text.includes(row[field]), row[field]);
  }
  for (const q of national.checklist) {
    const entry = session.checklist[q.id];
    if (entry && entry.note) assert.ok(text.includes(entry.note), entry.note);
  }
  assert.ok(text.includes(paper.notice) && text.includes(paper.provenance));
});

test('a block type the Word layout does not know is an error that names it', () => {
  const paper = boardPaper.build(data, sessionWith(data, {}), { now: NOW });
  const odd = Object.assign({}, paper, { sections: [{ id: 'x', heading: 'X', blocks: [{ type: 'video' }] }] });
  assert.throws(() => paperDocx.toDocument(odd, lib), /no Word layout for a block of type "video"/);
});
