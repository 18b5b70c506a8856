import type { ResourceSchema } from './resource-schema';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ListHandlerInputs {
  /** Properties the list handler's `handlerSchema` declares (parent identifiers). */
  parameters: string[];
  /** Properties every list call must carry. */
  required: string[];
  /**
   * Alternative sets of required properties (`anyOf`/`oneOf` in the handler schema), e.g.
   * AWS::ElasticLoadBalancingV2::Listener needs `LoadBalancerArn` or `ListenerArns`.
   */
  alternatives: string[][];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function alternativesOf(handlerSchema: Record<string, unknown>): string[][] {
  const branches = [handlerSchema.anyOf, handlerSchema.oneOf].flatMap((value) =>
    Array.isArray(value) ? (value as unknown[]) : [],
  );
  return branches.map((branch) => (isRecord(branch) ? stringList(branch.required) : []));
}

/**
 * What a type's list handler needs from ListResources' ResourceModel. In the snapshot 348
 * list handlers declare a handlerSchema: 311 with a non-empty `required`, 6 with only
 * `anyOf`/`oneOf` alternatives (317 that need a model), and 31 with optional parameters.
 */
export function listHandlerInputs(schema: ResourceSchema): ListHandlerInputs {
  const handlerSchema = schema.handlers?.list?.handlerSchema;
  if (!isRecord(handlerSchema)) return { parameters: [], required: [], alternatives: [] };
  const explicit = stringList(handlerSchema.required);
  const alternatives = alternativesOf(handlerSchema);
  // A property every alternative requires is required outright.
  const inEveryAlternative =
    alternatives.length === 0
      ? []
      : (alternatives[0] ?? []).filter((name) => alternatives.every((set) => set.includes(name)));
  const required = [...new Set([...explicit, ...inEveryAlternative])];
  const declared = isRecord(handlerSchema.properties) ? Object.keys(handlerSchema.properties) : [];
  const parameters = [...new Set([...declared, ...required, ...alternatives.flat()])];
  return { parameters, required, alternatives };
}

/** True when a list call without a ResourceModel fails (317 types in the snapshot). */
export function listNeedsModel(inputs: ListHandlerInputs): boolean {
  return inputs.required.length > 0 || inputs.alternatives.some((set) => set.length > 0);
}
