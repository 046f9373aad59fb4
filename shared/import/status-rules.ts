import { categoryFromJiraStatusCategory, defaultCategoryFor } from '../domain/status-categories';
import type { StatusCategory } from '../domain/vocabulary';
import { STATUS_CATEGORIES } from '../domain/vocabulary';

/** Where a status's category came from: a person (never overwritten), the source system, or a name rule. */
export type StatusMapSource = 'user' | 'source' | 'default';

export interface StatusMapEntry {
  status: string;
  category: StatusCategory;
  source: StatusMapSource;
}

/** A category named by a source: Jira's three, Azure DevOps' state categories, or ours. */
export function categoryFromSourceName(name: string): StatusCategory | null {
  const lower = name.trim().toLowerCase();
  if ((STATUS_CATEGORIES as readonly string[]).includes(lower)) return lower as StatusCategory;
  switch (lower) {
    case 'proposed':
      return 'todo';
    case 'inprogress':
    case 'resolved':
      return 'active';
    case 'completed':
      return 'done';
    case 'removed':
    case 'canceled':
      return 'cancelled';
    default:
      return categoryFromJiraStatusCategory(name);
  }
}

/**
 * The category for a status whose source gave a category too. Jira has no waiting category and
 * files "Blocked" under In Progress, and "Won't Do" under Done: the name refines the source's word
 * there. A To Do status stays todo whatever its name ("Ready for Dev" has not started).
 */
export function refineSourceCategory(status: string, source: StatusCategory): StatusCategory {
  const byName = defaultCategoryFor(status);
  if (source === 'active' && byName === 'waiting') return 'waiting';
  if (source === 'done' && byName === 'cancelled') return 'cancelled';
  return source;
}

// Jira resolutions that mean the work was not delivered.
const NOT_DELIVERED = /\b(won'?t (do|fix)|duplicate|cannot reproduce|can'?t reproduce|declined|rejected|obsolete|incomplete|abandoned|cancel+ed|not a bug|invalid)\b/i;

/** True for a resolution such as "Won't Do" or "Duplicate": a finished item that delivered nothing. */
export function isNotDeliveredResolution(resolution: string): boolean {
  return NOT_DELIVERED.test(resolution);
}

/**
 * The status → category book of one import: the workspace's stored mapping, plus what the source
 * states, plus name rules for the rest. A person's choice ('user') always wins.
 */
export class StatusBook {
  readonly #entries = new Map<string, StatusMapEntry>();
  /** Statuses this import added or changed, to store with the import. */
  readonly #changed = new Set<string>();
  /** Category each status had when first used in this import: a later declaration that differs makes it stale. */
  readonly #firstUse = new Map<string, StatusCategory>();

  constructor(stored: readonly StatusMapEntry[] = []) {
    for (const e of stored) this.#entries.set(e.status.toLowerCase(), { ...e });
  }

  /** Records a category the source stated for a status (unless a person chose one). */
  declare(status: string, category: StatusCategory): void {
    const key = status.toLowerCase();
    const current = this.#entries.get(key);
    if (current?.source === 'user') return;
    if (current && current.source === 'source' && current.category === category) return;
    this.#entries.set(key, { status: current?.status ?? status, category, source: 'source' });
    this.#changed.add(key);
    this.#exact.clear();
  }

  /** Statuses used with one category and declared another later on: what was written must be re-applied. */
  staleAfterUse(): string[] {
    return [...this.#firstUse].filter(([key, category]) => this.#entries.get(key)!.category !== category).map(([key]) => this.#entries.get(key)!.status);
  }

  /** The category of a status and counts the use (for the mapping shown with the import). */
  resolve(status: string): StatusCategory {
    const category = this.categoryOf(status);
    let counter = this.#uses.get(status);
    if (counter === undefined) {
      const key = status.toLowerCase();
      counter = { key, uses: 0 };
      this.#uses.set(status, counter);
    }
    counter.uses++;
    return category;
  }

  readonly #exact = new Map<string, StatusCategory>();
  /** Uses per spelling of a status (summed per case-insensitive status in `used`). */
  readonly #uses = new Map<string, { key: string; uses: number }>();

  /** The category of a status, adding a name-rule default the first time an unknown status is seen. */
  categoryOf(status: string): StatusCategory {
    const cached = this.#exact.get(status);
    if (cached !== undefined) return cached;
    const key = status.toLowerCase();
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { status, category: defaultCategoryFor(status), source: 'default' };
      this.#entries.set(key, entry);
      this.#changed.add(key);
    }
    if (!this.#firstUse.has(key)) this.#firstUse.set(key, entry.category);
    this.#exact.set(status, entry.category);
    return entry.category;
  }

  /** Entries this import added or changed (to write to the workspace's status_map). */
  changed(): StatusMapEntry[] {
    return [...this.#changed].map((k) => this.#entries.get(k)!);
  }

  /** The mapping of every status this import used, with how often it was used, by name. */
  used(): (StatusMapEntry & { uses: number })[] {
    const byKey = new Map<string, number>();
    for (const { key, uses } of this.#uses.values()) byKey.set(key, (byKey.get(key) ?? 0) + uses);
    return [...byKey]
      .map(([key, uses]) => ({ ...this.#entries.get(key)!, uses }))
      .sort((a, b) => a.status.localeCompare(b.status));
  }
}
