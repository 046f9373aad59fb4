import type { Result } from '../../../shared/contract/result';
import type { CallerWindow } from '../../../shared/contract/shown-workspace';
import type { StartupChoice } from '../startup';
import type { Upload } from '../uploads';

// What a backend served on its own thread or process and its caller say to each other (the browser
// host's HTTP thread, the desktop app's main process). Every value crosses by structured clone:
// plain data, as on the HTTP wire.

export interface BackendServiceOptions {
  stateDir: string;
  /** The workspace asked for on the command line; null for the usual startup choice. */
  workspace: string | null;
  /** Where workspaces made for the user go (a portable build: beside its executable); default in Documents. */
  workspacesDir?: string;
}

export type ToBackend =
  | { kind: 'invoke'; id: number; channel: string; input: unknown; caller?: CallerWindow }
  | { kind: 'adopt-upload'; id: number; upload: Upload }
  | { kind: 'close'; id: number };

export type FromBackend =
  | { kind: 'started'; startup: StartupChoice }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; result: Result<unknown> | null };
