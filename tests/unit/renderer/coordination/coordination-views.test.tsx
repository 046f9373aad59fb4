import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adviseCoordination } from '../../../../shared/coordination/advise';
import { DEFAULT_COORDINATION_SETTINGS } from '../../../../shared/coordination/settings';
import { CouplingGraph } from '../../../../renderer/src/coordination/CouplingGraph';
import { CouplingMatrix } from '../../../../renderer/src/coordination/CouplingMatrix';
import { CouplingTrendChart } from '../../../../renderer/src/coordination/CouplingTrendChart';
import { groupColors } from '../../../../renderer/src/coordination/coordination-style';
import { GroupCard } from '../../../../renderer/src/coordination/GroupCard';
import { appTheme } from '../../../../renderer/src/theme/app-theme';
import { PortfolioBuilder, WINDOW } from '../../coordination/portfolio-builder';

// The Coordination page's pieces, rendered from a real advice on a hand-built portfolio.

function report() {
  const b = new PortfolioBuilder();
  for (const k of ['p', 'q', 'r']) b.team(k, { completed: 30 });
  for (const x of ['p', 'q', 'r']) for (const y of ['p', 'q', 'r']) if (x !== y) b.depends(x, y, { count: 3, blockedDays: 2 });
  b.objective('mission', ['p', 'q', 'r'], 'program', 'One checkout').weeklyReleases(['p', 'q', 'r'], 12);
  b.team('solo', { completed: 10 });
  return adviseCoordination(b.build(), { window: WINDOW, settings: DEFAULT_COORDINATION_SETTINGS }).report;
}

function renderWith(ui: ReactElement, mode: 'light' | 'dark' = 'light') {
  return render(<ThemeProvider theme={appTheme(mode)}>{ui}</ThemeProvider>);
}

/** Lays every element out `width` px wide (happy-dom lays nothing out): the charts draw at the width they measure. */
function layOutAt(width: number) {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: 400, width, height: 400, toJSON: () => ({}) } as DOMRect);
}

beforeEach(() => layOutAt(900));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('GroupCard', () => {
  it('shows the model, the reasons and every cue with its value and thresholds', () => {
    const r = report();
    const group = r.groups.find((g) => g.teamKeys.length === 3)!;
    renderWith(<GroupCard group={group} teamName={(k) => k.toUpperCase()} findings={[]} />);
    const card = screen.getByTestId('group-card');
    expect(card.getAttribute('data-model')).toBe('team-of-teams');
    expect(within(card).getByText('Team-of-Teams')).toBeTruthy();
    expect(within(card).getByText(group.reasons[0]!)).toBeTruthy();
    const cues = within(card).getByRole('table', { name: /Cues of/ });
    expect(within(cues).getAllByRole('row')).toHaveLength(1 + group.cues.length);
    expect(within(cues).getByText('ToT ≥ 12 %')).toBeTruthy();
    expect(within(card).getByText(/Mission-level outcome: “One checkout”/)).toBeTruthy();
    // Each cue names its source; 18 dependencies are too few to be robust.
    expect(within(cues).getAllByText('objectives')).toHaveLength(1);
    expect(within(cues).getAllByText('deployments')).toHaveLength(1);
    expect(within(card).getByTestId('confidence').getAttribute('data-level')).toBe('provisional');
    expect(within(card).getByText('Provisional')).toBeTruthy();
    expect(within(card).getByText(/^Evidence: 5 of 5 cues measured over 18 dependencies between members, 90 items completed and 90 days\.$/)).toBeTruthy();
  });
});

describe('GroupCard: unmeasured cues', () => {
  it('a cue the data cannot measure is marked as such, not as a threshold missed', () => {
    const b = new PortfolioBuilder();
    for (const k of ['p', 'q']) b.team(k, { completed: 30 });
    // A workspace without deployments: joint integration cannot be measured.
    b.recorded = { ...b.recorded, integration: false };
    const r = adviseCoordination(b.depends('p', 'q', { count: 6 }).depends('q', 'p', { count: 6 }).build(), { window: WINDOW, settings: DEFAULT_COORDINATION_SETTINGS }).report;
    const group = r.groups.find((g) => g.teamKeys.includes('p'))!;
    renderWith(<GroupCard group={group} teamName={(k) => k.toUpperCase()} findings={[]} />);
    const integration = group.cues.find((c) => c.id === 'jointIntegration')!;
    expect(integration.thresholds.map((t) => t.met)).toEqual([null]);
    // Its chip carries a question mark, never the "not met" sign.
    const unmeasured = group.cues.flatMap((c) => c.thresholds).filter((t) => t.met === null).length;
    expect(within(screen.getByTestId('group-card')).getAllByTestId('HelpOutlineOutlinedIcon')).toHaveLength(unmeasured);
    expect(within(screen.getByTestId('group-card')).queryAllByTestId('RemoveCircleOutlinedIcon')).toHaveLength(group.cues.flatMap((c) => c.thresholds).filter((t) => t.met === false).length);
  });
});

describe('CouplingMatrix', () => {
  it('orders rows by group, members of a group together', () => {
    const r = report();
    renderWith(<CouplingMatrix report={r} />);
    const svg = screen.getByTestId('coupling-matrix');
    const rows = [...svg.querySelectorAll('text[text-anchor="end"]')].map((t) => t.textContent);
    expect(rows).toEqual(r.groups.flatMap((g) => g.teamKeys.map((k) => r.teams.find((t) => t.key === k)!.name)));
    expect(rows.slice(0, 3).sort()).toEqual(['P', 'Q', 'R']);
  });
});

describe('CouplingGraph', () => {
  it('draws one node per team and one edge per coupled pair', () => {
    const r = report();
    renderWith(<CouplingGraph report={r} />, 'dark');
    expect(screen.getAllByTestId('graph-node')).toHaveLength(4);
    expect(screen.getByTestId('coupling-graph').querySelectorAll('line')).toHaveLength(r.pairs.length);
    // Edges are named by the teams' names, as everywhere else, not their keys.
    const titles = [...screen.getByTestId('coupling-graph').querySelectorAll('line > title')].map((t) => t.textContent);
    const [a, b] = r.pairs[0]!.teamKeys.map((k) => r.teams.find((t) => t.key === k)!.name);
    expect(titles[0]).toMatch(new RegExp(`^${a} – ${b}: coupling`));
    expect(r.teams.some((t) => t.name !== t.key)).toBe(true);
  });
});

describe('charts of the coupling map drawn for their width, not scaled pictures', () => {
  const longName = 'Merchant Onboarding Europe';
  function withLongName() {
    const b = new PortfolioBuilder();
    for (const k of ['p', 'q', 'r']) b.team(k, { completed: 30 });
    b.team('m', { completed: 30, name: longName });
    for (const x of ['p', 'q', 'r', 'm']) for (const y of ['p', 'q', 'r', 'm']) if (x !== y) b.depends(x, y, { count: 3, blockedDays: 2 });
    return adviseCoordination(b.build(), { window: WINDOW, settings: DEFAULT_COORDINATION_SETTINGS }).report;
  }

  it('the graph is as wide as its box, its labels keep their size, and the longest name has room at the side', () => {
    const r = withLongName();
    renderWith(<CouplingGraph report={r} />);
    const svg = screen.getByTestId('coupling-graph');
    expect(svg.getAttribute('width')).toBe('900');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 900 ${svg.getAttribute('height')}`);
    const labels = [...svg.querySelectorAll('text')];
    expect(labels.map((t) => t.textContent)).toContain(longName);
    expect(labels.every((t) => Number(t.getAttribute('font-size')) >= 16)).toBe(true);
    // Without a canvas to measure with, a character counts 0.6 em: the side margins hold the widest label.
    const xs = [...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(longName.length * 16 * 0.6);
    expect(900 - Math.max(...xs)).toBeGreaterThanOrEqual(longName.length * 16 * 0.6);
  });

  it('in a narrow box the graph does not shrink its type: a name too long for the side is shortened, whole in its tooltip', () => {
    layOutAt(420);
    renderWith(<CouplingGraph report={withLongName()} />);
    const svg = screen.getByTestId('coupling-graph');
    expect(svg.getAttribute('width')).toBe('420');
    const shortened = [...svg.querySelectorAll('text')].find((t) => t.textContent!.startsWith('Merchant'))!;
    expect(shortened.textContent).toMatch(/^Merchant .*…$/);
    expect(Number(shortened.getAttribute('font-size'))).toBeGreaterThanOrEqual(16);
    const xs = [...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(shortened.textContent!.length * 16 * 0.6);
    expect(shortened.parentElement!.querySelector('title')!.textContent).toContain(longName);
  });

  it('the matrix keeps its labels and cells readable, and scrolls inside its panel when wider than it', () => {
    layOutAt(300);
    renderWith(<CouplingMatrix report={withLongName()} />);
    const svg = screen.getByTestId('coupling-matrix');
    expect([...svg.querySelectorAll('text')].every((t) => Number(t.getAttribute('font-size')) >= 14)).toBe(true);
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(300);
    expect(Number(svg.querySelector('rect[data-testid], g[data-testid="matrix-cell"] rect')!.getAttribute('width'))).toBeGreaterThanOrEqual(2 * 14 - 2);
    expect(screen.getByRole('region', { name: 'Coupling matrix, scrolls sideways' }).getAttribute('tabindex')).toBe('0');
  });
});

describe('edge cases', () => {
  it('an empty workspace shows a sentence, not an empty chart', () => {
    const empty = adviseCoordination(new PortfolioBuilder().build(), { window: WINDOW, settings: DEFAULT_COORDINATION_SETTINGS }).report;
    renderWith(<CouplingMatrix report={empty} />);
    expect(screen.getByText('No teams in this workspace yet.')).toBeTruthy();
  });

  it('group colours differ between groups and follow the theme mode', () => {
    const r = report();
    const light = groupColors(r, appTheme('light'));
    const dark = groupColors(r, appTheme('dark'));
    const group = r.groups.find((g) => g.teamKeys.length === 3)!.id;
    expect(light.get(group)).not.toBe(dark.get(group));
  });
});

describe('a pair where one team never integrates (the group rule: 0 of 0 is not measured)', () => {
  function oneDeploys() {
    const b = new PortfolioBuilder();
    b.team('x', { completed: 10 }).team('y', { completed: 10 });
    b.depends('x', 'y', { count: 3, blockedDays: 2 });
    b.weeklyReleases(['x'], 4);
    return adviseCoordination(b.build(), { window: WINDOW, settings: DEFAULT_COORDINATION_SETTINGS }).report;
  }

  it('the matrix and the graph say "joint integration not measured"; counts of one are singular', () => {
    const r = oneDeploys();
    expect(r.pairs[0]!.jointIntegration).toBeNull();
    renderWith(<CouplingMatrix report={r} />);
    const cells = [...screen.getByTestId('coupling-matrix').querySelectorAll('title')].map((t) => t.textContent);
    expect(cells.some((t) => t!.includes('joint integration not measured'))).toBe(true);
    cleanup();
    renderWith(<CouplingGraph report={r} />);
    const titles = [...screen.getByTestId('coupling-graph').querySelectorAll('title')].map((t) => t.textContent);
    expect(titles).toContain('X: waits on 1 team, 0 teams wait on it');
    expect(titles.find((t) => t!.startsWith('X – Y'))).toContain('3 dependencies; joint integration not measured');
  });
});

describe('CouplingTrendChart, with data that begins 70 days before the window ends', () => {
  it('draws only the periods that begin on or after the data’s first day and says why the others are missing', () => {
    const b = new PortfolioBuilder();
    for (const k of ['p', 'q']) b.team(k, { completed: 30 });
    b.depends('p', 'q', { count: 3, blockedDays: 2, createdDaysAgo: 20 });
    const data = { ...b.build(), dataFrom: WINDOW.to - 70 * 86_400_000 };
    const r = adviseCoordination(data, { window: WINDOW, settings: DEFAULT_COORDINATION_SETTINGS }).report;
    // Six periods of 30 days end with the window: the last two begin after the data's first day.
    expect(r.groups.find((g) => g.teamKeys.length === 2)!.trend).toHaveLength(2);
    renderWith(<CouplingTrendChart report={r} />);
    expect(screen.getByTestId('coupling-trend-note').textContent).toBe(
      '2 of 6 periods of 30 days: the 4 periods beginning before the data’s first day are left out (nothing recorded is no sample, not a coupling of 0).',
    );
  });
});
