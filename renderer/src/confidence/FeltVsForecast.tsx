import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { forecastText, type ForecastOdds } from '../../../shared/confidence/felt-vs-forecast';
import type { VoteDistribution } from '../../../shared/confidence/vote-distribution';

/**
 * "Felt vs forecast": the room's vote beside the odds a Monte Carlo forecast computes for the same
 * scope (the plan's odds from forecast.plan); `forecast` is null when there is no plan to forecast.
 */
export function FeltVsForecast({ distribution, forecast }: { distribution: VoteDistribution; forecast: ForecastOdds | null }) {
  // One per scope on the page: each heading needs an id of its own.
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} data-testid="felt-vs-forecast" sx={{ border: 1, borderColor: 'divider', borderStyle: forecast ? 'solid' : 'dashed', borderRadius: 1, p: 2, height: '100%' }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ mb: 1 }}>
        Felt vs forecast
      </Typography>
      <Typography variant="body1">
        <strong>Felt:</strong> median vote {distribution.median.toLocaleString(undefined, { maximumFractionDigits: 1 })} of 5; {distribution.low} of {distribution.total} voted 1 or 2.
      </Typography>
      <Typography variant="body1" color={forecast ? 'text.primary' : 'text.secondary'} sx={{ mt: 1 }}>
        {forecast ? (
          <>
            <strong>Forecast:</strong> {forecastText(forecast).replace(/^Forecast: /, '')}
          </>
        ) : (
          forecastText(null)
        )}
      </Typography>
    </Box>
  );
}
