import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { anonymiseWorkspace } from '../../../electron/backend/store/anonymise-workspace';
import { pseudonymPattern, type Pseudonyms } from '../../../shared/anonymise/pseudonyms';
import type { ChannelInput, ChannelName } from '../../../shared/contract/contract';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { isoWeekLabel } from '../../../shared/metrics/utc-calendar';
import { caller, richWorkspace, type RichWorkspace } from './anonymise-fixture';

// The proof of an anonymised copy: every answer it gives equals the original's, names aside. Each
// channel below is called on the original and on the copy; the copy's answer has its pseudonyms
// mapped back to the names they replaced (and its dates shifted back), then both are put in a
// canonical form that ignores what names change on purpose (orders by name, group ids made from a
// member's key, lists of names in a sentence) and compared whole.
//
// A new read-only channel joins by adding a line to CASES: its input on the original (`input`) and,
// when the input holds names, on the copy (`copyInput` gets a function mapping a name to its pseudonym).

type Map1 = (kind: Parameters<Pseudonyms['of']>[0], name: string) => string;

interface Case {
  channel: ChannelName;
  input(ctx: { teamKeys: string[]; valueStreams: string[]; incrementId: number; scenario: ChannelInput<'coordination.whatIf'>['changes'] }): unknown;
  /** The copy's input, when the original's holds names. */
  copyInput?(input: unknown, map: Map1): unknown;
  /** The original's answer as the copy should give it, where it differs by design. */
  expected?(original: unknown): unknown;
}

const mapScope = (input: unknown, map: Map1) => {
  const scope = input as { teamKeys?: string[]; valueStreams?: string[] };
  return { ...scope, teamKeys: scope.teamKeys?.map((k) => map('team-key', k)), valueStreams: scope.valueStreams?.map((v) => map('value-stream', v)) };
};

export const CASES: Case[] = [
  { channel: 'metrics.scopeOptions', input: () => ({}) },
  { channel: 'metrics.settings', input: () => ({}) },
  { channel: 'metrics.flow', input: () => ({}) },
  { channel: 'metrics.flow', input: ({ teamKeys }) => ({ teamKeys: teamKeys.slice(0, 3), itemTypes: ['story', 'defect'] }), copyInput: mapScope },
  { channel: 'metrics.flow', input: ({ valueStreams }) => ({ valueStreams: valueStreams.slice(0, 1), compare: 'none' }), copyInput: mapScope },
  { channel: 'metrics.delivery', input: () => ({}) },
  { channel: 'metrics.delivery', input: ({ teamKeys }) => ({ teamKeys: teamKeys.slice(2, 6) }), copyInput: mapScope },
  { channel: 'metrics.summary', input: () => ({}) },
  { channel: 'coordination.settings.get', input: () => ({}) },
  { channel: 'coordination.groups', input: () => ({}) },
  { channel: 'coordination.recommend', input: () => ({}) },
  { channel: 'coordination.dependencies', input: () => ({}) },
  { channel: 'coordination.dependencies', input: ({ teamKeys }) => ({ teamKey: teamKeys[1], state: 'open' }), copyInput: (i, map) => ({ ...(i as object), teamKey: map('team-key', (i as { teamKey: string }).teamKey) }) },
  { channel: 'coordination.forums.list', input: () => ({}) },
  { channel: 'coordination.scenarios.list', input: () => ({}) },
  {
    channel: 'coordination.whatIf',
    input: ({ scenario }) => ({ changes: scenario }),
    copyInput: (i, map) => ({
      changes: (i as { changes: ChannelInput<'coordination.whatIf'>['changes'] }).changes.map((c) =>
        c.kind === 'move'
          ? { ...c, teamKey: map('team-key', c.teamKey), toTeamKey: c.toTeamKey === null ? null : map('team-key', c.toTeamKey) }
          : c.kind === 'merge'
            ? { ...c, teamKeys: c.teamKeys.map((k) => map('team-key', k)), name: c.name === undefined ? undefined : map('team', c.name) }
            : { ...c, dependencyKeys: c.dependencyKeys.map((k) => map('dependency-key', k)) },
      ),
    }),
  },
  { channel: 'import.statusMap', input: () => ({}) },
  { channel: 'import.history', input: () => ({}) },
  { channel: 'plan.increments', input: () => ({}) },
  { channel: 'plan.board', input: ({ incrementId }) => ({ incrementId }) },
  { channel: 'plan.board', input: ({ incrementId }) => ({ incrementId, grouping: 'value-stream' }) },
  { channel: 'plan.conflicts', input: ({ incrementId }) => ({ incrementId }) },
  { channel: 'plan.backlog', input: ({ incrementId }) => ({ incrementId, limit: 500 }) },
  { channel: 'plan.baselines', input: ({ incrementId }) => ({ incrementId }) },
];

const DATES = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)?/g;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * MS_PER_DAY + (week - 1) * 7 * MS_PER_DAY;
}

/** The copy's answer with every pseudonym replaced by the name it stands for, and its dates moved back. */
function unmap(value: unknown, reverse: Map<string, string>, shiftMs: number): unknown {
  const back = (date: string): string => {
    if (DAY.test(date)) return new Date(Date.parse(`${date}T00:00:00Z`) - shiftMs).toISOString().slice(0, 10);
    const iso = new Date(Date.parse(date) - shiftMs).toISOString();
    return date.includes('.') ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
  };
  const text = (s: string): string => {
    if (shiftMs !== 0) {
      const week = WEEK.exec(s);
      if (week) return isoWeekLabel(isoWeekMonday(Number(week[1]), Number(week[2])) - shiftMs);
      s = s.replace(DATES, back);
    }
    return reverse.get(s) ?? s.replace(pseudonymPattern(), (m) => reverse.get(m) ?? m);
  };
  return walk(value, text);
}

function walk(value: unknown, text: (s: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, text));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, text)]));
  return value;
}

const stable = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** Free text the copy drops on purpose: its fields read null on both sides. */
const DROPPED_FIELDS = new Set(['cadence']);

/**
 * Where Interlock breaks a tie or cuts a list by name, the copy may pick another, equally placed
 * name: which names appear there is not compared (the sentence around them and every number are).
 */
const CHOSEN_BY_NAME = [/ and \d+ more\b/, /^Mission-level outcome: /];

/** "Lead: A in X; B on its own." lists its clauses in name order: compared as a set. */
function clausesInAnyOrder(template: string): string {
  const clauses = template.split('; ');
  if (clauses.length < 2) return template;
  const lead = /^[^:⟨]*: /.exec(clauses[0]!)?.[0] ?? '';
  const end = /[.)]$/.exec(clauses[clauses.length - 1]!)?.[0] ?? '';
  clauses[0] = clauses[0]!.slice(lead.length);
  clauses[clauses.length - 1] = clauses[clauses.length - 1]!.slice(0, clauses[clauses.length - 1]!.length - end.length);
  return `${lead}${clauses.sort().join('; ')}${end}`;
}

const swapPair = (o: Record<string, unknown>, field: string, a: string, b: string) => {
  const inner = o[field] as Record<string, unknown> | undefined;
  if (inner && typeof inner === 'object' && a in inner && b in inner) o[field] = { ...inner, [a]: inner[b], [b]: inner[a] };
};

/**
 * What names change on purpose, made the same on both sides:
 * - a pair of teams is "a" and "b" in key order: each pair is turned to its names' order;
 * - a group's id is built from its first member's key ("g-basket"): it becomes its sorted member list;
 * - names inside a sentence follow name order ("Basket, Checkout and Pricing"): a sentence becomes
 *   its text with names blanked, followed by its names sorted;
 * - arrays of objects or strings are compared as sets (their order often follows names);
 *   arrays of numbers keep their order.
 */
function canonical(value: unknown, names: ReadonlySet<string>, namePattern: RegExp): unknown {
  const groupIds = new Map<string, string>();
  const prepare = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(prepare);
    if (!v || typeof v !== 'object') return v;
    const o: Record<string, unknown> = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, DROPPED_FIELDS.has(k) ? null : prepare(x)]));
    const keys = o.teamKeys;
    if (Array.isArray(keys) && keys.length === 2 && (o.blockedDays || o.dependencies) && String(keys[0]) > String(keys[1])) {
      o.teamKeys = [keys[1], keys[0]];
      swapPair(o, 'blockedDays', 'aOnB', 'bOnA');
      swapPair(o, 'dependencies', 'aWaitsOnB', 'bWaitsOnA');
    }
    if (typeof o.id === 'string' && Array.isArray(o.teamKeys)) {
      const members = `group[${[...(o.teamKeys as string[])].sort().join(',')}]`;
      groupIds.set(o.id, members);
      o.id = members;
    }
    return o;
  };
  const prepared = prepare(value);
  const text = (s: string): string => {
    const group = groupIds.get(s);
    if (group) return group;
    if (names.has(s) || s.length < 8 || !s.includes(' ')) return s;
    const found: string[] = [];
    const template = s.replace(namePattern, (m) => (found.push(m), '⟨⟩'));
    if (found.length === 0) return s;
    const sentence = clausesInAnyOrder(template);
    return CHOSEN_BY_NAME.some((r) => r.test(s)) ? sentence : `${sentence} {${found.sort().join(' | ')}}`;
  };
  const sortArrays = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(sortArrays);
      return items.every((i) => typeof i === 'number' || i === null) ? items : items.map((i) => [stable(i), i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => i);
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sortArrays(x)]));
    return v;
  };
  return sortArrays(walk(prepared, text));
}

function namesOf(pseudonyms: Pseudonyms): { names: Set<string>; pattern: RegExp } {
  const names = [...pseudonyms.mapping().entries()].filter(([kind]) => kind !== 'content-hash').flatMap(([, m]) => [...m.keys()]);
  const escaped = names.filter((n) => n.length >= 3).sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { names: new Set(names), pattern: new RegExp(escaped.join('|'), 'g') };
}

async function compareAll(original: RichWorkspace, copyPath: string, pseudonyms: Pseudonyms, shiftDays: number, cases: Case[]) {
  const copyBackend: Backend = createBackend({ log: () => undefined });
  const onCopy = caller(copyBackend);
  const onOriginal = original.call;
  try {
    await onCopy('workspace.open', { path: copyPath });
    const reverse = new Map<string, string>();
    for (const names of pseudonyms.mapping().values()) for (const [name, pseudonym] of names) reverse.set(pseudonym, name);
    const map: Map1 = (kind, name) => pseudonyms.of(kind, name);
    const scopes = await onOriginal('metrics.scopeOptions', {});
    const increments = await onOriginal('plan.increments', {});
    const scenario = (await onOriginal('coordination.scenarios.list', {}))[0]!.changes;
    const ctx = { teamKeys: scopes.teams.map((t) => t.key), valueStreams: scopes.valueStreams, incrementId: increments[increments.length - 1]!.id, scenario };
    const { names, pattern } = namesOf(pseudonyms);
    const results: { channel: string; same: boolean }[] = [];
    for (const c of cases) {
      const input = c.input(ctx);
      const fromOriginal = (await original.backend.call(c.channel, input as never)) as { ok: boolean; value?: unknown; error?: unknown };
      const fromCopy = (await copyBackend.call(c.channel, (c.copyInput ? c.copyInput(input, map) : input) as never)) as { ok: boolean; value?: unknown; error?: unknown };
      expect([c.channel, fromOriginal.ok, fromOriginal.error]).toEqual([c.channel, true, undefined]);
      expect([c.channel, fromCopy.ok, fromCopy.error]).toEqual([c.channel, true, undefined]);
      const expected = canonical(c.expected ? c.expected(fromOriginal.value) : fromOriginal.value, names, pattern);
      const actual = canonical(unmap(fromCopy.value, reverse, shiftDays * MS_PER_DAY), names, pattern);
      expect({ channel: c.channel, input, answer: actual }).toEqual({ channel: c.channel, input, answer: expected });
      results.push({ channel: c.channel, same: true });
    }
    return results;
  } finally {
    copyBackend.close();
  }
}

describe("an anonymised copy's answers", () => {
  let original: RichWorkspace;
  beforeAll(async () => {
    original = await richWorkspace(800);
  });
  afterAll(() => original.dispose());

  it('equal the original’s, names aside: metrics, advice, what-if, plan and imports', async () => {
    const copyPath = join(original.dir, 'copy.interlock');
    const { pseudonyms } = await anonymiseWorkspace(original.backend.context.session.require(), copyPath, {});
    const results = await compareAll(original, copyPath, pseudonyms, 0, CASES);
    expect(results).toHaveLength(CASES.length);
  });

  it('equal them with every date shifted by whole weeks, once the dates are shifted back', async () => {
    const copyPath = join(original.dir, 'shifted.interlock');
    const shiftDays = -364;
    const { pseudonyms } = await anonymiseWorkspace(original.backend.context.session.require(), copyPath, { shiftDays });
    const results = await compareAll(original, copyPath, pseudonyms, shiftDays, CASES);
    expect(results).toHaveLength(CASES.length);
  });

  describe('edge cases', () => {
    it('the comparison sees a difference: a copy with the type of one finished item changed by hand does not pass', async () => {
      const copyPath = join(original.dir, 'tampered.interlock');
      const { pseudonyms } = await anonymiseWorkspace(original.backend.context.session.require(), copyPath, {});
      const other = createBackend({ log: () => undefined });
      try {
        await caller(other)('workspace.open', { path: copyPath });
        other.context.session.require().db.exec("UPDATE work_items SET type = CASE type WHEN 'defect' THEN 'story' ELSE 'defect' END WHERE id = (SELECT id FROM work_items WHERE done_at IS NOT NULL ORDER BY done_at DESC LIMIT 1)");
      } finally {
        other.close();
      }
      await expect(compareAll(original, copyPath, pseudonyms, 0, CASES.filter((c) => c.channel === 'metrics.flow').slice(0, 1))).rejects.toThrow();
    });
  });
});
