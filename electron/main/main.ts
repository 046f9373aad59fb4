import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { startBackendProcess } from './backend-process';
import type { RemoteBackend } from '../backend/remote/backend-client';
import { buildAppMenu } from './app-menu';
import { desktopPaths, FilesToOpen, workspaceFromArgs } from './desktop-paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { bindContract } from './ipc';
import { APP_ENTRY_URL, isAllowedNavigation, isGrantedPermission, isPresenterWindowUrl } from './window-security';

// The thin desktop shell: one window (and, while presenting, its presenter view), the app:// protocol,
// the menu, and the contract over IPC.
// Everything else lives in electron/backend and the renderer, which the browser host runs as well.

registerAppScheme();
// Before anything reads userData: a portable build keeps its state beside the executable.
const paths = desktopPaths(process.env, app.getPath('documents'));
if (paths.stateDir) app.setPath('userData', paths.stateDir);
// A second launch hands its file to the first (second-instance below) and ends here, before it
// starts a backend of its own on the same state: app.quit() would only ask, and go on.
if (!app.requestSingleInstanceLock()) app.exit(0);

// The backend runs in a utility process of its own (backend-process.ts), started once the app is ready.
let backend: RemoteBackend | null = null;
let mainWindow: BrowserWindow | null = null;
const filesToOpen = new FilesToOpen();

// macOS: a double-clicked workspace (the file association) or one dropped on the Dock icon.
app.on('open-file', (event, path) => {
  event.preventDefault();
  filesToOpen.request(path);
});

function openRequested(path: string): void {
  const remote = backend;
  if (!remote) return;
  void remote.call('workspace.open', { path }).then((result) => {
    if (!result.ok && mainWindow) void dialog.showMessageBox(mainWindow, { type: 'error', message: 'Interlock could not open that workspace', detail: result.error.message });
    mainWindow?.webContents.send('workspace-changed');
    if (mainWindow) void buildAppMenu(mainWindow, remote);
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Interlock',
    show: false,
    // Checked by tests/unit/electron/web-preferences.test.ts and the electronegativity gate: keep it a literal.
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
    },
  });
  // The presenter view is the one window the page may open (presentation mode, V): the app's own
  // page at its presenter address, with the main window's rules but no preload — it talks to the
  // main window over a BroadcastChannel, never to the backend. Not the main window's child, which
  // would stay on top of it: it goes on the facilitator's screen, the main window on the projector.
  // Every web contents gets the navigation lock and opens nothing itself (web-contents-created).
  window.webContents.setWindowOpenHandler(({ url }) =>
    isPresenterWindowUrl(url)
      ? {
          action: 'allow',
          overrideBrowserWindowOptions: {
            width: 1280,
            height: 800,
            minWidth: 640,
            minHeight: 480,
            title: 'Interlock presenter view',
            autoHideMenuBar: true,
            // Checked by tests/unit/electron/web-preferences.test.ts: keep it a literal.
            webPreferences: {
              contextIsolation: true,
              sandbox: true,
              nodeIntegration: false,
              nodeIntegrationInWorker: false,
              nodeIntegrationInSubFrames: false,
              webSecurity: true,
              allowRunningInsecureContent: false,
              experimentalFeatures: false,
              webviewTag: false,
              navigateOnDragDrop: false,
              disableBlinkFeatures: 'Auxclick',
              safeDialogs: true,
              spellcheck: false,
            },
          },
        }
      : { action: 'deny' },
  );
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

// Every web contents, the presenter view's too: no webviews, no external pages, no new windows (the
// main window alone opens its presenter view, createWindow).
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('second-instance', (_event, argv) => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  const requested = workspaceFromArgs(argv);
  if (requested) filesToOpen.request(requested);
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => callback(isGrantedPermission(permission, details.requestingUrl ?? contents.getURL())));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isGrantedPermission(permission, requestingOrigin));
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
  try {
    // A file asked for before the app was ready (macOS open-file) wins over the command line.
    const asked = filesToOpen.ready(openRequested) ?? workspaceFromArgs(process.argv);
    backend = await startBackendProcess(join(__dirname, 'backend.cjs'), { stateDir: app.getPath('userData'), workspacesDir: paths.workspacesDir, workspace: asked });
  } catch (error) {
    dialog.showErrorBox('Interlock could not open a workspace', (error as Error).message);
    app.quit();
    return;
  }
  if (backend.startup.notice) void dialog.showMessageBox({ type: 'warning', message: backend.startup.notice });
  void backend.crashed.then((reason) => dialog.showErrorBox('Interlock’s backend stopped', `${reason} Your workspace holds everything saved until then; restart Interlock.`));
  bindContract(backend);
  mainWindow = createWindow();
  void buildAppMenu(mainWindow, backend);
  mainWindow.on('closed', () => (mainWindow = null));
});

app.on('window-all-closed', () => app.quit());
// Close the workspace (and its lock) cleanly so the file can be carried away at once.
let quitting = false;
app.on('will-quit', (event) => {
  if (!backend || quitting) return;
  quitting = true;
  event.preventDefault();
  void backend.close().finally(() => app.quit());
});
