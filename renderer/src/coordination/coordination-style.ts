import { alpha, lighten, type Theme } from '@mui/material/styles';
import type { CoordinationModel, CoordinationReport } from '../../../shared/coordination/report-schema';
import { SERIES_COLORS } from '../theme/app-theme';

// Colours and words shared by the Coordination page's pieces. Everything reads the MUI theme so the
// page stays legible in the dark theme on a projector.

export const MODEL_NAMES: Record<CoordinationModel, string> = {
  none: 'No standing forum',
  'scrum-of-scrums': 'Scrum of Scrums',
  'team-of-teams': 'Team-of-Teams',
};

export const MODEL_SHORT: Record<CoordinationModel, string> = {
  none: 'Async + board',
  'scrum-of-scrums': 'Scrum of Scrums',
  'team-of-teams': 'Team-of-Teams',
};

export function modelColor(model: CoordinationModel, theme: Theme): string {
  if (model === 'team-of-teams') return theme.palette.secondary.main;
  if (model === 'scrum-of-scrums') return theme.palette.primary.main;
  return theme.palette.text.secondary;
}

/** One colour per group (Okabe–Ito), lightened on dark backgrounds; shared providers are grey. */
export function groupColors(report: Pick<CoordinationReport, 'groups'>, theme: Theme): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  for (const g of report.groups) {
    if (g.role === 'provider') colors.set(g.id, theme.palette.grey[theme.palette.mode === 'dark' ? 400 : 600]);
    else if (g.role === 'single') colors.set(g.id, theme.palette.text.disabled);
    else {
      const base = SERIES_COLORS[next++ % (SERIES_COLORS.length - 1)]!;
      colors.set(g.id, theme.palette.mode === 'dark' ? lighten(base, 0.25) : base);
    }
  }
  return colors;
}

/** Background of a matrix cell for a coupling in [0, 1]: transparent at 0, the primary colour at 1. */
export function couplingFill(coupling: number, theme: Theme): string {
  if (coupling <= 0) return 'transparent';
  return alpha(theme.palette.primary.main, 0.12 + 0.88 * Math.min(1, coupling));
}

export function teamNames(report: Pick<CoordinationReport, 'teams'>): Map<string, string> {
  return new Map(report.teams.map((t) => [t.key, t.name]));
}

/**
 * A pair's joint integration as its tooltip says it, or '' when no integration is recorded at all.
 * A team with no integration in the window has nothing to share: "not measured", and the coupling
 * is the mean of the other cues (as a group leaves such a member out).
 */
export function pairIntegrationText(pair: CoordinationReport['pairs'][number], recorded: CoordinationReport['recorded']): string {
  if (!recorded.integration && !recorded.releases) return '';
  return pair.jointIntegration === null
    ? '; joint integration not measured (one of the two has no integration in the window)'
    : `; joint integration ${Math.round(pair.jointIntegration * 100)} %`;
}
