import { ThemeProvider } from '@mui/material/styles';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanConfidencePanel } from '../../../renderer/src/forecast/PlanConfidencePanel';
import { roomTypeScale } from '../../../renderer/src/room/type-scale';
import { appTheme } from '../../../renderer/src/theme/app-theme';
import type { PlanConfidence } from '../../../shared/forecast/plan-confidence-schema';

// The Confidence tab's CSV exports (docs/FORECAST.md, "Exports"): named by their increment as the
// board's are, figures as fractions of 4 decimals, every cost with whether it is within noise, the
// costliest dependency as the screen names it with its share of late trials.

const odds = { due: '2026-11-22', p85Date: '2026-11-20' };

const confidence: PlanConfidence = {
  increment: { name: 'PI 26.4', start: '2026-11-09', end: '2027-01-17' },
  allPlannedDone: 0.6464,
  expectedCommittedMet: 0.9393499999999999,
  items: [
    { ...odds, key: 'interlock:item:2', title: 'Waiting card', teamKey: 'checkout', iterationName: 'Iteration 1', done: false, probability: 0.7785, probabilityWithoutDependencies: 0.9999999999999999, dependencyCost: 0.2215000000000001, costliestDependency: { key: 'interlock:dep:1', lateShare: 0.9603960396039604 } },
    { ...odds, key: 'CHK-7', title: 'Steady card', teamKey: 'checkout', iterationName: 'Iteration 1', done: false, probability: 0.5, probabilityWithoutDependencies: 0.503, dependencyCost: 0.0030000000000000027, costliestDependency: null },
  ],
  features: [],
  objectives: [
    { ...odds, key: 'interlock:objective:1', title: 'Pay in one step', teamKeys: ['checkout'], committed: true, suggestUncommitted: false, unplannedItemKeys: [], probability: 0.9861403876955968, probabilityWithoutDependencies: 0.9861403876955968, dependencyCost: 0, costliestDependency: null },
  ],
  dependencies: [],
  teams: [{ key: 'checkout', samples: 84, meanPerDay: 1.2857142857142858, plannedItems: 2, allPlannedDone: 0.6464, expectedCommittedMet: 0.9393499999999999 }],
  suggestedUncommitted: [],
  ignoredDependencies: [],
  provenance: { window: { from: '2026-08-24', to: '2026-11-15', days: 84 }, trials: 10_000, seed: 1, start: '2026-11-16', startFrom: 'data', dayKind: 'calendar', uncommitBelow: 0.7, dataLastDay: '2026-11-15' },
};

let downloads: { name: string; blob: Blob }[] = [];
let blobs: Blob[] = [];
const createObjectURL = URL.createObjectURL;
const onClick = (e: MouseEvent) => {
  const a = e.target as HTMLAnchorElement;
  if (a.tagName === 'A' && a.download) downloads.push({ name: a.download, blob: blobs[blobs.length - 1]! });
  e.preventDefault();
};

beforeEach(() => {
  downloads = [];
  blobs = [];
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return `blob:test-${blobs.length}`;
  };
  document.addEventListener('click', onClick, true);
});
afterEach(() => {
  URL.createObjectURL = createObjectURL;
  document.removeEventListener('click', onClick, true);
  cleanup();
});

async function exported(table: string, c: PlanConfidence = confidence, presented = false): Promise<{ name: string; lines: string[] }> {
  render(
    <ThemeProvider theme={presented ? appTheme('dark', { room: roomTypeScale({ width: 1280, height: 720 }) }) : appTheme('light')}>
      <PlanConfidencePanel confidence={c} loading={false} error={null} teamName={(k) => (k === 'checkout' ? 'Checkout' : (k ?? 'no team'))} />
    </ThemeProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: `Export ${table} as CSV` }));
  const last = downloads[downloads.length - 1]!;
  return { name: last.name, lines: (await last.blob.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/) };
}

describe('the Confidence tab’s CSV exports', () => {
  it('are named by their increment, as the board’s exports are', async () => {
    expect((await exported('Objectives')).name).toBe('pi-26-4-confidence-objectives.csv');
    cleanup();
    expect((await exported('Planned items')).name).toBe('pi-26-4-confidence-planned-items.csv');
    cleanup();
    expect((await exported('Teams')).name).toBe('pi-26-4-confidence-teams.csv');
  });

  it('hold fractions of 4 decimals, never float noise; a cost within noise with a column saying so; the costliest dependency named as the screen names it, with its share', async () => {
    const { lines } = await exported('Planned items');
    expect(lines[0]).toBe('Item,Team,Iteration,Due,Odds by due,85 % done by,Without dependencies,Dependency cost,Dependency cost within noise,Costliest dependency,"Costliest dependency, share of late trials"');
    expect(lines).toContain('CHK-7 Steady card,Checkout,Iteration 1,2026-11-22,0.5,2026-11-20,0.503,0.003,yes,,');
    expect(lines).toContain('New-2 Waiting card,Checkout,Iteration 1,2026-11-22,0.7785,2026-11-20,1,0.2215,no,dependency New-1,0.9604');
    // The screen: the cost within noise is "–", the other a percent; the dependency names itself.
    expect(screen.getByText('dependency New-1 (in 96 % of late trials)')).toBeTruthy();
    expect(screen.queryByText('Dependency cost within noise')).toBeNull();
    cleanup();
    const teams = await exported('Teams');
    expect(teams.lines[1]).toBe('Checkout,1.2857,2,0.6464,0.9393');
    cleanup();
    const objectives = await exported('Objectives');
    expect(objectives.lines[1]).toContain(',0.9861,');
    expect(objectives.lines.join('\n')).not.toMatch(/\d\.\d{5,}/);
  });

  it('presented, a table shows its lowest odds only, and its CSV still holds every row', async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ ...confidence.items[1]!, key: `CHK-${100 + i}`, probability: 0.5 + i / 100 }));
    const { lines } = await exported('Planned items', { ...confidence, items }, true);
    expect(screen.getByTestId('table-item-odds-rest').textContent).toMatch(/^The first 12 of 20\./);
    expect(lines).toHaveLength(21);
  });
});
