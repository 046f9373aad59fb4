import { ITEM_TYPES, STATUS_CATEGORIES } from '../../../shared/domain/vocabulary';
import { itemRuns, type ItemColumns, type RecordedTransitions } from '../../../shared/metrics/metrics-dataset';

// The work items and status changes exactly as the loader scans them from their tables, as one
// byte string: what the workspace's metrics_snapshot row holds (see migration 004). Only scanned
// values are stored, never derived ones (grouped histories, flow times): those are recomputed on
// every load, so a change to how metrics are computed never needs the snapshot to be rebuilt.
//
// Layout: a Float64 header [items, transitions, teams, runs], then the Float64 columns, the Int32
// ones and the Uint8 ones, so that every column is aligned for a typed-array view without a copy.
// When the status changes are in item order (an import writes them so), `runs` is 1 and their item
// column is stored as each item's first row (items + 1 numbers instead of one per change: at M,
// 0.4 MB instead of 4 MB, both in the file and in every fresh copy read from it).

/**
 * What the stored bytes mean. The codes for types and categories are positions in these lists, so
 * a snapshot written under other lists is ignored (and rebuilt), like one of another layout.
 * Format 3 holds delivery items only; a format 2 snapshot may hold cards made in Interlock.
 */
export const SNAPSHOT_FORMAT = `interlock-columns/3 types=${ITEM_TYPES.join(',')} categories=${STATUS_CATEGORIES.join(',')}`;

export interface SnapshotColumns {
  /** The teams' row ids, in the order `items.team` indexes them. */
  readonly teamIds: Float64Array;
  readonly items: ItemColumns;
  readonly transitions: RecordedTransitions;
}

const HEADER = 4;

function byteLength(items: number, transitions: number, teams: number, runs: boolean): number {
  const itemColumn = runs ? items + 1 : transitions;
  return 8 * (HEADER + teams + 4 * items + transitions) + 4 * (items + itemColumn) + (2 * items + transitions);
}

/** Lays the columns out in one buffer, in the order `decodeSnapshot` reads them. */
function layout(buffer: ArrayBufferLike, byteOffset: number, n: number, m: number, t: number, runs: boolean) {
  let offset = byteOffset + 8 * HEADER;
  const f64 = (length: number) => {
    const view = new Float64Array(buffer, offset, length);
    offset += 8 * length;
    return view;
  };
  const i32 = (length: number) => {
    const view = new Int32Array(buffer, offset, length);
    offset += 4 * length;
    return view;
  };
  const u8 = (length: number) => {
    const view = new Uint8Array(buffer, offset, length);
    offset += length;
    return view;
  };
  const teamIds = f64(t);
  const id = f64(n);
  const createdAt = f64(n);
  const firstActiveAt = f64(n);
  const doneAt = f64(n);
  const at = f64(m);
  const team = i32(n);
  const itemColumn = i32(runs ? n + 1 : m);
  const type = u8(n);
  const category = u8(n);
  const transitionCategory = u8(m);
  return { teamIds, items: { count: n, id, team, type, createdAt, firstActiveAt, doneAt, category }, itemColumn, at, transitionCategory };
}

export function encodeSnapshot(columns: SnapshotColumns): Uint8Array {
  const n = columns.items.count;
  const m = columns.transitions.at.length;
  const t = columns.teamIds.length;
  const runs = itemRuns(columns.transitions, n);
  const buffer = new ArrayBuffer(byteLength(n, m, t, runs !== null));
  new Float64Array(buffer, 0, HEADER).set([n, m, t, runs ? 1 : 0]);
  const out = layout(buffer, 0, n, m, t, runs !== null);
  out.teamIds.set(columns.teamIds);
  for (const key of ['id', 'createdAt', 'firstActiveAt', 'doneAt', 'team', 'type', 'category'] as const) {
    out.items[key].set(columns.items[key].subarray(0, n));
  }
  out.itemColumn.set(runs ?? columns.transitions.item);
  out.at.set(columns.transitions.at);
  out.transitionCategory.set(columns.transitions.category);
  return new Uint8Array(buffer);
}

/** Status changes in item order, their item column made from `runs` only if something asks for it. */
function inItemOrder(runs: Int32Array, at: Float64Array, category: Uint8Array): RecordedTransitions {
  let item: Int32Array | null = null;
  return {
    runs,
    at,
    category,
    get item() {
      if (item === null) {
        item = new Int32Array(at.length);
        for (let i = 0; i + 1 < runs.length; i++) item.fill(i, runs[i]!, runs[i + 1]!);
      }
      return item;
    },
  };
}

const isCount = (x: number | undefined): x is number => x !== undefined && Number.isInteger(x) && x >= 0 && x < 2 ** 31;

/**
 * The columns in `bytes` (views into them: `bytes` must not be changed afterwards), or null when
 * they are not a well-formed snapshot: wrong length, or any code or index out of its range. A null
 * sends the loader back to the tables, so damaged bytes cost time, never a wrong figure or a crash.
 */
export function decodeSnapshot(bytes: Uint8Array): SnapshotColumns | null {
  if (bytes.byteLength < 8 * HEADER) return null;
  // Typed-array views need aligned offsets; SQLite's blob may come in any buffer position.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const [n, m, t, runsFlag] = new Float64Array(aligned.buffer, aligned.byteOffset, HEADER);
  if (!isCount(n) || !isCount(m) || !isCount(t) || (runsFlag !== 0 && runsFlag !== 1)) return null;
  const runs = runsFlag === 1;
  if (aligned.byteLength !== byteLength(n, m, t, runs)) return null;
  const { teamIds, items, itemColumn, at, transitionCategory } = layout(aligned.buffer, aligned.byteOffset, n, m, t, runs);
  for (let i = 0; i < n; i++) {
    const team = items.team[i]!;
    if (team < -1 || team >= t || items.type[i]! >= ITEM_TYPES.length || items.category[i]! >= STATUS_CATEGORIES.length) return null;
    if (!Number.isSafeInteger(items.id[i]!) || !Number.isFinite(items.createdAt[i]!)) return null;
  }
  if (runs) {
    if (itemColumn[0] !== 0 || itemColumn[n] !== m) return null;
    for (let i = 0; i < n; i++) if (itemColumn[i + 1]! < itemColumn[i]!) return null;
  } else {
    for (let r = 0; r < m; r++) {
      const item = itemColumn[r]!;
      if (item < 0 || item >= n) return null;
    }
  }
  for (let r = 0; r < m; r++) if (transitionCategory[r]! >= STATUS_CATEGORIES.length || !Number.isFinite(at[r]!)) return null;
  const transitions = runs ? inItemOrder(itemColumn, at, transitionCategory) : { item: itemColumn, at, category: transitionCategory };
  return { teamIds, items, transitions };
}
