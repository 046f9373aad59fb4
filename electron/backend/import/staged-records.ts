import { writeObjectivePlans, writePlanningRecords } from '../planning/plan-import';
import { writeRiskRecords } from '../risks/risk-import';
import { STATUS_CATEGORIES, type StatusCategory } from '../../../shared/domain/vocabulary';
import type {
  DependencyRecord,
  DeploymentRecord,
  IncidentRecord,
  ItemRecord,
  ObjectiveRecord,
  PlanningRecord,
  RiskRecord,
  SprintRecord,
  ReleaseRecord,
  RecordSink,
  TeamRecord,
  TransitionRecord,
} from '../../../shared/import/import-records';
import type { PortfolioWriter } from '../store/queries/portfolio-writes';
import type { WrittenItems, WrittenTransitions } from '../metrics/metrics-dataset-loader';

/** Status changes per block of typed columns (blocks instead of one growing array: no copy, no slack). */
const BLOCK = 65_536;
const EMPTY_INT32 = new Int32Array(0);
const INT32_MAX = 2 ** 31 - 1;
const EMPTY_FLOAT64 = new Float64Array(0);

/**
 * Status changes in typed columns, 20 bytes each: the item and both statuses as numbers (indexes
 * into lists of distinct keys and names), the instant as a double. A million of them take 20 MB,
 * allocated 64 K changes at a time, and nothing the garbage collector has to trace.
 */
class TransitionColumns {
  length = 0;
  readonly #items: Int32Array[] = [];
  readonly #from: Int32Array[] = [];
  readonly #to: Int32Array[] = [];
  readonly #at: Float64Array[] = [];

  push(item: number, from: number, to: number, at: number): void {
    const offset = this.length % BLOCK;
    if (offset === 0) {
      this.#items.push(new Int32Array(BLOCK));
      this.#from.push(new Int32Array(BLOCK));
      this.#to.push(new Int32Array(BLOCK));
      this.#at.push(new Float64Array(BLOCK));
    }
    const block = this.#items.length - 1;
    this.#items[block]![offset] = item;
    this.#from[block]![offset] = from;
    this.#to[block]![offset] = to;
    this.#at[block]![offset] = at;
    this.length++;
  }

  /** Calls `visit` for every change in the order they came; with `drain`, lets go of each block once visited (the columns are empty after). */
  forEach(visit: (item: number, from: number, to: number, at: number) => void, drain = false): void {
    for (let b = 0; b < this.#items.length; b++) {
      const items = this.#items[b]!;
      const from = this.#from[b]!;
      const to = this.#to[b]!;
      const at = this.#at[b]!;
      const end = Math.min(BLOCK, this.length - b * BLOCK);
      for (let i = 0; i < end; i++) visit(items[i]!, from[i]!, to[i]!, at[i]!);
      if (drain) {
        this.#items[b] = this.#from[b] = this.#to[b] = EMPTY_INT32;
        this.#at[b] = EMPTY_FLOAT64;
      }
    }
    if (drain) {
      for (const blocks of [this.#items, this.#from, this.#to, this.#at]) blocks.length = 0;
      this.length = 0;
    }
  }
}

/** Distinct strings numbered in order of first appearance. */
class Interned {
  readonly list: string[] = [];
  readonly #index = new Map<string, number>();

  /** The text asked last and its number: a history's changes repeat their item's key row after row. */
  #lastText: string | null = null;
  #lastIndex = -1;

  indexOf(text: string): number {
    if (text === this.#lastText) return this.#lastIndex;
    let index = this.#index.get(text);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(text);
      this.#index.set(text, index);
    }
    this.#lastText = text;
    this.#lastIndex = index;
    return index;
  }

  find(text: string): number | undefined {
    return this.#index.get(text);
  }
}

/** One copy of each text of a few distinct values (team keys, statuses, kinds): a parser makes a new string per cell. */
class Words {
  readonly #words = new Map<string, string>();

  of<T extends string | null>(text: T): T {
    if (text === null) return text;
    const known = this.#words.get(text);
    if (known !== undefined) return known as T;
    this.#words.set(text, text);
    return text;
  }
}

/** What `#flowDates` gives per item of the staged histories (see there), and the categories it was computed under. */
interface FlowDates {
  categories: readonly StatusCategory[];
  firstActiveAt: Float64Array;
  doneAt: Float64Array;
  lastStatus: Int32Array;
  lastAt: Float64Array;
  lastInFile: Int32Array;
  firstAt: Float64Array;
}

const isFinished = (c: StatusCategory) => c === 'done' || c === 'cancelled';

/** An item only the workspace holds whose history an import replaced: where that history leaves it. */
export interface OutsideItemDates {
  id: number;
  firstActiveAt: number | null;
  doneAt: number | null;
  status: string;
  category: StatusCategory;
}

/**
 * The checked records of an import, held until they are written in one synchronous transaction.
 * Status changes (the bulk: a million for a big export) are kept in typed columns, their item
 * keys and status names stored once each.
 */
export class StagedRecords implements RecordSink {
  readonly teams: TeamRecord[] = [];
  readonly objectives: ObjectiveRecord[] = [];
  readonly items: ItemRecord[] = [];
  readonly dependencies: DependencyRecord[] = [];
  readonly deployments: DeploymentRecord[] = [];
  readonly incidents: IncidentRecord[] = [];
  readonly planningRows: PlanningRecord[] = [];
  readonly sprints: SprintRecord[] = [];
  readonly risks: RiskRecord[] = [];
  /** One record per release name: the first date given wins over a later record without one. */
  readonly releases = new Map<string, ReleaseRecord>();
  #changes = new TransitionColumns();
  /** Item keys of status changes. */
  #itemKeys = new Interned();
  /** Status names; a change without a from-status stores -1. */
  #statuses = new Interned();
  /** The shared copies of repeated texts of the records held (a hundred thousand items name a few hundred teams). */
  #words = new Words();
  /** Indexes of #statuses entered by some change (a status seen only as a "from" is never categorised: the status map would keep it). */
  readonly #toStatuses = new Set<number>();

  get transitions(): number {
    return this.#changes.length;
  }

  /**
   * Lets go of every record once they are written: a big import's records (about a hundred MB) are
   * garbage before the metrics snapshot and the first report allocate theirs, so those reuse the space.
   */
  discard(): void {
    for (const list of [this.teams, this.objectives, this.items, this.dependencies, this.deployments, this.incidents, this.planningRows, this.sprints, this.risks]) list.length = 0;
    this.releases.clear();
    this.#changes = new TransitionColumns();
    this.#itemKeys = new Interned();
    this.#statuses = new Interned();
    this.#words = new Words();
    this.#toStatuses.clear();
  }

  /**
   * A sink for a preview: it stages the items and their status changes only (what the checks made
   * once every file is read need: `checkHistories`, the items' parents), the rest going nowhere.
   */
  itemsAndHistories(): RecordSink {
    const none = () => undefined;
    return {
      item: (r) => this.item(r),
      transition: (r) => this.transition(r),
      historyUnread: (key) => this.historyUnread(key),
      team: none,
      objective: none,
      dependency: none,
      deployment: none,
      incident: none,
      planning: none,
      sprint: none,
      risk: none,
      release: none,
    };
  }

  team(r: TeamRecord): void {
    this.teams.push(r);
  }
  objective(r: ObjectiveRecord): void {
    this.objectives.push(r);
  }
  // The records given are the sink's to keep: their repeated texts are replaced by shared copies.
  item(r: ItemRecord): void {
    const words = this.#words;
    r.type = words.of(r.type);
    r.teamKey = words.of(r.teamKey);
    r.status = words.of(r.status);
    if (r.sprint) r.sprint = words.of(r.sprint);
    this.items.push(r);
  }
  /** Items with a change this import could not read: their staged changes are not written (see historyUnread). */
  readonly #historyKept = new Set<string>();
  historyUnread(itemKey: string): void {
    this.#historyKept.add(itemKey);
  }
  transition(r: TransitionRecord): void {
    const to = this.#statuses.indexOf(r.toStatus);
    this.#toStatuses.add(to);
    this.#changes.push(this.#itemKeys.indexOf(r.itemKey), r.fromStatus === null ? -1 : this.#statuses.indexOf(r.fromStatus), to, r.at);
  }
  dependency(r: DependencyRecord): void {
    const words = this.#words;
    r.fromTeamKey = words.of(r.fromTeamKey);
    r.toTeamKey = words.of(r.toTeamKey);
    r.kind = words.of(r.kind);
    r.interfaceName = words.of(r.interfaceName);
    this.dependencies.push(r);
  }
  deployment(r: DeploymentRecord): void {
    r.teamKey = this.#words.of(r.teamKey);
    r.service = this.#words.of(r.service);
    this.deployments.push(r);
  }
  incident(r: IncidentRecord): void {
    this.incidents.push(r);
  }
  planning(r: PlanningRecord): void {
    this.planningRows.push(r);
  }
  sprint(r: SprintRecord): void {
    this.sprints.push(r);
  }
  risk(r: RiskRecord): void {
    this.risks.push(r);
  }

  release(r: ReleaseRecord): void {
    const known = this.releases.get(r.name);
    if (!known || (known.releasedAt === null && r.releasedAt !== null)) this.releases.set(r.name, r);
  }

  /**
   * Started and finished dates each history implies, per item of `#itemKeys` (NaN: none):
   * started = first entry into an active status; finished = first entry into done/cancelled after
   * the last open status, none when the history ends open. Changes at one instant come in the order
   * they were recorded (the file's), as the metrics read a history: "In Progress" then "Done" at one
   * minute is finished then. The same definition as flowDatesOf in shared/import/flow-dates.ts and
   * refreshFlowDates in status-map.ts. In the same pass, what `checkHistories` and the items only
   * the workspace holds need: the status each history leaves its item in (that of its latest change;
   * of changes at one instant, the one later in the file; −1: no history), when, the status of its
   * last change in the file, and its earliest change.
   */
  #flowDates(categories: readonly StatusCategory[]): FlowDates {
    const n = this.#itemKeys.list.length;
    const firstActiveAt = new Float64Array(n).fill(Number.NaN);
    const lastOpenAt = new Float64Array(n).fill(-Infinity);
    // Where in the file the last open change is: a finished one at its instant counts only after it.
    const lastOpenRow = new Float64Array(n).fill(-1);
    const doneAt = new Float64Array(n).fill(Number.NaN);
    const lastStatus = new Int32Array(n).fill(-1);
    const lastAt = new Float64Array(n).fill(-Infinity);
    const lastInFile = new Int32Array(n).fill(-1);
    const firstAt = new Float64Array(n).fill(Infinity);
    const finished = categories.map(isFinished);
    let row = 0;
    this.#changes.forEach((item, _from, to, at) => {
      row++;
      if (at >= lastAt[item]!) {
        lastStatus[item] = to;
        lastAt[item] = at;
      }
      lastInFile[item] = to;
      if (at < firstAt[item]!) firstAt[item] = at;
      if (finished[to]) return;
      if (at >= lastOpenAt[item]!) {
        lastOpenAt[item] = at;
        lastOpenRow[item] = row;
      }
      if (categories[to] === 'active' && !(at >= firstActiveAt[item]!)) firstActiveAt[item] = at;
    });
    row = 0;
    this.#changes.forEach((item, _from, to, at) => {
      row++;
      if (!finished[to] || !(at > lastOpenAt[item]! || (at === lastOpenAt[item]! && row > lastOpenRow[item]!))) return;
      if (!(at >= doneAt[item]!)) doneAt[item] = at;
    });
    return { categories, firstActiveAt, doneAt, lastStatus, lastAt, lastInFile, firstAt };
  }

  /** The flow dates `checkHistories` computed, reused by `writeTo` when the categories are still the same. */
  #checked: FlowDates | null = null;

  /** The flow dates of the staged histories under these categories (one computation for the check and the write). */
  #flowDatesFor(categories: readonly StatusCategory[]): FlowDates {
    const checked = this.#checked;
    if (checked && checked.categories.length === categories.length && checked.categories.every((c, i) => c === categories[i])) return checked;
    return this.#flowDates(categories);
  }

  /** Only statuses a change enters have a category that matters (a "from" status's is never read). */
  #categories(categoryOf: (status: string) => StatusCategory): StatusCategory[] {
    return this.#statuses.list.map((s, i) => (this.#toStatuses.has(i) ? categoryOf(s) : 'todo'));
  }

  /** Whether this import's status changes decide the item's flow dates: it has some, and every one was read. */
  historyDecides(key: string): boolean {
    return this.#itemKeys.find(key) !== undefined && !this.#historyKept.has(key);
  }

  /**
   * What an item's row and its status history in this import say against each other, once every
   * file is read (in a preview as in an import; O(items) after the flow dates, which the write
   * then reuses): a row finished (done, cancelled) whose history ends open — stored as the row says
   * without a finished date, so it counts in no throughput — or the other way round; and a history
   * starting before the item was created. Items keeping their stored history are not checked.
   */
  checkHistories(categoryOf: (status: string) => StatusCategory, warn: (file: string, line: number | null, column: string, value: string, code: 'status-history-mismatch' | 'change-before-created', message: string) => void): void {
    if (this.#changes.length === 0 || this.items.length === 0) return;
    const flow = (this.#checked = this.#flowDates(this.#categories(categoryOf)));
    const { categories, doneAt, lastStatus, lastAt, lastInFile, firstAt } = flow;
    const names = this.#statuses.list;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    for (const r of this.items) {
      const k = this.#itemKeys.find(r.key);
      if (k === undefined || this.#historyKept.has(r.key) || lastStatus[k]! < 0) continue;
      const file = r.file ?? '';
      const category = categoryOf(r.status);
      const rowFinished = isFinished(category);
      const historyFinished = !Number.isNaN(doneAt[k]!);
      if (rowFinished !== historyFinished) {
        const last = names[lastStatus[k]!]!;
        const ends = `its status changes end in ${last} (${categories[lastStatus[k]!]}) on ${day(lastAt[k]!)}`;
        const inFile = lastInFile[k]!;
        // The file's last change is finished, but one dated later is not: the changes were read in time order.
        const order = inFile !== lastStatus[k] && isFinished(categories[inFile]!) !== isFinished(categories[lastStatus[k]!]!) ? `, the latest by date (the change to ${names[inFile]} comes last in the file but is dated earlier)` : '';
        const stored = rowFinished
          ? `it is stored as ${r.status} without a finished date, so it counts in no throughput, lead or cycle time`
          : `it is stored as ${r.status} (${category}), with the finished date ${day(doneAt[k]!)} its status changes give`;
        warn(file, r.line, 'Status', r.status, 'status-history-mismatch', `${r.key} is ${r.status} (${category}) in its row, but ${ends}${order}: ${stored}. Correct its status or its status changes and import again.`);
      }
      if (firstAt[k]! < r.createdAt) {
        warn(
          file,
          r.line,
          'Created',
          new Date(firstAt[k]!).toISOString(),
          'change-before-created',
          `${r.key} has a status change on ${day(firstAt[k]!)}, before it was created (${day(r.createdAt)}): the change is kept, so its history starts before its creation; check the dates (a day and month swapped, a time zone) of its row and its status changes.`,
        );
      }
    }
  }
  /**
   * `#written`, to be called once. Made here, apart from `writeTo`, so that the function holds only
   * what it needs (a closure made inside `writeTo` would keep the writer and its maps alive); it
   * lets go of the columns when called and keeps nothing of what it returns.
   */
  static #writtenLater(changes: TransitionColumns, ids: Float64Array, categories: readonly StatusCategory[]): () => WrittenTransitions | null {
    let from: TransitionColumns | null = changes;
    return () => {
      if (!from) throw new Error('The written status changes are taken once.');
      const columns = from;
      from = null;
      return StagedRecords.#written(columns, ids, categories);
    };
  }

  /** The `changes` of items with an id in `ids`, in their order, as written; null when a row id is past 32 bits (the snapshot then reads the table). */
  static #written(changes: TransitionColumns, ids: Float64Array, categories: readonly StatusCategory[]): WrittenTransitions | null {
    const codes = categories.map((c) => STATUS_CATEGORIES.indexOf(c));
    for (const id of ids) if (id > INT32_MAX) return null;
    const itemId = new Int32Array(changes.length);
    const at = new Float64Array(changes.length);
    const category = new Uint8Array(changes.length);
    let n = 0;
    // Drained: the staged columns (20 bytes a change) go as these fill, not after the snapshot.
    changes.forEach((item, _from, to, when) => {
      const id = ids[item]!;
      if (Number.isNaN(id)) return;
      itemId[n] = id;
      at[n] = when;
      category[n++] = codes[to]!;
    }, true);
    return { itemId: itemId.subarray(0, n), at: at.subarray(0, n), category: category.subarray(0, n) };
  }

  /**
   * Writes everything in dependency order: what others refer to first. An item's started and
   * finished dates come from its history when this import holds one. The caller owns the
   * transaction. Returns the items whose history was replaced, the dates their histories imply
   * for those that are in the workspace but not in this import (for the caller to store), and the
   * items of this import that came without a history (their stored one, if any, still decides).
   */
  writeTo(
    writer: PortfolioWriter,
    nowMs = Date.now(),
    options: { recordWritten?: boolean } = {},
  ): {
    historyItems: number[];
    outsideFlowDates: OutsideItemDates[];
    itemsWithoutHistory: number[];
    /**
     * With `recordWritten`: the status changes as written, in the order written (see
     * WrittenTransitions), built when called, once (after `discard` too: it keeps the columns it
     * needs, and drains them as it builds these 13 bytes a change).
     */
    written: (() => WrittenTransitions | null) | null;
    /** Into a workspace without items: the items as written (PortfolioWriter.writtenItems). */
    writtenItems: WrittenItems | null;
  } {
    for (const r of this.teams) writer.team(r);
    for (const r of this.objectives) writer.objective(r);

    const keys = this.#itemKeys.list;
    const categories = this.#categories((s) => writer.categoryOf(s));
    const { firstActiveAt, doneAt, lastStatus } = this.#flowDatesFor(categories);
    this.#checked = null;
    const orNull = (ms: number) => (Number.isNaN(ms) ? null : ms);
    const inImport = new Uint8Array(keys.length);
    const ids = new Float64Array(keys.length).fill(Number.NaN);
    const outsideFlowDates: OutsideItemDates[] = [];
    const withoutHistory: string[] = [];
    let written = options.recordWritten ? StagedRecords.#writtenLater(new TransitionColumns(), ids, []) : null;
    writer.recordItems(this.items.length);
    writer.deferIndexes('work_items', this.items.length);
    // An import of only teams, dependencies or operations leaves items, their histories and the
    // metrics snapshot alone.
    if (this.items.length > 0 || keys.length > 0) writer.withoutSqlChecks(() => {
      const kept = this.#historyKept;
      for (const r of this.items) {
        const k = kept.has(r.key) ? undefined : this.#itemKeys.find(r.key);
        if (k !== undefined) {
          r.firstActiveAt = orNull(firstActiveAt[k]!);
          r.doneAt = orNull(doneAt[k]!);
          inImport[k] = 1;
        } else {
          withoutHistory.push(r.key);
        }
        writer.item(r);
      }
      // The items' indexes while their pages are still in the cache, before a million status changes push them out.
      writer.rebuildIndexes();
      for (let k = 0; k < keys.length; k++) {
        // Not whole in this import: its stored history stays, and none of these changes is written.
        if (kept.has(keys[k]!)) continue;
        const id = writer.itemId(keys[k]!);
        if (id === undefined) continue;
        ids[k] = id;
        writer.replaceHistory(id);
        if (inImport[k]) continue;
        // An item only the workspace holds is left where its new history ends, as its dates are:
        // a status kept from before would contradict them (done without a done date).
        const status = this.#statuses.list[lastStatus[k]!]!;
        outsideFlowDates.push({ id, firstActiveAt: orNull(firstActiveAt[k]!), doneAt: orNull(doneAt[k]!), status, category: categories[lastStatus[k]!]! });
      }
      writer.statusList(this.#statuses.list, categories);
      this.#changes.forEach((item, from, to, at) => {
        const id = ids[item]!;
        if (!Number.isNaN(id)) writer.codedTransitionRow(id, from, to, at);
      });
      writer.dropStatusList();
      if (options.recordWritten) written = StagedRecords.#writtenLater(this.#changes, ids, categories);
    });
    writer.deferIndexes('dependencies', this.dependencies.length);
    for (const r of this.dependencies) writer.dependency(r);
    writer.rebuildIndexes();
    for (const r of this.deployments) writer.deployment(r);
    for (const r of this.incidents) writer.incident(r);
    writer.flush();
    for (const r of this.sprints) writer.sprint(r);
    for (const r of this.releases.values()) writer.release(r);
    for (const r of this.items) if (r.releases) writer.itemReleases(r.key, r.releases);
    writePlanningRecords(writer.db, this.planningRows);
    writeObjectivePlans(writer.db, this.objectives);
    writeRiskRecords(writer.db, this.risks, nowMs);
    const itemsWithoutHistory = withoutHistory.map((key) => writer.itemId(key)).filter((id): id is number => id !== undefined);
    return { historyItems: [...writer.historyItems], outsideFlowDates, itemsWithoutHistory, written, writtenItems: writer.writtenItems() };
  }
}
