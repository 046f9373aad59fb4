// Items, dependencies and objectives a planner creates in Interlock get keys no tracker writes:
// Jira, Azure DevOps and Interlock's templates never put a colon in a key, so a re-import can
// never update or collide with them.

export const LOCAL_KEY_PREFIX = 'interlock:';

export type LocalKind = 'item' | 'dep' | 'objective';

export function localKey(kind: LocalKind, n: number): string {
  return `${LOCAL_KEY_PREFIX}${kind}:${n}`;
}

export function isLocalKey(key: string): boolean {
  return key.startsWith(LOCAL_KEY_PREFIX);
}

/** How a local key reads on a card: "interlock:item:12" → "New-12". */
export function displayKey(key: string): string {
  const match = /^interlock:(item|dep|objective):(\d+)$/.exec(key);
  return match ? `New-${match[2]}` : key;
}

/**
 * How a dependency reads where it is named by its key: one made here "dependency New-3", since
 * its number is counted apart from the cards' and card New-3 is another thing; an imported one by
 * its tracker's key ("DEP-221").
 */
export function dependencyKeyText(key: string): string {
  return /^interlock:dep:\d+$/.test(key) ? `dependency ${displayKey(key)}` : key;
}
