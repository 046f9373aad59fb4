// How a risk's link to an item, a dependency or an objective is stored, whether typed in the risk's
// dialog or written in a risks file: the same rule for both, so that a key which marks a card when
// typed marks it when imported too (docs/RISKS.md).

/**
 * Whether two keys differ at most in the letter case of A–Z, as SQLite's NOCASE compares them (the
 * dialog looks keys up with it): "rpt-134" and "RPT-134" do, "pä-1" and "PÄ-1" do not.
 */
export function sameButCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && asciiLower(x) !== asciiLower(y)) return false;
  }
  return true;
}

const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * The key a link not held as typed is stored as, given the keys held that differ from it only in
 * letter case (sameButCase; two are enough to tell): the one such key ("rpt-134" → "RPT-134"), so
 * that the board marks its card. Without one (an item still to be imported), or with two ("RPT-134"
 * and "Rpt-134": which one is meant cannot be told), it stays as typed.
 */
export function linkAsStored(typed: string, otherCases: readonly string[]): string {
  return otherCases.length === 1 ? otherCases[0]! : typed;
}
