import { useId, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  carriesRedactions,
  type MutationOperation,
  type TrackedRequest,
} from '../../shared/contract';
import { TextWithCode } from '../ui/TextWithCode';
import { useBrowse } from '../store/browse-context';
import { canCancel, canRetry, isFinished } from '../store/requests';
import { useHeldReadOnly } from '../store/safety-context';
import { useRequests, useRequestsStore } from '../store/requests-context';
import { elapsedOf, formatElapsed } from './elapsed';
import { requestSubject } from './resource-label';
import { StatusBadge } from './StatusBadge';
import { useNow } from './useNow';
import './mutations.css';

export const OPERATIONS_PANEL_ID = 'operations-panel';
const OPERATIONS_BUTTON_ID = 'operations-button';

const verbs: Record<MutationOperation, string> = {
  CREATE: 'Create',
  UPDATE: 'Update',
  DELETE: 'Delete',
};

/** The status bar's way in: how many requests are still running, and a toggle. */
export function OperationsButton() {
  const { open, running, failed } = useRequests(
    useShallow((state) => ({
      open: state.panelOpen,
      running: state.requests.filter((request) => !isFinished(request.status)).length,
      failed: state.requests.filter((request) => request.status === 'FAILED').length,
    })),
  );
  const store = useRequestsStore();
  return (
    <>
      <FinishedAnnouncer />
      <button
        type="button"
        id={OPERATIONS_BUTTON_ID}
        className="statusbar-button"
        aria-expanded={open}
        aria-controls={OPERATIONS_PANEL_ID}
        title={failed > 0 ? `${failed} failed` : 'Creates, updates and deletes'}
        onClick={() => {
          store.getState().setPanelOpen(!open);
        }}
      >
        {running > 0 ? `Operations (${running})` : 'Operations'}
      </button>
    </>
  );
}

/** The newest request that ended, as a sentence, e.g. "Create of my-image: FAILED". */
function lastFinished(requests: readonly TrackedRequest[]): string {
  let last: TrackedRequest | null = null;
  for (const request of requests) {
    if (
      request.finishedAt !== null &&
      (last === null || request.finishedAt > (last.finishedAt ?? 0))
    )
      last = request;
  }
  if (!last) return '';
  const subject = requestSubject(last) ?? last.typeName;
  return `${verbs[last.operation]} of ${subject}: ${last.status}`;
}

/**
 * Says when a request ends, for screen readers, whether or not the panel is open. Requests
 * already finished when Cloudshelf started are not news, so it starts silent.
 */
function FinishedAnnouncer() {
  const loaded = useRequests((state) => state.loaded);
  const text = useRequests((state) => lastFinished(state.requests));
  const [initial, setInitial] = useState<string | null>(null);
  if (loaded && initial === null) setInitial(text);
  return (
    <span className="visually-hidden" role="status">
      {initial !== null && text !== initial ? text : ''}
    </span>
  );
}

/** Every create, update and delete, newest first, with Cancel and Retry where they apply. */
export function OperationsPanel() {
  const { open, requests, loadError } = useRequests(
    useShallow((state) => ({
      open: state.panelOpen,
      requests: state.requests,
      loadError: state.loadError,
    })),
  );
  const store = useRequestsStore();
  const titleId = useId();
  const running = requests.some((request) => !isFinished(request.status));
  const now = useNow(open && running);
  if (!open) return null;

  const close = () => {
    store.getState().setPanelOpen(false);
    document.getElementById(OPERATIONS_BUTTON_ID)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };

  return (
    <section
      id={OPERATIONS_PANEL_ID}
      className="ops"
      role="region"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <header className="ops-head">
        <h2 id={titleId} className="ops-title">
          Operations
        </h2>
        <span className="muted">
          {running
            ? `${requests.filter((r) => !isFinished(r.status)).length} in flight`
            : 'Nothing in flight'}
        </span>
        <span className="ops-spacer" />
        <button
          type="button"
          className="button button-quiet ops-small"
          aria-keyshortcuts="Escape"
          onClick={close}
        >
          Hide
        </button>
      </header>
      <div className="ops-body">
        {loadError && (
          <p className="ops-error">
            Earlier requests could not be listed: <TextWithCode text={loadError.message} />
            {loadError.hint && (
              <span className="muted">
                {' '}
                <TextWithCode text={loadError.hint} />
              </span>
            )}
          </p>
        )}
        {requests.length === 0 ? (
          <p className="muted ops-empty">
            Creates, updates and deletes appear here, followed until AWS says they succeeded, failed
            or were cancelled.
          </p>
        ) : (
          <table className="ops-table">
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col">Type</th>
                <th scope="col">Resource</th>
                <th scope="col">Region</th>
                <th scope="col">Status</th>
                <th scope="col">Elapsed</th>
                <th scope="col">Message</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <OperationRow key={request.id} request={request} now={now} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function OperationRow({ request, now }: { request: TrackedRequest; now: number }) {
  const store = useRequestsStore();
  const busy = useRequests((state) => state.busy[request.id]);
  const error = useRequests((state) => state.actionErrors[request.id]);
  const flagged = useBrowse((state) => state.safety[request.profile]?.readOnly === true);
  const held = useHeldReadOnly(request.profile);
  const readOnly = flagged || held;
  const subject = requestSubject(request) ?? '—';
  const verb = verbs[request.operation];
  return (
    <tr data-request-id={request.id} data-status={request.status}>
      <td>{verb}</td>
      <td className="ops-mono">{request.typeName}</td>
      <td className="ops-mono ops-subject" title={subject}>
        {subject}
      </td>
      <td className="ops-mono">{request.region}</td>
      <td>
        <StatusBadge status={request.status} />
      </td>
      <td className="ops-num">
        {formatElapsed(elapsedOf(request, Math.max(now, request.updatedAt)))}
      </td>
      <td className="ops-message">
        {request.statusMessage && <TextWithCode text={request.statusMessage} />}
        {request.errorCode && (
          <>
            {' '}
            <code className="ops-code">{request.errorCode}</code>
          </>
        )}
        {error && (
          <span className="ops-action-error">
            {' '}
            <TextWithCode text={error.message} />
            {error.hint && (
              <span className="muted">
                {' '}
                <TextWithCode text={error.hint} />
              </span>
            )}
          </span>
        )}
      </td>
      <td className="ops-actions">
        {canCancel(request.status) && (
          <button
            type="button"
            className="button ops-small"
            disabled={busy !== undefined}
            aria-label={`Cancel ${verb.toLowerCase()} of ${subject}`}
            onClick={() => void store.getState().cancel(request.id)}
          >
            {busy === 'cancel' ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {canRetry(request.status) && !readOnly && carriesRedactions(request) && (
          <span
            className="muted ops-small"
            title="Cloudshelf does not keep write-only values (such as passwords) once AWS has the request"
          >
            {request.operation === 'CREATE' ? 'Create it again to retry' : 'Edit it again to retry'}
          </span>
        )}
        {canRetry(request.status) && !readOnly && !carriesRedactions(request) && (
          <button
            type="button"
            className="button ops-small"
            disabled={busy !== undefined}
            aria-label={`Retry ${verb.toLowerCase()} of ${subject}`}
            onClick={() => void store.getState().retry(request.id)}
          >
            {busy === 'retry' ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </td>
    </tr>
  );
}
