/**
 * kmsat core: what the compare page holds and how each user action changes
 * it: files added (duplicates refused), removed, the view, the team, the
 * raters left out and the agreed levels. Pure: the page's views render the
 * state and call these on events; Node tests drive them directly.
 *
 * State: {files: {id, name, entry, off}[], next, mode, team, expanded,
 * agreed: {roundKey: {criterionId: {level, notes}}}, saved, sharing, moving,
 * filesOpen, problem}. A file's `entry.group` is the team group the
 * facilitator moved it into. `problem` ('newer' or 'corrupt'): what storage
 * holds could not be read; it is kept, and nothing is saved over it, until
 * the user chooses (keepProblem / discardStored).
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
    sharing: /** @type {string|null} */ (null), moving: /** @type {string|null} */ (null),
    filesOpen: /** @type {boolean|undefined} */ (undefined), problem: '' });

  /** The state kept in storage (compare.storeState's text), or an empty one that says why not. @param {string|null} text */
  function restore(text, data) {
    const state = empty();
    if (text === null || text === undefined) return state;
    state.problem = compare.storedProblem(text);
    const kept = state.problem ? null : compare.restoreState(text, data);
    if (!kept) return state;
    Object.assign(state, { mode: kept.mode, team: kept.team, expanded: kept.expanded, agreed: kept.agreed });
    state.files = kept.files.map((f) => Object.assign({ id: 'f' + state.next++ }, f));
    return state;
  }

  /** The user chose to start afresh over what could not be read: saving may go ahead. */
  function discardStored(state) {
    state.problem = '';
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
    Object.assign(state, { files: [], agreed: {}, saved: null, sharing: null, moving: null, mode: '', team: '' });
  }

  /** Open the move panel for a file, or close it when it is open. */
  function toggleMoving(state, id) {
    state.moving = state.moving === id ? null : id;
  }

  /**
   * Put a file into another team's group (`key`, a groupTeams key); the key of
   * the team it names puts it back. Returns false when there is no such file.
   */
  function moveFile(state, id, key) {
    const file = state.files.find((f) => f.id === id);
    if (!file) return false;
    file.entry.group = key && key !== compare.teamKey(file.entry.session) ? key : undefined;
    state.moving = null;
    state.saved = null;
    return true;
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
   * What the team select offers. Over time: each team (scored by its rounds).
   * Consensus: each round of raters (scored by its raters), keyed
   * `<team key>#<round key>`, `several` when its team has more than one; a
   * team with agreed answers only offers its latest round (nothing to bring
   * together, and the view says so).
   * @param {string} mode @param {{key: string, entries: any[]}[]} teams compare.groupTeams
   * @returns {{key: string, team: any, round: any, several: boolean, score: number}[]}
   */
  function choicesFor(mode, teams) {
    if (mode === 'time') {
      return teams.map((team) => ({ key: team.key, team, round: null, several: false,
        score: compare.rounds(team.entries).length }));
    }
    const out = [];
    for (const team of teams) {
      const all = compare.rounds(team.entries);
      const withRaters = all.filter((round) => round.raters.length);
      for (const round of withRaters.length ? withRaters : all.slice(-1)) {
        out.push({ key: team.key + '#' + round.key, team, round, several: withRaters.length > 1,
          score: round.raters.length });
      }
    }
    return out;
  }

  /**
   * The choice a consensus or over-time view shows: the user's while it
   * exists, else the one with the most to show. Remembers it in the state.
   * @template {{key: string, score: number}} T
   * @param {T[]} choices from choicesFor
   * @returns {T}
   */
  function pickTeam(state, choices) {
    let choice = choices.find((x) => x.key === state.team);
    if (!choice) {
      choice = choices.reduce((best, x) => (x.score > best.score ? x : best), choices[0]);
      state.team = choice.key;
    }
    return choice;
  }

  /** Count a rater in (or out of) the consensus. */
  function setRater(state, id, on) {
    const file = state.files.find((f) => f.id === id);
    if (file) file.off = !on;
    state.saved = null;
  }

  /**
   * Each spread row's agreed choice for a round (`key`): the facilitator's, else the unanimous level.
   * `fallback`: the team's key, under which choices made before rounds existed are kept.
   */
  function agreedFor(state, key, rows, fallback) {
    const mine = model.own(state.agreed, key) || {};
    const before = (fallback && model.own(state.agreed, fallback)) || {};
    /** @type {Object<string, {level: string, notes: string}>} */
    const result = {};
    for (const row of rows) {
      result[row.id] = model.own(mine, row.id) || model.own(before, row.id) || { level: row.unanimous, notes: '' };
    }
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

  return { empty, restore, discardStored, identity, addFiles, removeFile, clearAll, chooseMode, toggleSharing,
    toggleMoving, moveFile, choicesFor, pickTeam, setRater, agreedFor, agree };
});
