import { linkAsStored, sameButCase } from '../risks/risk-links';
import { lookAlikeForm } from './look-alike';

// A risks file's links, judged as the risk's dialog judges a typed one (linkAsStored), against the
// keys the workspace holds once the import is written: its own and the import's.

/** The keys one kind of link (items, dependencies, objectives) may name: the import's and the workspace's. */
export interface LinkableKeys {
  /** Whether the import or the workspace holds this key as written. */
  holds(key: string): boolean;
  /**
   * Keys of both that may not be their own look-alike form (lookAlikeForm: lower-case letters,
   * characters beyond ASCII; more is fine). Read once, when a link is first not held as written:
   * most keys (PAY-12) are their own form and are found by `holds` instead.
   */
  oddKeys(): Iterable<string>;
}

/**
 * Judges the links of one kind. A link held as written costs one `holds`; one that is not costs one
 * more (its look-alike form) and a look in the odd keys, which are read the first time.
 */
export class LinkJudge {
  #oddByForm: Map<string, string[]> | null = null;

  constructor(readonly keys: LinkableKeys) {}

  /** The key a link is stored as. */
  stored(link: string): string {
    if (this.keys.holds(link)) return link;
    return linkAsStored(link, this.#alikes(link).filter((key) => sameButCase(key, link)));
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
}
