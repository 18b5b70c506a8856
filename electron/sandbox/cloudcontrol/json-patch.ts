import {
  applyPatch,
  JsonPatchError as LibraryPatchError,
  validate,
  type Operation,
} from 'fast-json-patch';

/**
 * RFC 6902 JSON Patch for UpdateResource's PatchDocument, applied by fast-json-patch. This
 * module only adds what Cloud Control needs around it: AWS's wording for errors
 * (`[REPLACE Operation] noSuchPath in source, path provided : /Code`), because callers see
 * them as ValidationException messages, and the list of paths a patch touches.
 */
export type PatchOp = 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';

export interface PatchOperation {
  op: PatchOp;
  path: string;
  from?: string;
  value?: unknown;
}

export class JsonPatchError extends Error {}

const ops: ReadonlySet<string> = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** Parses and checks the shape of a patch document; throws JsonPatchError. */
export function parsePatchDocument(text: string): PatchOperation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new JsonPatchError('Invalid patch document: not valid JSON.');
  }
  if (!Array.isArray(parsed)) {
    throw new JsonPatchError('Invalid patch document: a JSON array of operations is expected.');
  }
  parsed.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) {
      throw new JsonPatchError(`Invalid patch document: operation ${index} is not an object.`);
    }
    if (typeof entry.op !== 'string' || !ops.has(entry.op)) {
      throw new JsonPatchError(
        `Invalid patch document: operation ${index} has an unknown op ${entry.op === undefined ? 'undefined' : JSON.stringify(entry.op)}.`,
      );
    }
  });
  const operations = parsed as PatchOperation[];
  // The library checks each operation's shape (path, from, value) without a document.
  // Typed as always returning an error, but it returns undefined for a valid patch.
  const problem = validate(operations as Operation[]) as LibraryPatchError | undefined;
  if (problem) {
    throw new JsonPatchError(
      `Invalid patch document: operation ${problem.index ?? 0} ${describeShapeProblem(problem)}.`,
    );
  }
  return operations;
}

function describeShapeProblem(problem: LibraryPatchError): string {
  const operation = problem.operation as Partial<PatchOperation> | undefined;
  switch (problem.name) {
    case 'OPERATION_PATH_INVALID':
      return typeof operation?.path === 'string'
        ? `has an Invalid JSON pointer: ${operation.path}`
        : 'has no path';
    case 'OPERATION_FROM_REQUIRED':
      return `(${operation?.op ?? 'move'}) has no from`;
    case 'OPERATION_VALUE_REQUIRED':
      return `(${operation?.op ?? 'add'}) has no value`;
    default:
      return `is not valid (${problem.message.split('\n')[0] ?? problem.name})`;
  }
}

/** Library errors that mean "the pointer does not lead anywhere in this document". */
const pathErrors: ReadonlySet<string> = new Set([
  'OPERATION_PATH_UNRESOLVABLE',
  'OPERATION_PATH_CANNOT_ADD',
  'OPERATION_PATH_ILLEGAL_ARRAY_INDEX',
  'OPERATION_VALUE_OUT_OF_BOUNDS',
  'OPERATION_FROM_UNRESOLVABLE',
]);

/** Applies the operations to a copy of the document; the input is never modified. */
export function applyJsonPatch(document: unknown, operations: readonly PatchOperation[]): unknown {
  try {
    return applyPatch(structuredClone(document), operations as Operation[], true, true).newDocument;
  } catch (error) {
    if (!(error instanceof LibraryPatchError)) throw error;
    const operation = error.operation as PatchOperation | undefined;
    const op = (operation?.op ?? 'patch').toUpperCase();
    const unresolvedFrom = error.name === 'OPERATION_FROM_UNRESOLVABLE';
    const pointer = (unresolvedFrom ? operation?.from : operation?.path) ?? '';
    const reason =
      error.name === 'TEST_OPERATION_FAILED'
        ? 'value mismatch'
        : pathErrors.has(error.name)
          ? 'noSuchPath in source'
          : (error.message.split('\n')[0] ?? error.name);
    throw new JsonPatchError(`[${op} Operation] ${reason}, path provided : ${pointer}`);
  }
}

/** Every pointer an operation writes to (or moves from), as segments; tests write nothing. */
export function touchedPaths(operations: readonly PatchOperation[]): string[][] {
  const paths: string[][] = [];
  for (const { op, path, from } of operations) {
    if (op === 'test') continue;
    paths.push(parsePointer(path));
    if (op === 'move' && from !== undefined) paths.push(parsePointer(from));
  }
  return paths;
}

/** The first segment of every pointer an operation writes to (or moves from). */
export function touchedTopLevel(operations: readonly PatchOperation[]): string[] {
  const names = new Set<string>();
  for (const path of touchedPaths(operations)) {
    if (path[0] !== undefined) names.add(path[0]);
  }
  return [...names];
}

/**
 * Whether `path` is `pattern` or lies inside it. `pattern` segments may be `*` (any array
 * item), as the registry writes nested pointers such as Rules/[*]/Transition.
 */
export function isWithin(path: readonly string[], pattern: readonly string[]): boolean {
  return (
    path.length >= pattern.length &&
    pattern.every((segment, i) =>
      segment === '*' ? /^(0|[1-9]\d*|-)$/.test(path[i] ?? '') : segment === path[i],
    )
  );
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`Invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
