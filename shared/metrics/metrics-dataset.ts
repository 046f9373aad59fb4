import { CATEGORY } from './metrics-vocabulary';

// The columnar form every metric runs on: one typed array per field, one slot per item, and each
// item's status transitions stored contiguously (offsets[i] … offsets[i + 1]), sorted by time.
// The backend fills it in one pass over the workspace; tests build it from plain records.

export interface TeamInfo {
  readonly key: string;
  readonly name: string;
  readonly valueStream: string | null;
}

export interface ItemColumns {
  readonly count: number;
  /** The workspace row id, to describe the few items a chart names. */
  readonly id: Float64Array;
  /** Index into `teams`, or −1. */
  readonly team: Int32Array;
  /** Index into ITEM_TYPES. */
  readonly type: Uint8Array;
  readonly createdAt: Float64Array;
  /** The imported first-active date (NaN when none); used only for items without status history. */
  readonly firstActiveAt: Float64Array;
  /** The imported done date (NaN when none); used only for items without status history. */
  readonly doneAt: Float64Array;
  /** The imported current status category (CATEGORY code). */
  readonly category: Uint8Array;
}

export interface TransitionColumns {
  /** offsets[i] … offsets[i + 1] are item i's transitions; length = items + 1. */
  readonly offsets: Int32Array;
  readonly at: Float64Array;
  readonly category: Uint8Array;
  /** 1 when the item had real status history; 0 when its transitions were made up from its dates. */
  readonly hasHistory: Uint8Array;
  /** 1 when the recorded history was not in time order and some times were pulled back (see the builder). */
  readonly clamped: Uint8Array;
}

export interface DependencyRecord {
  readonly key: string;
  /** Index of the waiting item, or −1 when it is unknown or not imported. */
  readonly fromItem: number;
  readonly fromItemKey: string | null;
  readonly fromTeam: number;
  readonly toTeam: number;
  readonly interfaceName: string | null;
  readonly createdAt: number;
  readonly neededBy: number | null;
  readonly resolvedAt: number | null;
}

export interface DeploymentRecord {
  readonly key: string;
  readonly team: number;
  readonly service: string | null;
  readonly at: number;
  readonly succeeded: boolean;
  readonly changeAt: number | null;
  readonly release: string | null;
}

export interface IncidentRecord {
  readonly key: string;
  readonly team: number;
  readonly service: string | null;
  readonly openedAt: number;
  readonly resolvedAt: number | null;
  readonly causedBy: string | null;
  /** 'user' when a person set causedBy (null then means "no deployment caused it"). */
  readonly attribution: 'data' | 'user';
}

export interface ItemDescription {
  readonly key: string;
  readonly title: string;
  readonly status: string;
}

export interface MetricsDataset {
  readonly teams: readonly TeamInfo[];
  readonly items: ItemColumns;
  readonly transitions: TransitionColumns;
  readonly dependencies: readonly DependencyRecord[];
  /** Sorted by time. */
  readonly deployments: readonly DeploymentRecord[];
  readonly incidents: readonly IncidentRecord[];
  /** The data's last timestamp: the "now" of every age, so that results never depend on the wall clock. */
  readonly asOf: number | null;
  /** The data's first timestamp (of the same facts as `asOf`): weeks and months before its day are no samples. */
  readonly firstAt: number | null;
  /** Key, title and current status of the items a chart names (a few hundred at most). */
  describeItems(indexes: readonly number[]): ItemDescription[];
}

/**
 * Deployments and incidents in time order, ties by key in code-unit order: SQLite's BINARY order for
 * any key without characters beyond U+FFFF, and never the locale's, so every machine agrees.
 */
export function byTimeThenKey<T extends { readonly key: string }>(time: (row: T) => number): (a: T, b: T) => number {
  return (a, b) => time(a) - time(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * A typed array that grows by doubling, for filling columns in one pass. A good capacity hint (the
 * loader knows the row count) saves the regrowth copies and the final trim.
 */
class Growable<T extends Float64Array | Int32Array | Uint8Array> {
  #data: T;
  length = 0;
  constructor(
    private readonly make: (n: number) => T,
    capacity: number,
  ) {
    this.#data = make(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.#data.length) {
      const bigger = this.make(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = value;
  }
  get data(): T {
    return this.#data;
  }
  finish(): T {
    return this.length === this.#data.length ? this.#data : (this.#data.slice(0, this.length) as T);
  }
}

const float64 = (n: number) => new Float64Array(n);
const int32 = (n: number) => new Int32Array(n);
const uint8 = (n: number) => new Uint8Array(n);

export class ItemColumnsBuilder {
  readonly #id: Growable<Float64Array>;
  readonly #team: Growable<Int32Array>;
  readonly #type: Growable<Uint8Array>;
  readonly #createdAt: Growable<Float64Array>;
  readonly #firstActiveAt: Growable<Float64Array>;
  readonly #doneAt: Growable<Float64Array>;
  readonly #category: Growable<Uint8Array>;

  /** `capacity`: the number of items expected, when known. */
  constructor(capacity = 1024) {
    this.#id = new Growable(float64, capacity);
    this.#team = new Growable(int32, capacity);
    this.#type = new Growable(uint8, capacity);
    this.#createdAt = new Growable(float64, capacity);
    this.#firstActiveAt = new Growable(float64, capacity);
    this.#doneAt = new Growable(float64, capacity);
    this.#category = new Growable(uint8, capacity);
  }

  get count(): number {
    return this.#id.length;
  }

  /** Adds one item and returns its index. Missing dates are null. */
  push(id: number, team: number, type: number, createdAt: number, firstActiveAt: number | null, doneAt: number | null, category: number): number {
    this.#id.push(id);
    this.#team.push(team);
    this.#type.push(type);
    this.#createdAt.push(createdAt);
    this.#firstActiveAt.push(firstActiveAt ?? Number.NaN);
    this.#doneAt.push(doneAt ?? Number.NaN);
    this.#category.push(category);
    return this.#id.length - 1;
  }

  finish(): ItemColumns {
    return {
      count: this.#id.length,
      id: this.#id.finish(),
      team: this.#team.finish(),
      type: this.#type.finish(),
      createdAt: this.#createdAt.finish(),
      firstActiveAt: this.#firstActiveAt.finish(),
      doneAt: this.#doneAt.finish(),
      category: this.#category.finish(),
    };
  }
}

/**
 * Collects transitions in the order they were recorded (the workspace's row order, which is the
 * source system's sequence, like Azure DevOps revisions or Jira changelog ids), then groups them
 * per item with a stable counting sort. A history whose timestamps run backwards somewhere
 * (clock skew, a tool that rounds times) keeps its recorded order: an earlier transition stamped
 * later than the next one is pulled back to the next one's time, so the final status and its time
 * stay what the source says. Such items are flagged `clamped`.
 * Items without any transition get a short made-up history from their dates: To Do at creation,
 * their current category at first-active, then done or cancelled at the done date.
 */
export class TransitionColumnsBuilder {
  readonly #item: Growable<Int32Array>;
  readonly #at: Growable<Float64Array>;
  readonly #category: Growable<Uint8Array>;

  /** `capacity`: the number of transitions expected, when known. */
  constructor(capacity = 1024) {
    this.#item = new Growable(int32, capacity);
    this.#at = new Growable(float64, capacity);
    this.#category = new Growable(uint8, capacity);
  }

  /** Push each item's transitions in their recorded order (the workspace's row order). */
  push(itemIndex: number, at: number, category: number): void {
    this.#item.push(itemIndex);
    this.#at.push(at);
    this.#category.push(category);
  }

  /** The transitions pushed so far, in recorded order (views, not copies). */
  recorded(): RecordedTransitions {
    const rows = this.#item.length;
    return { item: this.#item.data.subarray(0, rows), at: this.#at.data.subarray(0, rows), category: this.#category.data.subarray(0, rows) };
  }

  finish(items: ItemColumns): TransitionColumns {
    return groupTransitions(items, this.recorded());
  }
}

/** Status transitions as recorded: one row each, in the workspace's row order. */
export interface RecordedTransitions {
  /** Index of the item. */
  readonly item: Int32Array;
  readonly at: Float64Array;
  readonly category: Uint8Array;
  /**
   * When known to be in item order: item i's rows are runs[i] … runs[i + 1] (length items + 1).
   * Readers that only need each item's rows together use it instead of `item`, which a snapshot
   * then makes only when asked.
   */
  readonly runs?: Int32Array;
}

/**
 * Groups recorded transitions per item (see TransitionColumnsBuilder); reads `recorded`, never
 * changes it. The result may share `recorded`'s arrays, so neither may be changed afterwards.
 */
export function groupTransitions(items: ItemColumns, recorded: RecordedTransitions): TransitionColumns {
  return alreadyGrouped(items.count, recorded) ?? groupedBySorting(items, recorded);
}

/**
 * An import writes every item's history in one run, items in their order, each in time order. Then
 * the recorded columns already are the grouped ones, and are used in place: at M that spares
 * copying 9 MB of a million changes into memory the process has not touched yet, which on a fresh
 * process costs more than the copy itself. Null when any item has no history of its own (it needs
 * a made-up one), or the rows are in another order, or a history runs backwards in time.
 */
function alreadyGrouped(n: number, recorded: RecordedTransitions): TransitionColumns | null {
  const runs = itemRuns(recorded, n);
  if (!runs || !runsInTimeOrder(runs, recorded.at)) return null;
  return { offsets: runs, at: recorded.at, category: recorded.category, hasHistory: new Uint8Array(n).fill(1), clamped: new Uint8Array(n) };
}

/**
 * Each item's first row when the rows are in item order (item i's rows are then runs[i] …
 * runs[i + 1], length n + 1; an item may have none): `recorded.runs` when it has them, else read
 * from the item column in one pass. Null when the rows are in another order or name an item
 * outside 0 … n − 1.
 */
export function itemRuns(recorded: RecordedTransitions, n: number): Int32Array | null {
  if (recorded.runs && recorded.runs.length === n + 1) return recorded.runs;
  const item = recorded.item;
  const runs = new Int32Array(n + 1);
  let next = 0;
  for (let r = 0; r < item.length; r++) {
    const i = item[r]!;
    if (i < 0 || i >= n || i < next - 1) return null;
    while (next <= i) runs[next++] = r;
  }
  while (next <= n) runs[next++] = item.length;
  return runs;
}

/** True when every run is non-empty and in time order. */
function runsInTimeOrder(runs: Int32Array, at: Float64Array): boolean {
  for (let i = 0; i + 1 < runs.length; i++) {
    const end = runs[i + 1]!;
    if (end === runs[i]) return false;
    for (let r = runs[i]! + 1; r < end; r++) if (at[r]! < at[r - 1]!) return false;
  }
  return true;
}

/** The general case: a stable counting sort by item, then the clamps and the made-up histories. */
function groupedBySorting(items: ItemColumns, recorded: RecordedTransitions): TransitionColumns {
  const n = items.count;
  const rows = recorded.item.length;
  const itemOf = recorded.item;
  const counts = new Int32Array(n + 1);
  for (let r = 0; r < rows; r++) counts[itemOf[r]! + 1]!++;
  const hasHistory = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (counts[i + 1]! > 0) hasHistory[i] = 1;
    else counts[i + 1] = synthesizedLength(items, i);
  }
  const offsets = counts;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const total = offsets[n]!;
  const at = new Float64Array(total);
  const category = new Uint8Array(total);
  const cursor = offsets.slice(0, n);
  const srcAt = recorded.at;
  const srcCategory = recorded.category;
  // Counting sort by item: stable, so each item keeps its recorded order.
  for (let r = 0; r < rows; r++) {
    const slot = cursor[itemOf[r]!]!++;
    at[slot] = srcAt[r]!;
    category[slot] = srcCategory[r]!;
  }
  const clamped = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (hasHistory[i] && clampToRecordedOrder(at, offsets[i]!, offsets[i + 1]!)) clamped[i] = 1;
  for (let i = 0; i < n; i++) {
    if (hasHistory[i]) continue;
    else writeSynthesized(items, i, at, category, cursor[i]!);
  }
  return { offsets, at, category, hasHistory, clamped };
}

function isFinished(category: number): boolean {
  return category === CATEGORY.done || category === CATEGORY.cancelled;
}

function synthesizedLength(items: ItemColumns, i: number): number {
  // A finished item without a done date cannot be placed in time at all: it gets no history and is
  // counted as "done with no done date" wherever it would have counted.
  if (isFinished(items.category[i]!) && Number.isNaN(items.doneAt[i]!)) return 0;
  const finished = isFinished(items.category[i]!);
  const active = !Number.isNaN(items.firstActiveAt[i]!) && (!finished || items.firstActiveAt[i]! < items.doneAt[i]!);
  return 1 + (active ? 1 : 0) + (finished ? 1 : 0);
}

function writeSynthesized(items: ItemColumns, i: number, at: Float64Array, category: Uint8Array, slot: number): void {
  if (isFinished(items.category[i]!) && Number.isNaN(items.doneAt[i]!)) return;
  const finished = isFinished(items.category[i]!);
  const firstActive = items.firstActiveAt[i]!;
  const active = !Number.isNaN(firstActive) && (!finished || firstActive < items.doneAt[i]!);
  at[slot] = items.createdAt[i]!;
  category[slot++] = CATEGORY.todo;
  if (active) {
    at[slot] = firstActive;
    // An open item without history is shown in its current category from its first-active date on.
    category[slot++] = finished ? CATEGORY.active : items.category[i]!;
  }
  if (finished) {
    at[slot] = items.doneAt[i]!;
    category[slot] = items.category[i]!;
  }
}

/** Makes one item's times non-decreasing in recorded order by pulling earlier ones back; true if any moved. */
function clampToRecordedOrder(at: Float64Array, from: number, to: number): boolean {
  let moved = false;
  for (let k = to - 2; k >= from; k--) {
    if (at[k]! > at[k + 1]!) {
      at[k] = at[k + 1]!;
      moved = true;
    }
  }
  return moved;
}
