import { describe, expect, it } from 'vitest';
import { defaultPlanStart, planStartText, startInDataNote } from '../../../shared/forecast/forecast-start';

describe('startInDataNote', () => {
  it('says how many days of a past start the data already holds, both ends counted', () => {
    expect(startInDataNote('2026-11-01', '2026-11-30')).toBe(
      'The forecast starts on 2026-11-01, before the data ends (2026-11-30): its first 30 days (2026-11-01 – 2026-11-30) are already in the data, and the history it draws from holds them, so it is no test of the forecast. To see how the forecast would have done, use the backtest; to forecast, start after 2026-11-30.',
    );
    expect(startInDataNote('2019-01-01', '2026-11-30')).toContain('its first 2,891 days (2019-01-01 – 2026-11-30)');
  });

  describe('edge cases', () => {
    it('the day after the data (the default start) and any later day: nothing to say', () => {
      expect(startInDataNote('2026-12-01', '2026-11-30')).toBeNull();
      expect(startInDataNote('2027-03-01', '2026-11-30')).toBeNull();
    });

    it('a start on the data’s last day: one day, said in the singular', () => {
      expect(startInDataNote('2026-11-30', '2026-11-30')).toContain('its first day (2026-11-30) is already in the data');
    });

    it('across a leap day and a year end', () => {
      expect(startInDataNote('2024-02-28', '2024-03-01')).toContain('its first 3 days');
      expect(startInDataNote('2025-12-31', '2026-01-01')).toContain('its first 2 days');
    });
  });
});

describe('defaultPlanStart', () => {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

  it('an increment still to come is simulated from its first day, not from the day after the data', () => {
    // The audit's case: the data ends 2026-11-15, PI 27.1 starts 2027-01-18.
    expect(defaultPlanStart(day('2026-11-15'), day('2027-01-18'))).toEqual({ start: day('2027-01-18'), startFrom: 'increment' });
    expect(planStartText('2027-01-18', 'increment')).toBe('simulated from 2027-01-18, the increment’s first day');
  });

  it('the current increment (it started before the data ends) is simulated from the day after the data, as before', () => {
    expect(defaultPlanStart(day('2026-11-15'), day('2026-11-09'))).toEqual({ start: day('2026-11-16'), startFrom: 'data' });
    expect(planStartText('2026-11-16', 'data')).toBe('simulated from 2026-11-16, the day after the data');
  });

  describe('edge cases', () => {
    it('an increment that starts the day after the data: the same day either way, said as the day after the data', () => {
      expect(defaultPlanStart(day('2026-11-15'), day('2026-11-16'))).toEqual({ start: day('2026-11-16'), startFrom: 'data' });
    });

    it('a past increment: the day after the data', () => {
      expect(defaultPlanStart(day('2026-11-15'), day('2026-01-05'))).toEqual({ start: day('2026-11-16'), startFrom: 'data' });
    });

    it('a start given is said as given', () => {
      expect(planStartText('2026-12-01', 'given')).toBe('simulated from 2026-12-01 (the start given)');
    });
  });
});
