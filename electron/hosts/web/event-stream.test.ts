import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventNames, type ProfileList } from '../../../shared/contract';
import { EventBus } from '../../core/events';
import { createEventStream, formatEvent, type EventStream } from './event-stream';
import { openStream } from './test-helpers';

const list: ProfileList = { profiles: [], selected: 'Sandbox', problems: [] };

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (running) await new Promise((resolve) => running.close(resolve));
});

async function serve(stream: EventStream): Promise<number> {
  const created = createServer((req, res) => {
    stream.handle(req, res);
  });
  server = created;
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  return (created.address() as AddressInfo).port;
}

describe('formatEvent', () => {
  it('writes one event per block, with data on a single line', () => {
    expect(formatEvent('profiles.changed', { a: 'line1\nline2' })).toBe(
      'event: profiles.changed\ndata: {"a":"line1\\nline2"}\n\n',
    );
  });
});

describe('createEventStream', () => {
  it('forwards every contract event while connected, with heartbeats, and cleans up after', async () => {
    const bus = new EventBus();
    const events = createEventStream(bus, { heartbeatMs: 20 });
    const port = await serve(events);
    const stream = await openStream({ port, path: '/' });
    await stream.waitFor(': connected');
    expect(stream.text()).toContain('retry: ');
    for (const name of eventNames) expect(bus.listenerCount(name)).toBe(1);
    expect(events.clientCount()).toBe(1);

    await stream.waitFor(':\n\n');
    bus.emit('profiles.changed', list);
    await stream.waitFor(formatEvent('profiles.changed', list));

    stream.disconnect();
    await vi.waitFor(() => {
      expect(events.clientCount()).toBe(0);
    });
    for (const name of eventNames) expect(bus.listenerCount(name)).toBe(0);
  });

  it('serves several tabs at once, each getting every event', async () => {
    const bus = new EventBus();
    const events = createEventStream(bus);
    const port = await serve(events);
    const [a, b] = await Promise.all([
      openStream({ port, path: '/' }),
      openStream({ port, path: '/' }),
    ]);
    await Promise.all([a.waitFor(': connected'), b.waitFor(': connected')]);
    bus.emit('profiles.changed', list);
    await Promise.all([a.waitFor('event: profiles.changed'), b.waitFor('event: profiles.changed')]);
    events.closeAll();
    await Promise.all([a.ended, b.ended]);
    await vi.waitFor(() => {
      expect(bus.listenerCount('profiles.changed')).toBe(0);
    });
  });
});
