import { z } from 'zod';
import { UtcTimestamp } from '../domain/date-schemas';
import { channel } from './channel';
import { FilePath } from './file-path';

// The browser host cannot show the machine's file dialogs, so its file chooser browses folders
// through this channel: read only, and only inside the user's home folder, the default workspaces
// folder and the folders the user opened workspaces from. Everything else is refused.

export const FolderEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['folder', 'workspace', 'sealed', 'file']),
  bytes: z.number().int().nonnegative().nullable(),
  modifiedAt: UtcTimestamp.nullable(),
});
export type FolderEntry = z.infer<typeof FolderEntry>;

export const FolderPlace = z.object({ label: z.string(), path: z.string() });
export type FolderPlace = z.infer<typeof FolderPlace>;

export const FolderListing = z.object({
  dir: z.string(),
  /** The folder above, or null where browsing stops (at the top of an allowed folder). */
  parent: z.string().nullable(),
  /** Where browsing may start: home, the workspaces folder, folders of recent workspaces. */
  places: z.array(FolderPlace),
  /** Folders first, then files; hidden ones (a leading dot) left out. */
  entries: z.array(FolderEntry),
  /** More entries than a listing holds: the rest are left out. */
  truncated: z.boolean(),
});
export type FolderListing = z.infer<typeof FolderListing>;

export const filesChannels = {
  'files.list': channel(
    z.object({ dir: FilePath.optional() }),
    FolderListing,
    "A folder's folders and files, read only, inside the allowed folders (default: the workspaces folder, else home); anything outside them is refused.",
  ),
};
