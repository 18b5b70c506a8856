/**
 * Shares one load between every caller: the first call starts it, later calls get the same
 * promise. A failed load is forgotten, so the next call tries again instead of replaying
 * the failure forever (e.g. a snapshot file that was missing and has since been restored).
 */
export function cacheUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  return () => {
    if (current === undefined) {
      const attempt = load();
      current = attempt;
      attempt.catch(() => {
        if (current === attempt) current = undefined;
      });
    }
    return current;
  };
}
