/** "2026-08-17" → its 00:00 UTC, or null when it is not a real date. */
export function parseCalendarDate(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? ms : null;
}

export function formatCalendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
