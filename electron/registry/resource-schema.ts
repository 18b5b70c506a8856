/**
 * The parts of a CloudFormation resource provider schema Cloudshelf reads. The files carry
 * more (tagging, propertyTransform, …); those stay available as unknown extra fields.
 */
export interface HandlerDefinition {
  permissions?: string[];
  timeoutInMinutes?: number;
  /** Only on `list`: the parent properties a list call takes (and may require). */
  handlerSchema?: {
    properties?: Record<string, unknown>;
    required?: string[];
    [key: string]: unknown;
  };
}

export type HandlerName = 'create' | 'read' | 'update' | 'delete' | 'list';

export interface ResourceSchema {
  typeName: string;
  description: string;
  properties: Record<string, JsonSchemaNode>;
  definitions?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  /** JSON pointers such as `/properties/ImageArn`. */
  readOnlyProperties?: string[];
  createOnlyProperties?: string[];
  writeOnlyProperties?: string[];
  primaryIdentifier: string[];
  additionalIdentifiers?: string[][];
  handlers?: Partial<Record<HandlerName, HandlerDefinition>>;
  tagging?: Record<string, unknown>;
  documentationUrl?: string;
  sourceUrl?: string;
  [key: string]: unknown;
}

/** A JSON Schema node as the registry writes it (draft-07 flavoured). */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  $ref?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  enum?: unknown[];
  pattern?: string;
  [key: string]: unknown;
}
