import type { DeckStep } from '../../../shared/room/deck-stepping';

// Which key does what in presentation mode (and which key starts it), as pure functions of the
// key event, so the rules are tested without a browser.

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

export type PresentationCommand = DeckStep | 'leave' | 'enter-number' | 'presenter-view' | { readonly digit: string };

const withModifier = (e: KeyLike) => !!(e.ctrlKey || e.metaKey || e.altKey);

/** F5 or P starts presenting (Ctrl+P stays the browser's print, Ctrl+F5 its hard reload). */
export function startsPresentation(e: KeyLike): boolean {
  return !withModifier(e) && (e.key === 'F5' || e.key === 'p' || e.key === 'P');
}

/** What a key does while presenting; null leaves the key to the page (↑ and ↓ scroll a long view). */
export function presentationCommand(e: KeyLike): PresentationCommand | null {
  if (e.key === 'Escape') return 'leave';
  if (withModifier(e)) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
      return 'enter-number';
    // V for the presenter view: no deck key, and not > < . , which page a program board.
    case 'v':
    case 'V':
      return 'presenter-view';
    default:
      return /^[0-9]$/.test(e.key) ? { digit: e.key } : null;
  }
}

/**
 * Presented, a program board with more iterations than the screen holds pages them: > for the
 * next ones, < for the earlier ones (also . and , — the same keys without Shift on most layouts).
 * Not ← → PageUp PageDown or Space: those are the deck's, as a presenter's remote sends them; not
 * Shift + an arrow either, which steps the deck today. Null for every other key.
 */
export function iterationPageStep(e: KeyLike): 1 | -1 | null {
  if (withModifier(e)) return null;
  if (e.key === '>' || e.key === '.') return 1;
  if (e.key === '<' || e.key === ',') return -1;
  return null;
}

/** What Enter or Space acts on when it has the focus: buttons, links, tabs, a board's cards. */
const ACTIVATABLE = 'button, a[href], summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="switch"], [role="radio"], [tabindex]:not([tabindex="-1"])';

/** What opens a closed dropdown that has the focus. */
const OPENS_DROPDOWN: ReadonlySet<string> = new Set(['Enter', ' ', 'Spacebar', 'ArrowDown', 'ArrowUp']);

/**
 * Whether a key belongs to the control it was pressed on rather than to the deck:
 * - every key typed into a field, or inside an open menu, list or dialog (presenting must not take
 *   a Space from a text box or an arrow from an open menu); on a closed dropdown, only the keys
 *   that open it;
 * - every key while a card is lifted to be moved by keyboard (the ROAM board marks it pressed): its
 *   arrows carry it, Space drops it, Escape puts it back — ROAMing risks in the room is the point;
 * - Enter and Space on a focused button, link, tab or card, which they activate ("New risk", a
 *   card's menu). The deck still steps on → ← PageDown PageUp from anywhere, as a presenter's
 *   remote sends them.
 */
export function keyBelongsToControl(target: EventTarget | null, key?: string): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)) return true;
  if (element.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null) return true;
  // A closed dropdown (MUI's Select) keeps only the keys that open it: after a facilitator picks a
  // scope it keeps the focus, and the remote's next PageDown must still step the deck.
  const combobox = element.closest('[role="combobox"]');
  if (combobox !== null) return combobox.getAttribute('aria-expanded') === 'true' || (key !== undefined && OPENS_DROPDOWN.has(key));
  if (element.closest('[aria-roledescription][aria-pressed="true"]') !== null) return true;
  return (key === 'Enter' || key === ' ' || key === 'Spacebar') && element.matches(ACTIVATABLE);
}
