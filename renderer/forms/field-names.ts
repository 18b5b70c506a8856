import type { FieldPathId } from '@rjsf/utils';

/**
 * Names for fields a person can tell apart: "Tags item 2" for an array item, instead of
 * rjsf's generated titles.
 */
export function itemTitle(fieldPathId: FieldPathId, fallback: string): string {
  const { path } = fieldPathId;
  const last = path.at(-1);
  if (typeof last === 'number') {
    const parent = path.at(-2);
    return `${typeof parent === 'string' ? parent : 'Item'} item ${last + 1}`;
  }
  return typeof last === 'string' ? last : fallback;
}

/** The array or map a nested field sits in, e.g. `Tags` for `Tags/0/Key`. */
export function containerName(fieldPathId: FieldPathId): string | undefined {
  const { path } = fieldPathId;
  for (let i = path.length - 1; i > 0; i--) {
    const segment = path[i];
    const parent = path[i - 1];
    if (typeof segment === 'number' && typeof parent === 'string')
      return `${parent} item ${segment + 1}`;
  }
  return undefined;
}

/** A value as short text: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
