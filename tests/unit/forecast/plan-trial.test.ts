import { describe, expect, it } from 'vitest';
import { drawIndex, seededStream } from '../../../shared/forecast/monte-carlo';
import { TrialDraws } from '../../../shared/forecast/plan-trial';

// TrialDraws' written-out generator against pure-rand's next() and drawIndex.

describe('TrialDraws', () => {
  it('gives each team, day after day, the sample pure-rand’s generator and drawIndex give, in the order the days are asked for', () => {
    const samples = [Int32Array.from([0, 1, 2, 5, 0, 3, 1]), Int32Array.from([4]), Int32Array.from([]), Int32Array.from([7, 0, 9])];
    const countedDay = Uint8Array.from({ length: 60 }, (_, d) => (d % 7 === 5 || d % 7 === 6 ? 0 : 1));
    const draws = new TrialDraws(samples, countedDay, seededStream(42, 3));
    const reference = seededStream(42, 3);
    const expected: number[][] = samples.map(() => []);
    const drawUpTo = (team: number, to: number) => {
      const s = samples[team]!;
      for (let d = expected[team]!.length; d < to; d++) {
        expected[team]!.push(countedDay[d] && s.length > 0 ? s[s.length === 1 ? 0 : drawIndex(reference, s.length)]! : 0);
      }
    };
    // Teams ask in an irregular order, as the runs do; each call draws 8 days ahead of the day asked.
    const asks: [number, number][] = [[0, 0], [3, 0], [0, 9], [1, 2], [3, 20], [0, 30], [2, 5], [3, 40], [0, 59]];
    for (const [team, day] of asks) {
      const got = draws.draw(team, day);
      drawUpTo(team, Math.min(60, day + 8));
      expect(got).toBe(expected[team]![day]);
    }
    for (let team = 0; team < samples.length; team++) {
      for (let day = 0; day < draws.drawnUpTo[team]!; day++) {
        expect(draws.drawn[day * samples.length + team]).toBe(expected[team]![day]);
      }
    }
    // And the generator is left where pure-rand's is: the next draws agree too.
    const last = draws.draw(3, 59);
    drawUpTo(3, 60);
    expect(last).toBe(expected[3]![59]);
    expect(Array.from({ length: 60 }, (_, d) => draws.drawn[d * samples.length + 3])).toEqual(expected[3]);
  });

  describe('edge cases', () => {
    it('a team without samples draws zeros and uses no randomness; a team with one sample always draws it', () => {
      const countedDay = new Uint8Array(10).fill(1);
      const draws = new TrialDraws([Int32Array.from([]), Int32Array.from([3]), Int32Array.from([1, 2])], countedDay, seededStream(7, 0));
      expect([draws.draw(0, 0), draws.draw(1, 9)]).toEqual([0, 3]);
      const reference = seededStream(7, 0);
      expect(draws.draw(2, 0)).toBe([1, 2][drawIndex(reference, 2)]);
    });
  });
});
