// Property paths: a schema pointer such as `/properties/Export/ExportArn` becomes the path
// `['Export', 'ExportArn']`, written `Export/ExportArn`. Top-level properties (most of them)
// are therefore just their name. `*` stands for every item of an array, as in the registry's
// own pointers (`StorageConnectors/*/ResourceIdentifier` in AWS::AppStream::Stack).
export type PropertyPath = readonly string[];

export const ANY_ITEM = '*';

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `/properties/A/B` → `['A', 'B']`; undefined for pointers outside `/properties`. */
export function pointerToPath(pointer: string): string[] | undefined {
  const segments = pointer.split('/').slice(1).map(decodePointerSegment);
  if (pointer[0] !== '/' || segments[0] !== 'properties' || segments.length < 2) return undefined;
  return segments.slice(1);
}

/** `['A', 'B']` → `A/B` (the form ResourceTypeModel lists). */
export function pathName(path: PropertyPath): string {
  return path.join('/');
}

/** `A/B` or a JSON Patch path `/A/B` → `['A', 'B']`. */
export function parsePath(name: string): string[] {
  const trimmed = name.startsWith('/') ? name.slice(1) : name;
  return trimmed === '' ? [] : trimmed.split('/').map(decodePointerSegment);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A place in a model where a path's last key lives: the object holding it, and where. */
export interface PathSlot {
  container: Record<string, unknown>;
  key: string;
  /** The concrete location of the container, array indexes filled in (`['Tags', '0']`). */
  location: string[];
}

/**
 * Every object that could hold the path's last key, expanding `*` over array items. Slots
 * are returned whether or not the key is present; containers that do not exist are skipped.
 */
export function slotsAt(model: Record<string, unknown>, path: PropertyPath): PathSlot[] {
  const key = path[path.length - 1];
  if (key === undefined) return [];
  let frontier: { value: unknown; location: string[] }[] = [{ value: model, location: [] }];
  for (const segment of path.slice(0, -1)) {
    const next: typeof frontier = [];
    for (const { value, location } of frontier) {
      if (segment === ANY_ITEM && Array.isArray(value)) {
        value.forEach((item: unknown, index) =>
          next.push({ value: item, location: [...location, String(index)] }),
        );
      } else if (isRecord(value) && segment in value) {
        next.push({ value: value[segment], location: [...location, segment] });
      }
    }
    frontier = next;
  }
  return frontier.flatMap(({ value, location }) =>
    isRecord(value) ? [{ container: value, key, location }] : [],
  );
}

/** The value at a path without wildcards; undefined when any step is missing. */
export function valueAt(model: Record<string, unknown>, path: PropertyPath): unknown {
  let value: unknown = model;
  for (const segment of path) {
    if (!isRecord(value)) return undefined;
    value = value[segment];
  }
  return value;
}

function segmentsMatch(a: string, b: string): boolean {
  return a === b || a === ANY_ITEM || b === ANY_ITEM;
}

/** True when one path is the other or lies inside it (a patch to either touches both). */
export function pathsOverlap(a: PropertyPath, b: PropertyPath): boolean {
  const shared = Math.min(a.length, b.length);
  for (let index = 0; index < shared; index++) {
    if (!segmentsMatch(a[index] ?? '', b[index] ?? '')) return false;
  }
  return true;
}

/** A deep copy of plain JSON data (models are JSON: no dates, maps or cycles). */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}
