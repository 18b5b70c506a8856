import type { HandlerName, ResourceSchema } from '../../registry/resource-schema';
import type { ProvisioningType } from './type-model';

const HANDLER_NAMES: readonly HandlerName[] = ['create', 'read', 'update', 'delete', 'list'];

export function handlerNamesOf(schema: ResourceSchema): Set<HandlerName> {
  return new Set(HANDLER_NAMES.filter((name) => schema.handlers?.[name] !== undefined));
}

/** DescribeType's ProvisioningType, as CloudFormation derives it from the handlers. */
export function provisioningTypeOf(handlers: ReadonlySet<HandlerName>): ProvisioningType {
  if (!handlers.has('create')) return 'NON_PROVISIONABLE';
  return handlers.has('update') ? 'FULLY_MUTABLE' : 'IMMUTABLE';
}

// The global-type list lives in the registry so core can share it.
export { GLOBAL_TYPES, isGlobalType } from '../../registry/global-types';

/** Most list handlers page by 25 (AWS::SageMaker::Image does) and ignore MaxResults. */
export const DEFAULT_PAGE_SIZE = 25;
/** Handlers that return everything in one page, as IAM's and S3's list handlers do. */
export const UNPAGED_PAGE_SIZE = 1000;

export function pageSizeFor(typeName: string): number {
  return typeName.startsWith('AWS::IAM::') || typeName === 'AWS::S3::Bucket'
    ? UNPAGED_PAGE_SIZE
    : DEFAULT_PAGE_SIZE;
}
