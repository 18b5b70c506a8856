import type { ProvisioningType, ResourceTypeModel, TypeCatalog } from '../schema/type-model';
import type { QueryContext } from './describe-type';
import { REGISTRY_TYPES } from './describe-type';
import { decodePageToken, encodePageToken } from './page-token';
import type { QueryParams } from './query-params';
import { typeTimestamp } from './registry-clock';
import { typeArn } from './type-arn';
import { memberList, textElement, timestampElement } from './xml';

const PROVISIONING_TYPES: readonly ProvisioningType[] = [
  'NON_PROVISIONABLE',
  'IMMUTABLE',
  'FULLY_MUTABLE',
];
const CATEGORIES = ['REGISTERED', 'ACTIVATED', 'THIRD_PARTY', 'AWS_TYPES'] as const;
export const DEFAULT_MAX_RESULTS = 100;

interface ListTypesRequest {
  visibility: 'PUBLIC' | 'PRIVATE';
  provisioningType: ProvisioningType;
  deprecatedStatus: 'LIVE' | 'DEPRECATED';
  type: (typeof REGISTRY_TYPES)[number];
  category: (typeof CATEGORIES)[number] | undefined;
  publisherId: string | undefined;
  typeNamePrefix: string | undefined;
  maxResults: number;
  after: string | undefined;
}

/** Parameters with the API's documented defaults (PRIVATE, FULLY_MUTABLE, LIVE, 100). */
function readRequest(params: QueryParams): ListTypesRequest {
  const request = {
    visibility: params.choice('Visibility', ['PUBLIC', 'PRIVATE'] as const) ?? 'PRIVATE',
    provisioningType: params.choice('ProvisioningType', PROVISIONING_TYPES) ?? 'FULLY_MUTABLE',
    deprecatedStatus: params.choice('DeprecatedStatus', ['LIVE', 'DEPRECATED'] as const) ?? 'LIVE',
    type: params.choice('Type', REGISTRY_TYPES) ?? 'RESOURCE',
    category: params.choice('Filters.Category', CATEGORIES),
    publisherId: params.string('Filters.PublisherId', 40),
    typeNamePrefix: params.string('Filters.TypeNamePrefix', 204),
    maxResults: params.integer('MaxResults', 1, 100) ?? DEFAULT_MAX_RESULTS,
    after: undefined as string | undefined,
  };
  const token = params.string('NextToken', 1024);
  params.check();
  if (token !== undefined) request.after = decodePageToken(token).after;
  return request;
}

/**
 * Whether the request can see AWS types at all: they are PUBLIC, LIVE, RESOURCE types in the
 * AWS_TYPES category without a publisher. (The default PRIVATE visibility lists only types
 * registered or activated in the account, and the sandbox has none.)
 */
function seesAwsTypes(request: ListTypesRequest): boolean {
  return (
    request.visibility === 'PUBLIC' &&
    request.deprecatedStatus === 'LIVE' &&
    request.type === 'RESOURCE' &&
    (request.category === undefined || request.category === 'AWS_TYPES') &&
    request.publisherId === undefined
  );
}

function summaryXml(model: ResourceTypeModel, region: string): string {
  return [
    textElement('Type', 'RESOURCE'),
    textElement('TypeName', model.typeName),
    textElement('TypeArn', typeArn(region, model.typeName)),
    timestampElement('LastUpdated', typeTimestamp(model)),
    textElement('Description', model.schema.description),
  ].join('');
}

/** ListTypes over the catalog, sorted by name, paged by MaxResults with an opaque token. */
export function listTypes(
  catalog: TypeCatalog,
  params: QueryParams,
  context: QueryContext,
): string {
  const request = readRequest(params);
  const matching: ResourceTypeModel[] = [];
  if (seesAwsTypes(request)) {
    for (const typeName of catalog.typeNames()) {
      if (request.after !== undefined && typeName <= request.after) continue;
      if (request.typeNamePrefix !== undefined && !typeName.startsWith(request.typeNamePrefix)) {
        continue;
      }
      const model = catalog.get(typeName);
      if (model?.provisioningType !== request.provisioningType) continue;
      matching.push(model);
      // One more than a page tells whether another page exists.
      if (matching.length > request.maxResults) break;
    }
  }
  const page = matching.slice(0, request.maxResults);
  const last = page[page.length - 1];
  const more = matching.length > request.maxResults && last !== undefined;
  return (
    memberList(
      'TypeSummaries',
      page.map((model) => summaryXml(model, context.region)),
    ) + (more ? textElement('NextToken', encodePageToken({ after: last.typeName })) : '')
  );
}
