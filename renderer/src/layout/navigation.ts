import { formatAddress, parseAddress } from './view-address';

/** What the menu needs to know of a page (the full entries, with components, are in pages/page-list.tsx). */
export interface PageMeta {
  /** The address: "#/flow". */
  readonly id: string;
  /** Menu label, page title and the first part of the document title. */
  readonly label: string;
  /**
   * Pages that show the same view parameters (Flow and Delivery share their scope): the menu
   * takes you to the other with the parameters you last used on either.
   */
  readonly shares?: string;
}

/** The page an address names, or undefined when no page has that id. */
export function pageOf<P extends PageMeta>(pages: readonly P[], address: string): P | undefined {
  const { page } = parseAddress(address);
  return pages.find((p) => p.id === page);
}

/** The views last seen per page (or shared group), so the menu returns to them: page key → address. */
export type ViewMemory = Readonly<Record<string, string>>;

const memoryKey = (page: PageMeta) => page.shares ?? page.id;

/** The memory after visiting `address` (an address of no known page changes nothing). */
export function rememberView(memory: ViewMemory, pages: readonly PageMeta[], address: string): ViewMemory {
  const page = pageOf(pages, address);
  if (!page) return memory;
  const { params } = parseAddress(address);
  return { ...memory, [memoryKey(page)]: params.toString() };
}

/** Where the menu entry of `page` leads: the page with the parameters last used on it (or its group). */
export function menuTarget(memory: ViewMemory, page: PageMeta): string {
  const query = Object.prototype.hasOwnProperty.call(memory, memoryKey(page)) ? memory[memoryKey(page)]! : '';
  return formatAddress(page.id, new URLSearchParams(query));
}

/** Reads a stored memory, dropping anything that is not a map of strings. */
export function parseViewMemory(text: string | null): ViewMemory {
  try {
    const raw = JSON.parse(text ?? 'null') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** "Coordination: Coupling map – Interlock": what the window's title bar and the history list show. */
export function documentTitle(pageLabel: string | undefined, detail: string | null | undefined): string {
  const view = [pageLabel, detail].filter((s): s is string => !!s && s.trim() !== '').join(': ');
  return view ? `${view} – Interlock` : 'Interlock';
}
