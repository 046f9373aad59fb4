import { z } from 'zod';
import { CoordinationReport } from '../coordination/report-schema';
import { CoordinationSettings } from '../coordination/settings';
import { ScenarioChanges, WhatIfResult } from '../coordination/what-if';
import { Key } from '../domain/entities';
import { UtcTimestamp } from '../domain/date-schemas';
import { channel } from './channel';

/**
 * The analysis window: `days` back from `end`. Both optional: the days default to the setting
 * (90), the end to the latest instant in the workspace's data, never the calendar, so the same
 * file gives the same answer on any day.
 */
export const CoordinationWindow = z.object({
  days: z.number().int().min(7, 'a window of at least 7 days').max(3650, 'a window of at most 3650 days').optional(),
  end: UtcTimestamp.optional(),
});
export type CoordinationWindow = z.infer<typeof CoordinationWindow>;

const WindowInput = z.object({ window: CoordinationWindow.optional() });

export const CoordinationGroupSummary = z.object({ id: z.string(), name: z.string(), teamKeys: z.array(z.string()) });

const ForumName = z.string().trim().min(1, 'a forum needs a name').max(200, 'at most 200 characters');
export const Forum = z.object({ id: z.number().int(), name: z.string(), cadence: z.string().nullable(), teamKeys: z.array(z.string()) });
export type Forum = z.infer<typeof Forum>;

const ScenarioName = z.string().trim().min(1, 'a scenario needs a name').max(200, 'at most 200 characters');
export const SavedScenario = z.object({ id: z.number().int(), name: z.string(), createdAt: UtcTimestamp, changes: ScenarioChanges });
export type SavedScenario = z.infer<typeof SavedScenario>;

const TeamRef = z.object({ key: z.string(), name: z.string() });
export const DependencyRow = z.object({
  key: z.string(),
  /** The team that waits ("from" depends on "to"); null when the dependency names no known team. */
  waitingTeam: TeamRef.nullable(),
  providingTeam: TeamRef.nullable(),
  fromItemKey: z.string().nullable(),
  fromItemTitle: z.string().nullable(),
  toItemKey: z.string().nullable(),
  kind: z.string(),
  interfaceName: z.string().nullable(),
  createdAt: UtcTimestamp,
  neededBy: UtcTimestamp.nullable(),
  resolvedAt: UtcTimestamp.nullable(),
  state: z.enum(['open', 'resolved']),
  /** Open: days from creation to the end of the data; resolved: days it took. */
  ageDays: z.number().nonnegative(),
  overdue: z.boolean(),
  /** Days the waiting item sat in a waiting status while this dependency was open. */
  blockedDays: z.number().nonnegative(),
});
export type DependencyRow = z.infer<typeof DependencyRow>;

export const DependencyList = z.object({
  asOf: UtcTimestamp,
  windowFrom: UtcTimestamp,
  /** Rows matching the filter; `dependencies` holds at most `limit` of them, oldest first. */
  total: z.number().int().nonnegative(),
  dependencies: z.array(DependencyRow),
  teams: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      valueStream: z.string().nullable(),
      /** Open dependencies this team waits on, and open dependencies others wait on it for. */
      waitingOn: z.number().int().nonnegative(),
      waitedOnBy: z.number().int().nonnegative(),
    }),
  ),
});
export type DependencyList = z.infer<typeof DependencyList>;

export const coordinationChannels = {
  'coordination.groups': channel(
    WindowInput,
    z.object({ groups: z.array(CoordinationGroupSummary) }),
    'The groups of coupled teams (id, name, team keys), for filters on other pages.',
  ),
  'coordination.recommend': channel(
    WindowInput,
    CoordinationReport,
    'Coupling per team pair, groups with their recommended coordination model and reasons, findings and congruence.',
  ),
  'coordination.settings.get': channel(
    z.object({}),
    z.object({ settings: CoordinationSettings, defaults: CoordinationSettings }),
    'The coupling weights and model thresholds of this workspace, with the defaults.',
  ),
  'coordination.settings.put': channel(z.object({ settings: CoordinationSettings }), CoordinationSettings, 'Store coupling weights and thresholds with the workspace.', { mutates: 'all' }),
  'coordination.settings.reset': channel(z.object({}), CoordinationSettings, 'Go back to the default weights and thresholds.', { mutates: 'all' }),
  'coordination.forums.list': channel(z.object({}), z.array(Forum), 'The coordination forums the user declared (for congruence).'),
  'coordination.forums.save': channel(
    z.object({
      id: z.number().int().positive().optional(),
      name: ForumName,
      cadence: z.string().trim().max(200).nullable().default(null),
      teamKeys: z.array(Key).max(10_000),
    }),
    Forum,
    'Create a forum, or replace one by id: name, cadence and member teams.', { mutates: ['coordination.'] },
  ),
  'coordination.forums.delete': channel(z.object({ id: z.number().int().positive() }), z.object({ deleted: z.boolean() }), 'Delete a declared forum.', { mutates: ['coordination.'] }),
  'coordination.scenarios.list': channel(z.object({}), z.array(SavedScenario), 'Saved what-if scenarios, newest first.'),
  'coordination.scenarios.save': channel(
    z.object({ id: z.number().int().positive().optional(), name: ScenarioName, changes: ScenarioChanges }),
    SavedScenario,
    'Save a what-if scenario (create, or replace one by id).', { mutates: ['coordination.scenarios.'] },
  ),
  'coordination.scenarios.delete': channel(z.object({ id: z.number().int().positive() }), z.object({ deleted: z.boolean() }), 'Delete a saved scenario.', { mutates: ['coordination.scenarios.'] }),
  'coordination.whatIf': channel(
    WindowInput.extend({ changes: ScenarioChanges }),
    WhatIfResult,
    'Evaluate moves, merges and resolved dependencies against the current advice; stores nothing.',
  ),
  'coordination.dependencies': channel(
    WindowInput.extend({
      state: z.enum(['open', 'resolved', 'all']).default('all'),
      teamKey: Key.optional(),
      side: z.enum(['either', 'waiting', 'providing']).default('either'),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    DependencyList,
    'Cross-team dependencies (open now, or resolved in the window) with age, state and who waits on whom, oldest first.',
  ),
};
