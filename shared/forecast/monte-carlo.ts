import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { skipN } from 'pure-rand/utils/skipN';

// The Monte Carlo core: each trial draws one day's throughput at a time, uniformly and with
// replacement, from the sampled days. pure-rand's xoroshiro128+ makes every run a pure function of
// (samples, question, trials, seed): bit for bit the same answer on any machine, in any transport.

export const DEFAULT_TRIALS = 10_000;
export const MAX_TRIALS = 200_000;
/** The seed used when none is given: a fixed one, so that an unseeded question still repeats. */
export const DEFAULT_SEED = 1;
/** Seeds are 32-bit unsigned integers (the generator's seed width). */
export const MAX_SEED = 0xffff_ffff;

export type RandomGenerator = ReturnType<typeof xoroshiro128plus>;

/** Outputs dropped after seeding: xoroshiro128+ seeded with a small integer starts with a few nearly equal outputs for every seed. */
const WARM_UP = 16;

export function seededGenerator(seed: number): RandomGenerator {
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) throw new RangeError(`a seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  const rng = xoroshiro128plus(seed | 0);
  skipN(rng, WARM_UP);
  return rng;
}

/**
 * The seed's generator moved 2⁶⁴ · stream outputs ahead (xoroshiro128+'s jump): streams that never
 * overlap, so that blocks of trials can run anywhere (another thread, in any order) and still add
 * up to the same answer. Stream 0 is seededGenerator(seed).
 */
export function seededStream(seed: number, stream: number): RandomGenerator {
  if (!(Number.isInteger(stream) && stream >= 0)) throw new RangeError(`a stream is a whole number from 0, got ${stream}`);
  const rng = seededGenerator(seed);
  for (let k = 0; k < stream; k++) rng.jump();
  return rng;
}

/** 2³² and its inverse, for drawIndex and the plan's written-out copy of it (TrialDraws). */
export const TWO_32 = 4294967296;
export const INVERSE_TWO_32 = 1 / TWO_32;

/**
 * A uniform index in [0, n), n ≥ 1, exactly unbiased. This is Lemire's multiply-and-reject method
 * ("Fast random integer generation in an interval", 2019) rather than pure-rand's uniformInt, which
 * is just as unbiased but divides on every call: the plan simulation draws tens of millions of times
 * and the division was a third of its time. The rejection happens for fewer than n in 2³² draws.
 */
export function drawIndex(rng: RandomGenerator, n: number): number {
  let m = (rng.next() >>> 0) * n;
  let index = Math.floor(m * INVERSE_TWO_32);
  let low = m - index * TWO_32;
  if (low < n) {
    const threshold = TWO_32 % n;
    while (low < threshold) {
      m = (rng.next() >>> 0) * n;
      index = Math.floor(m * INVERSE_TWO_32);
      low = m - index * TWO_32;
    }
  }
  return index;
}

/** One draw: a uniformly chosen sample (0 for an empty sample list). */
export function drawSample(samples: ArrayLike<number>, rng: RandomGenerator): number {
  const n = samples.length;
  return n === 0 ? 0 : samples[n === 1 ? 0 : drawIndex(rng, n)]!;
}

function checkTrials(trials: number): void {
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= MAX_TRIALS)) throw new RangeError(`trials must be a whole number from 1 to ${MAX_TRIALS}, got ${trials}`);
}

/** Per trial, the sum of `days` draws: how many items are done in that many days. Unsorted, trial order. */
export function simulateTotals(samples: ArrayLike<number>, days: number, trials: number, seed: number): Int32Array {
  checkTrials(trials);
  const rng = seededGenerator(seed);
  const totals = new Int32Array(trials);
  const n = samples.length;
  if (n === 0 || days <= 0) return totals;
  for (let trial = 0; trial < trials; trial++) {
    let total = 0;
    for (let d = 0; d < days; d++) total += samples[drawIndex(rng, n)]!;
    totals[trial] = total;
  }
  return totals;
}

/**
 * Per trial, how many counted days it takes until `target` items are done (1 when the first day
 * suffices). A trial still short of the target after `maxDays` gets `maxDays + 1`: "not within".
 */
export function simulateDaysToFinish(samples: ArrayLike<number>, target: number, trials: number, seed: number, maxDays: number): Int32Array {
  checkTrials(trials);
  if (!(Number.isInteger(target) && target >= 1)) throw new RangeError(`the number of items must be a whole number from 1, got ${target}`);
  const rng = seededGenerator(seed);
  const days = new Int32Array(trials).fill(maxDays + 1);
  const n = samples.length;
  let best = 0;
  for (let k = 0; k < n; k++) best = Math.max(best, samples[k]!);
  // No trial can finish (only zero days, or the best day every day falls short): drawing them would
  // only cost time — seconds for a million items, tens of seconds in a backtest — for the same answer.
  if (best === 0 || best * maxDays < target) return days;
  for (let trial = 0; trial < trials; trial++) {
    let total = 0;
    for (let d = 1; d <= maxDays; d++) {
      total += samples[drawIndex(rng, n)]!;
      if (total >= target) {
        days[trial] = d;
        break;
      }
    }
  }
  return days;
}
