import { DEPENDENCY_KINDS } from '../planning/dependency-state';
import type { Pseudonyms } from './pseudonyms';

// Values whose names sit inside a body (JSON) or whose meaning depends on their row (meta, settings).
// Each rewriter rebuilds the value from the fields it knows and leaves out everything else, so a
// field added later is dropped rather than copied with a name in it.

export interface RewriteContext {
  readonly pseudonyms: Pseudonyms;
  /** Milliseconds every instant moves by. */
  readonly shiftMs: number;
  /** The copy's own name (never derived from the original's). */
  readonly workspaceName: string;
  /** The copy's own identity (meta `workspace_id`): it is another workspace, with backups of its own. */
  readonly workspaceId: string;
}

type Rewriter = (value: unknown, args: readonly unknown[], context: RewriteContext) => string | null;

const META_KEYS = new Set(['name', 'created_at', 'workspace_id']);
/** Settings made of numbers and fixed vocabularies only (see shared/coordination/settings.ts, MetricsSettings). */
const SETTINGS_KEPT = new Set(['coordination', 'metrics', 'risks.lastKeyNumber']);

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function shiftIso(value: unknown, shiftMs: number): string | null {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms + shiftMs).toISOString() : null;
}

/** A scenario's changes with team and dependency keys mapped; a merged team's name becomes a team pseudonym. */
function scenarioBody(value: unknown, _args: readonly unknown[], { pseudonyms: p }: RewriteContext): string {
  const body = parseJson(value);
  const changes = isRecord(body) && Array.isArray(body.changes) ? body.changes : [];
  const team = (k: unknown) => (typeof k === 'string' ? p.of('team-key', k) : null);
  const mapped = changes.flatMap((change): unknown[] => {
    if (!isRecord(change)) return [];
    if (change.kind === 'move' && typeof change.teamKey === 'string') return [{ kind: 'move', teamKey: team(change.teamKey), toTeamKey: team(change.toTeamKey) }];
    if (change.kind === 'merge' && Array.isArray(change.teamKeys) && change.teamKeys.length === 2 && change.teamKeys.every((k) => typeof k === 'string')) {
      const name = text(change.name);
      return [{ kind: 'merge', teamKeys: change.teamKeys.map(team), ...(name ? { name: p.of('team', name) } : {}) }];
    }
    if (change.kind === 'resolve' && Array.isArray(change.dependencyKeys)) {
      return [{ kind: 'resolve', dependencyKeys: change.dependencyKeys.filter((k): k is string => typeof k === 'string').map((k) => p.of('dependency-key', k)) }];
    }
    return [];
  });
  return JSON.stringify({ version: 1, changes: mapped });
}

/**
 * A committed plan: cards (item key and title, team key, iteration name and id) and dependency
 * states. The iteration's id is kept as the iterations' ids are: the copy compares a renamed
 * iteration as the same one, as the original does. So are each dependency's kind (one of the known
 * words, never other text) and the marks of dependencies on a team alone (true or false): without
 * them the copy would read the baseline as one committed before those were kept.
 */
function baselineBody(value: unknown, _args: readonly unknown[], { pseudonyms: p }: RewriteContext): string {
  const body = parseJson(value);
  const cards = isRecord(body) && Array.isArray(body.cards) ? body.cards.filter(isRecord) : [];
  const dependencies = isRecord(body) && Array.isArray(body.dependencies) ? body.dependencies.filter(isRecord) : [];
  return JSON.stringify({
    cards: cards.map((c) => ({
      key: p.of('item-key', text(c.key) ?? ''),
      title: p.of('item-title', text(c.title) ?? ''),
      teamKey: p.of('team-key', text(c.teamKey) ?? ''),
      iteration: p.of('iteration', text(c.iteration) ?? ''),
      ...(Number.isInteger(c.iterationId) ? { iterationId: c.iterationId } : {}),
    })),
    dependencies: dependencies.map((d) => ({
      key: p.of('dependency-key', text(d.key) ?? ''),
      state: text(d.state) ?? 'unplanned',
      ...((DEPENDENCY_KINDS as readonly unknown[]).includes(d.kind) ? { kind: d.kind } : {}),
      ...(typeof d.teamAlone === 'boolean' ? { teamAlone: d.teamAlone } : {}),
    })),
    ...(isRecord(body) && body.teamAloneKept === true ? { teamAloneKept: true } : {}),
  });
}

/** An import's counts: entity → number, nothing else. */
function importCounts(value: unknown, _args: readonly unknown[], _context: RewriteContext): string {
  const body = parseJson(value);
  const kept: Record<string, number> = {};
  if (isRecord(body)) for (const [k, v] of Object.entries(body)) if (/^[A-Za-z]{1,40}$/.test(k) && typeof v === 'number' && Number.isFinite(v)) kept[k] = v;
  return JSON.stringify(kept);
}

function metaValue(value: unknown, [key]: readonly unknown[], context: RewriteContext): string | null {
  if (key === 'name') return context.workspaceName;
  if (key === 'created_at') return shiftIso(value, context.shiftMs);
  if (key === 'workspace_id') return context.workspaceId;
  return null;
}

function settingValue(value: unknown, [key]: readonly unknown[], _context: RewriteContext): string | null {
  return typeof key === 'string' && SETTINGS_KEPT.has(key) && typeof value === 'string' ? value : null;
}

/**
 * A risk's or a vote's scope key by its kind: a team's key, a coordination group's (the advisor's
 * `g-` and its first team's key) or an increment's name.
 */
function scopeKey(value: unknown, [kind]: readonly unknown[], { pseudonyms: p }: RewriteContext): string | null {
  if (typeof value !== 'string') return null;
  if (kind === 'team') return p.of('team-key', value);
  if (kind === 'group') return value.startsWith('g-') ? `g-${p.of('team-key', value.slice(2))}` : p.of('team-key', value);
  if (kind === 'increment') return p.of('increment', value);
  return null;
}

/** What a risk is linked to, by the kind of link. */
function riskLinkKey(value: unknown, [kind]: readonly unknown[], { pseudonyms: p }: RewriteContext): string | null {
  if (typeof value !== 'string') return null;
  if (kind === 'item') return p.of('item-key', value);
  if (kind === 'dependency') return p.of('dependency-key', value);
  if (kind === 'objective') return p.of('objective-key', value);
  return null;
}

/** A deck's view keeps its page and drops the rest of its address (the teams, groups and items it names). */
function deckAddress(value: unknown): string {
  // Routes ignore case: "/Flow" is the Flow page.
  const path = typeof value === 'string' ? /^\/[a-z-]*/i.exec(value)?.[0]?.toLowerCase() : undefined;
  return path && path.length > 1 ? path : '/overview';
}

export const REWRITERS = {
  'scope-key': scopeKey,
  'risk-link-key': riskLinkKey,
  'deck-address': deckAddress,
  'meta-value': metaValue,
  'setting-value': settingValue,
  'scenario-body': scenarioBody,
  'baseline-body': baselineBody,
  'import-counts': importCounts,
} satisfies Record<string, Rewriter>;
export type RewriterName = keyof typeof REWRITERS;

/** Which rows of a table go into the copy at all. */
export const ROW_FILTERS = {
  'meta-known': (key: unknown) => typeof key === 'string' && META_KEYS.has(key),
  'setting-known': (key: unknown) => typeof key === 'string' && SETTINGS_KEPT.has(key),
} satisfies Record<string, (...args: unknown[]) => boolean>;
export type RowFilterName = keyof typeof ROW_FILTERS;
