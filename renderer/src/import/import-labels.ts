import type { EntityCounts } from '../../../shared/domain/entities';
import { ENTITY_NAMES } from '../../../shared/domain/entity-names';
import { FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat } from '../../../shared/import/format-names';
import { formatCount } from '../format';

export const ENTITY_LABELS: Record<keyof EntityCounts, string> = {
  teams: 'teams',
  items: 'work items',
  transitions: 'status changes',
  dependencies: 'dependencies',
  deployments: 'deployments',
  incidents: 'incidents',
  objectives: 'objectives',
  plans: 'planning rows',
  releases: 'releases',
  risks: 'risks',
};

export const FORMAT_CHOICES: { value: 'auto' | ImportFormat; label: string }[] = [
  { value: 'auto', label: 'Tell from the headers' },
  ...IMPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] })),
];

const SINGULAR: Record<keyof EntityCounts, string> = {
  teams: 'team',
  items: 'work item',
  transitions: 'status change',
  dependencies: 'dependency',
  deployments: 'deployment',
  incidents: 'incident',
  objectives: 'objective',
  plans: 'planning row',
  releases: 'release',
  risks: 'risk',
};

/** "15 work items, 1 dependency", or "nothing". */
export function describeCounts(counts: EntityCounts): string {
  const parts = ENTITY_NAMES.filter((e) => counts[e] !== 0).map((e) => `${formatCount(counts[e])} ${Math.abs(counts[e]) === 1 ? SINGULAR[e] : ENTITY_LABELS[e]}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export function totalOf(counts: EntityCounts): number {
  return ENTITY_NAMES.reduce((sum, e) => sum + counts[e], 0);
}
