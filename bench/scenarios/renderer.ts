import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildRenderer, rendererBuildIsStale } from '../../electron/host/renderer-build';
import { startHostProcess } from '../../tests/support/host-process';
import { MAX_CHART_MARKS } from '../../shared/metrics/metrics-vocabulary';
import { outsideEnvironment } from '../../scripts/backend-environment.mjs';
import { figure, median, type Figure } from '../measure';

// The Flow page in the browser host, read by Playwright in Debian's Chromium: time from navigation
// to the page's `interlock:flow-charts-drawn` mark (set once every chart has drawn its SVG and the
// browser has painted), and how many SVG elements each chart holds.

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
const MARK = 'interlock:flow-charts-drawn';
/** Chromium's flags on these machines (see playwright.config.ts). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Chromium's environment: a browser as a person runs it, without the allocator tunable the bench's
 * own process starts with as a backend process (scripts/backend-environment.mjs).
 */
export function browserEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(outsideEnvironment(process.env)).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Debian's Chromium (or CHROMIUM_PATH); null when neither is there. */
export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * The version of the Chromium the browser figures ran in ("150.0.7871.100"), or null: a first visit
 * moved by half a second between two Debian builds of it on one machine, so a run names its own.
 */
export function chromiumVersion(): string | null {
  const path = findChromium();
  if (path === null) return null;
  try {
    return /(\d+(?:\.\d+){1,3})/.exec(execFileSync(path, ['--version'], { encoding: 'utf8', env: browserEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] }))?.[1] ?? null;
  } catch {
    return null;
  }
}

function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error('no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH');
  return path;
}

/**
 * A new page of its own (a new browser context: nothing cached from an earlier visit), opened
 * before the host it will visit starts. Playwright opens each context's page in a window of its
 * own, and Chromium builds that window's own pages as it opens (its address bar's suggestion
 * popup, two WebUI pages: ≈ 0.5 s of CPU). Opened at the moment of navigation, they would share
 * this 2-core machine with the very visit measured; a person's browser window is already open
 * when they visit the address `npm start` prints.
 */
export async function openWindow(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
}

interface Visit {
  drawnMs: number;
  loadMs: number;
  elements: Record<string, number>;
  paths: Record<string, number>;
}

// The functions below run in the page. They declare no named inner functions: tsx would wrap
// those in a `__name` helper that exists only in Node (and the page's CSP forbids string eval).
async function readVisit(page: Page): Promise<Visit> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 120_000, polling: 20 });
  return page.evaluate((mark) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const elements: Record<string, number> = {};
    const paths: Record<string, number> = {};
    for (const chart of Array.from(document.querySelectorAll<HTMLElement>('[data-chart]'))) {
      elements[chart.dataset.chart!] = chart.querySelectorAll('svg *').length;
      paths[chart.dataset.chart!] = chart.querySelectorAll('svg path').length;
    }
    return { drawnMs: performance.getEntriesByName(mark)[0]!.startTime, loadMs: nav.loadEventEnd, elements, paths };
  }, MARK);
}

export async function measureRenderer(size: string, workspace: string, options: { reloads: number; screenshot: string; log: (line: string) => void }): Promise<Figure[]> {
  if (rendererBuildIsStale(PROJECT_ROOT)) {
    options.log('  building the renderer (its sources are newer than dist/renderer)…');
    await buildRenderer(PROJECT_ROOT);
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, env: browserEnvironment() });
  // First visits: each on a host just started, whose backend holds nothing in memory yet. The
  // window is opened before the host starts (see openWindow).
  const firsts: Visit[] = [];
  for (let i = 0; i < options.reloads - 1; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-host-'));
    const page = await openWindow(browser);
    const fresh = await startHostProcess({ workspace, stateDir: dir });
    try {
      await page.goto(`${fresh.url}#/flow`);
      firsts.push(await readVisit(page));
      await page.close();
    } finally {
      await fresh.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'interlock-bench-host-'));
  const page = await openWindow(browser);
  const host = await startHostProcess({ workspace, stateDir });
  try {
    await page.goto(`${host.url}#/flow`);
    const first = await readVisit(page);
    firsts.push(first);
    await page.screenshot({ path: options.screenshot, fullPage: true });
    // Later visits: the backend keeps the loaded columns; the page itself starts from nothing.
    const later: Visit[] = [];
    for (let i = 0; i < options.reloads; i++) {
      await page.reload();
      later.push(await readVisit(page));
    }
    const chartElements = Object.entries(first.elements).sort((a, b) => b[1] - a[1]);
    const [largest, largestCount] = chartElements[0]!;
    return [
      figure({
        id: 'flow-charts-drawn-first',
        size,
        title: `Flow page: navigation → all charts drawn, first visit (median of ${firsts.length} fresh hosts)`,
        unit: 'ms',
        value: median(firsts.map((v) => v.drawnMs)),
        samples: firsts.map((v) => v.drawnMs),
        baseline: { what: "the same navigations' load event (the app's code loaded, no data yet)", value: median(firsts.map((v) => v.loadMs)) },
        baselineSamples: firsts.map((v) => v.loadMs),
        target: size === 'M' ? { text: '< 1.5 s', maxValue: 1500 } : null,
      }),
      figure({
        id: 'flow-charts-drawn-again',
        size,
        title: `Flow page: navigation → all charts drawn, revisit (median of ${options.reloads})`,
        unit: 'ms',
        value: median(later.map((v) => v.drawnMs)),
        samples: later.map((v) => v.drawnMs),
        baseline: { what: "the same navigations' load event", value: median(later.map((v) => v.loadMs)) },
        baselineSamples: later.map((v) => v.loadMs),
        target: size === 'M' ? { text: '< 1.5 s', maxValue: 1500 } : null,
      }),
      figure({
        id: 'flow-chart-svg-elements',
        size,
        title: `Flow page: SVG elements in the largest chart (${largest})`,
        unit: 'marks',
        value: largestCount,
        baseline: { what: 'the mark budget of a chart (MAX_CHART_MARKS; fixed, not measured)', value: MAX_CHART_MARKS, fixed: true },
        target: { text: '≤ ~2,000', maxValueInclusive: MAX_CHART_MARKS },
        detail: { svgElementsPerChart: first.elements, pathsPerChart: first.paths },
      }),
    ];
  } finally {
    await browser.close();
    await host.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
