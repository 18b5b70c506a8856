import type { InventoryRow, RegionScanStatus } from '../../../shared/contract';
import type { EventBus } from '../events';

/**
 * One scan's outgoing events. Rows are batched per `batchMs` (the renderer renders per
 * frame; an event per row would flood IPC). Count changes ride on the same tick; a state
 * change (listing → hydrating → done/failed) flushes at once, rows first, so a region's rows
 * always arrive before its 'done'. After `close()` nothing more is emitted, ever: that is
 * how cancel guarantees no stale event.
 */
export class ScanOutput {
  readonly #bus: EventBus;
  readonly #scanId: string;
  readonly #batchMs: number;
  #rows: InventoryRow[] = [];
  readonly #dirty = new Map<string, RegionScanStatus>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  #emittedRows = 0;

  constructor(bus: EventBus, scanId: string, batchMs: number) {
    this.#bus = bus;
    this.#scanId = scanId;
    this.#batchMs = batchMs;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Rows emitted so far. */
  get rowCount(): number {
    return this.#emittedRows;
  }

  rows(rows: readonly InventoryRow[]): void {
    if (this.#closed || rows.length === 0) return;
    this.#rows.push(...rows);
    this.#schedule();
  }

  /** The region's latest status; `urgent` for a state change, else it waits for the tick. */
  status(status: RegionScanStatus, urgent: boolean): void {
    if (this.#closed) return;
    // Every state a region passes through is seen (queued is not lost to a quick listing).
    if (this.#dirty.get(status.region)?.state !== status.state && this.#dirty.has(status.region)) {
      this.flush();
    }
    this.#dirty.set(status.region, { ...status });
    if (urgent) this.flush();
    else this.#schedule();
  }

  flush(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#closed) return;
    if (this.#rows.length > 0) {
      const rows = this.#rows;
      this.#rows = [];
      this.#emittedRows += rows.length;
      this.#bus.emit('inventory.rows', { scanId: this.#scanId, rows });
    }
    const statuses = [...this.#dirty.values()];
    this.#dirty.clear();
    for (const status of statuses) this.#bus.emit('inventory.status', status);
  }

  /** Drops anything pending and stops for good. */
  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#rows = [];
    this.#dirty.clear();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, this.#batchMs);
  }
}
