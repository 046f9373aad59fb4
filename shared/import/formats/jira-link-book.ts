import type { DependencyRecord, RecordSink } from '../import-records';
import { dependencyFromLink } from './link-dependencies';

interface PendingLink {
  readonly record: DependencyRecord;
  /** The file in which the link was first listed: where its dependency is counted and any warning about it told. */
  readonly file: string;
  /** Its place among the links listed so far: links are handed over in the order they were first listed. */
  readonly order: number;
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
  /** The issues read so far, with their teams. */
  readonly #teamOf = new Map<string, string | null>();
  readonly #pending = new Map<string, PendingLink>();
  /** Per issue not read yet, the pending links it would make whole: an export of a thousand pages looks only at those. */
  readonly #waitingOn = new Map<string, string[]>();
  /** Pending links whose ends may both have been read since the last `pairedTo`. */
  readonly #whole = new Set<string>();
  #listed = 0;

  /** An issue mapped into an item, with its team. */
  issue(key: string, team: string | null): void {
    this.#teamOf.set(key, team);
    const waiting = this.#waitingOn.get(key);
    if (!waiting) return;
    this.#waitingOn.delete(key);
    for (const link of waiting) this.#whole.add(link);
  }

  /** A link listed on an issue created at `createdAt` (on `line` of `file`, for a CSV). */
  link(from: string, to: string, kind: string, createdAt: number, file: string, line: number | null): void {
    const key = `${from}->${to}`;
    const pending = this.#pending.get(key);
    if (pending) {
      pending.record.createdAt = Math.max(pending.record.createdAt, createdAt);
      return;
    }
    this.#pending.set(key, { record: dependencyFromLink(from, to, { kind, createdAt, line }), file, order: this.#listed++ });
    const unread = [from, to].filter((issue) => !this.#teamOf.has(issue));
    if (unread.length === 0) this.#whole.add(key);
    for (const issue of unread) {
      const waiting = this.#waitingOn.get(issue);
      if (waiting) waiting.push(key);
      else this.#waitingOn.set(issue, [key]);
    }
  }

  /** Hands `sink` the dependency of every link whose two ends have both been read, in the order they were first listed. */
  pairedTo(sink: RecordSink): void {
    const whole: PendingLink[] = [];
    for (const key of this.#whole) {
      const pending = this.#pending.get(key);
      if (!pending || !this.#teamOf.has(pending.record.fromItemKey!) || !this.#teamOf.has(pending.record.toItemKey!)) continue;
      this.#pending.delete(key);
      whole.push(pending);
    }
    this.#whole.clear();
    for (const { record } of whole.sort((a, b) => a.order - b.order)) sink.dependency(this.#finished(record));
  }

  /** The links still waiting for their other end, in the order they were first listed, each with its file; none are kept. */
  unpaired(): { record: DependencyRecord; file: string }[] {
    const rest = [...this.#pending.values()].map(({ record, file }) => ({ record: this.#finished(record), file }));
    this.#pending.clear();
    this.#waitingOn.clear();
    this.#whole.clear();
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
