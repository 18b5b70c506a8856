import type { InventoryRow } from '../../shared/contract';

/** Row height and overscan both implementations use, so their DOM counts compare. */
export const ROW_HEIGHT = 28;
export const OVERSCAN = 8;

/**
 * One table implementation mounted for benchmarking. The harness finds its parts by
 * `data-bench` attributes: `header` buttons (with `data-col`), the `search` input, the
 * `scroll` element, `row` elements and the `count` of rows in the view.
 */
export interface BenchTable {
  /** Hands the rows over, as a finished scan or a restored snapshot would. */
  load(rows: readonly InventoryRow[]): void;
  /** Resolves once background work started by `load` has finished. */
  settled(): Promise<void>;
  unmount(): void;
}

export type MountTable = (container: HTMLElement) => BenchTable;
