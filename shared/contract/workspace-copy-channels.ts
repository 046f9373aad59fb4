import { z } from 'zod';
import { channel } from './channel';
import { FilePath, WorkspacePathToWrite } from './file-path';
import { WorkspaceName, WorkspaceSummary } from './workspace-channels';

// Copies of a workspace made to leave the machine: anonymised (names replaced, free text dropped,
// dates shifted) to share a portfolio without its client, and sealed (encrypted with a passphrase)
// to carry it. docs/WORKSPACE.md says what each keeps and how.

/** Whole days every date of an anonymised copy moves by; negative moves them earlier. */
export const ShiftDays = z.number().int('the date shift must be a whole number of days').min(-36_500).max(36_500);

/**
 * A passphrase is never echoed in a message or stored anywhere; the transports keep it in the body
 * of one call only. Sealing asks for at least 8 characters; opening accepts whatever was chosen.
 */
export const Passphrase = z.string().min(1, 'a passphrase is required').max(1024, 'a passphrase can be at most 1,024 characters');
export const NewPassphrase = Passphrase.refine((p) => p.length >= 8, 'a passphrase needs at least 8 characters');

export const AnonymisedCopySummary = z.object({ path: z.string(), name: z.string(), shiftDays: z.number().int() });
export type AnonymisedCopySummary = z.infer<typeof AnonymisedCopySummary>;

export const SealedCopySummary = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });
export type SealedCopySummary = z.infer<typeof SealedCopySummary>;

// Writing a copy changes no answer about the open workspace; only a folder's listing gains a file.
export const workspaceCopyChannels = {
  'workspace.anonymise': channel(
    z.object({ path: WorkspacePathToWrite, shiftDays: ShiftDays.default(0), name: WorkspaceName.optional(), replace: z.boolean().default(false) }),
    AnonymisedCopySummary,
    'Write an anonymised copy of the open workspace (pseudonyms keyed with a key that is never stored, free text dropped, dates shifted); the open workspace stays open.',
    { mutates: ['files.'] },
  ),
  'workspace.seal': channel(
    z.object({ path: FilePath, passphrase: NewPassphrase, replace: z.boolean().default(false) }),
    SealedCopySummary,
    'Write the open workspace encrypted with a passphrase (scrypt + AES-256-GCM); the open workspace stays open.',
    { mutates: ['files.'] },
  ),
  'workspace.unseal': channel(
    z.object({ sealedPath: FilePath, path: WorkspacePathToWrite, passphrase: Passphrase, replace: z.boolean().default(false), open: z.boolean().default(true) }),
    WorkspaceSummary,
    'Decrypt a sealed copy into a workspace file (checked like any workspace) and, by default, open it. A wrong passphrase or a changed byte writes nothing.',
    { mutates: 'all', replacesOpen: true },
  ),
};
