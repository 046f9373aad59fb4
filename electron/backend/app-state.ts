import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../shared/contract/workspace-channels';
import { UtcTimestamp } from '../../shared/domain/date-schemas';

const MAX_RECENT = 10;

const StateFile = z.object({
  recent: z.array(z.object({ path: z.string(), name: z.string(), openedAt: UtcTimestamp })).default([]),
  /** The workspace open when the app last quit; null after the user closed it on purpose. */
  lastOpen: z.string().nullable().default(null),
});
type StateFile = z.infer<typeof StateFile>;

/**
 * Per-user state outside any workspace (recent files, the last one open). A damaged state file is
 * ignored rather than fatal: it only holds conveniences.
 */
export class AppState {
  readonly #file: string;
  constructor(readonly dir: string) {
    this.#file = join(dir, 'state.json');
  }

  #read(): StateFile {
    try {
      return StateFile.parse(JSON.parse(readFileSync(this.#file, 'utf8')));
    } catch {
      return { recent: [], lastOpen: null };
    }
  }

  #write(state: StateFile): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2));
    renameSync(tmp, this.#file);
  }

  recent(): RecentWorkspace[] {
    return this.#read().recent.map((r) => ({ ...r, exists: existsSync(r.path), folder: dirname(r.path) }));
  }

  /** The workspace open when the app last quit (it may have been moved since); null on first run or after a deliberate close. */
  lastOpened(): string | null {
    return this.#read().lastOpen;
  }

  /** True until the app has stored any state: the first run opens the demo workspace. */
  isFirstRun(): boolean {
    return !existsSync(this.#file);
  }

  remember(path: string, name: string, now = new Date()): void {
    const state = this.#read();
    const recent = [{ path, name, openedAt: now.toISOString() }, ...state.recent.filter((r) => r.path !== path)].slice(0, MAX_RECENT);
    this.#write({ recent, lastOpen: path });
  }

  /** Marks that the user closed their workspace on purpose, so the next start does not reopen it. */
  forgetLast(): void {
    const state = this.#read();
    this.#write({ ...state, lastOpen: null });
  }
}
