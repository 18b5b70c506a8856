import { createContext, useContext } from 'react';

/**
 * When a field shows its errors. The form validates on every change, but a field only shows
 * its errors once it (or something inside it) has been left, or after a submit, so people
 * are not scolded for fields they have not reached yet.
 */
export interface ErrorVisibility {
  /** After a submit or an explicit validate: every error shows. */
  showAll: boolean;
  /** Ids of the inputs that have lost focus. */
  touched: ReadonlySet<string>;
}

export const ErrorVisibilityContext = createContext<ErrorVisibility>({
  showAll: true,
  touched: new Set(),
});

/**
 * Whether the field with this id shows its errors: rjsf ids nest as `parent_child`. Errors
 * about the resource as a whole (`isRoot`) wait for a submit.
 */
export function useErrorsVisible(id: string, isRoot = false): boolean {
  const { showAll, touched } = useContext(ErrorVisibilityContext);
  if (showAll) return true;
  if (isRoot) return false;
  if (touched.has(id)) return true;
  const prefix = `${id}_`;
  for (const t of touched) if (t.startsWith(prefix)) return true;
  return false;
}
