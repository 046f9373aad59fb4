import type { JiraImportBooks } from './jira-import-books';
import type { IssueLog } from '../import-issues';
import type { RecordSink } from '../import-records';
import type { DayOrder } from '../source-dates';
import type { StatusBook } from '../status-rules';

export interface JsonMapperContext {
  file: string;
  sink: RecordSink;
  issues: IssueLog;
  statuses: StatusBook;
  dayOrder: DayOrder;
  knowsItem(key: string): boolean;
  /** A field id or display name to read the team from (Jira JSON), instead of the default. */
  teamField: string | null;
  /**
   * The import's Jira books across all its files (a link's two ends may be in different pages of
   * an export): each file hands over the links whose ends have both been read, and the import the
   * rest at its end. Without them, a file hands over all its links.
   */
  jira?: JiraImportBooks;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or the display text of Jira's option objects ({name}, {value}, {displayName}, {key}). */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isObject(value)) {
    for (const k of ['name', 'value', 'displayName', 'title', 'key']) {
      const v = value[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = textOf(v);
      if (t) return t;
    }
  }
  return null;
}
