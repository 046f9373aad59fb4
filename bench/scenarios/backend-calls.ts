import { createBackend, type Backend } from '../../electron/backend/backend';
import { loadColumns, loadMetrics, readDataset, scanTables } from '../../electron/backend/metrics/metrics-dataset-loader';
import { readTeams } from '../../electron/backend/metrics/metrics-queries';
import { decodeSnapshot, SNAPSHOT_FORMAT } from '../../electron/backend/metrics/metrics-snapshot';
import { readMetricsSnapshot } from '../../electron/backend/store/queries/metrics-snapshot';
import { flowReport } from '../../electron/backend/metrics/metrics-service';
import { adviseWorkspace, readCoordinationSettings, resolveWindow } from '../../electron/backend/coordination/coordination-service';
import { loadCoordinationData } from '../../electron/backend/coordination/coordination-queries';
import { adviseCoordination, analysisRange, completionBinDays } from '../../shared/coordination/advise';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/backend/store/workspace-file';
import { contract, type ChannelInput, type ChannelName } from '../../shared/contract/contract';
import { MetricsScope } from '../../shared/contract/metrics-channels';
import { computeItemFlow } from '../../shared/metrics/item-flow';
import { figure, median, type Figure } from '../measure';
import { ADVICE_COLUMNS, FLOW_COLUMNS, timeBareOpen, timeScan } from './scans';

// The backend's answers as the app asks for them: `metrics.flow` for the Flow page's default scope
// and `coordination.recommend`, each on a freshly opened workspace (nothing cached), and opening the
// workspace itself. Each run alternates with its baseline.

/** A call's time, its CPU time and the page faults it took (first writes to fresh memory, see bench/memory-first-touch.ts). */
async function timedCall<C extends ChannelName>(backend: Backend, channel: C, input: ChannelInput<C>): Promise<{ ms: number; cpuMs: number; faults: number }> {
  const cpu = process.cpuUsage();
  const faults = process.resourceUsage().minorPageFault;
  const started = performance.now();
  const result = await backend.call(channel, input);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, faults: process.resourceUsage().minorPageFault - faults };
}

/**
 * Opens `path` in a fresh backend, times one call — the first after opening, uncached — and, when
 * `again` is given, a second call on the loaded workspace (a person changing a filter), then closes.
 */
async function coldCall<C extends ChannelName>(path: string, channel: C, input: ChannelInput<C>, again?: ChannelInput<C>): Promise<{ ms: number; cpuMs: number; faults: number; againMs: number | null }> {
  const backend = createBackend({ log: (message, error) => console.error(message, error) });
  try {
    const opened = await backend.call('workspace.open', { path });
    if (!opened.ok) throw new Error(opened.error.message);
    const first = await timedCall(backend, channel, input);
    const second = again === undefined ? null : await timedCall(backend, channel, again);
    return { ...first, againMs: second?.ms ?? null };
  } finally {
    await backend.call('workspace.close', {});
    backend.close();
  }
}

/** Where a first `metrics.flow` spends its time (one extra run, outside the timed ones). */
function flowPhases(path: string): Record<string, number> {
  const workspace = openWorkspace(path);
  try {
    const { db } = workspace;
    let t = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = now - t;
      t = now;
      return Math.round(ms);
    };
    const teams = readTeams(db);
    lap();
    scanTables(db, teams);
    const scanTablesMs = lap();
    const bytes = readMetricsSnapshot(db, SNAPSHOT_FORMAT);
    const snapshotReadMs = lap();
    if (bytes) decodeSnapshot(bytes);
    const snapshotDecodeMs = lap();
    const dataset = readDataset(db);
    const datasetFromTablesMs = lap();
    computeItemFlow(dataset);
    const itemFlowMs = lap();
    const scope = MetricsScope.parse({});
    loadMetrics(db); // fills the cache so the report below measures only its own work
    const loadFromSnapshotMs = lap();
    const report = flowReport(db, scope);
    const reportMs = lap();
    contract['metrics.flow'].output.parse(report);
    const validateMs = lap();
    return { scanTablesMs, snapshotReadMs, snapshotDecodeMs, datasetFromTablesMs, itemFlowMs, loadFromSnapshotMs, reportMs, validateMs, answerKb: Math.round(JSON.stringify(report).length / 1024), snapshotMb: Math.round((bytes?.byteLength ?? 0) / 1024 ** 2) };
  } finally {
    closeWorkspace(workspace);
  }
}

export async function measureMetrics(size: string, path: string, runs: number): Promise<Figure[]> {
  const samples: number[] = [];
  const again: number[] = [];
  const cpu: number[] = [];
  const faults: number[] = [];
  const base: number[] = [];
  for (let run = 0; run < runs; run++) {
    base.push(timeScan(path, FLOW_COLUMNS, 'js-aggregate'));
    // The import stored the snapshot, which every open reads. The second call narrows the item
    // types: a different answer, from the columns already loaded. (The first call right after an
    // import is measured by the import scenario, on the importing backend.)
    const call = await coldCall(path, 'metrics.flow', {}, { itemTypes: ['story', 'defect'] });
    samples.push(call.ms);
    again.push(call.againMs!);
    cpu.push(call.cpuMs);
    faults.push(call.faults);
  }
  const scanBaseline = { what: 'one scan of the same columns of the same rows into JavaScript (SQLite calls a JS aggregate per row)', value: median(base) };
  const loaded = figure({
    id: 'metrics-flow-loaded',
    size,
    title: 'Flow page metrics, another scope on the loaded workspace',
    unit: 'ms',
    value: median(again),
    samples: again,
    baseline: { what: 'the same scan as above', value: median(base) },
    baselineSamples: base,
    target: null,
  });
  return [figure({
    id: 'metrics-flow',
    size,
    title: 'Flow page metrics, default scope, first call after open',
    unit: 'ms',
    value: median(samples),
    samples,
    baseline: scanBaseline,
    baselineSamples: base,
    target: size === 'M' ? { text: '≤ 3× baseline and < 500 ms', maxRatio: 3, maxValue: 500 } : { text: '≤ 3× baseline', maxRatio: 3 },
    detail: {
      cpuMs: median(cpu),
      pageFaults: median(faults),
      phasesMs: flowPhases(path),
      otherScansMs: { rawIterate: timeScan(path, FLOW_COLUMNS, 'raw-iterate'), sqlOnly: timeScan(path, FLOW_COLUMNS, 'sql-only') },
    },
  }), loaded];
}

export async function measureAdvice(size: string, path: string, runs: number, teams: number, dependencies: number): Promise<Figure> {
  const samples: number[] = [];
  const cpu: number[] = [];
  const faults: number[] = [];
  const base: number[] = [];
  for (let run = 0; run < runs; run++) {
    base.push(timeScan(path, ADVICE_COLUMNS, 'raw-iterate'));
    const call = await coldCall(path, 'coordination.recommend', {});
    samples.push(call.ms);
    cpu.push(call.cpuMs);
    faults.push(call.faults);
  }
  const at500 = teams === 500 && dependencies === 50_000;
  return figure({
    id: 'coordination-advice',
    size,
    title: `Coordination advice, ${teams.toLocaleString('en-US')} teams, ${dependencies.toLocaleString('en-US')} dependencies`,
    unit: 'ms',
    value: median(samples),
    samples,
    baseline: { what: 'one scan of the dependencies table (the columns the advisor reads, .raw().iterate())', value: median(base) },
    baselineSamples: base,
    target: at500 ? { text: '< 250 ms', maxValue: 250 } : null,
    detail: { cpuMs: median(cpu), pageFaults: median(faults), phasesMs: advicePhases(path) },
  });
}

/** Loading the advisor's inputs against scoring them (one extra run), and the same call whole on a fresh open. */
function advicePhases(path: string): Record<string, number> {
  const timed = <T>(run: (db: Workspace['db']) => T): number => {
    const workspace = openWorkspace(path);
    try {
      const started = performance.now();
      run(workspace.db);
      return Math.round(performance.now() - started);
    } finally {
      closeWorkspace(workspace);
    }
  };
  const phases: Record<string, number> = {};
  timed((db) => {
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      phases[name] = Math.round(now - t);
      t = now;
    };
    loadColumns(db, { store: false });
    lap('columnsMs');
    const settings = readCoordinationSettings(db);
    const window = resolveWindow(db, settings, undefined);
    const data = loadCoordinationData(db, analysisRange(window, settings), window, completionBinDays(window, settings));
    lap('inputsMs');
    adviseCoordination(data, { window, settings });
    lap('scoreMs');
  });
  return { ...phases, totalMs: timed((db) => adviseWorkspace(db)) };
}

export function measureOpen(size: string, path: string, runs: number): Figure {
  const samples: number[] = [];
  const base: number[] = [];
  for (let run = 0; run < runs; run++) {
    base.push(timeBareOpen(path));
    const started = performance.now();
    const workspace = openWorkspace(path);
    samples.push(performance.now() - started);
    closeWorkspace(workspace);
  }
  return figure({
    id: 'workspace-open',
    size,
    title: 'Open the workspace (checks, lock, migrations)',
    unit: 'ms',
    value: median(samples),
    samples,
    baseline: { what: 'a bare better-sqlite3 connection to the same file + one query', value: median(base) },
    baselineSamples: base,
    target: size === 'M' ? { text: '< 200 ms', maxValue: 200 } : null,
  });
}
