/**
 * kmsat kit: a Board paper (core/board-paper.js) as HTML, for print. The
 * assessment page prints the group's paper; the compare page prints its own
 * from the same blocks. Layout only: every word comes from the paper.
 *
 * Page breaks (see .kmsat-board-paper in kit.css): a heading travels with
 * its first block, table rows never split and header rows repeat, a list
 * keeps its first two and last two items together.
 */
(function (K) {
  'use strict';
  const { h, svg } = K.dom;

  /** Text with line breaks kept (CSS white-space: pre-line shows them). */
  const cell = (tag, text, props) => h(tag, Object.assign({ text }, props));

  function table(block) {
    return h('table', { class: 'kmsat-paper-table' }, [
      h('caption', { class: 'kmsat-sr', text: block.caption }),
      h('colgroup', null, block.widths.map((w) => h('col', { width: w + '%' }))),
      h('thead', null, h('tr', null, block.head.map((text) => cell('th', text, { scope: 'col' })))),
      h('tbody', null, block.rows.map((cells) => h('tr', null, cells.map((text) => cell('td', text))))),
    ]);
  }

  const CHART = { width: 600, left: 8, right: 24, row: 20, bar: 12, gap: 10 };

  /**
   * Bars for averages, a line with dots for each range, on the scale's own
   * axis (0 to the top level), with a key. In user units: it scales to the page.
   */
  function chart(block) {
    const span = CHART.width - CHART.left - CHART.right;
    const x = (value) => CHART.left + (value / block.max) * span;
    const parts = [];
    let y = 0;
    for (const group of block.groups) {
      const single = group.marks.length === 1 && !group.marks[0].label;
      y += CHART.row;
      parts.push(svg('text', { class: 'kmsat-paper-chart__group', x: CHART.left, y: y - 5 },
        single ? [group.label, ': ', group.marks[0].meanText] : group.label));
      for (const mark of group.marks) {
        if (!single) {
          y += CHART.row - 4;
          parts.push(svg('text', { class: 'kmsat-paper-chart__mark', x: CHART.left, y: y - 4 }, [mark.label, ': ', mark.meanText]));
        }
        if (mark.mean !== null) {
          parts.push(svg('rect', { class: 'kmsat-paper-chart__bar', x: CHART.left, y, height: CHART.bar, width: (x(mark.mean) - CHART.left).toFixed(1) }));
          const ry = y + CHART.bar + 6;
          parts.push(svg('line', { class: 'kmsat-paper-chart__range', x1: x(mark.min), x2: x(mark.max), y1: ry, y2: ry }),
            [mark.min, mark.max].map((v) => svg('circle', { class: 'kmsat-paper-chart__end', cx: x(v), cy: ry, r: 3.5 })));
        }
        y += CHART.bar + CHART.gap + 6;
      }
    }
    const axisY = y + 4;
    parts.unshift(block.axis.map((tick) => svg('line', { class: 'kmsat-paper-chart__grid', x1: x(tick.value), x2: x(tick.value), y1: 0, y2: axisY })));
    parts.push(block.axis.map((tick) => svg('text', { class: 'kmsat-paper-chart__axis', x: x(tick.value), y: axisY + 14,
      'text-anchor': 'end' }, [tick.value + ' ', tick.label])));
    const height = axisY + 20;
    return h('figure', { class: 'kmsat-paper-chart' }, [
      svg('svg', { viewBox: '0 0 ' + CHART.width + ' ' + height, width: '100%', role: 'img', 'aria-label': block.label }, [
        svg('title', { text: block.label }), parts]),
      h('ul', { class: 'kmsat-paper-key' }, block.key.map((k) => h('li', null, [swatch(k.mark), ' ', k.text]))),
    ]);
  }

  /** The key's little picture of a bar or a range. */
  function swatch(mark) {
    const shape = mark === 'bar'
      ? svg('rect', { class: 'kmsat-paper-chart__bar', x: 0, y: 2, width: 24, height: 10 })
      : [svg('line', { class: 'kmsat-paper-chart__range', x1: 4, x2: 20, y1: 7, y2: 7 }),
        svg('circle', { class: 'kmsat-paper-chart__end', cx: 4, cy: 7, r: 3.5 }), svg('circle', { class: 'kmsat-paper-chart__end', cx: 20, cy: 7, r: 3.5 })];
    return svg('svg', { class: 'kmsat-paper-key__swatch', viewBox: '0 0 24 14', width: 24, height: 14, 'aria-hidden': 'true' }, shape);
  }

  const BLOCKS = {
    paragraph: (block) => h('p', { class: block.role ? 'kmsat-paper-' + block.role : null, text: block.text }),
    subheading: (block) => h('h4', { text: block.text }),
    list: (block) => h('ul', { class: 'kmsat-paper-list' }, block.items.map((text) => h('li', { text }))),
    table, chart,
  };

  function renderBlock(block) {
    const render = BLOCKS[block.type];
    if (!render) throw new Error('Board paper: no print layout for a block of type ' + JSON.stringify(block.type));
    return render(block);
  }

  const isLead = (block) => block.type === 'subheading' || (block.type === 'paragraph' && block.role === 'intro');

  /**
   * A section's nodes. Headings and intros gather in a `keep` box with the
   * block they introduce, so none is stranded at the foot of a page. A
   * table can be longer than a page, so it follows its box instead, held to
   * it by break-after: avoid.
   */
  function section(s) {
    const nodes = [];
    let lead = [h('h3', { text: s.heading })];
    for (const block of s.blocks) {
      if (isLead(block)) { lead.push(renderBlock(block)); continue; }
      const node = renderBlock(block);
      if (!lead.length) nodes.push(node);
      else if (block.type === 'table') nodes.push(h('div', { class: 'kmsat-paper-keep kmsat-paper-keep--before-table' }, lead), node);
      else nodes.push(h('div', { class: 'kmsat-paper-keep' }, lead.concat(node)));
      lead = [];
    }
    if (lead.length) nodes.push(h('div', { class: 'kmsat-paper-keep' }, lead));
    return h('section', { class: 'kmsat-paper-section', 'data-section': s.id }, nodes);
  }

  /** @param {import('../core/board-paper.js').BoardPaper} paper @returns {Element} */
  function render(paper) {
    return h('article', { class: 'kmsat-board-paper', lang: paper.language }, [
      h('h2', { class: 'kmsat-board-paper__title', text: paper.title }),
      paper.subtitle && h('p', { class: 'kmsat-board-paper__subtitle', text: paper.subtitle }),
      paper.sections.map(section),
      h('footer', { class: 'kmsat-board-paper__provenance' }, [h('p', { text: paper.provenance }), h('p', { text: paper.notice })]),
    ]);
  }

  K.paper = { render };
})(self.KMSAT);
