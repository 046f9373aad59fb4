import type { Database } from 'better-sqlite3';
import { adviseCoordination, analysisRange, type Advice } from '../../../shared/coordination/advise';
import type { Interval } from '../../../shared/coordination/coordination-data';
import { CoordinationSettings, DEFAULT_COORDINATION_SETTINGS } from '../../../shared/coordination/settings';
import { evaluateScenario, type ScenarioChange, type WhatIfResult } from '../../../shared/coordination/what-if';
import type { CoordinationWindow } from '../../../shared/contract/coordination-channels';
import { MS_PER_DAY, toEpochMs } from '../../../shared/domain/time';
import { dataDateRange } from '../store/queries/overview';
import { getSetting, putSetting, deleteSetting } from '../store/queries/settings';
import { loadCoordinationData } from './coordination-queries';

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
export function resolveWindow(db: Database, settings: CoordinationSettings, window: CoordinationWindow | undefined): Interval {
  const days = window?.days ?? settings.windowDays;
  const end = window?.end !== undefined ? toEpochMs(window.end) : (dataDateRange(db)?.to ?? Math.floor(Date.now() / MS_PER_DAY) * MS_PER_DAY);
  return { from: end - days * MS_PER_DAY, to: end };
}

export function adviseWorkspace(db: Database, window?: CoordinationWindow): Advice {
  const settings = readCoordinationSettings(db);
  const interval = resolveWindow(db, settings, window);
  const data = loadCoordinationData(db, analysisRange(interval, settings), interval);
  return adviseCoordination(data, { window: interval, settings });
}

export function whatIfWorkspace(db: Database, changes: readonly ScenarioChange[], window?: CoordinationWindow): WhatIfResult {
  const settings = readCoordinationSettings(db);
  const interval = resolveWindow(db, settings, window);
  const data = loadCoordinationData(db, analysisRange(interval, settings), interval);
  return evaluateScenario(data, changes, { window: interval, settings });
}
