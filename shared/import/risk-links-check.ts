import { linkAsStored, sameButCase } from '../risks/risk-links';
import { lookAlikeDifference, lookAlikeForm, visible } from './look-alike';

// A risks file's links, judged as the risk's dialog judges a typed one (linkAsStored), against the
// keys the workspace holds once the import is written: its own and the import's. A link that then
// matches nothing is said, since it marks no card on the program board.

/** The keys one kind of link (items, dependencies, objectives) may name: the import's and the workspace's. */
export interface LinkableKeys {
  /** What one is called in a message: item, dependency, objective. */
  what: string;
  /** Whether the import or the workspace holds this key as written. */
  holds(key: string): boolean;
  /**
   * Keys of both that may not be their own look-alike form (lookAlikeForm: lower-case letters,
   * characters beyond ASCII; more is fine). Read once, when a link is first not held as written:
   * most keys (PAY-12) are their own form and are found by `holds` instead.
   */
  oddKeys(): Iterable<string>;
}

/** What a link is stored as, and what to tell when it links to nothing (else null). */
export interface LinkJudgment {
  stored: string;
  problem: string | null;
}

/**
 * Judges the links of one kind. A link held as written costs one `holds`; one that is not costs one
 * more (its look-alike form) and a look in the odd keys, which are read the first time.
 */
export class LinkJudge {
  #oddByForm: Map<string, string[]> | null = null;

  constructor(readonly keys: LinkableKeys) {}

  judge(riskKey: string, link: string): LinkJudgment {
    if (this.keys.holds(link)) return { stored: link, problem: null };
    const alikes = this.#alikes(link);
    const otherCases = alikes.filter((key) => sameButCase(key, link));
    const stored = linkAsStored(link, otherCases);
    if (stored !== link) return { stored, problem: null };
    return { stored, problem: otherCases.length > 1 ? this.#ambiguous(riskKey, link, otherCases) : this.#unmatched(riskKey, link, alikes) };
  }

  /** The keys held whose look-alike form is the link's (it is not held as written). */
  #alikes(link: string): string[] {
    if (this.#oddByForm === null) {
      const byForm = (this.#oddByForm = new Map<string, string[]>());
      for (const key of this.keys.oddKeys()) {
        const form = lookAlikeForm(key);
        if (form === key) continue;
        const keys = byForm.get(form) ?? byForm.set(form, []).get(form)!;
        if (!keys.includes(key)) keys.push(key);
      }
    }
    const form = lookAlikeForm(link);
    const odd = this.#oddByForm.get(form) ?? [];
    return form !== link && this.keys.holds(form) ? [form, ...odd] : odd;
  }

  #unmatched(riskKey: string, link: string, alikes: readonly string[]): string {
    const { what } = this.keys;
    const told = `${riskKey}'s ${what} link '${visible(link)}' matches no ${what} in the workspace; kept as written.`;
    if (alikes.length === 0) return told;
    const meant = alikes.map(visible).join(' or ');
    return alikes.length === 1 ? `${told} Did you mean ${meant}? The keys differ only ${lookAlikeDifference(link, alikes[0]!)}.` : `${told} Did you mean ${meant}?`;
  }

  #ambiguous(riskKey: string, link: string, otherCases: readonly string[]): string {
    const { what } = this.keys;
    return `${riskKey}'s ${what} link '${visible(link)}' matches ${otherCases.length} ${what} keys in the workspace that differ from it only in letter case (${otherCases.map(visible).join(', ')}); kept as written, so it links to none of them. Write the key as the one meant.`;
  }
}
