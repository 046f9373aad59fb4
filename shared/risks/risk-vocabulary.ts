// A risk's statuses and scopes as words. Apart from the risk's schemas so that the Risks page,
// which lays out its board by them, does not load zod.

/** The board's columns, in order: raised but not yet talked through, then the four ROAM outcomes. */
export const RISK_STATUSES = ['unroamed', 'resolved', 'owned', 'accepted', 'mitigated'] as const;

/** A team's own risk, a coordination group's (the mission-level board of a Team-of-Teams), or the whole increment's. */
export const RISK_SCOPE_KINDS = ['team', 'group', 'increment'] as const;

/** The n of a key Interlock gives out ("RISK-12" → 12); null for any other key (an import's "ACME-7"). */
export function riskKeyNumber(key: string): number | null {
  const match = /^RISK-(\d+)$/.exec(key);
  const n = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(n) ? n : null;
}
