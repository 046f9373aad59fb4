// The fist-of-five scale: its values and what each says. Apart from the vote's schemas so that the
// Confidence page, which shows the scale, does not load zod.

export const FIST_VALUES = [1, 2, 3, 4, 5] as const;

/** What each number of fingers says, as the facilitator reads it out. */
export const FIST_MEANINGS: Record<(typeof FIST_VALUES)[number], string> = {
  1: 'no confidence',
  2: 'little confidence',
  3: 'confident, with concerns',
  4: 'confident',
  5: 'full confidence',
};
