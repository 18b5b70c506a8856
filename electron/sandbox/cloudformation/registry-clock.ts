import type { ResourceTypeModel } from '../schema/type-model';

/** When the snapshot does not date a type: the snapshot's own publication (mid-2026). */
export const SNAPSHOT_FALLBACK_DATE = new Date('2026-08-07T00:00:00.000Z');

/**
 * DescribeType's TimeCreated/LastUpdated and ListTypes' LastUpdated. The registry snapshot
 * only dates its files, so both timestamps are that date: stable across calls and runs.
 */
export function typeTimestamp(model: ResourceTypeModel): Date {
  return model.lastUpdated ?? SNAPSHOT_FALLBACK_DATE;
}
