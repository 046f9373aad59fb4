// Display formatting in the user's locale. Dates are shown in UTC, like the data, so that two
// people in different zones read the same day for the same record.

const counts = new Intl.NumberFormat(undefined);
const dates = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export function formatCount(n: number): string {
  return counts.format(n);
}

export function formatDate(iso: string): string {
  return dates.format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
