import { describe, expect, it, vi } from 'vitest';
import { buildBridge, callChannel, callNames, CallOutcome } from '../../shared/contract';
import { createHandlers } from '../hosts/handlers';
import { createPreloadTransport, type RendererIpc } from './preload-transport';
import { registerCalls, type InvokeRegistry } from './register';
import { isTrustedSender, type SenderEvent } from './sender';

type Listener = Parameters<InvokeRegistry['handle']>[1];

/** Behaves like ipcMain.handle: one listener per channel, a second registration throws. */
class FakeIpcMain implements InvokeRegistry {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  invoke(channel: string, event: SenderEvent, ...args: unknown[]): Promise<CallOutcome> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

const fromApp: SenderEvent = { senderFrame: { url: 'app://cloudshelf/index.html' } };
const from = (url: string): SenderEvent => ({ senderFrame: { url } });

function setup(): {
  ipc: FakeIpcMain;
  log: ReturnType<typeof vi.fn<(message: string) => void>>;
  appInfo: ReturnType<typeof vi.fn>;
  dispose: () => void;
} {
  const real = createHandlers({
    identity: { name: 'Cloudshelf', version: '1.2.3', host: 'electron' },
    env: { AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/c' },
  });
  const appInfo = vi.fn(real['app.info']);
  const ipc = new FakeIpcMain();
  const log = vi.fn<(message: string) => void>();
  const dispose = registerCalls(ipc, { ...real, 'app.info': appInfo }, { isTrustedSender, log });
  return { ipc, log, appInfo, dispose };
}

describe('registerCalls', () => {
  it('registers one channel per call in the contract', () => {
    const { ipc } = setup();
    expect([...ipc.listeners.keys()].sort()).toEqual(callNames.map(callChannel).sort());
  });

  it('answers a trusted call with an ok envelope from the handler', async () => {
    const { ipc, appInfo } = setup();
    const outcome = await ipc.invoke(callChannel('app.info'), fromApp, {});
    expect(outcome).toMatchObject({ ok: true, value: { name: 'Cloudshelf', version: '1.2.3' } });
    expect(appInfo).toHaveBeenCalledOnce();
    expect(appInfo.mock.calls[0]?.[1]).toEqual({ host: 'electron' });
  });

  it('accepts a call made without an argument object', async () => {
    const { ipc } = setup();
    expect(await ipc.invoke(callChannel('app.info'), fromApp)).toMatchObject({ ok: true });
  });

  it.each([
    ['a wrong protocol', from('https://cloudshelf/index.html')],
    ['a wrong host', from('app://evil/index.html')],
    ['the app://x "null" origin trap', from('app://x')],
    ['a file: page', from('file:///opt/cloudshelf/index.html')],
    ['the browser-mode origin', from('http://127.0.0.1:5173/')],
    ['a missing senderFrame', { senderFrame: null }],
  ])('refuses %s with Forbidden, without running the handler', async (_label, event) => {
    const { ipc, appInfo, log } = setup();
    const outcome = await ipc.invoke(callChannel('app.info'), event, {});
    expect(CallOutcome.parse(outcome)).toEqual({
      ok: false,
      error: { code: 'Forbidden', message: expect.stringContaining('app.info') as string },
    });
    expect(appInfo).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('call app.info refused'));
  });

  it.each([
    ['an unknown key', { region: 'eu-west-1' }],
    ['a string', 'app.info'],
    ['an array', [1, 2]],
    ['a number', 42],
  ])('refuses %s as arguments with InvalidArguments', async (_label, args) => {
    const { ipc, appInfo } = setup();
    const outcome = await ipc.invoke(callChannel('app.info'), fromApp, args);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'InvalidArguments' } });
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('refuses bad arguments sent through the preload bridge, which does not validate', async () => {
    // The preload carries no schemas (it must stay small): main is where bad arguments stop.
    const { ipc, appInfo } = setup();
    const renderer: RendererIpc = {
      invoke: (channel, ...args) => ipc.invoke(channel, fromApp, ...args),
      on: () => undefined,
      removeListener: () => undefined,
    };
    // What a page could send: anything, whatever the bridge's types say.
    const bridge = buildBridge(createPreloadTransport(renderer)) as unknown as Record<
      string,
      Record<string, (args: unknown) => Promise<unknown>>
    >;
    const refused = { ok: false, error: { code: 'InvalidArguments' } };
    await expect(bridge.profiles?.details?.({ profile: '' })).resolves.toMatchObject(refused);
    await expect(bridge.profiles?.details?.({ profile: 'a', extra: 1 })).resolves.toMatchObject(
      refused,
    );
    await expect(bridge.app?.info?.({ region: 'eu-west-1' })).resolves.toMatchObject(refused);
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('never logs argument values', async () => {
    const { ipc, log } = setup();
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    await ipc.invoke(callChannel('app.info'), fromApp, { secretAccessKey: secret });
    await ipc.invoke(callChannel('app.info'), from('https://evil.example/'), { secret });
    expect(log).toHaveBeenCalled();
    for (const [message] of log.mock.calls) expect(message).not.toContain(secret);
  });

  it('returns an Internal envelope instead of throwing when the sender check throws', async () => {
    const ipc = new FakeIpcMain();
    const real = createHandlers({
      identity: { name: 'Cloudshelf', version: '1', host: 'electron' },
      env: {},
    });
    registerCalls(ipc, real, {
      isTrustedSender: () => {
        throw new Error('boom');
      },
      log: vi.fn(),
    });
    await expect(ipc.invoke(callChannel('app.info'), fromApp, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'Internal' },
    });
  });

  it('returns a disposer that removes every handler', () => {
    const { ipc, dispose } = setup();
    dispose();
    expect(ipc.listeners.size).toBe(0);
  });
});
