import type { Backtest, HowManyForecast, WhenForecast } from '../../../shared/forecast/forecast-schema';
import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, parseCliArgs, parseIntegerOption, teamKeysNamed } from '../cli-support';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const forecastCommand: CliCommand = {
  name: 'forecast',
  usage: 'forecast --workspace FILE (--how-many --by DATE | --when N) [--team NAME]… [--window 84d] [--trials N] [--seed S] [--start DATE] [--business-days] [--backtest] [--json]',
  summary: 'Monte Carlo forecast from the scope’s daily throughput: how many by a date, or when N will be done.',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      workspace: { type: 'string' },
      'how-many': { type: 'boolean', default: false },
      by: { type: 'string' },
      when: { type: 'string' },
      team: { type: 'string', multiple: true },
      window: { type: 'string' },
      trials: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      'business-days': { type: 'boolean', default: false },
      backtest: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.workspace) throw new UsageError('--workspace FILE is required');
    const howMany = values['how-many'];
    if (howMany === (values.when !== undefined)) throw new UsageError('ask one question: --how-many --by DATE, or --when N');
    if (howMany && !values.by) throw new UsageError('--how-many needs --by DATE (the last day counted)');
    if (!howMany && values.by) throw new UsageError('--by goes with --how-many');
    for (const name of ['by', 'start'] as const) {
      const value = values[name];
      if (value !== undefined && !DATE.test(value)) throw new UsageError(`--${name} must be a date like 2026-12-31, got "${value}"`);
    }
    const items = parseIntegerOption(values.when, 'when');
    if (items === 0) throw new UsageError('--when needs at least 1 item');
    const windowDays = parseWindow(values.window);
    const trials = parseIntegerOption(values.trials, 'trials');
    const seed = parseIntegerOption(values.seed, 'seed');

    await callOrThrow(backend, 'workspace.open', { path: values.workspace });
    const options = await callOrThrow(backend, 'metrics.scopeOptions', {});
    const scope = {
      teamKeys: teamKeysNamed(options.teams, values.team),
      windowDays,
      trials,
      seed,
      start: values.start,
      dayKind: values['business-days'] ? ('business' as const) : ('calendar' as const),
    };
    const forecast = howMany ? await callOrThrow(backend, 'forecast.howMany', { ...scope, by: values.by! }) : await callOrThrow(backend, 'forecast.when', { ...scope, items: items! });
    const backtest = values.backtest
      ? await callOrThrow(backend, 'forecast.backtest', { ...scope, question: howMany ? { kind: 'how-many', by: values.by! } : { kind: 'when', items: items! } })
      : null;
    if (values.json) io.out(JSON.stringify(forecastJson(forecast, backtest), null, 2));
    else for (const line of humanForecast(forecast, backtest)) io.out(line);
    return 0;
  },
};

/** "84d" or "84": the number of days of history. */
function parseWindow(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)d?$/.exec(value);
  if (!match || Number(match[1]) < 1) throw new UsageError(`--window must be a number of days like 84d, got "${value}"`);
  return Number(match[1]);
}

const isHowMany = (f: HowManyForecast | WhenForecast): f is HowManyForecast => 'howMany' in f;

/** The answer with its provenance; the histogram stays in the app. */
export function forecastJson(f: HowManyForecast | WhenForecast, backtest: Backtest | null) {
  const answer = isHowMany(f) ? { howMany: f.howMany, by: f.by, days: f.days } : { when: f.when, items: f.items, daysNeeded: f.daysNeeded, unfinishedTrials: f.unfinishedTrials };
  return {
    ...answer,
    window: f.window,
    trials: f.trials,
    seed: f.seed,
    samples: f.samples,
    itemsInWindow: f.itemsInWindow,
    start: f.start,
    dayKind: f.dayKind,
    teamKeys: f.teamKeys,
    ...(backtest ? { backtest: { everyDays: backtest.everyDays, possibleRuns: backtest.possibleRuns, summary: backtest.summary, runs: backtest.runs } } : {}),
  };
}

/** The forecast as a person reads it in a terminal. */
export function humanForecast(f: HowManyForecast | WhenForecast, backtest: Backtest | null): string[] {
  const days = f.dayKind === 'business' ? 'business days' : 'calendar days';
  const lines = [
    `Scope     ${f.teamKeys === null ? 'all teams' : f.teamKeys.join(', ') || 'no teams'}; ${f.itemTypes.join(', ')}`,
    `History   ${f.window.from} – ${f.window.to} (${f.window.days} days; ${f.samples} ${days} sampled, ${f.itemsInWindow} items done)`,
    `Trials    ${f.trials.toLocaleString('en-US')}, seed ${f.seed}; the forecast starts ${f.start}`,
  ];
  if (isHowMany(f)) {
    lines.push(`How many  by ${f.by} (${f.days} ${days}): ${(['p50', 'p70', 'p85', 'p95'] as const).map((p) => `${p.slice(1)} %: ${f.howMany[p]} or more`).join(' · ')}`);
  } else {
    const when = (['p50', 'p70', 'p85', 'p95'] as const).map((p) => `${p.slice(1)} %: ${f.when[p] === null ? `not by ${f.horizon}` : `on or before ${f.when[p]}`}`);
    lines.push(`When      ${f.items} items: ${when.join(' · ')}`);
  }
  if (backtest) {
    const held = backtest.summary.map((s) => `${s.percent} %: ${s.held} of ${s.of}`).join(' · ');
    lines.push(`Backtest  held in ${held} backtests (every ${backtest.everyDays} days back${backtest.possibleRuns > backtest.runs.length ? `, newest ${backtest.runs.length} of ${backtest.possibleRuns}` : ''})`);
  }
  return lines;
}
