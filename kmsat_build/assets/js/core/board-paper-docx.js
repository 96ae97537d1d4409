/**
 * kmsat core: the Board paper (core/board-paper.js) as an editable Word
 * document, built with the `docx` library (vendor/docx.iife.js, loaded only
 * when the user asks for a .docx). The library is passed in, so this file
 * stays pure and Node's test runner drives it with the same vendored build.
 *
 * A4 portrait. Headings keep with what follows them; table header rows
 * repeat on each page and no row splits across pages; a list never leaves
 * its first or last item alone at a page edge. The chart is a table of
 * monospaced bars, so it stays editable text a screen reader can read.
 */
(function (/** @type {any} */ root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.KMSAT = root.KMSAT || /** @type {any} */ ({})).boardPaperDocx = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const TWIPS_PER_CM = 567;
  const PAGE = { width: 11906, height: 16838, margin: 2 * TWIPS_PER_CM }; // A4 in twentieths of a point
  const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
  const FONT = 'Arial';
  const CHART_FONT = 'Courier New'; // monospaced: every bar and dot lines up with the axis
  const CHART_UNIT = 12; // characters per point of the rating scale
  const HEAD_FILL = 'E8EDEE';
  // Half-points: 8.5 pt, as on the printed paper; with the narrow cell margins below, the plan's
  // eight columns hold their longest words ("Transformation", "December", "10") on A4 portrait.
  const TABLE_SIZE = 17;
  const ACCENT = '005EB8';
  /** Can XML 1.0 hold this code point? Word refuses a file with one it cannot (a stray control character, half an emoji). */
  const xmlChar = (c) => (c < 0x20 ? c === 0x09 || c === 0x0a || c === 0x0d
    : !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff);

  /** User text made safe for XML (the library escapes markup, not these). */
  function clean(text) {
    let out = '';
    for (const ch of String(text === null || text === undefined ? '' : text)) if (xmlChar(ch.codePointAt(0))) out += ch;
    return out;
  }

  /** Runs for a text that may hold line breaks (a note typed over several lines). */
  function runs(lib, text, style) {
    return clean(text).split(/\r\n|\r|\n/).map((line, i) => new lib.TextRun(Object.assign({ text: line, break: i ? 1 : 0 }, style)));
  }

  /** @typedef {Object} Lib the docx library (self.docx in the browser) */

  function heading(lib, text, level) {
    return new lib.Paragraph({ children: runs(lib, text), heading: level, keepNext: true, keepLines: true });
  }

  /** Intro paragraphs sit between a heading and its first block, so they keep with it too. */
  function paragraph(lib, block) {
    return [new lib.Paragraph({ children: runs(lib, block.text, block.role === 'notice' ? { size: 18 } : {}),
      keepNext: block.role === 'intro', spacing: { after: 120 } })];
  }

  /** Bullets; the first two and the last two items keep together, so no bullet stands alone. */
  function list(lib, block) {
    const last = block.items.length - 1;
    return block.items.map((item, i) => new lib.Paragraph({ children: runs(lib, item), bullet: { level: 0 },
      keepLines: true, keepNext: i === 0 && last > 0 || i === last - 1 }));
  }

  function cell(lib, text, width, options) {
    const opts = options || {};
    return new lib.TableCell({
      width: { size: width, type: lib.WidthType.DXA },
      shading: opts.head ? { fill: HEAD_FILL, type: lib.ShadingType.CLEAR, color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 60, right: 60 },
      children: (Array.isArray(text) ? text : [text]).map((line) => new lib.Paragraph({
        children: runs(lib, line, Object.assign({ bold: Boolean(opts.head), size: TABLE_SIZE }, opts.run)) })),
    });
  }

  /** Column widths in twips from percentages; the last column takes what rounding left. */
  function twips(widths) {
    const total = widths.reduce((a, b) => a + b, 0);
    const out = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
    out[out.length - 1] += TEXT_WIDTH - out.reduce((a, b) => a + b, 0);
    return out;
  }

  /** A table whose header row repeats on every page and whose rows never split. */
  function gridTable(lib, head, rows, widths, options) {
    const columns = twips(widths);
    const row = (cells, isHead) => new lib.TableRow({ tableHeader: isHead, cantSplit: true,
      children: cells.map((text, i) => cell(lib, text, columns[i], Object.assign({ head: isHead }, options && options.cell && options.cell(i)))) });
    return new lib.Table({
      width: { size: TEXT_WIDTH, type: lib.WidthType.DXA }, columnWidths: columns, layout: lib.TableLayoutType.FIXED,
      rows: (head ? [row(head, true)] : []).concat(rows.map((cells) => row(cells, false))),
    });
  }

  function table(lib, block) {
    return [gridTable(lib, block.head, block.rows, block.widths), spacer(lib)];
  }

  /** A line of `width` characters with `text` placed so its last character is at `end`. */
  function place(line, text, end) {
    const at = Math.max(0, end - text.length);
    return line.slice(0, at) + text + line.slice(at + text.length);
  }

  /** Bars and range lines drawn in characters, on the same 0..max axis as the printed chart. */
  function chart(lib, block) {
    const width = block.max * CHART_UNIT;
    const pos = (value) => Math.max(1, Math.round(value * CHART_UNIT));
    const lines = (mark) => {
      const out = mark.label ? [mark.label] : [];
      if (mark.mean === null) return out.concat(mark.meanText);
      out.push('\u2588'.repeat(pos(mark.mean)) + ' ' + mark.meanText);
      const from = pos(mark.min), to = pos(mark.max);
      out.push(' '.repeat(from - 1) + (to > from ? '\u25CF' + '\u2500'.repeat(to - from - 1) + '\u25CF' : '\u25CF'));
      return out;
    };
    const axis = block.axis.reduce((line, tick) => place(line, String(tick.value), pos(tick.value)), ' '.repeat(width));
    const mono = (i) => (i === 1 ? { run: { font: CHART_FONT, size: 16 } } : {});
    const rows = block.groups.map((group) => [group.label, [].concat(...group.marks.map(lines))]).concat([['', axis]]);
    const glyph = { bar: '\u2588 ', range: '\u25CF\u2500\u25CF ' };
    return [
      new lib.Paragraph({ children: runs(lib, block.label, { italics: true }), keepNext: true }),
      gridTable(lib, null, rows, [30, 70], { cell: mono }),
    ].concat(block.key.map((k) => new lib.Paragraph({ children: runs(lib, (glyph[k.mark] || '') + k.text, { size: 18 }) })), spacer(lib));
  }

  /**
   * "Page 2 of 5" in the edition's words: the text around the {page} and
   * {pages} placeholders as runs, the numbers as Word fields.
   */
  function pageNumbers(lib, words) {
    const fields = { page: lib.PageNumber.CURRENT, pages: lib.PageNumber.TOTAL_PAGES };
    const children = clean(words).split(/(\{page\}|\{pages\})/).filter(Boolean)
      .map((part) => fields[part.slice(1, -1)] || part);
    return new lib.Footer({ children: [new lib.Paragraph({ alignment: lib.AlignmentType.RIGHT,
      children: [new lib.TextRun({ children, size: 16 })] })] });
  }

  const spacer = (lib) => new lib.Paragraph({ children: [], spacing: { after: 120 } });

  const BLOCKS = {
    paragraph, list, table, chart,
    subheading: (lib, block) => [heading(lib, block.text, lib.HeadingLevel.HEADING_2)],
  };

  /**
   * The Word document for a Board paper.
   * @param {import('./board-paper.js').BoardPaper} paper
   * @param {Lib} lib
   * @returns {Object} a docx Document (lib.Packer turns it into a file)
   */
  function toDocument(paper, lib) {
    const children = [
      new lib.Paragraph({ children: runs(lib, paper.title), heading: lib.HeadingLevel.TITLE, keepNext: true }),
    ];
    if (paper.subtitle) children.push(new lib.Paragraph({ children: runs(lib, paper.subtitle, { bold: true, size: 26 }), spacing: { after: 240 } }));
    for (const section of paper.sections) {
      children.push(heading(lib, section.heading, lib.HeadingLevel.HEADING_1));
      for (const block of section.blocks) {
        const render = BLOCKS[block.type];
        if (!render) throw new Error('Board paper: no Word layout for a block of type ' + JSON.stringify(block.type));
        children.push(...render(lib, block));
      }
    }
    children.push(
      new lib.Paragraph({ children: runs(lib, paper.provenance, { size: 18 }), keepNext: true,
        border: { top: { style: lib.BorderStyle.SINGLE, size: 6, color: '999999', space: 6 } }, spacing: { before: 240 } }),
      new lib.Paragraph({ children: runs(lib, paper.notice, { size: 18 }) }));
    const language = { value: paper.language };
    const headingStyle = (size) => ({ run: { font: FONT, size, bold: true, color: ACCENT },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 120 } } });
    return new lib.Document({
      title: clean(paper.meta.title), subject: clean(paper.meta.subject), creator: clean(paper.meta.creator),
      description: clean(paper.notice),
      styles: { default: {
        document: { run: { font: FONT, size: 22, language }, paragraph: { widowControl: true } },
        title: { run: { font: FONT, size: 40, bold: true, color: ACCENT }, paragraph: { spacing: { after: 120 } } },
        heading1: headingStyle(30), heading2: headingStyle(24),
      } },
      sections: [{ footers: { default: pageNumbers(lib, paper.pageNumbers) }, properties: { page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: lib.PageOrientation.PORTRAIT },
        margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
      } }, children }],
    });
  }

  /**
   * The .docx file's bytes as a Blob (browser) for a download.
   * @returns {Promise<Blob>}
   */
  function toBlob(paper, lib) {
    return lib.Packer.toBlob(toDocument(paper, lib));
  }

  return { toDocument, toBlob, clean, MIME: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
});
