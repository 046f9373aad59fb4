import { type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Backend } from '../backend/backend';

const FILTERS = [{ name: 'Interlock workspace', extensions: ['interlock'] }];

/** Runs a workspace call for the menu; failures are shown in a dialog with the backend's message. */
async function run(window: BrowserWindow, backend: Backend, channel: Parameters<Backend['invoke']>[0], input: unknown, refresh: () => void) {
  const result = await backend.invoke(channel, input);
  if (!result.ok) {
    await dialog.showMessageBox(window, { type: 'error', message: 'Interlock could not do that', detail: result.error.message });
    return;
  }
  window.webContents.send('workspace-changed');
  refresh();
}

/** File: New, Open…, Open Recent, Open Demo, Save As…, Close; View: zoom for projectors, full screen. */
export function buildAppMenu(window: BrowserWindow, backend: Backend): void {
  const refresh = () => buildAppMenu(window, backend);
  const recent = backend.context.state?.recent() ?? [];
  const hasWorkspace = backend.context.session.current !== null;
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'New Workspace…',
          accelerator: 'CmdOrCtrl+N',
          click: async () => {
            const choice = await dialog.showSaveDialog(window, { title: 'New workspace', filters: FILTERS, defaultPath: 'workspace.interlock' });
            if (!choice.canceled && choice.filePath) await run(window, backend, 'workspace.create', { path: choice.filePath }, refresh);
          },
        },
        {
          label: 'Open…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const choice = await dialog.showOpenDialog(window, { title: 'Open workspace', filters: FILTERS, properties: ['openFile'] });
            const [path] = choice.filePaths;
            if (!choice.canceled && path) await run(window, backend, 'workspace.open', { path }, refresh);
          },
        },
        {
          label: 'Open Recent',
          submenu:
            recent.length === 0
              ? [{ label: 'None yet', enabled: false }]
              : recent.map((r) => ({
                  label: r.name,
                  sublabel: r.path,
                  enabled: r.exists,
                  click: () => run(window, backend, 'workspace.open', { path: r.path }, refresh),
                })),
        },
        { label: 'Open the Demo', click: () => run(window, backend, 'workspace.openDemo', {}, refresh) },
        { type: 'separator' },
        {
          label: 'Save As…',
          accelerator: 'CmdOrCtrl+Shift+S',
          enabled: hasWorkspace,
          click: async () => {
            const choice = await dialog.showSaveDialog(window, { title: 'Save a copy as', filters: FILTERS });
            if (!choice.canceled && choice.filePath) await run(window, backend, 'workspace.saveAs', { path: choice.filePath }, refresh);
          },
        },
        { label: 'Close Workspace', accelerator: 'CmdOrCtrl+W', enabled: hasWorkspace, click: () => run(window, backend, 'workspace.close', {}, refresh) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
