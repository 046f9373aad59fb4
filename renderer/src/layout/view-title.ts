import { useEffect, useSyncExternalStore } from 'react';

// What a page adds to its title for the view it shows ("Coupling map", "PI 26.4"): the document
// title, the presentation's slide name and a new deck entry's default title are made from it.
// Beside it, the parameters the page resolved on its own (the increment an address without one
// shows: the current one): "Add to deck" writes them into the view's address, so the view keeps
// showing what its title names after a newer increment arrives.

let detail: string | null = null;
/** The pinned parameters as a query string ("increment=PI+26.4"): one string, so a change is a new value. */
let pins = '';
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function setDetail(next: string | null): void {
  if (next === detail) return;
  detail = next;
  notify();
}

function setPins(next: string): void {
  if (next === pins) return;
  pins = next;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A page names the view it shows (its tab, its increment…); null for the page alone. */
export function useViewTitle(text: string | null | undefined): void {
  const value = text?.trim() || null;
  useEffect(() => {
    setDetail(value);
    return () => setDetail(null);
  }, [value]);
}

/**
 * The parameters that make the view on screen the same view later (`{ increment: 'PI 26.4' }`
 * while the address names none and the page shows the current one); an empty value pins nothing.
 */
export function useViewPins(values: Readonly<Record<string, string | null | undefined>>): void {
  const query = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();
  useEffect(() => {
    setPins(query);
    return () => setPins('');
  }, [query]);
}

/** What the shown page says about its view, if anything. */
export function useViewTitleDetail(): string | null {
  return useSyncExternalStore(subscribe, () => detail);
}

/** The shown page's pinned parameters, as a query string ('' for none). */
export function useViewPinsQuery(): string {
  return useSyncExternalStore(subscribe, () => pins);
}
