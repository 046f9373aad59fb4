import { z } from 'zod';
import { Key } from '../domain/entities';
import { OptionalText, Risk, RiskInput, RiskStatus } from '../risks/risk-schema';
import { channel } from './channel';

// The ROAM risk board (docs/RISKS.md). Every write is one transaction; none changes what the
// metrics or the advisor read.

/** Teams, coordination groups and increments: what risks and votes are filed under in the room. */
export const RoomScopes = z.object({
  teams: z.array(z.object({ key: z.string(), name: z.string() })),
  /** Groups of two or more coupled teams as the advisor forms them now (none when it cannot advise yet). */
  groups: z.array(z.object({ key: z.string(), name: z.string(), teamKeys: z.array(z.string()) })),
  /** Increment names, latest first. */
  increments: z.array(z.string()),
  /** The increment holding the data's last day, else the latest; null without increments. */
  currentIncrement: z.string().nullable(),
});
export type RoomScopes = z.infer<typeof RoomScopes>;

// A risk saved also ends the plan's undo (plan-undo.ts: it would restore risks renamed with an increment), so the Plan page's undo state is asked again.
const riskWrite = { mutates: ['risks.', 'plan.history'] } as const;

export const risksChannels = {
  'risks.board': channel(z.object({}), RoomScopes.extend({ risks: z.array(Risk) }), 'Every risk with its links and status history, and the teams, coordination groups and increments to file and filter them by.'),
  'risks.save': channel(RiskInput, Risk, 'Create a risk (no key), or change one by key; a new status goes into its history with the time and who.', riskWrite),
  'risks.move': channel(
    z.object({ key: Key, status: RiskStatus, beforeKey: Key.nullable().default(null), who: OptionalText(200), note: OptionalText(1000) }),
    Risk,
    'Move a risk to a ROAM column, before another risk there (else last); a change of status goes into its history.',
    riskWrite,
  ),
  'risks.delete': channel(z.object({ key: Key }), z.object({ deleted: z.boolean() }), 'Delete a risk with its links and history.', riskWrite),
  'risks.fromDependency': channel(
    z.object({ dependencyKey: Key, who: OptionalText(200) }),
    z.object({ risk: Risk, created: z.boolean() }),
    'Raise an open dependency as a risk in one action: title, owner, scope and links come from the dependency. A risk raised from it that is not resolved is returned instead of a second one.',
    riskWrite,
  ),
};
