import { randomUUID } from 'node:crypto';
import {
  isTerminalRegionState,
  type CloudshelfApi,
  type EventPayload,
  type InventoryRow,
  type RegionScanStatus,
  type ScanRequest,
} from '../../shared/contract';

export interface ScanSink {
  /** One batch; the next batch waits for it, so rows reach the output in arrival order. */
  rows(rows: readonly InventoryRow[]): Promise<void>;
  /** Every status as it arrives (progress). */
  status(status: RegionScanStatus): void;
  /**
   * A region's last status (done, failed, skipped, cancelled), once `rows` has had every row
   * the region sent; again if a later status of it arrives (rows it listed that no region
   * could read, sent as the scan ends). In line with `rows`: the next batch waits for it.
   */
  settled?(status: RegionScanStatus): Promise<void>;
}

export interface ScanOutcome {
  state: EventPayload<'inventory.finished'>['state'];
  /** Every region's last status, in the order the regions were asked for. */
  regions: RegionScanStatus[];
}

type ScanEvent =
  | { kind: 'rows'; payload: EventPayload<'inventory.rows'> }
  | { kind: 'status'; payload: EventPayload<'inventory.status'> }
  | { kind: 'finished'; payload: EventPayload<'inventory.finished'> };

/**
 * Runs one scan, under a new id made here, through the API and hands its rows to `sink` as
 * they arrive. Knowing the id before the call answers, it needs to hold no early event. A sink that
 * fails (a full disk, a closed pipe) cancels the scan and its error is thrown; `signal`
 * cancels it too, and the outcome says 'cancelled'.
 */
export async function collectScan(
  api: CloudshelfApi,
  request: Omit<ScanRequest, 'scanId'>,
  sink: ScanSink,
  signal?: AbortSignal,
): Promise<ScanOutcome> {
  const statuses = new Map<string, RegionScanStatus>();
  const scanId = randomUUID();
  let writing: Promise<void> = Promise.resolve();
  let sinkError: { error: unknown } | undefined;
  let resolveFinished: (state: ScanOutcome['state']) => void = () => undefined;
  const finished = new Promise<ScanOutcome['state']>((resolve) => {
    resolveFinished = resolve;
  });

  const cancel = (): void => {
    void api.inventory.cancel({ scanId }).catch(() => undefined);
  };
  /** Runs `work` after the sink's earlier work; the first failure cancels the scan. */
  const enqueue = (work: () => Promise<void>): void => {
    writing = writing.then(async () => {
      if (sinkError) return;
      try {
        await work();
      } catch (error) {
        sinkError = { error };
        cancel();
      }
    });
  };
  const handle = (event: ScanEvent): void => {
    if (event.payload.scanId !== scanId) return;
    if (event.kind === 'rows') {
      const { rows } = event.payload;
      enqueue(() => sink.rows(rows));
    } else if (event.kind === 'status') {
      const status = event.payload;
      statuses.set(status.region, status);
      sink.status(status);
      if (sink.settled && isTerminalRegionState(status.state)) {
        enqueue(() => sink.settled?.(status) ?? Promise.resolve());
      }
    } else {
      resolveFinished(event.payload.state);
    }
  };

  const unsubscribe = [
    api.on('inventory.rows', (payload) => {
      handle({ kind: 'rows', payload });
    }),
    api.on('inventory.status', (payload) => {
      handle({ kind: 'status', payload });
    }),
    api.on('inventory.finished', (payload) => {
      handle({ kind: 'finished', payload });
    }),
  ];
  const onAbort = (): void => {
    cancel();
  };
  try {
    await api.inventory.scan({ ...request, scanId });
    // Cancelling only once the scan is known to run: a cancel could overtake the start.
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) cancel();
    const state = await finished;
    await writing;
    if (sinkError) throw sinkError.error;
    const regions = [...new Set(request.regions)].flatMap((region) => {
      const status = statuses.get(region);
      return status ? [status] : [];
    });
    return { state, regions };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const off of unsubscribe) off();
  }
}
