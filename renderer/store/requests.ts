import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  isFinished,
  type CloudshelfApi,
  type CreateResourceArgs,
  type DeleteItemResult,
  type DeleteResourcesArgs,
  type TrackedRequest,
  type UpdateResourceArgs,
} from '../../shared/contract';
import { toDisplayError, type DisplayError } from './errors';

// The rules live beside RequestStatus, shared with the main process; re-exported for the panels.
export { canCancel, canRetry, isFinished } from '../../shared/contract';

export type RequestAction = 'cancel' | 'retry';

/** The operations panel: every tracked create, update and delete, and what can be done. */
export interface RequestsState {
  /** Newest first. */
  requests: TrackedRequest[];
  /** requests.list has answered (or failed). */
  loaded: boolean;
  loadError: DisplayError | null;
  /** By request id: a Cancel or Retry call in flight. */
  busy: Record<string, RequestAction>;
  /** By request id: why the last Cancel or Retry failed. */
  actionErrors: Record<string, DisplayError>;
  panelOpen: boolean;
}

export type SuccessListener = (request: TrackedRequest) => void;

export interface RequestsActions {
  /** Subscribes to requests.changed, then lists the journal; returns the cleanup. */
  start: () => () => void;
  /** Adds a request (e.g. a mutation call's answer) or applies a newer state of one. */
  track: (request: TrackedRequest) => void;
  /**
   * Send a mutation and track what Cloud Control accepted. They reject as the call did
   * (validation, a read-only profile), for the dialog to show.
   */
  create: (args: CreateResourceArgs) => Promise<TrackedRequest>;
  update: (args: UpdateResourceArgs) => Promise<TrackedRequest>;
  /** Per item: its tracked request, or why it could not be sent. */
  remove: (args: DeleteResourcesArgs) => Promise<DeleteItemResult[]>;
  cancel: (id: string) => Promise<void>;
  /** Sends a failed or cancelled request again; answers the new request, or null. */
  retry: (id: string) => Promise<TrackedRequest | null>;
  setPanelOpen: (open: boolean) => void;
  /**
   * Runs once for each request seen reaching SUCCESS while Cloudshelf watches (not for old
   * successes in the journal), so the table can follow. Returns the unsubscribe.
   */
  onSuccess: (listener: SuccessListener) => () => void;
}

export type RequestsStore = StoreApi<RequestsState & RequestsActions>;

/** Whether `incoming` is news about `current`: events can arrive after the call's answer. */
function isNewer(current: TrackedRequest, incoming: TrackedRequest): boolean {
  if (isFinished(current.status) && !isFinished(incoming.status)) return false;
  return incoming.updatedAt >= current.updatedAt;
}

/** Inserts keeping newest-first order by start time (ties: the newcomer first). */
function insertByStart(list: TrackedRequest[], request: TrackedRequest): TrackedRequest[] {
  const at = list.findIndex((other) => other.startedAt <= request.startedAt);
  return at < 0 ? [...list, request] : [...list.slice(0, at), request, ...list.slice(at)];
}

const without = <T>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([id]) => id !== key));

export function createRequestsStore(api: CloudshelfApi): RequestsStore {
  const listeners = new Set<SuccessListener>();

  return createStore<RequestsState & RequestsActions>()((set, get) => {
    function notify(request: TrackedRequest): void {
      for (const listener of [...listeners]) {
        try {
          listener(request);
        } catch (error) {
          // One follower failing must not stop the others (or the panel) from updating.
          console.warn('Cloudshelf could not follow a finished request:', error);
        }
      }
    }

    /** Applies one request; `live` says it happened now, so a success is announced. */
    function upsert(request: TrackedRequest, live: boolean): void {
      const { requests } = get();
      const at = requests.findIndex((known) => known.id === request.id);
      const current = at < 0 ? undefined : requests[at];
      if (current && !isNewer(current, request)) return;
      const next = current
        ? requests.map((known, i) => (i === at ? request : known))
        : insertByStart(requests, request);
      set({ requests: next });
      const wasSuccess = current?.status === 'SUCCESS';
      if (request.status === 'SUCCESS' && !wasSuccess && (live || current !== undefined)) {
        notify(request);
      }
    }

    async function act<T>(
      id: string,
      action: RequestAction,
      call: () => Promise<T>,
    ): Promise<T | null> {
      if (get().busy[id]) return null;
      set({ busy: { ...get().busy, [id]: action }, actionErrors: without(get().actionErrors, id) });
      try {
        return await call();
      } catch (error) {
        set({ actionErrors: { ...get().actionErrors, [id]: toDisplayError(error) } });
        return null;
      } finally {
        set({ busy: without(get().busy, id) });
      }
    }

    return {
      requests: [],
      loaded: false,
      loadError: null,
      busy: {},
      actionErrors: {},
      panelOpen: false,

      start() {
        let live = true;
        // Listening first: a change between the list and the subscription is not lost.
        const stop = api.on('requests.changed', (request) => {
          upsert(request, true);
        });
        api.requests.list().then(
          ({ requests }) => {
            if (!live) return;
            for (const request of requests) upsert(request, false);
            // Requests a previous run left in flight are tracked again: show them (still in
            // flight, or finished by the host before this window opened), or a user who quit
            // mid-create would not know what became of it.
            const resumed = requests.some(
              (request) => request.resumed === true || !isFinished(request.status),
            );
            set({ loaded: true, loadError: null, ...(resumed ? { panelOpen: true } : {}) });
          },
          (error: unknown) => {
            if (live) set({ loaded: true, loadError: toDisplayError(error) });
          },
        );
        return () => {
          live = false;
          stop();
        };
      },

      track(request) {
        upsert(request, true);
      },

      async create(args) {
        const request = await api.resources.create(args);
        upsert(request, true);
        return request;
      },

      async update(args) {
        const request = await api.resources.update(args);
        upsert(request, true);
        return request;
      },

      async remove(args) {
        const { results } = await api.resources.delete(args);
        for (const result of results) if (result.request) upsert(result.request, true);
        return results;
      },

      async cancel(id) {
        const answer = await act(id, 'cancel', () => api.requests.cancel({ id }));
        if (answer) upsert(answer, true);
      },

      async retry(id) {
        const answer = await act(id, 'retry', () => api.requests.retry({ id }));
        if (answer) upsert(answer, true);
        return answer;
      },

      setPanelOpen(open) {
        set({ panelOpen: open });
      },

      onSuccess(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    };
  });
}
