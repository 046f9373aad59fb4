import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { Backtest, BacktestRun } from '../../../shared/forecast/forecast-schema';
import { useChartTheme } from '../charts/chart-theme';
import { DataTable } from '../charts/DataTable';
import { levelStyle, type Level } from './ForecastHistogram';

const heldText = (held: boolean | null) => (held === null ? 'not yet known' : held ? 'held' : 'missed');
const outcome = (value: number | string | null) => (value === null ? '–' : String(value));

/** How often the same forecast, made as of earlier days, held: the calibration beside each forecast. */
export function BacktestCard({ backtest, loading, question }: { backtest: Backtest | undefined; loading: boolean; question: 'how-many' | 'when' }) {
  const t = useChartTheme();
  const style = levelStyle(t);
  return (
    <>
      <Card data-testid="forecast-backtest" component="section" aria-label="Backtest">
        <CardContent>
          <Typography variant="h3" component="h2">
            Backtest: would it have held?
          </Typography>
          <Typography variant="body2" color="text.secondary">
            The same forecast made as of every {backtest?.everyDays ?? 14}th day back, each from only the history before it, checked against what then happened.
          </Typography>
          {loading && <LinearProgress aria-label="Running the backtest" sx={{ mt: 2 }} />}
          {backtest && backtest.runs.length === 0 && (
            <Typography sx={{ mt: 2 }}>Not enough history yet: a backtest needs a full window of history before it{question === 'how-many' ? ' and the whole horizon after it' : ''}.</Typography>
          )}
          {backtest && backtest.runs.length > 0 && (
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 2, display: 'grid', gap: 1 }}>
              {backtest.summary.map((s) => {
                const level = `p${s.percent}` as Level;
                return (
                  <Box component="li" key={s.percent} data-testid={`backtest-${s.percent}`} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <Box aria-hidden sx={{ width: 22, borderTop: `3px ${style[level].dash === '2 0' ? 'solid' : 'dashed'} ${style[level].color}` }} />
                    <Typography>
                      The <strong>{s.percent} %</strong> forecast held in <strong>{s.held}</strong> of {s.of} backtests
                      {s.of > 0 ? ` (${Math.round((100 * s.held) / s.of)} %)` : ''}
                    </Typography>
                  </Box>
                );
              })}
            </Box>
          )}
          {backtest && backtest.possibleRuns > backtest.runs.length && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              The newest {backtest.runs.length} of {backtest.possibleRuns} possible backtests.
            </Typography>
          )}
        </CardContent>
      </Card>
      {backtest && backtest.runs.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <DataTable<BacktestRun>
            testId="table-backtest-runs"
            title="Backtest runs"
            description={question === 'how-many' ? 'As of each day: the forecast items, and how many were done.' : 'As of each day: the forecast dates, and when the items were done.'}
            rows={backtest.runs}
            rowKey={(r) => r.asOf}
            empty="No backtest run."
            maxHeight={300}
            dense
            columns={[
              { header: 'As of', value: (r) => r.asOf },
              { header: '85 % forecast', value: (r) => outcome(r.forecast.p85), numeric: question === 'how-many' },
              { header: 'Actual', value: (r) => outcome(r.actual), numeric: question === 'how-many' },
              { header: '85 %: held?', value: (r) => heldText(r.held.p85) },
            ]}
          />
        </Box>
      )}
    </>
  );
}
