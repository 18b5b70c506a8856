import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callChannel, callNames, type TrackedRequest } from '../shared/contract';
import { REDACTED } from './core/mutations';
import { startSandbox } from './sandbox';
import { appContentSecurityPolicy } from './window/app-protocol';
import { secureWebPreferences } from './window/security';

/** A stand-in for the parts of Electron main.ts touches; every call is recorded. */
const electron = await vi.hoisted(async () => {
  // Imported here because vi.hoisted runs before the module's own imports.
  const { EventEmitter } = await import('node:events');
  class FakeWebContents extends EventEmitter {
    readonly session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    };
    readonly send = vi.fn();
    readonly setWindowOpenHandler = vi.fn();
    isDestroyed(): boolean {
      return false;
    }
  }
  class FakeBrowserWindow extends EventEmitter {
    static readonly instances: FakeBrowserWindow[] = [];
    static getAllWindows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.instances;
    }
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    constructor(readonly options: unknown) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    isReady: vi.fn(() => true),
    getVersion: vi.fn(() => '9.8.7'),
    // Cloudshelf's own files; nothing is written there unless a catalog refresh runs.
    getPath: vi.fn((name: string) => `/nonexistent/cloudshelf-test/${name}`),
    quit: vi.fn(),
  });
  return {
    app,
    FakeBrowserWindow,
    FakeWebContents,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: {
      setApplicationMenu: vi.fn(),
      buildFromTemplate: vi.fn((template: unknown) => template),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: {
      showSaveDialog: vi.fn((): Promise<{ canceled: boolean; filePath?: string }> =>
        Promise.resolve({ canceled: true }),
      ),
    },
    // "Encrypts" by reversing the bytes: enough to tell sealed from plain.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((plain: string) => Buffer.from(plain, 'utf8').reverse()),
      decryptString: vi.fn((sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8')),
    },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.FakeBrowserWindow,
  protocol: electron.protocol,
  ipcMain: electron.ipcMain,
  Menu: electron.Menu,
  shell: electron.shell,
  dialog: electron.dialog,
  safeStorage: electron.safeStorage,
}));

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main');
  // Let whenReady().then(onReady) run.
  await new Promise((resolve) => setImmediate(resolve));
}

describe('main process wiring', () => {
  const logged: string[] = [];

  beforeEach(() => {
    vi.clearAllMocks();
    electron.app.removeAllListeners();
    electron.FakeBrowserWindow.instances.length = 0;
    logged.length = 0;
    vi.spyOn(console, 'log').mockImplementation((message: string) => {
      logged.push(message);
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('registers app:// as a privileged scheme before ready, and sandboxes all renderers', async () => {
    await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
    const registered = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0];
    const ready = electron.app.whenReady.mock.invocationCallOrder[0];
    expect(registered).toBeLessThan(ready ?? 0);
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
  });

  it('serves app:// with the CSP and refuses traversal', async () => {
    await startMain();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as (
      r: Request,
    ) => Promise<Response>;
    const response = await handler(new Request('app://cloudshelf/..%2f..%2fpackage.json'));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
  });

  it('opens one secure window on app://cloudshelf/index.html with the bundled preload', async () => {
    await startMain();
    expect(electron.FakeBrowserWindow.instances).toHaveLength(1);
    const window = electron.FakeBrowserWindow.instances[0];
    const options = window?.options as { webPreferences: { preload: string } };
    expect(options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(options.webPreferences).toEqual(secureWebPreferences(options.webPreferences.preload));
    expect(window?.loadURL).toHaveBeenCalledWith('app://cloudshelf/index.html');
  });

  it('registers a handler for every call in the contract', async () => {
    await startMain();
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect(channels.sort()).toEqual(callNames.map(callChannel).sort());
  });

  it('refuses a call from a frame that is not the app', async () => {
    await startMain();
    const call = electron.ipcMain.handle.mock.calls.find(
      ([channel]) => channel === callChannel('app.info'),
    )?.[1] as (event: unknown, args: unknown) => Promise<unknown>;
    await expect(
      call({ senderFrame: { url: 'https://evil.example/' } }, {}),
    ).resolves.toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    await expect(
      call({ senderFrame: { url: 'app://cloudshelf/index.html' } }, {}),
    ).resolves.toMatchObject({ ok: true, value: { version: '9.8.7', host: 'electron' } });
  });

  it('asks where to save an export with the save dialog, on the window, from Downloads', async () => {
    await startMain();
    const begin = electron.ipcMain.handle.mock.calls.find(
      ([channel]) => channel === callChannel('export.begin'),
    )?.[1] as (event: unknown, args: unknown) => Promise<unknown>;
    const answer = await begin(
      { senderFrame: { url: 'app://cloudshelf/index.html' } },
      {
        format: 'jsonl',
        typeName: 'AWS::SageMaker::Image',
        columns: [],
        options: { bom: false, neutralizeFormulas: true },
        suggestedName: 'images.jsonl',
        totalRows: 3,
      },
    );
    // The user cancelled the dialog: no export, no error.
    expect(answer).toEqual({ ok: true, value: { exportId: null } });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      electron.FakeBrowserWindow.instances[0],
      {
        title: 'Export inventory',
        defaultPath: path.join('/nonexistent/cloudshelf-test/downloads', 'images.jsonl'),
        filters: [{ name: 'JSON Lines', extensions: ['jsonl', 'ndjson'] }],
      },
    );
  });

  it('guards every webContents created, including ones it did not create itself', async () => {
    await startMain();
    const contents = new electron.FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(contents.session.setPermissionCheckHandler).toHaveBeenCalledOnce();

    const openWindow = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: {
      url: string;
    }) => unknown;
    expect(openWindow({ url: 'https://console.aws.amazon.com/' })).toEqual({ action: 'deny' });
    expect(openWindow({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://console.aws.amazon.com/',
    );
  });

  it('quits when the last window closes, except on macOS', async () => {
    await startMain();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      electron.app.emit('window-all-closed');
      expect(electron.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'linux' });
      electron.app.emit('window-all-closed');
      expect(electron.app.quit).toHaveBeenCalledOnce();
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await startMain();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('logs with the [cloudshelf] prefix', async () => {
    await startMain();
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).toMatch(/^\[cloudshelf\] /);
  });

  describe('the request journal', () => {
    const secret = 'secret-string-for-the-main-test-5a9e';
    let dataDir: string;
    const env = process.env.CLOUDSHELF_SANDBOX_ENDPOINT;

    beforeEach(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-main-'));
      electron.app.getPath.mockImplementation((name: string) =>
        name === 'userData' ? dataDir : `/nonexistent/cloudshelf-test/${name}`,
      );
    });
    afterEach(async () => {
      electron.app.emit('will-quit');
      electron.app.getPath.mockImplementation(
        (name: string) => `/nonexistent/cloudshelf-test/${name}`,
      );
      if (env === undefined) delete process.env.CLOUDSHELF_SANDBOX_ENDPOINT;
      else process.env.CLOUDSHELF_SANDBOX_ENDPOINT = env;
      await rm(dataDir, { recursive: true, force: true });
    });

    const journal = async (): Promise<string> =>
      readFile(path.join(dataDir, 'requests.json'), 'utf8');

    it('is resumed as the app starts, opening kept write-only values with safeStorage', async () => {
      const sandbox = await startSandbox({ seed: false, mutationDelayMs: 10 });
      process.env.CLOUDSHELF_SANDBOX_ENDPOINT = sandbox.endpoint;
      try {
        const id = randomUUID();
        const entry: TrackedRequest = {
          id,
          requestToken: null,
          profile: 'Sandbox',
          region: 'eu-west-1',
          typeName: 'AWS::SecretsManager::Secret',
          operation: 'CREATE',
          identifier: null,
          status: 'PENDING',
          statusMessage: null,
          errorCode: null,
          desiredState: { Name: 'kept-until-accepted', SecretString: REDACTED },
          patch: null,
          startedAt: Date.now(),
          updatedAt: Date.now(),
          finishedAt: null,
        };
        const sent = {
          desiredState: { Name: 'kept-until-accepted', SecretString: secret },
          patch: null,
        };
        // As the app left it: journaled, sealed, not yet accepted by AWS.
        const sealed = electron.safeStorage.encryptString(JSON.stringify(sent)).toString('base64');
        await writeFile(
          path.join(dataDir, 'requests.json'),
          JSON.stringify({
            version: 1,
            requests: [{ ...entry, sealed: { box: 'safeStorage', data: sealed } }],
          }),
        );
        await startMain();
        // No window call is made: the app's start alone sends and tracks it.
        await vi.waitFor(
          async () => {
            expect(JSON.parse(await journal())).toMatchObject({
              requests: [{ id, status: 'SUCCESS' }],
            });
          },
          { timeout: 10_000, interval: 50 },
        );
        expect(electron.safeStorage.decryptString).toHaveBeenCalled();
        expect(await journal()).not.toContain('"sealed"');

        const create = electron.ipcMain.handle.mock.calls.find(
          ([channel]) => channel === callChannel('resources.create'),
        )?.[1] as (event: unknown, args: unknown) => Promise<unknown>;
        const answer = await create(
          { senderFrame: { url: 'app://cloudshelf/index.html' } },
          {
            profile: 'Sandbox',
            region: 'eu-west-1',
            typeName: 'AWS::SecretsManager::Secret',
            desiredState: { Name: 'sealed-while-kept', SecretString: secret },
          },
        );
        expect(JSON.stringify(answer)).not.toContain(secret);
        // Sealed with the keychain before it was written down.
        expect(
          electron.safeStorage.encryptString.mock.calls.some(([plain]) => plain.includes(secret)),
        ).toBe(true);
        expect(await journal()).not.toContain(secret);
      } finally {
        await sandbox.close();
      }
    });

    it('without a keychain, says so in one line and still starts', async () => {
      electron.safeStorage.isEncryptionAvailable.mockReturnValueOnce(false);
      await startMain();
      expect(logged.filter((line) => line.includes('keychain is not available'))).toHaveLength(1);
      expect(electron.FakeBrowserWindow.instances).toHaveLength(1);
    });
  });
});
