import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/contract';
import { backtest } from '../../../shared/forecast/backtest';
import { howManyForecast, whenForecast } from '../../../shared/forecast/forecast';
import { throughputHistory } from '../../../shared/forecast/throughput-history';
import { contextOf, flowFixture, portfolio, type ItemSpec } from '../../unit/metrics/metrics-fixtures';
import { valueOf, workspaceWith } from '../metrics/metrics-workspace';

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

async function open(p = flowFixture()) {
  const ws = await workspaceWith(p);
  dispose = ws.dispose;
  return ws.backend;
}

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** 150 days: team a finishes an item on every second day, team b on every third. */
function steadyPortfolio() {
  const specs: ItemSpec[] = [];
  for (let k = 0; k < 150; k++) {
    if (k % 2 === 0) specs.push({ key: `A-${k}`, team: 'a', history: [['To Do', k], ['In Progress', k + 0.2], ['Done', k + 0.5]] });
    if (k % 3 === 0) specs.push({ key: `B-${k}`, team: 'b', history: [['To Do', k], ['In Progress', k + 0.2], ['Done', k + 0.6]] });
  }
  return portfolio(specs);
}

describe('forecast channels on a real workspace file', () => {
  it('answer exactly what the pure forecast computes from the same data, with its provenance', async () => {
    const backend = await open();
    const f = await valueOf(backend.call('forecast.howMany', { by: '2026-01-31' }));
    const history = throughputHistory(contextOf(flowFixture()))!;
    const request = { history: { days: 84 }, trials: 10_000, seed: 1, dayKind: 'calendar' as const, scope: { teamKeys: null, itemTypes: f.itemTypes } };
    expect(f).toEqual(howManyForecast(history, d('2026-01-31'), request));
    // The fixture's data runs 2026-01-05 … 2026-01-14: a 10-day window (less than 84 days exist), 6 items done in it.
    expect(f).toMatchObject({ window: { from: '2026-01-05', to: '2026-01-14', days: 10 }, samples: 10, itemsInWindow: 6, start: '2026-01-15', days: 17, trials: 10_000, seed: 1 });
    const w = await valueOf(backend.call('forecast.when', { items: 5, seed: 9, trials: 2000 }));
    expect(w).toEqual(whenForecast(history, 5, { ...request, seed: 9, trials: 2000 }));
  });

  it('the Flow page’s scope: a team picker narrows the samples and is named in the answer', async () => {
    const backend = await open();
    const f = await valueOf(backend.call('forecast.howMany', { by: '2026-01-31', teamKeys: ['a'] }));
    expect(f).toMatchObject({ teamKeys: ['a'], itemsInWindow: 3 });
  });

  it('seeded: the same question twice gives the same answer bit for bit; another seed is another run', async () => {
    const backend = await open(steadyPortfolio());
    const ask = (seed: number) => valueOf(backend.call('forecast.howMany', { by: '2026-07-01', seed }));
    expect(await ask(4)).toEqual(await ask(4));
    expect((await ask(5)).histogram).not.toEqual((await ask(4)).histogram);
  });

  it('the backtest beside a forecast, 14 days apart, as the pure backtest computes it', async () => {
    const p = steadyPortfolio();
    const backend = await open(p);
    const b = await valueOf(backend.call('forecast.backtest', { question: { kind: 'how-many', by: '2026-06-17' }, windowDays: 28, trials: 1000 }));
    const history = throughputHistory(contextOf(p))!;
    expect(b).toEqual(backtest(history, { kind: 'how-many', by: d('2026-06-17') }, { history: { days: 28 }, trials: 1000, seed: 1, dayKind: 'calendar', scope: { teamKeys: null, itemTypes: [] } }));
    expect(b.runs.length).toBeGreaterThan(5);
    expect(b.summary.map((s) => s.percent)).toEqual([50, 70, 85, 95]);
  });

  it('read-only channels: they declare no writes', () => {
    for (const name of ['forecast.howMany', 'forecast.when', 'forecast.backtest'] as const) expect(contract[name].mutates).toBeNull();
  });
});

describe('edge cases', () => {
  it('an unknown team, a date before the start or a window outside the data is refused with what and where', async () => {
    const backend = await open();
    const unknown = await backend.call('forecast.howMany', { by: '2026-01-31', teamKeys: ['zz'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!unknown.ok) expect(unknown.error.message).toContain('no team with key "zz"');
    expect(await backend.call('forecast.howMany', { by: '2026-01-10' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The date 2026-01-10 is before the forecast starts (2026-01-15).' },
    });
    const outside = await backend.call('forecast.when', { items: 3, window: { from: '2025-12-01', to: '2026-01-10' } });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('reaches outside the data, which covers 2026-01-05 – 2026-01-14') } });
  });

  it('bad numbers are refused by the contract, naming the field', async () => {
    const backend = await open();
    const r = await backend.call('forecast.howMany', { by: '2026-01-31', trials: 0, seed: -1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.details?.map((x) => x.path).sort()).toEqual(['seed', 'trials']);
    }
    expect((await backend.call('forecast.howMany', { by: '2026-02-30' })).ok).toBe(false);
  });

  it('a workspace without dated work says so', async () => {
    const backend = await open(portfolio([]));
    expect(await backend.call('forecast.when', { items: 3 })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'This workspace holds no dated work yet: import your teams’ data before forecasting.' },
    });
  });
});
