import type { ResourceSchema } from './resource-schema';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Parses one provider schema file and checks the fields every consumer relies on, so a
 * malformed file fails loudly here with its name rather than deep inside the sandbox.
 */
export function parseResourceSchema(text: string, source: string): ResourceSchema {
  const value: unknown = JSON.parse(text);
  const problems: string[] = [];
  if (!isRecord(value)) throw new Error(`${source}: a resource schema must be a JSON object`);
  if (typeof value.typeName !== 'string') problems.push('typeName is not a string');
  if (typeof value.description !== 'string') problems.push('description is not a string');
  if (!isRecord(value.properties)) problems.push('properties is not an object');
  if (!isStringArray(value.primaryIdentifier)) problems.push('primaryIdentifier is not a list');
  for (const key of [
    'required',
    'readOnlyProperties',
    'createOnlyProperties',
    'writeOnlyProperties',
  ]) {
    if (value[key] !== undefined && !isStringArray(value[key]))
      problems.push(`${key} is not a list`);
  }
  if (value.handlers !== undefined && !isRecord(value.handlers)) {
    problems.push('handlers is not an object');
  }
  if (problems.length > 0) throw new Error(`${source}: ${problems.join('; ')}`);
  return value as ResourceSchema;
}
