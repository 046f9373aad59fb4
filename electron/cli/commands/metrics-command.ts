import type { MetricsSummary } from '../../../shared/contract/metrics-channels';
import { exclusionText, type ExclusionReason } from '../../../shared/metrics/metrics-vocabulary';
import type { CliCommand } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, openToRead, checkDateOption, invokedAs, parseCliArgs, teamKeysNamed } from '../cli-support';
import { formatCalendarDate, parseCalendarDate } from '../../../shared/domain/calendar-date';
import { decimalText, plural } from '../../../shared/domain/display-numbers';

export const metricsCommand: CliCommand = {
  name: 'metrics',
  usage: 'metrics --workspace FILE [--team NAME]… [--from DATE] [--to DATE] [--dora-report 2021|2023] [--nearest-rank] [--json]',
  summary: 'Print flow and DORA figures for a window (default: the last weeks of the data).',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      workspace: { type: 'string' },
      team: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      'dora-report': { type: 'string' },
      'nearest-rank': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.workspace) throw new UsageError('--workspace FILE is required');
    for (const name of ['from', 'to'] as const) checkDateOption(values[name], name);
    const report = values['dora-report'];
    if (report !== undefined && report !== '2021' && report !== '2023') throw new UsageError(`--dora-report must be 2021 or 2023, got "${report}"`);

    await openToRead(backend, values.workspace, io);
    const options = await callOrThrow(backend, 'metrics.scopeOptions', {});
    const teamKeys = teamKeysNamed(options.teams, values.team);
    // --to alone moves the default window (its length kept) to end there; --from alone runs to the data's end.
    const window =
      values.from || values.to ? { from: values.from ?? shiftedStart(options.defaultWindow, values.to!), to: values.to ?? options.defaultWindow.to } : undefined;
    const summary = await callOrThrow(
      backend,
      'metrics.summary',
      {
        teamKeys,
        window,
        compare: 'none',
        doraReport: report,
        percentileMethod: values['nearest-rank'] ? 'nearest-rank' : undefined,
      },
      { 'window.from': '--from', 'window.to': '--to', window: '--from/--to' },
    );
    if (values.json) io.out(JSON.stringify(summary, null, 2));
    else for (const line of humanSummary(summary, invokedAs(io))) io.out(line);
    return 0;
  },
};

// Rounded as the pages round them (shared/domain/display-numbers.ts): p85 3.55 reads 3.6 in both.
const num = (n: number | null, digits = 1) => decimalText(n, digits);
const pct = (n: number | null) => (n === null ? '–' : `${decimalText(n * 100, 1)} %`);
const three = (d: { p50: number | null; p85: number | null; p95: number | null; n: number }, unit: string) =>
  d.n === 0 ? 'no data' : `p50 ${num(d.p50)} ${unit} · p85 ${num(d.p85)} ${unit} · p95 ${num(d.p95)} ${unit} (n ${d.n})`;

/** The summary as a person reads it in a terminal. */
export function humanSummary(s: MetricsSummary, invoked = 'interlock'): string[] {
  const teams = s.scope.allTeams ? 'all teams' : s.scope.teams.map((t) => t.name).join(', ') || 'no teams';
  const d = s.dora;
  const b = d.bucket;
  const bucket = (x: string | null) => (x === null ? '' : `  [${x}, DORA ${b.report}]`);
  const excluded = Object.entries(s.excluded) as [ExclusionReason, number][];
  // Without one dated fact the window is today's and every figure an empty 0: say so instead (the Flow page does).
  if (s.scope.asOf === null) {
    return [
      `Scope        ${teams}; ${s.scope.itemTypes.join(', ')}`,
      `No data      this workspace holds no delivery data yet (no dated work items, deployments or incidents): import your teams’ exports with \`${invoked} import\`.`,
    ];
  }
  return [
    `Scope        ${teams}; ${s.scope.itemTypes.join(', ')}`,
    `Window       ${s.scope.window.label} (${s.scope.window.days} days); as of ${s.scope.asOf ?? 'no data'}; percentiles: ${s.scope.percentileMethod}`,
    `Throughput   ${plural(num(s.throughputPerWeek.p50), 'item/week', 'items/week')} median (p85 ${num(s.throughputPerWeek.p85)}, ${plural(s.throughputPerWeek.n, 'full week')}); ${s.throughputPerWeek.total} done`,
    `Lead time    ${three(s.leadTimeDays, 'd')}`,
    `Cycle time   ${three(s.cycleTimeDays, 'd')}`,
    `Flow eff.    ${pct(s.flowEfficiency.portfolio)} portfolio; per item median ${pct(s.flowEfficiency.perItem.p50)} (n ${s.flowEfficiency.perItem.n})`,
    `WIP          ${s.wip.current} open at ${s.wip.at ?? '–'}; daily median ${num(s.wip.perDay.p50)}, p85 ${num(s.wip.perDay.p85)} (${plural(s.wip.perDay.n, 'day')}); ${s.wip.olderThanCycleP85} older than cycle-time p85`,
    `Dependencies ${s.dependencyAgeing.open} open (${s.dependencyAgeing.overdue} overdue), age ${three(s.dependencyAgeing.openAgeDays, 'd')}; resolved in ${three(s.dependencyAgeing.resolutionDays, 'd')}; ${pct(s.dependencyAgeing.waitingShare)} of flow time waiting on them`,
    `Deploy freq. ${num(d.deploymentFrequency.deployDaysPerWeek)} deployment days/week median; ${plural(d.deploymentFrequency.deployments, 'deployment')}${bucket(b.deploymentFrequency)}`,
    `Lead time for changes ${three(d.leadTimeForChangesHours, 'h')}, method ${d.leadTimeForChangesHours.method}${bucket(b.leadTimeForChanges)}`,
    `Change fail. ${pct(d.changeFailureRate.rate)} (${d.changeFailureRate.deploymentsWithIncident} of ${plural(d.changeFailureRate.deployments, 'deployment')})${bucket(b.changeFailureRate)}`,
    `Restore      ${three(d.timeToRestoreHours, 'h')}${bucket(b.timeToRestore)}`,
    excluded.length === 0 ? 'Excluded     nothing' : `Excluded     ${excluded.map(([reason, n]) => exclusionText(reason, n)).join('; ')}`,
  ];
}

/** The start of a window as long as `window` that ends on `to` (days in UTC, as every window is). */
function shiftedStart(window: { from: string; to: string }, to: string): string {
  return formatCalendarDate(parseCalendarDate(to)! - (parseCalendarDate(window.to)! - parseCalendarDate(window.from)!));
}
