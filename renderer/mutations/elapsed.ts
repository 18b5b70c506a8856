import type { TrackedRequest } from '../../shared/contract';

/** "0.4 s", "12 s", "2 min 5 s", "1 h 4 min": precise while short, calm when long. */
export function formatElapsed(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 10_000) return `${(Math.floor(safe / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(safe / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** How long a request ran, or has been running until `now`. */
export function elapsedOf(
  request: Pick<TrackedRequest, 'startedAt' | 'finishedAt'>,
  now: number,
): number {
  return (request.finishedAt ?? now) - request.startedAt;
}
