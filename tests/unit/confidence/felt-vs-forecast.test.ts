import { describe, expect, it } from 'vitest';
import { forecastFor, forecastText, oddsFromPlanForecast, type PlanOddsAnswer } from '../../../shared/confidence/felt-vs-forecast';

const answer = (over: Partial<PlanOddsAnswer> = {}): PlanOddsAnswer => ({
  increment: { name: 'PI 26.4', end: '2027-01-17' },
  allPlannedDone: 0.6234,
  items: Array.from({ length: 42 }, (_, i) => i),
  teams: [
    { key: 'checkout', plannedItems: 14, allPlannedDone: 0.81 },
    { key: 'search', plannedItems: 0, allPlannedDone: null },
    { key: 'basket', plannedItems: 1, allPlannedDone: 0.99 },
  ],
  provenance: { trials: 10000 },
  ...over,
});

describe('felt vs forecast', () => {
  it('reads the plan forecast as odds for the whole increment and each team with planned work, by the increment’s last day', () => {
    const odds = oddsFromPlanForecast(answer());
    expect(odds).toEqual([
      { scope: { kind: 'increment', key: 'PI 26.4' }, odds: 0.6234, by: '2027-01-17', basis: '42 planned items, 10,000 trials' },
      { scope: { kind: 'team', key: 'checkout' }, odds: 0.81, by: '2027-01-17', basis: '14 planned items, 10,000 trials' },
      { scope: { kind: 'team', key: 'basket' }, odds: 0.99, by: '2027-01-17', basis: '1 planned item, 10,000 trials' },
    ]);
    // 0.6234 → 62 %.
    expect(forecastText(forecastFor(odds, { kind: 'increment', key: 'PI 26.4' }))).toBe('Forecast: 62 % chance to finish by 2027-01-17 (42 planned items, 10,000 trials).');
  });

  describe('edge cases', () => {
    it('no forecast, or a scope the forecast has no odds for, says "none yet"', () => {
      expect(forecastFor(null, { kind: 'increment', key: 'PI 26.4' })).toBeNull();
      expect(forecastFor(oddsFromPlanForecast(answer()), { kind: 'team', key: 'search' })).toBeNull();
      expect(forecastText(null)).toMatch(/^Forecast: none yet\./);
    });

    it('an increment with nothing planned gives no odds at all, and the answer is not changed', () => {
      const given = answer({ allPlannedDone: null, items: [], teams: [{ key: 'search', plannedItems: 0, allPlannedDone: null }] });
      const copy = structuredClone(given);
      expect(oddsFromPlanForecast(given)).toEqual([]);
      expect(given).toEqual(copy);
    });
  });
});
