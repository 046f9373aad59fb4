import type { ResolvedScope } from '../../../shared/metrics/report-schema';
import { formatUtcDate } from './format-metrics';

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

/**
 * What a tile says of the comparison window instead of its figure when that window ends before the
 * data begins ("no data before Feb 1, 2025"): its empty figures ("0 items", "–") are no measurement.
 */
export function comparisonWithoutData(scope: Pick<ResolvedScope, 'compare' | 'dataFrom'>): string | null {
  const { compare, dataFrom } = scope;
  if (!compare || dataFrom === null || Date.parse(compare.to) > Date.parse(dataFrom)) return null;
  return `no data before ${formatUtcDate(dataFrom)}`;
}

/** A tile's comparison value: none without a comparison window, the words above when it holds no data, else `shown`. */
export function comparisonShown<T>(report: { scope: Pick<ResolvedScope, 'compare' | 'dataFrom'>; previous: T | null }, shown: (previous: T) => string): string | null {
  return report.previous === null ? null : (comparisonWithoutData(report.scope) ?? shown(report.previous));
}
