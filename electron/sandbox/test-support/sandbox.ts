import { startSandbox, type RunningSandbox, type SandboxOptions } from '../index';
import { testCatalog } from './fake-catalog';

/** A clock tests move by hand, so lifecycles advance without sleeping. */
export interface ManualClock {
  now: () => Date;
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-11-23T10:00:00.000Z')): ManualClock {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A sandbox on the small test catalog, without sample data unless asked. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ catalog: testCatalog(), seed: false, mutationDelayMs: 10, ...options });
}
