import type { DoraBucket, DoraReport } from './metrics-vocabulary';

// DORA's benchmark buckets as Apache DevLake turned the State of DevOps reports into rules
// (the reports give ranges with gaps and overlaps; DevLake closed them). The elite deployment
// frequency threshold drifted between 3, 5 and 7 days a week across versions, so it is a setting.

export interface DoraThresholds {
  readonly report: DoraReport;
  /** Median deployment days per week at or above which deployment frequency is "elite". */
  readonly eliteDeployDaysPerWeek: number;
}

const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 7 * 24;
/** Half a year of 365 days. */
const DAYS_PER_HALF_YEAR = 182.5;

/**
 * 2023: elite ≥ E deployment days a week (median week), high ≥ 1 a week, medium ≥ 1 a month
 * (median month), low otherwise. 2021: elite ≥ E a week, high ≥ 1 a month, medium ≥ 1 per six
 * months (the window's rate), low otherwise. Null when there was no deployment at all.
 */
export function deploymentFrequencyBucket(
  t: DoraThresholds,
  figures: { deployDaysPerWeek: number | null; deployDaysPerMonth: number | null; deployDays: number; windowDays: number },
): DoraBucket | null {
  if (figures.deployDays === 0) return null;
  const week = figures.deployDaysPerWeek ?? 0;
  const month = figures.deployDaysPerMonth ?? 0;
  if (week >= t.eliteDeployDaysPerWeek) return 'elite';
  if (t.report === '2023') {
    if (week >= 1) return 'high';
    if (month >= 1) return 'medium';
    return 'low';
  }
  if (month >= 1) return 'high';
  const perHalfYear = figures.windowDays > 0 ? (figures.deployDays * DAYS_PER_HALF_YEAR) / figures.windowDays : 0;
  return perHalfYear >= 1 ? 'medium' : 'low';
}

/** Median lead time for changes, hours. 2023: < 1 day, < 1 week, < 30 days. 2021: < 1 hour, < 1 week, < 6 months. */
export function leadTimeBucket(t: DoraThresholds, medianHours: number | null): DoraBucket | null {
  if (medianHours === null) return null;
  const [elite, high, medium] = t.report === '2023' ? [HOURS_PER_DAY, HOURS_PER_WEEK, 30 * HOURS_PER_DAY] : [1, HOURS_PER_WEEK, DAYS_PER_HALF_YEAR * HOURS_PER_DAY];
  return medianHours < elite ? 'elite' : medianHours < high ? 'high' : medianHours < medium ? 'medium' : 'low';
}

/** Change failure rate. 2023: ≤ 5 %, ≤ 10 %, ≤ 15 %. 2021: ≤ 15 %, ≤ 20 %, ≤ 30 %. */
export function changeFailureRateBucket(t: DoraThresholds, rate: number | null): DoraBucket | null {
  if (rate === null) return null;
  const [elite, high, medium] = t.report === '2023' ? [0.05, 0.1, 0.15] : [0.15, 0.2, 0.3];
  return rate <= elite ? 'elite' : rate <= high ? 'high' : rate <= medium ? 'medium' : 'low';
}

/** Median time to restore, hours: < 1 hour, < 1 day, < 1 week, more (both reports). */
export function timeToRestoreBucket(_t: DoraThresholds, medianHours: number | null): DoraBucket | null {
  if (medianHours === null) return null;
  return medianHours < 1 ? 'elite' : medianHours < HOURS_PER_DAY ? 'high' : medianHours < HOURS_PER_WEEK ? 'medium' : 'low';
}

/** The rules above in words, shown beside each figure so nobody has to guess what "high" meant. */
export function describeBuckets(t: DoraThresholds): Record<'deploymentFrequency' | 'leadTimeForChanges' | 'changeFailureRate' | 'timeToRestore', Record<DoraBucket, string>> {
  const e = t.eliteDeployDaysPerWeek;
  const days = (n: number) => `${n} deployment day${n === 1 ? '' : 's'}`;
  return {
    deploymentFrequency:
      t.report === '2023'
        ? { elite: `≥ ${days(e)} a week`, high: `≥ ${days(1)} a week`, medium: `≥ ${days(1)} a month`, low: `fewer than ${days(1)} a month` }
        : { elite: `≥ ${days(e)} a week`, high: `≥ ${days(1)} a month`, medium: `≥ ${days(1)} every six months`, low: `fewer than ${days(1)} every six months` },
    leadTimeForChanges:
      t.report === '2023'
        ? { elite: '< 1 day', high: '< 1 week', medium: '< 30 days', low: '≥ 30 days' }
        : { elite: '< 1 hour', high: '< 1 week', medium: '< 6 months', low: '≥ 6 months' },
    changeFailureRate:
      t.report === '2023'
        ? { elite: '≤ 5 %', high: '≤ 10 %', medium: '≤ 15 %', low: '> 15 %' }
        : { elite: '≤ 15 %', high: '≤ 20 %', medium: '≤ 30 %', low: '> 30 %' },
    timeToRestore: { elite: '< 1 hour', high: '< 1 day', medium: '< 1 week', low: '≥ 1 week' },
  };
}
