import type { DependencyRecord, RecordSink } from '../import-records';
import { dependencyFromLink } from './link-dependencies';

interface PendingLink {
  readonly record: DependencyRecord;
  /** The file in which the link was first listed: where its dependency is counted and any warning about it told. */
  readonly file: string;
}

/**
 * The dependency-like issue links of one import's Jira files (JSON or CSV). Jira lists a link on the
 * issues at both of its ends, and an export in parts (one file per REST search page; CSV exports of
 * at most 1,000 issues each) often puts those in different files: the link becomes one dependency
 * once both ends have been read, with the later of the two issues' creation dates, whichever files
 * they are in. A link whose other end is in no file of the import is handed over at the end
 * (`unpaired`), when the checker can tell whether the workspace has that item.
 */
export class JiraLinkBook {
  readonly #read = new Set<string>();
  readonly #teamOf = new Map<string, string | null>();
  readonly #pending = new Map<string, PendingLink>();

  /** An issue mapped into an item, with its team. */
  issue(key: string, team: string | null): void {
    this.#read.add(key);
    this.#teamOf.set(key, team);
  }

  /** A link listed on an issue created at `createdAt` (on `line` of `file`, for a CSV). */
  link(from: string, to: string, kind: string, createdAt: number, file: string, line: number | null): void {
    const key = `${from}->${to}`;
    const pending = this.#pending.get(key);
    if (pending) pending.record.createdAt = Math.max(pending.record.createdAt, createdAt);
    else this.#pending.set(key, { record: dependencyFromLink(from, to, { kind, createdAt, line }), file });
  }

  /** Hands `sink` the dependency of every link whose two ends have both been read. */
  pairedTo(sink: RecordSink): void {
    for (const [key, pending] of this.#pending) {
      const { fromItemKey, toItemKey } = pending.record;
      if (!this.#read.has(fromItemKey!) || !this.#read.has(toItemKey!)) continue;
      this.#pending.delete(key);
      sink.dependency(this.#finished(pending.record));
    }
  }

  /** The links still waiting for their other end, in the order they were first listed, each with its file; none are kept. */
  unpaired(): PendingLink[] {
    const rest = [...this.#pending.values()].map(({ record, file }) => ({ record: this.#finished(record), file }));
    this.#pending.clear();
    return rest;
  }

  #finished(record: DependencyRecord): DependencyRecord {
    record.fromTeamKey = this.#teamOf.get(record.fromItemKey!) ?? null;
    record.toTeamKey = this.#teamOf.get(record.toItemKey!) ?? null;
    // Resolved when the item waited on is done, as the workspace knows it once the import is written.
    record.resolvedWhenDone = true;
    return record;
  }
}
