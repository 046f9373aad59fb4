// A view of the app lives in its address, after the '#': the page, then its tab, scope and selection
// as query parameters — "#/coordination?tab=map", "#/flow?teams=CHK&teams=BSK&from=2026-08-01".
// A reload, a copied link or a deck entry then returns to exactly that view. The hash (not the
// path) holds it because the desktop app is served from app://interlock/index.html and the
// browser host from http://127.0.0.1:<port>/, where only the hash is ours to change.

/** What a parameter patch may set: one value, several (a repeated key), or nothing (removes it). */
export type ParamValue = string | readonly string[] | null | undefined;
export type ParamPatch = Readonly<Record<string, ParamValue>>;

export interface ViewAddress {
  /** The page id, e.g. "flow"; '' for the app's root. */
  readonly page: string;
  /** The view's parameters, keys sorted, repeated keys kept in their order. */
  readonly params: URLSearchParams;
}

/**
 * Reads an address in any of the forms people paste: "#/flow?x=1", "/flow?x=1", "flow?x=1" or a
 * whole link ("http://127.0.0.1:5417/#/flow?x=1", "app://interlock/index.html#/flow").
 */
export function parseAddress(text: string): ViewAddress {
  let rest = text.trim();
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(hash + 1);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) rest = '';
  const question = rest.indexOf('?');
  const path = question === -1 ? rest : rest.slice(0, question);
  const query = question === -1 ? '' : rest.slice(question + 1);
  const page = path.replace(/^\/+/, '').split('/')[0] ?? '';
  return { page: safeDecode(page), params: sortedParams(new URLSearchParams(query)) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The same parameters with keys in a stable order, so one view has one address. */
function sortedParams(params: URLSearchParams): URLSearchParams {
  const sorted = new URLSearchParams(params);
  sorted.sort();
  return sorted;
}

/** "/flow?from=2026-08-01&teams=CHK": the form stored in decks and put after the '#'. */
export function formatAddress(page: string, params: URLSearchParams = new URLSearchParams()): string {
  const query = sortedParams(params).toString();
  return `/${encodeURIComponent(page)}${query ? `?${query}` : ''}`;
}

/** The parameters with `patch` applied: a list sets a repeated key, null, undefined, '' or [] removes it. */
export function applyParams(params: URLSearchParams, patch: ParamPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    next.delete(key);
    const values = typeof value === 'string' ? [value] : (value ?? []);
    for (const v of values) if (v !== '') next.append(key, v);
  }
  return sortedParams(next);
}

/** The first value of each parameter, for pages whose parameters are single values. */
export function firstValues(params: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of params) if (!Object.prototype.hasOwnProperty.call(result, key)) result[key] = value;
  return result;
}

/** The parameters of a hash like "#/plan?tab=board&focus=CHK-1" (first value of each). */
export function parseViewParams(hash: string): Record<string, string> {
  return firstValues(parseAddress(hash).params);
}

/** The hash with `patch` applied, keys kept in a stable order. */
export function withViewParams(hash: string, patch: ParamPatch): string {
  const { page, params } = parseAddress(hash);
  const query = applyParams(params, patch).toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

/**
 * The address to store for what someone pasted: a whole link or "#/…" becomes "/page?params";
 * anything else is kept as typed (trimmed), for the deck's check to accept or explain.
 */
export function normalizeAddress(text: string): string {
  const t = text.trim();
  if (!t.includes('#') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return t;
  const { page, params } = parseAddress(t);
  return formatAddress(page, params);
}

/**
 * The address to save for a view: the one on screen with the parameters its page pinned
 * (`increment=PI+26.4`: the increment it shows while the address names none) set in it.
 */
export function pinnedAddress(address: string, pinsQuery: string): string {
  const { page, params } = parseAddress(address);
  const patch: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(pinsQuery)) patch[key] = value;
  return formatAddress(page, applyParams(params, patch));
}
