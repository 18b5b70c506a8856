import { useShallow } from 'zustand/react/shallow';
import type { RegionScanStatus } from '../../shared/contract';
import { perParentNote } from '../../shared/inventory/listing';
import { useInventory } from '../store/inventory-context';
import { TextWithCode } from '../ui/TextWithCode';
import './browse.css';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** What a region's chip says about its scan. */
export function stateText(status: RegionScanStatus): string {
  switch (status.state) {
    case 'queued':
      return 'queued';
    case 'listing':
      return status.listed > 0 ? `listing… ${status.listed}` : 'listing…';
    case 'hydrating':
      return `hydrating ${status.hydrated} / ${status.listed}`;
    case 'done':
      return `done (${status.hydrated})`;
    case 'skipped':
      return 'skipped (not offered)';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      // The rows it read before failing stay in the table; its list is incomplete.
      return status.hydrated > 0 ? `failed after ${plural(status.hydrated, 'row')}` : 'failed';
  }
}

/** Rows of a global type this region listed that no region could read; null when none. */
export function missingText(status: RegionScanStatus): string | null {
  const { unread } = status;
  if (unread === undefined || unread === 0) return null;
  const them = unread === 1 ? 'it' : 'them';
  return `${plural(unread, 'row')} it listed ${unread === 1 ? 'is' : 'are'} missing: every region that listed ${them} failed to read ${them}.`;
}

/** "3 of 4 regions done · 1 failed · 80 resources" (rows null: without the count). */
export function stripSummary(statuses: readonly RegionScanStatus[], rows: number | null): string {
  const finished = statuses.filter((s) => s.state === 'done' || s.state === 'skipped').length;
  const failed = statuses.filter((s) => s.state === 'failed').length;
  const missing = statuses.reduce((sum, s) => sum + (s.unread ?? 0), 0);
  const parts = [
    `${finished} of ${plural(statuses.length, 'region')} done`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(missing > 0 ? [`${missing} missing`] : []),
    ...(rows === null ? [] : [plural(rows, 'resource')]),
  ];
  return parts.join(' · ');
}

/**
 * How each region's scan is going, above the table: one chip per region, failures with
 * their reason, what to do, and a Retry; Refresh (or Stop while scanning) for the whole scope.
 */
export function RegionStatusStrip({ showFailures = true }: { showFailures?: boolean }) {
  const { scope, regions, phase, rows } = useInventory(
    useShallow((state) => ({
      scope: state.scope,
      regions: state.regions,
      phase: state.phase,
      rows: state.index?.size ?? 0,
    })),
  );
  const { refresh, cancel, retryRegion } = useInventory(
    useShallow((state) => ({
      refresh: state.refresh,
      cancel: state.cancel,
      retryRegion: state.retryRegion,
    })),
  );
  if (scope === null) return null;

  const statuses = scope.regions.map(
    (region): RegionScanStatus =>
      regions[region] ?? { scanId: '', region, state: 'queued', listed: 0, hydrated: 0 },
  );
  const failures = statuses.filter((status) => status.state === 'failed');
  const busy = phase === 'describing' || phase === 'scanning';
  const listingNote = perParentNote(scope.typeName);

  return (
    <section className="region-strip" aria-label="Scan progress">
      <div className="region-strip-row">
        <ul className="region-chips">
          {statuses.map((status) => (
            <li
              key={status.region}
              className={`region-chip region-chip-${status.state}`}
              data-region={status.region}
              data-state={status.state}
              title={status.error ? status.error.message : undefined}
            >
              <span className="region-chip-code">{status.region}</span>
              <span className="region-chip-state">{stateText(status)}</span>
            </li>
          ))}
        </ul>
        <span className="region-summary" aria-hidden="true">
          {stripSummary(statuses, rows)}
        </span>
        {/* Read out when a region ends, not on every frame of rows. */}
        <span className="visually-hidden" role="status" aria-live="polite">
          {busy ? stripSummary(statuses, null) : stripSummary(statuses, rows)}
        </span>
        {busy ? (
          <button
            type="button"
            className="button button-small"
            title="Stop the scan; the rows read so far stay"
            onClick={() => void cancel()}
          >
            Stop
          </button>
        ) : (
          <button
            type="button"
            className="button button-small"
            title="Scan the chosen regions again"
            onClick={() => void refresh()}
          >
            Refresh
          </button>
        )}
      </div>
      {listingNote !== null && <p className="region-strip-note muted">{listingNote}</p>}
      {showFailures && failures.length > 0 && (
        <ul className="region-failures">
          {failures.map((status) => (
            <li key={status.region} className="region-failure" data-region={status.region}>
              <span className="region-failure-code">{status.region}</span>
              <span className="region-failure-text">
                <TextWithCode text={status.error?.message ?? 'The scan failed.'} />
                {status.error?.hint && (
                  <span className="muted">
                    {' '}
                    <TextWithCode text={status.error.hint} />
                  </span>
                )}
                {missingText(status) !== null && (
                  <span className="region-failure-missing"> {missingText(status)}</span>
                )}
              </span>
              <button
                type="button"
                className="button button-small"
                aria-label={`Retry ${status.region}`}
                onClick={() => void retryRegion(status.region)}
              >
                Retry
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
