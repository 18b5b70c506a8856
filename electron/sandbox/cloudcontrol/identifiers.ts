import type { ResourceTypeModel } from '../schema/type-model';
import { validationError, type ServiceError } from './errors';
import { deepEqual, isRecord } from './json-patch';
import type { Model } from './lifecycle';

/**
 * Identifier handling as Cloud Control does it: a primary identifier as a string (compound
 * ones joined with `|`), or any identifier (primary or additional) as a JSON object.
 */
export function identifierSets(type: ResourceTypeModel): string[][] {
  const additional = (type.schema.additionalIdentifiers ?? []).map((set) => set.map(propertyName));
  return [[...type.primaryIdentifier], ...additional];
}

export type Resolution = { ok: true; identifier: string } | { ok: false; error: ServiceError };

/**
 * Turns what the caller sent into the stored identifier. A JSON identifier naming an
 * additional identifier is looked up among `entries`; when nothing matches, the text is
 * returned unchanged so the caller's not-found message echoes what was asked for.
 */
export function resolveIdentifier(
  type: ResourceTypeModel,
  identifier: string,
  entries: () => Iterable<readonly [string, Model]>,
): Resolution {
  if (!identifier.trimStart().startsWith('{')) return { ok: true, identifier };
  let parsed: unknown;
  try {
    parsed = JSON.parse(identifier);
  } catch {
    return { ok: true, identifier };
  }
  if (!isRecord(parsed)) return { ok: true, identifier };
  const keys = Object.keys(parsed).sort();
  const sets = identifierSets(type);
  const set = sets.find((candidate) => sameMembers([...candidate].sort(), keys));
  if (!set) {
    const shown = sets
      .map((s) => `[${s.map((name) => `/properties/${name}`).join(', ')}]`)
      .join(', ');
    return {
      ok: false,
      error: validationError(
        `When specifying the identifier as JSON, you must specify exactly one identifier from [${shown}], and no additional properties can be specified`,
      ),
    };
  }
  if (set === sets[0]) {
    const values = type.primaryIdentifier.map((name) => parsed[name]);
    if (values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return { ok: true, identifier: values.map(String).join('|') };
    }
    return { ok: true, identifier };
  }
  for (const [id, model] of entries()) {
    if (set.every((name) => deepEqual(model[name], parsed[name])))
      return { ok: true, identifier: id };
  }
  return { ok: true, identifier };
}

/** `/properties/ImageName` → `ImageName`. */
export function propertyName(pointer: string): string {
  return pointer.replace(/^\/properties\//, '');
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
