// Moving through a deck while presenting: pure functions of the position and the deck's length,
// so the keys, the progress indicator and the tests agree on every edge.

export type DeckStep = 'next' | 'previous' | 'first' | 'last' | { readonly jumpTo: number };

/**
 * The slide shown after `step` from `index` (0-based) in a deck of `length` slides. Stepping past
 * either end stays at the end; a jump is to a slide number as people count (1-based) and is
 * ignored when no slide has that number. An empty deck has no position: -1.
 */
export function stepDeck(index: number, length: number, step: DeckStep): number {
  if (!Number.isInteger(length) || length <= 0) return -1;
  const here = Number.isInteger(index) ? Math.min(Math.max(index, 0), length - 1) : 0;
  if (step === 'next') return Math.min(here + 1, length - 1);
  if (step === 'previous') return Math.max(here - 1, 0);
  if (step === 'first') return 0;
  if (step === 'last') return length - 1;
  const wanted = step.jumpTo;
  return Number.isInteger(wanted) && wanted >= 1 && wanted <= length ? wanted - 1 : here;
}

/** "3 / 8", and how far through the deck that is (0–1), for the progress indicator. */
export function deckProgress(index: number, length: number): { label: string; fraction: number } {
  if (length <= 0 || index < 0) return { label: '0 / 0', fraction: 0 };
  const shown = Math.min(index, length - 1) + 1;
  return { label: `${shown} / ${length}`, fraction: shown / length };
}

/**
 * A slide number typed digit by digit ("1", "2" → slide 12). The digits typed so far and one more
 * give the new buffer; a number longer than the deck could need starts again from the new digit.
 */
export function typeSlideDigit(buffer: string, digit: string, length: number): string {
  if (!/^[0-9]$/.test(digit)) return buffer;
  const next = `${buffer}${digit}`.replace(/^0+/, '');
  const maxDigits = String(Math.max(1, length)).length;
  if (next.length > maxDigits) return digit === '0' ? '' : digit;
  return next;
}

export type TimeboxTone = 'calm' | 'ending' | 'over';

/**
 * The countdown of a timeboxed slide: "4:05" left, turning to 'ending' near the end (the last
 * fifth, at least 10 s and at most 60 s) and to 'over' once the time is up ("+0:12").
 */
export function timeboxState(elapsedMs: number, timeboxSeconds: number): { text: string; tone: TimeboxTone } {
  const total = Math.max(0, timeboxSeconds) * 1000;
  const elapsed = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  const remaining = total - elapsed;
  if (remaining <= 0) return { text: `+${clock(Math.floor(-remaining / 1000))}`, tone: 'over' };
  const ending = Math.min(60_000, Math.max(10_000, total / 5));
  return { text: clock(Math.ceil(remaining / 1000)), tone: remaining <= ending ? 'ending' : 'calm' };
}

/** 65 → "1:05"; 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
