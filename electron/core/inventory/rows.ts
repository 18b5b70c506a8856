import type { InventoryRow } from '../../../shared/contract';

/**
 * A row's key, stable across scans: `account/region/identifier`, and `account//identifier`
 * for global types (the region left out, so every region's copy is the same row). Account
 * and region never contain `/`, so identifiers (ARNs, `a|b` compounds) cannot collide.
 */
export function rowKey(
  account: string,
  region: string,
  identifier: string,
  isGlobal: boolean,
): string {
  return `${account}/${isGlobal ? '' : region}/${identifier}`;
}

/**
 * Whether a listed row must be read with GetResource. Cloud Control lists are partial for
 * many types (SageMaker images list only `ImageArn`): when the list returned nothing beyond
 * the primary identifier, the full model needs a read. For an unknown type (no identifier
 * known), one property or none is taken to be just the identifier.
 */
export function needsHydration(
  properties: Record<string, unknown>,
  primaryIdentifier: readonly string[],
): boolean {
  const keys = Object.keys(properties);
  if (primaryIdentifier.length === 0) return keys.length <= 1;
  return keys.every((key) => primaryIdentifier.includes(key));
}

export interface RowSource {
  typeName: string;
  account: string;
  region: string;
  isGlobal: boolean;
  now: () => number;
}

export function makeRow(
  source: RowSource,
  identifier: string,
  properties: Record<string, unknown>,
): InventoryRow {
  return {
    key: rowKey(source.account, source.region, identifier, source.isGlobal),
    typeName: source.typeName,
    account: source.account,
    region: source.region,
    identifier,
    properties,
    readAt: source.now(),
  };
}
