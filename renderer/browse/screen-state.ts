import type { RegionScanStatus } from '../../shared/contract';
import type { DisplayError } from '../store/errors';
import { isTerminal } from '../store/inventory';
import type { InventoryState } from '../store/inventory-types';
import { typeLabel } from '../ui/type-label';

/** Regions that failed for the same reason, told once. */
export interface FailureGroup {
  regions: string[];
  message: string;
  hint?: string;
}

/** What the Browse area shows instead of, or as, the table. Never a silent empty table. */
export type BrowseView =
  | { kind: 'starting' }
  | { kind: 'no-regions' }
  | { kind: 'go-ahead'; profile: string }
  | { kind: 'failed'; error: DisplayError }
  | { kind: 'loading'; message: string }
  | { kind: 'all-failed'; label: string; failures: FailureGroup[] }
  | {
      kind: 'empty';
      typeName: string;
      /** Regions scanned to the end, where nothing was found. */
      searched: string[];
      skipped: string[];
      failed: string[];
      cancelled: string[];
    }
  | { kind: 'table' };

export interface BrowseViewInput {
  ready: boolean;
  profile: string | null;
  /** The regions chosen in the toolbar. */
  chosenRegions: readonly string[];
  typeName: string;
  awaitingGoAhead: string | null;
  inventory: Pick<InventoryState, 'scope' | 'phase' | 'error' | 'regions'>;
  /** Rows held. */
  rows: number;
}

/** "us-east-1", "us-east-1 and eu-west-1", "4 regions". */
export function regionsPhrase(regions: readonly string[]): string {
  if (regions.length === 1) return regions[0] ?? '';
  if (regions.length === 2) return `${regions[0] ?? ''} and ${regions[1] ?? ''}`;
  return `${regions.length} regions`;
}

export function groupFailures(statuses: readonly RegionScanStatus[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const status of statuses) {
    if (status.state !== 'failed') continue;
    // Messages often name their region; grouping on the text with it taken out.
    const message = status.error?.message ?? `Listing failed in ${status.region}.`;
    const hint = status.error?.hint;
    const key = `${message.split(status.region).join('\u0000')}\u0001${hint ?? ''}`;
    const group = groups.get(key);
    if (group) group.regions.push(status.region);
    else groups.set(key, { regions: [status.region], message, ...(hint ? { hint } : {}) });
  }
  return [...groups.values()];
}

export function browseView(input: BrowseViewInput): BrowseView {
  const { inventory } = input;
  if (!input.ready || input.profile === null) return { kind: 'starting' };
  if (input.chosenRegions.length === 0) return { kind: 'no-regions' };
  if (input.awaitingGoAhead !== null && input.awaitingGoAhead === input.profile) {
    return { kind: 'go-ahead', profile: input.profile };
  }
  if (inventory.phase === 'failed') {
    return {
      kind: 'failed',
      error: inventory.error ?? {
        code: 'Internal',
        message: 'Cloudshelf could not start the scan.',
        hint: 'Refresh to try again.',
      },
    };
  }
  const scope = inventory.scope;
  const label = typeLabel(scope?.typeName ?? input.typeName);
  if (scope === null || inventory.phase === 'idle') {
    return { kind: 'loading', message: `Getting ready to list ${label}…` };
  }
  if (input.rows > 0) return { kind: 'table' };

  const statuses = scope.regions.map(
    (region): RegionScanStatus =>
      inventory.regions[region] ?? { scanId: '', region, state: 'queued', listed: 0, hydrated: 0 },
  );
  const ended =
    inventory.phase === 'settled' || statuses.every((status) => isTerminal(status.state));
  if (!ended) {
    return { kind: 'loading', message: `Listing ${label} in ${regionsPhrase(scope.regions)}…` };
  }
  const inState = (state: RegionScanStatus['state']) =>
    statuses.filter((status) => status.state === state).map((status) => status.region);
  const failed = inState('failed');
  const searched = inState('done');
  if (failed.length > 0 && searched.length === 0) {
    return { kind: 'all-failed', label, failures: groupFailures(statuses) };
  }
  return {
    kind: 'empty',
    typeName: scope.typeName,
    searched,
    skipped: inState('skipped'),
    failed,
    cancelled: statuses
      .filter((status) => !['done', 'skipped', 'failed'].includes(status.state))
      .map((status) => status.region),
  };
}
