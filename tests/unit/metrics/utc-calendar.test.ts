import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { formatCalendarDate, isoWeekLabel, isoWeekStart, parseCalendarDate, utcDayStart, utcMonthStart } from '../../../shared/metrics/utc-calendar';

const utc = (s: string) => Date.parse(s);

describe('UTC calendar', () => {
  it('weeks start on Monday 00:00 UTC', () => {
    expect(isoWeekStart(utc('2026-11-15T18:55:00Z'))).toBe(utc('2026-11-09T00:00:00Z'));
    expect(isoWeekStart(utc('2026-11-16T00:00:00Z'))).toBe(utc('2026-11-16T00:00:00Z'));
    expect(isoWeekStart(utc('2026-11-15T23:59:59.999Z'))).toBe(utc('2026-11-09T00:00:00Z'));
  });

  it('labels ISO weeks by the year of their Thursday', () => {
    expect(isoWeekLabel(utc('2026-01-01T12:00:00Z'))).toBe('2026-W01'); // a Thursday
    expect(isoWeekLabel(utc('2025-12-29T00:00:00Z'))).toBe('2026-W01'); // its Monday, still 2025
    expect(isoWeekLabel(utc('2027-01-01T00:00:00Z'))).toBe('2026-W53'); // a Friday in 2026's last week
    expect(isoWeekLabel(utc('2026-11-16T00:00:00Z'))).toBe('2026-W47');
  });

  it('parses only real calendar dates', () => {
    expect(parseCalendarDate('2026-08-17')).toBe(utc('2026-08-17T00:00:00Z'));
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('17/08/2026')).toBeNull();
    expect(formatCalendarDate(utc('2026-08-17T23:00:00Z'))).toBe('2026-08-17');
  });

  describe('edge cases', () => {
    it('a week across a daylight-saving change is exactly 7 × 24 hours', () => {
      // Europe moved its clocks on 2026-03-29 and the US on 2026-03-08; UTC weeks do not notice.
      for (const instant of ['2026-03-29T01:30:00Z', '2026-03-08T07:30:00Z', '2026-10-25T01:30:00Z']) {
        const start = isoWeekStart(utc(instant));
        expect(isoWeekStart(start + 7 * MS_PER_DAY - 1)).toBe(start);
        expect(new Date(start).getUTCDay()).toBe(1);
        expect(utcDayStart(start)).toBe(start);
      }
    });

    it('instants before the epoch still fall in the right week and month', () => {
      expect(isoWeekStart(utc('1969-12-31T12:00:00Z'))).toBe(utc('1969-12-29T00:00:00Z'));
      expect(utcMonthStart(utc('1969-12-31T12:00:00Z'))).toBe(utc('1969-12-01T00:00:00Z'));
    });
  });
});
