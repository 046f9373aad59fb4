import type { Result } from '../../shared/contract/result';
import type { StartupChoice } from '../backend/startup';
import type { Upload } from '../backend/uploads';

// What the host's HTTP thread and its backend thread say to each other. Every value crosses by
// structured clone: plain data, as on the HTTP wire.

export interface BackendThreadOptions {
  stateDir: string;
  /** The workspace asked for on the command line; null for the usual startup choice. */
  workspace: string | null;
}

export type ToBackend =
  | { kind: 'invoke'; id: number; channel: string; input: unknown }
  | { kind: 'adopt-upload'; id: number; upload: Upload }
  | { kind: 'close'; id: number };

export type FromBackend =
  | { kind: 'started'; startup: StartupChoice }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; result: Result<unknown> | null };
