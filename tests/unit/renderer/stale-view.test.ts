import { describe, expect, it } from 'vitest';
import { staleSelections, teamKeysFor } from '../../../renderer/src/flow/scope-state';
import { staleViewText } from '../../../renderer/src/layout/stale-view';
import { pinnedAddress } from '../../../renderer/src/layout/view-address';
import { resolveBoardFocus } from '../../../renderer/src/planning/board-focus';
import { checkoutBoard } from './checkout-board';

// A deck's view names what it shows. Saved, it pins the increment it showed; presented later, what
// the workspace no longer holds is said above the view instead of quietly widening it.

describe('pinnedAddress (Add to deck)', () => {
  it('writes the increment the page shows into an address that names none, keys in order', () => {
    expect(pinnedAddress('/plan?tab=confidence', 'increment=PI+26.4')).toBe('/plan?increment=PI+26.4&tab=confidence');
    expect(pinnedAddress('/confidence', new URLSearchParams({ increment: 'PI 26.4' }).toString())).toBe('/confidence?increment=PI+26.4');
  });

  it('keeps an address as it is when the page pins nothing, and the increment it shows over one it replaced', () => {
    expect(pinnedAddress('/flow?teams=a&teams=b', '')).toBe('/flow?teams=a&teams=b');
    expect(pinnedAddress('/plan?increment=PI+26.3', 'increment=PI+26.3')).toBe('/plan?increment=PI+26.3');
  });
});

describe('staleViewText', () => {
  it('names what is gone and what is shown instead; nothing when nothing is', () => {
    expect(staleViewText([{ kind: 'team', value: 'ghost' }], 'all teams')).toBe('There is no team “ghost” in this workspace: it was renamed or removed since this address was made. Shown instead: all teams.');
    expect(staleViewText([{ kind: 'team', value: 'a' }, { kind: 'value stream', value: 'b' }], null)).toBe('There is no team “a” and value stream “b” in this workspace: they were renamed or removed since this address was made.');
    expect(staleViewText([], 'all teams')).toBeNull();
  });
});

describe('staleSelections (Flow, Delivery, Forecast)', () => {
  const teams = { id: 'teams', one: 'team', loading: false, options: [{ value: 'checkout', label: 'Checkout', teamKeys: ['checkout'] }] };
  it('reports a selected team the workspace does not hold, which the team set leaves out', () => {
    expect(staleSelections([teams], { teams: ['ghost'] })).toEqual([{ kind: 'team', value: 'ghost' }]);
    expect(teamKeysFor([teams], { teams: ['ghost'] })).toBeUndefined();
    expect(staleSelections([teams], { teams: ['checkout', 'ghost'] })).toEqual([{ kind: 'team', value: 'ghost' }]);
    expect(staleSelections([teams], { teams: ['checkout'] })).toEqual([]);
  });

  it('says nothing of a picker whose options are still on their way', () => {
    expect(staleSelections([{ ...teams, loading: true, options: [] }], { teams: ['ghost'] })).toEqual([]);
  });
});

describe('resolveBoardFocus (Plan)', () => {
  const board = checkoutBoard();
  it('drops a focus on a card the board does not hold, and says which', () => {
    expect(resolveBoardFocus(board, { card: 'BSK-86', team: null })).toEqual({ focus: { card: null, team: null }, stale: [{ kind: 'card', value: 'BSK-86' }] });
  });

  it('keeps a focus on a card or team the board holds, and any while the board is not there', () => {
    expect(resolveBoardFocus(board, { card: 'CHK-26', team: null })).toEqual({ focus: { card: 'CHK-26', team: null }, stale: [] });
    expect(resolveBoardFocus(board, { card: null, team: 'checkout' }).stale).toEqual([]);
    expect(resolveBoardFocus(board, { card: null, team: 'ghost' }).stale).toEqual([{ kind: 'team', value: 'ghost' }]);
    expect(resolveBoardFocus(undefined, { card: 'BSK-86', team: null }).stale).toEqual([]);
  });
});
