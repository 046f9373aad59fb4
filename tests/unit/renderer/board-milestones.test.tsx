import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgramBoard } from '../../../renderer/src/planning/ProgramBoard';
import { roomTypeScale } from '../../../renderer/src/room/type-scale';
import { appTheme } from '../../../renderer/src/theme/app-theme';
import { buildBoard } from '../../../shared/planning/board';
import type { PlanData } from '../../../shared/planning/plan-data';
import { planData } from '../planning/plan-data-fixture';

// The milestones lane of the program board, at a desk and presented: a milestone on a day no
// iteration holds was drawn in no column at all.

afterEach(cleanup);

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const noop = () => undefined;

/** I1 ends Thursday 2026-01-15, I2 starts Monday 01-19, I3 on 02-02 after a weekend; the increment runs on to 02-20. */
function plan(milestones: PlanData['milestones']): PlanData {
  return planData({
    increment: { id: 1, name: 'PI', start: d('2026-01-05'), end: d('2026-02-21'), capacityUnit: 'items' },
    iterations: [
      { id: 1, name: 'I1', start: d('2026-01-05'), end: d('2026-01-16'), teamKey: null },
      { id: 2, name: 'I2', start: d('2026-01-19'), end: d('2026-01-31'), teamKey: null },
      { id: 3, name: 'I3', start: d('2026-02-02'), end: d('2026-02-14'), teamKey: null },
    ],
    teams: [{ key: 'a', name: 'Alpha', valueStream: null, group: 'G' }],
    planned: [{ itemKey: 'A-1', title: 'Title A-1', type: 'feature', teamKey: 'a', iterationId: 1, rank: 1, size: null, doneAt: null }],
    milestones,
  });
}

/** Per column of the lane, the text of each milestone drawn there and the edge of its day ("before", "after" or ""). */
function lane(presented: boolean): Record<string, [string, string][]> {
  const board = buildBoard(
    plan([
      { id: 1, name: 'Contract signed', at: d('2026-01-17'), teamKey: 'a' },
      { id: 2, name: 'Demo', at: d('2026-01-21'), teamKey: null },
      { id: 3, name: 'Go-live', at: d('2026-02-19'), teamKey: null },
    ]),
  );
  const theme = presented ? appTheme('dark', { room: roomTypeScale({ width: 1280, height: 720 }) }) : appTheme('light');
  render(
    <ThemeProvider theme={theme}>
      <ProgramBoard board={board} focus={{ card: null, team: null }} showAllLines={false} changed={new Map()} onFocus={noop} onPlace={noop} onCardMenu={noop} onAddToCell={noop} onCapacity={noop} sidePanel={null} />
    </ThemeProvider>,
  );
  const columns = [...document.querySelectorAll<HTMLElement>('[data-milestones]')];
  return Object.fromEntries(columns.map((c) => [c.dataset.milestones!, [...c.querySelectorAll<HTMLElement>('[data-testid="milestone"]')].map((m) => [m.textContent ?? '', m.dataset.outside ?? ''] as [string, string])]));
}

describe('the milestones lane', () => {
  for (const presented of [false, true]) {
    it(`${presented ? 'presented' : 'at a desk'}: a milestone between two iterations is drawn in the nearer, saying so; one after the last, in the last`, () => {
      expect(lane(presented)).toEqual({
        '1': [],
        '2': [
          ['Contract signed · 01-17 · Alphabetween I1 and I2', 'before'],
          ['Demo · 01-21', ''],
        ],
        '3': [['Go-live · 02-19after I3', 'after']],
      });
    });
  }
});
