import type { EntityCounts } from '../domain/entities';
import { MS_PER_DAY } from '../domain/time';
import type { DoneDateSource } from './done-date-sources';
import type { IssueLog } from './import-issues';
import type {
  DependencyRecord,
  DeploymentRecord,
  IncidentRecord,
  ItemRecord,
  ObjectiveRecord,
  RecordSink,
  PlanningRecord,
  RiskRecord,
  SprintRecord,
  ReleaseRecord,
  TeamRecord,
  TransitionRecord,
} from './import-records';
import type { StatusBook } from './status-rules';
import { MAX_CELL_CHARS } from './columns';
import { lookAlikeDifference, lookAlikeForm, visible } from './look-alike';
import { LinkJudge } from './risk-links-check';
import { cellOf, otherTeamsHolding, otherTeamsSprint, planningProblems, planningRowKey, repeatedRow, whereFrom, type PlanDates } from '../planning/plan-import-rules';

export interface CheckerContext {
  issues: IssueLog;
  statuses: StatusBook;
  /** "Now" for future-date warnings (a parameter so that tests are deterministic). */
  nowMs: number;
  /** Whether the workspace already holds an item with this key. */
  workspaceHasItem(key: string): boolean;
  /** Every item key the workspace holds (read once, only when a reference matches no key as written). */
  workspaceItemKeys?: () => Iterable<string>;
  /**
   * The workspace's item keys that may not be their own look-alike form (lookAlikeForm: lower-case
   * letters, characters beyond ASCII; more is fine), or null when it holds no items. Read once.
   */
  workspaceOddItemKeys?: () => Iterable<string> | null;
  /** The workspace's objective keys (read once, when an item of the import names an objective). */
  workspaceObjectiveKeys?: () => ReadonlySet<string>;
  /** Whether the workspace already holds a dependency with this key (asked for a risk's links). */
  workspaceHasDependency?: (key: string) => boolean;
  /** The workspace's dependency keys that may not be their own look-alike form, as workspaceOddItemKeys. Read once. */
  workspaceOddDependencyKeys?: () => Iterable<string>;
  /**
   * What the workspace holds of an item's done date (undefined: it holds no such item): its row's,
   * whether it has a status history, and the date that history gives. Asked only for a done item of
   * the import that no history in the import dates (checkDoneDates).
   */
  workspaceDoneDate?: (key: string) => { doneAt: number | null; hasHistory: boolean; historyDoneAt: number | null } | undefined;
  /** Whether the workspace holds any status change: only then can a stored history overrule a done date of the import (checkDoneDates). */
  workspaceHoldsHistories?: boolean;
  /** Teams the workspace already holds. */
  workspaceTeams: readonly { key: string; name: string }[];
  /** The increments, iterations and milestones the workspace holds, with their days and teams. */
  workspacePlan?: PlanDates;
  /** The coordination groups the advisor forms now, key → name (asked only when a risk names a group). */
  workspaceGroups?: () => ReadonlyMap<string, string>;
  /** Group keys the workspace's risks are filed under, formed now or not (a risk keeps its group when the teams regroup). */
  riskGroupKeys?: () => ReadonlySet<string>;
}

/** A risk's lists of links, as its record and the risks template name them. */
const RISK_LINK_FIELDS = ['items', 'dependencies', 'objectives'] as const;
type RiskLinkField = (typeof RISK_LINK_FIELDS)[number];

function* both(first: Iterable<string>, second: Iterable<string>): Iterable<string> {
  yield* first;
  yield* second;
}

/** Where a record stands: its line, or in JSON its path or (a Jira issue) its position in its file. */
type Place = { line: number | null; path?: string; position?: number };

export const MAX_TITLE_CHARS = 2000;
const MAX_NAME_CHARS = 500;
/**
 * An item's place is kept as one number, line × FILE_SLOTS + its file's index among the files that
 * held items (for a Jira JSON issue its position + 1 in the line's stead): a small integer up to line
 * 1,048,575, which V8 stores without allocating (an object per item would be 100,000 more at M, kept
 * alive through the write).
 */
const FILE_SLOTS = 1024;

function emptyCounts(): EntityCounts {
  return { teams: 0, items: 0, transitions: 0, dependencies: 0, deployments: 0, incidents: 0, objectives: 0, plans: 0, releases: 0, risks: 0 };
}

/** The planning rows found again by their name, whose names are checked for look-alikes. */
type PlanNameKind = 'increment' | 'iteration' | 'milestone';

/**
 * For a name refused as unknown: the known name it looks like, if one does (" (there is an iteration
 * "Iteration 1": the names differ only in letter case)"), so the fix is plain; else nothing.
 */
function alikeName(what: string, name: string, known: Iterable<string>): string {
  const form = lookAlikeForm(name);
  for (const other of known) {
    if (lookAlikeForm(other) === form) return ` (there is ${what} "${visible(other)}": the names differ only ${lookAlikeDifference(name, other)})`;
  }
  return '';
}

/**
 * Sits between mappers and the target (the preview or the database writer): checks what no single
 * row can know (duplicates, references, dates against each other and the clock), warns, drops what
 * cannot be stored, and counts what goes through. Preview and import run the same checks, so the
 * preview's numbers are the import's.
 */
export class RecordChecker implements RecordSink {
  file = '';
  readonly counts: EntityCounts = emptyCounts();
  /** Item keys of this import, each with the place of its last row (`#itemPlace`). */
  readonly #itemKeys = new Map<string, number>();
  readonly #teamKeys = new Set<string>();
  /** Keys of this import by kind, each with the place of its last row (`#placeOf`). */
  readonly #keys = {
    teams: new Map<string, number>(),
    objectives: new Map<string, number>(),
    dependencies: new Map<string, number>(),
    deployments: new Map<string, number>(),
    incidents: new Map<string, number>(),
    risks: new Map<string, number>(),
  };
  #groups: ReadonlyMap<string, string> | null = null;
  readonly #warnedTeams = new Set<string>();
  /**
   * Increments of the workspace and those declared in this import so far: for each, its iteration
   * names and the cadences holding each (null: the shared one, else a team's own sprint).
   */
  readonly #increments = new Map<string, Map<string, Set<string | null>>>();
  readonly #unknownItemCache = new Map<string, boolean>();
  /** Teams created because something referred to them (for the preview's note). */
  readonly createdTeams = new Set<string>();
  readonly #futureLimit: number;
  /** Workspace team keys by key, lower-case key and lower-case name. */
  readonly #teamDirectory = new Map<string, string>();
  readonly #workspaceTeamKeys: ReadonlySet<string>;

  constructor(
    readonly context: CheckerContext,
    readonly target: RecordSink,
  ) {
    this.#futureLimit = context.nowMs + MS_PER_DAY;
    this.#workspaceTeamKeys = new Set(context.workspaceTeams.map((t) => t.key));
    for (const i of context.workspacePlan?.increments ?? []) this.#increments.set(i.name, new Map());
    for (const i of context.workspacePlan?.iterations ?? []) this.#addIteration(i.increment, i.name, i.teamKey);
    for (const t of context.workspaceTeams) {
      if (!this.#teamDirectory.has(t.name.toLowerCase())) this.#teamDirectory.set(t.name.toLowerCase(), t.key);
    }
    for (const t of context.workspaceTeams) this.#teamDirectory.set(t.key.toLowerCase(), t.key);
  }

  /**
   * The workspace's key for a team named in a source: the key itself, or a team whose key or name
   * matches without regard to case (Jira's Team field holds "Checkout" where the workspace has the
   * team "checkout"), the teams declared earlier in this import included. A team declared in this
   * import is taken as it is.
   */
  canonicalTeam(value: string | null): string | null {
    if (value === null || this.#teamKeys.has(value) || this.#workspaceTeamKeys.has(value)) return value;
    return this.#teamDirectory.get(value.toLowerCase()) ?? value;
  }

  /**
   * The cell a warning about a record names: its column (`header`), or in JSON the field at the
   * record's path ("dependencies[2].toItemKey"), or a Jira issue's path alone (its fields are not
   * named as Interlock's are). Worked out only for a warning, so rows pay nothing for it.
   */
  #cell(record: Place, field: string, header: string): string {
    if (record.line !== null) return header;
    if (record.path !== undefined) return `${record.path}.${field}`;
    return (record.position === undefined ? undefined : this.#jsonPaths.get(this.file)?.(record.position)) ?? header;
  }

  #future(record: Place, header: string, field: string, ms: number | null): void {
    if (ms !== null && ms > this.#futureLimit) {
      const iso = new Date(ms).toISOString();
      this.context.issues.warn(this.file, record.line, this.#cell(record, field, header), iso, 'future-date', `${header} ${iso.slice(0, 10)} lies in the future (after tomorrow); check the date format or the export.`);
    }
  }

  /**
   * The paths of the records of this import that have one (a bundle's "teams[3]"), by kind and key,
   * each for its key's last row: few, so kept apart from the places.
   */
  readonly #recordPaths = new Map<string, string>();

  /**
   * Whether `key` came before in this import (said as a warning naming the row it repeats, at the
   * key's cell: its column, or in a bundle its path): a repeat replaces the record, so it is not
   * counted again.
   */
  #duplicate(kind: string, places: Map<string, number>, key: string, record: { line: number | null; path?: string }): boolean {
    const { line, path } = record;
    const before = places.get(key);
    places.set(key, this.#placeOf(line));
    const id = `${kind}\u0000${key}`;
    const beforePath = this.#recordPaths.get(id);
    if (path !== undefined && line === null) this.#recordPaths.set(id, path);
    else if (beforePath !== undefined) this.#recordPaths.delete(id);
    if (before === undefined) return false;
    // A place of line 0 in one of the first FILE_SLOTS files is a row without a line: its path, if it had one, names it.
    const where = beforePath !== undefined && before >= 0 && before < FILE_SLOTS ? `at ${this.#itemFiles[before]!}, ${beforePath}` : this.#whereOf(before);
    this.context.issues.warn(this.file, line, cellOf(record, 'key', 'Key'), key, 'duplicate-key', `${kind} key ${key} appears more than once in this import${where === null ? '' : ` (also ${where})`}; the last one wins.`);
    return true;
  }

  /** A team a record names (its `field`, in JSON): one neither declared nor in the workspace is created, and said once. */
  #team(key: string | null, record: Place, field: string, header = 'Team'): void {
    if (key === null || this.#teamKeys.has(key) || this.#workspaceTeamKeys.has(key)) return;
    if (this.#warnedTeams.has(key)) return;
    this.#warnedTeams.add(key);
    this.createdTeams.add(key);
    // A workspace (or import) that declares its teams is told about strangers; one built from an
    // export alone creates its teams as it goes, which the preview lists instead.
    if (this.#workspaceTeamKeys.size > 0 || this.#teamKeys.size > 0) {
      this.context.issues.warn(this.file, record.line, this.#cell(record, field, header), key, 'unknown-team', `Team ${key} is not in the workspace; it will be created with ${key} as its name.`);
    }
  }

  /**
   * The last key `knowsItem` found: a history's changes come one after another, so most lookups
   * ask for the key before (a string comparison instead of hashing a new copy of the key).
   */
  #lastKnownItem: string | null = null;

  /** Whether an item key is known (this import so far, or the workspace). */
  knowsItem(key: string): boolean {
    // Known stays known (keys are never forgotten), so the cache never answers wrong.
    if (key === this.#lastKnownItem) return true;
    if (this.#itemKeys.has(key)) {
      this.#lastKnownItem = key;
      return true;
    }
    let known = this.#unknownItemCache.get(key);
    if (known === undefined) {
      known = this.context.workspaceHasItem(key);
      this.#unknownItemCache.set(key, known);
    }
    if (known) this.#lastKnownItem = key;
    return known;
  }

  /** Look-alike form (lookAlikeForm) → key of every item known, built the first time a reference matches none as written. */
  #itemDirectory: Map<string, string> | null = null;

  /**
   * The key of the item a reference means: as written, or an item of this import or the workspace
   * whose key differs only in case (a hand-typed "t-1" for T-1) or by a character that does not show
   * (a zero-width space pasted with it, a no-break space for a space), said as a warning. A status
   * change dropped for such a typo would have cut the item's history short, since a history is replaced.
   */
  canonicalItem(key: string, record: Place, header: string, field: string): string {
    if (this.knowsItem(key)) return key;
    if (this.#itemDirectory === null) {
      this.#itemDirectory = new Map();
      for (const known of this.context.workspaceItemKeys?.() ?? []) this.#itemDirectory.set(lookAlikeForm(known), known);
      for (const known of this.#itemKeys.keys()) this.#itemDirectory.set(lookAlikeForm(known), known);
    }
    const found = this.#itemDirectory.get(lookAlikeForm(key));
    if (found === undefined) return key;
    const how = lookAlikeDifference(key, found);
    const column = this.#cell(record, field, header);
    if (how === 'in letter case') this.context.issues.warn(this.file, record.line, column, key, 'item-key-case', `${key} is taken as item ${found} (the keys differ only in case).`);
    else this.context.issues.warn(this.file, record.line, column, key, 'look-alike-key', `${visible(key)} is taken as item ${visible(found)} (the keys differ only ${how}).`);
    return found;
  }

  #itemReference(key: string | null, record: Place, header: string, field: string, what: string): void {
    if (key !== null && !this.knowsItem(key)) {
      this.context.issues.warn(this.file, record.line, this.#cell(record, field, header), key, 'unknown-item', `${what} refers to item ${key}, which is neither in this import nor in the workspace.`);
    }
  }

  #addIteration(increment: string, name: string, teamKey: string | null): void {
    const names = this.#increments.get(increment) ?? new Map<string, Set<string | null>>();
    this.#increments.set(increment, names);
    const cadences = names.get(name) ?? new Set<string | null>();
    names.set(name, cadences.add(teamKey));
  }

  /**
   * What a capacity or plan row's iteration is to its team: one it may use, no iteration of that
   * name, or other teams' sprints (their keys).
   */
  #iterationFor(increment: string, iteration: string, teamKey: string): 'ok' | 'no-iteration' | string[] {
    const cadences = this.#increments.get(increment)?.get(iteration);
    if (!cadences) return 'no-iteration';
    return otherTeamsHolding(cadences, teamKey) ?? 'ok';
  }

  /**
   * Objectives and planning rows as read. They name increments, iterations and items that any file
   * of the import may declare (a bundle is read before the templates, whose rows it may name, and a
   * template before a bundle), so they are judged once every file is read (`finishReading`), in the
   * order read: what an import accepts does not depend on the order of its files.
   */
  readonly #held: ({ file: string; objective: ObjectiveRecord } | { file: string; planning: PlanningRecord })[] = [];

  planning(record: PlanningRecord): void {
    this.#held.push({ file: this.file, planning: record });
  }

  objective(record: ObjectiveRecord): void {
    this.#held.push({ file: this.file, objective: record });
  }

  /**
   * Judges the objectives and planning rows held while reading, in the order read, against every
   * increment and iteration the workspace and the import's files declare, then the plan they leave
   * (`#checkPlan`). `inFile` runs each row's judgment, so that the caller can count what it accepts,
   * warns and rejects in that row's own file. Call once every file is read.
   */
  finishReading(inFile: (file: string, judge: () => void) => void = (_file, judge) => judge()): void {
    const held = this.#held.splice(0);
    const rows = held.flatMap((h) => ('planning' in h ? [h.planning] : []));
    // The declarations first: increments, then the iterations of an increment there is.
    for (const r of rows) if (r.kind === 'increment' && !this.#increments.has(r.name)) this.#increments.set(r.name, new Map());
    for (const r of rows) {
      if (r.kind !== 'iteration' || !this.#increments.has(r.increment)) continue;
      if (r.teamKey !== null) r.teamKey = this.canonicalTeam(r.teamKey)!;
      this.#addIteration(r.increment, r.name, r.teamKey);
    }
    for (const h of held) {
      inFile(h.file, () => {
        this.file = h.file;
        if ('planning' in h) this.#planning(h.planning);
        else this.#objective(h.objective);
      });
    }
    this.#checkPlan();
  }

  /**
   * A planning row naming an increment, iteration or item there is not. A CSV row is left out,
   * named by its line and column; a bundle's row (no line) refuses the whole import, named by its
   * place and field (plan[3].item), in the refusal too.
   */
  #planning(record: PlanningRecord): void {
    const issues = this.context.issues;
    const refuse = (column: string, value: string, message: string) =>
      record.line === null && record.path !== undefined
        ? issues.refusedRecord(this.file, `${record.path}.${column}`, value, 'invalid-reference', message)
        : issues.error(this.file, record.line, column, value, 'invalid-reference', message);
    if (record.kind !== 'increment') {
      if (!this.#increments.has(record.increment)) return refuse('increment', record.increment, `There is no increment "${visible(record.increment)}" in this import or the workspace${alikeName('an increment', record.increment, this.#increments.keys())}; add it to the increments template first.`);
      // The workspace's key first: a sprint is looked up by the team it belongs to.
      if ('teamKey' in record && record.teamKey !== null) record.teamKey = this.canonicalTeam(record.teamKey)!;
      if (record.kind === 'capacity' || record.kind === 'planned') {
        const found = this.#iterationFor(record.increment, record.iteration, record.teamKey);
        if (found === 'no-iteration') return refuse('iteration', record.iteration, `${record.increment} has no iteration "${visible(record.iteration)}"${alikeName('an iteration', record.iteration, this.#increments.get(record.increment)!.keys())}; add it to the iterations template first.`);
        if (found !== 'ok') return refuse('iteration', record.iteration, otherTeamsSprint(record.kind, record.iteration, found, record.teamKey));
      }
      if ('teamKey' in record) this.#team(record.teamKey, record, 'team');
      if (record.kind === 'planned' && !this.knowsItem(record.itemKey)) return refuse('item', record.itemKey, `Item ${record.itemKey} is neither in this import nor in the workspace, so it cannot be planned.`);
    }
    record.file = this.file;
    if (record.kind === 'increment' || record.kind === 'iteration' || record.kind === 'milestone') this.#lookAlikePlanName(record);
    if (record.kind === 'increment' || record.kind === 'iteration' || record.kind === 'milestone') this.#datedRows.push(record);
    if (!this.#repeatedPlanning(record)) this.counts.plans++;
    this.target.planning(record);
  }

  /**
   * Increments, and the iterations and milestones of each increment, by look-alike form
   * (lookAlikeForm): the first name of each form, its team for a sprint, and its row (null: the
   * workspace's). Made at the first increment, iteration or milestone row.
   */
  #planNames: Map<string, { name: string; teamKey: string | null; from: PlanningRecord | null }> | null = null;

  /**
   * An increment, or an iteration or a milestone of one increment (any cadence, any team), whose
   * name looks like another's of the import or the workspace: each is found again by name, so both
   * are kept, as two, and the later row is told, naming the other and where it is.
   */
  #lookAlikePlanName(record: PlanningRecord & { kind: PlanNameKind }): void {
    const id = (kind: PlanNameKind, increment: string, name: string) => (kind === 'increment' ? `increment\u0000${lookAlikeForm(name)}` : `${kind}\u0000${increment}\u0000${lookAlikeForm(name)}`);
    if (this.#planNames === null) {
      const names = (this.#planNames = new Map());
      const plan = this.context.workspacePlan;
      const add = (key: string, name: string, teamKey: string | null) => {
        if (!names.has(key)) names.set(key, { name, teamKey, from: null });
      };
      for (const i of plan?.increments ?? []) add(id('increment', '', i.name), i.name, null);
      for (const i of plan?.iterations ?? []) add(id('iteration', i.increment, i.name), i.name, i.teamKey);
      // A milestone is found again by its name in its increment, whatever its team: its team is not what tells two apart.
      for (const m of plan?.milestones ?? []) add(id('milestone', m.increment, m.name), m.name, null);
    }
    const increment = record.kind === 'increment' ? '' : record.increment;
    const teamKey = record.kind === 'iteration' ? record.teamKey : null;
    const key = id(record.kind, increment, record.name);
    const first = this.#planNames.get(key);
    if (first === undefined) {
      this.#planNames.set(key, { name: record.name, teamKey, from: record });
      return;
    }
    if (first.name === record.name) {
      // The same name (a repeat, or another team's sprint): a later look-alike names this import's row.
      if (first.from === null) first.from = record;
      return;
    }
    const kind = record.kind;
    const sprint = (team: string | null) => (team === null ? '' : ` (a sprint of ${team})`);
    const what = `${kind[0]!.toUpperCase()}${kind.slice(1)} "${visible(record.name)}"${kind === 'increment' ? '' : ` of ${increment}${sprint(teamKey)}`}`;
    const other = `${kind} "${visible(first.name)}"${sprint(first.teamKey)}`;
    const where = first.from === null ? `the workspace's ${other}` : `${other} of this import, at ${whereFrom({ file: first.from.file ?? this.file, line: first.from.line, ...(first.from.path === undefined ? {} : { path: first.from.path }) })}`;
    this.context.issues.warn(
      this.file,
      record.line,
      cellOf(record, 'name'),
      record.name,
      'look-alike-key',
      `${what} looks like ${where}: the names differ only ${lookAlikeDifference(record.name, first.name)}. Both are imported, as two ${kind}s; if they are one, correct the name in the file and import it again.`,
    );
  }

  /** The planning rows of this import so far, by what makes them the same row (planningRowKey). */
  readonly #planningRows = new Map<string, PlanningRecord>();

  /** Whether the row says again what an earlier one said (warned: the last one wins, and it is not counted again). */
  #repeatedPlanning(record: PlanningRecord): boolean {
    const key = planningRowKey(record);
    const earlier = this.#planningRows.get(key);
    this.#planningRows.set(key, record);
    if (earlier === undefined) return false;
    const { column, value, message } = repeatedRow(record, earlier);
    this.context.issues.warn(this.file, record.line, cellOf(record, column), value, 'duplicate-key', message);
    return true;
  }

  /** The increments, iterations and milestones this import writes: the plan they leave is checked whole, once every file is read. */
  readonly #datedRows: PlanningRecord[] = [];

  /**
   * Refuses the import where the increments, iterations and milestones it would leave do not fit
   * together (an overlap, an iteration or milestone outside its increment), at the row to fix. The
   * write checks the same plan the same way (plan-import.ts), so a preview that passes promises an
   * import that does.
   */
  #checkPlan(): void {
    for (const p of planningProblems(this.context.workspacePlan ?? { increments: [], iterations: [], milestones: [] }, this.#datedRows)) {
      this.context.issues.refusedAt(whereFrom(p.from), p.from.file, p.from.line, cellOf(p.from, p.column), p.value, 'plan-inconsistent', p.message);
    }
  }

  sprint(record: SprintRecord): void {
    this.target.sprint(record);
  }

  #knowsTeam(key: string): boolean {
    return this.#teamKeys.has(key) || this.#workspaceTeamKeys.has(key);
  }

  #riskGroupKeys: ReadonlySet<string> | null = null;
  #riskGroups(): ReadonlySet<string> {
    this.#riskGroupKeys ??= this.context.riskGroupKeys?.() ?? new Set();
    return this.#riskGroupKeys;
  }

  /**
   * The workspace team a team declared here is, when an earlier import made it from a reference (a
   * bare team: its key is its name) and the declaration names it by that key or name in another
   * case. Teams declared with a key of their own are never merged by name.
   */
  #bareWorkspaceTeam(record: TeamRecord): { key: string; name: string } | undefined {
    const key = record.key.toLowerCase();
    const name = record.name.toLowerCase();
    return this.context.workspaceTeams.find((t) => t.key === t.name && (t.key.toLowerCase() === key || t.key.toLowerCase() === name));
  }

  /** A group the advisor forms, named by its key or (without regard to case) its name. */
  #groupKey(value: string): string | null {
    this.#groups ??= this.context.workspaceGroups?.() ?? new Map();
    if (this.#groups.has(value)) return value;
    const lower = value.toLowerCase();
    for (const [key, name] of this.#groups) if (name.toLowerCase() === lower || key.toLowerCase() === lower) return key;
    return null;
  }

  /**
   * A risk files under a team or a group that exists (risks create no teams); an increment is a
   * name (one may be planned later). Refusals name the column (scope_key, owner_team) or, in a
   * bundle, the field where it stands (risks[3].scope.key, risks[3].ownerTeam).
   */
  risk(record: RiskRecord): void {
    const jsonField = { scope_key: 'scope.key', owner_team: 'ownerTeam' } as const;
    // Both references are judged before the record is refused: the file is all or nothing, so each is said at once.
    let refused = false;
    const refuse = (column: keyof typeof jsonField, value: string, message: string) => {
      const where = record.path ?? `risks[${record.key}]`;
      this.context.issues.error(this.file, record.line, record.line === null ? `${where}.${jsonField[column]}` : column, value, 'invalid-reference', message, record.line === null ? where : undefined);
      refused = true;
    };
    const repeated = this.#duplicate('risks', this.#keys.risks, record.key, record);
    const scope = record.scope;
    if (scope.kind === 'team') {
      const team = this.canonicalTeam(scope.key)!;
      if (!this.#knowsTeam(team)) refuse('scope_key', scope.key, `Team ${scope.key} is neither in this import nor in the workspace (risks do not create teams).`);
      else record.scope = { kind: 'team', key: team };
    } else if (scope.kind === 'group') {
      // A group no longer formed still holds the risks filed under it: their export imports back.
      const key = this.#groupKey(scope.key) ?? (this.#riskGroups().has(scope.key) ? scope.key : null);
      if (key === null) {
        const groups = [...this.#groups!.values()];
        refuse(
          'scope_key',
          scope.key,
          groups.length === 0
            ? `There is no coordination group "${scope.key}": the advisor forms no groups of coupled teams in this workspace yet.`
            : `There is no coordination group "${scope.key}" now; the groups are ${groups.join('; ')}.`,
        );
      } else record.scope = { kind: 'group', key };
    }
    if (record.ownerTeamKey !== null) {
      const owner = this.canonicalTeam(record.ownerTeamKey)!;
      if (!this.#knowsTeam(owner)) refuse('owner_team', record.ownerTeamKey, `Team ${record.ownerTeamKey} is neither in this import nor in the workspace (risks do not create teams).`);
      else record.ownerTeamKey = owner;
    }
    if (refused) return;
    record.file = this.file;
    if (!repeated) this.counts.risks++;
    if (RISK_LINK_FIELDS.some((field) => (record[field]?.length ?? 0) > 0)) this.#linkingRisks.push(record);
    this.target.risk(record);
  }

  /** The risks of this import that link something, judged once every file is read (checkRiskLinks). */
  readonly #linkingRisks: RiskRecord[] = [];

  /**
   * The links of this import's risks, once every file is read (the items, dependencies and
   * objectives they name may come in any file): each stored as the risk's dialog stores a typed
   * one (linkAsStored), against the keys the workspace holds after this import, so that "rpt-134"
   * marks the card of RPT-134. A link that then matches nothing, or matches two keys of other
   * letter case, is kept as written (it may name what is still to be imported) and warned about at
   * the risk's file, line and column (a bundle's risks[3].items[0]), with a key it looks like when
   * there is one. The records, already with the target, take the stored keys. `warned` is told the
   * file of each warning.
   */
  checkRiskLinks(warned: (file: string) => void = () => undefined): void {
    const risks = this.#linkingRisks.splice(0);
    if (risks.length === 0) return;
    const judges = this.#linkJudges();
    for (const r of risks) {
      for (const field of RISK_LINK_FIELDS) {
        const links = r[field];
        if (links === null) continue;
        r[field] = links.map((link, i) => {
          const { stored, problem } = judges[field].judge(r.key, link);
          if (problem === null) return stored;
          const file = r.file ?? this.file;
          this.context.issues.warn(file, r.line, r.line === null && r.path !== undefined ? `${r.path}.${field}[${i}]` : field, link, 'risk-link-unmatched', problem);
          warned(file);
          return stored;
        });
      }
    }
  }

  /** Judges of a risk's links, by kind, over the keys this import and the workspace hold. */
  #linkJudges(): Record<RiskLinkField, LinkJudge> {
    const { context } = this;
    const dependencies = this.#keys.dependencies;
    const objectives = this.#keys.objectives;
    let workspaceObjectives: ReadonlySet<string> | null = null;
    const workspaceObjective = () => (workspaceObjectives ??= context.workspaceObjectiveKeys?.() ?? new Set());
    return {
      items: new LinkJudge({ what: 'item', holds: (key) => this.knowsItem(key), oddKeys: () => both(context.workspaceOddItemKeys?.() ?? [], this.#itemKeys.keys()) }),
      dependencies: new LinkJudge({
        what: 'dependency',
        holds: (key) => dependencies.has(key) || (context.workspaceHasDependency?.(key) ?? false),
        oddKeys: () => both(context.workspaceOddDependencyKeys?.() ?? [], dependencies.keys()),
      }),
      objectives: new LinkJudge({ what: 'objective', holds: (key) => objectives.has(key) || workspaceObjective().has(key), oddKeys: () => both(objectives.keys(), workspaceObjective()) }),
    };
  }

  readonly #releases = new Set<string>();

  release(record: ReleaseRecord): void {
    if (!this.#releases.has(record.name)) {
      this.#releases.add(record.name);
      this.counts.releases++;
    }
    this.target.release(record);
  }

  team(record: TeamRecord): void {
    const declared = record.key;
    const bare = this.#teamKeys.has(declared) || this.#workspaceTeamKeys.has(declared) ? undefined : this.#bareWorkspaceTeam(record);
    if (bare) {
      // A tracker's import made "Checkout" from an issue's Team field; a teams file now declares
      // checkout, Checkout: the same team, renamed — not a second one beside it.
      this.context.issues.warn(this.file, record.line, cellOf(record, 'key', 'Key'), declared, 'team-matched', `Team ${declared} (${record.name}) is taken as the workspace's team ${bare.key}, which an earlier import made from a reference; its key stays ${bare.key} and its name becomes ${record.name}.`);
      record.key = bare.key;
      this.#teamDirectory.set(declared.toLowerCase(), bare.key);
    }
    const repeated = this.#duplicate('teams', this.#keys.teams, record.key, record);
    this.#teamKeys.add(record.key);
    // Items later in this import find it by its key or name in any case, as a workspace team.
    this.#teamDirectory.set(record.key.toLowerCase(), record.key);
    if (!this.#teamDirectory.has(record.name.toLowerCase())) this.#teamDirectory.set(record.name.toLowerCase(), record.key);
    if (!repeated) this.counts.teams++;
    this.target.team(record);
  }

  #objective(record: ObjectiveRecord): void {
    // An increment neither the workspace nor a file of this import declares: refused here, so the
    // preview says what the write would (it refused the whole import after a clean preview).
    if (record.pi && !this.#increments.has(record.pi.increment)) {
      const known = [...this.#increments.keys()];
      this.context.issues.error(
        this.file,
        record.line,
        'increment',
        record.pi.increment,
        'invalid-reference',
        `Objective ${record.key} names the increment "${record.pi.increment}", which is neither in this import nor in the workspace${known.length > 0 ? ` (there ${known.length === 1 ? 'is' : 'are'} ${known.join(', ')})` : ''}; the row is left out.`,
      );
      return;
    }
    const repeated = this.#duplicate('objectives', this.#keys.objectives, record.key, record);
    record.teamKeys = record.teamKeys.map((t) => this.canonicalTeam(t)!);
    record.teamKeys.forEach((t, i) => this.#team(t, record, `teamKeys[${i}]`));
    if (record.itemKeys !== undefined && record.itemKeys.length > 0) record.itemKeys = this.#objectiveItems(record);
    record.file = this.file;
    if (!repeated) this.counts.objectives++;
    this.target.objective(record);
  }

  /**
   * The items an objective's row lists (its `items` column), judged once every file is read: a key
   * of another case is taken for its item, as a status change's is; one no item of the import or
   * the workspace has is warned about, since a link is stored only to an item that is there (the
   * items' own `objectives` column keeps a link as written instead).
   */
  #objectiveItems(record: ObjectiveRecord): string[] {
    const keys = record.itemKeys!.map((key) => this.canonicalItem(key, record, 'items', 'items'));
    for (const key of keys) {
      if (this.knowsItem(key)) continue;
      this.context.issues.warn(
        this.file,
        record.line,
        'items',
        key,
        'unknown-item',
        `Objective ${record.key} lists item "${visible(key)}", which is neither in this import nor in the workspace; that link is left out. Import the item, then the objective again (or name the objective in the item's objectives column).`,
      );
    }
    return keys;
  }

  /** The files that held rows with keys, in the order read (`#placeOf`), and the index of the one read now. */
  readonly #itemFiles: string[] = [];
  #itemFile = -1;
  /** The paths of items that have one (a bundle's), by key: few, so kept apart from the places. */
  readonly #itemPaths = new Map<string, string>();
  /** How each JSON file whose items hold a position (a Jira export's) names one, by file. */
  readonly #jsonPaths = new Map<string, (position: number) => string>();

  jsonPaths(pathOf: (position: number) => string): void {
    this.#jsonPaths.set(this.file, pathOf);
  }

  /** The place of a row of the file read now as one number (FILE_SLOTS); -1 past FILE_SLOTS files, where it is not named. */
  #placeOf(line: number | null): number {
    if (this.#itemFiles[this.#itemFile] !== this.file) {
      this.#itemFile = this.#itemFiles.indexOf(this.file);
      if (this.#itemFile < 0) this.#itemFile = this.#itemFiles.push(this.file) - 1;
    }
    return this.#itemFile < FILE_SLOTS ? (line ?? 0) * FILE_SLOTS + this.#itemFile : -1;
  }

  /**
   * Where a place (`#placeOf`) is: "at items.csv, line 4", "at jira.json, [1].issues[4]" for an
   * item of a file whose items hold a position, or "in bundle.json" for a row without a line;
   * null past FILE_SLOTS files.
   */
  #whereOf(place: number): string | null {
    if (place < 0) return null;
    const file = this.#itemFiles[place % FILE_SLOTS]!;
    const line = Math.floor(place / FILE_SLOTS);
    if (line === 0) return `in ${file}`;
    const pathOf = this.#jsonPaths.get(file);
    return pathOf === undefined ? `at ${file}, line ${line}` : `at ${file}, ${pathOf(line - 1)}`;
  }

  /**
   * The place of an item's row as one number (`#placeOf`), its path kept apart for a bundle's; a
   * position (a Jira issue's) stands where a line would, one up, since 0 is no place.
   */
  #itemPlace(record: ItemRecord): number {
    if (record.path !== undefined) this.#itemPaths.set(record.key, record.path);
    else if (this.#itemPaths.size > 0) this.#itemPaths.delete(record.key);
    return this.#placeOf(record.position === undefined ? record.line : record.position + 1);
  }

  /** Where an item without a line stands in its JSON file ("items[3]", "[1].issues[4]"), if it is known. */
  #jsonPath(record: ItemRecord, file: string): string | undefined {
    return record.path ?? (record.position === undefined ? undefined : this.#jsonPaths.get(file)?.(record.position));
  }

  /** The cell a warning about an item's key names: its column, or in JSON the key's path ("items[3].key", "[1].issues[4].key"). */
  #keyCell(record: ItemRecord): string {
    const path = record.line === null ? this.#jsonPath(record, this.file) : undefined;
    return path === undefined ? 'Key' : `${path}.key`;
  }

  /**
   * The cell a warning about an item's parent names: its column, a bundle item's `parentKey`, or a
   * Jira issue (its parent may be its parent field or its epic link, so the issue is named).
   */
  #parentCell(record: ItemRecord, file: string): string {
    const path = record.line === null ? this.#jsonPath(record, file) : undefined;
    return path === undefined ? 'Parent' : record.path !== undefined ? `${path}.parentKey` : path;
  }

  /** Where the last row of an item of this import is: "at items.csv, line 4", "at bundle.json, items[3]", "at jira.json, issues[3]"; null past FILE_SLOTS files. */
  #itemWhere(key: string): string | null {
    const place = this.#itemKeys.get(key);
    if (place === undefined || place < 0) return null;
    const path = this.#itemPaths.get(key);
    return path !== undefined && place < FILE_SLOTS ? `at ${this.#itemFiles[place % FILE_SLOTS]!}, ${path}` : this.#whereOf(place);
  }

  /** Whether the item's key came before in this import, said at this row naming the row it repeats (the last one wins). */
  #repeatedItem(record: ItemRecord): boolean {
    const key = record.key;
    const repeated = this.#itemKeys.has(key);
    const where = repeated ? this.#itemWhere(key) : null;
    this.#itemKeys.set(key, this.#itemPlace(record));
    if (!repeated) {
      this.#lookAlikeItem(record);
      return false;
    }
    this.context.issues.warn(this.file, record.line, this.#keyCell(record), key, 'duplicate-key', `Item ${key} appears more than once in this import${where === null ? '' : ` (also ${where})`}; the last row wins.`);
    return true;
  }

  /**
   * Look-alike forms of this import's item keys that are not their own form ("pay-12" under
   * PAY-12), each with the first such key. A key that is its own form is found in #itemKeys: most
   * keys (PAY-12, 1202) take no entry here.
   */
  readonly #lookAlikeKeys = new Map<string, string>();
  /** The same for the workspace's keys, read when first needed; null when it holds no items. */
  #workspaceLookAlikes: Map<string, string> | null | undefined;

  /**
   * A key new to this import that looks like another of the import or of the workspace (they differ
   * only in letter case, or by a character that does not show): both are kept — they may be two
   * items — and it is said at this row, naming the other key and where it is.
   */
  #lookAlikeItem(record: ItemRecord): void {
    const key = record.key;
    const form = lookAlikeForm(key);
    const alikes = this.#lookAlikeKeys;
    // Most keys: their own form, none odd before them, a workspace without items or without odd keys.
    if (form === key && alikes.size === 0 && this.#workspaceLookAlikes !== undefined && (this.#workspaceLookAlikes === null || this.#workspaceLookAlikes.size === 0)) return;
    let other: string | undefined;
    // The first key of that form: an odd one held here, else one that is its own form.
    if (form !== key) {
      other = alikes.get(form) ?? (this.#itemKeys.has(form) ? form : undefined);
      if (other === undefined) alikes.set(form, key);
    } else if (alikes.size > 0) other = alikes.get(form);
    const { issues } = this.context;
    if (other !== undefined) {
      const where = this.#itemWhere(other);
      issues.warn(
        this.file,
        record.line,
        this.#keyCell(record),
        key,
        'look-alike-key',
        `Item "${visible(key)}" looks like item "${visible(other)}" of this import${where === null ? '' : `, ${where}`}: the keys differ only ${lookAlikeDifference(key, other)}. Both are imported, as two items; if they are one, correct the key in the file and import it again.`,
      );
      return;
    }
    const known = this.#workspaceLookAlike(key, form);
    if (known === undefined) return;
    issues.warn(
      this.file,
      record.line,
      this.#keyCell(record),
      key,
      'look-alike-key',
      `Item "${visible(key)}" looks like the workspace's item "${visible(known)}": the keys differ only ${lookAlikeDifference(key, known)}. "${visible(key)}" is imported as a new item beside it; if they are one, correct the key in the file and import it again.`,
    );
  }

  /** The workspace's item that `key` (new to this import) looks like, unless the workspace holds `key` itself. */
  #workspaceLookAlike(key: string, form: string): string | undefined {
    if (this.#workspaceLookAlikes === undefined) {
      const odd = this.context.workspaceOddItemKeys?.() ?? null;
      const forms = odd === null ? null : new Map<string, string>();
      for (const known of odd ?? []) {
        const f = lookAlikeForm(known);
        if (f !== known && !forms!.has(f)) forms!.set(f, known);
      }
      this.#workspaceLookAlikes = forms;
    }
    const alikes = this.#workspaceLookAlikes;
    if (alikes === null) return undefined;
    const odd = alikes.size > 0 ? alikes.get(form) : undefined;
    // The workspace holds this key: the row updates that item.
    if (odd === key) return undefined;
    const other = form !== key && this.context.workspaceHasItem(form) ? form : odd;
    if (other === undefined || this.context.workspaceHasItem(key)) return undefined;
    return other;
  }

  item(record: ItemRecord): void {
    const { issues } = this.context;
    const repeated = this.#repeatedItem(record);
    // Keyed as canonicalItem looks keys up: an item arriving after the directory was built is found in another case too.
    if (this.#itemDirectory !== null) {
      const form = lookAlikeForm(record.key);
      if (!this.#itemDirectory.has(form)) this.#itemDirectory.set(form, record.key);
    }
    if (record.title.length > MAX_TITLE_CHARS) {
      const length = record.title.length >= MAX_CELL_CHARS ? `over ${MAX_CELL_CHARS.toLocaleString('en-US')}` : record.title.length.toLocaleString('en-US');
      issues.warn(this.file, record.line, this.#cell(record, 'title', 'Title'), record.title, 'value-truncated', `The title of ${record.key} is ${length} characters long; the first ${MAX_TITLE_CHARS.toLocaleString('en-US')} are kept.`);
      record.title = record.title.slice(0, MAX_TITLE_CHARS);
    }
    if (record.status.length > MAX_NAME_CHARS) record.status = record.status.slice(0, MAX_NAME_CHARS);
    if (record.doneAt !== null && record.doneAt < record.createdAt) {
      issues.warn(
        this.file,
        record.line,
        this.#cell(record, 'doneAt', 'Finished'),
        new Date(record.doneAt).toISOString(),
        'done-before-created',
        `${record.key} is finished (${new Date(record.doneAt).toISOString().slice(0, 10)}) before it was created (${new Date(record.createdAt).toISOString().slice(0, 10)}).`,
      );
    }
    record.teamKey = this.canonicalTeam(record.teamKey);
    record.file = this.file;
    this.#future(record, 'Created', 'createdAt', record.createdAt);
    this.#future(record, 'Finished', 'doneAt', record.doneAt);
    this.#team(record.teamKey, record, 'teamKey');
    this.context.statuses.resolve(record.status);
    if (!repeated) this.counts.items++;
    this.target.item(record);
  }

  transition(record: TransitionRecord): void {
    record.itemKey = this.canonicalItem(record.itemKey, record, 'Item', 'itemKey');
    if (!this.knowsItem(record.itemKey)) {
      this.#itemReference(record.itemKey, record, 'Item', 'itemKey', 'A status change');
      return;
    }
    if (record.toStatus.length > MAX_NAME_CHARS) record.toStatus = record.toStatus.slice(0, MAX_NAME_CHARS);
    this.#future(record, 'At', 'at', record.at);
    this.context.statuses.resolve(record.toStatus);
    this.counts.transitions++;
    this.target.transition(record);
  }

  readonly #historyKept = new Set<string>();

  historyUnread(itemKey: string, line: number | null): void {
    const key = this.canonicalItem(itemKey, { line }, 'Item', 'itemKey');
    if (this.#historyKept.has(key)) return;
    this.#historyKept.add(key);
    this.context.issues.warn(
      this.file,
      line,
      'Item',
      key,
      'history-kept',
      `A status change of ${key} cannot be read (see the error${line === null ? '' : ` on line ${line}`}), so none of this import's changes for ${key} are imported: it keeps the status history it has. Fix the row and import the file again.`,
    );
    this.target.historyUnread?.(key, line);
  }

  dependency(record: DependencyRecord): void {
    const repeated = this.#duplicate('dependencies', this.#keys.dependencies, record.key, record);
    if (record.fromItemKey !== null) record.fromItemKey = this.canonicalItem(record.fromItemKey, record, 'Waiting item', 'fromItemKey');
    if (record.toItemKey !== null) record.toItemKey = this.canonicalItem(record.toItemKey, record, 'Item waited on', 'toItemKey');
    this.#itemReference(record.fromItemKey, record, 'Waiting item', 'fromItemKey', `Dependency ${record.key}`);
    this.#itemReference(record.toItemKey, record, 'Item waited on', 'toItemKey', `Dependency ${record.key}`);
    if (record.fromItemKey !== null && record.fromItemKey === record.toItemKey) {
      this.context.issues.warn(this.file, record.line, this.#cell(record, 'toItemKey', 'Item waited on'), record.toItemKey, 'self-reference', `Dependency ${record.key} has ${record.toItemKey} wait on itself; it is imported as it is, but no item can wait on itself: check its two items.`);
    }
    record.fromTeamKey = this.canonicalTeam(record.fromTeamKey);
    record.toTeamKey = this.canonicalTeam(record.toTeamKey);
    // Named as its item columns are: a dependency has two teams, and 'Team' said neither.
    this.#team(record.fromTeamKey, record, 'fromTeamKey', 'Waiting team');
    this.#team(record.toTeamKey, record, 'toTeamKey', 'Team waited on');
    if (!repeated) this.counts.dependencies++;
    this.target.dependency(record);
  }

  /**
   * Items of this import in a done status that nothing dates, once every file is read (a status
   * history in a later file dates them): no done date in the row (no such column, or a blank cell),
   * no status history in the import (`historyDecides`), and none the workspace keeps for them (its
   * stored history's, or its stored date when the file has no done-date column). Stored so, such an
   * item counts in no throughput and is not open either: it is in no flow figure. Warned
   * (`done-without-date`) at the item's last row, its done-date cell or else its status cell (in
   * JSON, the field at its path), saying what the file lacks and what to add (`sourceOf`, once per
   * file). And done items whose row has a date but no history in the import, when the workspace
   * holds a history for them that ends open: that history decides their dates (refreshFlowDates),
   * so the row's date is not stored and they count in no throughput either; warned
   * (`status-history-mismatch`) at the done-date cell. Each row pays a date and a category check;
   * only a done item without a date, or one with a date in a workspace holding histories, pays more
   * (a map entry, one workspace lookup). `warned` is told the file of each warning.
   */
  checkDoneDates(
    items: Iterable<ItemRecord>,
    historyDecides: (key: string) => boolean,
    sourceOf: (file: string) => DoneDateSource & { json: boolean },
    warned: (file: string) => void = () => undefined,
  ): void {
    const statuses = this.context.statuses;
    // The last row of a key wins: a later row of it, dated or not, replaces an earlier one's case.
    const undated = new Map<string, ItemRecord>();
    // Done rows with a date and no history in the import: a history the workspace holds decides their dates instead.
    const dated = new Map<string, ItemRecord>();
    const storedHistories = this.context.workspaceHoldsHistories ?? false;
    for (const r of items) {
      const done = (r.doneAt === null || storedHistories) && statuses.categoryOf(r.status) === 'done' && !historyDecides(r.key);
      if (done && r.doneAt === null) {
        undated.delete(r.key);
        undated.set(r.key, r);
        dated.delete(r.key);
      } else if (done) {
        dated.delete(r.key);
        dated.set(r.key, r);
        undated.delete(r.key);
      } else if (undated.size > 0 || dated.size > 0) {
        undated.delete(r.key);
        dated.delete(r.key);
      }
    }
    const issues = this.context.issues;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    for (const r of dated.values()) {
      const stored = this.context.workspaceDoneDate?.(r.key);
      if (!stored?.hasHistory || stored.historyDoneAt !== null) continue;
      const file = r.file ?? this.file;
      const source = sourceOf(file);
      issues.warn(
        file,
        r.line,
        this.#doneDateCell(r, file, source),
        day(r.doneAt!),
        'status-history-mismatch',
        `${r.key} is ${r.status} (done) in its row, done on ${day(r.doneAt!)}, but the status history the workspace holds for it ends in an open status, and this import brings none: that history decides its dates, so it is stored as ${r.status} without a finished date and counts in no throughput, lead or cycle time. To count it, ${source.history}.`,
      );
      warned(file);
    }
    for (const r of undated.values()) {
      const stored = this.context.workspaceDoneDate?.(r.key);
      const file = r.file ?? this.file;
      const source = sourceOf(file);
      let why: string;
      let fix: string;
      if (stored?.hasHistory) {
        // Its stored history decides its dates (refreshFlowDates), as it does for every item that comes without one.
        if (stored.historyDoneAt !== null) continue;
        why = 'the status history the workspace holds for it ends in an open status';
        fix = 'correct its status, or import its status history again with its change to done';
      } else {
        // A file without a done-date column keeps the date the workspace holds.
        if (stored !== undefined && stored.doneAt !== null && r.unsaid?.includes('doneAt')) continue;
        why = `${source.lacks}, and no status history for it is imported`;
        fix = source.fix;
      }
      issues.warn(
        file,
        r.line,
        this.#doneDateCell(r, file, source),
        r.status,
        'done-without-date',
        `${r.key} is ${r.status} (done), but nothing gives the date it was done: ${why}. It counts in no throughput and is not open either (no WIP), so it is in no flow figure. To count it, ${fix}.`,
      );
      warned(file);
    }
  }

  /** The cell a warning about an item's done date names: the source's column, in JSON the field at the item's path. */
  #doneDateCell(r: ItemRecord, file: string, source: DoneDateSource & { json: boolean }): string {
    if (!source.json) return source.column;
    const path = r.path ?? (r.position === undefined ? undefined : this.#jsonPaths.get(file)?.(r.position));
    return path === undefined ? source.column : `${path}.${source.column}`;
  }

  /**
   * The parents of the items of this import, once every file is read (a parent may come in a later
   * row or file; a Jira CSV's parent named by id is filled in when its file is read): a parent that
   * is neither in the import nor in the workspace (`unknown-item`), and an item that is its own
   * parent (`self-reference`), each at the item's file, line and Parent column. The parent is kept
   * as written either way. `warned` is told the file of each warning.
   */
  checkParents(items: Iterable<ItemRecord>, warned: (file: string) => void = () => undefined): void {
    const issues = this.context.issues;
    for (const r of items) {
      const parent = r.parentKey;
      if (parent === null) continue;
      const file = r.file ?? this.file;
      if (parent === r.key) {
        issues.warn(file, r.line, this.#parentCell(r, file), parent, 'self-reference', `${r.key} is its own parent; it is imported as it is, but check its parent.`);
        warned(file);
      } else if (!this.knowsItem(parent)) {
        issues.warn(file, r.line, this.#parentCell(r, file), parent, 'unknown-item', `The parent of ${r.key} is ${parent}, which is neither in this import nor in the workspace; it is kept as written and links to nothing until ${parent} is imported.`);
        warned(file);
      }
    }
  }

  /**
   * The objectives the items of this import name, once every file is read (objectives are judged
   * then, and may come in any file): one that no objective of the import or the workspace has is
   * warned about at the item's file, line and `objectives` column (a bundle's `objectiveKeys[i]`),
   * with the key of another case when there is one. The link is kept as written, as a parent is: it
   * links to nothing until that objective is imported. `warned` is told the file of each warning.
   */
  checkObjectiveLinks(items: Iterable<ItemRecord>, warned: (file: string) => void = () => undefined): void {
    const inImport = this.#keys.objectives;
    let workspace: ReadonlySet<string> | null = null;
    let forms: Map<string, string> | null = null;
    for (const r of items) {
      const keys = r.objectiveKeys;
      if (keys === null || keys.length === 0) continue;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (inImport.has(key)) continue;
        workspace ??= this.context.workspaceObjectiveKeys?.() ?? new Set();
        if (workspace.has(key)) continue;
        if (forms === null) {
          forms = new Map();
          for (const known of [...inImport.keys(), ...workspace]) if (!forms.has(lookAlikeForm(known))) forms.set(lookAlikeForm(known), known);
        }
        const alike = forms.get(lookAlikeForm(key));
        const file = r.file ?? this.file;
        this.context.issues.warn(
          file,
          r.line,
          r.line === null && r.path !== undefined ? `${r.path}.objectiveKeys[${i}]` : 'objectives',
          key,
          'unknown-objective',
          `${r.key} names the objective "${visible(key)}", which is neither in this import nor in the workspace${alike === undefined ? '' : ` (there is an objective "${visible(alike)}": the keys differ only ${lookAlikeDifference(key, alike)})`}; the link is kept as written, and links to nothing until an objective "${visible(key)}" is imported.`,
        );
        warned(file);
      }
    }
  }

  deployment(record: DeploymentRecord): void {
    const repeated = this.#duplicate('deployments', this.#keys.deployments, record.key, record);
    record.teamKey = this.canonicalTeam(record.teamKey);
    this.#team(record.teamKey, record, 'teamKey');
    this.#future(record, 'Deployed at', 'at', record.at);
    if (!repeated) this.counts.deployments++;
    this.target.deployment(record);
  }

  incident(record: IncidentRecord): void {
    const repeated = this.#duplicate('incidents', this.#keys.incidents, record.key, record);
    record.teamKey = this.canonicalTeam(record.teamKey);
    this.#team(record.teamKey, record, 'teamKey');
    this.#future(record, 'Opened at', 'openedAt', record.openedAt);
    if (!repeated) this.counts.incidents++;
    this.target.incident(record);
  }
}
