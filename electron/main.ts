// The Electron entry point: wiring only. Each decision (window options, URL checks, the
// app:// file server, IPC registration) lives in a small module beside it, with its tests.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, shell } from 'electron';
import { EventBus } from './core/events';
import { createExportWriter, openFileTarget } from './core/export';
import { safeStorageSecretBox } from './core/mutations';
import { watchProfiles } from './core/profiles/watch';
import { createSaveDialogDestination } from './hosts/export/save-dialog';
import { createExportSessions } from './hosts/export/sessions';
import { createHandlers } from './hosts/handlers';
import { createHostServices } from './hosts/services';
import { forwardEvents } from './ipc/forward-events';
import { registerCalls } from './ipc/register';
import { isTrustedSender } from './ipc/sender';
import { appEntryUrl, appScheme } from './window/app-origin';
import { createAppProtocolHandler } from './window/app-protocol';
import { createWebContentsHook } from './window/guards';
import { appMenuTemplate } from './window/menu';
import { mainWindowOptions } from './window/security';

/** Call arguments are never logged here: later calls carry values that belong to the user. */
function log(message: string): void {
  console.log(`[cloudshelf] ${message}`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Paths are relative to the bundle, dist/electron/main.cjs.
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Core modules emit here (the AWS profile-file watcher emits `profiles.changed`); every
// event is forwarded to the window.
const events = new EventBus();
let mainWindow: BrowserWindow | null = null;

// Must happen before 'ready'. `standard` gives app:// real origins and relative URL
// resolution; `secure` lets it use secure-context APIs; `supportFetchAPI` lets the page fetch it;
// `corsEnabled` lets Vite's `<script type="module" crossorigin>` load from it.
protocol.registerSchemesAsPrivileged([
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
]);
// Sandbox every renderer, including any a future change creates without our options.
app.enableSandbox();

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- scanner cannot follow mainWindowOptions() (values asserted in security.test.ts); middle-click windows hit the deny-all setWindowOpenHandler
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    log(`the window could not load ${appEntryUrl}: ${describeError(error)}`);
    // Never leave an invisible window behind: show whatever Chromium could render.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

function showMainWindow(): void {
  if (mainWindow === null) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function onReady(): void {
  protocol.handle(appScheme, createAppProtocolHandler({ rootDir: rendererDir, log }));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged }),
    ),
  );
  const services = createHostServices({
    env: process.env,
    bus: events,
    dataDir: app.getPath('userData'),
    log,
    // Built once ready: before that, safeStorage cannot tell whether the keychain is there.
    secretBox: safeStorageSecretBox(safeStorage, log),
  });
  const exports = createExportSessions({
    destination: createSaveDialogDestination({
      // Attached to the window (a sheet on macOS) when there is one.
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      defaultDir: () => app.getPath('downloads'),
      openFile: openFileTarget,
    }),
    createWriter: createExportWriter,
    log,
  });
  app.on('will-quit', () => {
    void exports.close();
    void services.close();
  });
  const handlers = createHandlers({
    identity: { name: 'Cloudshelf', version: app.getVersion(), host: 'electron' },
    env: process.env,
    services,
    exports,
  });
  registerCalls(ipcMain, handlers, { isTrustedSender, log });
  forwardEvents(events, () => mainWindow?.webContents ?? null);
  const stopWatchingProfiles = watchProfiles({ env: process.env, bus: events, log });
  app.on('will-quit', stopWatchingProfiles);
  mainWindow = createMainWindow();
  log(`ready (version ${app.getVersion()})`);
}

if (!app.requestSingleInstanceLock()) {
  log('Cloudshelf is already running; focusing that window instead');
  app.quit();
} else {
  const guardContents = createWebContentsHook({
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK -- only called by the window-open guard, after isAllowedExternalUrl
    log,
  });
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents);
  });
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay running without windows until the user quits.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log(`could not start: ${describeError(error)}`);
      app.quit();
    });
}
