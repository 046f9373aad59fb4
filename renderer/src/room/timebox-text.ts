import { DECK_LIMITS } from '../../../shared/room/deck-limits';

/**
 * A timebox as people type it: "5" or "2.5" minutes, or "4:30" minutes and seconds. '' is no
 * timebox (null); anything else, zero, or more than a day is not a timebox (undefined).
 */
export function parseTimebox(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  let seconds: number;
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(t);
  if (clock) seconds = Number(clock[1]) * 60 + Number(clock[2]);
  else if (/^\d{1,4}([.,]\d+)?$/.test(t)) seconds = Math.round(Number(t.replace(',', '.')) * 60);
  else return undefined;
  return seconds >= 1 && seconds <= DECK_LIMITS.timeboxSeconds ? seconds : undefined;
}

/** The way parseTimebox reads it back: 300 → "5", 270 → "4:30", null → "". */
export function formatTimebox(seconds: number | null): string {
  if (seconds === null) return '';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? String(m) : `${m}:${String(s).padStart(2, '0')}`;
}
