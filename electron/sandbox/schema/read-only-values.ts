import type { JsonSchemaNode } from '../../registry/resource-schema';
import {
  arnCandidates,
  arnNamespaceOf,
  formatArn,
  kebabCase,
  resourceKindOf,
  serviceOf,
} from './arn';
import { ec2IdPrefix, idCandidates, idSubject, sharedEc2IdPrefix } from './resource-ids';
import { arnFromPattern, sampleFitting } from './pattern-values';
import { LOWER_ALNUM, randomFrom, randomUuid } from './random-values';
import { primaryType, resolveNode } from './schema-nodes';
import { firstFitting, fitsNode } from './value-fit';
import type { ValueRequest } from './value-request';

/**
 * Enum values that read as "this resource is up and usable", best first. A read-only status
 * takes the first of these its enum offers (ImageStatus → CREATED, ModelPackageStatus →
 * Completed); otherwise its first value.
 */
const SETTLED_STATES = [
  'InService',
  'ACTIVE',
  'AVAILABLE',
  'CREATED',
  'COMPLETED',
  'CREATE_COMPLETE',
  'ENABLED',
  'READY',
  'RUNNING',
  'SUCCEEDED',
  'DEPLOYED',
  'ISSUED',
  'VALID',
  'HEALTHY',
  'ASSOCIATED',
  'ATTACHED',
];

export function preferredEnumValue(values: readonly unknown[]): unknown {
  for (const state of SETTLED_STATES) {
    const match = values.find(
      (value) => typeof value === 'string' && value.toUpperCase() === state.toUpperCase(),
    );
    if (match !== undefined) return match;
  }
  return values[0];
}

const TIMESTAMP_NAME =
  /(Time|Date|Timestamp|DateTime|[a-z]At|LastModified|Created|Updated|(Created|Modified|Updated)On)$/;
const ARN_NAME = /(Arn|ARN)$/;
const ID_NAME = /(^|[a-z])I[dD]$/;
const STATUS_NAME = /(Status|State)$/;
const URL_NAME = /(Url|URL|Uri|URI|Endpoint|EndpointAddress)$/;
const COUNT_NAME = /(Count|Number|Size)$/;
const VERSION_NAME = /Version$/;

export function isTimestampName(key: string): boolean {
  return TIMESTAMP_NAME.test(key);
}

export function isArnName(key: string): boolean {
  return ARN_NAME.test(key);
}

function timestampValue(request: ValueRequest, type: string | undefined): unknown {
  const now = request.context.now;
  // Registry schemas write most timestamps as ISO strings; numeric ones are epoch seconds.
  if (type === 'integer' || type === 'number') return Math.floor(now.getTime() / 1000);
  return now.toISOString();
}

/** ARNs of other services' resources a property may name (`ExecutionRoleArn`, `KmsKeyArn`). */
function relatedArnCandidates(request: ValueRequest, kind: string, name: string): string[] {
  const { account, region, random } = request.context;
  if (kind.endsWith('Role')) {
    return [formatArn({ service: 'iam', region: '', account, resource: `role/${name}` })];
  }
  if (kind.endsWith('Key')) {
    return [formatArn({ service: 'kms', region, account, resource: `key/${randomUuid(random)}` })];
  }
  return [];
}

/** The ARN a `<Kind>Arn` (or `Arn`) property holds: its own resource's, or a related kind's. */
function arnValue(request: ValueRequest): string | undefined {
  const { context, typeName, node } = request;
  const prefix = request.key.replace(ARN_NAME, '');
  const ownKind = resourceKindOf(typeName);
  const kind = prefix === '' ? ownKind : prefix;
  const relatedName = prefix && prefix !== ownKind ? request.model[`${prefix}Name`] : undefined;
  const name = typeof relatedName === 'string' ? relatedName : request.resourceName();
  const service = arnNamespaceOf(typeName);
  const candidates = [
    ...relatedArnCandidates(request, kind, name),
    ...arnCandidates(service, context.region, context.account, kind, name),
  ];
  const fitting = candidates.find((candidate) => fitsNode(candidate, node));
  if (fitting !== undefined) return fitting;
  const resources = [`${kebabCase(kind)}/${name}`, `${kind.toLowerCase()}/${name}`, name];
  const preferences = {
    service,
    region: context.region,
    account: context.account,
    resources,
    name,
  };
  return arnFromPattern(node, preferences, context.random) ?? candidates[0];
}

function idValue(request: ValueRequest): string | undefined {
  const subject = idSubject(request.key) || resourceKindOf(request.typeName);
  const candidates = idCandidates(serviceOf(request.typeName), subject, request.context.random);
  return firstFitting(candidates, request.node);
}

/** EC2 names some ids without the suffix (`DefaultSecurityGroup` holds `sg-…`). */
function isEc2Reference(request: ValueRequest): boolean {
  const subject = idSubject(request.key);
  return serviceOf(request.typeName) === 'EC2'
    ? ec2IdPrefix(subject) !== undefined
    : sharedEc2IdPrefix(subject) !== undefined && request.key.endsWith('Id');
}

function urlValue(request: ValueRequest): string {
  const { region } = request.context;
  const host = `${request.resourceName().toLowerCase()}.${arnNamespaceOf(request.typeName)}.${region}.amazonaws.com`;
  return request.key.endsWith('Endpoint') || request.key.endsWith('EndpointAddress')
    ? host
    : `https://${host}`;
}

function numberValue(request: ValueRequest): number {
  const node = request.node;
  const minimum = typeof node?.minimum === 'number' ? node.minimum : undefined;
  if (VERSION_NAME.test(request.key)) return Math.max(1, minimum ?? 1);
  if (typeof node?.default === 'number') return node.default;
  if (COUNT_NAME.test(request.key)) return Math.max(0, minimum ?? 0);
  return minimum ?? 0;
}

function stringValue(request: ValueRequest): string | undefined {
  const { key, node } = request;
  if (typeof node?.default === 'string') return node.default;
  if (isArnName(key)) return arnValue(request);
  if (key.endsWith('AccountId')) return request.context.account;
  if (ID_NAME.test(key) || isEc2Reference(request)) return idValue(request);
  if (STATUS_NAME.test(key)) return firstFitting(['ACTIVE', 'Active', 'available'], node);
  if (URL_NAME.test(key) || key.endsWith('DomainName')) return urlValue(request);
  if (key.endsWith('Name')) return request.resourceName();
  return randomFrom(request.context.random, LOWER_ALNUM, 12);
}

function arrayValue(request: ValueRequest, node: JsonSchemaNode | undefined): unknown[] {
  const count = typeof node?.minItems === 'number' ? node.minItems : 0;
  const itemNode = resolveNode(request.schema, node?.items);
  const items: unknown[] = [];
  for (let index = 0; index < count; index++)
    items.push(readOnlyValue({ ...request, node: itemNode }));
  return items;
}

/**
 * A realistic value for a read-only property AWS would fill in, chosen from its name and
 * schema: ARNs, timestamps, settled statuses, ids, counts and versions, URLs. A string the
 * property's own constraints reject is replaced by one sampled from its pattern.
 */
export function readOnlyValue(request: ValueRequest): unknown {
  const { key, node } = request;
  // A nested copy of a top-level value (VpcEncryptionControl/VpcId) repeats it.
  const topLevel = request.path.length > 1 ? request.model[key] : undefined;
  if (topLevel !== undefined && typeof topLevel !== 'object' && fitsNode(topLevel, node)) {
    return topLevel;
  }
  const type = primaryType(node);
  if (Array.isArray(node?.enum) && node.enum.length > 0) return preferredEnumValue(node.enum);
  if (type === 'array') return arrayValue(request, node);
  if (type === 'object') return {};
  if (type === 'boolean') return typeof node?.default === 'boolean' ? node.default : false;
  const isTimestamp = node?.format === 'date-time' || (isTimestampName(key) && !node?.pattern);
  if (isTimestamp) return timestampValue(request, type);
  if (type === 'integer' || type === 'number') return numberValue(request);
  const value = stringValue(request);
  if (value !== undefined && fitsNode(value, node)) return value;
  return sampleFitting(node, request.context.random) ?? value;
}
