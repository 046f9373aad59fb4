import type { PseudonymKind } from './pseudonyms';
import type { RowFilterName, RewriterName } from './row-rewriters';

/**
 * What an anonymised copy does with one column:
 * - `pseudonym`: every value replaced by the pseudonym of its kind (the same name, the same pseudonym);
 * - `drop`: free text, emptied (NULL, or '' where the column is NOT NULL);
 * - `shift-date`: an instant (epoch ms), moved by the copy's shift in days;
 * - `rewrite`: a body that holds names (JSON, or a value whose meaning depends on its row), rebuilt by
 *   a named rewriter that keeps only what it knows;
 * - `keep`: numbers, ids, flags and fixed vocabularies that name nothing.
 */
export type ColumnRule =
  | { readonly kind: 'keep' }
  | { readonly kind: 'pseudonym'; readonly of: PseudonymKind }
  | { readonly kind: 'drop' }
  | { readonly kind: 'shift-date' }
  | { readonly kind: 'rewrite'; readonly with: RewriterName; readonly args?: readonly string[] };

export interface TableRule {
  /** `drop`: no row goes into the copy (caches). A filter keeps only the rows it knows (meta, settings). */
  readonly rows?: 'keep' | 'drop' | { readonly keepWhere: RowFilterName; readonly args: readonly string[] };
  readonly columns: Readonly<Record<string, ColumnRule>>;
}

const keep: ColumnRule = { kind: 'keep' };
const drop: ColumnRule = { kind: 'drop' };
const date: ColumnRule = { kind: 'shift-date' };
const as = (of: PseudonymKind): ColumnRule => ({ kind: 'pseudonym', of });

/**
 * Every column of every table, classified. A column that is not here stops the copy (a newer schema
 * must be classified before it can be anonymised), and a test fails for any column of the current
 * schema missing here — so a table added later cannot slip into a copy with its names.
 */
export const ANONYMISATION_RULES: Readonly<Record<string, TableRule>> = {
  meta: {
    rows: { keepWhere: 'meta-known', args: ['key'] },
    columns: { key: keep, value: { kind: 'rewrite', with: 'meta-value', args: ['key'] } },
  },
  teams: { columns: { id: keep, key: as('team-key'), name: as('team'), value_stream: as('value-stream') } },
  work_items: {
    columns: {
      id: keep,
      key: as('item-key'),
      title: as('item-title'),
      type: keep,
      team_id: keep,
      status: as('status'),
      status_category: keep,
      created_at: date,
      first_active_at: date,
      done_at: date,
      parent_key: as('item-key'),
      size: keep,
      sprint: as('sprint'),
    },
  },
  status_transitions: { columns: { id: keep, item_id: keep, from_status: as('status'), to_status: as('status'), to_category: keep, at: date } },
  objectives: {
    columns: {
      id: keep,
      key: as('objective-key'),
      title: as('objective'),
      level: keep,
      parent_key: as('objective-key'),
      increment_id: keep,
      business_value: keep,
      actual_value: keep,
      committed: keep,
    },
  },
  objective_teams: { columns: { objective_id: keep, team_id: keep } },
  item_objectives: { columns: { item_id: keep, objective_key: as('objective-key'), source: keep } },
  dependencies: {
    columns: {
      id: keep,
      key: as('dependency-key'),
      from_item_key: as('item-key'),
      from_item_id: keep,
      from_team_id: keep,
      to_item_key: as('item-key'),
      to_team_id: keep,
      kind: as('link-type'),
      interface_name: as('interface'),
      created_at: date,
      needed_by: date,
      resolved_at: date,
    },
  },
  deployments: {
    columns: { id: keep, key: as('deployment-key'), team_id: keep, service: as('service'), at: date, succeeded: keep, change_at: date, release: as('release') },
  },
  deployment_items: { columns: { deployment_id: keep, item_key: as('item-key') } },
  // A release's name is pseudonymised as deployments' `release` is, so a release still joins both.
  releases: { columns: { id: keep, name: as('release'), released_at: date } },
  item_releases: { columns: { item_id: keep, release_id: keep } },
  incidents: {
    columns: {
      id: keep,
      key: as('incident-key'),
      team_id: keep,
      service: as('service'),
      opened_at: date,
      resolved_at: date,
      caused_by_deployment_key: as('deployment-key'),
      attribution: keep,
    },
  },
  status_map: { columns: { status: as('status'), category: keep, source: keep } },
  settings: {
    rows: { keepWhere: 'setting-known', args: ['key'] },
    columns: { key: keep, value: { kind: 'rewrite', with: 'setting-value', args: ['key'] } },
  },
  imports: {
    columns: {
      id: keep,
      file_name: as('import-file'),
      content_hash: as('content-hash'),
      format: keep,
      imported_at: date,
      counts: { kind: 'rewrite', with: 'import-counts' },
      warnings: keep,
      rejected: keep,
    },
  },
  forums: { columns: { id: keep, name: as('forum'), cadence: drop } },
  forum_teams: { columns: { forum_id: keep, team_id: keep } },
  scenarios: { columns: { id: keep, name: as('scenario'), created_at: date, body: { kind: 'rewrite', with: 'scenario-body' } } },
  // A cache of names and dates in columnar form: never copied; the copy's first metrics call rebuilds it.
  metrics_snapshot: { rows: 'drop', columns: { id: keep, format: keep, data: drop } },
  increments: { columns: { id: keep, name: as('increment'), start_at: date, end_at: date, capacity_unit: keep } },
  iterations: { columns: { id: keep, increment_id: keep, team_id: keep, name: as('iteration'), start_at: date, end_at: date } },
  planned_items: { columns: { id: keep, increment_id: keep, item_id: keep, team_id: keep, iteration_id: keep, rank: keep, size: keep } },
  capacity: { columns: { iteration_id: keep, team_id: keep, amount: keep } },
  milestones: { columns: { id: keep, increment_id: keep, name: as('milestone'), at: date, team_id: keep } },
  plan_baselines: { columns: { id: keep, increment_id: keep, name: as('baseline'), taken_at: date, body: { kind: 'rewrite', with: 'baseline-body' } } },
  sprints: { columns: { name: as('sprint'), start_at: date, end_at: date } },
  risks: {
    columns: {
      id: keep,
      key: as('risk-key'),
      title: as('risk'),
      description: drop,
      owner_team_key: as('team-key'),
      owner_person: as('person'),
      scope_kind: keep,
      scope_key: { kind: 'rewrite', with: 'scope-key', args: ['scope_kind'] },
      status: keep,
      rank: keep,
      raised_from_dependency: as('dependency-key'),
      created_at: date,
      updated_at: date,
    },
  },
  risk_links: { columns: { risk_id: keep, kind: keep, key: { kind: 'rewrite', with: 'risk-link-key', args: ['kind'] } } },
  risk_history: { columns: { id: keep, risk_id: keep, at: date, from_status: keep, to_status: keep, who: as('person'), note: drop } },
  confidence_votes: {
    columns: {
      id: keep,
      scope_kind: keep,
      scope_key: { kind: 'rewrite', with: 'scope-key', args: ['scope_kind'] },
      increment: as('increment'),
      at: date,
      ones: keep,
      twos: keep,
      threes: keep,
      fours: keep,
      fives: keep,
      note: drop,
    },
  },
  decks: { columns: { id: keep, name: as('deck'), updated_at: date } },
  deck_entries: { columns: { id: keep, deck_id: keep, position: keep, title: as('slide'), address: { kind: 'rewrite', with: 'deck-address' }, timebox_seconds: keep } },
};

export interface SchemaColumn {
  table: string;
  column: string;
  /** The declared type, upper case ('' when none). */
  type: string;
}

/**
 * The columns of a schema that the rules do not classify (SQLite's own tables aside), and the
 * classified columns the schema no longer has. Both must be empty before a copy is made.
 */
export function unclassifiedColumns(schema: readonly SchemaColumn[], rules: Readonly<Record<string, TableRule>> = ANONYMISATION_RULES): { missing: SchemaColumn[]; stale: string[] } {
  const present = new Set<string>();
  const missing: SchemaColumn[] = [];
  for (const c of schema) {
    if (c.table.startsWith('sqlite_')) continue;
    present.add(`${c.table}.${c.column}`);
    if (!Object.prototype.hasOwnProperty.call(rules, c.table) || !Object.prototype.hasOwnProperty.call(rules[c.table]!.columns, c.column)) missing.push(c);
  }
  const stale = Object.entries(rules).flatMap(([table, rule]) => Object.keys(rule.columns).map((column) => `${table}.${column}`)).filter((name) => !present.has(name));
  return { missing, stale };
}
