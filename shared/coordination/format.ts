// Numbers as the advice quotes them. A cue's value is formatted knowing the thresholds it is
// compared with, so that a value just above one never reads as equal to it ("12.3 % ≥ 12 %").

export type CueUnit = 'percent' | 'days';

function trimmed(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const text = decimals > 0 ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return text === '-0' ? '0' : text;
}

export function formatPercent(share: number, decimals = 0): string {
  return `${trimmed(share * 100, decimals)} %`;
}

export function formatDays(days: number, decimals = 1): string {
  const text = trimmed(days, decimals);
  return `${text} ${text === '1' ? 'day' : 'days'}`;
}

export function formatValue(value: number, unit: CueUnit, decimals?: number): string {
  return unit === 'percent' ? formatPercent(value, decimals ?? 0) : formatDays(value, decimals ?? 1);
}

/**
 * A cue's value as shown on its own (the cue table, "now …"): with `decimals`, or more until it reads
 * apart from every threshold it is compared with — 11.96 % never reads "12 %" beside "≥ 12 %: not
 * met". Thresholds are shown as `thresholdText` shows them (two more decimals than a value's base).
 */
export function formatApart(value: number, unit: CueUnit, thresholds: readonly number[], decimals: number): string {
  const base = unit === 'percent' ? 0 : 1;
  const shown = thresholds.map((t) => formatValue(t, unit, base + 2));
  for (let d = decimals; d <= base + 3; d++) {
    const text = formatValue(value, unit, d);
    if (thresholds.every((t, i) => t === value || text !== shown[i])) return text;
  }
  return formatValue(value, unit, Math.max(decimals, base + 3));
}

/** "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export { plural } from '../domain/display-numbers';
