import { setMaxListeners } from 'node:events';
import {
  CloudshelfError,
  isTerminalRegionState,
  type InventoryRow,
  type RegionScanStatus,
  type ScanRequest,
} from '../../../shared/contract';
import type { SessionProvider } from '../aws/session';
import type { EventBus } from '../events';
import { isAbortError } from './abort';
import { ScanOutput } from './batcher';
import type { CallContext } from './calls';
import { ClaimRegistry } from './claims';
import { describeRegionError } from './errors';
import { createRateLimiters, defaultRequestsPerSecond, type RateLimiters } from './limiter';
import { scanRegion, type RegionProgress } from './region-scan';
import { defaultRetryPolicy, type RetryKind, type RetryPolicy } from './retry';
import { unknownTypeInfo, type TypeInfo, type TypeInfoLookup } from './types';

export interface ScanLimits {
  /** Per (account, region), shared by every scan and call there. Default 25. */
  requestsPerSecond?: number;
  /** GetResource calls in flight per region per scan. Default 8. */
  hydrateConcurrency?: number;
}

export interface ScanEngineOptions {
  sessions: SessionProvider;
  bus: EventBus;
  typeInfo: TypeInfoLookup;
  limits?: ScanLimits;
  /** How long rows gather before an `inventory.rows` event. Default 50 ms. */
  batchMs?: number;
  /** Epoch milliseconds, for rows' readAt. */
  now?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Share the per-(account, region) limiters with other modules (operations, catalog). */
  limiters?: RateLimiters;
  /**
   * Whether a region offers the type: false skips the region (an "all regions" scan must not
   * fail where the type does not exist); null or undefined means unknown, so it is tried.
   */
  offers?: (typeName: string, region: string) => Promise<boolean | null>;
  /** Told about every retried call and every HTTP attempt (benchmark and tests). */
  observer?: { retried?: (kind: RetryKind) => void; attempted?: () => void };
}

export interface ScanEngine {
  /**
   * Starts a scan under the caller's id and returns it at once; results arrive as
   * `inventory.*` events. An id seen before in this engine is refused (InvalidArguments).
   */
  scan(request: ScanRequest): string;
  /**
   * Stops a scan: its unfinished regions become 'cancelled', `inventory.finished` says
   * 'cancelled', and no event of that scan follows once this returns. False when the scan
   * is unknown or already over.
   */
  cancel(scanId: string): boolean;
  /** Resolves when the scan is over (done, cancelled or superseded); for tests and the CLI. */
  settled(scanId: string): Promise<void>;
}

interface ActiveScan {
  id: string;
  view: string;
  request: ScanRequest;
  info: TypeInfo;
  controller: AbortController;
  output: ScanOutput;
  statuses: Map<string, RegionScanStatus>;
  claims: ClaimRegistry;
  done: Promise<void>;
}

/** Same profile, type and list model: the same table, so a newer scan replaces the older. */
function viewOf(request: ScanRequest): string {
  const model = request.resourceModel;
  const canonical =
    model === undefined
      ? null
      : Object.fromEntries(Object.entries(model).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([request.profile, request.typeName, canonical]);
}

export function createScanEngine(options: ScanEngineOptions): ScanEngine {
  const now = options.now ?? Date.now;
  const batchMs = options.batchMs ?? 50;
  const hydrateConcurrency = options.limits?.hydrateConcurrency ?? 8;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const limiters =
    options.limiters ??
    createRateLimiters({
      requestsPerSecond: options.limits?.requestsPerSecond ?? defaultRequestsPerSecond,
    });
  const active = new Map<string, ActiveScan>();
  const settledScans = new Map<string, Promise<void>>();
  // Every id ever started here: a reused one would mix two scans' events in one table.
  const seenIds = new Set<string>();

  function setStatus(scan: ActiveScan, region: string, patch: Partial<RegionScanStatus>): void {
    const previous = scan.statuses.get(region);
    if (!previous || isTerminalRegionState(previous.state)) return;
    const next = { ...previous, ...patch };
    scan.statuses.set(region, next);
    scan.output.status(next, next.state !== previous.state);
  }

  /** Ends a scan from outside (cancel or supersede), synchronously. */
  function stop(scan: ActiveScan, state: 'cancelled' | 'superseded'): void {
    active.delete(scan.id);
    scan.controller.abort();
    for (const region of scan.statuses.keys()) setStatus(scan, region, { state: 'cancelled' });
    scan.output.flush();
    options.bus.emit('inventory.finished', {
      scanId: scan.id,
      state,
      rows: scan.output.rowCount,
    });
    scan.output.close();
  }

  async function runRegion(scan: ActiveScan, region: string, account: string): Promise<void> {
    const { request, info } = scan;
    try {
      if ((await options.offers?.(request.typeName, region)) === false) {
        setStatus(scan, region, {
          state: 'skipped',
          error: {
            code: 'NotOffered',
            message: `${request.typeName} is not offered in ${region}, so it was not scanned.`,
            hint: 'Refresh the catalog from that region if AWS has added the type there since.',
          },
        });
        return;
      }
      const clients = await options.sessions.clients(request.profile, region);
      const call: CallContext = {
        client: clients.cloudControl,
        limiter: limiters.forRegion(account, region),
        signal: scan.controller.signal,
        retry,
        onRetry: (kind) => options.observer?.retried?.(kind),
        ...(options.observer?.attempted ? { onAttempt: options.observer.attempted } : {}),
      };
      await scanRegion({
        typeName: request.typeName,
        region,
        account,
        info,
        ...(request.resourceModel ? { resourceModel: request.resourceModel } : {}),
        perParent: request.perParent === true,
        call,
        hydrateConcurrency,
        now,
        claim: (key) => scan.claims.claim(key, region),
        read: (key) => {
          scan.claims.read(key);
        },
        emit: (rows: InventoryRow[]) => {
          scan.output.rows(rows);
        },
        progress: (progress: RegionProgress) => {
          setStatus(scan, region, {
            state: progress.phase,
            listed: progress.listed,
            hydrated: progress.hydrated,
          });
        },
      });
      setStatus(scan, region, { state: 'done' });
    } catch (error) {
      // A cancelled or superseded scan already reported its regions.
      if (scan.controller.signal.aborted || isAbortError(error)) return;
      // Rows of a global type it had not read yet go to other regions that listed them.
      scan.claims.release(region);
      setStatus(scan, region, {
        state: 'failed',
        error: describeRegionError(error, {
          typeName: request.typeName,
          region,
          info,
          ...(request.resourceModel ? { resourceModel: request.resourceModel } : {}),
        }),
      });
    }
  }

  async function run(scan: ActiveScan): Promise<void> {
    let account: string;
    try {
      account = await options.sessions.account(scan.request.profile);
    } catch (error) {
      for (const region of scan.statuses.keys()) {
        setStatus(scan, region, {
          state: 'failed',
          error: describeRegionError(error, {
            typeName: scan.request.typeName,
            region,
            info: scan.info,
          }),
        });
      }
      return;
    }
    await Promise.all([...scan.statuses.keys()].map((region) => runRegion(scan, region, account)));
    if (scan.info.isGlobal && !scan.controller.signal.aborted) reportUnread(scan);
  }

  /**
   * A global row every region that listed it failed to read is missing: said on the region
   * that listed it first (already failed, so its status is sent again with the count).
   */
  function reportUnread(scan: ActiveScan): void {
    for (const [region, unread] of scan.claims.unread()) {
      const previous = scan.statuses.get(region);
      if (!previous) continue;
      const next = { ...previous, unread };
      scan.statuses.set(region, next);
      scan.output.status(next, true);
    }
  }

  function finish(scan: ActiveScan): void {
    if (!active.has(scan.id)) return;
    active.delete(scan.id);
    scan.output.flush();
    options.bus.emit('inventory.finished', {
      scanId: scan.id,
      state: 'done',
      rows: scan.output.rowCount,
    });
    scan.output.close();
  }

  return {
    scan(request) {
      const info = options.typeInfo(request.typeName) ?? unknownTypeInfo;
      if (request.perParent && !info.parent) {
        throw new CloudshelfError(
          'InvalidArguments',
          `Cloudshelf does not know which parent type ${request.typeName} is listed under.`,
          `Scan it without "per parent" and give ${info.listRequired.join(', ') || 'its parent properties'} in the resource model.`,
        );
      }
      const id = request.scanId;
      if (seenIds.has(id)) {
        throw new CloudshelfError(
          'InvalidArguments',
          `A scan with the id ${id} was already started.`,
          'Start each scan with a new id (crypto.randomUUID()).',
        );
      }
      seenIds.add(id);
      const view = viewOf(request);
      for (const older of active.values()) {
        if (older.view === view) stop(older, 'superseded');
      }
      const regions = [...new Set(request.regions)];
      const scan: ActiveScan = {
        id,
        view,
        request,
        info,
        controller: new AbortController(),
        output: new ScanOutput(options.bus, id, batchMs),
        statuses: new Map(
          regions.map((region) => [
            region,
            { scanId: id, region, state: 'queued', listed: 0, hydrated: 0 },
          ]),
        ),
        claims: new ClaimRegistry(),
        done: Promise.resolve(),
      };
      // One listener per region, and per call in flight where a region passes it straight on.
      setMaxListeners(0, scan.controller.signal);
      active.set(id, scan);
      for (const status of scan.statuses.values()) scan.output.status(status, false);
      // Queued statuses go out on the first tick, after the caller has the id.
      scan.done = run(scan).then(
        () => {
          finish(scan);
        },
        () => {
          finish(scan);
        },
      );
      settledScans.set(id, scan.done);
      void scan.done.finally(() => settledScans.delete(id));
      return id;
    },

    cancel(scanId) {
      const scan = active.get(scanId);
      if (!scan) return false;
      stop(scan, 'cancelled');
      return true;
    },

    settled(scanId) {
      return settledScans.get(scanId) ?? Promise.resolve();
    },
  };
}
