import { resolve } from 'node:path';
import type { workspaceCopyChannels } from '../../../shared/contract/workspace-copy-channels';
import { anonymiseWorkspace, ANONYMISED_WORKSPACE_NAME } from '../store/anonymise-workspace';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { sealWorkspace, unsealWorkspace } from '../store/sealed-copy';
import { inspectWorkspaceFile, peekSchemaVersion, sameFile } from '../store/workspace-file';
import type { HandlerMap } from './handler-types';
import { adopt, backUpBeforeReplacing, openWithBackup } from './workspace-handlers';

export const workspaceCopyHandlers: HandlerMap<typeof workspaceCopyChannels> = {
  'workspace.anonymise': async ({ path, shiftDays, name, replace }, context) => {
    const workspace = context.session.require();
    if (!sameFile(resolve(path), workspace.path)) await backUpBeforeReplacing(context, path, replace);
    // The pseudonyms (and their key) are dropped here: nothing can map the copy back.
    const copy = await anonymiseWorkspace(workspace, path, { shiftDays, replace, name });
    return { path: copy.path, name: name ?? ANONYMISED_WORKSPACE_NAME, shiftDays };
  },

  'workspace.seal': ({ path, passphrase, replace }, { session }) => sealWorkspace(session.require(), path, passphrase, { replace }),

  'workspace.unseal': async ({ sealedPath, path, passphrase, replace, open }, context) => {
    // Writing over the open workspace needs its lock released first (the claim then checks it), but
    // only once the passphrase is known to be right: a refusal leaves the open workspace open.
    const releaseTarget = async () => {
      await backUpBeforeReplacing(context, path, replace);
      if (context.session.current?.path === resolve(path)) context.session.close();
    };
    const { path: written } = await unsealWorkspace(sealedPath, path, passphrase, { replace, beforeWrite: releaseTarget });
    if (open) return adopt(context, await openWithBackup(context, written));
    const inspection = inspectWorkspaceFile(written);
    return { path: written, name: inspection.name ?? '', schemaVersion: peekSchemaVersion(written) ?? LATEST_SCHEMA_VERSION, demo: false };
  },
};
