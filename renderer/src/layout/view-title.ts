import { useEffect, useSyncExternalStore } from 'react';

// What a page adds to its title for the view it shows ("Coupling map", "PI 26.4"): the document
// title, the presentation's slide name and a new deck entry's default title are made from it.

let detail: string | null = null;
const listeners = new Set<() => void>();

function setDetail(next: string | null): void {
  if (next === detail) return;
  detail = next;
  for (const listener of listeners) listener();
}

/** A page names the view it shows (its tab, its increment…); null for the page alone. */
export function useViewTitle(text: string | null | undefined): void {
  const value = text?.trim() || null;
  useEffect(() => {
    setDetail(value);
    return () => setDetail(null);
  }, [value]);
}

/** What the shown page says about its view, if anything. */
export function useViewTitleDetail(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => detail,
  );
}
