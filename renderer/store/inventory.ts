import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  hasCompleteRegionRows,
  isTerminalRegionState,
  type CloudshelfApi,
  type EventPayload,
  type InventoryRow,
  type RegionScanStatus,
  type TypeDetails,
} from '../../shared/contract';
import { createGridIndex } from '../grid';
import { columnsForType } from '../../shared/inventory/columns';
import type { GridColumn, GridIndex } from '../grid/types';
import { toDisplayError } from './errors';
import {
  sameScope,
  type BrowseScope,
  type InventoryActions,
  type InventoryState,
} from './inventory-types';
import { RowTally } from './row-tally';

export type InventoryStore = StoreApi<InventoryState & InventoryActions>;

export interface InventoryStoreOptions {
  /** Runs `flush` once before the next paint; rows arriving meanwhile are applied together. */
  schedule?: (flush: () => void) => void;
  createIndex?: (columns: readonly GridColumn[]) => GridIndex;
  columnsFor?: (type: TypeDetails) => readonly GridColumn[];
  /** Makes each scan's id; default `crypto.randomUUID()`. */
  newScanId?: () => string;
}

type ScanEvent =
  | { kind: 'rows'; payload: EventPayload<'inventory.rows'> }
  | { kind: 'status'; payload: EventPayload<'inventory.status'> }
  | { kind: 'finished'; payload: EventPayload<'inventory.finished'> };

// The rule lives beside RegionScanState, shared with the main process.
export const isTerminal = isTerminalRegionState;

function nextFrame(flush: () => void): void {
  // Tests run in Node, which has no animation frames.
  if ('requestAnimationFrame' in globalThis) requestAnimationFrame(flush);
  else setTimeout(flush, 16);
}

const queued = (regions: readonly string[]): Record<string, RegionScanStatus> =>
  Object.fromEntries(
    regions.map((region) => [
      region,
      { scanId: '', region, state: 'queued', listed: 0, hydrated: 0 },
    ]),
  );

const initialState: InventoryState = {
  scope: null,
  phase: 'idle',
  error: null,
  type: null,
  columns: [],
  index: null,
  rowsVersion: 0,
  regions: {},
  multiRegion: false,
  multiAccount: false,
};

/**
 * The rows of the Browse scope and each region's progress. Scan events stream in over a
 * channel separate from the call that started the scan, so they can arrive before the call
 * answers: the store makes the scan's id itself and applies its events from the start.
 */
export function createInventoryStore(
  api: CloudshelfApi,
  options: InventoryStoreOptions = {},
): InventoryStore {
  const schedule = options.schedule ?? nextFrame;
  const createIndex = options.createIndex ?? createGridIndex;
  const columnsFor =
    options.columnsFor ??
    ((type: TypeDetails) =>
      columnsForType({
        typeName: type.typeName,
        primaryIdentifier: type.primaryIdentifier,
        schema: type.schema,
      }));
  const newScanId = options.newScanId ?? (() => crypto.randomUUID());

  // Each load or retry gets a number; answers for an older one are dropped.
  let seq = 0;
  /** The scan whose events are applied, from before its call answers; null when none runs. */
  let scanId: string | null = null;
  let pendingRows: InventoryRow[] = [];
  const pendingStatuses = new Map<string, RegionScanStatus>();
  let scheduled = false;
  const tally = new RowTally();
  // A type's description is the same for every profile and scan; describe it once.
  const described = new Map<string, Promise<TypeDetails>>();

  return createStore<InventoryState & InventoryActions>()((set, get) => {
    function describe(typeName: string, profile: string): Promise<TypeDetails> {
      let found = described.get(typeName);
      if (!found) {
        found = api.catalog.describe({ typeName, profile });
        described.set(typeName, found);
        found.catch(() => described.delete(typeName));
      }
      return found;
    }

    /** Applies every row and status that arrived since the last frame, in one update. */
    function flush(): void {
      scheduled = false;
      if (pendingRows.length === 0 && pendingStatuses.size === 0) return;
      const { index, rowsVersion, regions } = get();
      const rows = pendingRows;
      pendingRows = [];
      const statuses = [...pendingStatuses.values()];
      pendingStatuses.clear();
      const rowsChanged = rows.length > 0 && index !== null;
      if (rowsChanged) {
        index.upsert(rows);
        tally.add(rows);
      }
      set({
        ...(rowsChanged
          ? {
              rowsVersion: rowsVersion + 1,
              multiRegion: tally.regions > 1,
              multiAccount: tally.accounts > 1,
            }
          : {}),
        ...(statuses.length > 0
          ? {
              regions: {
                ...regions,
                ...Object.fromEntries(statuses.map((status) => [status.region, status])),
              },
            }
          : {}),
      });
    }

    function later(): void {
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    }

    function apply(event: ScanEvent): void {
      switch (event.kind) {
        case 'rows':
          for (const row of event.payload.rows) pendingRows.push(row);
          later();
          return;
        case 'status':
          pendingStatuses.set(event.payload.region, event.payload);
          later();
          return;
        case 'finished':
          // Rows and statuses first, so the settled table is complete.
          flush();
          scanId = null;
          set({ phase: 'settled' });
          return;
      }
    }

    function receive(event: ScanEvent): void {
      if (scanId !== null && event.payload.scanId === scanId) apply(event);
    }

    /** Stops listening to the running scan; `cancel` also stops it in the main process. */
    function letGo(cancel: boolean): void {
      const id = scanId;
      scanId = null;
      pendingRows = [];
      pendingStatuses.clear();
      if (cancel && id !== null) {
        api.inventory.cancel({ scanId: id }).catch(() => undefined);
      }
    }

    async function scan(
      mine: number,
      scope: BrowseScope,
      regions: string[],
      type: TypeDetails,
    ): Promise<void> {
      const id = newScanId();
      scanId = id;
      try {
        await api.inventory.scan({
          scanId: id,
          profile: scope.profile,
          regions,
          typeName: scope.typeName,
          ...(type.listNeedsParent ? { perParent: true } : {}),
        });
        if (mine !== seq) {
          // Replaced while starting: a newer scan of the same view supersedes it anyway, but
          // one of another profile or type would run on unseen (a cancel sent while the call
          // was in flight may have reached the main process before the scan).
          api.inventory.cancel({ scanId: id }).catch(() => undefined);
        }
      } catch (error) {
        if (mine !== seq) return;
        scanId = null;
        set({ phase: 'failed', error: toDisplayError(error) });
      }
    }

    async function begin(scope: BrowseScope): Promise<void> {
      const mine = ++seq;
      letGo(true);
      tally.clear();
      set({
        scope,
        phase: 'describing',
        error: null,
        index: null,
        regions: queued(scope.regions),
        multiRegion: false,
        multiAccount: false,
      });
      let type: TypeDetails;
      try {
        type = await describe(scope.typeName, scope.profile);
      } catch (error) {
        if (mine === seq) set({ phase: 'failed', error: toDisplayError(error) });
        return;
      }
      if (mine !== seq) return;
      // The same type keeps its column list, so the table keeps its layout.
      const columns = get().type === type ? get().columns : columnsFor(type);
      set({
        type,
        columns,
        index: createIndex(columns),
        rowsVersion: get().rowsVersion + 1,
        phase: 'scanning',
      });
      await scan(mine, scope, [...scope.regions], type);
    }

    return {
      ...initialState,

      async load(scope) {
        const { scope: current, phase } = get();
        const busy = phase === 'describing' || phase === 'scanning';
        if (busy && current !== null && sameScope(current, scope)) return;
        await begin(scope);
      },

      async refresh() {
        const { scope } = get();
        if (scope) await begin(scope);
      },

      async retryRegion(region) {
        const { scope, type, index } = get();
        if (!scope?.regions.includes(region)) return;
        if (!type || !index) {
          await begin(scope);
          return;
        }
        // What already arrived belongs to regions that may stay: apply it before letting go.
        flush();
        const { regions, rowsVersion } = get();
        const mine = ++seq;
        // The main process supersedes the running scan of this view when the new one starts,
        // cancelling its unfinished regions; so those are scanned again too.
        const again = scope.regions.filter((code) => {
          const state = regions[code]?.state;
          return code === region || state === undefined || !hasCompleteRegionRows(state);
        });
        letGo(false);
        const leaving = new Set(again);
        const removed = tally.removeRegions(leaving);
        if (removed > 0) index.remove((row) => leaving.has(row.region));
        set({
          phase: 'scanning',
          error: null,
          regions: { ...regions, ...queued(again) },
          rowsVersion: rowsVersion + 1,
          multiRegion: tally.regions > 1,
          multiAccount: tally.accounts > 1,
        });
        await scan(mine, scope, again, type);
      },

      async cancel() {
        const id = scanId;
        const { phase } = get();
        if (phase !== 'describing' && phase !== 'scanning') return;
        seq++;
        flush();
        letGo(false);
        set({
          phase: 'settled',
          regions: Object.fromEntries(
            Object.entries(get().regions).map(([code, status]) => [
              code,
              isTerminalRegionState(status.state)
                ? status
                : { ...status, state: 'cancelled' as const },
            ]),
          ),
        });
        if (id !== null) {
          try {
            await api.inventory.cancel({ scanId: id });
          } catch {
            // The scan ends on its own; its events are no longer applied either way.
          }
        }
      },

      start() {
        const stops = [
          api.on('inventory.rows', (payload) => {
            receive({ kind: 'rows', payload });
          }),
          api.on('inventory.status', (payload) => {
            receive({ kind: 'status', payload });
          }),
          api.on('inventory.finished', (payload) => {
            receive({ kind: 'finished', payload });
          }),
        ];
        return () => {
          for (const stop of stops) stop();
        };
      },
    };
  });
}
