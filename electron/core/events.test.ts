import { describe, expect, it } from 'vitest';
import type { ProfileList } from '../../shared/contract';
import { EventBus } from './events';

const sample: ProfileList = { profiles: [], selected: 'Sandbox', problems: [] };

describe('EventBus', () => {
  it('delivers to subscribers until they unsubscribe', () => {
    const bus = new EventBus();
    const seen: ProfileList[] = [];
    const off = bus.on('profiles.changed', (list) => seen.push(list));
    bus.emit('profiles.changed', sample);
    off();
    bus.emit('profiles.changed', sample);
    expect(seen).toEqual([sample]);
    expect(bus.listenerCount('profiles.changed')).toBe(0);
  });
});
