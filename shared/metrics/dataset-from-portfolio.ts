import type { Portfolio } from '../domain/entities';
import { defaultCategoryFor } from '../domain/status-categories';
import { toEpochMs, toEpochMsOrNull } from '../domain/time';
import { ITEM_TYPES, STATUS_CATEGORIES, type StatusCategory } from '../domain/vocabulary';
import { byTimeThenKey, ItemColumnsBuilder, TransitionColumnsBuilder, type MetricsDataset } from './metrics-dataset';

/**
 * Builds the metrics dataset straight from a Portfolio (the JSON import format and the demo), the
 * way the backend builds it from a workspace. Status names map to categories with `categoryOf`
 * (the workspace's status map; the default guesses otherwise). Used by tests to compute expected
 * values without a database, and to check that the backend's loader agrees.
 */
export function datasetFromPortfolio(portfolio: Portfolio, categoryOf: (status: string) => StatusCategory = defaultCategoryFor): MetricsDataset {
  const teams = portfolio.teams.map((t) => ({ key: t.key, name: t.name, valueStream: t.valueStream }));
  const teamIndex = new Map(teams.map((t, i) => [t.key, i]));
  const teamOf = (key: string | null) => (key === null ? -1 : (teamIndex.get(key) ?? -1));
  const code = (c: StatusCategory) => STATUS_CATEGORIES.indexOf(c);

  const items = new ItemColumnsBuilder();
  const itemIndex = new Map<string, number>();
  portfolio.items.forEach((item, i) => {
    itemIndex.set(item.key, i);
    items.push(i + 1, teamOf(item.teamKey), ITEM_TYPES.indexOf(item.type), toEpochMs(item.createdAt), toEpochMsOrNull(item.firstActiveAt), toEpochMsOrNull(item.doneAt), code(item.statusCategory));
  });
  const itemColumns = items.finish();
  const transitions = new TransitionColumnsBuilder();
  for (const t of portfolio.transitions) {
    const i = itemIndex.get(t.itemKey);
    if (i !== undefined) transitions.push(i, toEpochMs(t.at), code(categoryOf(t.toStatus)));
  }

  const instants: number[] = [];
  for (const item of portfolio.items) {
    instants.push(toEpochMs(item.createdAt));
    for (const t of [item.firstActiveAt, item.doneAt]) if (t) instants.push(toEpochMs(t));
  }
  for (const t of portfolio.transitions) instants.push(toEpochMs(t.at));
  for (const d of portfolio.deployments) instants.push(toEpochMs(d.at));
  for (const i of portfolio.incidents) for (const t of [i.openedAt, i.resolvedAt]) if (t) instants.push(toEpochMs(t));

  const lastStatus = new Map<string, string>();
  for (const item of portfolio.items) lastStatus.set(item.key, item.status);
  return {
    teams,
    items: itemColumns,
    transitions: transitions.finish(itemColumns),
    dependencies: portfolio.dependencies.map((d) => ({
      key: d.key,
      fromItem: d.fromItemKey === null ? -1 : (itemIndex.get(d.fromItemKey) ?? -1),
      fromItemKey: d.fromItemKey,
      fromTeam: teamOf(d.fromTeamKey),
      toTeam: teamOf(d.toTeamKey),
      interfaceName: d.interfaceName,
      createdAt: toEpochMs(d.createdAt),
      neededBy: toEpochMsOrNull(d.neededBy),
      resolvedAt: toEpochMsOrNull(d.resolvedAt),
    })),
    deployments: portfolio.deployments
      .map((d) => ({ key: d.key, team: teamOf(d.teamKey), service: d.service, at: toEpochMs(d.at), succeeded: d.succeeded, changeAt: toEpochMsOrNull(d.changeAt), release: d.release }))
      .sort(byTimeThenKey((d) => d.at)),
    incidents: portfolio.incidents.map((i) => ({
      key: i.key,
      team: teamOf(i.teamKey),
      service: i.service,
      openedAt: toEpochMs(i.openedAt),
      resolvedAt: toEpochMsOrNull(i.resolvedAt),
      causedBy: i.causedByDeploymentKey,
      attribution: 'data' as const,
    })),
    asOf: instants.length === 0 ? null : instants.reduce((a, b) => Math.max(a, b)),
    firstAt: instants.length === 0 ? null : instants.reduce((a, b) => Math.min(a, b)),
    describeItems: (indexes) =>
      indexes.map((i) => {
        const item = portfolio.items[i]!;
        return { key: item.key, title: item.title, status: lastStatus.get(item.key) ?? item.status };
      }),
  };
}
