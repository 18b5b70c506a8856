import { describe, expect, it } from 'vitest';
import { createRefusalLog } from './refusal-log';

/** A refusal log on a hand-moved clock; the end-of-window timers run when the test says. */
function setup() {
  const lines: string[] = [];
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const refusals = createRefusalLog({
    log: (line) => lines.push(line),
    perWindow: 2,
    now: () => now,
    later: (run, ms) => timers.push({ at: now + ms, run }),
  });
  const advance = (ms: number): void => {
    now += ms;
    for (const timer of timers.splice(0)) {
      if (timer.at <= now) timer.run();
      else timers.push(timer);
    }
  };
  return { lines, refusals, advance };
}

describe('createRefusalLog', () => {
  it('writes the first lines of a minute, then one count when the minute ends', () => {
    const { lines, refusals, advance } = setup();
    for (let i = 0; i < 1000; i++) refusals.refused(`refused GET: #${i}`);
    expect(lines).toEqual(['refused GET: #0', 'refused GET: #1']);
    advance(60_000);
    expect(lines).toEqual([
      'refused GET: #0',
      'refused GET: #1',
      'refused 998 more requests (wrong Host or Origin) in 60 s, not logged one by one',
    ]);
    // A new minute starts afresh.
    refusals.refused('refused GET: later');
    expect(lines.at(-1)).toBe('refused GET: later');
  });

  it('adds no count line when nothing was held back, and flushes an open window on close', () => {
    const { lines, refusals, advance } = setup();
    refusals.refused('refused GET: one');
    advance(60_000);
    expect(lines).toEqual(['refused GET: one']);
    for (let i = 0; i < 3; i++) refusals.refused('refused POST: x');
    refusals.flush();
    expect(lines.at(-1)).toBe(
      'refused 1 more request (wrong Host or Origin) in 60 s, not logged one by one',
    );
  });
});
