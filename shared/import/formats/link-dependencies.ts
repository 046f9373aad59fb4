import type { DependencyRecord } from '../import-records';

/**
 * The dependency a work-item link makes (Jira issue links, Azure DevOps work item links): keyed
 * `waiting->waited-on`, so that the rows of one link seen from both of its ends make one record and
 * a re-import updates it. Its teams are the items' (the writer looks them up).
 */
export function dependencyFromLink(
  from: string,
  to: string,
  link: { kind: string; createdAt: number; line: number | null; resolvedAt?: number | null; resolvedWhenDone?: boolean },
): DependencyRecord {
  return {
    key: `${from}->${to}`,
    fromItemKey: from,
    fromTeamKey: null,
    toItemKey: to,
    toTeamKey: null,
    kind: link.kind,
    interfaceName: null,
    createdAt: link.createdAt,
    neededBy: null,
    resolvedAt: link.resolvedAt ?? null,
    ...(link.resolvedWhenDone ? { resolvedWhenDone: true } : {}),
    line: link.line,
  };
}
