import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CasinoIcon from '@mui/icons-material/CasinoOutlined';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_SEED, MAX_TRIALS } from '../../../shared/forecast/monte-carlo';
import type { HowManyForecast, WhenForecast } from '../../../shared/forecast/forecast-schema';
import { startInDataNote } from '../../../shared/forecast/forecast-start';
import { DEFAULT_HISTORY_DAYS } from '../../../shared/forecast/throughput-history';
import { useChannelQuery } from '../api/channel-hooks';
import { FigureTile } from '../charts/FigureTile';
import { formatUtcDate } from '../charts/format-metrics';
import { ErrorNotice } from '../layout/ErrorNotice';
import { useViewParams } from '../layout/view-params';
import { ScopeFilters } from '../flow/ScopeFilters';
import { DEFAULT_TEAM_PICKERS, pickerWanted, selectionsResolved, teamKeysFor, usePickerOptions, type ScopeState } from '../flow/scope-state';
import { BacktestCard } from './BacktestCard';
import { ForecastHistogram, LEVELS } from './ForecastHistogram';
import { dayAfterData, DEFAULT_ITEMS, defaultBy, defaultHistoryWindow, forecastParams, forecastScopeInput, forecastViewFromParams, scopeStateOf, type ForecastView, type Question } from './forecast-view';

const wholeNumber = (text: string, min: number, max: number) => (/^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : null);

/** A new seed for "Run again with another seed": any 32-bit number, from the browser's generator. */
function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** "Sources: 2026-08-24 – 2026-11-15 (84 days, 203 items) · 10,000 trials · seed 1 · from 2026-11-16". */
function Provenance({ f }: { f: HowManyForecast | WhenForecast }) {
  const days = f.dayKind === 'business' ? 'business days' : 'days';
  return (
    <Typography variant="body2" color="text.secondary" data-testid="forecast-provenance" sx={{ mt: 1 }}>
      {`History ${f.window.from} – ${f.window.to}: ${f.samples} ${days} sampled, ${f.itemsInWindow} items done · ${f.trials.toLocaleString('en-US')} trials · seed ${f.seed} · forecast from ${f.start}`}
    </Typography>
  );
}

/** A start typed on or before the data's last day: said before the answers it makes meaningless. */
function StartInData({ start, dataLastDay }: { start: string; dataLastDay: string }) {
  const note = startInDataNote(start, dataLastDay);
  if (note === null) return null;
  return (
    <Alert severity="warning" data-testid="forecast-start-in-data" sx={{ mb: 2 }}>
      {note}
    </Alert>
  );
}

/** The four answers, each read the way it is meant: "85 %: 27 items or more", "85 %: on or before …". */
function Answers({ f }: { f: HowManyForecast | WhenForecast }) {
  return (
    <Grid container spacing={2} sx={{ mb: 2 }}>
      {LEVELS.map((level) => {
        const percent = level.slice(1);
        const value = 'howMany' in f ? `${f.howMany[level]} items` : f.when[level] === null ? 'not in 10 years' : formatUtcDate(`${f.when[level]}T00:00:00Z`);
        const detail = 'howMany' in f ? `or more, in at least ${percent} % of trials` : f.when[level] === null ? `fewer than ${percent} % of trials finish by ${f.horizon}` : `or sooner, in at least ${percent} % of trials`;
        return (
          <Grid key={level} size={{ xs: 12, sm: 6, lg: 3 }}>
            <FigureTile testId={`forecast-${level}`} label={`${percent} % sure`} value={value} detail={detail} />
          </Grid>
        );
      })}
    </Grid>
  );
}

/**
 * Monte Carlo forecasts for a scope (the Flow page's pickers): how many items by a date, or when N
 * items will be done, with the histogram of outcomes, the provenance and the backtest beside it.
 * Everything it shows is in the address, the seed included.
 */
export function ForecastPanel() {
  const [params, setParams] = useViewParams();
  const view = forecastViewFromParams(params);
  const update = (patch: Partial<ForecastView>) => setParams(forecastParams(patch));
  const options = useChannelQuery('metrics.scopeOptions', {});
  const asOf = options.data?.asOf ?? null;
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const pickers = usePickerOptions(DEFAULT_TEAM_PICKERS, (id) => pickerWanted(id, opened, view.selections));
  const scope = forecastScopeInput(view, teamKeysFor(pickers, view.selections));
  const by = view.by ?? defaultBy(asOf);
  const items = view.items ?? DEFAULT_ITEMS;
  const ready = asOf !== null && selectionsResolved(pickers, view.selections);
  const howMany = useChannelQuery('forecast.howMany', { ...scope, by: by ?? '' }, { enabled: ready && view.question === 'how-many' && by !== null, placeholderData: keepPreviousData });
  const when = useChannelQuery('forecast.when', { ...scope, items }, { enabled: ready && view.question === 'when', placeholderData: keepPreviousData });
  const question = view.question === 'how-many' ? ({ kind: 'how-many', by: by ?? '' } as const) : ({ kind: 'when', items } as const);
  const backtest = useChannelQuery('forecast.backtest', { ...scope, question }, { enabled: ready && (view.question === 'when' || by !== null), placeholderData: keepPreviousData });
  const answer = view.question === 'how-many' ? howMany : when;
  const forecast = answer.data;

  const onScope = (patch: Partial<ScopeState>) =>
    update({
      ...('selections' in patch ? { selections: patch.selections } : {}),
      ...('itemTypes' in patch ? { itemTypes: patch.itemTypes } : {}),
      ...('window' in patch ? { window: patch.window } : {}),
    });
  const historyDefault = defaultHistoryWindow(asOf, view.windowDays ?? DEFAULT_HISTORY_DAYS);
  return (
    <Box data-testid="forecast-panel">
      {options.data && historyDefault && (
        <ScopeFilters
          pickers={pickers}
          state={scopeStateOf(view)}
          onChange={onScope}
          onOpenPicker={(id) => !opened.has(id) && setOpened(new Set([...opened, id]))}
          options={options.data}
          comparison={false}
          defaultWindow={historyDefault}
          windowLabels={{ from: 'History from', to: 'History to' }}
        />
      )}
      <Paper variant="outlined" component="section" aria-label="Question" sx={{ p: 2, mb: 3 }}>
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
          <ToggleButtonGroup size="small" exclusive value={view.question} onChange={(_e, q: Question | null) => q && update({ question: q })} aria-label="Question">
            <ToggleButton value="how-many">How many by a date</ToggleButton>
            <ToggleButton value="when">When will N be done</ToggleButton>
          </ToggleButtonGroup>
          {view.question === 'how-many' ? (
            <TextField
              size="small"
              type="date"
              label="By (included)"
              value={by ?? ''}
              onChange={(e) => e.target.value && update({ by: e.target.value })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'forecast-by' } }}
            />
          ) : (
            <TextField
              size="small"
              type="number"
              label="Items"
              value={items}
              onChange={(e) => update({ items: wholeNumber(e.target.value, 1, 1_000_000) ?? DEFAULT_ITEMS })}
              slotProps={{ htmlInput: { min: 1, 'data-testid': 'forecast-items' } }}
              sx={{ width: 110 }}
            />
          )}
          <TextField
            size="small"
            type="date"
            label="Start"
            value={view.start ?? dayAfterData(asOf) ?? ''}
            onChange={(e) => update({ start: e.target.value || null })}
            helperText={view.start ? undefined : 'the day after the data'}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            type="number"
            label="Trials"
            value={view.trials ?? DEFAULT_TRIALS}
            onChange={(e) => update({ trials: wholeNumber(e.target.value, 1, MAX_TRIALS) })}
            slotProps={{ htmlInput: { min: 1, max: MAX_TRIALS, step: 1000 } }}
            sx={{ width: 120 }}
          />
          <TextField
            size="small"
            type="number"
            label="Seed"
            value={view.seed ?? DEFAULT_SEED}
            onChange={(e) => update({ seed: wholeNumber(e.target.value, 0, MAX_SEED) })}
            slotProps={{ htmlInput: { min: 0, max: MAX_SEED, 'data-testid': 'forecast-seed' } }}
            sx={{ width: 140 }}
          />
          <Tooltip title="Run the same forecast again with another seed: how much the answer moves is the sampling error">
            <Button size="small" startIcon={<CasinoIcon />} onClick={() => update({ seed: freshSeed() })}>
              Another seed
            </Button>
          </Tooltip>
          <Tooltip title="Count Monday to Friday only, in the history sampled and in the days ahead">
            <FormControlLabel control={<Switch checked={view.business} onChange={(e) => update({ business: e.target.checked })} />} label="Business days" />
          </Tooltip>
        </Stack>
      </Paper>
      {options.data && options.data.asOf === null && (
        <Typography color="text.secondary" sx={{ my: 4 }}>
          This workspace holds no delivery data yet: import your teams’ exports on the Import page.
        </Typography>
      )}
      {answer.isFetching && <LinearProgress aria-label="Running the forecast" sx={{ mb: 2 }} />}
      <ErrorNotice title="The forecast could not be made" error={answer.error ?? options.error} />
      {forecast && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <StartInData start={forecast.start} dataLastDay={forecast.dataLastDay} />
            <Answers f={forecast} />
            <Box>
              <ForecastHistogram forecast={forecast} />
            </Box>
            <Provenance f={forecast} />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <ErrorNotice title="The backtest could not be run" error={backtest.error} />
            <BacktestCard backtest={backtest.data} loading={backtest.isFetching} question={view.question} />
          </Grid>
        </Grid>
      )}
    </Box>
  );
}
