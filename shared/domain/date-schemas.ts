import { z } from 'zod';
import { parseCalendarDate } from './calendar-date';

// The contract's two kinds of date, as schemas. Apart from the functions that reckon with them
// (time.ts, calendar-date.ts), so that code needing only those does not load zod.

/**
 * Every instant crosses the contract as an ISO 8601 string in UTC ("…Z"), and is stored as epoch
 * milliseconds. Offsets are rejected here on purpose: importers convert to UTC at the boundary,
 * where they still know the source's zone.
 */
export const UtcTimestamp = z.iso.datetime({ message: 'expected an ISO 8601 UTC timestamp like 2024-03-12T15:45:00Z' });
export type UtcTimestamp = z.infer<typeof UtcTimestamp>;

/** A whole UTC day as people write it, "2026-08-17". */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-08-17')
  .refine((s) => parseCalendarDate(s) !== null, 'is not a real calendar date');
export type CalendarDate = z.infer<typeof CalendarDate>;
