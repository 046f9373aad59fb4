import { describe, expect, it } from 'vitest';
import type { WhenForecast } from '../../../shared/forecast/forecast-schema';
import { emptyForecastText } from '../../../renderer/src/forecast/forecast-empty-text';
import { ODDS_BANDS, oddsColor, percentText } from '../../../renderer/src/forecast/odds-style';

// What the forecast pages say beside their figures: why a histogram is empty, and the band of a probability.

const [green, orange, vermillion] = ODDS_BANDS.map((b) => b.color);

describe('oddsColor', () => {
  it('the band of the figure shown beside it', () => {
    expect([oddsColor(0.9), oddsColor(0.6), oddsColor(0.2)]).toEqual([green, orange, vermillion]);
    // 0.849 reads "85 %": green, as "85 % or more" says; 0.496 reads "50 %": orange.
    expect(percentText(0.849)).toBe('85\u00a0%');
    expect(oddsColor(0.849)).toBe(green);
    expect(oddsColor(0.496)).toBe(orange);
  });

  describe('edge cases', () => {
    it('just below a band that still rounds down stays below it; 0 and 1', () => {
      expect(oddsColor(0.8449)).toBe(orange);
      expect(oddsColor(0.4949)).toBe(vermillion);
      expect([oddsColor(0), oddsColor(1)]).toEqual([vermillion, green]);
    });
  });
});

describe('emptyForecastText', () => {
  const when = (itemsInWindow: number, items: number) => ({ items, itemsInWindow, trials: 10_000, unfinishedTrials: 10_000 }) as unknown as WhenForecast;

  it('no trial got there in ten years: says how many items were asked and what the window holds, not that it holds nothing', () => {
    expect(emptyForecastText(when(42, 5000))).toBe(
      'No trial finished 5,000 items within ten years: at the pace of the 42 items the history window holds, it takes longer. Ask for fewer items, or a team or scope that does more.',
    );
  });

  describe('edge cases', () => {
    it('a window without a finished item says so', () => {
      expect(emptyForecastText(when(0, 10))).toBe('No trial finished anything: the history window holds no finished item.');
    });
  });
});
