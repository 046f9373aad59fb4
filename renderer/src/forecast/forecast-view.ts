import type { DateWindow } from '../../../shared/contract/metrics-channels';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { ITEM_TYPES, type ItemType } from '../../../shared/domain/vocabulary';
import type { ForecastScope } from '../../../shared/forecast/forecast-schema';
import { formatCalendarDate, parseCalendarDate } from '../../../shared/metrics/utc-calendar';
import type { ScopeState } from '../flow/scope-state';

// The Forecast view as it lives in the address ("#/forecast?q=when&n=40&teams=a,b&seed=7"), so
// that a reload, a link or a screenshot's URL brings back exactly the same forecast: with the seed
// in it, the same data give the same answer bit for bit.

export type Question = 'how-many' | 'when';

export interface ForecastView {
  readonly question: Question;
  /** How many: the last day counted; null → six weeks after the data's last day. */
  readonly by: string | null;
  /** When: how many items; null → DEFAULT_ITEMS. */
  readonly items: number | null;
  readonly start: string | null;
  readonly trials: number | null;
  readonly seed: number | null;
  readonly business: boolean;
  /** Explicit history dates; null → the last `windowDays` days. */
  readonly window: DateWindow | null;
  readonly windowDays: number | null;
  /** Selected values per team picker id (the Flow page's pickers). */
  readonly selections: Readonly<Record<string, readonly string[]>>;
  readonly itemTypes: readonly ItemType[];
}

export const DEFAULT_ITEMS = 20;
export const DEFAULT_HORIZON_DAYS = 42;
const PICKER_PARAMS = ['teams', 'valueStreams', 'coordinationGroups'] as const;

const date = (value: string | undefined) => (value !== undefined && parseCalendarDate(value) !== null ? value : null);
function count(value: string | undefined, min: number): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}
/** Comma-separated values, each URI-encoded so that a key holding a comma survives. */
const list = (value: string | undefined) => (value ? value.split(',').map((v) => decodeURIComponent(v)).filter((v) => v !== '') : []);
const joined = (values: readonly string[]) => (values.length === 0 ? null : values.map((v) => encodeURIComponent(v)).join(','));

export function forecastViewFromParams(params: Readonly<Record<string, string>>): ForecastView {
  const from = date(params.from);
  const to = date(params.to);
  const selections: Record<string, string[]> = {};
  for (const id of PICKER_PARAMS) {
    const values = list(params[id]);
    if (values.length > 0) selections[id] = values;
  }
  return {
    question: params.q === 'when' ? 'when' : 'how-many',
    by: date(params.by),
    items: count(params.n, 1),
    start: date(params.start),
    trials: count(params.trials, 1),
    seed: count(params.seed, 0),
    business: params.days === 'business',
    window: from && to && from <= to ? { from, to } : null,
    windowDays: count(params.window, 1),
    selections,
    itemTypes: list(params.types).filter((t): t is ItemType => (ITEM_TYPES as readonly string[]).includes(t)),
  };
}

/** The address parameters for a change of view (null removes one, so the default applies). */
export function forecastParams(patch: Partial<ForecastView>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const text = (v: number | string | null | undefined) => (v === null || v === undefined ? null : String(v));
  if ('question' in patch) out.q = patch.question === 'when' ? 'when' : null;
  if ('by' in patch) out.by = text(patch.by);
  if ('items' in patch) out.n = text(patch.items);
  if ('start' in patch) out.start = text(patch.start);
  if ('trials' in patch) out.trials = text(patch.trials);
  if ('seed' in patch) out.seed = text(patch.seed);
  if ('business' in patch) out.days = patch.business ? 'business' : null;
  if ('window' in patch) {
    out.from = patch.window?.from ?? null;
    out.to = patch.window?.to ?? null;
  }
  if ('windowDays' in patch) out.window = text(patch.windowDays);
  if ('selections' in patch) for (const id of PICKER_PARAMS) out[id] = joined(patch.selections?.[id] ?? []);
  if ('itemTypes' in patch) out.types = joined(patch.itemTypes ?? []);
  return out;
}

/** The Flow page's filter bar state for this view (no comparison: a forecast has one history). */
export function scopeStateOf(view: ForecastView): ScopeState {
  return { selections: view.selections, itemTypes: view.itemTypes, window: view.window, compare: 'none' };
}

/** The day after the data's last day: where a forecast starts unless told otherwise. */
export function dayAfterData(asOf: string | null): string | null {
  return asOf === null ? null : formatCalendarDate(Math.floor(Date.parse(asOf) / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY);
}

/** The default "by": six weeks after the data's last day. */
export function defaultBy(asOf: string | null): string | null {
  const first = dayAfterData(asOf);
  return first === null ? null : formatCalendarDate(parseCalendarDate(first)! + (DEFAULT_HORIZON_DAYS - 1) * MS_PER_DAY);
}

/** The history window shown in the pickers when none is chosen: the last `days` days of the data. */
export function defaultHistoryWindow(asOf: string | null, days: number): DateWindow | null {
  if (asOf === null) return null;
  const last = Math.floor(Date.parse(asOf) / MS_PER_DAY) * MS_PER_DAY;
  return { from: formatCalendarDate(last - (days - 1) * MS_PER_DAY), to: formatCalendarDate(last) };
}

/** The channels' common input for this view and the team set the pickers stand for. */
export function forecastScopeInput(view: ForecastView, teamKeys: string[] | undefined): ForecastScope {
  return {
    teamKeys,
    itemTypes: view.itemTypes.length > 0 ? [...view.itemTypes] : undefined,
    window: view.window ?? undefined,
    windowDays: view.windowDays ?? undefined,
    trials: view.trials ?? undefined,
    seed: view.seed ?? undefined,
    start: view.start ?? undefined,
    dayKind: view.business ? 'business' : 'calendar',
  };
}
