import type { Database } from 'better-sqlite3';
import { adviseCoordination, analysisRange, completionBinDays, type Advice } from '../../../shared/coordination/advise';
import type { CoordinationData, Interval } from '../../../shared/coordination/coordination-data';
import { CoordinationSettings, DEFAULT_COORDINATION_SETTINGS } from '../../../shared/coordination/settings';
import { remember } from '../store/workspace-memory';
import { evaluateScenario, type ScenarioChange, type WhatIfResult } from '../../../shared/coordination/what-if';
import type { CoordinationWindow } from '../../../shared/contract/coordination-channels';
import { MS_PER_DAY, toEpochMs } from '../../../shared/domain/time';
import { getSetting, putSetting, deleteSetting } from '../store/queries/settings';
import { latestDataInstant, loadCoordinationData } from './coordination-queries';

const SETTINGS_KEY = 'coordination';

export function readCoordinationSettings(db: Database): CoordinationSettings {
  return getSetting(db, SETTINGS_KEY, CoordinationSettings, DEFAULT_COORDINATION_SETTINGS);
}

export function writeCoordinationSettings(db: Database, settings: CoordinationSettings): CoordinationSettings {
  return putSetting(db, SETTINGS_KEY, CoordinationSettings, settings);
}

export function resetCoordinationSettings(db: Database): CoordinationSettings {
  deleteSetting(db, SETTINGS_KEY);
  return DEFAULT_COORDINATION_SETTINGS;
}

/**
 * The window in epoch ms. It ends at the latest instant in the data (not today), so a workspace
 * gives the same answer whenever it is opened; an empty workspace ends at the start of today.
 */
function latestInstant(db: Database): number {
  return remember(db, 'coordination:end', () => latestDataInstant(db) ?? Math.floor(Date.now() / MS_PER_DAY) * MS_PER_DAY);
}

export function resolveWindow(db: Database, settings: CoordinationSettings, window: CoordinationWindow | undefined): Interval {
  const days = window?.days ?? settings.windowDays;
  const end = window?.end !== undefined ? toEpochMs(window.end) : latestInstant(db);
  return { from: end - days * MS_PER_DAY, to: end };
}

// Loaded inputs and advice are kept in the workspace memory while the data stands still: the
// Coordination, Teams, Flow and Plan pages all ask for the same advice. A few of each.
const MEMO_ENTRIES = 4;

function bounded<V>(db: Database, kind: string, key: string, make: () => V): V {
  const map = remember(db, `coordination:${kind}`, () => new Map<string, V>());
  const found = map.get(key);
  if (found !== undefined) return found;
  const value = make();
  if (map.size >= MEMO_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

function loadFor(db: Database, settings: CoordinationSettings, interval: Interval): CoordinationData {
  const range = analysisRange(interval, settings);
  const bin = completionBinDays(interval, settings);
  return bounded(db, 'data', JSON.stringify([range, interval, bin]), () => loadCoordinationData(db, range, interval, bin));
}

export function adviseWorkspace(db: Database, window?: CoordinationWindow): Advice {
  const settings = readCoordinationSettings(db);
  const interval = resolveWindow(db, settings, window);
  const key = JSON.stringify([interval, settings]);
  return bounded(db, 'advice', key, () => adviseCoordination(loadFor(db, settings, interval), { window: interval, settings }));
}

export function whatIfWorkspace(db: Database, changes: readonly ScenarioChange[], window?: CoordinationWindow): WhatIfResult {
  const settings = readCoordinationSettings(db);
  const interval = resolveWindow(db, settings, window);
  return evaluateScenario(loadFor(db, settings, interval), changes, { window: interval, settings });
}
