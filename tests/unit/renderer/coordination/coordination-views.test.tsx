import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { adviseCoordination } from '../../../../shared/coordination/advise';
import { DEFAULT_COORDINATION_SETTINGS } from '../../../../shared/coordination/settings';
import { CouplingGraph } from '../../../../renderer/src/coordination/CouplingGraph';
import { CouplingMatrix } from '../../../../renderer/src/coordination/CouplingMatrix';
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

afterEach(cleanup);

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
