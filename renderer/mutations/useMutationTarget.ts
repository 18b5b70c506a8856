import type { CloudControlOperation, TypeDetails } from '../../shared/contract';
import { useBrowse } from '../store/browse-context';
import { useInventory } from '../store/inventory-context';
import { safetyOf } from '../store/safety';
import { useHeldReadOnly } from '../store/safety-context';

export interface MutationTarget {
  profile: string;
  type: TypeDetails;
}

/**
 * The profile and type the table's rows belong to, when `operation` may be offered on them:
 * the settings are read (so a read-only mark is known), the profile is not read-only (nor held
 * read-only by unreadable safety settings), and
 * the type's schema has a handler for it. Null hides the control.
 */
export function useMutationTarget(operation: CloudControlOperation): MutationTarget | null {
  const profile = useInventory((state) => state.scope?.profile ?? null);
  const scopeType = useInventory((state) => state.scope?.typeName ?? null);
  const type = useInventory((state) => state.type);
  const ready = useBrowse((state) => state.ready);
  const flagged = useBrowse((state) => safetyOf(state.safety, profile).readOnly);
  const held = useHeldReadOnly(profile);
  if (!ready || flagged || held || profile === null || type === null) return null;
  if (type.typeName !== scopeType || !type.operations.includes(operation)) return null;
  return { profile, type };
}
