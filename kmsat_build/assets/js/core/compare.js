/**
 * kmsat core: comparing exported assessments: reading the files, grouping
 * them into teams and rounds, directorates side by side, and what the page
 * keeps. Raters to consensus (core/consensus.js) and one team over time
 * (core/over-time.js) build on it in files of their own: the page loads
 * them when those views are first shown. Pure: files in, figures out.
 *
 * How files group: the same team is the same organisation and team name
 * once accents, case, punctuation and spaces are ignored (or the group the
 * facilitator moved a file into). A team's files make rounds: one person's
 * own answers (role "individual") less than ROUND_DAYS apart are one round
 * of raters, however many days apart they were given, and the group's agreed
 * answers (role "agreed") dated within that round or soon after close it.
 * Files that do not say whose answers they are (made before the role
 * existed) are raters of one assessment when they share a date. A round's
 * figures are its agreed answers when it has them, else the median of its
 * raters; a team over time is its rounds, so individual answers are never
 * read as progress. A file of another edition or question set is compared
 * only on the criteria it answers that this edition also has (a file does
 * not list its questions, so its answers are all we know).
 */
(function (/** @type {any} */ root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./model.js'), require('./strings.js'), require('./session.js'));
  } else {
    const k = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
    k.compare = factory(k.model, k.strings, k.session);
  }
})(typeof self !== 'undefined' ? self : this, /** @param {typeof import('./session.js')} sessions */ function (model, strings, sessions) {
  'use strict';

  const { own, isPlainObject, dataIndex, editionOf, answerFor } = model;
  const { ImportError } = sessions;
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const EDITION_NOTES = ['import.report.contentVersion', 'import.report.fingerprint'];
  /** Individual answers of one team less than this many days apart are one round. */
  const ROUND_DAYS = 60;
  const DAY_MS = 86400000;

  /**
   * @typedef {{id: string, contentVersion: string, fingerprint: string}} FileEdition
   * @typedef {{session: Object, report: Object[], edition: FileEdition, criteria: string[]|null, group?: string}} FileEntry
   *   criteria: the criterion ids the file can be compared on; null means all of this edition's;
   *   group: the team group the facilitator moved the file into.
   * @typedef {{value: number|null, levelId: string}} Rating
   *   value: the level value, or the median of several files' values; levelId: the answer when every file agrees.
   */

  /** Two decimals at most: medians and means without floating-point dust. */
  const twoDecimals = (x) => (x === null ? null : Math.round(x * 100) / 100);

  /** The middle value (mean of the two middle ones); null for none. */
  function median(values) {
    if (!values.length) return null;
    const sorted = values.slice().sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return twoDecimals(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
  }

  /** A name for grouping: accents, case, punctuation and spaces ignored ("Estates & Facilities" = "estatesfacilities"). */
  function normaliseName(value) {
    return String(value || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ''); // Women's, Women’s and Womens are one team; so are "Hr" and "H R"
  }

  /** The grouping key of a session's team: normalised organisation and team. */
  function teamKey(session) {
    const details = session.details || {};
    return normaliseName(details.organisation) + '|' + normaliseName(details.team);
  }

  /** The group a file is in: the team it names, unless the facilitator moved it (`entry.group`). */
  const groupKey = (entry) => entry.group || teamKey(entry.session);

  /** Whose answers a file holds: 'agreed', 'individual', or '' (not said). */
  const roleOf = (entry) => String((entry.session.details || {}).role || '');

  /** The name of the person whose answers these are, as they gave it ('' when none). */
  function raterName(entry) {
    const d = entry.session.details || {};
    return String(d.rater || '').trim() || (roleOf(entry) === 'agreed' ? '' : String(d.participants || '').trim());
  }

  const text64 = (value) => (typeof value === 'string' ? value.slice(0, 64) : '');
  const fileEdition = (raw) => {
    const edition = own(raw, 'edition');
    return { id: text64(own(edition, 'id')), contentVersion: text64(own(edition, 'contentVersion')),
      fingerprint: text64(own(edition, 'fingerprint')) };
  };

  /**
   * Read one exported file for comparing. Like an import (session.checkImport),
   * except that a file of another edition is accepted when it answers
   * criteria this edition has; it is then compared on those alone.
   * @param {string} text the file's content
   * @returns {FileEntry}
   * @throws {ImportError} whatever checkImport refuses, and another edition's file sharing no criterion
   */
  function readExport(text, data, options) {
    let result; // stays undefined for another edition's file
    try {
      result = sessions.checkImport(text, data, options);
    } catch (error) {
      if (!(error instanceof ImportError) || error.key !== 'import.refused.otherEdition') throw error;
    }
    if (result && !result.report.some((m) => EDITION_NOTES.includes(m.key))) {
      return { session: result.session, report: result.report, edition: editionOf(data), criteria: null };
    }
    // checkImport has parsed this text once already, so it is JSON of an acceptable size.
    const raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    const edition = fileEdition(raw);
    const index = dataIndex(data);
    const answers = own(raw, 'answers');
    const criteria = edition.id === data.edition.id && edition.fingerprint === data.fingerprint ? null
      : Object.keys(isPlainObject(answers) ? answers : {}).filter((id) => index.criteria.has(id));
    if (criteria && !criteria.length) {
      throw new ImportError('compare.refused.nothingShared', { found: edition.id }, data.strings);
    }
    if (!result) result = sessions.normaliseSession(raw, data, options);
    // editionWarnings names what differs, once for all files: not again in each file's report.
    const report = result.report.filter((m) => !EDITION_NOTES.includes(m.key));
    return { session: result.session, report, edition, criteria };
  }

  /** Criterion ids, in framework order, that every file can be compared on. */
  function sharedCriteria(data, entries) {
    const sets = entries.filter((e) => e.criteria).map((e) => new Set(e.criteria));
    return [...dataIndex(data).criteria.keys()].filter((id) => sets.every((set) => set.has(id)));
  }

  /**
   * What differs between the files and this site, in words: one line per other
   * edition or version, and the criteria left out of the comparison.
   * @returns {import('./strings.js').Message[]}
   */
  function editionWarnings(data, entries, shared) {
    const mine = editionOf(data);
    const groups = new Map();
    for (const { edition: e } of entries) {
      const differs = e.id !== mine.id || (e.contentVersion && e.contentVersion !== mine.contentVersion) ||
        (e.fingerprint && e.fingerprint !== mine.fingerprint);
      if (!differs) continue;
      const key = [e.id, e.contentVersion, e.fingerprint].join('\n');
      if (!groups.has(key)) groups.set(key, { edition: e, count: 0 });
      groups.get(key).count += 1;
    }
    const lines = [...groups.values()].map(({ edition, count }) => strings.message('compare.warning.edition', {
      count, edition: edition.id, version: edition.contentVersion || '?',
      expected: mine.id, expectedVersion: mine.contentVersion,
    }));
    const index = dataIndex(data);
    const ids = new Set(shared);
    const left = [...index.criteria.values()].filter((entry) => !ids.has(entry.criterion.id));
    if (left.length) {
      lines.push(strings.message('compare.warning.leftOut', { shared: shared.length, total: index.criteria.size,
        items: strings.joinList(left.map((entry) => entry.criterion.title), '; ') }));
    }
    return lines;
  }

  /**
   * Files by team, in the order each team first appears.
   * @param {FileEntry[]} entries
   * @returns {{key: string, organisation: string, team: string, entries: FileEntry[]}[]}
   */
  function groupTeams(entries) {
    const teams = new Map();
    for (const entry of entries) {
      const key = groupKey(entry);
      if (!teams.has(key)) teams.set(key, { key, organisation: '', team: '', named: false, entries: [] });
      const team = teams.get(key);
      // Named by a file that is its own (not one moved in), else by the first.
      if (!team.named && (!entry.group || !team.entries.length)) {
        const d = entry.session.details || {};
        Object.assign(team, { organisation: d.organisation || '', team: d.team || '', named: !entry.group });
      }
      team.entries.push(entry);
    }
    return [...teams.values()];
  }

  /** A team's label: its name (with the organisation when `withOrganisation`), or the words for none. */
  function teamLabel(data, team, withOrganisation) {
    const name = team.team.trim() || strings.t(data.strings, 'compare.unnamedTeam');
    return withOrganisation && team.organisation.trim() ? strings.join(team.organisation.trim(), ': ', name) : name;
  }

  /** Team labels for a list of teams: organisation named only when files come from more than one. */
  function teamLabels(data, teams) {
    const organisations = new Set(teams.map((team) => normaliseName(team.organisation)));
    return teams.map((team) => teamLabel(data, team, organisations.size > 1));
  }

  /** Files grouped by date, oldest first; ISO dates sort by time, others after them. */
  function byDate(entries) {
    const dates = new Map();
    for (const entry of entries) {
      const date = String((entry.session.details || {}).date || '').trim();
      if (!dates.has(date)) dates.set(date, []);
      dates.get(date).push(entry);
    }
    const rank = (d) => (ISO_DATE.test(d) ? 0 : d ? 1 : 2);
    return [...dates].sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([date, list]) => ({ date, entries: list }));
  }

  /** A date's day number (UTC), or null when it is not YYYY-MM-DD. */
  const dayOf = (date) => (ISO_DATE.test(date) ? Date.parse(date + 'T00:00:00Z') / DAY_MS : null);
  const dateOf = (entry) => String((entry.session.details || {}).date || '').trim();

  /**
   * One team's files as rounds, oldest first: {key, date, from, to, agreed, raters}.
   * `raters` are individual answers (and files that do not say whose they are, of one date);
   * `agreed` the group's agreed answers of that round. `date` is the round's: its agreed
   * answers' date, else its latest rater's. `key` names the round (its first date) for state.
   * @param {FileEntry[]} entries one team's files
   */
  function rounds(entries) {
    /** @type {{first: number|null, last: number|null, agreed: FileEntry[], raters: FileEntry[], from: string, to: string}[]} */
    const points = [];
    const individual = entries.filter((e) => roleOf(e) === 'individual')
      .map((entry) => ({ entry, day: dayOf(dateOf(entry)) }))
      .sort((a, b) => Number(a.day === null) - Number(b.day === null) || (a.day ?? 0) - (b.day ?? 0));
    /** @type {(typeof points)[number] | null} */
    let open = null;
    for (const { entry, day } of individual) {
      // Undated answers join the latest round; a gap of more than ROUND_DAYS starts a new one.
      if (!open || (day !== null && open.last !== null && day - open.last > ROUND_DAYS)) {
        open = { first: day, last: day, agreed: [], raters: [], from: dateOf(entry), to: dateOf(entry) };
        points.push(open);
      }
      open.raters.push(entry);
      if (day !== null) { open.last = day; open.to = dateOf(entry); }
    }
    const clusters = points.slice();
    for (const { date, entries: list } of byDate(entries.filter((e) => roleOf(e) !== 'individual'))) {
      const day = dayOf(date);
      const agreed = list.filter((e) => roleOf(e) === 'agreed'), unsaid = list.filter((e) => roleOf(e) !== 'agreed');
      // Agreed answers close the round they follow: dated within it or up to ROUND_DAYS after its last answers.
      const round = agreed.length && clusters.find((c) => day !== null && c.first !== null && c.last !== null && day >= c.first &&
        day <= c.last + ROUND_DAYS && !c.agreed.length);
      if (round) round.agreed.push(...agreed);
      else if (agreed.length) points.push({ first: day, last: day, agreed, raters: [], from: date, to: date });
      if (unsaid.length) points.push({ first: day, last: day, agreed: [], raters: unsaid, from: date, to: date });
    }
    const rank = (p) => (p.first === null ? 1 : 0);
    return points.sort((a, b) => rank(a) - rank(b) || (a.first ?? 0) - (b.first ?? 0)).map((p) => ({
      key: p.from, from: p.from, to: p.to, agreed: p.agreed, raters: p.raters,
      date: p.agreed.length ? dateOf(p.agreed[0]) : p.to }));
  }

  /** The files a round's figures come from: its agreed answers when it has them, else its raters. */
  const roundFiles = (round) => (round.agreed.length ? round.agreed : round.raters);

  /** The level id a session gives a criterion ('' for none). */
  const levelIdOf = (session, id) => {
    const level = (answerFor(session, id) || {}).level;
    return typeof level === 'string' ? level : '';
  };

  /**
   * Each criterion's rating in a set of files (one file, or raters on one date).
   * @returns {Map<string, Rating>}
   */
  function ratings(data, entries, criteria) {
    const levels = dataIndex(data).scale.levels;
    const result = new Map();
    for (const id of criteria) {
      const ids = entries.map((entry) => levelIdOf(entry.session, id));
      const values = ids.filter((l) => levels.has(l)).map((l) => levels.get(l).value);
      result.set(id, { value: median(values), levelId: ids.every((l) => l === ids[0]) ? ids[0] : '' });
    }
    return result;
  }

  /** The elements that have comparable criteria, each with those criteria. */
  function comparedElements(data, criteria) {
    const ids = new Set(criteria);
    return data.elements.map((element) => ({ element, criteria: element.criteria.filter((c) => ids.has(c.id)) }))
      .filter((e) => e.criteria.length);
  }

  /** Each element's mean over its scored criteria (as scoring does), null when none is scored. */
  function elementMeans(elements, values) {
    const means = new Map();
    for (const { element, criteria } of elements) {
      const scored = criteria.map((c) => values.get(c.id).value).filter((v) => v !== null);
      means.set(element.id, scored.length ? twoDecimals(scored.reduce((a, b) => a + b, 0) / scored.length) : null);
    }
    return means;
  }

  /** Median and lowest of the non-empty figures. */
  function rollUp(figures) {
    const values = figures.filter((v) => v !== null);
    return { median: median(values), lowest: values.length ? Math.min(...values) : null, count: values.length };
  }

  /**
   * Directorates side by side. Each team is shown at its latest round: its
   * agreed answers when it has them (the round's individual answers are then
   * left out, and `leftOut` says how many), else the median of its raters;
   * with a roll-up per element and criterion, and the criteria where one team
   * is at the top level while another is at the bottom: who can teach whom.
   * @param {FileEntry[]} entries
   * @param {string[]} criteria from sharedCriteria
   */
  function sideBySide(data, entries, criteria) {
    const elements = comparedElements(data, criteria);
    const groups = groupTeams(entries);
    const labels = teamLabels(data, groups);
    const teams = groups.map((group, i) => {
      const all = rounds(group.entries);
      const latest = all[all.length - 1];
      const used = roundFiles(latest);
      const values = ratings(data, used, criteria);
      return { key: group.key, label: labels[i], date: latest.date, files: used.length, dates: all.length,
        agreed: latest.agreed.length > 0, leftOut: latest.agreed.length ? latest.raters.length : 0,
        individual: !latest.agreed.length && used.every((e) => roleOf(e) === 'individual'),
        raters: used.map(raterName).filter(Boolean), values, means: elementMeans(elements, values) };
    });
    const levelValues = data.scale.levels.map((level) => level.value);
    const [bottom, top] = [Math.min(...levelValues), Math.max(...levelValues)];
    const teach = [];
    for (const { element, criteria: list } of elements) {
      for (const criterion of list) {
        const at = (v) => teams.filter((team) => team.values.get(criterion.id)?.value === v);
        const teachers = at(top), learners = at(bottom);
        if (teachers.length && learners.length) teach.push({ element, criterion, teachers, learners });
      }
    }
    return {
      teams, elements, teach,
      elementRollUp: new Map(elements.map(({ element }) =>
        [element.id, rollUp(teams.map((team) => team.means.get(element.id)))])),
      criterionRollUp: new Map(criteria.map((id) => [id, rollUp(teams.map((team) => team.values.get(id)?.value ?? null))])),
    };
  }

  /** Which view suits the files: several teams side by side, one team's rounds over time, its raters to consensus. */
  function suggestMode(entries) {
    const teams = groupTeams(entries);
    if (teams.length !== 1) return 'side';
    const all = rounds(teams[0].entries);
    const latest = all[all.length - 1];
    if (latest.raters.length > 1 && !latest.agreed.length) return 'consensus';
    if (all.length > 1) return 'time';
    return latest.raters.length > 1 ? 'consensus' : 'side';
  }

  /** A rating in words: the level's label, a median's number, or ''. */
  function ratingText(data, rating) {
    if (!rating) return '';
    const index = dataIndex(data).scale;
    const level = index.levels.get(rating.levelId) || index.unscored.get(rating.levelId);
    if (level) return level.label;
    return rating.value === null ? '' : String(rating.value);
  }

  const STORE_FORMAT = 'kmsat-compare';
  const NAME_MAX = 200;

  /**
   * What the page keeps in localStorage: the files (as cleaned sessions), the
   * chosen view and the facilitator's agreed levels. `off`: left out of the consensus.
   * @param {{files: {name: string, entry: FileEntry, off?: boolean}[], mode: string, team: string,
   *   expanded: boolean, agreed: Object}} state
   */
  function storeState(state) {
    return { format: STORE_FORMAT, version: 1, mode: state.mode, team: state.team, expanded: state.expanded,
      agreed: state.agreed, files: state.files.map((f) => ({ name: f.name, off: Boolean(f.off),
        group: f.entry.group || undefined, edition: f.entry.edition, criteria: f.entry.criteria,
        session: f.entry.session })) };
  }

  /**
   * Why kept text cannot be read as the page's state: 'newer' (a later version
   * of the tool wrote it), 'corrupt' (anything else), or '' when it can.
   */
  function storedProblem(text) {
    let raw;
    try { raw = JSON.parse(text); } catch (error) { return 'corrupt'; }
    const version = own(raw, 'version');
    if (own(raw, 'format') !== STORE_FORMAT || !Number.isSafeInteger(version) || version < 1) return 'corrupt';
    if (version > 1) return 'newer';
    return Array.isArray(own(raw, 'files')) ? '' : 'corrupt';
  }

  /**
   * The state kept by storeState, rebuilt from untrusted text: every session
   * cleaned again, unknown ids dropped. Null when the text is not such a state
   * (storedProblem says why).
   */
  function restoreState(text, data) {
    if (storedProblem(text)) return null;
    const raw = JSON.parse(text);
    const index = dataIndex(data);
    const str = (v, max) => (typeof v === 'string' ? v.slice(0, max) : '');
    const files = raw.files.filter(isPlainObject).map((f) => {
      const criteria = own(f, 'criteria');
      const group = str(own(f, 'group'), NAME_MAX * 2);
      return { name: str(own(f, 'name'), NAME_MAX), off: own(f, 'off') === true, entry: { group: group || undefined,
        session: sessions.normaliseSession(own(f, 'session'), data).session, report: [], edition: fileEdition(f),
        criteria: Array.isArray(criteria) ? criteria.filter((id) => index.criteria.has(id)) : null } };
    });
    const agreed = {};
    const known = (level) => index.scale.levels.has(level) || index.scale.unscored.has(level);
    for (const [stored, choices] of Object.entries(isPlainObject(own(raw, 'agreed')) ? raw.agreed : {})) {
      if (!isPlainObject(choices) || stored.length > NAME_MAX * 3) continue;
      // Kept before names were matched without spaces ("st elsewhere|finance"): the same team now.
      const team = stored.includes('#') ? stored : stored.replace(/ /g, '');
      const clean = {};
      for (const [id, choice] of Object.entries(choices)) {
        if (!index.criteria.has(id) || !isPlainObject(choice)) continue;
        clean[id] = { level: known(own(choice, 'level')) ? choice.level : '',
          notes: str(own(choice, 'notes'), sessions.TEXT_MAX) };
      }
      Object.defineProperty(agreed, team, { value: clean, enumerable: true, writable: true, configurable: true });
    }
    const mode = ['side', 'consensus', 'time'].includes(own(raw, 'mode')) ? raw.mode : '';
    return { files, mode, team: str(own(raw, 'team'), NAME_MAX * 2), expanded: own(raw, 'expanded') === true, agreed };
  }

  return {
    STORE_FORMAT, ROUND_DAYS, storeState, storedProblem, restoreState, median, normaliseName, teamKey, groupKey,
    roleOf, raterName, readExport, sharedCriteria, editionWarnings, groupTeams, teamLabels, byDate, rounds, roundFiles,
    ratings, sideBySide, suggestMode, ratingText, twoDecimals, levelIdOf, comparedElements, elementMeans,
  };
});
