/**
 * The desktop shell: opens the ledger in the user's data folder, registers the contract over IPC,
 * and shows the UI from the app:// protocol in a hardened window. No business logic lives here.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LedgerError } from '../contract/errors';
import { openLedgerHost, type LedgerHost } from '../db/host';
import { defaultLocalCopy } from '../db/relocate';
import { registerLedgerIpc } from './ipc';
import { registerPdfSaving } from './saving';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  guardContents,
  mainWindowOptions,
} from './window';

// Bundled as dist/electron/main.cjs, next to preload.cjs and below dist/renderer.
const HERE = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(HERE, '..', 'renderer');
const PRELOAD = join(HERE, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let host: LedgerHost | undefined;
let mainWindow: BrowserWindow | undefined;

/** Serves dist/renderer under app://ledger/, with the CSP header; nothing outside that folder. */
async function serveRenderer(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const file = normalize(join(RENDERER_DIR, decodeURIComponent(pathname)));
  if (!file.startsWith(RENDERER_DIR + sep)) return new Response('Forbidden', { status: 403 });
  const target = existsSync(file) ? file : join(RENDERER_DIR, 'index.html');
  const response = await net.fetch(pathToFileURL(target).toString());
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(PRELOAD));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  const inUserData = join(app.getPath('userData'), 'aid-ledger.sqlite');
  // A ledger copied to this computer because the user data folder is on a network or synced (`backups.relocate`).
  const copied = defaultLocalCopy(inUserData);
  const file = existsSync(copied) ? copied : inUserData;
  // A damaged ledger is not opened: the UI then shows its recovery screen, offering the latest good backup.
  host = await openLedgerHost(file);
  registerLedgerIpc(ipcMain, host);
  registerPdfSaving(ipcMain, {
    askPath: async (contents, fileName) => {
      const owner = BrowserWindow.fromWebContents(contents);
      const options = { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const answer = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return answer.canceled ? undefined : answer.filePath;
    },
    write: (path, bytes) => writeFile(path, bytes),
  });
  denyPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Links the user follows out of the app open in the browser, through the one validated function.
  app.on('web-contents-created', (_event, contents) => guardContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => {
    void (host?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const text =
        error instanceof LedgerError
          ? `${error.toShape().message.vi}\n\n${error.toShape().message.en}`
          : String(error instanceof Error ? error.message : error);
      dialog.showErrorBox('Sổ theo dõi viện trợ / Aid Ledger', text);
      app.exit(1);
    });
}
