import { carriesRedactions, type InventoryRow, type TrackedRequest } from '../../shared/contract';
import { applyPatchTo } from './patch';
import type { InventoryStore } from './inventory';
import type { RequestsStore } from './requests';

export interface FollowOptions {
  /** Quiet time before a re-scan, so a burst of creates is scanned once. Default 250 ms. */
  refreshDelayMs?: number;
  now?: () => number;
}

/** Global types' rows leave the region out of their key (see the scan's rowKey). */
const isGlobalRow = (row: InventoryRow): boolean => row.key === `${row.account}//${row.identifier}`;

const sameResource = (row: InventoryRow, request: TrackedRequest): boolean =>
  row.identifier === request.identifier && (row.region === request.region || isGlobalRow(row));

/**
 * Keeps the table in step with requests that succeed: a deleted resource's row goes, an
 * updated one is patched in place (the drawer stays on it), and a created one is read by
 * scanning again (Cloud Control answers a create with its identifier only).
 */
export function followRequests(
  requests: RequestsStore,
  inventory: InventoryStore,
  options: FollowOptions = {},
): () => void {
  const refreshDelayMs = options.refreshDelayMs ?? 250;
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refreshSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void inventory.getState().refresh(), refreshDelayMs);
  };

  const changed = (): void => {
    inventory.setState({ rowsVersion: inventory.getState().rowsVersion + 1 });
  };

  const stop = requests.getState().onSuccess((request) => {
    const { scope, index } = inventory.getState();
    if (
      scope?.profile !== request.profile ||
      scope.typeName !== request.typeName ||
      !scope.regions.includes(request.region)
    )
      return;
    // A redacted patch says only that a write-only value changed, not what the row now holds.
    if (
      request.operation === 'CREATE' ||
      index === null ||
      request.identifier === null ||
      carriesRedactions(request)
    ) {
      refreshSoon();
      return;
    }
    if (request.operation === 'DELETE') {
      index.remove((row) => sameResource(row, request));
      changed();
      return;
    }
    const rows: InventoryRow[] = [];
    for (const slot of index.view({ sort: [], search: '', filters: {} })) {
      const row = index.row(slot);
      if (sameResource(row, request)) rows.push(row);
    }
    const patched = rows.map((row) => {
      const properties = request.patch ? applyPatchTo(row.properties, request.patch) : null;
      return properties && { ...row, properties, readAt: request.finishedAt ?? now() };
    });
    if (rows.length === 0 || patched.some((row) => row === null)) {
      refreshSoon();
      return;
    }
    index.upsert(patched.filter((row) => row !== null));
    changed();
  });

  return () => {
    clearTimeout(timer);
    stop();
  };
}
