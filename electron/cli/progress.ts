import type { RegionScanStatus } from '../../shared/contract';

/** Where progress and warnings go: stderr, which may be a terminal. */
export interface StatusStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

export interface Progress {
  update(status: RegionScanStatus): void;
  /** A warning or error line; the progress line steps aside for it and comes back. */
  print(line: string): void;
  /** Leaves the final state on its own line (a terminal only) and stops redrawing. */
  finish(): void;
}

const CLEAR_LINE = '\r\x1b[2K';
// Statuses arrive per 50 ms batch and region; a terminal needs far fewer redraws.
const REDRAW_MS = 100;

/**
 * The one-line region summary, redrawn in place (`us-east-1 60 rows ✓ · eu-west-1
 * listing…`). Only on a terminal: a log file or pipe gets warnings and errors alone.
 */
export function createProgress(
  stream: StatusStream,
  regions: readonly string[],
  enabled: boolean,
): Progress {
  if (!enabled) {
    return {
      update: () => undefined,
      print: (line) => stream.write(`${line}\n`),
      finish: () => undefined,
    };
  }
  const statuses = new Map<string, RegionScanStatus>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const draw = (): void => {
    timer = undefined;
    // A terminal of unknown size (0, e.g. under `script`) gets the classic 80 columns.
    const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
    // One short of the width: writing the last column wraps on some terminals.
    stream.write(CLEAR_LINE + progressText(regions, statuses, columns - 1));
  };
  return {
    update(status) {
      if (finished) return;
      statuses.set(status.region, status);
      timer ??= setTimeout(draw, REDRAW_MS);
    },
    print(line) {
      stream.write(`${CLEAR_LINE}${line}\n`);
      if (!finished) draw();
    },
    finish() {
      if (finished) return;
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      draw();
      stream.write('\n');
    },
  };
}

/** Every region's state; a summary instead when that would not fit the width. */
export function progressText(
  regions: readonly string[],
  statuses: ReadonlyMap<string, RegionScanStatus>,
  width: number,
): string {
  const parts = regions.map((region) => `${region} ${stateText(statuses.get(region))}`);
  const full = parts.join(' · ');
  if (full.length <= width) return full;
  const all = [...statuses.values()];
  const over = all.filter((s) => s.state !== 'queued' && !isActive(s)).length;
  const rows = all.reduce((sum, s) => sum + s.hydrated, 0);
  const failed = all.filter((s) => s.state === 'failed').length;
  const active = all.find(isActive);
  const summary = [
    `${over}/${regions.length} regions`,
    `${rows} rows`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(active ? [`${active.region} ${stateText(active)}`] : []),
  ].join(' · ');
  return summary.length <= width ? summary : `${summary.slice(0, Math.max(0, width - 1))}…`;
}

const isActive = (s: RegionScanStatus): boolean => s.state === 'listing' || s.state === 'hydrating';

function stateText(status: RegionScanStatus | undefined): string {
  switch (status?.state) {
    case undefined:
    case 'queued':
      return 'queued';
    case 'listing':
      return status.listed > 0 ? `listing… ${status.listed}` : 'listing…';
    case 'hydrating':
      return `${status.hydrated}/${status.listed} rows`;
    case 'done':
      return `${status.hydrated} rows ✓`;
    case 'failed':
      return 'failed ✗';
    case 'skipped':
      return 'skipped';
    case 'cancelled':
      return 'cancelled';
  }
}
