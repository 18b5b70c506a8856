import type { RequestStatus } from '../../shared/contract';

/** Cloud Control's own status word, coloured by outcome, so it matches what the CLI prints. */
export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`ops-status is-${status.toLowerCase()}`}>{status}</span>;
}
