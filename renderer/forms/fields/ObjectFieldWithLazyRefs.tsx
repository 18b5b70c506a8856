import { useMemo } from 'react';
import { getDefaultRegistry } from '@rjsf/core';
import { mergeObjects, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { isJsonObject } from '../json-value';
import { LAZY_REF, resolveLazyNode } from '../lazy-refs';
import type { FieldProps } from '../rjsf-types';

const RjsfObjectField = getDefaultRegistry<unknown>().fields.ObjectField;

/**
 * rjsf's ObjectField, first resolving a lazy object reference (`lazy-refs.ts`) one level:
 * the definition's schema, with its `ui:definitions` entry under the local uiSchema, as
 * rjsf would have applied for a `$ref`.
 */
export function ObjectFieldWithLazyRefs(props: FieldProps) {
  const { schema, uiSchema, registry } = props;
  const ref: unknown = schema[LAZY_REF];
  const { rootSchema, uiSchemaDefinitions } = registry;
  const resolved = useMemo(
    () =>
      typeof ref === 'string' && isJsonObject(rootSchema)
        ? (resolveLazyNode(rootSchema, schema) as RJSFSchema)
        : schema,
    [ref, rootSchema, schema],
  );
  const resolvedUi = useMemo((): UiSchema | undefined => {
    const definitionUi = typeof ref === 'string' ? uiSchemaDefinitions?.[ref] : undefined;
    if (!definitionUi) return uiSchema;
    return uiSchema ? (mergeObjects(definitionUi, uiSchema) as UiSchema) : definitionUi;
  }, [ref, uiSchemaDefinitions, uiSchema]);
  if (!RjsfObjectField) return null;
  return <RjsfObjectField {...props} schema={resolved} uiSchema={resolvedUi} />;
}
