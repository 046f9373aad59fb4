import { dirname } from 'node:path';
import type { filesChannels, FolderPlace } from '../../../shared/contract/files-channels';
import { listFolder } from '../folder-browsing';
import type { BackendContext, HandlerMap } from './handler-types';

/** Home, the workspaces folder, and the folders of recent workspaces (the folders the user chose). */
export function browsablePlaces(context: BackendContext): FolderPlace[] {
  const places: FolderPlace[] = [];
  if (context.workspacesDir) places.push({ label: 'Interlock workspaces', path: context.workspacesDir });
  places.push({ label: 'Home', path: context.homeDir });
  for (const recent of context.state?.recent() ?? []) places.push({ label: dirname(recent.path), path: dirname(recent.path) });
  return places;
}

export const filesHandlers: HandlerMap<typeof filesChannels> = {
  'files.list': ({ dir }, context) => listFolder(dir, browsablePlaces(context)),
};
