import { useId, useMemo, useState } from 'react';
import type { DeleteItemResult, InventoryRow, TypeDetails } from '../../shared/contract';
import { typeLabel } from '../ui/type-label';
import { TextWithCode } from '../ui/TextWithCode';
import { useBrowse } from '../store/browse-context';
import { toDisplayError, type DisplayError } from '../store/errors';
import { isFinished } from '../store/requests';
import { useRequests, useRequestsStore } from '../store/requests-context';
import { safetyOf } from '../store/safety';
import { ErrorText } from '../ui/ErrorText';
import { Modal } from '../ui/Modal';
import { confirmationText, resourceName, typeNoun } from './resource-label';
import { StatusBadge } from './StatusBadge';
import './mutations.css';

interface DeleteDialogProps {
  profile: string;
  type: TypeDetails;
  rows: InventoryRow[];
  onClose: () => void;
}

/**
 * One confirmation for one or many resources, listing every one. On a production profile
 * the Delete button waits for the name (or the count) to be typed. After sending, each
 * item shows its own outcome, following its request to the end.
 */
export function DeleteDialog({ profile, type, rows, onClose }: DeleteDialogProps) {
  const production = useBrowse((state) => safetyOf(state.safety, profile).production);
  const requests = useRequestsStore();
  const [typed, setTyped] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<DisplayError | null>(null);
  const [results, setResults] = useState<DeleteItemResult[] | null>(null);
  const ids = useId();

  const expected = confirmationText(rows);
  const confirmed = !production || typed.trim() === expected;
  const single = rows.length === 1;
  const title = single
    ? `Delete this ${typeNoun(type.typeName)}?`
    : `Delete ${rows.length} ${typeLabel(type.typeName)}?`;

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const answer = await requests.getState().remove({
        profile,
        typeName: type.typeName,
        items: rows.map((row) => ({ region: row.region, identifier: row.identifier })),
      });
      setResults(answer);
    } catch (caught) {
      setError(toDisplayError(caught));
    } finally {
      setSending(false);
    }
  };

  if (results) {
    return (
      <Modal
        kind="delete"
        size="large"
        title={
          single
            ? `Deleting ${typeNoun(type.typeName)}`
            : `Deleting ${rows.length} ${typeLabel(type.typeName)}`
        }
        onClose={onClose}
      >
        <ResultList results={results} />
        <div className="mdialog-actions">
          <button type="button" className="button button-primary" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal kind="delete" size="large" title={title} onClose={onClose}>
      <form
        className="mdialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !sending) void send();
        }}
      >
        <p>
          With profile <strong>{profile}</strong>
          {production ? ', marked production' : ''}. Cloud Control deletes{' '}
          {single ? 'it' : 'each one'} for good; this cannot be undone.
        </p>
        <ul className="mlist" aria-label={single ? 'Resource to delete' : 'Resources to delete'}>
          {rows.map((row) => (
            <li key={row.key} className="mlist-item">
              <span className="mlist-name">{resourceName(row)}</span>
              {resourceName(row) !== row.identifier && (
                <code className="mlist-id">{row.identifier}</code>
              )}
              <span className="muted mlist-region">{row.region}</span>
            </li>
          ))}
        </ul>
        {production && (
          <div className="mconfirm">
            <label className="mfield-label" htmlFor={`${ids}-confirm`}>
              {single ? (
                <>
                  Type <code>{expected}</code> to confirm
                </>
              ) : (
                <>
                  Type the number of resources, <code>{expected}</code>, to confirm
                </>
              )}
            </label>
            <input
              id={`${ids}-confirm`}
              className="mfield-input"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
              }}
            />
          </div>
        )}
        {error && <ErrorText error={error} />}
        <div className="mdialog-actions">
          <button type="button" className="button" autoFocus={!production} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={!confirmed || sending}>
            {sending ? 'Deleting…' : single ? 'Delete' : `Delete ${rows.length}`}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** "2 deleted · 1 failed · 1 in flight", for the status line above the results. */
function tally(
  results: readonly DeleteItemResult[],
  statuses: ReadonlyMap<string, string>,
): string {
  let deleted = 0;
  let failed = 0;
  let running = 0;
  for (const result of results) {
    const status = result.request ? statuses.get(result.request.id) : 'NOT_SENT';
    if (status === 'SUCCESS') deleted++;
    else if (status === 'PENDING' || status === 'IN_PROGRESS' || status === undefined) running++;
    else failed++;
  }
  return [
    `${deleted} deleted`,
    ...(failed > 0 ? [`${failed} failed or cancelled`] : []),
    ...(running > 0 ? [`${running} in flight`] : []),
  ].join(' · ');
}

function ResultList({ results }: { results: DeleteItemResult[] }) {
  const ids = useMemo(
    () => new Set(results.flatMap((result) => (result.request ? [result.request.id] : []))),
    [results],
  );
  const summary = useRequests((state) =>
    tally(
      results,
      new Map(state.requests.filter((r) => ids.has(r.id)).map((r) => [r.id, r.status] as const)),
    ),
  );
  return (
    <>
      <p role="status" className="mresults-summary">
        {summary}
      </p>
      <ResultItems results={results} />
    </>
  );
}

function ResultItems({ results }: { results: DeleteItemResult[] }) {
  return (
    <ul className="mlist mresults" aria-label="Results">
      {results.map((result) => (
        <li key={`${result.region}/${result.identifier}`} className="mlist-item">
          <code className="mlist-id">{result.identifier}</code>
          <span className="muted mlist-region">{result.region}</span>
          {result.request ? (
            <TrackedOutcome id={result.request.id} />
          ) : (
            <span className="mresult-error">
              Not sent:{' '}
              <TextWithCode text={result.error?.message ?? 'Cloudshelf could not send it.'} />
              {result.error?.hint && (
                <span className="muted">
                  {' '}
                  <TextWithCode text={result.error.hint} />
                </span>
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One item's request as it goes: its status, and AWS's message when it failed. */
function TrackedOutcome({ id }: { id: string }) {
  const request = useRequests((state) => state.requests.find((known) => known.id === id));
  if (!request) return null;
  return (
    <span className="mresult" data-status={request.status}>
      <StatusBadge status={request.status} />
      {!isFinished(request.status) && (
        <span className="spinner mresult-spinner" aria-hidden="true" />
      )}
      {request.statusMessage && (
        <span className="mresult-message">
          <TextWithCode text={request.statusMessage} />
          {request.errorCode && <code className="ops-code"> {request.errorCode}</code>}
        </span>
      )}
    </span>
  );
}
