/**
 * kmsat compare page: raters to consensus. The spread of the raters' answers
 * per criterion, widest disagreement first, then a fieldset per criterion
 * for the agreed level and a note; saving hands a new session to the
 * assessment page (or downloads it). A bundle of its own (compare-consensus,
 * with core/consensus.js), loaded when the view is first shown; saving or
 * downloading loads the exporters (compare-export) the first time.
 */
(function (root) {
  'use strict';

  const K = root.KMSAT;
  const { h, newId, download } = K.dom;
  const { scroller, number } = K.compareView;
  const S = K.compareState;
  const own = (obj, key) => K.model.own(obj, key);

  function raters(ctx) {
    const { t } = ctx;
    return h('fieldset', { class: 'kmsat-cmp-raters kmsat-cmp-noprint' }, [
      h('legend', { text: t('compare.consensus.raters') }),
    ].concat(ctx.teamFiles.map((file) => {
      const id = 'kmsat-rater-' + file.id;
      return h('div', { class: 'kmsat-cmp-check' }, [
        h('input', { type: 'checkbox', id, checked: !file.off, on: { change: (e) => ctx.onRater(file.id, e.target.checked) } }),
        // By the name the person gave; the file's name only when they gave none.
        h('label', { for: id, text: t('compare.consensus.rater', { name: K.compare.raterName(file.entry)
          || file.name, date: file.entry.session.details.date || t('compare.files.noDate') }) }),
      ]);
    })));
  }

  function spreadTable(ctx, rows, options) {
    const { t } = ctx;
    const head = [t('compare.consensus.criterion')].concat(options.map((o) => o.label),
      t('compare.consensus.notAnswered'), t('compare.consensus.median'), t('compare.consensus.range'));
    return scroller(t('compare.consensus.area'), h('table', { class: 'kmsat-cmp-spread' }, [
      h('caption', { text: t('compare.consensus.caption') }),
      h('thead', {}, [h('tr', {}, head.map((text) => h('th', { scope: 'col', text })))]),
      h('tbody', {}, rows.map((row) => h('tr', {}, [
        h('th', { scope: 'row' }, [h('a', { href: '#kmsat-agree-' + row.id, text: row.criterion.title }),
          h('span', { class: 'kmsat-cmp-date', text: row.element.title })]),
      ].concat(options.map((o) => row.counts[o.id]).concat(row.counts['']).map((n) =>
        h('td', { class: n ? 'kmsat-cmp-count' : 'kmsat-cmp-zero', text: String(n) })),
      h('td', { text: number(row.median) }), h('td', { text: row.median === null ? '' : String(row.range) }))))),
    ]));
  }

  /** One criterion: what was given, the agreed level (radios) and a note. */
  function agreeField(ctx, row, options) {
    const { t } = ctx;
    const choice = own(ctx.agreed, row.id) || { level: '', notes: '' };
    const given = options.filter((o) => row.counts[o.id]).map((o) =>
      t('compare.consensus.givenItem', { label: o.label, count: row.counts[o.id] }));
    const name = 'kmsat-agree-' + row.id;
    const radio = (value, label) => {
      const id = name + '-' + (value || 'none');
      return h('div', { class: 'kmsat-cmp-radio' }, [
        h('input', { type: 'radio', name, id, value, checked: (choice.level || '') === value,
          on: { change: () => ctx.onAgree(row.id, { level: value }, true) } }),
        h('label', { for: id, text: label }),
      ]);
    };
    const noteId = name + '-note';
    return h('fieldset', { class: 'kmsat-cmp-agree', id: name }, [
      h('legend', { text: t('compare.consensus.legend', { title: row.criterion.title }) }),
      h('p', { class: 'kmsat-cmp-hint' }, given.length ? [t('compare.consensus.given', { list: K.strings.joinList(given, ', ') }),
        row.median === null ? '' : [' ', t('compare.consensus.median'), ' ' + number(row.median) + '.']] : []),
      row.unanimous ? h('p', { class: 'kmsat-cmp-hint', text: t('compare.consensus.allAgree') }) : null,
      h('div', { class: 'kmsat-cmp-radios' }, options.map((o) => radio(o.id, o.label))
        .concat(radio('', t('compare.consensus.notAgreed')))),
      h('label', { for: noteId, class: 'kmsat-cmp-label kmsat-cmp-note', text: t('compare.consensus.note') }),
      // A blank placeholder lets print CSS leave out empty notes (:placeholder-shown).
      h('textarea', { id: noteId, rows: 2, value: choice.notes || '', placeholder: ' ',
        on: { input: (e) => ctx.onAgree(row.id, { notes: e.target.value }, false),
          change: (e) => ctx.onAgree(row.id, { notes: e.target.value }, true) } }),
    ]);
  }

  /** What saving did: the link to the assessment page, or why not. */
  function savedStatus(ctx) {
    const { t, saved } = ctx;
    if (!saved) return h('div', { id: 'kmsat-cmp-saved', role: 'status' });
    return h('div', { id: 'kmsat-cmp-saved', role: 'status', tabindex: '-1',
      class: 'kmsat-cmp-saved admonition ' + (saved.ok ? 'success' : 'warning') }, [
      h('p', { text: t(saved.ok ? 'compare.consensus.saved' : 'compare.consensus.saveFailed') }),
      saved.missing ? h('p', { text: t('compare.consensus.missing', { count: saved.missing }) }) : null,
      saved.ok ? h('p', {}, [h('a', { href: ctx.assessmentUrl + '#import-incoming', id: 'kmsat-cmp-open',
        text: t('compare.consensus.open') })]) : null,
    ]);
  }

  /**
   * The consensus section.
   * @param {Object} ctx data, t, teamFiles, rows (consensus.spread, null for under two raters), agreed,
   *   saved, assessmentUrl, onRater, onAgree, onSave, onDownload
   */
  function render(ctx) {
    const { t, data, rows } = ctx;
    const options = data.scale.levels.concat(data.scale.unscored);
    const parts = [h('h2', { id: 'kmsat-cmp-view-heading', tabindex: '-1', text: t('compare.consensus.heading') }),
      h('p', { class: 'kmsat-cmp-team', text: t('compare.team.current', { team: ctx.team }) }),
      h('p', { text: t('compare.consensus.intro') }),
      ctx.agreedFiles.length ? h('p', { class: 'kmsat-cmp-note-agreed', text: t('compare.consensus.agreedLoaded',
        { files: ctx.agreedFiles.map((f) => f.name).join(', ') }) }) : null,
      raters(ctx)];
    if (!rows) {
      parts.push(h('p', { class: 'kmsat-cmp-empty', text: t('compare.consensus.needTwo') }));
    } else {
      parts.push(spreadTable(ctx, rows, options),
        h('h3', { text: t('compare.consensus.agreeHeading') }),
        h('div', { class: 'kmsat-cmp-agreements' }, rows.map((row) => agreeField(ctx, row, options))),
        h('div', { class: 'kmsat-cmp-buttons kmsat-cmp-noprint' }, [
          h('button', { type: 'button', class: 'kmsat-btn kmsat-btn--primary', on: { click: ctx.onSave },
            text: t('compare.consensus.save') }),
          h('button', { type: 'button', class: 'kmsat-btn', on: { click: ctx.onDownload },
            text: t('compare.consensus.download') }),
        ]),
        savedStatus(ctx));
    }
    return h('section', { class: 'kmsat-cmp-view', 'aria-labelledby': 'kmsat-cmp-view-heading' }, parts);
  }

  /** Where a hand-over to the self-assessment page waits (the contract ui/io.js reads). */
  const incomingKey = (data) => 'kmsat:' + data.edition.id + ':incoming';

  /** The hand-over record: the session as exporters.toJSON writes it, and words for the confirmation. */
  function handOver(data, session, source, label) {
    return JSON.stringify({ format: 'kmsat-incoming', version: 1, source, label, createdAt: new Date().toISOString(),
      session: JSON.parse(K.exporters.toJSON(session, data)) });
  }

  /** Hand the agreed session to the assessment page (it asks before replacing anything there). */
  function save(page, team, session, rows, agreed, count) {
    const { t, data, state } = page;
    const details = session.details;
    const label = t('compare.consensus.label', { team: details.team || t('compare.unnamedTeam'), date: details.date, count });
    const ok = K.storage.write(incomingKey(data), handOver(data, session, 'consensus', label)) === 'ok';
    state.saved = { team: team.key, ok, session, missing: rows.filter((row) => !agreed[row.id].level).length };
    K.compareViews.renderView(page);
    document.getElementById('kmsat-cmp-saved')?.focus();
    page.announce(t(ok ? 'compare.consensus.savedAnnounce' : 'compare.consensus.saveFailed'));
  }

  /**
   * The consensus view of one round on the page: its raters (those left out
   * kept in the list), the spread and the agreed levels, wired to the state.
   * @param {Object} page the record compare/app.js makes
   * @param {Object} choice the round chosen (core/compare-state.js choicesFor)
   */
  function view(page, choice) {
    const { data, t, state } = page;
    const team = choice; // the round's key is what agreed levels and the saved result are kept under
    // The round's people in the order they answered.
    const byEntry = new Map(state.files.map((f) => [f.entry, f]));
    const roundFiles = choice.round.raters.map((entry) => byEntry.get(entry));
    const entries = roundFiles.filter((f) => !f.off).map((f) => f.entry);
    const rows = entries.length >= 2 ? K.consensus.spread(data, entries, K.compare.sharedCriteria(data, entries)) : null;
    const agreed = rows ? S.agreedFor(state, choice.key, rows, choice.team.key) : {};
    if (rows) page.current = { mode: 'consensus', entries, rows, agreed };
    const build = () => K.consensus.consensusSession(data, entries, agreed, { newId: newId(), now: new Date() });
    const saved = () => (state.saved && state.saved.team === team.key ? state.saved : null);
    const agreedFiles = state.files.filter((f) => choice.round.agreed.includes(f.entry));
    // Writing the session out (exporters) comes with the first save or download.
    const thenExport = (fn) => () => page.load('compare-export').then(fn, () => undefined);
    const node = render(Object.assign({}, page.ctx, { teamFiles: roundFiles, agreedFiles, rows, agreed,
      saved: saved(),
      onRater: (id, on) => {
        S.setRater(state, id, on);
        page.persist();
        K.compareViews.renderView(page);
        document.getElementById('kmsat-rater-' + id)?.focus();
      },
      onAgree: (id, patch, keep) => {
        Object.assign(agreed[id], patch);
        if (state.saved) { // what was saved no longer matches the screen
          const status = document.getElementById('kmsat-cmp-saved');
          if (status) { status.replaceChildren(); status.className = ''; }
        }
        S.agree(state, team.key, id, agreed[id]);
        if (keep) page.persist(); else page.typed(); // a note is kept as it is typed
      },
      onSave: thenExport(() => save(page, team, build(), rows, agreed, entries.length)),
      onDownload: thenExport(() => {
        const session = saved() ? state.saved.session : build();
        const name = K.exporters.fileName(session, 'json');
        download(name, K.exporters.toJSON(session, data), 'application/json');
        page.announce(t('compare.actions.downloaded', { file: name }));
      }),
    }));
    return { node, entries };
  }

  root.KMSAT.compareConsensus = { render, view };
})(typeof self !== 'undefined' ? self : this);
