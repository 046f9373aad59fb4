// Display formatting in the user's locale. Dates are shown in UTC, like the data, so that two
// people in different zones read the same day for the same record.

const counts = new Intl.NumberFormat(undefined);

export function formatCount(n: number): string {
  return counts.format(n);
}

/** A calendar date, e.g. "Mar 5, 2024" (the same formatter as the charts'). */
export { formatUtcDate as formatDate } from './charts/format-metrics';

/** A date and time in UTC, e.g. "Nov 14, 2026, 15:00 UTC". */
export { formatUtcDateTime as formatDateTime } from './charts/format-metrics';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
