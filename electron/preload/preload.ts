import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract/contract';

// The page gets exactly this: invoke a contract channel, hear that the menu changed the workspace or
// asks for one of the page's dialogs, and learn the path of a file the user picked. Never the raw ipcRenderer.
const allowed = new Set<string>(CHANNEL_NAMES);

contextBridge.exposeInMainWorld('interlock', {
  isDesktop: true,
  invoke(channel: string, input: unknown, shownWorkspace?: string) {
    if (!allowed.has(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `There is no channel named "${channel}".` } });
    return ipcRenderer.invoke(`contract:${channel}`, input, typeof shownWorkspace === 'string' ? shownWorkspace : undefined);
  },
  onWorkspaceChanged(listener: () => void) {
    const wrapped = () => listener();
    ipcRenderer.on('workspace-changed', wrapped);
    return () => ipcRenderer.removeListener('workspace-changed', wrapped);
  },
  onMenuCommand(listener: (command: string) => void) {
    const wrapped = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on('menu-command', wrapped);
    return () => ipcRenderer.removeListener('menu-command', wrapped);
  },
  pathForFile(file: File) {
    return webUtils.getPathForFile(file);
  },
});
