/**
 * kmsat compare page: moving a file into another team's group, for a team
 * name typed another way ("Estates" for "Estates and Facilities"). Only the
 * grouping on this page changes; the file's own answers and names do not.
 */
(function (K) {
  'use strict';
  const { h, button } = K.dom;

  /**
   * The panel for one file: a select of the team groups and Move / Cancel.
   * @param {{t: Function}} ctx
   * @param {{name: string, entry: any}} file
   * @param {{key: string, label: string}[]} groups every team group on the page
   * @param {{onMove: function(string, string): void, onClose: function(): void}} on
   */
  function panel(ctx, file, groups, on) {
    const { t } = ctx;
    const own = K.compare.teamKey(file.entry.session);
    const current = K.compare.groupKey(file.entry);
    const choices = groups.slice();
    // Its own team is always a choice (it may have no other file): "back where it was".
    if (!choices.some((g) => g.key === own)) {
      choices.push({ key: own, label: file.entry.session.details.team || t('compare.unnamedTeam') });
    }
    const select = h('select', { id: 'kmsat-move-team' }, choices.map((g) => h('option', { value: g.key,
      text: g.key === own ? t('compare.move.own', { team: g.label }) : g.label })));
    select.value = current;
    return h('section', { class: 'kmsat-cmp-share kmsat-cmp-noprint', 'aria-labelledby': 'kmsat-move-heading' }, [
      h('h3', { id: 'kmsat-move-heading', tabindex: '-1', text: t('compare.move.heading', { file: file.name }) }),
      h('p', { text: t('compare.move.intro') }),
      h('label', { for: 'kmsat-move-team', class: 'kmsat-cmp-label', text: t('compare.move.select') }),
      select,
      h('div', { class: 'kmsat-cmp-buttons' }, [
        button(t('compare.move.confirm'), () => {
          const choice = choices.find((g) => g.key === select.value);
          if (choice) on.onMove(choice.key, choice.label); // the select offers only these choices
        }, { class: 'kmsat-btn kmsat-btn--primary' }),
        button(t('share.close'), on.onClose),
      ]),
    ]);
  }

  K.compareMove = { panel };
})(self.KMSAT);
