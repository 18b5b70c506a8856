import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  buildApi,
  callChannel,
  CloudshelfError,
  eventChannel,
  type EventName,
  type ProfileList,
} from '../../shared/contract';
import { createPreloadTransport, type RendererIpc } from './preload-transport';

type IpcListener = Parameters<RendererIpc['on']>[1];

/** Behaves like ipcRenderer: an emitter whose listeners get (IpcRendererEvent, ...args). */
class FakeIpcRenderer implements RendererIpc {
  readonly emitter = new EventEmitter();
  readonly ipcEvent = { sender: 'the IpcRendererEvent, which must not reach the page' };
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(() =>
    Promise.resolve({ ok: true, value: null }),
  );
  on(channel: string, listener: IpcListener): this {
    this.emitter.on(channel, listener);
    return this;
  }
  removeListener(channel: string, listener: IpcListener): this {
    this.emitter.removeListener(channel, listener);
    return this;
  }
  listenerCount(event: EventName): number {
    return this.emitter.listenerCount(eventChannel(event));
  }
  /** What webContents.send(eventChannel(event), payload) looks like on this side. */
  deliver(event: EventName, payload: unknown): void {
    this.emitter.emit(eventChannel(event), this.ipcEvent, payload);
  }
}

const profiles: ProfileList = { profiles: [], selected: 'Sandbox', problems: [] };

describe('preload transport: calls', () => {
  it('invokes the call channel with the arguments and unwraps the envelope', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.invoke.mockResolvedValueOnce({ ok: true, value: profiles });
    const api = buildApi(createPreloadTransport(ipc));
    await expect(api.profiles.list()).resolves.toEqual(profiles);
    expect(ipc.invoke).toHaveBeenCalledWith(callChannel('profiles.list'), {});
  });

  it('turns an error envelope into a CloudshelfError', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'InvalidArguments', message: 'The arguments to app.info are not valid.' },
    });
    const api = buildApi(createPreloadTransport(ipc));
    await expect(api.app.info()).rejects.toMatchObject({
      name: 'CloudshelfError',
      code: 'InvalidArguments',
    });
  });
});

describe('preload transport: events', () => {
  it('refuses unknown event names, through the API and on the transport itself', () => {
    const ipc = new FakeIpcRenderer();
    const transport = createPreloadTransport(ipc);
    const api = buildApi(transport);
    expect(() => api.on('nope' as EventName, vi.fn())).toThrow(CloudshelfError);
    expect(() => transport.subscribe('__proto__' as EventName, vi.fn())).toThrow(/no event named/);
    expect(ipc.emitter.eventNames()).toEqual([]);
  });

  it('adds no ipcRenderer listener until someone subscribes, then exactly one', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildApi(createPreloadTransport(ipc));
    expect(ipc.listenerCount('profiles.changed')).toBe(0);
    api.on('profiles.changed', vi.fn());
    api.on('profiles.changed', vi.fn());
    expect(ipc.listenerCount('profiles.changed')).toBe(1);
  });

  it('delivers the payload only, never the IpcRendererEvent', () => {
    const ipc = new FakeIpcRenderer();
    const listener = vi.fn();
    buildApi(createPreloadTransport(ipc)).on('profiles.changed', listener);
    ipc.deliver('profiles.changed', profiles);
    expect(listener).toHaveBeenCalledExactlyOnceWith(profiles);
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('reaches only the listeners subscribed to that event', () => {
    const ipc = new FakeIpcRenderer();
    const transport = createPreloadTransport(ipc);
    const subscribed = vi.fn();
    transport.subscribe('profiles.changed', subscribed);
    // Something else on the same ipcRenderer (another channel) must not reach our listener.
    ipc.emitter.emit('cloudshelf:event:other', ipc.ipcEvent, 'stray');
    expect(subscribed).not.toHaveBeenCalled();
    ipc.deliver('profiles.changed', profiles);
    expect(subscribed).toHaveBeenCalledOnce();
  });

  it('stops calling a listener once it unsubscribes, keeping the others', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildApi(createPreloadTransport(ipc));
    const stays = vi.fn();
    const leaves = vi.fn();
    api.on('profiles.changed', stays);
    const unsubscribe = api.on('profiles.changed', leaves);
    unsubscribe();
    unsubscribe(); // a second call is harmless
    ipc.deliver('profiles.changed', profiles);
    expect(stays).toHaveBeenCalledOnce();
    expect(leaves).not.toHaveBeenCalled();
    expect(ipc.listenerCount('profiles.changed')).toBe(1);
  });

  it('removes the ipcRenderer listener when the last subscriber leaves, and re-adds it later', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildApi(createPreloadTransport(ipc));
    const first = api.on('profiles.changed', vi.fn());
    const second = api.on('profiles.changed', vi.fn());
    first();
    expect(ipc.listenerCount('profiles.changed')).toBe(1);
    second();
    expect(ipc.listenerCount('profiles.changed')).toBe(0);

    const again = vi.fn();
    api.on('profiles.changed', again);
    expect(ipc.listenerCount('profiles.changed')).toBe(1);
    ipc.deliver('profiles.changed', profiles);
    expect(again).toHaveBeenCalledOnce();
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildApi(createPreloadTransport(ipc));
    const listener = vi.fn();
    const firstUnsubscribe = api.on('profiles.changed', listener);
    api.on('profiles.changed', listener);
    firstUnsubscribe();
    ipc.deliver('profiles.changed', profiles);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('keeps delivering to the others when one listener throws or unsubscribes mid-delivery', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildApi(createPreloadTransport(ipc));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    const unsubscribeSelf: { current: () => void } = { current: () => undefined };
    api.on('profiles.changed', () => {
      throw new Error('page bug');
    });
    unsubscribeSelf.current = api.on('profiles.changed', () => {
      unsubscribeSelf.current();
    });
    api.on('profiles.changed', after);
    ipc.deliver('profiles.changed', profiles);
    expect(after).toHaveBeenCalledOnce();
    expect(consoleError).toHaveBeenCalledOnce();
    consoleError.mockRestore();
  });
});
