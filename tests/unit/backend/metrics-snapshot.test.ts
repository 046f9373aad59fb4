import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, type SnapshotColumns } from '../../../electron/backend/metrics/metrics-snapshot';
import { ItemColumnsBuilder, TransitionColumnsBuilder } from '../../../shared/metrics/metrics-dataset';

/** Two teams, three items (one without team or dates), four status changes in recorded order. */
function sample(): SnapshotColumns {
  const items = new ItemColumnsBuilder();
  items.push(11, 0, 2, 1_000, 2_000, 5_000, 3);
  items.push(12, 1, 3, 1_500, null, null, 1);
  items.push(30, -1, 0, 1_700, null, null, 0);
  const transitions = new TransitionColumnsBuilder();
  transitions.push(0, 1_000, 0);
  transitions.push(1, 1_500, 1);
  transitions.push(0, 2_000, 1);
  transitions.push(0, 5_000, 3);
  return { teamIds: Float64Array.of(4, 9), items: items.finish(), transitions: transitions.recorded() };
}

function plain(c: SnapshotColumns) {
  return {
    teamIds: [...c.teamIds],
    items: Object.fromEntries(Object.entries(c.items).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v as ArrayLike<number>)])),
    transitions: { item: [...c.transitions.item], at: [...c.transitions.at], category: [...c.transitions.category] },
  };
}

describe('metrics snapshot bytes', () => {
  it('decode gives back exactly the columns that were encoded, missing dates included', () => {
    const decoded = decodeSnapshot(encodeSnapshot(sample()));
    expect(decoded).not.toBeNull();
    expect(plain(decoded!)).toEqual(plain(sample()));
    expect(Number.isNaN(decoded!.items.doneAt[1]!)).toBe(true);
    expect(decoded!.items.team[2]).toBe(-1);
  });

  it('any columns survive the round trip', () => {
    const column = (n: number) => fc.array(fc.double({ noNaN: true, min: -1e15, max: 1e15 }), { minLength: n, maxLength: n });
    const arbitrary = fc.integer({ min: 0, max: 20 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        teams: fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 5 }),
        created: column(n),
        transitions: n === 0 ? fc.constant([]) : fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 })), { maxLength: 50 }),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ n, teams, created, transitions }) => {
        const items = new ItemColumnsBuilder();
        for (let i = 0; i < n; i++) items.push(i + 1, (i % (teams.length + 1)) - 1, i % 7, created[i]!, i % 2 ? null : created[i]! + 1, null, i % 5);
        const recorded = new TransitionColumnsBuilder();
        for (const [item, at, category] of transitions) recorded.push(item, at, category);
        const columns = { teamIds: Float64Array.from(teams), items: items.finish(), transitions: recorded.recorded() };
        expect(plain(decodeSnapshot(encodeSnapshot(columns))!)).toEqual(plain(columns));
      }),
    );
  });

  it('status changes in item order are stored as each item\'s first row, 4 bytes per item instead of per change', () => {
    const items = new ItemColumnsBuilder();
    for (let i = 0; i < 3; i++) items.push(i + 1, 0, 0, 1_000, null, null, 0);
    const transitions = new TransitionColumnsBuilder();
    for (const [item, at] of [[0, 1_000], [0, 2_000], [0, 3_000], [2, 1_500], [2, 2_500]] as const) transitions.push(item, at, 1);
    const columns: SnapshotColumns = { teamIds: Float64Array.of(4), items: items.finish(), transitions: transitions.recorded() };
    const unordered: SnapshotColumns = { ...columns, transitions: { ...columns.transitions, item: Int32Array.of(0, 0, 2, 0, 2) } };
    const bytes = encodeSnapshot(columns);
    expect(bytes.byteLength).toBe(encodeSnapshot(unordered).byteLength - 4 * (5 - 4)); // 5 changes, 3 items + 1
    const decoded = decodeSnapshot(bytes)!;
    expect([...decoded.transitions.runs!]).toEqual([0, 3, 3, 5]); // item 1 has none
    expect(plain(decoded)).toEqual(plain(columns));
    expect(encodeSnapshot(decodeSnapshot(bytes)!)).toEqual(bytes); // decoded runs are stored as they are
    expect(decodeSnapshot(encodeSnapshot(unordered))!.transitions.runs).toBeUndefined();
    expect(plain(decodeSnapshot(encodeSnapshot(unordered))!)).toEqual(plain(unordered));
  });

  it('any columns in item order survive the round trip', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5 }), { maxLength: 8 }), fc.integer({ min: 0, max: 4 }), (rowsPerItem, extraItems) => {
        const n = rowsPerItem.length + extraItems;
        const items = new ItemColumnsBuilder();
        for (let i = 0; i < n; i++) items.push(i + 1, -1, 0, i, null, null, 0);
        const transitions = new TransitionColumnsBuilder();
        rowsPerItem.forEach((count, i) => {
          for (let k = 0; k < count; k++) transitions.push(i, i * 100 + k, k % 5);
        });
        const columns = { teamIds: new Float64Array(0), items: items.finish(), transitions: transitions.recorded() };
        const decoded = decodeSnapshot(encodeSnapshot(columns))!;
        expect(decoded.transitions.runs).toHaveLength(n + 1);
        expect(plain(decoded)).toEqual(plain(columns));
      }),
    );
  });

  it('decoding reads the bytes in place and never changes them', () => {
    const bytes = encodeSnapshot(sample());
    const copy = bytes.slice();
    decodeSnapshot(bytes);
    expect(bytes).toEqual(copy);
  });

  describe('edge cases', () => {
    it('an empty workspace (no items, no changes, no teams) round-trips', () => {
      const empty: SnapshotColumns = { teamIds: new Float64Array(0), items: new ItemColumnsBuilder().finish(), transitions: new TransitionColumnsBuilder().recorded() };
      const decoded = decodeSnapshot(encodeSnapshot(empty));
      expect(decoded?.items.count).toBe(0);
      expect(decoded?.transitions.item.length).toBe(0);
    });

    it('bytes that start at an odd place in their buffer are still read (SQLite may hand them so)', () => {
      const bytes = encodeSnapshot(sample());
      const shifted = new Uint8Array(bytes.byteLength + 3);
      shifted.set(bytes, 3);
      expect(plain(decodeSnapshot(shifted.subarray(3))!)).toEqual(plain(sample()));
    });

    it('is refused (null, so the loader reads the tables) when cut short, too long or empty', () => {
      const bytes = encodeSnapshot(sample());
      expect(decodeSnapshot(bytes.subarray(0, bytes.byteLength - 1))).toBeNull();
      const longer = new Uint8Array(bytes.byteLength + 8);
      longer.set(bytes);
      expect(decodeSnapshot(longer)).toBeNull();
      expect(decodeSnapshot(new Uint8Array(0))).toBeNull();
      expect(decodeSnapshot(new Uint8Array(16))).toBeNull();
    });

    it('is refused when the runs of changes in item order do not cover the changes, each once, in order', () => {
      const items = new ItemColumnsBuilder();
      for (let i = 0; i < 3; i++) items.push(i + 1, -1, 0, 1_000, null, null, 0);
      const transitions = new TransitionColumnsBuilder();
      for (const item of [0, 1, 1, 2]) transitions.push(item, 1_000, 1);
      const encoded = () => encodeSnapshot({ teamIds: new Float64Array(0), items: items.finish(), transitions: transitions.recorded() });
      const runsAt = 8 * 4 + 8 * 3 * 4 + 8 * 4 + 4 * 3; // header, four item dates and ids, the changes' times, the items' teams
      const damaged = (runs: number[]) => {
        const bytes = encoded();
        new Int32Array(bytes.buffer, runsAt, 4).set(runs);
        return decodeSnapshot(bytes);
      };
      expect(damaged([0, 1, 3, 4])).not.toBeNull();
      expect(damaged([0, 3, 1, 4])).toBeNull(); // backwards
      expect(damaged([1, 1, 3, 4])).toBeNull(); // not from the first change
      expect(damaged([0, 1, 3, 3])).toBeNull(); // not to the last
      const flag = encoded();
      new Float64Array(flag.buffer, 0, 4)[3] = 2;
      expect(decodeSnapshot(flag)).toBeNull();
    });

    it('is refused when a count in the header is not a whole number', () => {
      const bytes = encodeSnapshot(sample());
      new Float64Array(bytes.buffer, 0, 4)[0] = 2.5;
      expect(decodeSnapshot(bytes)).toBeNull();
    });

    it('is refused when any code or index is out of range, so damaged bytes never index past a column', () => {
      const damage = (change: (c: SnapshotColumns) => void) => {
        const bytes = encodeSnapshot(sample());
        change(decodeSnapshot(bytes)!); // the views write through to `bytes`
        return decodeSnapshot(bytes);
      };
      expect(damage((c) => ((c.items.team as Int32Array)[0] = 2))).toBeNull(); // two teams: 0 and 1
      expect(damage((c) => ((c.items.team as Int32Array)[0] = -2))).toBeNull();
      expect(damage((c) => ((c.items.type as Uint8Array)[1] = 7))).toBeNull();
      expect(damage((c) => ((c.items.category as Uint8Array)[1] = 5))).toBeNull();
      expect(damage((c) => ((c.items.id as Float64Array)[1] = Number.NaN))).toBeNull();
      expect(damage((c) => ((c.items.createdAt as Float64Array)[1] = Number.POSITIVE_INFINITY))).toBeNull();
      expect(damage((c) => ((c.transitions.item as Int32Array)[3] = 3))).toBeNull(); // three items: 0 to 2
      expect(damage((c) => ((c.transitions.category as Uint8Array)[0] = 9))).toBeNull();
      expect(damage((c) => ((c.transitions.at as Float64Array)[0] = Number.NaN))).toBeNull();
      expect(damage(() => undefined)).not.toBeNull();
    });
  });
});
