import type { HowManyForecast, WhenForecast } from '../../../shared/forecast/forecast-schema';

/** Why a forecast's histogram has no bars: no finished item to sample, or none of the trials got there within the ten simulated years. */
export function emptyForecastText(forecast: HowManyForecast | WhenForecast): string {
  if (forecast.itemsInWindow === 0) return 'No trial finished anything: the history window holds no finished item.';
  if ('howMany' in forecast) return 'No trial gave a number of items.';
  return `No trial finished ${forecast.items.toLocaleString('en-US')} items within ten years: at the pace of the ${forecast.itemsInWindow.toLocaleString('en-US')} items the history window holds, it takes longer. Ask for fewer items, or a team or scope that does more.`;
}
