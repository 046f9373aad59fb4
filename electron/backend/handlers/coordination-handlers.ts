import type { coordinationChannels } from '../../../shared/contract/coordination-channels';
import { DEFAULT_COORDINATION_SETTINGS } from '../../../shared/coordination/settings';
import {
  adviseWorkspace,
  readCoordinationSettings,
  resetCoordinationSettings,
  resolveWindow,
  whatIfWorkspace,
  writeCoordinationSettings,
} from '../coordination/coordination-service';
import { listDependencies } from '../coordination/dependency-list';
import { deleteForum, deleteScenario, listForums, listScenarios, saveForum, saveScenario } from '../coordination/forum-and-scenario-store';
import type { HandlerMap } from './handler-types';

export const coordinationHandlers: HandlerMap<typeof coordinationChannels> = {
  'coordination.groups': ({ window }, { session }) => {
    const { report } = adviseWorkspace(session.require().db, window);
    return { groups: report.groups.map((g) => ({ id: g.id, name: g.name, teamKeys: g.teamKeys })) };
  },

  'coordination.recommend': ({ window }, { session }) => adviseWorkspace(session.require().db, window).report,

  'coordination.settings.get': (_input, { session }) => ({
    settings: readCoordinationSettings(session.require().db),
    defaults: DEFAULT_COORDINATION_SETTINGS,
  }),
  'coordination.settings.put': ({ settings }, { session }) => writeCoordinationSettings(session.require().db, settings),
  'coordination.settings.reset': (_input, { session }) => resetCoordinationSettings(session.require().db),

  'coordination.forums.list': (_input, { session }) => listForums(session.require().db),
  'coordination.forums.save': (input, { session }) => saveForum(session.require().db, input),
  'coordination.forums.delete': ({ id }, { session }) => ({ deleted: deleteForum(session.require().db, id) }),

  'coordination.scenarios.list': (_input, { session }) => listScenarios(session.require().db),
  'coordination.scenarios.save': (input, { session }) => saveScenario(session.require().db, input),
  'coordination.scenarios.delete': ({ id }, { session }) => ({ deleted: deleteScenario(session.require().db, id) }),

  'coordination.whatIf': ({ window, changes }, { session }) => whatIfWorkspace(session.require().db, changes, window),

  'coordination.dependencies': ({ window, state, teamKey, side, limit }, { session }) => {
    const { db } = session.require();
    return listDependencies(db, resolveWindow(db, readCoordinationSettings(db), window), { state, teamKey, side, limit });
  },
};
