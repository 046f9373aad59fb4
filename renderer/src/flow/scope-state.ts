import type { DateWindow, MetricsScope, ScopeOptions } from '../../../shared/contract/metrics-channels';
import { formatCalendarDate, parseCalendarDate } from '../../../shared/domain/calendar-date';
import { ITEM_TYPES, type ItemType } from '../../../shared/domain/vocabulary';
import { useChannelQuery } from '../api/channel-hooks';
import type { StaleChoice } from '../layout/stale-view';
import type { ParamPatch } from '../layout/view-address';
import { useViewAddress } from '../layout/view-params';

// The scope the Flow and Delivery pages share lives in the address ("#/flow?teams=CHK&type=story
// &from=2026-08-01&to=2026-10-31&compare=none"), so a reload, a link or a deck entry shows that
// very scope; the menu carries it from one of the two pages to the other (layout/navigation.ts).

export interface ScopeState {
  /** Selected option values per team picker id (teams, value streams, coordination groups…). */
  readonly selections: Readonly<Record<string, readonly string[]>>;
  /** Empty means every type. */
  readonly itemTypes: readonly ItemType[];
  /** Null means the default window (the last weeks of the data). */
  readonly window: DateWindow | null;
  readonly compare: 'previous' | 'none' | DateWindow;
}

export const EMPTY_SCOPE: ScopeState = { selections: {}, itemTypes: [], window: null, compare: 'previous' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function windowOf(from: string | null, to: string | null): DateWindow | null {
  return from && to && DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : null;
}

/**
 * The scope an address holds, for pickers with these ids; anything that does not have the right
 * shape (an unknown item type, a window ending before it starts) is left out, as if not there.
 */
const DAY_MS = 86_400_000;

/**
 * The window of the same length just before `window` (days inclusive): where "Compare with → Other
 * dates…" starts, so the dates shown are a comparison to edit, not the window itself. A window
 * that is not two real dates is given back as it is.
 */
export function periodBefore(window: DateWindow): DateWindow {
  const from = parseCalendarDate(window.from);
  const to = parseCalendarDate(window.to);
  if (from === null || to === null || to < from) return window;
  const days = Math.round((to - from) / DAY_MS) + 1;
  return { from: formatCalendarDate(from - days * DAY_MS), to: formatCalendarDate(from - DAY_MS) };
}

export function scopeFromParams(params: URLSearchParams, pickerIds: readonly string[]): ScopeState {
  const selections: Record<string, string[]> = {};
  for (const id of pickerIds) {
    const values = [...new Set(params.getAll(id).filter((v) => v !== ''))];
    if (values.length > 0) selections[id] = values;
  }
  const types = params.getAll('type');
  const range = RANGE.exec(params.get('compare') ?? '');
  const compareWindow = range ? windowOf(range[1]!, range[2]!) : null;
  const compare = params.get('compare');
  return {
    selections,
    itemTypes: ITEM_TYPES.filter((t) => types.includes(t)),
    window: windowOf(params.get('from'), params.get('to')),
    compare: compare === 'none' ? 'none' : (compareWindow ?? 'previous'),
  };
}

/** The address parameters for a scope (a patch: what is at its default is removed). */
export function scopeToParams(state: ScopeState, pickerIds: readonly string[]): ParamPatch {
  const patch: Record<string, readonly string[] | string | null> = {};
  for (const id of pickerIds) patch[id] = state.selections[id] ?? [];
  patch.type = state.itemTypes;
  patch.from = state.window?.from ?? null;
  patch.to = state.window?.to ?? null;
  patch.compare = state.compare === 'previous' ? null : state.compare === 'none' ? 'none' : `${state.compare.from}..${state.compare.to}`;
  return patch;
}

/** The scope in the address and a setter that writes a change of it back there. */
export function useScopeState(pickerIds: readonly string[]): [ScopeState, (patch: Partial<ScopeState>) => void] {
  const address = useViewAddress();
  const params = new URLSearchParams();
  for (const key of [...pickerIds, 'type', 'from', 'to', 'compare']) for (const v of address.list(key)) params.append(key, v);
  const state = scopeFromParams(params, pickerIds);
  return [state, (patch) => address.set(scopeToParams({ ...state, ...patch }, pickerIds))];
}

export interface TeamPickerOption {
  readonly value: string;
  readonly label: string;
  /** The teams this option stands for. */
  readonly teamKeys: readonly string[];
}

/** A picker's options, and whether they are still on their way. */
export interface PickerOptions {
  readonly options: readonly TeamPickerOption[];
  readonly loading: boolean;
}

/**
 * A filter that narrows the teams. Selected options of one picker add up (Checkout OR Basket);
 * pickers combine with AND (teams of this value stream AND of this group). A new picker — the
 * coordination groups from the advisor — is one more entry in the list a page passes.
 * `useOptions` is a hook: the list of pickers must not change while a page is shown. `wanted` is
 * false until the user opens the picker or the page's address selects something in it, so a costly
 * list (the advisor's groups) does not hold up the page's first charts.
 */
export interface TeamPicker {
  readonly id: string;
  readonly label: string;
  /** One of its options, as a sentence names it: "team", "value stream". */
  readonly one: string;
  useOptions(wanted: boolean): PickerOptions;
}

function scopeTeams(): { data: ScopeOptions['teams'] | undefined; loading: boolean } {
  const query = useChannelQuery('metrics.scopeOptions', {});
  return { data: query.data?.teams, loading: query.isPending };
}

export const teamPicker: TeamPicker = {
  id: 'teams',
  label: 'Teams',
  one: 'team',
  useOptions: () => {
    const teams = scopeTeams();
    return { options: teams.data?.map((t) => ({ value: t.key, label: t.name, teamKeys: [t.key] })) ?? [], loading: teams.loading };
  },
};

export const valueStreamPicker: TeamPicker = {
  id: 'valueStreams',
  label: 'Value streams',
  one: 'value stream',
  useOptions: () => {
    const { data: teams = [], loading } = scopeTeams();
    const streams = [...new Set(teams.flatMap((t) => (t.valueStream ? [t.valueStream] : [])))].sort((a, b) => a.localeCompare(b));
    return { options: streams.map((s) => ({ value: s, label: s, teamKeys: teams.filter((t) => t.valueStream === s).map((t) => t.key) })), loading };
  },
};

/** The coordination advisor's groups (over its default window), so a group's flow can be read as one. */
export const coordinationGroupPicker: TeamPicker = {
  id: 'coordinationGroups',
  label: 'Coordination groups',
  one: 'coordination group',
  useOptions: (wanted) => {
    // The advice behind the groups costs about as much as the Flow page itself on a large portfolio.
    const query = useChannelQuery('coordination.groups', {}, { enabled: wanted });
    return { options: query.data?.groups.map((g) => ({ value: g.id, label: g.name, teamKeys: g.teamKeys })) ?? [], loading: wanted && query.isPending };
  },
};

export const DEFAULT_TEAM_PICKERS: readonly TeamPicker[] = [teamPicker, valueStreamPicker, coordinationGroupPicker];

/**
 * The team set the pickers' selections stand for; undefined when no picker narrows anything. A
 * selected value that is not among a picker's options (kept from another workspace, a group the
 * advisor no longer forms) is ignored, as the picker, which cannot show it, says "All".
 */
export function teamKeysFor(pickers: readonly { id: string; options: readonly TeamPickerOption[] }[], selections: ScopeState['selections']): string[] | undefined {
  let keys: Set<string> | undefined;
  for (const picker of pickers) {
    const chosen = (selections[picker.id] ?? []).filter((value) => picker.options.some((o) => o.value === value));
    if (chosen.length === 0) continue;
    const union = new Set(picker.options.filter((o) => chosen.includes(o.value)).flatMap((o) => o.teamKeys));
    keys = keys ? new Set([...keys].filter((k) => union.has(k))) : union;
  }
  return keys ? [...keys] : undefined;
}

export interface ResolvedPicker extends PickerOptions {
  readonly id: string;
  readonly label: string;
  readonly one: string;
}

/**
 * The selections no picker's options hold any more (a team key of a deck view the workspace no
 * longer has), once their picker's options are there: `teamKeysFor` leaves them out, and the page
 * says so (layout/stale-view.ts) instead of quietly showing a wider scope under the view's title.
 */
export function staleSelections(pickers: readonly Pick<ResolvedPicker, 'id' | 'one' | 'loading' | 'options'>[], selections: ScopeState['selections']): StaleChoice[] {
  return pickers.flatMap((p) => (p.loading ? [] : (selections[p.id] ?? []).filter((value) => !p.options.some((o) => o.value === value)).map((value) => ({ kind: p.one, value }))));
}

/** A picker's options are wanted once it has been opened, or once the scope selects something in it. */
export function pickerWanted(id: string, opened: ReadonlySet<string>, selections: ScopeState['selections']): boolean {
  return opened.has(id) || (selections[id]?.length ?? 0) > 0;
}

/**
 * Whether the team set can be worked out: no picker that the selections use is still loading its
 * options (before they arrive, a selected group would stand for no team at all).
 */
export function selectionsResolved(pickers: readonly Pick<ResolvedPicker, 'id' | 'loading'>[], selections: ScopeState['selections']): boolean {
  return !pickers.some((p) => p.loading && (selections[p.id]?.length ?? 0) > 0);
}

/** Every picker's options, called in a fixed order (the hooks inside). */
export function usePickerOptions(pickers: readonly TeamPicker[], wanted: (pickerId: string) => boolean): ResolvedPicker[] {
  return pickers.map((p) => ({ id: p.id, label: p.label, one: p.one, ...p.useOptions(wanted(p.id)) }));
}

/** The contract input for a scope. */
export function scopeInput(state: ScopeState, teamKeys: string[] | undefined): MetricsScope {
  return {
    teamKeys,
    itemTypes: state.itemTypes.length > 0 ? [...state.itemTypes] : undefined,
    window: state.window ?? undefined,
    compare: state.compare,
  };
}
