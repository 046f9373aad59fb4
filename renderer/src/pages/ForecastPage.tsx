import { ForecastPanel } from '../forecast/ForecastPanel';
import { PageHeader } from '../layout/PageHeader';

/** The forecasts on a page of their own (until they join the Plan page). */
export function ForecastPage() {
  return (
    <>
      <PageHeader title="Forecast" subtitle="How many items by a date, or when N will be done: Monte Carlo trials of the scope’s own daily throughput, zero days included." />
      <ForecastPanel />
    </>
  );
}
