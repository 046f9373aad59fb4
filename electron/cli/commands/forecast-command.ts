import { planStartText, startInDataNote } from '../../../shared/forecast/forecast-start';
import { MAX_FORECAST_DAYS, type Backtest, type HowManyForecast, type WhenForecast } from '../../../shared/forecast/forecast-schema';
import type { PlanConfidence } from '../../../shared/forecast/plan-confidence-schema';
import { p85Text, shownDependencyCost, teamsWithoutThroughputNote, unplannedCommittedNote, unplannedItemsNote } from '../../../shared/forecast/plan-odds-shown';
import { dependencyKeyText, displayKey } from '../../../shared/planning/local-keys';
import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, openToRead, checkDateOption, parseCliArgs, parseIntegerOption, parseWindowDays, teamKeysNamed } from '../cli-support';


export const forecastCommand: CliCommand = {
  name: 'forecast',
  usage: 'forecast --workspace FILE ((--how-many --by DATE | --when N) [--team NAME]… [--backtest] | --plan INCREMENT) [--window 84d] [--trials N] [--seed S] [--start DATE] [--business-days] [--json]',
  summary: 'Monte Carlo forecast from daily throughput: how many by a date, when N will be done, or the odds that an increment’s plan holds.',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      workspace: { type: 'string' },
      'how-many': { type: 'boolean', default: false },
      by: { type: 'string' },
      when: { type: 'string' },
      plan: { type: 'string' },
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
    if ([howMany, values.when !== undefined, values.plan !== undefined].filter(Boolean).length !== 1) throw new UsageError('ask one question: --how-many --by DATE, --when N, or --plan INCREMENT');
    if (values.plan !== undefined) return runPlan(values, backend, io);
    if (howMany && !values.by) throw new UsageError('--how-many needs --by DATE (the last day counted)');
    if (!howMany && values.by) throw new UsageError('--by goes with --how-many');
    for (const name of ['by', 'start'] as const) checkDateOption(values[name], name);
    const items = parseIntegerOption(values.when, 'when');
    if (items === 0) throw new UsageError('--when needs at least 1 item');
    const windowDays = parseWindowDays(values.window, 1, MAX_FORECAST_DAYS);
    const trials = parseIntegerOption(values.trials, 'trials');
    const seed = parseIntegerOption(values.seed, 'seed');

    await openToRead(backend, values.workspace, io);
    const options = await callOrThrow(backend, 'metrics.scopeOptions', {});
    const scope = {
      teamKeys: teamKeysNamed(options.teams, values.team),
      windowDays,
      trials,
      seed,
      start: values.start,
      dayKind: values['business-days'] ? ('business' as const) : ('calendar' as const),
    };
    const forecast = howMany
      ? await callOrThrow(backend, 'forecast.howMany', { ...scope, by: values.by! }, FORECAST_OPTIONS)
      : await callOrThrow(backend, 'forecast.when', { ...scope, items: items! }, FORECAST_OPTIONS);
    const backtest = values.backtest
      ? await callOrThrow(backend, 'forecast.backtest', { ...scope, question: howMany ? { kind: 'how-many', by: values.by! } : { kind: 'when', items: items! } }, FORECAST_OPTIONS)
      : null;
    if (values.json) {
      io.out(JSON.stringify(forecastJson(forecast, backtest), null, 2));
      // Said on stderr beside the JSON, as the text output says it among its lines.
      const past = startInDataNote(forecast.start, forecast.dataLastDay);
      if (past !== null) io.err(past);
    } else for (const line of humanForecast(forecast, backtest)) io.out(line);
    return 0;
  },
};

const FORECAST_OPTIONS = {
  by: '--by',
  'question.by': '--by',
  items: '--when',
  'question.items': '--when',
  windowDays: '--window',
  trials: '--trials',
  seed: '--seed',
  start: '--start',
  increment: '--plan',
} as const;

type ForecastValues = { workspace?: string; plan?: string; team?: string[]; window?: string; trials?: string; seed?: string; start?: string; by?: string; backtest?: boolean; json?: boolean; 'business-days'?: boolean };

/** --plan INCREMENT: the odds of every planned item, feature and objective. */
async function runPlan(values: ForecastValues, backend: Parameters<CliCommand['run']>[1], io: Parameters<CliCommand['run']>[2]): Promise<number> {
  if (values.by !== undefined || values.backtest) throw new UsageError('--plan takes no --by and no --backtest');
  if (values.team !== undefined) throw new UsageError('--plan covers every team of the increment; --team does not apply');
  checkDateOption(values.start, 'start');
  const input = {
    increment: values.plan,
    windowDays: parseWindowDays(values.window, 1, MAX_FORECAST_DAYS),
    trials: parseIntegerOption(values.trials, 'trials'),
    seed: parseIntegerOption(values.seed, 'seed'),
    start: values.start,
    dayKind: values['business-days'] ? ('business' as const) : ('calendar' as const),
  };
  await openToRead(backend, values.workspace!, io);
  const confidence = await callOrThrow(backend, 'forecast.plan', input, FORECAST_OPTIONS);
  if (values.json) {
    io.out(JSON.stringify(planJson(confidence), null, 2));
    const past = startInDataNote(confidence.provenance.start, confidence.provenance.dataLastDay);
    if (past !== null) io.err(past);
  }
  else for (const line of humanPlan(confidence)) io.out(line);
  return 0;
}

const planRow = (kind: 'item' | 'feature' | 'objective') => (o: PlanConfidence['items'][number] | PlanConfidence['features'][number] | PlanConfidence['objectives'][number]) => ({
  kind,
  key: o.key,
  title: o.title,
  due: o.due,
  probability: o.probability,
  p85Date: o.p85Date,
  ...('done' in o ? { done: o.done } : {}),
  dependencyCost: o.dependencyCost,
  costliestDependency: o.costliestDependency?.key ?? null,
  ...('suggestUncommitted' in o ? { committed: o.committed, suggestUncommitted: o.suggestUncommitted, unplannedItemKeys: o.unplannedItemKeys } : {}),
});

/** Per item, feature and objective `{key, probability, p85Date, dependencyCost}`, with the increment's and the teams' odds and the provenance. */
export function planJson(c: PlanConfidence) {
  return {
    increment: c.increment,
    allPlannedDone: c.allPlannedDone,
    expectedCommittedMet: c.expectedCommittedMet,
    items: c.items.map(planRow('item')),
    features: c.features.map(planRow('feature')),
    objectives: c.objectives.map(planRow('objective')),
    dependencies: c.dependencies,
    teams: c.teams,
    suggestedUncommitted: c.suggestedUncommitted,
    ignoredDependencies: c.ignoredDependencies,
    ...c.provenance,
  };
}

const percent = (p: number | null) => (p === null ? '–' : `${Math.round(p * 100)} %`);

/** Committed objectives with no planned work have no odds, so the mean leaves them out: said beside it. */
function unplannedCommitted(c: PlanConfidence): string {
  const note = unplannedCommittedNote(c.objectives);
  return note === null ? '' : ` (${note})`;
}

/** The plan's odds as a person reads them in a terminal: the increment, then objectives, features and items. */
export function humanPlan(c: PlanConfidence): string[] {
  const p = c.provenance;
  const lines = [
    `Increment ${c.increment.name} (${c.increment.start} – ${c.increment.end}): all planned work done ${percent(c.allPlannedDone)}; committed objectives expected met ${percent(c.expectedCommittedMet)}${unplannedCommitted(c)}`,
    `History   ${p.window.from} – ${p.window.to} (${p.window.days} days) per team · ${p.trials.toLocaleString('en-US')} trials · seed ${p.seed} · ${planStartText(p.start, p.startFrom)}`,
  ];
  // Keys as the app shows them (a key made in Interlock reads "New-3"), each row ending with its title.
  const row = (o: ReturnType<ReturnType<typeof planRow>>) => {
    const key = displayKey(o.key).padEnd(14);
    const title = ` — ${o.title.length > 60 ? `${o.title.slice(0, 59)}…` : o.title}`;
    if (o.probability === null) return `  ${key} ${'–'.padStart(5)} no work planned in this increment${title}`;
    const cost = shownDependencyCost(o, p.trials);
    const costliest = o.costliestDependency ? ` (most: ${dependencyKeyText(o.costliestDependency)})` : '';
    const p85 = p85Text(o);
    const reached = o.p85Date === null ? (o.done ? 'done before the forecast starts' : `85 % ${p85}`) : `85 % by ${p85}`;
    return `  ${key} ${percent(o.probability).padStart(5)} by ${o.due} · ${reached}${cost !== null ? ` · dependencies cost ${percent(cost)}${costliest}` : ''}${o.suggestUncommitted ? ' · suggest uncommitted' : ''}${o.unplannedItemKeys?.length ? ` · ${unplannedItemsNote(o.unplannedItemKeys.length)}` : ''}${title}`;
  };
  // Lowest odds first, as the app's tables; then by key, numbers in keys read as numbers.
  const byOdds = (rows: ReturnType<ReturnType<typeof planRow>>[]) =>
    [...rows].sort((a, b) => (a.probability ?? 2) - (b.probability ?? 2) || a.key.localeCompare(b.key, 'en', { numeric: true }));
  for (const [title, rows] of [['Objectives', c.objectives.map(planRow('objective'))], ['Features', c.features.map(planRow('feature'))], ['Items', c.items.map(planRow('item'))]] as const) {
    if (rows.length === 0) continue;
    lines.push(`${title}:`, ...byOdds(rows).map(row));
  }
  const idle = teamsWithoutThroughputNote(c.teams);
  if (idle !== null) lines.splice(2, 0, `Note      ${idle}`);
  const past = startInDataNote(p.start, p.dataLastDay);
  if (past !== null) lines.splice(2, 0, `Note      ${past}`);
  if (c.ignoredDependencies.length > 0) lines.push(`Not simulated: ${c.ignoredDependencies.map((d) => `${dependencyKeyText(d.key)} (${d.reason})`).join(', ')}`);
  return lines;
}

/** "84d" or "84": the number of days of history. */
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
  const past = startInDataNote(f.start, f.dataLastDay);
  if (past !== null) lines.push(`Note      ${past}`);
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
