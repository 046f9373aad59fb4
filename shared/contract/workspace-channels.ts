import { z } from 'zod';
import { EntityCounts } from '../domain/entities';
import { UtcTimestamp } from '../domain/time';
import { channel } from './channel';

export const WORKSPACE_EXTENSION = '.interlock';

const FilePath = z.string().trim().min(1, 'a file path is required').max(4096);

export const WorkspaceSummary = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const WorkspaceOverview = WorkspaceSummary.extend({
  counts: EntityCounts,
  /** Rows per SQLite table, for diagnostics (the CLI's `info`). */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  valueStreams: z.array(z.string()),
  /** Earliest and latest instant found in the data, or null for an empty workspace. */
  dateRange: z.object({ from: UtcTimestamp, to: UtcTimestamp }).nullable(),
  fileBytes: z.number().int().nonnegative(),
});
export type WorkspaceOverview = z.infer<typeof WorkspaceOverview>;

export const RecentWorkspace = z.object({ path: z.string(), name: z.string(), openedAt: UtcTimestamp, exists: z.boolean() });
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

export const DemoOptions = z.object({
  items: z.number().int().min(50, 'at least 50 items').max(1_000_000, 'at most 1,000,000 items').default(2500),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
});

export const workspaceChannels = {
  'workspace.current': channel(z.object({}), WorkspaceSummary.nullable(), 'The open workspace, or null when none is open.'),
  'workspace.create': channel(
    z.object({ path: FilePath, name: z.string().trim().min(1).max(200).optional() }),
    WorkspaceSummary,
    'Create an empty workspace file (refuses to overwrite) and open it.', { mutates: 'all' },
  ),
  'workspace.createDemo': channel(
    z.object({ path: FilePath, overwrite: z.boolean().default(false) }).extend(DemoOptions.shape),
    WorkspaceSummary,
    'Write the deterministic demo workspace to a new file and open it.', { mutates: 'all' },
  ),
  'workspace.openDemo': channel(z.object({}), WorkspaceSummary, "Open the bundled demo workspace from the user's data folder, generating it on first use.", { mutates: 'all' }),
  'workspace.open': channel(z.object({ path: FilePath }), WorkspaceSummary, 'Open an existing workspace file, checking and migrating it.', { mutates: 'all' }),
  'workspace.saveAs': channel(
    z.object({ path: FilePath, switchTo: z.boolean().default(true) }),
    WorkspaceSummary,
    'Copy the open workspace through the SQLite backup API; by default continue in the copy.', { mutates: 'all' },
  ),
  'workspace.close': channel(z.object({}), z.object({ closed: z.boolean() }), 'Close the open workspace.', { mutates: 'all' }),
  'workspace.recent': channel(z.object({}), z.array(RecentWorkspace), 'Recently opened workspaces, newest first.'),
  'workspace.overview': channel(z.object({}), WorkspaceOverview, 'Name, schema version, counts per entity and the date range of the open workspace.'),
};
