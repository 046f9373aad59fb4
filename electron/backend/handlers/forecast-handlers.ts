import type { forecastChannels } from '../../../shared/contract/forecast-channels';
import { forecastBacktest, forecastHowMany, forecastPlan, forecastWhen } from '../forecast/forecast-service';
import type { HandlerMap } from './handler-types';

export const forecastHandlers: HandlerMap<typeof forecastChannels> = {
  'forecast.howMany': (input, { session }) => forecastHowMany(session.require().db, input),
  'forecast.when': (input, { session }) => forecastWhen(session.require().db, input),
  'forecast.plan': (input, { session, planThreads }) => forecastPlan(session.require().db, input, planThreads),
  'forecast.backtest': (input, { session }) => forecastBacktest(session.require().db, input),
};
