import { z } from 'zod';
import { EntityCounts } from '../domain/entities';
import { UtcTimestamp } from '../domain/date-schemas';
import { channel } from './channel';
import { FilePath, WorkspacePathToOpen, WorkspacePathToWrite } from './file-path';

/** A workspace's own name (kept in the file, shown in the title bar and Open Recent). */
export const WorkspaceName = z.string().trim().min(1, 'a workspace needs a name').max(200, 'a workspace name can be at most 200 characters');

export const WorkspaceSummary = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  /** The bundled demo in the app's state folder (imports into it ask first). */
  demo: z.boolean().default(false),
  /**
   * Set when the workspace was opened only to look at it (`lookOnly`): the schema version of its
   * file, which was not changed (`schemaVersion` is the copy's in memory, upgraded when older).
   */
  fileSchemaVersion: z.number().int().optional(),
  /**
   * A random id this backend gave the workspace when it opened it, new at every opening (another
   * file, the same file re-opened or restored, a Save As continued in the copy, New, the demo), the
   * same while it stays open (a rename, an import). A window sends it with its writes
   * (`shared/contract/shown-workspace.ts`). Absent for a file written but not opened here.
   */
  openId: z.string().optional(),
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

export const RecentWorkspace = z.object({ path: z.string(), name: z.string(), openedAt: UtcTimestamp, exists: z.boolean(), /** The folder holding it, to tell two workspaces of one name apart. */ folder: z.string() });
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

export const FileInspection = z.object({
  path: z.string(),
  /** What is at the path, without opening it for writing. */
  state: z.enum(['missing', 'workspace', 'folder', 'not-a-workspace', 'newer', 'damaged']),
  /** The workspace's own name, when it could be read. */
  name: z.string().nullable(),
  /** Another window or program holds it. */
  locked: z.boolean(),
  /** Why it cannot be opened or replaced, for people; null for a healthy workspace or a free path. */
  message: z.string().nullable(),
});
export type FileInspection = z.infer<typeof FileInspection>;

export const BACKUP_REASONS = ['before-migration', 'before-import', 'before-restore', 'before-replace'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BackupEntry = z.object({
  /** 1 is the newest. */
  number: z.number().int().positive(),
  path: z.string(),
  takenAt: UtcTimestamp,
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number().int().nonnegative(),
  /** The workspace name stored in the copy. */
  name: z.string().nullable(),
  /** What the copy holds, so backups taken alike can be told apart; null when it cannot be read. */
  holds: z.object({ teams: z.number().int().nonnegative(), items: z.number().int().nonnegative() }).nullable(),
  /** Where the workspace's file was when the copy was taken (another path after a rename or a move). */
  takenOf: z.string(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupList = z.object({
  workspace: z.string(),
  folder: z.string(),
  /** Backups kept per path, whatever they were taken before. */
  kept: z.number().int(),
  /** Besides those, the newest taken before a replace, and the newest before a restore, kept per path. */
  keptBesides: z.number().int(),
  backups: z.array(BackupEntry),
});
export type BackupList = z.infer<typeof BackupList>;

export const RestoredBackup = WorkspaceSummary.extend({
  restored: BackupEntry,
  /** The backup taken of what the workspace held just before the restore (null when it could not be read). */
  backupOfPrevious: z.string().nullable(),
  /** Where a damaged file that stood at the path was moved to (it is never deleted). */
  damagedKeptAt: z.string().nullable(),
});
export type RestoredBackup = z.infer<typeof RestoredBackup>;

export const DemoOptions = z.object({
  items: z.number().int().min(50, 'at least 50 items').max(1_000_000, 'at most 1,000,000 items').default(2500),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
});

export const workspaceChannels = {
  'workspace.current': channel(z.object({}), WorkspaceSummary.nullable(), 'The open workspace, or null when none is open.'),
  'workspace.create': channel(
    z.object({ path: WorkspacePathToWrite, name: WorkspaceName.optional() }),
    WorkspaceSummary,
    'Create an empty workspace file (refuses to overwrite) and open it.', { mutates: 'all', replacesOpen: true },
  ),
  'workspace.createForFiles': channel(
    z.object({
      fileNames: z.array(z.string().trim().min(1).max(255)).min(1, 'choose at least one file').max(200),
      /** Start from a copy of the open workspace (e.g. the demo) instead of an empty one. */
      copyOfOpen: z.boolean().default(false),
    }),
    WorkspaceSummary,
    'Create and open a new workspace for files about to be imported (empty, or a copy of the open one): named after them, in the default workspaces folder, never over an existing file.',
    { mutates: 'all' },
  ),
  'workspace.rename': channel(z.object({ name: WorkspaceName }), WorkspaceSummary, "Rename the open workspace (its own name, kept in the file; the file's name stays).", { mutates: 'all' }),
  'workspace.createDemo': channel(
    z.object({ path: WorkspacePathToWrite, overwrite: z.boolean().default(false) }).extend(DemoOptions.shape),
    WorkspaceSummary,
    'Write the deterministic demo workspace to a new file and open it.', { mutates: 'all', replacesOpen: true },
  ),
  'workspace.openDemo': channel(z.object({}), WorkspaceSummary, "Open the bundled demo workspace from the user's data folder, generating it on first use.", { mutates: 'all', replacesOpen: true }),
  'workspace.open': channel(
    z.object({ path: WorkspacePathToOpen, lookOnly: z.boolean().optional() }),
    WorkspaceSummary,
    'Open an existing workspace file, checking and migrating it. With `lookOnly`, the file is not changed by a byte: checked read-only and copied into memory, upgraded there when older (what is written goes to the copy).',
    { mutates: 'all', replacesOpen: true },
  ),
  'workspace.saveAs': channel(
    z.object({ path: WorkspacePathToWrite, switchTo: z.boolean().default(true), replace: z.boolean().default(false), name: WorkspaceName.optional() }),
    WorkspaceSummary,
    "Copy the open workspace through the SQLite backup API; by default continue in the copy. The copy is named `name` (default: from its file name). An existing file is replaced only with `replace: true`, and only a healthy workspace no one else holds.", { mutates: 'all' },
  ),
  'workspace.inspect': channel(
    z.object({ path: FilePath }),
    FileInspection,
    'What is at a path (nothing, a workspace and its name, another kind of file), read without writing: for "Replace …?" questions.',
  ),
  'workspace.backups.list': channel(
    z.object({ path: FilePath.optional() }),
    BackupList,
    'The automatic backups of a workspace (default: the open one), newest first.',
  ),
  'workspace.backups.restore': channel(
    z.object({ path: WorkspacePathToWrite.optional(), number: z.number().int().positive() }),
    RestoredBackup,
    'Put backup N back at the workspace path and open it; what the path held is backed up (or, if damaged, moved aside) first.',
    { mutates: 'all' },
  ),
  'workspace.close': channel(z.object({}), z.object({ closed: z.boolean() }), 'Close the open workspace.', { mutates: 'all', replacesOpen: true }),
  'workspace.recent': channel(z.object({}), z.array(RecentWorkspace), 'Recently opened workspaces, newest first.'),
  'workspace.overview': channel(z.object({}), WorkspaceOverview, 'Name, schema version, counts per entity and the date range of the open workspace.'),
};
