import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Operation, ProgressEvent } from '@aws-sdk/client-cloudcontrol';
import pLimit from 'p-limit';
import {
  canRetry,
  CloudshelfError,
  type CreateResourceArgs,
  type DeleteItemResult,
  type DeleteResourcesArgs,
  type TrackedRequest,
  type UpdateResourceArgs,
} from '../../../shared/contract';
import type { SessionProvider } from '../aws/session';
import type { EventBus } from '../events';
import { isAbortError } from '../inventory/abort';
import { createRateLimiters, type RateLimiters } from '../inventory/limiter';
import { defaultRetryPolicy, retryKindOf, type RetryPolicy } from '../inventory/retry';
import {
  cancelRequest,
  listInFlight,
  requestStatus,
  sendMutation,
  type RequestTarget,
} from './calls';
import { cancelError, errorCodeOf, mutationError, type MutationScope } from './errors';
import type { RequestJournal } from './journal';
import { applyProgress, isFinished, withChange } from './progress';
import { assertWritable, type SettingsSource } from './read-only';
import { adoptableRequest, groupUnfinished } from './reconcile';
import {
  defaultPollPolicy,
  nextPollAt,
  realClock,
  trackRequest,
  type PollClock,
  type PollPolicy,
} from './tracker';
import {
  carriesRedactions,
  redactRequest,
  writeOnlyPaths,
  type WriteOnlyPaths,
} from './write-only';

export interface MutationServiceOptions {
  sessions: SessionProvider;
  bus: EventBus;
  journal: RequestJournal;
  /** Cloudshelf's settings: a profile's `readOnly` flag refuses every change. */
  settings: SettingsSource;
  /**
   * The type's schema's `writeOnlyProperties` (JSON pointers), whose values are sent but
   * never shown or kept; undefined when the schema is unknown, which redacts every value.
   */
  writeOnlyProperties(typeName: string, region: string): Promise<readonly string[] | undefined>;
  log: (line: string) => void;
  /** Epoch milliseconds, for the journal's times and the tracker's waits. */
  now?: () => number;
  /** The per-(account, region) limiters scans use; shared so both count against one rate. */
  limiters?: RateLimiters;
  poll?: Partial<PollPolicy>;
  /** The tracker's sleep and jitter (its time is `now`). */
  clock?: Partial<Pick<PollClock, 'sleep' | 'random'>>;
  /** Retries around sending (throttling, dropped connections). */
  retry?: Partial<RetryPolicy>;
  /** Deletes a bulk delete sends at a time. Default 4. */
  concurrency?: number;
  newId?: () => string;
}

export interface MutationService {
  /** Answers once Cloud Control accepted the request; progress follows as `requests.changed`. */
  create(args: CreateResourceArgs): Promise<TrackedRequest>;
  update(args: UpdateResourceArgs): Promise<TrackedRequest>;
  /** One result per item, in order; one item's failure never stops the others. */
  delete(args: DeleteResourcesArgs): Promise<DeleteItemResult[]>;
  /** Every request in the journal, newest first. */
  list(): Promise<TrackedRequest[]>;
  cancel(id: string): Promise<TrackedRequest>;
  /** Sends a FAILED or CANCEL_COMPLETE request's operation again, as a new request. */
  retry(id: string): Promise<TrackedRequest>;
  /**
   * Picks up what the journal holds unfinished (after a restart): tracks requests AWS
   * accepted, re-sends the others with their own ClientToken. Resolves once each one is
   * with AWS again (or has ended); tracking goes on in the background. Runs once; later
   * calls answer the same promise.
   */
  resume(): Promise<void>;
  /** Resolves when Cloudshelf stops following the request (tests, the CLI). */
  settled(id: string): Promise<TrackedRequest | undefined>;
  /** Stops every tracker and waits for the journal; unfinished requests resume next start. */
  close(): Promise<void>;
}

type NewRequest = Pick<
  TrackedRequest,
  'profile' | 'region' | 'typeName' | 'operation' | 'identifier' | 'desiredState' | 'patch'
>;

const closedError = (): CloudshelfError =>
  new CloudshelfError(
    'Unavailable',
    'Cloudshelf is shutting down, so nothing was sent.',
    'Start Cloudshelf again, then try again.',
  );

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Whether AWS itself answered (a refusal), as opposed to a failure before or on the way. */
function answeredByAws(error: unknown): boolean {
  return (
    typeof (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata
      ?.httpStatusCode === 'number'
  );
}

const scopeOf = (request: TrackedRequest): MutationScope => ({
  operation: request.operation,
  profile: request.profile,
  typeName: request.typeName,
  region: request.region,
  identifier: request.operation === 'CREATE' ? null : request.identifier,
});

export function createMutationService(options: MutationServiceOptions): MutationService {
  const { sessions, bus, journal, settings, log } = options;
  const now = options.now ?? Date.now;
  const policy: PollPolicy = { ...defaultPollPolicy, ...options.poll };
  const clock: PollClock = { ...realClock, ...options.clock, now };
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const limiters = options.limiters ?? createRateLimiters();
  const newId = options.newId ?? randomUUID;
  const concurrency = options.concurrency ?? 4;

  const lifetime = new AbortController();
  // Every tracker and send listens to it.
  setMaxListeners(0, lifetime.signal);
  let closed = false;
  /**
   * Requests being sent again or tracked, by id: `sent` resolves once AWS has the request
   * (or it ended), `done` when Cloudshelf stops following it.
   */
  const drivers = new Map<string, { sent: Promise<void>; done: Promise<void> }>();
  /** Calls still sending, so close() waits for their journal writes. */
  const sending = new Set<Promise<unknown>>();
  let resuming: Promise<void> | undefined;

  const ensureOpen = (): void => {
    if (closed) throw closedError();
  };

  /** Which values of a request are write-only; every one of them when that cannot be told. */
  async function writeOnlyOf(request: TrackedRequest): Promise<WriteOnlyPaths> {
    if (request.desiredState === null && request.patch === null) return [];
    try {
      const paths = writeOnlyPaths(
        await options.writeOnlyProperties(request.typeName, request.region),
      );
      if (paths === 'all') {
        log(`requests: no schema for ${request.typeName}; every value it sends is redacted`);
      }
      return paths;
    } catch (error) {
      log(
        `requests: could not read the schema of ${request.typeName} (${describe(error)}); every value it sends is redacted`,
      );
      return 'all';
    }
  }

  async function target(profile: string, region: string): Promise<RequestTarget> {
    const [clients, account] = await Promise.all([
      sessions.clients(profile, region),
      sessions.account(profile),
    ]);
    return { client: clients.cloudControl, limiter: limiters.forRegion(account, region), retry };
  }

  /** Changes a journal entry; a change is written, then told to every client. */
  async function record(
    id: string,
    change: (current: TrackedRequest) => TrackedRequest,
  ): Promise<TrackedRequest | undefined> {
    const result = await journal.update(id, change);
    if (!result) return undefined;
    if (result.changed) {
      try {
        await result.written;
      } catch (error) {
        // The change still holds in memory and reaches the window; the next write retries.
        log(`requests: could not write the journal (${describe(error)})`);
      }
      bus.emit('requests.changed', result.request);
      if (isFinished(result.request.status)) {
        const r = result.request;
        log(
          `requests: ${r.id} ${r.operation} ${r.typeName} in ${r.region} ${r.status}${r.errorCode ? ` (${r.errorCode})` : ''}`,
        );
      }
    }
    return result.request;
  }

  const progress = (id: string, event: ProgressEvent) =>
    record(id, (current) => applyProgress(current, event, now()));

  const fail = (id: string, errorCode: string, statusMessage: string) =>
    record(id, (current) =>
      withChange(current, { status: 'FAILED', errorCode, statusMessage }, now()),
    );

  /** A note on a request whose status Cloudshelf cannot move on for now. */
  const note = (id: string, statusMessage: string) =>
    record(id, (current) => withChange(current, { statusMessage }, now()));

  function fresh(fields: NewRequest): TrackedRequest {
    const at = now();
    return {
      ...fields,
      id: newId(),
      requestToken: null,
      status: 'PENDING',
      statusMessage: null,
      errorCode: null,
      startedAt: at,
      updatedAt: at,
      finishedAt: null,
    };
  }

  /**
   * Journals the request, then sends it. The entry is on disk before AWS hears of it, so a
   * crash in between leaves something resume() can re-send with the same ClientToken. What
   * is journaled, answered and told has write-only values redacted; the values as sent are
   * kept sealed in the journal only until AWS accepts the request.
   */
  async function submit(request: TrackedRequest): Promise<TrackedRequest> {
    ensureOpen();
    const scope = scopeOf(request);
    let to: RequestTarget;
    let paths: WriteOnlyPaths;
    try {
      [to, paths] = await Promise.all([
        target(request.profile, request.region),
        writeOnlyOf(request),
      ]);
    } catch (error) {
      throw mutationError(error, scope);
    }
    const { shown, sent: kept } = redactRequest(request, paths);
    ensureOpen();
    try {
      await journal.put(shown, kept);
    } catch (error) {
      throw new CloudshelfError(
        'Unavailable',
        `Cloudshelf could not write its request journal, so nothing was sent (${describe(error)}).`,
        'Check that the disk has free space and Cloudshelf\u2019s data folder is writable, then try again.',
      );
    }
    let event: ProgressEvent;
    try {
      event = await sendMutation(to, request, lifetime.signal);
    } catch (error) {
      // Shutting down mid-send: AWS may have it; resume() re-sends with the same token.
      if (lifetime.signal.aborted || isAbortError(error)) throw closedError();
      if (retryKindOf(error) !== undefined) {
        // No answer after every retry: AWS may have the request. Keep it and keep sending
        // it with the same ClientToken, which can never apply it twice.
        log(`requests: ${request.id} not confirmed yet (${describe(error)}); sending again`);
        const noted = await record(request.id, (current) =>
          withChange(
            current,
            {
              statusMessage:
                'Cloud Control has not confirmed this request yet; Cloudshelf keeps sending it with the same client token, so it is applied at most once.',
            },
            now(),
          ),
        );
        void drive(request.id);
        return noted ?? shown;
      }
      // A refusal: nothing was started, so there is nothing to track or re-send.
      await journal.remove(request.id).catch((removeError: unknown) => {
        log(`requests: could not drop ${request.id} from the journal (${describe(removeError)})`);
      });
      throw mutationError(error, scope);
    }
    log(
      `requests: ${request.id} ${request.operation} ${request.typeName} in ${request.region} accepted`,
    );
    const accepted = (await progress(request.id, event)) ?? shown;
    void drive(request.id, event);
    return accepted;
  }

  /** Runs `work` as a call close() waits for. */
  function sendingCall<T>(work: Promise<T>): Promise<T> {
    sending.add(work);
    const done = (): void => {
      sending.delete(work);
    };
    work.then(done, done);
    return work;
  }

  /**
   * Starts following a request in the background, unless it already is. Resolves once AWS
   * has the request (a journaled one is sent again first), or it ended.
   */
  function drive(id: string, last?: ProgressEvent): Promise<void> {
    const running = drivers.get(id);
    if (running) return running.sent;
    if (closed) return Promise.resolve();
    let markSent = (): void => undefined;
    const sent = new Promise<void>((resolve) => {
      markSent = resolve;
    });
    const done = follow(id, last, markSent)
      .catch((error: unknown) => {
        // Closing interrupts waits with an AbortError: the request simply resumes next start.
        if (!isAbortError(error)) log(`requests: tracking ${id} stopped (${describe(error)})`);
      })
      .finally(() => {
        markSent();
        drivers.delete(id);
      });
    drivers.set(id, { sent, done });
    return sent;
  }

  async function follow(id: string, accepted: ProgressEvent | undefined, sent: () => void) {
    const signal = lifetime.signal;
    let request = await journal.get(id);
    let last = accepted;
    if (!request || isFinished(request.status)) return;
    if (request.requestToken === null) {
      let sendable: TrackedRequest | undefined;
      try {
        sendable = await journal.sendable(id);
      } catch (error) {
        // Left unfinished: the next start (perhaps the desktop app's) may open them.
        await note(
          id,
          error instanceof CloudshelfError
            ? [error.message, error.hint].filter(Boolean).join(' ')
            : describe(error),
        );
        return;
      }
      if (!sendable) return;
      last = await sendUntilAccepted(sendable);
      if (!last) return;
      request = await progress(id, last);
      if (!request) return;
    }
    sent();
    const { profile, region, requestToken } = request;
    if (requestToken === null) {
      log(`requests: ${id} was accepted without a request token; it cannot be tracked`);
      return;
    }
    const end = await trackRequest({
      requestToken,
      ...(last ? { last } : {}),
      status: async (token, s) => requestStatus(await target(profile, region), token, s),
      onProgress: async (event) => {
        await progress(id, event);
      },
      onRetry: (error) => {
        log(`requests: ${id} status check failed (${describe(error)}); trying again`);
      },
      policy,
      clock,
      signal,
    });
    switch (end.kind) {
      case 'finished':
      case 'stopped':
        return;
      case 'unknown-token':
        await record(id, (current) =>
          withChange(
            current,
            {
              status: 'FAILED',
              errorCode: 'RequestTokenNotFound',
              statusMessage: `Cloud Control no longer knows this request (${end.error.message}), so its outcome is unknown; look at the resource itself to see whether the change was made.`,
            },
            now(),
          ),
        );
        return;
      case 'failing':
        await note(
          id,
          `Cloudshelf stopped checking this request because the status checks kept failing (${describe(end.error)}); it checks again the next time Cloudshelf starts.`,
        );
        return;
    }
  }

  /**
   * Sends a journaled request until AWS accepts or refuses it, with the same ClientToken
   * every time. Answers the accepting ProgressEvent, or undefined when it ended (refused, closed,
   * or unreachable for now: then it stays unfinished for the next start).
   */
  async function sendUntilAccepted(request: TrackedRequest): Promise<ProgressEvent | undefined> {
    const signal = lifetime.signal;
    for (let attempt = 0; ; attempt++) {
      try {
        // The flag may have been set since the request was journaled: nothing new goes out.
        await assertWritable(settings, request.profile);
      } catch (error) {
        if (error instanceof CloudshelfError && error.code === 'ReadOnlyProfile') {
          await fail(request.id, error.code, `Not sent again: ${error.message}`);
        } else {
          await note(
            request.id,
            `Cloudshelf could not read its settings to send this request again (${describe(error)}); it tries again the next time Cloudshelf starts.`,
          );
        }
        return undefined;
      }
      try {
        return await sendMutation(await target(request.profile, request.region), request, signal);
      } catch (error) {
        if (signal.aborted || isAbortError(error)) return undefined;
        if (retryKindOf(error) === undefined) {
          if (answeredByAws(error)) {
            await fail(
              request.id,
              errorCodeOf(error),
              mutationError(error, scopeOf(request)).message,
            );
          } else {
            // Not refused by AWS (e.g. credentials need a sign-in): try at the next start.
            await note(
              request.id,
              `Cloudshelf could not send this request again (${mutationError(error, scopeOf(request)).message}); it tries again the next time Cloudshelf starts.`,
            );
          }
          return undefined;
        }
        log(`requests: ${request.id} still not confirmed (${describe(error)}); sending again`);
        const at = nextPollAt(undefined, attempt, policy, clock);
        for (let left = at - clock.now(); left > 0; left = at - clock.now()) {
          await clock.sleep(Math.min(left, policy.maxDelayMs), signal);
        }
      }
    }
  }

  async function known(id: string): Promise<TrackedRequest> {
    const request = await journal.get(id);
    if (!request) {
      throw new CloudshelfError(
        'NotFound',
        `Cloudshelf has no request ${id} in its journal.`,
        'It may be older than the 500 most recent finished requests the journal keeps; refresh the list of requests.',
      );
    }
    return request;
  }

  /** Redacts what a journal from before write-only values were redacted still holds. */
  async function redactOlderEntries(): Promise<void> {
    const older = await journal.unredacted();
    if (older.length === 0) return;
    try {
      // Together, so the journal writes them in a few writes rather than one each.
      await Promise.all(
        older.map(async (request) => {
          const { shown, sent } = redactRequest(request, await writeOnlyOf(request));
          // Kept (sealed) only while it may still have to be sent again.
          await journal.put(shown, sent);
        }),
      );
      log(`requests: redacted write-only values in ${String(older.length)} older journal entries`);
    } catch (error) {
      // Tracking matters more; the next start tries again.
      log(`requests: could not redact older journal entries (${describe(error)})`);
    }
  }

  /** Requests this run picked up from the journal (`TrackedRequest.resumed`); never stored. */
  const resumedIds = new Set<string>();

  async function resumeOnce(): Promise<void> {
    await redactOlderEntries();
    const groups = groupUnfinished(await journal.list());
    for (const group of groups) for (const request of group.requests) resumedIds.add(request.id);
    const claimed = new Set(
      groups.flatMap((g) => g.requests.flatMap((r) => (r.requestToken ? [r.requestToken] : []))),
    );
    const sent: Promise<void>[] = [];
    await Promise.all(
      groups.map(async (group) => {
        const operations = [...new Set(group.requests.map((r) => r.operation))] as Operation[];
        let inFlight: ProgressEvent[] = [];
        try {
          inFlight = await listInFlight(
            await target(group.profile, group.region),
            operations,
            lifetime.signal,
          );
        } catch (error) {
          // Only a cross-check: each request is still asked about (or re-sent) on its own.
          log(
            `requests: could not list requests in flight for ${group.profile} in ${group.region} (${describe(error)})`,
          );
        }
        for (const request of group.requests) {
          if (closed || drivers.has(request.id)) continue;
          const listed =
            request.requestToken === null
              ? adoptableRequest(request, inFlight, claimed)
              : inFlight.find((event) => event.RequestToken === request.requestToken);
          if (listed?.RequestToken && request.requestToken === null) {
            claimed.add(listed.RequestToken);
            log(`requests: ${request.id} matched in-flight request ${listed.RequestToken}`);
          }
          if (listed) await progress(request.id, listed);
          sent.push(drive(request.id, listed));
        }
      }),
    );
    if (sent.length > 0) log(`requests: resuming ${String(sent.length)} unfinished requests`);
    await Promise.all(sent);
  }

  return {
    async create(args) {
      ensureOpen();
      await assertWritable(settings, args.profile);
      return sendingCall(
        submit(
          fresh({
            profile: args.profile,
            region: args.region,
            typeName: args.typeName,
            operation: 'CREATE',
            identifier: null,
            desiredState: args.desiredState,
            patch: null,
          }),
        ),
      );
    },

    async update(args) {
      ensureOpen();
      await assertWritable(settings, args.profile);
      return sendingCall(
        submit(
          fresh({
            profile: args.profile,
            region: args.region,
            typeName: args.typeName,
            operation: 'UPDATE',
            identifier: args.identifier,
            desiredState: null,
            patch: args.patch,
          }),
        ),
      );
    },

    async delete(args) {
      ensureOpen();
      await assertWritable(settings, args.profile);
      const limit = pLimit(concurrency);
      return Promise.all(
        args.items.map((item) =>
          limit(async (): Promise<DeleteItemResult> => {
            const request = fresh({
              profile: args.profile,
              region: item.region,
              typeName: args.typeName,
              operation: 'DELETE',
              identifier: item.identifier,
              desiredState: null,
              patch: null,
            });
            try {
              const sent = await sendingCall(submit(request));
              return { ...item, request: sent, error: null };
            } catch (error) {
              const failure =
                error instanceof CloudshelfError ? error : mutationError(error, scopeOf(request));
              return { ...item, request: null, error: failure.toPayload() };
            }
          }),
        ),
      );
    },

    async list() {
      const requests = await journal.list();
      return requests.map((request) =>
        resumedIds.has(request.id) ? { ...request, resumed: true } : request,
      );
    },

    async cancel(id) {
      ensureOpen();
      const request = await known(id);
      if (isFinished(request.status)) {
        throw new CloudshelfError(
          'InvalidArguments',
          `This request has already finished (${request.status}), so there is nothing to cancel.`,
        );
      }
      const { requestToken } = request;
      if (requestToken === null) {
        throw new CloudshelfError(
          'Unavailable',
          'Cloud Control has not confirmed this request yet, so it cannot be cancelled yet.',
          'Try again in a moment.',
        );
      }
      let event: ProgressEvent;
      try {
        const to = await target(request.profile, request.region);
        event = await cancelRequest(to, requestToken, lifetime.signal);
      } catch (error) {
        // Make sure the final status arrives, even if tracking had given up before.
        if (error instanceof Error && error.name === 'InvalidRequestException') void drive(id);
        throw cancelError(error, scopeOf(request));
      }
      log(`requests: ${id} cancel requested`);
      const updated = (await progress(id, event)) ?? request;
      // Tracking may have given up earlier (failing checks); follow the cancel to its end.
      void drive(id, event);
      return updated;
    },

    async retry(id) {
      ensureOpen();
      const original = await known(id);
      if (!canRetry(original.status)) {
        throw new CloudshelfError(
          'InvalidArguments',
          `Only failed or cancelled requests can be sent again; this one is ${original.status}.`,
          original.status === 'SUCCESS'
            ? 'It succeeded: there is nothing to send again.'
            : 'Wait for it to finish, or cancel it first.',
        );
      }
      if (carriesRedactions(original)) {
        throw new CloudshelfError(
          'InvalidArguments',
          'This request carried write-only values (such as a password), which Cloudshelf does not keep once AWS has the request, so it cannot be sent again as it was.',
          original.operation === 'CREATE'
            ? 'Use Create resource again and enter those values again.'
            : 'Use Edit again and enter those values again.',
        );
      }
      await assertWritable(settings, original.profile);
      return sendingCall(
        submit(
          fresh({
            profile: original.profile,
            region: original.region,
            typeName: original.typeName,
            operation: original.operation,
            // A failed create may carry the identifier it would have had; a new create has none.
            identifier: original.operation === 'CREATE' ? null : original.identifier,
            desiredState: original.desiredState,
            patch: original.patch,
          }),
        ),
      );
    },

    resume() {
      resuming ??= resumeOnce().catch((error: unknown) => {
        log(`requests: could not resume unfinished requests (${describe(error)})`);
      });
      return resuming;
    },

    async settled(id) {
      await drivers.get(id)?.done;
      return journal.get(id);
    },

    async close() {
      closed = true;
      lifetime.abort();
      await Promise.allSettled([...sending]);
      if (resuming) await resuming;
      await Promise.allSettled([...drivers.values()].map((d) => d.done));
      await journal.flush();
    },
  };
}
