import type { HandlerName, ResourceSchema } from '../../registry/resource-schema';

/** DescribeType's ProvisioningType, derived from the schema's handlers. */
export type ProvisioningType = 'FULLY_MUTABLE' | 'IMMUTABLE' | 'NON_PROVISIONABLE';

/** Where a generated value lives: read-only properties embed the account and region (ARNs). */
export interface ResourceContext {
  account: string;
  region: string;
  now: Date;
  /** Deterministic randomness for ids the schema wants (e.g. `vpc-0a1b…`). */
  random: () => number;
}

/** A schema check that failed, phrased the way Cloud Control phrases it. */
export interface SchemaViolation {
  /** e.g. `#/ImageName: failed validation constraint for keyword [pattern]` */
  message: string;
}

/**
 * Everything the sandbox needs to know about one resource type, derived once from its
 * registry schema. Property names are top-level property names (`ImageArn`), not pointers.
 * The registry also has nested pointers (`/properties/Export/ExportArn`, 442 read-only ones);
 * those are listed as paths relative to the model (`Export/ExportArn`, `*` for array items)
 * rather than collapsed to their top-level parent, which stays writable.
 */
export interface ResourceTypeModel {
  readonly typeName: string;
  readonly schema: ResourceSchema;
  readonly provisioningType: ProvisioningType;
  readonly handlers: ReadonlySet<HandlerName>;
  readonly primaryIdentifier: readonly string[];
  readonly readOnlyProperties: readonly string[];
  readonly createOnlyProperties: readonly string[];
  readonly writeOnlyProperties: readonly string[];
  /** Parent properties a list call takes, and which of them it requires. */
  readonly listParameters: readonly string[];
  readonly listRequired: readonly string[];
  /**
   * Added: alternative required sets (handler `anyOf`/`oneOf`, 6 types), e.g.
   * `[['LoadBalancerArn'], ['ListenerArns']]`; empty for most types. A list call needs a
   * ResourceModel when `listRequired` or any alternative is non-empty (317 types).
   */
  readonly listRequiredAlternatives?: readonly (readonly string[])[];
  /** Global types (S3 buckets, IAM roles, …) appear in every region's list. */
  readonly isGlobal: boolean;
  /** The handler's fixed page size; ListResources ignores MaxResults. */
  readonly pageSize: number;

  /**
   * Checks a DesiredState for create: required, additionalProperties: false, types, enums,
   * lengths, and patterns where they compile; read-only properties are refused.
   */
  validateCreate(desired: unknown): SchemaViolation[];
  /** Checks a full model after a patch was applied (same rules, read-only fields allowed). */
  validateModel(model: Record<string, unknown>): SchemaViolation[];
  /**
   * Added: checks ListResources' ResourceModel against the list handler's schema (required
   * parents, alternatives, types, patterns); `[]` when the handler takes no model.
   */
  validateListModel?(model: unknown): SchemaViolation[];
  /**
   * Which of these top-level properties are create-only (patches touching them fail).
   * Accepts property names or JSON Patch paths (`/Tags/0/Key`); returns the create-only
   * properties that a path equals, lies inside, or contains.
   */
  createOnlyTouched(paths: readonly string[]): string[];
  /** Fills read-only properties the way AWS formats them (ARNs, timestamps, statuses, ids). */
  withGeneratedReadOnly(
    desired: Record<string, unknown>,
    context: ResourceContext,
  ): Record<string, unknown>;
  /** Primary-identifier values joined with `|`; undefined when a value is missing. */
  identifierOf(model: Record<string, unknown>): string | undefined;
  /** The model with write-only properties removed (what GetResource returns). */
  readable(model: Record<string, unknown>): Record<string, unknown>;
  /** Only the primary-identifier properties (what ListResources returns). */
  listed(model: Record<string, unknown>): Record<string, unknown>;
  /** Added: the registry file's text, which DescribeType returns as `Schema`. */
  readonly schemaText?: string;
  /** Added: the registry file's timestamp (DescribeType's LastUpdated/TimeCreated). */
  readonly lastUpdated?: Date;
}

export interface TypeCatalog {
  /** Undefined for a type the registry does not have. */
  get(typeName: string): ResourceTypeModel | undefined;
  typeNames(): readonly string[];
}
