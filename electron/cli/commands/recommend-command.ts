import { MODEL_LABELS, type CoordinationReport } from '../../../shared/coordination/report-schema';
import type { CliCommand, CliIo } from '../cli-command';
import { UsageError } from '../cli-command';
import { callOrThrow, openToRead, parseCliArgs, parseWindowDays } from '../cli-support';

/** "90d", "12w" or a bare number of days. */
/** The JSON the command prints: groups with team names, findings and congruence (and the window it covers). */
export function recommendationJson(report: CoordinationReport) {
  const name = new Map(report.teams.map((t) => [t.key, t.name]));
  const named = (keys: readonly string[]) => keys.map((k) => name.get(k) ?? k);
  return {
    window: report.window,
    groups: report.groups.map((g) => ({
      id: g.id,
      name: g.name,
      teams: named(g.teamKeys),
      teamKeys: g.teamKeys,
      role: g.role,
      coupling: Number(g.coupling.toFixed(4)),
      model: g.model,
      cues: g.cues.map((c) => ({ id: c.id, label: c.label, source: c.source, value: c.value, display: c.display, thresholds: c.thresholds })),
      reasons: g.reasons,
      whatWouldChange: g.whatWouldChange,
      confidence: g.robustness.level,
      evidence: g.evidence,
      robustness: g.robustness,
      practices: g.practices,
    })),
    findings: report.findings.map((f) => ({ ...f, teams: named(f.teamKeys) })),
    congruence: {
      ...report.congruence,
      uncoveredPairs: report.congruence.uncoveredPairs.map((p) => ({ ...p, teams: named(p.teamKeys) })),
    },
  };
}

function printHuman(report: CoordinationReport, workspaceName: string, io: CliIo): void {
  const name = new Map(report.teams.map((t) => [t.key, t.name]));
  io.out(`Coordination advice for ${workspaceName}: ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)} (${report.window.days} days)`);
  for (const g of report.groups) {
    io.out('');
    const role = g.role === 'provider' ? ' (shared provider)' : g.role === 'single' ? ' (on its own)' : ` (coupling ${g.coupling.toFixed(2)})`;
    io.out(`${MODEL_LABELS[g.model]}: ${g.name}${role} · ${g.robustness.level}`);
    io.out('  Why');
    for (const r of g.reasons) io.out(`    - ${r}`);
    if (g.role === 'group') {
      io.out('  Cues');
      for (const c of g.cues)
        io.out(`    ${c.label}: ${c.display}${c.source ? ` from ${c.source}` : ''} (${c.thresholds.map((t) => `${t.model === 'team-of-teams' ? 'ToT' : 'SoS'} ${t.display}`).join(', ')})`);
    }
    io.out(`  Evidence: ${g.evidence.summary}`);
    io.out('  What would change it');
    for (const w of g.whatWouldChange) io.out(`    - ${w}`);
    io.out(`  ${g.robustness.summary}`);
    io.out(`  Practice: ${g.practices.summary}`);
    if (g.practices.cadence) io.out(`  Cadence: ${g.practices.cadence}`);
  }
  io.out('');
  io.out(report.findings.length === 0 ? 'Findings: none' : 'Findings');
  for (const f of report.findings) {
    io.out(`  [${f.kind}] ${f.title}`);
    io.out(`    ${f.detail}`);
    io.out(`    → ${f.suggestion}`);
  }
  io.out('');
  io.out('Congruence with declared forums');
  io.out(`  ${report.congruence.summary}`);
  const uncovered = report.congruence.uncoveredPairs;
  if (report.congruence.forums.length > 0 && uncovered.length > 0) {
    io.out(`  Not covered by any forum (${uncovered.length}):`);
    for (const p of uncovered.slice(0, 10)) io.out(`    ${p.teamKeys.map((k) => name.get(k) ?? k).join(' – ')}: ${p.dependencies} dependencies`);
    if (uncovered.length > 10) io.out(`    … and ${uncovered.length - 10} more (use --json for all)`);
  }
}

export const recommendCommand: CliCommand = {
  name: 'recommend',
  usage: 'recommend --workspace FILE [--window 90d] [--json]',
  summary: 'Recommend the lightest coordination model for each group of coupled teams, with reasons.',
  async run(args, backend, io) {
    const { values, positionals } = parseCliArgs(args, {
      workspace: { type: 'string' },
      window: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const path = values.workspace ?? positionals[0];
    if (!path || positionals.length > (values.workspace ? 0 : 1)) throw new UsageError('expected --workspace FILE');
    const days = parseWindowDays(values.window);
    const summary = await openToRead(backend, path, io);
    const report = await callOrThrow(backend, 'coordination.recommend', { window: days === undefined ? undefined : { days } });
    if (values.json) io.out(JSON.stringify(recommendationJson(report), null, 2));
    else printHuman(report, summary.name, io);
    return 0;
  },
};
