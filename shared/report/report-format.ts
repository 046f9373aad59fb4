// Numbers and dates as the report prints them: fixed English, UTC, the same on every machine.

import { roundForDisplay } from '../domain/display-numbers';

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '–';
}

export function minute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function decimal(n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return '–';
  return roundForDisplay(n, digits).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

export function days(n: number | null): string {
  return n === null ? '–' : `${decimal(n)} d`;
}

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)} %`;
}

export { plural } from '../domain/display-numbers';
