import { useSyncExternalStore } from 'react';
import type { DateWindow, MetricsScope, ScopeOptions } from '../../../shared/contract/metrics-channels';
import { ITEM_TYPES, type ItemType } from '../../../shared/domain/vocabulary';
import { useChannelQuery } from '../api/channel-hooks';

// The scope the Flow and Delivery pages share: moving from one page to the other keeps the teams
// and the window. Kept for the browser tab's session, not in the workspace (it is a view, not data).

export interface ScopeState {
  /** Selected option values per team picker id (teams, value streams, coordination groups…). */
  readonly selections: Readonly<Record<string, readonly string[]>>;
  /** Empty means every type. */
  readonly itemTypes: readonly ItemType[];
  /** Null means the default window (the last weeks of the data). */
  readonly window: DateWindow | null;
  readonly compare: 'previous' | 'none' | DateWindow;
}

const STORAGE_KEY = 'interlock.metricsScope';
const EMPTY: ScopeState = { selections: {}, itemTypes: [], window: null, compare: 'previous' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isWindow(w: unknown): w is DateWindow {
  return typeof w === 'object' && w !== null && DATE.test(String((w as DateWindow).from)) && DATE.test(String((w as DateWindow).to));
}

/** Reads what this tab stored, dropping anything that no longer has the right shape. */
export function parseScopeState(text: string | null): ScopeState {
  try {
    const raw = JSON.parse(text ?? 'null') as Partial<ScopeState> | null;
    if (!raw || typeof raw !== 'object') return EMPTY;
    const selections: Record<string, string[]> = {};
    for (const [id, values] of Object.entries(raw.selections ?? {})) if (Array.isArray(values)) selections[id] = values.filter((v): v is string => typeof v === 'string');
    return {
      selections,
      itemTypes: Array.isArray(raw.itemTypes) ? raw.itemTypes.filter((t): t is ItemType => (ITEM_TYPES as readonly string[]).includes(t)) : [],
      window: isWindow(raw.window) ? { from: raw.window.from, to: raw.window.to } : null,
      compare: raw.compare === 'none' || raw.compare === 'previous' ? raw.compare : isWindow(raw.compare) ? raw.compare : 'previous',
    };
  } catch {
    return EMPTY;
  }
}

let current: ScopeState = typeof sessionStorage === 'undefined' ? EMPTY : parseScopeState(sessionStorage.getItem(STORAGE_KEY));
const listeners = new Set<() => void>();

export function setScopeState(next: ScopeState): void {
  current = next;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}

export function useScopeState(): [ScopeState, (patch: Partial<ScopeState>) => void] {
  const state = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  return [state, (patch) => setScopeState({ ...current, ...patch })];
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
  useOptions(wanted: boolean): PickerOptions;
}

function scopeTeams(): { data: ScopeOptions['teams'] | undefined; loading: boolean } {
  const query = useChannelQuery('metrics.scopeOptions', {});
  return { data: query.data?.teams, loading: query.isPending };
}

export const teamPicker: TeamPicker = {
  id: 'teams',
  label: 'Teams',
  useOptions: () => {
    const teams = scopeTeams();
    return { options: teams.data?.map((t) => ({ value: t.key, label: t.name, teamKeys: [t.key] })) ?? [], loading: teams.loading };
  },
};

export const valueStreamPicker: TeamPicker = {
  id: 'valueStreams',
  label: 'Value streams',
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
  return pickers.map((p) => ({ id: p.id, label: p.label, ...p.useOptions(wanted(p.id)) }));
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
