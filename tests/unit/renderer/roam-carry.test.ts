import { describe, expect, it } from 'vitest';
import type { RiskStatus } from '../../../shared/risks/risk-schema';
import { cancelText, carryDirection, carryDrop, dropText, liftCarry, liftText, stepCarry, stepText, type Carry, type CarryColumns, type CarryDirection } from '../../../renderer/src/risks/roam-carry';

// A risk carried by keyboard on the ROAM board: one column or place per arrow, worked out from the
// columns alone, and the drop lands where the last announcement said.

function board(columns: Partial<Record<RiskStatus, string[]>>): CarryColumns {
  const of = (status: RiskStatus) => (columns[status] ?? []).map((key) => ({ key }));
  return { unroamed: of('unroamed'), resolved: of('resolved'), owned: of('owned'), accepted: of('accepted'), mitigated: of('mitigated') };
}

const demo = board({ unroamed: ['RISK-5', 'RISK-8', 'RISK-9'], resolved: ['RISK-1'], owned: ['RISK-4', 'RISK-7'], mitigated: ['RISK-2'] });

/** Lifts `key`, then presses the arrows; what each said, and where it would drop. */
function carry(columns: CarryColumns, key: string, arrows: CarryDirection[]): { said: string[]; at: Carry } {
  let at = liftCarry(columns, key)!;
  const said = [liftText(at)];
  for (const direction of arrows) {
    const moved = stepCarry(columns, at, direction);
    said.push(stepText(columns, at, direction, moved));
    at = moved ?? at;
  }
  return { said, at };
}

describe('a risk carried by keyboard', () => {
  it('each → moves it one column, to the end of that column; the drop lands there', () => {
    const one = carry(demo, 'RISK-8', ['right']);
    expect(one.said).toEqual([
      'Picked up RISK-8 in Not yet ROAMed. Use the arrow keys to move it to another column or place, Space to drop it, Escape to cancel.',
      'RISK-8 is over Resolved, at the end.',
    ]);
    expect(carryDrop(demo, one.at)).toEqual({ status: 'resolved', beforeKey: null });
    expect(dropText(one.at)).toBe('Dropped RISK-8 in Resolved.');

    const two = carry(demo, 'RISK-8', ['right', 'right']);
    expect(two.said.at(-1)).toBe('RISK-8 is over Owned, at the end.');
    expect(carryDrop(demo, two.at)).toEqual({ status: 'owned', beforeKey: null });
    const four = carry(demo, 'RISK-8', ['right', 'right', 'right', 'right']);
    expect(carryDrop(demo, four.at)).toEqual({ status: 'mitigated', beforeKey: null });
  });

  it('→ at the last column and ← at the first do nothing, and say so', () => {
    const last = carry(demo, 'RISK-2', ['right']);
    expect(last.said.at(-1)).toBe('RISK-2 is already in the last column, Mitigated: → moves it no further.');
    expect(carryDrop(demo, last.at)).toBeNull();
    expect(dropText(last.at)).toBe('Dropped RISK-2 in Mitigated, where it was: nothing changed.');

    const first = carry(demo, 'RISK-9', ['left']);
    expect(first.said.at(-1)).toBe('RISK-9 is already in the first column, Not yet ROAMed: ← moves it no further.');
    expect(carryDrop(demo, first.at)).toBeNull();
    // Past the edge and back: the edge counts no extra step.
    expect(carryDrop(demo, carry(demo, 'RISK-2', ['right', 'right', 'left']).at)).toEqual({ status: 'accepted', beforeKey: null });
  });

  it('back in the column it came from, it is at its own place again', () => {
    const back = carry(demo, 'RISK-8', ['right', 'left']);
    expect(back.said.at(-1)).toBe('RISK-8 is over Not yet ROAMed, where it was.');
    expect(carryDrop(demo, back.at)).toBeNull();
  });

  it('↑ ↓ move it one place within a column, and stop at its top and bottom', () => {
    const down = carry(demo, 'RISK-5', ['down']);
    expect(down.said.at(-1)).toBe('RISK-5 is over Not yet ROAMed, before RISK-9.');
    expect(carryDrop(demo, down.at)).toEqual({ status: 'unroamed', beforeKey: 'RISK-9' });
    const bottom = carry(demo, 'RISK-5', ['down', 'down', 'down']);
    expect(bottom.said.slice(-2)).toEqual(['RISK-5 is over Not yet ROAMed, at the end.', 'RISK-5 is already at the bottom of Not yet ROAMed.']);
    expect(carryDrop(demo, bottom.at)).toEqual({ status: 'unroamed', beforeKey: null });
    const top = carry(demo, 'RISK-5', ['up']);
    expect(top.said.at(-1)).toBe('RISK-5 is already at the top of Not yet ROAMed.');
    // Into Owned (at its end), then up one: before its last risk.
    const owned = carry(demo, 'RISK-1', ['right', 'up']);
    expect(owned.said.at(-1)).toBe('RISK-1 is over Owned, before RISK-7.');
    expect(carryDrop(demo, owned.at)).toEqual({ status: 'owned', beforeKey: 'RISK-7' });
  });

  it('into an empty column, and put back', () => {
    const accepted = carry(demo, 'RISK-7', ['right']);
    expect(accepted.said.at(-1)).toBe('RISK-7 is over Accepted, at the end.');
    expect(carryDrop(demo, accepted.at)).toEqual({ status: 'accepted', beforeKey: null });
    expect(cancelText(accepted.at)).toBe('Put RISK-7 back where it was, in Owned.');
  });

  it('only the arrows carry; a risk the board does not hold is not lifted', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'Enter', 'PageDown'].map(carryDirection)).toEqual(['left', 'right', 'up', 'down', null, null, null]);
    expect(liftCarry(demo, 'RISK-99')).toBeNull();
  });
});
