// How a figure is rounded for display, everywhere (the pages, the CLI, the report): the number as
// written (its shortest decimal form, 3.55 for the double nearest 3.55) rounded half away from
// zero, as a reader rounds it. toFixed rounds the double's exact binary value instead, which for
// 3.55 is 3.54999…, so the CLI printed "3.5" where the page printed "3.6".

/** `n` rounded to `digits` decimals (0 to 20) as written, half away from zero; never -0. */
export function roundForDisplay(n: number, digits: number): number {
  if (!Number.isFinite(n) || n === 0) return n === 0 ? 0 : n;
  const [mantissa, exponent] = Math.abs(n).toExponential().split('e') as [string, string];
  const shifted = Number(`${mantissa}e${Number(exponent) + digits}`);
  // From 2⁵² up a double holds no fraction: there is nothing to round.
  if (shifted >= 2 ** 52) return n;
  const rounded = Number(`${Math.round(shifted)}e-${digits}`);
  return rounded === 0 ? 0 : n < 0 ? -rounded : rounded;
}

/** `n` with at most `digits` decimals, trailing zeros dropped, in fixed English ("3.6", "12", "–" for none). */
export function decimalText(n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return '–';
  const fixed = roundForDisplay(n, digits).toFixed(digits);
  return digits > 0 ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * A count and its noun, the noun singular exactly when the count reads "1" ("1 item", "0 items",
 * "1.5 items", "1,200 items"). Pass the figure already formatted when it is rounded for display,
 * so that 1.04 shown as "1" reads "1 item" too.
 */
export function plural(n: number | string, one: string, many = `${one}s`): string {
  const text = typeof n === 'number' ? n.toLocaleString('en-US') : n;
  return `${text} ${text === '1' ? one : many}`;
}
