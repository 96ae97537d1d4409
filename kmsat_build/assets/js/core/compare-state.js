/**
 * kmsat core: what the compare page holds and how each user action changes
 * it: files added (duplicates refused), removed, the view, the team, the
 * raters left out and the agreed levels. Pure: the page's views render the
 * state and call these on events; Node tests drive them directly.
 *
 * State: {files: {id, name, entry, off}[], next, mode, team, expanded,
 * agreed: {teamKey: {criterionId: {level, notes}}}, saved, sharing, filesOpen}.
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./compare.js'));
  } else { const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({})); k.compareState = factory(k.model, k.compare); }
})(typeof self !== 'undefined' ? self : this, function (model, compare) {
  'use strict';

  /** @typedef {{id: string, name: string, entry: any, off: boolean}} LoadedFile */

  /** Nothing loaded yet. */
  const empty = () => ({ files: /** @type {LoadedFile[]} */ ([]), next: 1, mode: '', team: '', expanded: false,
    agreed: /** @type {Record<string, any>} */ ({}), saved: /** @type {any} */ (null),
    sharing: /** @type {string|null} */ (null), filesOpen: /** @type {boolean|undefined} */ (undefined) });

  /** The state kept in storage (compare.storeState's text), or an empty one. @param {string|null} text */
  function restore(text, data) {
    const state = empty();
    const kept = text ? compare.restoreState(text, data) : null;
    if (!kept) return state;
    Object.assign(state, { mode: kept.mode, team: kept.team, expanded: kept.expanded, agreed: kept.agreed });
    state.files = kept.files.map((f) => Object.assign({ id: 'f' + state.next++ }, f));
    return state;
  }

  /** A session's identity across files: the same export loaded twice is one file. */
  const identity = (s) => (s.id ? [s.id, s.revision, s.savedAt].join('|') : '');

  /**
   * Add what was read; refused and duplicate files change nothing.
   * @param {ReturnType<typeof empty>} state
   * @param {{name: string, entry?: any, reason?: string}[]} results
   * @param {string} duplicate the reason given for a file already loaded
   * @returns {{added: number, refused: {name: string, reason: string}[], changed: {name: string, report: any[]}[]}}
   */
  function addFiles(state, results, duplicate) {
    const seen = new Set(state.files.map((f) => identity(f.entry.session)).filter(Boolean));
    const refused = [], changed = [];
    let added = 0;
    for (const r of results) {
      const id = r.entry ? identity(r.entry.session) : '';
      const reason = r.reason || (id && seen.has(id) ? duplicate : '');
      if (reason) { refused.push({ name: r.name, reason }); continue; }
      if (id) seen.add(id);
      state.files.push({ id: 'f' + state.next++, name: r.name, entry: r.entry, off: false });
      added += 1;
      if (r.entry.report.length) changed.push({ name: r.name, report: r.entry.report });
    }
    if (added) {
      if (!state.mode) state.mode = compare.suggestMode(state.files.map((f) => f.entry));
      state.saved = null;
    }
    return { added, refused, changed };
  }

  /** Remove one file; returns where it was (for focus), -1 when absent. */
  function removeFile(state, id) {
    const at = state.files.findIndex((f) => f.id === id);
    if (at < 0) return -1;
    state.files.splice(at, 1);
    if (state.sharing === id) state.sharing = null;
    state.saved = null;
    return at;
  }

  /** Start again: no files, nothing agreed, no view chosen. */
  function clearAll(state) {
    Object.assign(state, { files: [], agreed: {}, saved: null, sharing: null, mode: '', team: '' });
  }

  /** Show a view ('side', 'consensus', 'time'). */
  function chooseMode(state, mode) {
    state.mode = mode;
    state.saved = null;
  }

  /** Open the share panel for a file, or close it when it is open. */
  function toggleSharing(state, id) {
    state.sharing = state.sharing === id ? null : id;
  }

  /**
   * The team a consensus or over-time view shows: the user's choice while it
   * exists, else the team with the most to show (most raters on one date, or
   * most dates). Remembers it in the state.
   * @param {{key: string, entries: any[]}[]} teams
   */
  function pickTeam(state, teams) {
    let team = teams.find((x) => x.key === state.team);
    if (!team) {
      const dates = (x) => compare.byDate(x.entries);
      const score = (x) => (state.mode === 'time' ? dates(x).length : Math.max(...dates(x).map((d) => d.entries.length)));
      team = teams.reduce((best, x) => (score(x) > score(best) ? x : best), teams[0]);
      state.team = team.key;
    }
    return team;
  }

  /** Count a rater in (or out of) the consensus. */
  function setRater(state, id, on) {
    const file = state.files.find((f) => f.id === id);
    if (file) file.off = !on;
    state.saved = null;
  }

  /** Each spread row's agreed choice for `teamKey`: the facilitator's, else the unanimous level. */
  function agreedFor(state, teamKey, rows) {
    const own = model.own(state.agreed, teamKey) || {};
    const result = {};
    for (const row of rows) result[row.id] = model.own(own, row.id) || { level: row.unanimous, notes: '' };
    return result;
  }

  /** Record the agreed choice for one criterion; what was saved no longer matches. */
  function agree(state, teamKey, id, choice) {
    // Team keys come from files: define them (a team called "__proto__" stays a team).
    const define = (obj, key, value) => Object.defineProperty(obj, key,
      { value, enumerable: true, writable: true, configurable: true });
    if (!model.own(state.agreed, teamKey)) define(state.agreed, teamKey, {});
    define(state.agreed[teamKey], id, Object.assign({}, choice));
    state.saved = null;
  }

  return { empty, restore, identity, addFiles, removeFile, clearAll, chooseMode, toggleSharing, pickTeam,
    setRater, agreedFor, agree };
});
