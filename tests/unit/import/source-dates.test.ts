import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOrderProof, daysFromCivil, guessDayOrder, isAmbiguousNumericDate, readSourceDate, whyDateShapedIsNoDate } from '../../../shared/import/source-dates';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('readSourceDate', () => {
  it("reads Jira's default format, 12-hour clock and two-digit year", () => {
    expect(readSourceDate('12/Mar/24 3:45 PM')).toBe(utc(2024, 3, 12, 15, 45));
    expect(readSourceDate('22/Aug/19 5:18 AM')).toBe(utc(2019, 8, 22, 5, 18));
    expect(readSourceDate('01/Jan/24 12:05 AM')).toBe(utc(2024, 1, 1, 0, 5));
    expect(readSourceDate('01/Jan/24 12:05 PM')).toBe(utc(2024, 1, 1, 12, 5));
    expect(readSourceDate('12/Mar/2024 15:45')).toBe(utc(2024, 3, 12, 15, 45));
    expect(readSourceDate('12/Mar/24')).toBe(utc(2024, 3, 12));
  });

  it('reads month names in German, French and Spanish exports', () => {
    expect(readSourceDate('12/Mär/24 15:45')).toBe(utc(2024, 3, 12, 15, 45));
    expect(readSourceDate('03/déc./23 09:00')).toBe(utc(2023, 12, 3, 9));
    expect(readSourceDate('05/ene/24')).toBe(utc(2024, 1, 5));
    expect(readSourceDate('Mar 12, 2024 3:45 PM')).toBe(utc(2024, 3, 12, 15, 45));
  });

  it('reads ISO 8601 with and without offsets, converting to UTC', () => {
    expect(readSourceDate('2024-03-12T15:45:00Z')).toBe(utc(2024, 3, 12, 15, 45));
    expect(readSourceDate('2024-03-12T15:45:00.123Z')).toBe(utc(2024, 3, 12, 15, 45, 0, 123));
    expect(readSourceDate('2024-03-12T15:45:00.000+0100')).toBe(utc(2024, 3, 12, 14, 45));
    expect(readSourceDate('2024-03-12T15:45:00-05:30')).toBe(utc(2024, 3, 12, 21, 15));
    expect(readSourceDate('2024-03-12 15:45')).toBe(utc(2024, 3, 12, 15, 45));
    expect(readSourceDate('2024-03-12')).toBe(utc(2024, 3, 12));
  });

  it('reads numeric dates in the order it is told, dotted ones always day first', () => {
    expect(readSourceDate('3/12/2024 3:45:12 PM', 'mdy')).toBe(utc(2024, 3, 12, 15, 45, 12));
    expect(readSourceDate('3/12/2024 3:45:12 PM', 'dmy')).toBe(utc(2024, 12, 3, 15, 45, 12));
    expect(readSourceDate('12.03.2024 09:00', 'mdy')).toBe(utc(2024, 3, 12, 9));
    expect(readSourceDate('01/02/24', 'dmy')).toBe(utc(2024, 2, 1));
  });

  describe('edge cases', () => {
    it('refuses dates that do not exist rather than rolling them over', () => {
      expect(readSourceDate('31/Feb/24 9:00 AM')).toBeNull();
      expect(readSourceDate('29/Feb/23')).toBeNull();
      expect(readSourceDate('29/Feb/24')).toBe(utc(2024, 2, 29));
      expect(readSourceDate('2024-04-31')).toBeNull();
      expect(readSourceDate('2024-03-12T24:00:00Z')).toBeNull();
      expect(readSourceDate('2024-02-30T00:00:00Z')).toBeNull();
      expect(readSourceDate('2023-02-29T00:00:00.000Z')).toBeNull();
      expect(readSourceDate('2024-02-29T23:59:59.999Z')).toBe(utc(2024, 2, 29, 23, 59, 59, 999));
      expect(readSourceDate('12/Mar/24 13:00 PM')).toBeNull();
      expect(readSourceDate('13/13/2024', 'dmy')).toBeNull();
    });

    it('refuses text that is not a date, and never guesses with new Date()', () => {
      for (const text of ['', 'yesterday', 'March', '12', '2024', '12/Foo/24', 'NaN', '1e12', '2024-03-12T15:45:00+25:00']) {
        expect(readSourceDate(text)).toBeNull();
      }
    });

    it('reads the fast forms (Z, ±hhmm, ±hh:mm, with or without milliseconds) exactly as the general pattern does', () => {
      expect(readSourceDate('2026-01-07T17:12:00.000+0000')).toBe(utc(2026, 1, 7, 17, 12));
      expect(readSourceDate('2026-01-07T17:12:00.250+0130')).toBe(utc(2026, 1, 7, 15, 42, 0, 250));
      expect(readSourceDate('2026-01-07T01:12:00-05:00')).toBe(utc(2026, 1, 7, 6, 12));
      expect(readSourceDate('2026-01-07T17:12:00+0000')).toBe(utc(2026, 1, 7, 17, 12));
      expect(readSourceDate('2025-12-31T23:30:00.000-0100')).toBe(utc(2026, 1, 1, 0, 30));
      expect(readSourceDate('2026-01-07T17:12:00.000+1801')).toBeNull();
      expect(readSourceDate('2026-02-29T10:00:00.000+0000')).toBeNull();
      expect(readSourceDate('2026-01-07T17:60:00.000+0000')).toBeNull();
      // Shapes the fast path leaves to the patterns: an hour-only offset, a lower-case z, six decimals.
      expect(readSourceDate('2026-01-07T17:12:00+01')).toBe(utc(2026, 1, 7, 16, 12));
      expect(readSourceDate('2026-01-07T17:12:00z')).toBe(utc(2026, 1, 7, 17, 12));
      expect(readSourceDate('2026-01-07T17:12:00.123456Z')).toBe(utc(2026, 1, 7, 17, 12, 0, 123));
      expect(readSourceDate('2026-01-07T17:12:00.000*0000')).toBeNull();
    });

    it('reads every ISO text of the fast shapes as the general pattern reads it (a space for the T takes the pattern)', () => {
      const pad = (n: number, width: number) => String(n).padStart(width, '0');
      const zone = fc.oneof(
        fc.constant('Z'),
        fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('', ':')).map(([sign, h, m, colon]) => `${sign}${pad(h, 2)}${colon}${pad(m, 2)}`),
      );
      const iso = fc
        .record({
          // Century years and month ends often, where a leap-year rule would go wrong.
          year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }).map((c) => c * 100)),
          month: fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constant(2)),
          day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 28, max: 31 })),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 61 }),
          second: fc.integer({ min: 0, max: 61 }),
          ms: fc.option(fc.integer({ min: 0, max: 999 })),
          zone,
        })
        .map((d) => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}T${pad(d.hour, 2)}:${pad(d.minute, 2)}:${pad(d.second, 2)}${d.ms === null ? '' : `.${pad(d.ms, 3)}`}${d.zone}`);
      fc.assert(
        fc.property(iso, (text) => {
          expect(readSourceDate(text)).toBe(readSourceDate(text.replace('T', ' ')));
        }),
        { numRuns: 20_000 },
      );
    });

    it('counts days from 1970 as Date.UTC does, leap centuries and years before 1970 included', () => {
      expect(daysFromCivil(1970, 1, 1)).toBe(0);
      expect(daysFromCivil(2000, 3, 1)).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
      expect(daysFromCivil(1900, 3, 1)).toBe(Date.UTC(1900, 2, 1) / 86_400_000);
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 99 }).map((c) => c * 100)), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
          expect(daysFromCivil(year, month, day) * 86_400_000).toBe(Date.UTC(year, month - 1, day));
        }),
        { numRuns: 20_000 },
      );
    });

    it('takes a month’s last day and refuses the day after, as the calendar Date.UTC counts in', () => {
      const pad = (n: number, width: number) => String(n).padStart(width, '0');
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const at = (day: number) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T00:00:00Z`;
          expect(readSourceDate(at(last))).not.toBeNull();
          if (last < 31) expect(readSourceDate(at(last + 1))).toBeNull();
        }),
        { numRuns: 5_000 },
      );
    });

    it('refuses a year written with a leading zero instead of moving it (0024 was stored as 1924)', () => {
      for (const text of ['0000-01-01', '0024-03-12', '0099-12-31T10:00:00Z', '0999-06-01T00:00:00.000+0000', '0024-03-12 10:00']) expect(readSourceDate(text), text).toBeNull();
      expect(readSourceDate('1000-01-01')).toBe(Date.UTC(1000, 0, 1));
      expect(readSourceDate('1924-03-12T00:00:00Z')).toBe(utc(1924, 3, 12));
    });

    it('maps two-digit years 00–69 to 2000s and 70–99 to 1900s', () => {
      expect(readSourceDate('01/Jan/69')).toBe(utc(2069, 1, 1));
      expect(readSourceDate('01/Jan/70')).toBe(utc(1970, 1, 1));
    });

    it('tells the day order only when the values prove it', () => {
      expect(guessDayOrder(['13/02/2024', '01/02/2024'])).toBe('dmy');
      expect(guessDayOrder(['02/13/2024', '01/02/2024'])).toBe('mdy');
      expect(guessDayOrder(['01/02/2024', '03/04/2024'])).toBeNull();
      expect(guessDayOrder(['13/02/2024', '02/13/2024'])).toBeNull();
      expect(dayOrderProof(['01/02/2024', '02/13/2024', '03/14/2024'])).toEqual({ order: 'mdy', value: '02/13/2024' });
      expect(dayOrderProof(['13/02/2024', '02/13/2024'])).toBeNull();
      expect(guessDayOrder(['12.03.2024', 'text'])).toBeNull();
      expect(isAmbiguousNumericDate('01/02/24')).toBe(true);
      expect(isAmbiguousNumericDate('02/02/24')).toBe(false);
      expect(isAmbiguousNumericDate('13/02/24')).toBe(false);
    });
  });
});

describe('whyDateShapedIsNoDate', () => {
  it('says which part of an ISO-shaped value does not exist', () => {
    expect(whyDateShapedIsNoDate('2024-02-31T16:00:00Z')).toBe('February 2024 has 29 days');
    expect(whyDateShapedIsNoDate('2023-02-29')).toBe('February 2023 has 28 days');
    expect(whyDateShapedIsNoDate('2024-13-01')).toBe('there is no month 13');
    expect(whyDateShapedIsNoDate('2024-03-12T25:00:00Z')).toBe('25:00:00 is not a time of day');
    expect(whyDateShapedIsNoDate('2024-03-12 10:61')).toBe('10:61 is not a time of day');
  });

  it('and of a named or numeric date, read in the file\'s order (31/Feb/24 was told to use the form 12/Mar/24)', () => {
    expect(whyDateShapedIsNoDate('31/Feb/24')).toBe('February 2024 has 29 days');
    expect(whyDateShapedIsNoDate('Apr 31, 2024')).toBe('April 2024 has 30 days');
    expect(whyDateShapedIsNoDate('12/Foo/24')).toBe('"Foo" is not a month name Interlock knows (English, German, French or Spanish)');
    expect(whyDateShapedIsNoDate('12/Mar/24 13:45 PM')).toBe('13:45 PM is not a time of day');
    expect(whyDateShapedIsNoDate('31/02/2024', 'dmy')).toBe('February 2024 has 29 days');
    expect(whyDateShapedIsNoDate('02/31/2024', 'mdy')).toBe('February 2024 has 29 days');
    expect(whyDateShapedIsNoDate('31.04.2024', 'mdy')).toBe('April 2024 has 30 days');
  });

  describe('edge cases', () => {
    it('a real date, or a value not shaped as a date, has no such reason', () => {
      expect(whyDateShapedIsNoDate('2024-02-29T23:59:59Z')).toBeNull();
      expect(whyDateShapedIsNoDate('12/Mar/24 3:45 PM')).toBeNull();
      expect(whyDateShapedIsNoDate('29/02/2024')).toBeNull();
      expect(whyDateShapedIsNoDate('soon')).toBeNull();
      // Every value it explains is one readSourceDate refuses.
      for (const raw of ['2024-02-31T16:00:00Z', '2023-02-29', '2024-13-01', '2024-03-12T25:00:00Z', '31/Feb/24', 'Apr 31, 2024', '31/02/2024']) expect(readSourceDate(raw)).toBeNull();
    });

    it('a numeric date the other order reads is left to the caller, who says to switch order', () => {
      expect(whyDateShapedIsNoDate('03/25/2024', 'dmy')).toBeNull();
      expect(whyDateShapedIsNoDate('25/03/2024', 'mdy')).toBeNull();
    });
  });
});
