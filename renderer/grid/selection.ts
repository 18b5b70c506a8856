import type { GridIndex } from './types';

/**
 * Keys of the rows from the anchor to the target, inclusive, in display order (shift-click).
 * With no anchor in the view (none yet, or filtered out), just the target; with the target
 * not in the view, nothing.
 */
export function rangeBetween(
  view: Uint32Array,
  anchorSlot: number,
  targetSlot: number,
  index: GridIndex,
): string[] {
  const to = view.indexOf(targetSlot);
  if (to < 0) return [];
  const from = anchorSlot < 0 ? -1 : view.indexOf(anchorSlot);
  if (from < 0) return [index.row(targetSlot).key];
  const first = Math.min(from, to);
  const last = Math.max(from, to);
  const keys: string[] = [];
  for (let i = first; i <= last; i++) keys.push(index.row(view[i] ?? 0).key);
  return keys;
}

/** Keys of every row in the view, in display order (select all: what the filter shows). */
export function allKeys(view: Uint32Array, index: GridIndex): string[] {
  const keys: string[] = new Array<string>(view.length);
  for (let i = 0; i < view.length; i++) keys[i] = index.row(view[i] ?? 0).key;
  return keys;
}
