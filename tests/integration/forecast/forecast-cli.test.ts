import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli } from '../../support/cli-capture';
import { flowFixture } from '../../unit/metrics/metrics-fixtures';
import { valueOf, workspaceFileForTheseTests } from '../metrics/metrics-workspace';
import { planNextIncrement, plannedWorkspace } from './planned-workspace';

const workspacePath = workspaceFileForTheseTests(flowFixture);

const cli = (...args: string[]) => captureCli(['forecast', ...args]);

// The flow fixture's data runs 2026-01-05 … 2026-01-14 with 6 items done: 0 0 1 1 1 1 1 0 0 1 a day.
describe('interlock forecast', () => {
  it('--how-many --by --json prints the promised shape, the same bit for bit on every run', async () => {
    const r = await cli('--workspace', workspacePath(), '--how-many', '--by', '2026-01-24', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).slice(0, 7)).toEqual(['howMany', 'by', 'days', 'window', 'trials', 'seed', 'samples']);
    expect(json).toMatchObject({ by: '2026-01-24', days: 10, window: { from: '2026-01-05', to: '2026-01-14', days: 10 }, trials: 10_000, seed: 1, samples: 10, start: '2026-01-15' });
    // 10 days at 0.6 a day: 6 on average; the 85 % answer lies below the median.
    expect(json.howMany.p50).toBeGreaterThanOrEqual(json.howMany.p85);
    expect(json.howMany.p85).toBeGreaterThanOrEqual(json.howMany.p95);
    expect((await cli('--workspace', workspacePath(), '--how-many', '--by', '2026-01-24', '--json')).out).toBe(r.out);
  });

  it('--when N prints ISO dates; --team, --window, --trials, --seed, --start and --business-days reach the forecast', async () => {
    const r = await cli('--workspace', workspacePath(), '--when', '4', '--team', 'Alpha', '--window', '7d', '--trials', '500', '--seed', '42', '--start', '2026-02-02', '--business-days', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ items: 4, trials: 500, seed: 42, start: '2026-02-02', dayKind: 'business', teamKeys: ['a'], window: { from: '2026-01-08', to: '2026-01-14', days: 7 } });
    // Weeks, as recommend takes them.
    const weeks = await cli('--workspace', workspacePath(), '--when', '4', '--window', '1w', '--json');
    expect(JSON.parse(weeks.out).window).toMatchObject({ from: '2026-01-08', to: '2026-01-14', days: 7 });
    for (const p of ['p50', 'p70', 'p85', 'p95']) expect(json.when[p]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prints a readable forecast, and the backtest with --backtest', async () => {
    const r = await cli('--workspace', workspacePath(), '--how-many', '--by', '2026-01-20', '--backtest');
    expect(r.code).toBe(0);
    expect(r.out).toContain('History   2026-01-05 – 2026-01-14 (10 days; 10 calendar days sampled, 6 items done)');
    expect(r.out).toMatch(/How many {2}by 2026-01-20 \(6 calendar days\): 50 %: \d+ or more · 70 %/);
    expect(r.out).toContain('Backtest  held in 50 %: 0 of 0');
  });

  describe('edge cases', () => {
    it('a --start within the data is answered with a note that those days already happened (text and --json); the default start says nothing', async () => {
      const text = await cli('--workspace', workspacePath(), '--how-many', '--by', '2026-01-20', '--start', '2026-01-10');
      expect(text.code).toBe(0);
      expect(text.out).toContain('Note      The forecast starts on 2026-01-10, before the data ends (2026-01-14): its first 5 days (2026-01-10 – 2026-01-14) are already in the data');
      const json = await cli('--workspace', workspacePath(), '--when', '3', '--start', '2026-01-14', '--json');
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out).start).toBe('2026-01-14');
      expect(json.err).toContain('its first day (2026-01-14) is already in the data');
      const usual = await cli('--workspace', workspacePath(), '--how-many', '--by', '2026-01-20');
      expect(usual.out).not.toContain('Note');
      expect(usual.err).toBe('');
    });

    it('wrong usage exits 2 with the reason and the usage line', async () => {
      for (const [args, reason] of [
        [['--workspace', workspacePath()], 'ask one question'],
        [['--workspace', workspacePath(), '--how-many', '--when', '3'], 'ask one question'],
        [['--workspace', workspacePath(), '--how-many'], '--how-many needs --by DATE'],
        [['--workspace', workspacePath(), '--when', '3', '--by', '2026-02-01'], '--by goes with --how-many'],
        [['--workspace', workspacePath(), '--how-many', '--by', '1/2/2026'], '--by must be a real date like 2026-08-17, got "1/2/2026"'],
        [['--workspace', workspacePath(), '--when', 'ten'], '--when must be a whole number'],
        [['--workspace', workspacePath(), '--when', '3', '--window', '3 months'], '--window must look like 90d or 12w'],
        [['--workspace', workspacePath(), '--when', '3', '--window', '0d'], '--window must be between 1 and 3660 days'],
        [['--workspace', workspacePath(), '--when', '3', '--team', 'Nobody'], 'no team "Nobody"'],
      ] as const) {
        const r = await cli(...args);
        expect(r.code).toBe(2);
        expect(r.err).toContain(reason);
        expect(r.err).toMatch(/usage: interlock forecast --workspace FILE/);
      }
    });

    it('a question the data cannot answer exits 1 with one line saying why', async () => {
      const r = await cli('--workspace', workspacePath(), '--how-many', '--by', '2026-01-01');
      expect(r.code).toBe(1);
      expect(r.err).toBe('interlock forecast: The date 2026-01-01 is before the forecast starts (2026-01-15).');
    });
  });
});

describe('interlock forecast --plan', () => {
  let planPath = '';
  let planCleanup: () => void = () => undefined;
  beforeAll(async () => {
    const ws = await plannedWorkspace();
    planPath = ws.path;
    ws.backend.close();
    planCleanup = ws.dispose;
  });
  afterAll(() => planCleanup());

  it('--json gives {key, probability, p85Date, dependencyCost} per item, feature and objective', async () => {
    const r = await cli('--workspace', planPath, '--plan', 'PI 1', '--trials', '2000', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ increment: { name: 'PI 1' }, trials: 2000, seed: 1, start: '2026-04-15' });
    expect(json.items.map((i: { key: string }) => i.key)).toEqual(['A-1', 'A-2', 'B-1']);
    expect(json.items[0]).toMatchObject({ key: 'A-1', probability: 1, p85Date: '2026-04-15', dependencyCost: 0 });
    expect(json.features[0]).toMatchObject({ key: 'F', kind: 'feature' });
    expect(json.objectives[0]).toMatchObject({ kind: 'objective', committed: true, suggestUncommitted: true });
    expect((await cli('--workspace', planPath, '--plan', 'PI 1', '--trials', '2000', '--json')).out).toBe(r.out);
  });

  it('prints the increment, objectives, features and items a person can read', async () => {
    const r = await cli('--workspace', planPath, '--plan', 'PI 1', '--trials', '2000');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Increment PI 1 \(2026-04-15 – 2026-04-16\): all planned work done \d+ %/);
    expect(r.out).toMatch(/A-2 +\d+ % by 2026-04-16 · 85 % by 2026-04-1\d · dependencies cost \d+ % \(most: /);
    expect(r.out).toContain('suggest uncommitted');
    expect(r.out.split('\n')[1]).toBe('History   2026-01-21 – 2026-04-14 (84 days) per team · 2,000 trials · seed 1 · simulated from 2026-04-15, the day after the data');
  });

  it('simulates an increment still to come from its first day, and says so', async () => {
    const ws = await plannedWorkspace();
    try {
      await planNextIncrement(ws.backend);
      ws.backend.close();
      const r = await cli('--workspace', ws.path, '--plan', 'PI 2', '--trials', '2000');
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[1]).toBe('History   2026-01-21 – 2026-04-14 (84 days) per team · 2,000 trials · seed 1 · simulated from 2026-05-04, the increment’s first day');
      expect(r.out).toMatch(/New-1 +100 % by 2026-05-05 · 85 % by 2026-05-04 — Next PI card/);
      const given = JSON.parse((await cli('--workspace', ws.path, '--plan', 'PI 2', '--trials', '2000', '--start', '2026-04-20', '--json')).out);
      expect(given).toMatchObject({ start: '2026-04-20', startFrom: 'given' });
    } finally {
      ws.dispose();
    }
  });

  describe('edge cases', () => {
    it('an unknown increment exits 1 naming it; --plan with --team or --by exits 2', async () => {
      const r = await cli('--workspace', planPath, '--plan', 'PI 9');
      expect(r.code).toBe(1);
      expect(r.err).toContain('PI 9');
      expect((await cli('--workspace', planPath, '--plan', 'PI 1', '--team', 'Alpha')).code).toBe(2);
      expect((await cli('--workspace', planPath, '--plan', 'PI 1', '--when', '3')).err).toContain('ask one question');
    });

    it('a team that finished nothing in the window is said to have no forecast; an item done before the start reads done, its line has no odds', async () => {
      const ws = await plannedWorkspace();
      try {
        ws.backend.close();
        // Over its last day alone, b finished nothing (a finishes one a day).
        const narrow = (await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000', '--window', '1')).out;
        expect(narrow.split('\n')[2]).toBe('Note      b finished nothing in the history window, so its planned work shows 0 %: that is no forecast. Widen the window, or check that its done statuses are mapped as done.');
        expect(narrow).toMatch(/ {2}A-1 +100 % by 2026-04-16 · 85 % by 2026-04-15/);
        expect(narrow).toMatch(/ {2}B-1 +0 % by 2026-04-16 · 85 % not within two years/);
        // B-1 done before the forecast starts (2026-04-15): A-2 waits on nothing, and the line has no odds.
        const db = new Database(ws.path);
        db.prepare("UPDATE work_items SET status = 'Done', status_category = 'done', done_at = ? WHERE key = 'B-1'").run(Date.UTC(2026, 3, 10));
        db.close();
        const json = JSON.parse((await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000', '--json')).out);
        expect(json.items.find((i: { key: string }) => i.key === 'B-1')).toMatchObject({ probability: 1, p85Date: null, done: true });
        expect(json.dependencies).toEqual([]);
        const human = (await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000')).out;
        expect(human).toMatch(/ {2}B-1 +100 % by 2026-04-16 · done before the forecast starts — /);
        expect(human).not.toContain('Note');
        // b's planned work is all done: nothing of it to forecast, so no note however narrow the window.
        expect((await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000', '--window', '1')).out).not.toContain('Note');
      } finally {
        ws.dispose();
      }
    });

    it('a history window without a business day to sample is refused, as for the other forecasts, not read as nobody finishing anything', async () => {
      const ws = await plannedWorkspace();
      try {
        ws.backend.close();
        // The data now ends on Sunday 2026-04-19: one day of window holds no business day.
        const db = new Database(ws.path);
        db.prepare("UPDATE work_items SET done_at = ?, status = 'Done', status_category = 'done' WHERE key = (SELECT key FROM work_items WHERE done_at IS NOT NULL ORDER BY done_at DESC LIMIT 1)").run(Date.UTC(2026, 3, 19, 12));
        db.exec('DELETE FROM metrics_snapshot');
        db.close();
        const r = await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000', '--window', '1', '--business-days', '--start', '2026-04-20');
        expect(r.code).toBe(1);
        expect(r.err).toContain('The history window holds no business day to sample: widen it or count calendar days.');
        expect((await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000', '--window', '1', '--start', '2026-04-20')).code).toBe(0);
      } finally {
        ws.dispose();
      }
    });

    it('an objective with no work planned in the increment has no due day, odds or 85 % date, and says so', async () => {
      const ws = await plannedWorkspace();
      try {
        // Its only item, the feature F, is not planned in PI 1.
        await valueOf(ws.backend.call('plan.objective.save', { increment: 'PI 1', title: 'Later', teamKey: 'b', businessValue: 3, itemKeys: ['F'] }));
        // Partly planned: its odds are A-1's, and the row says F is left out.
        await valueOf(ws.backend.call('plan.objective.save', { increment: 'PI 1', title: 'Partly', teamKey: 'a', businessValue: 5, itemKeys: ['A-1', 'F'] }));
        ws.backend.close();
        const json = JSON.parse((await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000', '--json')).out);
        const later = json.objectives.find((o: { title: string }) => o.title === 'Later');
        expect(json.objectives.find((o: { title: string }) => o.title === 'Partly')).toMatchObject({ probability: 1, unplannedItemKeys: ['F'] });
        expect(later).toMatchObject({ probability: null, due: null, p85Date: null, dependencyCost: null });
        const human = (await cli('--workspace', ws.path, '--plan', 'PI 1', '--trials', '2000')).out;
        // Keyed as the app shows a key made in Interlock, with its title; listed after the odds.
        expect(later.key).toBe('interlock:objective:2');
        expect(human).toContain(`  ${'New-2'.padEnd(14)}     – no work planned in this increment — Later`);
        expect(human).toMatch(/Objectives:\n {2}New-1 +\d+ % by 2026-04-16 .* — Checkout\n {2}New-3 .* — Partly\n {2}New-2 /);
        expect(human).not.toContain('not within two years');
        expect(human).toMatch(/ {2}New-3 +100 % by 2026-04-16 · 85 % by 2026-04-15 · 1 linked item is not planned in this increment: not in these odds — Partly/);
        // Committed (the default) with no odds: left out of the mean, and said so beside it.
        expect(human.split('\n')[0]).toMatch(/committed objectives expected met \d+ % \(1 committed objective has no planned work and is not counted\)$/);
      } finally {
        ws.dispose();
      }
    });
  });
});
