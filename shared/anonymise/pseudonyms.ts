import { isLocalKey } from '../planning/local-keys';
import { riskKeyNumber } from '../risks/risk-vocabulary';

// Pseudonyms for an anonymised copy. Each name is replaced by a label of its kind and the first hex
// digits of a keyed digest (HMAC-SHA-256 in the backend, with a random key made for one copy and
// never stored): the same name always gets the same pseudonym inside one copy, so every figure still
// adds up, while the key's absence means nobody can test a guessed name against the copy.
// The digest is passed in: shared/ has no cryptography of its own.

/** What a name is; each kind has its own label and its own namespace of pseudonyms. */
export const PSEUDONYM_KINDS = {
  'team-key': { label: 'team-', joiner: '' },
  team: { label: 'Team', joiner: ' ' },
  'value-stream': { label: 'Value stream', joiner: ' ' },
  person: { label: 'Person', joiner: ' ' },
  'item-key': { label: 'ITEM-', joiner: '' },
  'item-title': { label: 'Item', joiner: ' ' },
  status: { label: 'Status', joiner: ' ' },
  sprint: { label: 'Sprint', joiner: ' ' },
  'objective-key': { label: 'OBJ-', joiner: '' },
  objective: { label: 'Objective', joiner: ' ' },
  'dependency-key': { label: 'DEP-', joiner: '' },
  'link-type': { label: 'Link type', joiner: ' ' },
  interface: { label: 'Interface', joiner: ' ' },
  'deployment-key': { label: 'DEPLOY-', joiner: '' },
  service: { label: 'Service', joiner: ' ' },
  release: { label: 'Release', joiner: ' ' },
  'incident-key': { label: 'INC-', joiner: '' },
  forum: { label: 'Forum', joiner: ' ' },
  scenario: { label: 'Scenario', joiner: ' ' },
  increment: { label: 'Increment', joiner: ' ' },
  iteration: { label: 'Iteration', joiner: ' ' },
  milestone: { label: 'Milestone', joiner: ' ' },
  baseline: { label: 'Baseline', joiner: ' ' },
  risk: { label: 'Risk', joiner: ' ' },
  /** Not RISK-: a pseudonym of digits would read as a number Interlock gave out (nextRiskKey). */
  'risk-key': { label: 'R-', joiner: '' },
  deck: { label: 'Deck', joiner: ' ' },
  slide: { label: 'Slide', joiner: ' ' },
  'import-file': { label: 'import-', joiner: '' },
  /** A digest kept whole (an import's content hash), so equal files stay equal without naming them. */
  'content-hash': { label: '', joiner: '' },
} as const satisfies Record<string, { label: string; joiner: string }>;

export type PseudonymKind = keyof typeof PSEUDONYM_KINDS;
export const PSEUDONYM_KIND_NAMES = Object.keys(PSEUDONYM_KINDS) as PseudonymKind[];

/** Hex digits a pseudonym starts with: 32 bits; a clash inside one kind takes more (see `Pseudonyms.of`). */
export const PSEUDONYM_HEX_DIGITS = 8;

/** A keyed digest of `kind` and `value` as lowercase hex (at least 32 digits). */
export type KeyedDigest = (kind: PseudonymKind, value: string) => string;

/**
 * Kinds whose names SQLite compares without case (status_map's `COLLATE NOCASE`): "In Progress" and
 * "in progress" must stay one status, so they get one pseudonym. NOCASE folds ASCII only; so does this.
 */
const CASE_INSENSITIVE: ReadonlySet<PseudonymKind> = new Set(['status']);

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** Link types every tracker uses; they name no client and are kept as they are. */
export const GENERIC_LINK_TYPES: ReadonlySet<string> = new Set([
  'blocks',
  'is blocked by',
  'blocked by',
  'depends on',
  'is depended on by',
  'dependency',
  'relates to',
  'related',
  'predecessor',
  'successor',
]);

/**
 * Values of a kind that name nothing and are kept as they are: keys Interlock made itself (a
 * planner's new item, dependency or objective: a counter; a risk's RISK-n). Their form is what makes
 * them deletable, local on the board or never given out again, which a pseudonym would lose.
 */
const KEPT_AS_THEY_ARE: Partial<Record<PseudonymKind, (value: string) => boolean>> = {
  'item-key': isLocalKey,
  'objective-key': isLocalKey,
  'dependency-key': isLocalKey,
  'risk-key': (value) => riskKeyNumber(value) !== null,
};

export function keptAsItIs(kind: PseudonymKind, value: string): boolean {
  return KEPT_AS_THEY_ARE[kind]?.(value) ?? false;
}

/**
 * The pseudonyms of one anonymised copy: memoised per kind and value, never two originals of one
 * kind on the same pseudonym (a clash of the first digits takes more digits of the digest).
 */
export class Pseudonyms {
  readonly #digest: KeyedDigest;
  readonly #byKind = new Map<PseudonymKind, Map<string, string>>();
  /** Every spelling met, per kind (differs from #byKind only for kinds compared without case). */
  readonly #spellings = new Map<PseudonymKind, Map<string, string>>();
  readonly #taken = new Map<PseudonymKind, Set<string>>();

  constructor(digest: KeyedDigest) {
    this.#digest = digest;
  }

  of(kind: PseudonymKind, original: string): string {
    if (kind === 'link-type' && GENERIC_LINK_TYPES.has(original.trim().toLowerCase())) return original;
    if (keptAsItIs(kind, original)) return original;
    const value = CASE_INSENSITIVE.has(kind) ? asciiLower(original) : original;
    let names = this.#byKind.get(kind);
    if (!names) this.#byKind.set(kind, (names = new Map()));
    let spellings = this.#spellings.get(kind);
    if (!spellings) this.#spellings.set(kind, (spellings = new Map()));
    const known = names.get(value);
    if (known !== undefined) {
      if (!spellings.has(original)) spellings.set(original, known);
      return known;
    }
    let taken = this.#taken.get(kind);
    if (!taken) this.#taken.set(kind, (taken = new Set()));
    const hex = this.#digest(kind, value);
    const { label, joiner } = PSEUDONYM_KINDS[kind];
    let digits = kind === 'content-hash' ? hex.length : PSEUDONYM_HEX_DIGITS;
    let pseudonym = `${label}${joiner}${hex.slice(0, digits)}`;
    while (taken.has(pseudonym)) {
      // Prefixes of one digest differ by length, so this ends; past the digest's end it counts on.
      digits += 4;
      pseudonym = digits <= hex.length ? `${label}${joiner}${hex.slice(0, digits)}` : `${label}${joiner}${hex}-${digits}`;
    }
    taken.add(pseudonym);
    names.set(value, pseudonym);
    spellings.set(original, pseudonym);
    return pseudonym;
  }

  /** Original (as spelled) → pseudonym per kind, for tests that compare a copy with its original. Never stored. */
  mapping(): ReadonlyMap<PseudonymKind, ReadonlyMap<string, string>> {
    return this.#spellings;
  }
}

/** Matches any pseudonym of the given kinds' label forms in a text (for tests and checks). */
export function pseudonymPattern(): RegExp {
  const alternatives = PSEUDONYM_KIND_NAMES.filter((k) => PSEUDONYM_KINDS[k].label !== '').map((k) => {
    const { label, joiner } = PSEUDONYM_KINDS[k];
    return `${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${joiner}`;
  });
  return new RegExp(`(?:${alternatives.join('|')})[0-9a-f]{${PSEUDONYM_HEX_DIGITS},64}(?![0-9a-f])`, 'g');
}
