/** The longest slug a file name gets from a title: names stay readable in a download bar and far below any file system's limit. */
const MAX_SLUG_CHARS = 80;

/**
 * A title as a file name's part: "Cycle time scatterplot" → "cycle-time-scatterplot". Accents are
 * dropped from their letters ("Été" → "ete") and letters of any script are kept ("Überblick",
 * "計画"), so a name in the user's language is still recognisable; everything else (spaces,
 * punctuation, the characters Windows forbids, emoji) becomes one hyphen. `fallback` when nothing
 * is left.
 */
export function fileSlug(title: string, fallback = ''): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  const cut = [...slug].slice(0, MAX_SLUG_CHARS).join('').replace(/-$/, '');
  return cut || fallback;
}
