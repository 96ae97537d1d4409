/**
 * kmsat compare page: one team over time. Element and criterion figures by
 * date with the change from the first to the latest, and each earlier action
 * plan with its status and how its criteria moved: what was done, what moved.
 */
(function (root) {
  'use strict';

  const { h, hidden } = root.KMSAT.dom;
  const { scroller, table, number, band } = root.KMSAT.compareView;

  /** "Up 1", "Down 0.5", "No change", with an arrow for the eye (colour is never the only cue). */
  function change(t, delta) {
    if (delta === null || delta === undefined) {
      // A change to or from Don't know: a dash for the eye, words for screen readers, never a blank.
      return h('td', { class: 'kmsat-cmp-none' }, [h('span', { 'aria-hidden': 'true', text: '–' }),
        hidden(t('compare.value.notScored'))]);
    }
    const [key, glyph, cls] = delta > 0 ? ['compare.time.up', '▲ ', 'up']
      : delta < 0 ? ['compare.time.down', '▼ ', 'down'] : ['compare.time.same', '', 'same'];
    return h('td', { class: 'kmsat-cmp-change kmsat-cmp-' + cls }, [
      glyph ? h('span', { 'aria-hidden': 'true', text: glyph }) : null, t(key, { delta: number(Math.abs(delta)) })]);
  }

  /** A rating cell: its level's colour and words, a median's number, or a blank said aloud. */
  function rating(ctx, r) {
    const text = r ? root.KMSAT.compare.ratingText(ctx.data, r) : '';
    if (!text) return h('td', { class: 'kmsat-cmp-none' }, [h('span', { 'aria-hidden': 'true', text: '–' }),
      hidden(ctx.t('compare.value.notAnswered'))]);
    return h('td', { class: r.value === null ? 'kmsat-cmp-none' : band(r.value), text });
  }

  const rowHead = (title, sub) => h('th', { scope: 'row' },
    [title, sub ? h('span', { class: 'kmsat-cmp-date', text: sub }) : null]);

  function planTable(ctx, plan) {
    const { t } = ctx;
    const date = plan.date || t('compare.files.noDate');
    const status = (row) => (row.status
      ? t('plan.status.' + row.status.replace(/-([a-z])/g, (_, c) => c.toUpperCase())) : t('plan.status.none'));
    return [
      h('h3', { text: t('compare.time.planHeading', { date }) }),
      scroller(t('compare.time.area'), table('kmsat-cmp-plan', t('compare.time.planCaption', { date }),
        ['item', 'action', 'owner', 'status', 'then', 'now'].map((k) => t('compare.time.column.' + k))
          .concat(t('compare.time.change')),
        plan.rows.map(({ view, then, now, change: delta }) => h('tr', {}, [
          rowHead(view.title, view.element ? view.element.title : ''),
          h('td', { text: view.row.action }), h('td', { text: view.row.owner }),
          h('td', { class: 'kmsat-cmp-status-' + (view.row.status || 'none'), text: status(view.row) }),
          view.custom ? h('td') : rating(ctx, then), view.custom ? h('td') : rating(ctx, now),
          view.custom ? h('td') : change(t, delta)])))),
    ];
  }

  /**
   * The over-time section.
   * @param {{data: Object, t: Function, team: string}} ctx
   * @param {Object|null} view compare.overTime(...), null when the team has one date
   */
  function render(ctx, view) {
    const { t } = ctx;
    const parts = [h('h2', { id: 'kmsat-cmp-view-heading', tabindex: '-1', text: t('compare.time.heading') }),
      h('p', { class: 'kmsat-cmp-team', text: t('compare.team.current', { team: ctx.team }) }),
      h('p', { text: t('compare.time.intro') })];
    if (!view || view.snapshots.length < 2) {
      parts.push(h('p', { class: 'kmsat-cmp-empty', text: t('compare.time.oneDate') }));
    } else {
      const dates = view.snapshots.map((snap) => snap.date || t('compare.files.noDate'));
      parts.push(
        scroller(t('compare.time.area'), table('kmsat-cmp-time', t('compare.time.elementsCaption'),
          [t('compare.side.element')].concat(dates, t('compare.time.change')),
          view.elementRows.map((row) => h('tr', {}, [rowHead(row.element.title)]
            .concat(row.means.map((mean) => h('td', { class: mean === null ? 'kmsat-cmp-none' : band(mean),
              text: mean === null ? t('compare.value.notScored') : number(mean) })), change(t, row.change)))))),
        scroller(t('compare.time.area'), table('kmsat-cmp-time', t('compare.time.criteriaCaption'),
          [t('compare.consensus.criterion')].concat(dates, t('compare.time.change')),
          view.criterionRows.map((row) => h('tr', {}, [rowHead(row.criterion.title, row.element.title)]
            .concat(row.ratings.map((r) => rating(ctx, r)), change(t, row.change)))))));
      if (view.plans.length) view.plans.forEach((plan) => parts.push(...planTable(ctx, plan)));
      else parts.push(h('p', { text: t('compare.time.planNone') }));
    }
    return h('section', { class: 'kmsat-cmp-view', 'aria-labelledby': 'kmsat-cmp-view-heading' }, parts);
  }

  root.KMSAT.compareTime = { render };
})(typeof self !== 'undefined' ? self : this);
