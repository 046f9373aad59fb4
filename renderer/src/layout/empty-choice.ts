/**
 * Slot props for a select whose empty value is itself a choice ("All teams", "No team"): MUI shows
 * an empty value as a blank field under a label that sits where the value would be, unless told
 * to display it and to keep the label above.
 */
export const EMPTY_CHOICE_SHOWN = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;
