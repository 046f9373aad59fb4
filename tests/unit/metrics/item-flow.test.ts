import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_HOUR } from '../../../shared/domain/time';
import { datasetFromPortfolio } from '../../../shared/metrics/dataset-from-portfolio';
import { computeItemFlow } from '../../../shared/metrics/item-flow';
import { CATEGORY } from '../../../shared/metrics/metrics-vocabulary';
import { day, flowFixture, portfolio } from './metrics-fixtures';

function flowOf(p = flowFixture()) {
  const dataset = datasetFromPortfolio(p);
  const flow = computeItemFlow(dataset);
  const at = (key: string) => p.items.findIndex((i) => i.key === key);
  return { dataset, flow, at };
}

const days = (ms: number) => ms / MS_PER_DAY;

describe('item flow from status history', () => {
  it('start is the first entry into active, end the entry into the final done', () => {
    const { flow, at } = flowOf();
    const i = at('A-1');
    expect(flow.start[i]).toBe(Date.parse(day(1.375)));
    expect(flow.end[i]).toBe(Date.parse(day(4.375)));
    expect(flow.final[i]).toBe(CATEGORY.done);
  });

  it('splits cycle time into active and waiting time (A-1: 2 days active, 1 day blocked)', () => {
    const { flow, at } = flowOf();
    const i = at('A-1');
    expect(days(flow.activeMs[i]!)).toBe(2);
    expect(days(flow.waitingMs[i]!)).toBe(1);
  });

  it('counts waiting time while a dependency was open (A-1 blocked 2.375–3.375, D-1 open 2.0–3.0: 0.625 days)', () => {
    const { flow, at } = flowOf();
    expect(days(flow.dependencyWaitMs[at('A-1')]!)).toBeCloseTo(0.625, 9);
    expect(flow.dependencyWaitMs[at('B-1')]).toBe(0);
  });

  it('cancelled items finish without an end', () => {
    const { flow, at } = flowOf();
    const i = at('A-4');
    expect(flow.final[i]).toBe(CATEGORY.cancelled);
    expect(flow.finishedAt[i]).toBe(Date.parse(day(2.5)));
    expect(Number.isNaN(flow.end[i]!)).toBe(true);
  });

  describe('edge cases', () => {
    it('a reopened item counts to its final done; the days it sat in done are neither active nor waiting', () => {
      const { flow, at } = flowOf();
      const i = at('A-3');
      expect(flow.end[i]).toBe(Date.parse(day(6.5)));
      expect(days(flow.end[i]! - flow.start[i]!)).toBe(5);
      expect(days(flow.activeMs[i]!)).toBe(2);
      expect(flow.waitingMs[i]).toBe(0);
      expect(flow.reopened[i]).toBe(1);
    });

    it('"Done → Released" (both done) ends at Done', () => {
      const p = portfolio([{ key: 'R-1', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['Done', 2], ['Released', 3]] }]);
      const { flow } = flowOf(p);
      expect(flow.end[0]).toBe(Date.parse(day(2)));
      expect(flow.reopened[0]).toBe(0);
    });

    it('done the same instant it started: zero cycle time, no flow time', () => {
      const { flow, at } = flowOf();
      const i = at('A-2');
      expect(flow.end[i]! - flow.start[i]!).toBe(0);
      expect(flow.activeMs[i]! + flow.waitingMs[i]!).toBe(0);
    });

    it('done within the same minute it started: 40 seconds, exactly', () => {
      const p = portfolio([{ key: 'M-1', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['Done', 1 + 40 / 86_400]] }]);
      const { flow } = flowOf(p);
      expect(flow.end[0]! - flow.start[0]!).toBe(40_000);
      expect(flow.activeMs[0]).toBe(40_000);
    });

    it('an item spanning a daylight-saving change lasts exactly its UTC duration', () => {
      // Europe/Berlin moved from UTC+1 to UTC+2 on 2026-03-29 01:00 UTC; the item runs across it.
      const started = '2026-03-28T12:00:00.000Z';
      const done = '2026-03-30T12:00:00.000Z';
      const p = portfolio([{ key: 'S-1', team: 'a', history: [['To Do', 0], ['In Progress', 0], ['Done', 1]] }]);
      p.transitions[1]!.at = started;
      p.transitions[2]!.at = done;
      p.transitions[0]!.at = started;
      p.items[0]!.createdAt = started;
      const previousTz = process.env.TZ;
      process.env.TZ = 'Europe/Berlin';
      try {
        const { flow } = flowOf(p);
        expect(flow.end[0]! - flow.start[0]!).toBe(48 * MS_PER_HOUR);
        expect(flow.activeMs[0]).toBe(48 * MS_PER_HOUR);
      } finally {
        process.env.TZ = previousTz;
      }
    });

    it('an item without history takes its imported dates as they are, even when they disagree', () => {
      const { flow, dataset, at } = flowOf();
      const i = at('B-5');
      expect(dataset.transitions.hasHistory[i]).toBe(0);
      expect(flow.start[i]).toBe(Date.parse(day(4.5)));
      expect(flow.end[i]).toBe(Date.parse(day(5.5)));
      expect(flow.activeMs[i]).toBe(0);
    });

    it('a history stamped out of order keeps its recorded order; earlier times are pulled back', () => {
      // Testing stamped 12:13 before a Done stamped 11:03: the item is done at 11:03, not back in Testing.
      const p = portfolio([{ key: 'O-1', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['In Review', 2.5], ['Done', 2.25]] }]);
      const { flow, dataset } = flowOf(p);
      expect(flow.final[0]).toBe(CATEGORY.done);
      expect(flow.end[0]).toBe(Date.parse(day(2.25)));
      expect(dataset.transitions.clamped[0]).toBe(1);
      expect(days(flow.activeMs[0]!)).toBe(1.25);
    });

    it('no items at all', () => {
      const { flow } = flowOf(portfolio([]));
      expect(flow.start).toHaveLength(0);
    });

    it('a finished item without a done date gets no history at all', () => {
      const p = portfolio([{ key: 'N-1', team: 'a', created: 0, fields: { firstActive: 1, done: null, category: 'done', status: 'Done' } }]);
      const { dataset, flow } = flowOf(p);
      expect(dataset.transitions.offsets[1]).toBe(0);
      expect(flow.final[0]).toBe(CATEGORY.done);
      expect(Number.isNaN(flow.end[0]!)).toBe(true);
    });
  });
});
