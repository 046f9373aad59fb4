import { z } from 'zod';
import { Key } from '../domain/entities';
import { UtcTimestamp } from '../domain/date-schemas';
import { RISK_SCOPE_KINDS, RISK_STATUSES } from './risk-vocabulary';

// A ROAM risk as it crosses the contract. Its scope and links are keys, never database ids: a
// coordination group exists only while the advisor forms it, an increment or an item may be named
// before it is planned or imported (docs/RISKS.md).

export const RiskStatus = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatus>;

export const RiskScopeKind = z.enum(RISK_SCOPE_KINDS);
export type RiskScopeKind = z.infer<typeof RiskScopeKind>;

export const RiskScope = z.object({ kind: RiskScopeKind, key: Key });
export type RiskScope = z.infer<typeof RiskScope>;

const KeyList = z.array(Key).max(200, 'at most 200 links of one kind');

export const RiskLinks = z.object({ items: KeyList, dependencies: KeyList, objectives: KeyList });
export type RiskLinks = z.infer<typeof RiskLinks>;

/** One status change: when, from what (null when the risk was raised), to what, and who moved it if they said. */
export const RiskChange = z.object({
  at: UtcTimestamp,
  from: RiskStatus.nullable(),
  to: RiskStatus,
  who: z.string().nullable(),
  note: z.string().nullable(),
});
export type RiskChange = z.infer<typeof RiskChange>;

export const Risk = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  /** The team that owns it, the person who does, both or neither. */
  ownerTeamKey: z.string().nullable(),
  ownerPerson: z.string().nullable(),
  scope: RiskScope,
  status: RiskStatus,
  /** Its place in its column (smaller first). */
  rank: z.number(),
  links: RiskLinks,
  /** The dependency it was raised from in one action, if it was. */
  raisedFromDependency: z.string().nullable(),
  createdAt: UtcTimestamp,
  updatedAt: UtcTimestamp,
  /** Oldest first; the first entry is when it was raised. */
  history: z.array(RiskChange),
});
export type Risk = z.infer<typeof Risk>;

/** Free text that may be left out: blank means none. */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const RiskTitle = z.string().trim().min(1, 'a risk needs a title').max(300, 'at most 300 characters');

/** A risk to create (no key) or to change (its key); a status different from the stored one is a move with its history. */
export const RiskInput = z.object({
  key: Key.optional(),
  title: RiskTitle,
  description: z.string().trim().max(5000, 'at most 5,000 characters').default(''),
  ownerTeamKey: Key.nullable().default(null),
  ownerPerson: OptionalText(200),
  scope: RiskScope,
  status: RiskStatus.default('unroamed'),
  links: RiskLinks.partial().default({}),
  /** Who makes the change (free text, may be left out). */
  who: OptionalText(200),
});
export type RiskInput = z.input<typeof RiskInput>;
export type ParsedRiskInput = z.output<typeof RiskInput>;

/** A risk in the Interlock JSON bundle: the risks template's columns as fields. */
export const BundleRisk = z.object({
  key: Key,
  title: RiskTitle,
  description: z.string().trim().max(5000, 'at most 5,000 characters').default(''),
  status: RiskStatus.default('unroamed'),
  ownerTeam: Key.nullable().default(null),
  owner: OptionalText(200),
  scope: RiskScope,
  items: z.array(Key).max(200).nullable().default(null),
  dependencies: z.array(Key).max(200).nullable().default(null),
  objectives: z.array(Key).max(200).nullable().default(null),
});
