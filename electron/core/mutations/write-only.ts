import {
  carriesRedactions,
  REDACTED,
  type JsonPatchOperation,
  type TrackedRequest,
} from '../../../shared/contract';

// The marker and its test live in the contract: the window recognises redacted requests too.
export { carriesRedactions, REDACTED };

/** `*` in a schema pointer: every item of an array (or value of a map). */
const ANY = '*';

/**
 * A type's write-only properties as property paths (`/properties/LoginProfile/Password` →
 * `['LoginProfile', 'Password']`), or 'all' when the type's schema is unknown: then every
 * value is treated as write-only, since nothing says which are safe to keep.
 */
export type WriteOnlyPaths = readonly (readonly string[])[] | 'all';

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The schema's `writeOnlyProperties` pointers as paths; undefined (unknown schema) is 'all'. */
export function writeOnlyPaths(pointers: readonly string[] | undefined): WriteOnlyPaths {
  if (pointers === undefined) return 'all';
  return pointers.flatMap((pointer) => {
    const segments = pointerSegments(pointer);
    return pointer.startsWith('/') && segments[0] === 'properties' && segments.length > 1
      ? [segments.slice(1)]
      : [];
  });
}

/** The `writeOnlyProperties` of a schema's JSON text; undefined when it cannot be read. */
export function schemaWriteOnlyProperties(schemaText: string): string[] | undefined {
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch {
    return undefined;
  }
  if (!isRecord(schema) || typeof schema['typeName'] !== 'string') return undefined;
  const pointers = schema['writeOnlyProperties'];
  if (pointers === undefined) return [];
  return Array.isArray(pointers) && pointers.every((p) => typeof p === 'string')
    ? pointers
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` with whatever lies at `path` replaced by the marker; the same object if nothing did. */
function redactAt(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value === undefined || value === null ? value : REDACTED;
  if (head === ANY && Array.isArray(value)) {
    const items = value.map((item: unknown) => redactAt(item, rest));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isRecord(value)) return value;
  const keys = head === ANY ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
  let copy: Record<string, unknown> | undefined;
  for (const key of keys) {
    const inner = redactAt(value[key], rest);
    if (inner !== value[key]) {
      copy ??= { ...value };
      copy[key] = inner;
    }
  }
  return copy ?? value;
}

/** A DesiredState (or ResourceModel) with its write-only values replaced by the marker. */
export function redactState(
  state: Record<string, unknown>,
  paths: WriteOnlyPaths,
): Record<string, unknown> {
  if (paths === 'all') return redactAt(state, [ANY]) as Record<string, unknown>;
  let redacted = state;
  for (const path of paths) redacted = redactAt(redacted, path) as Record<string, unknown>;
  return redacted;
}

/** Whether a patch path segment can name what a schema path segment stands for. */
const segmentMatches = (schema: string, patch: string): boolean =>
  schema === ANY || schema === patch;

const startsWith = (long: readonly string[], short: readonly string[], schemaFirst: boolean) =>
  short.every((segment, i) => {
    const other = long[i] ?? '';
    return schemaFirst ? segmentMatches(segment, other) : segmentMatches(other, segment);
  });

/**
 * An RFC 6902 patch with write-only values replaced by the marker: an operation writing at or
 * inside a write-only property loses its whole value; one writing an object or array around
 * it has the value inside redacted.
 */
export function redactPatch(
  patch: readonly JsonPatchOperation[],
  paths: WriteOnlyPaths,
): JsonPatchOperation[] {
  return patch.map((operation) => {
    if (!('value' in operation)) return operation;
    if (paths === 'all') return { ...operation, value: REDACTED };
    const target = pointerSegments(operation.path);
    let value: unknown = operation.value;
    for (const path of paths) {
      if (target.length >= path.length && startsWith(target, path, true)) {
        value = REDACTED;
        break;
      }
      if (target.length < path.length && startsWith(path, target, false)) {
        value = redactAt(value, path.slice(target.length));
      }
    }
    return value === operation.value ? operation : { ...operation, value };
  });
}

/** What a create or update sent that may hold write-only values. */
export type SentValues = Pick<TrackedRequest, 'desiredState' | 'patch'>;

export interface RedactedRequest {
  /** What may be shown, kept and told: write-only values replaced by the marker. */
  shown: TrackedRequest;
  /** The values as sent, when redaction changed anything (needed to send it again). */
  sent: SentValues | null;
}

export function redactRequest(request: TrackedRequest, paths: WriteOnlyPaths): RedactedRequest {
  const desiredState = request.desiredState && redactState(request.desiredState, paths);
  const patch = request.patch && redactPatch(request.patch, paths);
  const changed =
    desiredState !== request.desiredState ||
    (patch !== null && request.patch !== null && patch.some((op, i) => op !== request.patch?.[i]));
  if (!changed) return { shown: request, sent: null };
  return {
    shown: { ...request, desiredState, patch },
    sent: { desiredState: request.desiredState, patch: request.patch },
  };
}
