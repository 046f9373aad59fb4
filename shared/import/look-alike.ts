// Keys and names a person cannot tell apart on screen: they differ in letter case, or by characters
// that do not show (a zero-width space pasted from a web page or a chat, a soft hyphen from Word) or
// by a no-break space where a space is. Hand-made CSVs pick them up; an import keeps such keys as
// they are (they may be two items), but says so (`look-alike-key`).

/** The characters that do not show, by code point, with their names. */
const INVISIBLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'soft hyphen'],
  [0x200b, 'zero-width space'],
  [0x200c, 'zero-width non-joiner'],
  [0x200d, 'zero-width joiner'],
  [0x2060, 'word joiner'],
  [0xfeff, 'byte order mark'],
]);
const NO_BREAK_SPACE = 0x00a0;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const HIDDEN = /[\u00A0\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The form two look-alike texts share: without the invisible characters, a no-break space as a
 * space, in upper case. A text of printable ASCII without lower-case letters (PAY-12, 1202: most
 * keys) is its own form, returned without a copy: an import asks this of every item key.
 */
export function lookAlikeForm(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c >= 128) return text.replace(INVISIBLE, '').replaceAll('\u00A0', ' ').toUpperCase();
  }
  return text;
}

/**
 * Every text of a SQL column whose look-alike form may not be itself (lower-case letters, anything
 * beyond printable ASCII), as a GLOB condition on `column`; a few more are fine, lookAlikeForm decides.
 */
export const mayNotBeOwnFormSql = (column: string) => `${column} GLOB '*[^ -\`{-~]*'`;

const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with its characters that do not show written out ("PAY-12<U+200B>"), to be quoted in a message. */
export function visible(text: string): string {
  return text.replace(HIDDEN, (c) => `<${codePoint(c.charCodeAt(0))}>`);
}

/**
 * How two texts of the same look-alike form differ, to follow "the keys differ only ": "in letter
 * case", "by a zero-width space (U+200B)", "in letter case and by a no-break space (U+00A0) for a space".
 */
export function lookAlikeDifference(a: string, b: string): string {
  const count = (text: string) => {
    const counts = new Map<number, number>();
    for (const m of text.matchAll(HIDDEN)) counts.set(m[0].charCodeAt(0), (counts.get(m[0].charCodeAt(0)) ?? 0) + 1);
    return counts;
  };
  const [inA, inB] = [count(a), count(b)];
  // A character both hold as often is not what sets them apart.
  const differing = [...new Set([...inA.keys(), ...inB.keys()])].filter((c) => inA.get(c) !== inB.get(c)).sort((x, y) => x - y);
  const plain = (text: string) => text.replace(INVISIBLE, '').replaceAll('\u00A0', ' ');
  const parts: string[] = [];
  if (plain(a) !== plain(b)) parts.push('in letter case');
  const characters = differing.map((c) => (c === NO_BREAK_SPACE ? `a no-break space (${codePoint(c)}) for a space` : `a ${INVISIBLE_NAMES.get(c)!} (${codePoint(c)})`));
  if (characters.length > 0) parts.push(`by ${characters.join(' and ')}`);
  return parts.join(' and ');
}
