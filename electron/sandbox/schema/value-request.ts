import type { JsonSchemaNode, ResourceSchema } from '../../registry/resource-schema';
import type { PropertyPath } from './property-paths';
import type { ResourceContext } from './type-model';

/** Everything a value generator may look at to fill one missing property. */
export interface ValueRequest {
  typeName: string;
  schema: ResourceSchema;
  /** The whole model being filled (earlier properties are already in it). */
  model: Record<string, unknown>;
  /** The object the value goes into (the model itself for top-level properties). */
  container: Record<string, unknown>;
  /** The property's path, `*` for array items (`['Export', 'ExportArn']`). */
  path: PropertyPath;
  /** The property's own name (the path's last key). */
  key: string;
  /** The property's schema, `$ref`s resolved. */
  node: JsonSchemaNode | undefined;
  context: ResourceContext;
  /** The resource's name, for ARNs and URLs: its `<Kind>Name`/`Name`, else a stable token. */
  resourceName(): string;
}
