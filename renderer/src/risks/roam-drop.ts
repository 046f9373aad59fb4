import { columnOf } from '../../../shared/risks/roam';
import type { Risk, RiskStatus } from '../../../shared/risks/risk-schema';
import { RISK_STATUSES } from '../../../shared/risks/risk-vocabulary';

// Where a dragged risk lands, from what it was dropped on: a column (last in it) or a card (its
// place; moving down within a column goes after the card, as the list showed it while dragging).

const COLUMN_PREFIX = 'column:';

export function columnId(status: RiskStatus): string {
  return `${COLUMN_PREFIX}${status}`;
}

export function statusOfColumnId(id: string): RiskStatus | null {
  if (!id.startsWith(COLUMN_PREFIX)) return null;
  const status = id.slice(COLUMN_PREFIX.length) as RiskStatus;
  return RISK_STATUSES.includes(status) ? status : null;
}

export interface DropTarget {
  status: RiskStatus;
  beforeKey: string | null;
}

/** The move a drop makes; null when it changes nothing (dropped on itself, or nowhere known). */
export function dropTarget(risks: readonly Risk[], activeKey: string, overId: string): DropTarget | null {
  const active = risks.find((r) => r.key === activeKey);
  if (!active || overId === activeKey) return null;
  const status = statusOfColumnId(overId);
  if (status !== null) {
    const column = columnOf(risks, status);
    return status === active.status && column.at(-1)?.key === activeKey ? null : { status, beforeKey: null };
  }
  const over = risks.find((r) => r.key === overId);
  if (!over) return null;
  const column = columnOf(risks, over.status);
  if (over.status === active.status) {
    const from = column.findIndex((r) => r.key === activeKey);
    const to = column.findIndex((r) => r.key === overId);
    if (from < to) return { status: over.status, beforeKey: column[to + 1]?.key ?? null };
  }
  return { status: over.status, beforeKey: over.key };
}
