import type { FieldSpec, RowReader } from '../columns';
import type { SprintRecord } from '../import-records';

// What trackers say about planning: an item's sprint (Jira's Sprint, Azure DevOps' Iteration Path)
// and its size (story points, effort). Shared by the Jira and Azure DevOps mappers; the plan page
// and docs/PLANNING.md say how these meet increments and iterations.

export const JIRA_PLANNING_FIELDS: FieldSpec[] = [
  { field: 'sprint', label: 'Sprint', aliases: ['sprint', 'custom field (sprint)'] },
  { field: 'size', label: 'Story points', aliases: ['custom field (story point estimate)', 'custom field (story points)', 'story point estimate', 'story points'] },
];

export const ADO_PLANNING_FIELDS: FieldSpec[] = [
  { field: 'sprint', label: 'Iteration Path', aliases: ['iteration path'] },
  { field: 'size', label: 'Story Points', aliases: ['story points', 'effort', 'size'] },
];

/** A size cell: a non-negative number (a decimal comma is read too); anything else is no size. */
export function readSize(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && text.trim() !== '' ? n : null;
}

/** Jira repeats the Sprint column once per sprint an issue was in: the last filled one is where it is now. */
export function jiraSprintAndSize(r: RowReader): { sprint: string | null; size: number | null } {
  const sprints = r.has('sprint') ? r.all('sprint').filter((s) => s.trim() !== '') : [];
  return { sprint: sprints.at(-1)?.trim().slice(0, 200) ?? null, size: r.has('size') ? readSize(r.text('size')) : null };
}

/** "Fabrikam\\2024\\Sprint 5" → "Sprint 5": the iteration an Iteration Path ends in. */
export function iterationFromPath(path: string): string {
  const parts = path.split('\\').map((p) => p.trim()).filter(Boolean);
  return parts.at(-1) ?? path;
}

export function adoSprintAndSize(r: RowReader): { sprint: string | null; size: number | null } {
  const path = r.has('sprint') ? r.text('sprint') : null;
  return { sprint: path === null ? null : iterationFromPath(path).slice(0, 200), size: r.has('size') ? readSize(r.text('size')) : null };
}

/**
 * Jira REST sprint values: objects {name, startDate, endDate, state} (Jira Cloud), or the old
 * "com.atlassian.greenhopper…[name=Sprint 5,startDate=…]" strings. The last is the current one.
 */
export function jiraRestSprints(value: unknown, readDate: (text: string) => number | null): SprintRecord[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const out: SprintRecord[] = [];
  for (const entry of list) {
    if (entry && typeof entry === 'object') {
      const o = entry as Record<string, unknown>;
      if (typeof o.name !== 'string' || o.name.trim() === '') continue;
      const date = (v: unknown) => (typeof v === 'string' ? readDate(v) : null);
      out.push({ name: o.name.trim().slice(0, 200), start: date(o.startDate), end: date(o.endDate ?? o.completeDate) });
    } else if (typeof entry === 'string') {
      const name = /name=([^,\]]+)/.exec(entry)?.[1] ?? (entry.includes('[') ? null : entry);
      if (name) out.push({ name: name.trim().slice(0, 200), start: null, end: null });
    }
  }
  return out;
}
