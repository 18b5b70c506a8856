import type { CloudControlOperation, TypeSummary } from '../../../shared/contract';
import { listHandlerInputs, listNeedsModel } from '../../registry/list-handler';
import type { ResourceSchema } from '../../registry/resource-schema';

const OPERATIONS: readonly CloudControlOperation[] = ['create', 'read', 'update', 'delete', 'list'];

/** Everything the catalog derives from one provider schema (no source, regions or text). */
export interface TypeFacts extends TypeSummary {
  primaryIdentifier: string[];
  permissions: Partial<Record<CloudControlOperation, string[]>>;
  listParents: { required: string[]; optional: string[] };
  documentationUrl: string | null;
}

/** `SageMaker` for `AWS::SageMaker::Image`; the middle segment of any `A::B::C` name. */
export function serviceOf(typeName: string): string {
  return typeName.split('::')[1] ?? typeName;
}

/** `/properties/ImageArn` → `ImageArn`; nested pointers keep their path (`Export/Arn`). */
function propertyName(pointer: string): string {
  return pointer.replace(/^\/properties\//, '');
}

/**
 * Few schemas carry `documentationUrl` (21 of 1,665), so the CloudFormation template
 * reference page, whose address follows the type name, stands in for the rest.
 */
export function templateReferenceUrl(typeName: string): string | null {
  const parts = typeName.split('::');
  if (parts.length !== 3 || parts[0] !== 'AWS') return null;
  const slug = parts
    .map((p) => p.toLowerCase())
    .join('-')
    .replace(/^aws-/, '');
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-${slug}.html`;
}

export function typeFacts(schema: ResourceSchema): TypeFacts {
  const handlers = schema.handlers ?? {};
  const operations = OPERATIONS.filter((op) => handlers[op] !== undefined);
  const permissions: Partial<Record<CloudControlOperation, string[]>> = {};
  for (const op of operations) permissions[op] = [...(handlers[op]?.permissions ?? [])];
  const inputs = listHandlerInputs(schema);
  // Parents named only in anyOf/oneOf alternatives are optional one by one, yet listing
  // still needs one set of them: listNeedsParent says so.
  const optional = inputs.parameters.filter((name) => !inputs.required.includes(name));
  return {
    typeName: schema.typeName,
    service: serviceOf(schema.typeName),
    description: schema.description,
    operations,
    listNeedsParent: operations.includes('list') && listNeedsModel(inputs),
    primaryIdentifier: schema.primaryIdentifier.map(propertyName),
    permissions,
    listParents: { required: inputs.required, optional },
    documentationUrl:
      typeof schema.documentationUrl === 'string'
        ? schema.documentationUrl
        : templateReferenceUrl(schema.typeName),
  };
}

export function summaryOf(facts: TypeFacts): TypeSummary {
  return {
    typeName: facts.typeName,
    service: facts.service,
    description: facts.description,
    operations: facts.operations,
    listNeedsParent: facts.listNeedsParent,
  };
}
