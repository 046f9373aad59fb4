import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { chromium, type Page } from '@playwright/test';
import { createBackend } from '../../electron/backend/backend';
import { SeededRandom } from '../../electron/backend/demo/seeded-random';
import * as plan from '../../electron/backend/planning/plan-queries';
import { writePortfolio } from '../../electron/backend/store/queries/portfolio-writes';
import { closeWorkspace, createWorkspace } from '../../electron/backend/store/workspace-file';
import { buildRenderer, rendererBuildIsStale } from '../../electron/host/renderer-build';
import type { Portfolio } from '../../shared/domain/entities';
import { startHostProcess } from '../../tests/support/host-process';
import { figure, median, type Figure } from '../measure';
import { browserEnvironment, CHROMIUM_ARGS, findChromium, openWindow } from './renderer';

// The program board at the scale — 50 teams × 6 iterations, 2,000 planned items, 1,000
// dependencies — in the browser host: navigation → board drawn (the first screen's rows laid out,
// their lines measured, painted; the board draws the other rows right after, in passes: see
// docs/PLANNING.md), against the same navigation's load event; a move (keyboard drop → stored →
// the board patched with the move's answer and painted), against the page's own round trip of a
// call that does nothing.

export const PLAN_SHAPE = { teams: 50, iterations: 6, items: 2000, dependencies: 1000 } as const;
const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
const DAY = 86_400_000;

/** A deterministic workspace holding one increment planned at PLAN_SHAPE's scale. */
export function writePlanWorkspace(path: string): void {
  const rnd = new SeededRandom(2026);
  const start = Date.UTC(2026, 0, 5);
  const teams = Array.from({ length: PLAN_SHAPE.teams }, (_, t) => ({ key: `t${t}`, name: `Team ${t + 1}`, valueStream: `Stream ${Math.floor(t / 10) + 1}` }));
  const items = Array.from({ length: PLAN_SHAPE.items }, (_, i) => ({
    key: `F-${i + 1}`,
    title: `Feature ${i + 1}`,
    type: 'feature' as const,
    teamKey: teams[i % PLAN_SHAPE.teams]!.key,
    status: 'To Do',
    statusCategory: 'todo' as const,
    createdAt: new Date(start - 30 * DAY).toISOString(),
    firstActiveAt: null,
    doneAt: null,
    parentKey: null,
    objectiveKeys: [],
  }));
  const dependencies = Array.from({ length: PLAN_SHAPE.dependencies }, (_, d) => {
    const from = rnd.int(0, PLAN_SHAPE.items - 1);
    let to = rnd.int(0, PLAN_SHAPE.items - 1);
    if (to === from) to = (to + 1) % PLAN_SHAPE.items;
    return {
      key: `D-${d + 1}`,
      fromItemKey: items[from]!.key,
      fromTeamKey: items[from]!.teamKey,
      toItemKey: items[to]!.key,
      toTeamKey: items[to]!.teamKey,
      kind: 'blocks',
      interfaceName: null,
      createdAt: new Date(start - 10 * DAY).toISOString(),
      neededBy: null,
      resolvedAt: null,
    };
  });
  const portfolio: Portfolio = { teams, items, transitions: [], dependencies, deployments: [], incidents: [], objectives: [] };
  const fill = (db: Database) => {
    db.transaction(() => {
      writePortfolio(db, portfolio);
      const increment = plan.saveIncrement(db, { name: 'PI bench', start: '2026-01-05', end: new Date(start + PLAN_SHAPE.iterations * 14 * DAY - DAY).toISOString().slice(0, 10), capacityUnit: 'items' });
      const ids: number[] = [];
      for (let i = 0; i < PLAN_SHAPE.iterations; i++) {
        const s = start + i * 14 * DAY;
        const view = plan.saveIteration(db, { incrementId: increment.id, name: `Iteration ${i + 1}`, start: new Date(s).toISOString().slice(0, 10), end: new Date(s + 13 * DAY).toISOString().slice(0, 10), teamKey: null });
        ids.push(view.iterations.find((it) => it.name === `Iteration ${i + 1}`)!.id);
      }
      items.forEach((item, i) => plan.placeItem(db, { incrementId: increment.id, itemKey: item.key, teamKey: item.teamKey, iterationId: ids[Math.floor(i / PLAN_SHAPE.teams) % PLAN_SHAPE.iterations]!, beforeItemKey: null }));
      for (const team of teams) for (const id of ids) plan.setCapacity(db, { iterationId: id, teamKey: team.key, amount: 7 });
    })();
  };
  closeWorkspace(createWorkspace(path, { name: 'Plan bench', overwrite: existsSync(path), fill }));
}

/** The backend's board answer for the plan workspace, first call after open and again. */
export async function measurePlanBackend(path: string, runs: number): Promise<Figure[]> {
  const first: number[] = [];
  const again: number[] = [];
  const scans: number[] = [];
  for (let i = 0; i < runs; i++) {
    const backend = createBackend({ log: () => undefined });
    try {
      await backend.call('workspace.open', { path });
      const { db } = backend.context.session.require();
      let t = performance.now();
      db.prepare('SELECT w.key, w.title, p.iteration_id, p.rank FROM planned_items p JOIN work_items w ON w.id = p.item_id').all();
      scans.push(performance.now() - t);
      t = performance.now();
      const answer = await backend.call('plan.board', { grouping: 'value-stream' });
      first.push(performance.now() - t);
      if (!answer.ok) throw new Error(answer.error.message);
      t = performance.now();
      await backend.call('plan.board', { grouping: 'value-stream' });
      again.push(performance.now() - t);
    } finally {
      backend.close();
    }
  }
  const baseline = { what: 'one scan of the planned items and their titles', value: median(scans) };
  const shape = `${PLAN_SHAPE.teams} teams × ${PLAN_SHAPE.iterations} iterations, ${PLAN_SHAPE.items.toLocaleString('en-US')} items, ${PLAN_SHAPE.dependencies.toLocaleString('en-US')} dependencies`;
  return [
    figure({ id: 'plan-board-backend', size: 'M', title: `Plan board answer (${shape}), median of ${runs}`, unit: 'ms', value: median(first), samples: first, baseline, baselineSamples: scans, target: null }),
  ];
}

async function markTime(page: Page, mark: string, after = 0): Promise<number> {
  await page.waitForFunction(([m, t]) => performance.getEntriesByName(m as string).some((e) => e.startTime > (t as number)), [mark, after] as const, { timeout: 120_000, polling: 10 });
  return page.evaluate(([m, t]) => performance.getEntriesByName(m as string).filter((e) => e.startTime > (t as number)).at(-1)!.startTime, [mark, after] as const);
}

export async function measurePlanRenderer(path: string, options: { reloads: number; moves: number; screenshot: string; log: (line: string) => void }): Promise<Figure[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH');
  if (rendererBuildIsStale(PROJECT_ROOT)) {
    options.log('  building the renderer (its sources are newer than dist/renderer)…');
    await buildRenderer(PROJECT_ROOT);
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'interlock-bench-plan-'));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: browserEnvironment() });
  // Each window is opened before the host it visits starts (see openWindow).
  const page = await openWindow(browser);
  let host = await startHostProcess({ workspace: path, stateDir });
  try {
    const drawn: number[] = [];
    const loads: number[] = [];
    const load = () => page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    // First visits, each on a host just started (its backend holds nothing yet), then revisits.
    const firsts: number[] = [];
    const firstLoads: number[] = [];
    for (let i = 0; i < options.reloads - 1; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-plan-'));
      await host.stop();
      const other = await openWindow(browser);
      const fresh = await startHostProcess({ workspace: path, stateDir: dir });
      await other.goto(`${fresh.url}#/plan?group=value-stream`);
      firsts.push(await markTime(other, 'interlock:plan-board-drawn'));
      firstLoads.push(await other.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
      await other.close();
      await fresh.stop();
      rmSync(dir, { recursive: true, force: true });
      host = await startHostProcess({ workspace: path, stateDir });
    }
    await page.goto(`${host.url}#/plan?group=value-stream`);
    for (let i = 0; i <= options.reloads; i++) {
      if (i > 0) await page.reload();
      drawn.push(await markTime(page, 'interlock:plan-board-drawn'));
      loads.push(await load());
    }
    firsts.push(drawn[0]!);
    firstLoads.push(loads[0]!);
    await page.screenshot({ path: options.screenshot });
    // Moves through the card's menu (the keyboard's way): Enter, "Move to…", the next iteration, Move.
    const trips: number[] = [];
    const floors: number[] = [];
    for (let m = 0; m < options.moves; m++) {
      const card = page.locator('[data-testid^="cell:t1:"]').nth(m % 2 === 0 ? 0 : 1).locator('[data-card]').first();
      await card.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: 'Move to…' }).click();
      await page.getByRole('dialog').getByLabel('Iteration', { exact: true }).click();
      await page.getByRole('option', { name: new RegExp(`^Iteration ${m % 2 === 0 ? 2 : 1} `) }).click();
      const before = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Move', exact: true }).click();
      const started = await markTime(page, 'interlock:plan-move-start', before);
      const stored = await markTime(page, 'interlock:plan-move-stored', started);
      trips.push(stored - started);
      // The floor: the same page asking the host for something that does nothing.
      floors.push(
        await page.evaluate(async () => {
          const t = performance.now();
          await fetch('./api/invoke/plan.history', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-interlock-token': sessionStorage.getItem('interlock.token') ?? '' }, body: '{}' });
          return performance.now() - t;
        }),
      );
    }
    // Each move taken back with the Undo button (a click waits while the last undo is still busy):
    // the answer patches the two rows, as a move's does.
    const undos: number[] = [];
    for (let m = 0; m < options.moves; m++) {
      const before = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      const started = await markTime(page, 'interlock:plan-edit-start', before);
      const stored = await markTime(page, 'interlock:plan-edit-stored', started);
      undos.push(stored - started);
    }
    return [
      figure({
        id: 'plan-board-drawn-first',
        size: 'M',
        title: `Plan page: navigation → board drawn, first visit (median of ${firsts.length} fresh hosts)`,
        unit: 'ms',
        value: median(firsts),
        samples: firsts,
        baseline: { what: "the same navigations' load event", value: median(firstLoads) },
        baselineSamples: firstLoads,
        target: { text: '< 1.5 s', maxValue: 1500 },
      }),
      figure({
        id: 'plan-board-drawn-again',
        size: 'M',
        title: `Plan page: navigation → board drawn, revisit (median of ${options.reloads})`,
        unit: 'ms',
        value: median(drawn.slice(1)),
        samples: drawn.slice(1),
        baseline: { what: "the same navigations' load event", value: median(loads.slice(1)) },
        baselineSamples: loads.slice(1),
        target: { text: '< 1.5 s', maxValue: 1500 },
      }),
      figure({
        id: 'plan-move-round-trip',
        size: 'M',
        title: `Plan page: a move → stored and the board redrawn (median of ${options.moves})`,
        unit: 'ms',
        value: median(trips),
        samples: trips,
        baseline: { what: 'the page’s round trip of a call that does nothing (plan.history)', value: median(floors) },
        baselineSamples: floors,
        target: { text: '< 150 ms', maxValue: 150 },
      }),
      figure({
        id: 'plan-undo-round-trip',
        size: 'M',
        title: `Plan page: undo of a move → stored and the board redrawn (median of ${options.moves}; no target of its own, a move's is < 150 ms)`,
        unit: 'ms',
        value: median(undos),
        samples: undos,
        baseline: { what: 'the page’s round trip of a call that does nothing (plan.history)', value: median(floors) },
        baselineSamples: floors,
        target: null,
      }),
    ];
  } finally {
    await browser.close();
    await host.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
