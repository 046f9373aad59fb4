import { type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { RemoteBackend } from '../backend/remote/backend-client';
import type { ChannelInput, ChannelName } from '../../shared/contract/contract';
import { backupsKeptSentence } from '../../shared/domain/backups-kept';
import { exportReportPdf } from './report-pdf';

const FILTERS = [{ name: 'Interlock workspace', extensions: ['interlock'] }];

/** Runs a workspace call for the menu; failures are shown in a dialog with the backend's message. */
async function run<C extends ChannelName>(window: BrowserWindow, backend: RemoteBackend, channel: C, input: ChannelInput<C>, refresh: () => void) {
  const result = await backend.call(channel, input);
  if (!result.ok) {
    await dialog.showMessageBox(window, { type: 'error', message: 'Interlock could not do that', detail: result.error.message });
    return;
  }
  window.webContents.send('workspace-changed');
  refresh();
}

/** Lets the user pick one of the open workspace's automatic backups and puts it back. */
async function restoreBackup(window: BrowserWindow, backend: RemoteBackend, refresh: () => void): Promise<void> {
  const listed = await backend.call('workspace.backups.list', {});
  if (!listed.ok) {
    await dialog.showMessageBox(window, { type: 'error', message: 'Interlock could not list the backups', detail: listed.error.message });
    return;
  }
  const backups = listed.value.backups;
  if (backups.length === 0) {
    await dialog.showMessageBox(window, { type: 'info', message: 'There are no backups of this workspace yet.', detail: backupsKeptSentence(listed.value) });
    return;
  }
  const reasons = { 'before-migration': 'before an upgrade', 'before-import': 'before an import', 'before-restore': 'before a restore', 'before-replace': 'before it was replaced' } as const;
  const labels = backups.map((b) => `${b.takenAt.slice(0, 16).replace('T', ' ')} UTC, ${reasons[b.reason]}${b.takenOf === listed.value.workspace ? '' : ` (as ${b.takenOf})`}`);
  const choice = await dialog.showMessageBox(window, {
    type: 'question',
    message: 'Restore which backup?',
    detail: `What ${listed.value.workspace} holds now is kept as a backup first.`,
    buttons: [...labels, 'Cancel'],
    cancelId: labels.length,
    defaultId: labels.length,
  });
  if (choice.response >= backups.length) return;
  await run(window, backend, 'workspace.backups.restore', { number: backups[choice.response]!.number }, refresh);
}

/**
 * Dialogs that need typed input (a name, a passphrase) are the page's own: the menu only asks the
 * page to show one (`menu-command`), and the page calls the contract as it does from its own menu.
 */
function pageDialog(window: BrowserWindow, dialogName: 'rename' | 'anonymise' | 'seal' | 'unseal'): void {
  window.webContents.send('menu-command', dialogName);
}

/**
 * File: New, Open…, Open Recent, Open Demo, Save As…, Rename, anonymised and sealed copies, Export Report as PDF…, Restore a
 * Backup…, Close; View: zoom for projectors, full screen.
 */
export async function buildAppMenu(window: BrowserWindow, backend: RemoteBackend): Promise<void> {
  const refresh = () => void buildAppMenu(window, backend);
  // The menu asks the backend through the contract, like every other caller.
  const recentResult = await backend.call('workspace.recent', {});
  const currentResult = await backend.call('workspace.current', {});
  const recent = recentResult.ok ? recentResult.value : [];
  const hasWorkspace = currentResult.ok && currentResult.value !== null;
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
                  // Two workspaces of one name are told apart by their folder (sublabel shows on macOS only).
                  label: `${r.name} — ${r.folder}`,
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
            // The system dialog has already asked "Replace?"; the backend still never replaces a damaged or foreign file.
            const choice = await dialog.showSaveDialog(window, { title: 'Save a copy as', filters: FILTERS });
            if (!choice.canceled && choice.filePath) await run(window, backend, 'workspace.saveAs', { path: choice.filePath, replace: true }, refresh);
          },
        },
        { label: 'Rename Workspace…', enabled: hasWorkspace, click: () => pageDialog(window, 'rename') },
        { label: 'Save an Anonymised Copy…', enabled: hasWorkspace, click: () => pageDialog(window, 'anonymise') },
        { label: 'Save a Sealed Copy…', enabled: hasWorkspace, click: () => pageDialog(window, 'seal') },
        { label: 'Open a Sealed Copy…', click: () => pageDialog(window, 'unseal') },
        { label: 'Export Report as PDF…', enabled: hasWorkspace, click: () => exportReportPdf(window, backend) },
        { label: 'Restore a Backup…', enabled: hasWorkspace, click: () => restoreBackup(window, backend, refresh) },
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
