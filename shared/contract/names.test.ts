import { describe, expect, it } from 'vitest';
import { calls, events } from './calls';
import { callNames, eventNames, isCallName, isEventName } from './names';

describe('contract names', () => {
  it('lists every call of the contract, and nothing else', () => {
    expect([...callNames].sort()).toEqual(Object.keys(calls).sort());
  });

  it('lists every event of the contract, and nothing else', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('recognises contract names only, not inherited object keys', () => {
    expect(isCallName('profiles.list')).toBe(true);
    expect(isEventName('profiles.changed')).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'profiles.changed.x', '']) {
      expect(isCallName(name)).toBe(false);
      expect(isEventName(name)).toBe(false);
    }
    expect(isCallName('profiles.changed')).toBe(false);
    expect(isEventName('profiles.list')).toBe(false);
  });
});
