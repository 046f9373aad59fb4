// How metric values read on screen: few significant digits, units always said.

import { roundForDisplay } from '../../../shared/domain/display-numbers';

// In the user's locale, like counts and dates: its digit grouping and decimal mark. No negative
// zero: a change that rounds to nothing reads "0".
const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(digits: number): Intl.NumberFormat {
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, signDisplay: 'negative' })));
  return format;
}

/** `digits` decimals at most under 100, none from 100 up; trailing zeros dropped. */
export function formatNumber(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const shown = Math.abs(n) >= 100 ? 0 : digits;
  // Rounded by the one rule the CLI and the report use too, then only laid out in the locale.
  return numberFormat(shown).format(roundForDisplay(n, shown));
}

export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '–';
  if (days > 0 && days < 1) return `${formatNumber(days * 24)} h`;
  return `${formatNumber(days)} d`;
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '–';
  if (hours >= 48) return `${formatNumber(hours / 24)} d`;
  if (hours < 1) return `${formatNumber(hours * 60, 0)} min`;
  return `${formatNumber(hours)} h`;
}

export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${formatNumber(share * 100)} %`;
}

const utcDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const utcDayYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const utcDateTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export function formatUtcDay(ms: number | string): string {
  return utcDay.format(new Date(ms));
}

export function formatUtcDate(ms: number | string): string {
  return utcDayYear.format(new Date(ms));
}

export function formatUtcDateTime(ms: number | string): string {
  return utcDateTime.format(new Date(ms));
}

/** Axis ticks for counts: whole numbers only (Victory may place ticks at 0.5). */
export function countTick(y: number): string {
  return Number.isInteger(y) ? formatNumber(y, 0) : '';
}
