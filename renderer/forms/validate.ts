import { toFieldErrors, type FieldError } from './messages';
import type { PreparedSchema } from './prepare-schema';
import { validateValue } from './validator/interpreter';

/*
 * Free of rjsf on purpose, so callers outside the form (the review step) stay small; the
 * form's rjsf validator is `formValidator` in `validator/rjsf-validator.ts`.
 */

export type { FieldError } from './messages';

/** The form's data: a resource's DesiredState (a JSON object of its properties). */
export type DesiredState = Record<string, unknown>;

/**
 * Validates a DesiredState against a prepared schema and returns every problem as a plain
 * sentence with the JSON pointer of its field (`''` for the resource itself); an object's
 * missing properties come before problems inside it. For the JSON tab and the review step; validate against the schema prepared with
 * `requiredOnly: false`, or values of hidden optional properties go unchecked.
 */
export function validateDesiredState(prepared: PreparedSchema, data: unknown): FieldError[] {
  return toFieldErrors(validateValue(prepared.schema, data, prepared.schema));
}

/** Whether `data` is a JSON object, the only shape a DesiredState can have. */
export function isDesiredState(data: unknown): data is DesiredState {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
