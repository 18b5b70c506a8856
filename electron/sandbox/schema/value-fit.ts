import type { JsonSchemaNode } from '../../registry/resource-schema';
import { codePointLength } from './code-points';
import { compileUnicodePattern } from './unicode-patterns';

function numberKeyword(node: JsonSchemaNode, keyword: string): number | undefined {
  const value = node[keyword];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Whether a generated value satisfies the node's own simple constraints (length, pattern
 * where it compiles, enum, range): enough to choose between candidate formats.
 */
export function fitsNode(value: unknown, node: JsonSchemaNode | undefined): boolean {
  if (!node) return true;
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return false;
  if (typeof value === 'string') {
    const length = codePointLength(value);
    const minLength = numberKeyword(node, 'minLength');
    const maxLength = numberKeyword(node, 'maxLength');
    if (minLength !== undefined && length < minLength) return false;
    if (maxLength !== undefined && length > maxLength) return false;
    const pattern =
      typeof node.pattern === 'string' ? compileUnicodePattern(node.pattern) : undefined;
    return pattern ? pattern.test(value) : true;
  }
  if (typeof value === 'number') {
    const minimum = numberKeyword(node, 'minimum');
    const maximum = numberKeyword(node, 'maximum');
    return (
      (minimum === undefined || value >= minimum) && (maximum === undefined || value <= maximum)
    );
  }
  return true;
}

/** The first candidate the node accepts; the first candidate when it accepts none. */
export function firstFitting<T>(
  candidates: readonly T[],
  node: JsonSchemaNode | undefined,
): T | undefined {
  return candidates.find((candidate) => fitsNode(candidate, node)) ?? candidates[0];
}
