/**
 * Runs `work` when the page is idle; `timeLeft` says how many milliseconds of the idle
 * period remain, so work can stop before it delays a frame.
 */
export type IdleScheduler = (work: (timeLeft: () => number) => void) => void;

type Work = (timeLeft: () => number) => void;

// Below this much idle time left, wait for the next idle period.
const MIN_LEFT_MS = 4;

/**
 * requestIdleCallback where the page has it (browsers); null elsewhere (tests, Node).
 *
 * Work queued while an idle period still has time left continues in a new task of that
 * period rather than the next one: a new requestIdleCallback would wait out the rest of the
 * period (up to 50 ms), leaving most idle time unused. Each task still ends soon, so input
 * (which the browser runs before queued tasks) is never held up for long.
 */
export function defaultIdle(): IdleScheduler | null {
  const request = (globalThis as { requestIdleCallback?: typeof requestIdleCallback })
    .requestIdleCallback;
  if (request === undefined) return null;
  let period: IdleDeadline | null = null;
  let channel: MessageChannel | null = null;
  const queued: Work[] = [];
  const runQueued = () => {
    const work = queued.shift();
    const deadline = period;
    if (work && deadline) work(() => deadline.timeRemaining());
  };
  return (work) => {
    if (period !== null && period.timeRemaining() > MIN_LEFT_MS) {
      if (channel === null) {
        channel = new MessageChannel();
        channel.port1.onmessage = runQueued;
      }
      queued.push(work);
      channel.port2.postMessage(null);
      return;
    }
    request((deadline) => {
      period = deadline;
      work(() => deadline.timeRemaining());
    });
  };
}
