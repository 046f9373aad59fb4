import { describe, expect, it } from 'vitest';
import { countedDays, isBusinessDay, nthCountedDay } from '../../../shared/forecast/forecast-calendar';

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// January 2026: the 5th is a Monday, the 10th and 11th a weekend.
describe('counted days', () => {
  it('calendar days count every day, both ends included', () => {
    expect(countedDays(d('2026-01-05'), d('2026-01-05'), 'calendar')).toBe(1);
    expect(countedDays(d('2026-01-05'), d('2026-01-18'), 'calendar')).toBe(14);
  });

  it('business days count Monday to Friday', () => {
    expect(isBusinessDay(d('2026-01-09'))).toBe(true);
    expect(isBusinessDay(d('2026-01-10'))).toBe(false);
    expect(countedDays(d('2026-01-05'), d('2026-01-18'), 'business')).toBe(10);
    expect(countedDays(d('2026-01-09'), d('2026-01-12'), 'business')).toBe(2);
    expect(countedDays(d('2026-01-10'), d('2026-01-11'), 'business')).toBe(0);
    // 2026-01-05 … 2026-03-31: 12 whole weeks (60) and Mon 30, Tue 31 of March.
    expect(countedDays(d('2026-01-05'), d('2026-03-31'), 'business')).toBe(62);
  });

  it('the n-th counted day is the day a forecast needing n days ends on', () => {
    expect(iso(nthCountedDay(d('2026-01-05'), 1, 'calendar'))).toBe('2026-01-05');
    expect(iso(nthCountedDay(d('2026-01-05'), 14, 'calendar'))).toBe('2026-01-18');
    expect(iso(nthCountedDay(d('2026-01-05'), 5, 'business'))).toBe('2026-01-09');
    expect(iso(nthCountedDay(d('2026-01-05'), 6, 'business'))).toBe('2026-01-12');
    expect(iso(nthCountedDay(d('2026-01-10'), 1, 'business'))).toBe('2026-01-12');
    expect(iso(nthCountedDay(d('2026-01-08'), 13, 'business'))).toBe('2026-01-26');
  });

  it('counting and the n-th day agree for every start and length over two months', () => {
    for (const kind of ['calendar', 'business'] as const) {
      for (let s = 0; s < 14; s++) {
        const start = d('2026-01-05') + s * 86_400_000;
        for (let n = 1; n <= 45; n++) {
          const day = nthCountedDay(start, n, kind);
          expect(countedDays(start, day, kind)).toBe(n);
        }
      }
    }
  });
});

describe('edge cases', () => {
  it('a span that ends before it starts has no days', () => {
    expect(countedDays(d('2026-01-06'), d('2026-01-05'), 'calendar')).toBe(0);
  });

  it('instants inside a day count as that day', () => {
    expect(countedDays(d('2026-01-05') + 3_600_000, d('2026-01-06') + 80_000_000, 'calendar')).toBe(2);
  });

  it('a day count below 1 or not whole is refused', () => {
    expect(() => nthCountedDay(d('2026-01-05'), 0, 'calendar')).toThrow(/from 1/);
    expect(() => nthCountedDay(d('2026-01-05'), 1.5, 'business')).toThrow(/whole number/);
  });
});
