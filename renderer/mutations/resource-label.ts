import type { InventoryRow } from '../../shared/contract';

/** The resource part of a type name: `Image` for `AWS::SageMaker::Image`. */
const resourcePart = (typeName: string): string => typeName.split('::')[2] ?? typeName;

/** "AWS::SageMaker::ModelPackage" → "SageMaker model package", for sentences. */
export function typeNoun(typeName: string): string {
  const [, service, resource] = typeName.split('::');
  if (service === undefined || resource === undefined) return typeName;
  const words = (resource.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [resource]).map((word) =>
    word === word.toUpperCase() ? word : word.toLowerCase(),
  );
  return [service, ...words].join(' ');
}

/**
 * What people call a resource: its `<Resource>Name` (ImageName) or `Name` property when it
 * has one, else its identifier. Typed to confirm deleting on a production profile, where an
 * ARN would be a chore to type and easy to paste without reading.
 */
export function resourceName(
  row: Pick<InventoryRow, 'typeName' | 'identifier' | 'properties'>,
): string {
  for (const key of [`${resourcePart(row.typeName)}Name`, 'Name']) {
    const value = row.properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return row.identifier;
}

/** What has to be typed to delete on a production profile: the name of one, the count of many. */
export function confirmationText(
  rows: readonly Pick<InventoryRow, 'typeName' | 'identifier' | 'properties'>[],
): string {
  const [only] = rows;
  return rows.length === 1 && only ? resourceName(only) : String(rows.length);
}

/** Which request a list shows: the name a create was sent with, else the identifier. */
export function requestSubject(request: {
  typeName: string;
  identifier: string | null;
  desiredState: Record<string, unknown> | null;
}): string | null {
  if (request.identifier !== null) return request.identifier;
  if (request.desiredState === null) return null;
  const name = resourceName({
    typeName: request.typeName,
    identifier: '',
    properties: request.desiredState,
  });
  return name === '' ? null : name;
}
