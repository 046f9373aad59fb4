import { describe, expect, it } from 'vitest';
import { applyParams } from '../../../renderer/src/layout/view-address';
import { EMPTY_SCOPE, periodBefore, pickerWanted, scopeFromParams, scopeInput, scopeToParams, selectionsResolved, teamKeysFor } from '../../../renderer/src/flow/scope-state';

const teams = { id: 'teams', options: [{ value: 'a', label: 'A', teamKeys: ['a'] }, { value: 'b', label: 'B', teamKeys: ['b'] }, { value: 'c', label: 'C', teamKeys: ['c'] }] };
const streams = { id: 'streams', options: [{ value: 'One', label: 'One', teamKeys: ['a', 'b'] }, { value: 'Two', label: 'Two', teamKeys: ['c'] }] };
const groups = { id: 'groups', options: [{ value: 'g1', label: 'Group 1', teamKeys: ['b', 'c'] }] };
const PICKERS = ['teams', 'streams', 'groups'];

describe('team pickers', () => {
  it('no selection anywhere: no team filter at all', () => {
    expect(teamKeysFor([teams, streams], {})).toBeUndefined();
    expect(teamKeysFor([teams, streams], { teams: [] })).toBeUndefined();
  });

  it('options of one picker add up; pickers combine with AND', () => {
    expect(teamKeysFor([teams, streams], { teams: ['a', 'c'] })).toEqual(['a', 'c']);
    expect(teamKeysFor([teams, streams], { streams: ['One'] })).toEqual(['a', 'b']);
    expect(teamKeysFor([teams, streams, groups], { streams: ['One'], groups: ['g1'] })).toEqual(['b']);
  });

  it('selected values a picker does not offer (another workspace’s, a group no longer formed) narrow nothing', () => {
    expect(teamKeysFor([teams, streams], { teams: ['zz'] })).toBeUndefined();
    expect(teamKeysFor([teams, streams], { teams: ['zz', 'b'] })).toEqual(['b']);
    expect(teamKeysFor([teams, groups], { teams: ['a'], groups: ['g-gone'] })).toEqual(['a']);
  });

  it('a picker asks for its options only once opened or selected in (the advisor’s groups cost a second at scale)', () => {
    expect(pickerWanted('groups', new Set(), {})).toBe(false);
    expect(pickerWanted('groups', new Set(), { teams: ['a'] })).toBe(false);
    expect(pickerWanted('groups', new Set(['groups']), {})).toBe(true);
    expect(pickerWanted('groups', new Set(), { groups: ['g1'] })).toBe(true);
  });

  it('the scope waits for the options of a picker it selects in, and for nothing else', () => {
    const loading = [{ id: 'teams', loading: false }, { id: 'groups', loading: true }];
    expect(selectionsResolved(loading, {})).toBe(true);
    expect(selectionsResolved(loading, { teams: ['a'] })).toBe(true);
    expect(selectionsResolved(loading, { groups: ['g1'] })).toBe(false);
    expect(selectionsResolved([{ id: 'groups', loading: false }], { groups: ['g1'] })).toBe(true);
  });

  describe('edge cases', () => {
    it('an emptied selection waits for nothing', () => {
      expect(pickerWanted('groups', new Set(), { groups: [] })).toBe(false);
      expect(selectionsResolved([{ id: 'groups', loading: true }], { groups: [] })).toBe(true);
    });

    it('pickers that exclude each other give an empty team set, not everything', () => {
      expect(teamKeysFor([teams, streams], { teams: ['a'], streams: ['Two'] })).toEqual([]);
    });

    it('a scope of the wrong shape in the address falls back to the defaults, part by part', () => {
      expect(scopeFromParams(new URLSearchParams('nonsense&&='), PICKERS)).toEqual(EMPTY_SCOPE);
      expect(scopeFromParams(new URLSearchParams('type=story&type=bogus&from=x&to=y&compare=sometimes'), PICKERS)).toEqual({ ...EMPTY_SCOPE, itemTypes: ['story'] });
      // A window that ends before it starts, or a comparison range written the wrong way round, is no window.
      expect(scopeFromParams(new URLSearchParams('from=2026-03-01&to=2026-02-01&compare=2026-02-01..2026-01-01'), PICKERS)).toEqual(EMPTY_SCOPE);
      // Only the pickers the page has are read; a repeated or empty value counts once or not at all.
      expect(scopeFromParams(new URLSearchParams('teams=a&teams=a&teams=&streams=One'), ['teams'])).toEqual({ ...EMPTY_SCOPE, selections: { teams: ['a'] } });
    });
  });

  it('the scope goes into the address and comes back the same, defaults left out of it', () => {
    const scope = { selections: { teams: ['a', 'c'], streams: ['One, Two & Co'] }, itemTypes: ['story', 'defect'] as const, window: { from: '2026-08-01', to: '2026-10-31' }, compare: { from: '2026-05-01', to: '2026-07-31' } };
    const params = applyParams(new URLSearchParams('tab=x'), scopeToParams(scope, PICKERS));
    expect(params.toString()).toBe('compare=2026-05-01..2026-07-31&from=2026-08-01&streams=One%2C+Two+%26+Co&tab=x&teams=a&teams=c&to=2026-10-31&type=story&type=defect');
    expect(scopeFromParams(params, PICKERS)).toEqual({ ...scope, itemTypes: ['story', 'defect'] });
    expect(scopeFromParams(applyParams(params, scopeToParams(EMPTY_SCOPE, PICKERS)), PICKERS)).toEqual(EMPTY_SCOPE);
    expect(applyParams(params, scopeToParams(EMPTY_SCOPE, PICKERS)).toString()).toBe('tab=x');
    expect(scopeToParams({ ...EMPTY_SCOPE, compare: 'none' }, PICKERS).compare).toBe('none');
  });

  it('turns the state into the contract input', () => {
    const state = { selections: {}, itemTypes: [], window: { from: '2026-01-05', to: '2026-01-18' }, compare: 'none' as const };
    expect(scopeInput(state, ['a'])).toEqual({ teamKeys: ['a'], itemTypes: undefined, window: { from: '2026-01-05', to: '2026-01-18' }, compare: 'none' });
  });
});

describe('periodBefore', () => {
  it('is the window of the same length that ends the day before it starts', () => {
    expect(periodBefore({ from: '2026-08-17', to: '2026-11-15' })).toEqual({ from: '2026-05-18', to: '2026-08-16' });
  });

  describe('edge cases', () => {
    it('a one-day window, across a year and a leap day', () => {
      expect(periodBefore({ from: '2026-01-01', to: '2026-01-01' })).toEqual({ from: '2025-12-31', to: '2025-12-31' });
      expect(periodBefore({ from: '2024-03-01', to: '2024-03-02' })).toEqual({ from: '2024-02-28', to: '2024-02-29' });
    });

    it('gives back what is not a window of real dates, and does not change its input', () => {
      const odd = { from: '2026-02-30', to: '2026-03-01' };
      expect(periodBefore(odd)).toBe(odd);
      const window = { from: '2026-08-17', to: '2026-11-15' };
      periodBefore(window);
      expect(window).toEqual({ from: '2026-08-17', to: '2026-11-15' });
    });
  });
});
