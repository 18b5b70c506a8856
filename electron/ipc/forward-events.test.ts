import { describe, expect, it } from 'vitest';
import { eventChannel, type ProfileList } from '../../shared/contract';
import { EventBus } from '../core/events';
import { forwardEvents, type EventTarget } from './forward-events';

const payload: ProfileList = {
  profiles: [{ name: 'Sandbox', source: 'builtin', region: 'us-east-1' }],
  selected: 'Sandbox',
  problems: [],
};

interface RecordingTarget extends EventTarget {
  readonly sent: [string, unknown][];
}

function target(destroyed = false): RecordingTarget {
  const sent: [string, unknown][] = [];
  return {
    sent,
    isDestroyed: () => destroyed,
    send: (channel, ...args) => {
      sent.push([channel, args[0]]);
    },
  };
}

describe('forwardEvents', () => {
  it('sends each bus event to the window on its own channel', () => {
    const bus = new EventBus();
    const window = target();
    forwardEvents(bus, () => window);
    bus.emit('profiles.changed', payload);
    expect(window.sent).toEqual([[eventChannel('profiles.changed'), payload]]);
  });

  it('drops events while there is no window or the window is destroyed', () => {
    const bus = new EventBus();
    const destroyed = target(true);
    let current: EventTarget | null = null;
    forwardEvents(bus, () => current);
    bus.emit('profiles.changed', payload);
    current = destroyed;
    bus.emit('profiles.changed', payload);
    expect(destroyed.sent).toEqual([]);
  });

  it('follows the current window when it is re-created', () => {
    const bus = new EventBus();
    const first = target();
    const second = target();
    let current = first;
    forwardEvents(bus, () => current);
    current = second;
    bus.emit('profiles.changed', payload);
    expect(first.sent).toEqual([]);
    expect(second.sent).toHaveLength(1);
  });

  it('unsubscribes from the bus when disposed', () => {
    const bus = new EventBus();
    const dispose = forwardEvents(bus, () => target());
    expect(bus.listenerCount('profiles.changed')).toBe(1);
    dispose();
    expect(bus.listenerCount('profiles.changed')).toBe(0);
  });
});
