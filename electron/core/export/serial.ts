/**
 * Runs async tasks one after another in the order they were given, whatever the caller
 * awaits: an export's batches must reach the file in order even if two `write` calls
 * overlap. A failed task fails only its own promise; the next one still runs.
 */
export function createSerial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
