import type { RegionScanStatus, TypeDetails } from '../../shared/contract';
import type { GridColumn, GridIndex } from '../grid/types';
import type { DisplayError } from './errors';

/** What one table shows: a profile, its chosen regions and a resource type. */
export interface BrowseScope {
  profile: string;
  regions: string[];
  typeName: string;
}

/** The same table: profile, type and regions in the same order. */
export const sameScope = (a: BrowseScope, b: BrowseScope): boolean =>
  a.profile === b.profile &&
  a.typeName === b.typeName &&
  a.regions.length === b.regions.length &&
  a.regions.every((region, i) => region === b.regions[i]);

/** The rows of the current scope and how each region's scan is going. */
export interface InventoryState {
  /** The scope of the rows shown; null before the first scan. */
  scope: BrowseScope | null;
  /** 'describing' while the type's schema loads, then 'scanning' until every region ends. */
  phase: 'idle' | 'describing' | 'scanning' | 'settled' | 'failed';
  /** Why the type could not be described or the scan not started (phase 'failed'). */
  error: DisplayError | null;
  type: TypeDetails | null;
  /** Every column the type can show (region, account, identifier, then schema properties). */
  columns: readonly GridColumn[];
  /** The rows; mutated in place as batches arrive. */
  index: GridIndex | null;
  /** Bumps once per animation frame in which rows arrived or left; memo on it. */
  rowsVersion: number;
  /** Per region, the latest status of its scan. */
  regions: Record<string, RegionScanStatus>;
  /** More than one region / account among the rows: only then do those columns show. */
  multiRegion: boolean;
  multiAccount: boolean;
}

export interface InventoryActions {
  /** Describes the type (for columns) and scans the scope; a newer call replaces the older. */
  load: (scope: BrowseScope) => Promise<void>;
  /** Scans failed regions again; their old rows go, the other regions' rows stay. */
  retryRegion: (region: string) => Promise<void>;
  /** Scans the current scope again from scratch. */
  refresh: () => Promise<void>;
  cancel: () => Promise<void>;
  /** Subscribes to inventory events; returns the unsubscribe. */
  start: () => () => void;
}
