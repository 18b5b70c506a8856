import type { ResourceSchema } from '../../registry/resource-schema';
import { kebabCase, resourceKindOf } from './arn';
import { cloneJson, pointerToPath, slotsAt, type PropertyPath } from './property-paths';
import { LOWER_ALNUM, randomFrom, UPPER_ALNUM } from './random-values';
import { isArnName, readOnlyValue } from './read-only-values';
import { schemaNodeAt } from './schema-nodes';
import { defaultedWritableProperties, recipeValue } from './type-recipes';
import type { ResourceContext } from './type-model';
import { fitsNode } from './value-fit';
import { sampleFitting } from './pattern-values';
import type { ValueRequest } from './value-request';

export interface GenerationPlan {
  typeName: string;
  schema: ResourceSchema;
  readOnlyPaths: readonly PropertyPath[];
  primaryIdentifierPaths: readonly PropertyPath[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A name in CloudFormation's style for a resource created without one. */
function autoName(plan: GenerationPlan, path: PropertyPath, context: ResourceContext): string {
  const kind = resourceKindOf(plan.typeName);
  const node = schemaNodeAt(plan.schema, path);
  const suffix = randomFrom(context.random, LOWER_ALNUM, 12);
  const candidates = [
    `${kebabCase(kind)}-${suffix}`,
    `${kind}-${suffix.toUpperCase()}`,
    `${kind}${randomFrom(context.random, UPPER_ALNUM, 12)}`,
    suffix,
  ];
  return (
    candidates.find((candidate) => fitsNode(candidate, node)) ??
    sampleFitting(node, context.random) ??
    suffix
  );
}

/** Non-ARN values first, then ARNs (which embed names, ids and versions); parents first. */
function fillingOrder(paths: readonly PropertyPath[]): PropertyPath[] {
  const rank = (path: PropertyPath) =>
    (isArnName(path[path.length - 1] ?? '') ? 1000 : 0) + path.length;
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

/**
 * The desired state completed the way AWS completes it on create: a missing writable primary
 * identifier gets a generated name (S3 buckets, IAM roles, Lambda functions are auto-named),
 * and each missing read-only property gets a realistic value. Never mutates `desired`.
 */
export function generateReadOnly(
  plan: GenerationPlan,
  desired: Record<string, unknown>,
  context: ResourceContext,
): Record<string, unknown> {
  const model = cloneJson(desired);
  const kind = resourceKindOf(plan.typeName);
  const readOnlyNames = new Set(plan.readOnlyPaths.map((path) => path.join('/')));
  let fallbackName: string | undefined;

  const identifierKeys = [
    ...plan.primaryIdentifierPaths,
    ...(plan.schema.additionalIdentifiers ?? []).flatMap((set) =>
      set.map(pointerToPath).filter((path): path is string[] => path !== undefined),
    ),
  ]
    .filter((path) => path.length === 1 && !isArnName(path[0] ?? ''))
    .map((path) => path[0] ?? '');
  const nameKeys = [`${kind}Name`, 'Name', ...identifierKeys, `${kind}Id`, 'Id'];
  const resourceName = (): string => {
    for (const key of nameKeys) {
      const value = text(model[key]);
      if (value !== undefined) return value;
    }
    fallbackName ??= autoName(plan, [`${kind}Name`], context);
    return fallbackName;
  };
  const valueRequest = (
    path: PropertyPath,
    container: Record<string, unknown>,
    key: string,
    node = schemaNodeAt(plan.schema, path),
  ): ValueRequest => ({
    typeName: plan.typeName,
    schema: plan.schema,
    model,
    container,
    path,
    key,
    node,
    context,
    resourceName,
  });

  // AWS names a resource created without its (optional) identifying property; a required
  // one is the caller's to supply, and create validation reports it.
  const required = new Set(plan.schema.required ?? []);
  for (const path of plan.primaryIdentifierPaths) {
    const key = path[0];
    if (path.length !== 1 || key === undefined) continue;
    if (readOnlyNames.has(key) || required.has(key) || model[key] !== undefined) continue;
    model[key] = key.endsWith('Name')
      ? autoName(plan, path, context)
      : readOnlyValue(valueRequest(path, model, key));
  }
  // CloudFormation also generates the conventional `<Kind>Name` (QueueName, TopicName, …).
  const nameKey = `${kind}Name`;
  const nameIsWritable =
    plan.schema.properties[nameKey] !== undefined && !readOnlyNames.has(nameKey);
  if (nameIsWritable && !required.has(nameKey) && model[nameKey] === undefined) {
    model[nameKey] = autoName(plan, [nameKey], context);
  }
  Object.assign(model, defaultedWritableProperties(plan.typeName, model));

  for (const path of fillingOrder(plan.readOnlyPaths)) {
    const node = schemaNodeAt(plan.schema, path);
    for (const slot of slotsAt(model, path)) {
      if (slot.container[slot.key] !== undefined) continue;
      const request = valueRequest(path, slot.container, slot.key, node);
      const value = recipeValue(request) ?? readOnlyValue(request);
      if (value !== undefined) slot.container[slot.key] = value;
    }
  }
  return model;
}
