import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatMarkdownTable, formatTable, type Figure } from './measure';
import { ensurePortfolioFiles, type PortfolioFiles } from './portfolio-files';
import { measureAdvice, measureMetrics, measureOpen } from './scenarios/backend-calls';
import { firstTouchMicroseconds } from './memory-first-touch';
import { measureImport } from './scenarios/import';
import { chromiumVersion, findChromium, measureRenderer } from './scenarios/renderer';
import { measureForecast } from './scenarios/forecast';
import { measurePlanBackend, measurePlanRenderer, writePlanWorkspace } from './scenarios/plan-board';
import type { SizeName } from './synthetic-portfolio';

// `npm run bench [-- --size large] [--only import,metrics,advice,open,renderer,plan,forecast]`
// Generates the synthetic portfolios once (bench/data/, git-ignored), measures each figure beside a
// baseline taken in the same run, prints a table and writes bench/results.json (bench/out/ holds the
// run's workspaces, a Markdown copy of the table and a screenshot of the Flow page).

const SCENARIOS = ['import', 'metrics', 'advice', 'open', 'renderer', 'plan', 'forecast'] as const;
type Scenario = (typeof SCENARIOS)[number];

function usage(message: string): never {
  process.stderr.write(`npm run bench: ${message}\nusage: npm run bench [-- --size large] [--only ${SCENARIOS.join(',')}]\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { size: { type: 'string', default: 'default' }, only: { type: 'string' } }, strict: true }).values;
} catch (error) {
  usage((error as Error).message);
}
if (args.size !== 'default' && args.size !== 'large') usage(`--size takes "large" (S, M and L) or nothing (S and M), got "${args.size}"`);
const only = args.only?.split(',').map((s) => s.trim()) ?? [...SCENARIOS];
const unknown = only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
if (unknown.length > 0) usage(`unknown scenario ${unknown.join(', ')}`);
if (only.includes('renderer') && findChromium() === null) {
  // Measured at the end of the run: say so now rather than fail after minutes of work.
  process.stderr.write('npm run bench: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH); the Flow page figures are skipped.\n');
  only.splice(only.indexOf('renderer'), 1);
}
const wants = (s: Scenario) => only.includes(s);
const partial = only.length < SCENARIOS.length;
const sizes: SizeName[] = args.size === 'large' ? ['S', 'M', 'L'] : ['S', 'M'];

/** Samples per figure: enough for a median on a noisy machine, few enough for 3 minutes on 2 cores. */
const RUNS: Record<SizeName, { import: number; backend: number; open: number }> = {
  S: { import: 3, backend: 5, open: 9 },
  M: { import: 3, backend: 5, open: 9 },
  L: { import: 3, backend: 3, open: 5 },
};

const benchStarted = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const outDir = join(import.meta.dirname, 'out');
mkdirSync(outDir, { recursive: true });
const loadAtStart = loadavg();
const firstTouchAtStart = firstTouchMicroseconds();

const figures: Figure[] = [];
const portfolios: Partial<Record<SizeName, PortfolioFiles>> = {};
// The per-size scenarios; the plan has its own workspace (bench/scenarios/plan-board.ts).
const perSize = only.some((s) => s !== 'plan' && s !== 'forecast');
for (const size of perSize ? sizes : []) {
  const files = await ensurePortfolioFiles(size, log);
  portfolios[size] = files;
  if (files.generatedSeconds !== null) log(`  wrote ${((files.csvBytes + files.jiraBytes) / 1024 ** 2).toFixed(0)} MB in ${files.generatedSeconds.toFixed(1)} s`);
  const workspace = join(outDir, `${size}.interlock`);
  const runs = RUNS[size];
  if (wants('import')) {
    const measured = await measureImport(files, outDir, { runs: runs.import, memory: size !== 'S', log });
    figures.push(...measured.figures);
  } else if (!existsSync(workspace)) {
    usage(`${workspace} is missing: run the import scenario first (it writes the workspace the others measure)`);
  }
  if (wants('metrics')) {
    log(`  metrics ${size}`);
    figures.push(...(await measureMetrics(size, workspace, runs.backend)));
  }
  if (wants('advice')) {
    log(`  coordination advice ${size}`);
    figures.push(await measureAdvice(size, workspace, runs.backend, files.teams, files.dependencies));
  }
  if (wants('open')) {
    log(`  open ${size}`);
    figures.push(measureOpen(size, workspace, runs.open));
  }
  if (wants('renderer') && size !== 'S') {
    log(`  Flow page in Chromium ${size}`);
    figures.push(...(await measureRenderer(size, workspace, { reloads: 3, screenshot: join(outDir, `flow-${size}.png`), log })));
  }
}

if (wants('plan')) {
  const planWorkspace = join(outDir, 'plan.interlock');
  log('  program board: writing the plan workspace');
  writePlanWorkspace(planWorkspace);
  figures.push(...(await measurePlanBackend(planWorkspace, 5)));
  if (findChromium() !== null) {
    log('  Plan page in Chromium');
    figures.push(...(await measurePlanRenderer(planWorkspace, { reloads: 3, moves: 5, screenshot: join(outDir, 'plan-board.png'), log })));
  }
}

if (wants('forecast')) {
  log('  forecasts: how many, plan confidence');
  figures.push(...(await measureForecast(5)));
}

const table = formatTable(figures);
process.stdout.write(`\n${table}\n\n`);
const met = figures.filter((f) => f.met === true).length;
const missed = figures.filter((f) => f.met === false);
process.stdout.write(`${met} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((f) => `${f.size} ${f.id}`).join(', ')}` : ''}.\n`);

const cpuList = cpus();
const results = {
  date: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  durationSeconds: Math.round((performance.now() - benchStarted) / 1000),
  machine: {
    cpuCount: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    node: process.version,
    /** The Chromium the Flow and Plan pages were measured in; null when the run had none. */
    chromium: chromiumVersion(),
    platform: `${process.platform} ${process.arch}`,
    totalMemoryGb: Math.round(totalmem() / 1024 ** 3),
    freeMemoryGbAtEnd: Math.round(freemem() / 1024 ** 3),
    loadAverageAtStart: loadAtStart.map((l) => Number(l.toFixed(2))),
    loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    /** µs per page fault of a first write to fresh memory (bench/memory-first-touch.ts), at the start and the end. */
    firstTouchMicroseconds: [firstTouchAtStart, firstTouchMicroseconds()],
    /** The allocator tunables this process (and the hosts and import children it starts) ran with: `npm run bench` starts it with the backend's (scripts/backend-environment.mjs). */
    glibcTunables: process.env.GLIBC_TUNABLES ?? null,
    /** The kernel's transparent huge page mode (always, madvise or never), which the tunable relies on; null off Linux. */
    transparentHugePages: transparentHugePages(),
  },
  portfolios: Object.fromEntries(
    Object.entries(portfolios).map(([size, p]) => [size, { items: p.items, transitions: p.transitions, teams: p.teams, dependencies: p.dependencies, csvBytes: p.csvBytes, jiraBytes: p.jiraBytes, jiraFiles: p.jira.length }]),
  ),
  summary: { targetsMet: met, targetsMissed: missed.map((f) => `${f.size} ${f.id}`) },
  figures: figures.map((f) => ({ ...f, value: round(f.value), ratio: f.ratio === null ? null : Number(f.ratio.toFixed(3)), baseline: f.baseline && { ...f.baseline, value: round(f.baseline.value) }, samples: f.samples?.map(round), baselineSamples: f.baselineSamples?.map(round) })),
};
function transparentHugePages(): string | null {
  try {
    return /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}
function round(n: number): number {
  return Number(n.toFixed(n < 10 ? 2 : 1));
}
const resultsPath = partial ? join(outDir, 'results-partial.json') : join(import.meta.dirname, 'results.json');
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(outDir, 'results.md'), `${formatMarkdownTable(figures)}\n`);
log(`wrote ${resultsPath} and ${join(outDir, 'results.md')}`);
