import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import type { RemoteBackend } from '../backend/remote/backend-client';

/**
 * File → Export Report as PDF…: the same report as the HTML export, printed by Chromium in a hidden
 * window that runs no script and may load nothing but the report itself (its own policy forbids
 * every outside request).
 */
export async function exportReportPdf(parent: BrowserWindow, backend: RemoteBackend): Promise<void> {
  const report = await backend.call('report.export', {});
  if (!report.ok) {
    await dialog.showMessageBox(parent, { type: 'error', message: 'Interlock could not make the report', detail: report.error.message });
    return;
  }
  const choice = await dialog.showSaveDialog(parent, { title: 'Export report as PDF', defaultPath: report.value.fileName.replace(/\.html$/, '.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (choice.canceled || !choice.filePath) return;
  // Checked by tests/unit/electron/web-preferences.test.ts and the electronegativity gate: keep it a literal.
  const printer = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
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
  printer.webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await printer.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(report.value.html, 'utf8').toString('base64')}`);
    const pdf = await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: false, displayHeaderFooter: false });
    // Private, as the backend writes every file holding a workspace's data (PRIVATE_FILE_MODE; not
    // imported here: its module loads the database driver, built for the backend's Node).
    await writeFile(choice.filePath, pdf, { mode: 0o600 });
  } catch (error) {
    await dialog.showMessageBox(parent, { type: 'error', message: 'Interlock could not write the PDF', detail: (error as Error).message });
  } finally {
    printer.destroy();
  }
}
