import type { ResourceTypeModel, TypeCatalog } from '../schema/type-model';
import { typeNotFound, validationError } from './query-errors';
import type { QueryParams } from './query-params';
import { typeTimestamp } from './registry-clock';
import { typeArn, typeNameFromArn } from './type-arn';
import { element, textElement, timestampElement } from './xml';

export const REGISTRY_TYPES = ['RESOURCE', 'MODULE', 'HOOK'] as const;
const TYPE_NAME_MAX = 204;
const ARN_MAX = 1024;

export interface QueryContext {
  region: string;
  account: string;
}

/** Which type a DescribeType call names: `TypeName` (+ `Type`) or `Arn`, not both. */
function requestedTypeName(params: QueryParams): { typeName: string; type: string | undefined } {
  const type = params.choice('Type', REGISTRY_TYPES);
  const typeName = params.string('TypeName', TYPE_NAME_MAX);
  const arn = params.string('Arn', ARN_MAX);
  params.check();
  if (arn !== undefined && typeName !== undefined) {
    throw validationError('Specify either TypeName and Type, or Arn, but not both.');
  }
  if (arn !== undefined) {
    const fromArn = typeNameFromArn(arn);
    if (!fromArn) throw typeNotFound(arn);
    return { typeName: fromArn, type: 'RESOURCE' };
  }
  if (typeName === undefined) {
    throw validationError('Either TypeName and Type, or Arn, must be specified.');
  }
  return { typeName, type };
}

function describeXml(model: ResourceTypeModel, region: string): string {
  const { schema } = model;
  const updated = typeTimestamp(model);
  return [
    textElement('Arn', typeArn(region, model.typeName)),
    textElement('Type', 'RESOURCE'),
    textElement('TypeName', model.typeName),
    textElement('IsDefaultVersion', true),
    textElement('Description', schema.description),
    textElement('Schema', model.schemaText ?? JSON.stringify(schema)),
    textElement('ProvisioningType', model.provisioningType),
    textElement('DeprecatedStatus', 'LIVE'),
    element('RequiredActivatedTypes', ''),
    textElement('Visibility', 'PUBLIC'),
    textElement('SourceUrl', typeof schema.sourceUrl === 'string' ? schema.sourceUrl : undefined),
    textElement(
      'DocumentationUrl',
      typeof schema.documentationUrl === 'string' ? schema.documentationUrl : undefined,
    ),
    timestampElement('LastUpdated', updated),
    timestampElement('TimeCreated', updated),
  ].join('');
}

/**
 * DescribeType for AWS resource types, as the public registry answers it: PUBLIC, the
 * default version, LIVE, with the provider schema as JSON text. The sandbox has no modules,
 * hooks or third-party types, so those are TypeNotFoundException.
 */
export function describeType(
  catalog: TypeCatalog,
  params: QueryParams,
  context: QueryContext,
): string {
  const { typeName, type } = requestedTypeName(params);
  params.string('VersionId');
  const publisherId = params.string('PublisherId');
  params.check();
  const model = catalog.get(typeName);
  // AWS types have no publisher ID, and every kind but RESOURCE is absent here.
  if (!model || (type !== undefined && type !== 'RESOURCE') || publisherId !== undefined) {
    throw typeNotFound(typeName);
  }
  return describeXml(model, context.region);
}
