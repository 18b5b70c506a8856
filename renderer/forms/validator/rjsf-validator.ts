import {
  createErrorHandler,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorTransformer,
  type FormContextType,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { isJsonObject } from '../json-value';
import { pointerToProperty, toFieldErrors } from '../messages';
import { validateValue, type SchemaError } from './interpreter';

function toRjsfErrors(errors: readonly SchemaError[]): RJSFValidationError[] {
  return toFieldErrors(errors).map(({ path, message }) => ({
    property: pointerToProperty(path),
    message,
    stack: message,
  }));
}

/**
 * rjsf's `ValidatorType` over the interpreting validator: no code generation, so it works
 * under the renderer's Content Security Policy, and no compile step per schema. Error
 * messages are already plain sentences (see `messages.ts`); `transformErrors` still runs
 * after them when the form passes one.
 */
export class FormValidator implements ValidatorType<unknown, RJSFSchema, FormContextType> {
  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    customValidate?: CustomValidator<unknown, RJSFSchema, FormContextType>,
    transformErrors?: ErrorTransformer<unknown, RJSFSchema, FormContextType>,
    uiSchema?: UiSchema<unknown, RJSFSchema, FormContextType>,
  ): ValidationData<unknown> {
    let errors = toRjsfErrors(validateValue(schema, formData, schema));
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema<unknown>(errors);
    if (!customValidate) return { errors, errorSchema };
    const handler = customValidate(
      formData,
      createErrorHandler<unknown>(formData),
      uiSchema,
      errorSchema,
    );
    return validationDataMerge<unknown>(
      { errors, errorSchema },
      unwrapErrorHandler<unknown>(handler),
    );
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    const root = isJsonObject(rootSchema) ? rootSchema : {};
    return validateValue(schema, formData, root, false).length === 0;
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- rjsf's ValidatorType declares it so
  rawValidation<Result = SchemaError>(
    schema: RJSFSchema,
    formData?: unknown,
  ): { errors?: Result[]; validationError?: Error } {
    const errors = validateValue(schema, formData, schema);
    return { errors: errors as Result[] };
  }
}

/**
 * The validator every resource form uses (one instance: it holds no per-schema state).
 * It is not `@rjsf/validator-ajv8`: ajv compiles schemas with `new Function`, which the
 * renderer's Content Security Policy (`script-src 'self'`, no `unsafe-eval`) blocks, so
 * this one interprets the schema; a test checks it agrees with ajv on every registry type.
 */
export const formValidator = /* @__PURE__ */ new FormValidator();
