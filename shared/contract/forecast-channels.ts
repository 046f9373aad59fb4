import { Backtest, BacktestInput, HowManyForecast, HowManyInput, WhenForecast, WhenInput } from '../forecast/forecast-schema';
import { PlanConfidence, PlanConfidenceInput } from '../forecast/plan-confidence-schema';
import { channel } from './channel';

// Monte Carlo forecasts from a scope's own daily throughput (the Flow page's scope). Read-only:
// every answer is recomputed from the workspace's data, the window and the seed, and carries them.

export const forecastChannels = {
  'forecast.howMany': channel(HowManyInput, HowManyForecast, 'How many items a scope finishes by a date, at 50/70/85/95 % confidence, with the histogram of outcomes.'),
  'forecast.when': channel(WhenInput, WhenForecast, 'When a scope will have finished N more items, at 50/70/85/95 % confidence, with the histogram of finish dates.'),
  'forecast.plan': channel(
    PlanConfidenceInput,
    PlanConfidence,
    'The odds that an increment’s plan holds: each planned item, feature and objective done by the end of its iteration (all teams in the same trial), the 85 % date, the dependency cost, each dependency line’s on-time odds, per team and for the whole increment.',
  ),
  'forecast.backtest': channel(BacktestInput, Backtest, 'The same forecast made as of every 14th day back, each checked against what then happened.'),
};
