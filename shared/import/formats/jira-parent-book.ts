import type { IssueLog } from '../import-issues';
import type { ItemRecord } from '../import-records';

interface WaitingItem {
  readonly item: ItemRecord;
  readonly parentId: string;
  /** The file that listed the item: where a warning about its parent is told. */
  readonly file: string;
}

/**
 * The parents that one import's Jira CSV files name by numeric issue id (Jira Cloud's "Parent" column
 * holds the parent's id, not its key). A CSV export holds at most 1,000 issues, so a big export comes
 * in parts, and a story's epic is often in another part than the story: the id becomes a key once
 * the file holding that issue has been read, whichever file it is.
 *
 * The items are handed to the sink as they are read (their links are checked against them), with no
 * parent; `resolve` fills in `parentKey` of those whose parent has been read since. Sinks keep the
 * records they are given until the import is written, so the key reaches the workspace.
 */
export class JiraParentBook {
  readonly #keyById = new Map<string, string>();
  #waiting: WaitingItem[] = [];

  /** An issue read, with its numeric id. */
  issue(id: string, key: string): void {
    this.#keyById.set(id, key);
  }

  /** The key of the issue with this id, if read so far. */
  keyOf(id: string): string | undefined {
    return this.#keyById.get(id);
  }

  /** An item whose parent is named by an id not read yet. */
  waitFor(item: ItemRecord, parentId: string, file: string): void {
    this.#waiting.push({ item, parentId, file });
  }

  /** Fills in the parent of every waiting item whose parent has been read since. */
  resolve(): void {
    if (this.#waiting.length === 0) return;
    const still: WaitingItem[] = [];
    for (const waiting of this.#waiting) {
      const key = this.#keyById.get(waiting.parentId);
      if (key === undefined) still.push(waiting);
      else waiting.item.parentKey = key;
    }
    this.#waiting = still;
  }

  /** The items whose parent is in no file read, in the order they were read; none are kept. */
  unresolved(): readonly WaitingItem[] {
    this.resolve();
    const rest = this.#waiting;
    this.#waiting = [];
    return rest;
  }
}

/** Warns, in the file that named it, that an item's parent id was in none of the files read (`where`: "this file" or "any file of this import"). */
export function warnParentMissing(issues: IssueLog, file: string, item: ItemRecord, parentId: string, where: string): void {
  issues.warn(file, item.line, 'Parent', parentId, 'unknown-item', `Parent id ${parentId} of ${item.key} is not in ${where}, so its parent is left empty.`);
}
