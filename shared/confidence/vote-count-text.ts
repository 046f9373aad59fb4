// A count of votes as the facilitator types it into the vote form. Apart from the vote's schemas
// so that the Confidence page, which reads what is typed, does not load zod.

/** The most votes of one value a round holds (the contract refuses more). */
export const MAX_VOTES_OF_ONE_VALUE = 10_000;

export type VoteCountReading = { ok: true; count: number } | { ok: false; problem: string };

/**
 * Digits only: Number() read "0x5" as 5, "1e3" as 1000 and "2.0" as 2, so a slip of the keyboard
 * was recorded as votes. An empty field is 0 (a value nobody showed).
 */
export function readVoteCount(text: string): VoteCountReading {
  const typed = text.trim();
  if (typed === '') return { ok: true, count: 0 };
  if (!/^[0-9]+$/.test(typed)) return { ok: false, problem: `“${typed}” is not a count: type digits only, 0 or more.` };
  const count = Number(typed);
  if (count > MAX_VOTES_OF_ONE_VALUE) return { ok: false, problem: `at most ${MAX_VOTES_OF_ONE_VALUE.toLocaleString('en-US')} votes of one value (${typed} typed).` };
  return { ok: true, count };
}
