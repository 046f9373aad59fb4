/** Which end of a Jira link waits: 'this-waits' = the issue holding the link depends on the other one. */
export type LinkSide = 'this-waits' | 'other-waits';

/**
 * Direction of a dependency-like Jira link type, seen from the issue that holds it. "A blocks B"
 * (outward Blocks on A) means B waits on A; "A depends on B" (outward Depends on A) means A waits.
 * Other link types (Relates, Duplicate, Cloners) are not dependencies: null.
 */
export function linkDirection(linkType: string, side: 'inward' | 'outward'): LinkSide | null {
  const type = linkType.trim().toLowerCase();
  if (/block|gating|prerequisite/.test(type)) return side === 'outward' ? 'other-waits' : 'this-waits';
  if (/depend/.test(type)) return side === 'outward' ? 'this-waits' : 'other-waits';
  return null;
}

/** Same, for the REST API's link objects, whose outward/inward descriptions say the direction in words. */
export function linkDirectionFromDescription(description: string): LinkSide | null {
  const text = description.trim().toLowerCase();
  if (/^is blocked by|^depends on|^is gated by|^requires/.test(text)) return 'this-waits';
  if (/^blocks|^is depended on by|^is a dependency (of|for)|^gates|^is required by/.test(text)) return 'other-waits';
  return null;
}
