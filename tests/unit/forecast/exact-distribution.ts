// Exact answers to compare the Monte Carlo with: the total of k days, each drawn uniformly from a
// fixed list of daily throughputs, has the k-fold convolution of the list's distribution.

/** P(total of `days` draws = t) for t = 0 … max·days. */
export function sumDistribution(samples: readonly number[], days: number): Float64Array {
  const max = Math.max(0, ...samples);
  const one = new Float64Array(max + 1);
  for (const s of samples) one[s]! += 1 / samples.length;
  let pmf = Float64Array.of(1);
  for (let d = 0; d < days; d++) {
    const next = new Float64Array(pmf.length + max);
    for (let a = 0; a < pmf.length; a++) {
      if (pmf[a] === 0) continue;
      for (let b = 0; b <= max; b++) next[a + b]! += pmf[a]! * one[b]!;
    }
    pmf = next;
  }
  return pmf;
}

/** P(total ≥ n). */
export function atLeast(pmf: Float64Array, n: number): number {
  let p = 0;
  for (let t = Math.max(0, n); t < pmf.length; t++) p += pmf[t]!;
  return p;
}

/** The exact "P %: N or more": the largest N with P(total ≥ N) ≥ P. */
export function exactHowMany(samples: readonly number[], days: number, percent: number): number {
  const pmf = sumDistribution(samples, days);
  let n = 0;
  while (n + 1 < pmf.length && atLeast(pmf, n + 1) >= percent / 100 - 1e-12) n++;
  return n;
}

/** The exact "P %: within D days" for `items` items: the smallest D with P(total of D days ≥ items) ≥ P. */
export function exactWhen(samples: readonly number[], items: number, percent: number, maxDays = 1000): number {
  for (let d = 1; d <= maxDays; d++) if (atLeast(sumDistribution(samples, d), items) >= percent / 100 - 1e-12) return d;
  throw new Error('not within maxDays');
}
