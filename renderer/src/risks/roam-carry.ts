import { ROAM_COLUMNS, ROAM_TEXT } from '../../../shared/risks/roam';
import type { RiskStatus } from '../../../shared/risks/risk-schema';
import type { DropTarget } from './roam-drop';

// A risk carried by keyboard on the ROAM board: Space lifts it, each arrow moves it one column
// (← →) or one place (↑ ↓), Space drops it where the last announcement said. Worked out from the
// columns' order and their lists alone, never from where things are drawn, so that a key pressed
// at once after another counts as it would after a pause: dnd-kit's keyboard sensor listened for
// arrows only from a timer queued at the lift and chose the next column by measuring the cards'
// rects, measured again after the lift, so an arrow typed at speed was lost or went two columns.

/** The board's columns, each the keys of its risks in board order. */
export type CarryColumns = Readonly<Record<RiskStatus, readonly { key: string }[]>>;

export interface Carry {
  key: string;
  /** Where it was lifted from: its column and its place there. */
  from: RiskStatus;
  fromIndex: number;
  /** Where it would be dropped: a column, and the place in that column's list without the card. */
  status: RiskStatus;
  index: number;
}

export type CarryDirection = 'left' | 'right' | 'up' | 'down';

const ARROWS: Readonly<Record<string, CarryDirection>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The direction an arrow key carries a card, null for any other key. */
export function carryDirection(key: string): CarryDirection | null {
  return ARROWS[key] ?? null;
}

function without(columns: CarryColumns, status: RiskStatus, key: string): readonly { key: string }[] {
  return columns[status].filter((r) => r.key !== key);
}

/** The card lifted from its place; null when the board does not hold it. */
export function liftCarry(columns: CarryColumns, key: string): Carry | null {
  for (const status of ROAM_COLUMNS) {
    const index = columns[status].findIndex((r) => r.key === key);
    if (index >= 0) return { key, from: status, fromIndex: index, status, index };
  }
  return null;
}

/**
 * One arrow's move: the next column to the side (at its end, or at the card's own place on coming
 * back to the column it was lifted from), or one place up or down. Null at the board's edge: the
 * card stays where it is.
 */
export function stepCarry(columns: CarryColumns, carry: Carry, direction: CarryDirection): Carry | null {
  if (direction === 'left' || direction === 'right') {
    const next = ROAM_COLUMNS[ROAM_COLUMNS.indexOf(carry.status) + (direction === 'right' ? 1 : -1)];
    if (next === undefined) return null;
    const index = next === carry.from ? carry.fromIndex : without(columns, next, carry.key).length;
    return { ...carry, status: next, index };
  }
  const index = carry.index + (direction === 'down' ? 1 : -1);
  if (index < 0 || index > without(columns, carry.status, carry.key).length) return null;
  return { ...carry, index };
}

/** Whether the card would be dropped where it was lifted from. */
export function carryUnmoved(carry: Carry): boolean {
  return carry.status === carry.from && carry.index === carry.fromIndex;
}

/** The move a drop makes; null when it changes nothing. */
export function carryDrop(columns: CarryColumns, carry: Carry): DropTarget | null {
  if (carryUnmoved(carry)) return null;
  return { status: carry.status, beforeKey: without(columns, carry.status, carry.key)[carry.index]?.key ?? null };
}

const label = (status: RiskStatus) => ROAM_TEXT[status].label;

export function liftText(carry: Carry): string {
  return `Picked up ${carry.key} in ${label(carry.status)}. Use the arrow keys to move it to another column or place, Space to drop it, Escape to cancel.`;
}

/** What a screen reader hears after an arrow: where the card is now, or why it did not move. */
export function stepText(columns: CarryColumns, carry: Carry, direction: CarryDirection, moved: Carry | null): string {
  if (moved === null) {
    if (direction === 'right') return `${carry.key} is already in the last column, ${label(carry.status)}: → moves it no further.`;
    if (direction === 'left') return `${carry.key} is already in the first column, ${label(carry.status)}: ← moves it no further.`;
    return `${carry.key} is already at the ${direction === 'up' ? 'top' : 'bottom'} of ${label(carry.status)}.`;
  }
  const before = without(columns, moved.status, moved.key)[moved.index]?.key;
  const place = carryUnmoved(moved) ? 'where it was' : before ? `before ${before}` : 'at the end';
  return `${moved.key} is over ${label(moved.status)}, ${place}.`;
}

export function dropText(carry: Carry): string {
  return carryUnmoved(carry) ? `Dropped ${carry.key} in ${label(carry.status)}, where it was: nothing changed.` : `Dropped ${carry.key} in ${label(carry.status)}.`;
}

export function cancelText(carry: Carry): string {
  return `Put ${carry.key} back where it was, in ${label(carry.from)}.`;
}
