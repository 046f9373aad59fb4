import type { DependencyState } from '../../../shared/planning/dependency-state';

/**
 * Each dependency state has a colour (Okabe–Ito, colour-blind safe), a line pattern and a symbol,
 * so the board never tells states apart by colour alone (and prints in black and white).
 */
export const STATE_STYLE: Record<DependencyState, { color: string; dash: string | undefined }> = {
  ok: { color: '#009E73', dash: undefined },
  'same-iteration': { color: '#E69F00', dash: '6 4' },
  conflict: { color: '#D55E00', dash: undefined },
  unplanned: { color: '#CC79A7', dash: '2 4' },
};

/** Cells and lines are found again in the DOM by these ids. */
export const cellId = (teamKey: string, columnId: number) => `cell:${teamKey}:${columnId}`;

