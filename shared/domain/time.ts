/**
 * An instant as it crosses the contract: an ISO 8601 string in UTC ("…Z"); stored as epoch
 * milliseconds. Its schema is in date-schemas.ts, apart so that code that only reckons with
 * instants (a page's first visit among it) does not load zod.
 */
export type UtcTimestamp = string;

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
