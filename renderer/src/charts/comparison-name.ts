import type { ResolvedScope } from '../../../shared/metrics/report-schema';

/**
 * What the comparison window is called beside a figure: "Period before" when it is the window of
 * the same length just before, else its dates ("2026-05-01 – 2026-06-30") — dates a person chose
 * are not "the period before".
 */
export function comparisonName(scope: Pick<ResolvedScope, 'window' | 'compare'>): string {
  const { window, compare } = scope;
  if (!compare) return 'Period before';
  return compare.to === window.from && compare.days === window.days ? 'Period before' : compare.label;
}
