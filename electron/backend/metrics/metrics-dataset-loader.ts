import type { Database } from 'better-sqlite3';
import { computeItemFlow, type ItemFlow } from '../../../shared/metrics/item-flow';
import { ItemColumnsBuilder, TransitionColumnsBuilder, type MetricsDataset } from '../../../shared/metrics/metrics-dataset';
import { changeCounter, describeItemsById, expectedRows, maxItemId, readDependencies, readDeployments, readIncidents, readTeams, scanItems, scanTransitions } from './metrics-queries';

export interface LoadedMetrics {
  readonly dataset: MetricsDataset;
  /** Per-item facts from the histories; they depend on no filter, so they are computed once per load. */
  readonly flow: ItemFlow;
}

/**
 * The workspace in columnar form, read in one pass over each table and kept until this connection
 * changes a row (an import, a correction): changing a filter or window then costs no I/O at all.
 */
const cache = new WeakMap<Database, { changes: number; loaded: LoadedMetrics }>();

export function loadMetrics(db: Database): LoadedMetrics {
  const cached = cachedMetrics(db);
  if (cached) return cached;
  const dataset = readDataset(db);
  const loaded = { dataset, flow: computeItemFlow(dataset) };
  // Reading changes no row, so the counter is still the one the read started from.
  cache.set(db, { changes: changeCounter(db), loaded });
  return loaded;
}

/** What `loadMetrics` would answer without reading (the prefetch's result), or null when it would have to read. */
export function cachedMetrics(db: Database): LoadedMetrics | null {
  const cached = cache.get(db);
  return cached && cached.changes === changeCounter(db) ? cached.loaded : null;
}

export function readDataset(db: Database): MetricsDataset {
  const teamRows = readTeams(db);
  const teamIndexById = new Map(teamRows.map((t, i) => [t.id, i]));
  const teamIndex = (id: number | null) => (id === null ? -1 : (teamIndexById.get(id) ?? -1));

  // Row ids map to item indexes through a typed array (ids are dense in practice); a Map otherwise.
  const maxId = maxItemId(db);
  const dense = maxId <= 50_000_000;
  const indexOfId = dense ? new Int32Array(maxId + 1).fill(-1) : null;
  const indexMap = dense ? null : new Map<number, number>();
  const lookup = (id: number) => (indexOfId ? (indexOfId[id] ?? -1) : (indexMap!.get(id) ?? -1));

  let last = Number.NEGATIVE_INFINITY;
  const seen = (t: number | null) => {
    if (t !== null && t > last) last = t;
  };
  const expected = expectedRows(db);
  const items = new ItemColumnsBuilder(expected.items);
  scanItems(db, (id, teamId, type, createdAt, firstActiveAt, doneAt, category) => {
    const index = items.push(id, teamIndex(teamId), type, createdAt, firstActiveAt, doneAt, category);
    if (indexOfId) indexOfId[id] = index;
    else indexMap!.set(id, index);
    seen(createdAt);
    seen(firstActiveAt);
    seen(doneAt);
  });
  const itemColumns = items.finish();

  const transitions = new TransitionColumnsBuilder(expected.transitions);
  scanTransitions(db, (itemId, at, category) => {
    const index = lookup(itemId);
    if (index < 0 || category < 0) return;
    transitions.push(index, at, category);
    if (at > last) last = at;
  });

  const dependencies = readDependencies(db).map((d) => ({
    key: d.key,
    fromItem: d.fromItemId === null ? -1 : lookup(d.fromItemId),
    fromItemKey: d.fromItemKey,
    fromTeam: teamIndex(d.fromTeamId),
    toTeam: teamIndex(d.toTeamId),
    interfaceName: d.interfaceName,
    createdAt: d.createdAt,
    neededBy: d.neededBy,
    resolvedAt: d.resolvedAt,
  }));
  const deployments = readDeployments(db, teamIndex);
  const incidents = readIncidents(db, teamIndex);
  for (const d of deployments) seen(d.at);
  for (const i of incidents) {
    seen(i.openedAt);
    seen(i.resolvedAt);
  }

  return {
    teams: teamRows.map(({ key, name, valueStream }) => ({ key, name, valueStream })),
    items: itemColumns,
    transitions: transitions.finish(itemColumns),
    dependencies,
    deployments,
    incidents,
    asOf: Number.isFinite(last) ? last : null,
    describeItems: (indexes) => describeItemsById(db, indexes.map((i) => itemColumns.id[i]!)),
  };
}
