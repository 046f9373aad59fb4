import { z } from 'zod';

/**
 * Every instant crosses the contract as an ISO 8601 string in UTC ("…Z"), and is stored as epoch
 * milliseconds. Offsets are rejected here on purpose: importers convert to UTC at the boundary,
 * where they still know the source's zone.
 */
export const UtcTimestamp = z.iso.datetime({ message: 'expected an ISO 8601 UTC timestamp like 2024-03-12T15:45:00Z' });
export type UtcTimestamp = z.infer<typeof UtcTimestamp>;

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export function toEpochMs(timestamp: UtcTimestamp): number {
  return Date.parse(timestamp);
}

export function fromEpochMs(ms: number): UtcTimestamp {
  return new Date(ms).toISOString();
}

export function fromEpochMsOrNull(ms: number | null | undefined): UtcTimestamp | null {
  return ms === null || ms === undefined ? null : fromEpochMs(ms);
}

export function toEpochMsOrNull(timestamp: UtcTimestamp | null | undefined): number | null {
  return timestamp === null || timestamp === undefined ? null : toEpochMs(timestamp);
}
