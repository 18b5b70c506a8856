import { chmod, copyFile, readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { CloudshelfError, TrackedRequest } from '../../../shared/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { isFinished } from './progress';
import { plainSecretBox, type SecretBox } from './secret-box';
import type { SentValues } from './write-only';

/**
 * The request journal: every create, update and delete Cloudshelf sent, on disk, so tracking
 * survives a restart. Entries are written before a request goes to AWS (see service.ts).
 * Entries hold what may be shown (write-only values redacted); the values as sent are kept
 * beside an entry, sealed, only while a crash could make Cloudshelf send it again: until AWS
 * has accepted it (it has a RequestToken) or it ended.
 */
export interface RequestJournal {
  /** Every request, newest first. */
  list(): Promise<TrackedRequest[]>;
  get(id: string): Promise<TrackedRequest | undefined>;
  /**
   * Adds or replaces a request; resolves once the file holds it. `sent` is what was redacted
   * out of it, kept sealed until AWS accepts the request; without it, what is already kept
   * for the request stays.
   */
  put(request: TrackedRequest, sent?: SentValues | null): Promise<void>;
  /**
   * The request as it must be sent again: with the values redaction took out, while they are
   * kept. Throws a CloudshelfError when they cannot be opened.
   */
  sendable(id: string): Promise<TrackedRequest | undefined>;
  /**
   * Changes one request in place: `change` sees the current entry and answers the next one
   * (or the same object for no change). Runs synchronously against the loaded journal, so
   * two updates of one request never interleave. Answers the entry after the change and
   * whether it changed; the write to disk is `written`.
   */
  update(
    id: string,
    change: (current: TrackedRequest) => TrackedRequest,
  ): Promise<JournalUpdate | undefined>;
  /**
   * Entries read from a journal written before Cloudshelf redacted write-only values; each
   * one stays listed here until it is put again (redacted).
   */
  unredacted(): Promise<TrackedRequest[]>;
  /** Forgets a request AWS never accepted (refused at once), so it is never re-sent. */
  remove(id: string): Promise<void>;
  /** Resolves when every change so far is on disk (or its write has failed). */
  flush(): Promise<void>;
}

export interface JournalUpdate {
  request: TrackedRequest;
  changed: boolean;
  /** Resolves once the change is on disk; rejects when the write failed. */
  written: Promise<void>;
}

export interface RequestJournalOptions {
  /** `<dataDir>/requests.json`. */
  file: string;
  log: (line: string) => void;
  now?: () => Date;
  /** Finished requests kept (newest first); unfinished ones are always kept. Default 500. */
  keepFinished?: number;
  /** Seals the values kept to send a request again; the plain box when absent. */
  secretBox?: SecretBox;
}

export const defaultKeepFinished = 500;

/**
 * Owner only: the values kept to send a request again may hold passwords, unencrypted where
 * there is no keychain (browser mode), as may entries an older Cloudshelf wrote.
 */
const JOURNAL_MODE = 0o600;

const JournalFile = z.object({
  version: z.literal(1),
  /** Set once every entry has write-only values redacted; older journals lack it. */
  redacted: z.literal(true).optional(),
  requests: z.array(z.unknown()),
});
/** Beside an entry on disk: its values as sent, sealed by the box named. */
const Sealed = z.object({ box: z.string(), data: z.string() });
type Sealed = z.infer<typeof Sealed>;
const SealedEntry = z.object({ sealed: Sealed.optional() });
const SentValuesShape = TrackedRequest.pick({ desiredState: true, patch: true });

/** Whether a crash could still make Cloudshelf send the request again. */
const mayBeSentAgain = (request: TrackedRequest): boolean =>
  request.requestToken === null && !isFinished(request.status);

/** Newest first: by start time, then id so the order is stable. */
function newestFirst(a: TrackedRequest, b: TrackedRequest): number {
  return b.startedAt - a.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function createRequestJournal(options: RequestJournalOptions): RequestJournal {
  const { file, log } = options;
  const now = options.now ?? (() => new Date());
  const keepFinished = options.keepFinished ?? defaultKeepFinished;
  const box = options.secretBox ?? plainSecretBox;
  /** By request id; only ever for requests that may be sent again. */
  const sealed = new Map<string, Sealed>();
  /** Ids of entries from an older journal whose values may hold write-only ones in clear. */
  const unredacted = new Set<string>();
  let loading: Promise<Map<string, TrackedRequest>> | undefined;
  // One write at a time; changes made while a write runs share the next one.
  let lastWrite: Promise<void> = Promise.resolve();
  let queuedWrite: Promise<void> | undefined;

  const keptAside = (): string => `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;

  async function load(): Promise<Map<string, TrackedRequest>> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw new CloudshelfError(
        'Unavailable',
        `Cloudshelf could not read its request journal ${file} (${(error as Error).message}).`,
        'Check that the file is readable by you, then try again.',
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const shape = JournalFile.safeParse(json);
    if (!shape.success) {
      const kept = keptAside();
      await rename(file, kept);
      // The copy may hold DesiredStates too: as private as the journal itself.
      await chmod(kept, JOURNAL_MODE);
      log(`requests: ${file} could not be read; kept it as ${kept} and started an empty journal`);
      return new Map();
    }
    const entries = new Map<string, TrackedRequest>();
    let bad = 0;
    for (const raw of shape.data.requests) {
      const parsed = TrackedRequest.safeParse(raw);
      const extra = SealedEntry.safeParse(raw);
      if (!parsed.success || !extra.success) {
        bad += 1;
        continue;
      }
      entries.set(parsed.data.id, parsed.data);
      const { desiredState, patch } = parsed.data;
      // An entry with sealed values was written redacted, whatever the file says.
      const older = shape.data.redacted !== true && !extra.data.sealed;
      if (older && (desiredState !== null || patch !== null)) {
        unredacted.add(parsed.data.id);
      }
      // Dropped once not needed: the next write leaves it out.
      if (extra.data.sealed && mayBeSentAgain(parsed.data)) {
        sealed.set(parsed.data.id, extra.data.sealed);
      }
    }
    if (bad > 0) {
      // The readable entries stay in use; a copy of the whole file keeps the others.
      const kept = keptAside();
      await copyFile(file, kept);
      await chmod(kept, JOURNAL_MODE);
      log(`requests: ${String(bad)} unreadable entries in ${file}; kept a copy as ${kept}`);
    }
    return entries;
  }

  const entries = (): Promise<Map<string, TrackedRequest>> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  /** Drops the oldest finished requests beyond the limit. */
  function prune(map: Map<string, TrackedRequest>): void {
    const done = [...map.values()].filter((r) => isFinished(r.status));
    if (done.length <= keepFinished) return;
    done.sort((a, b) => (b.finishedAt ?? b.updatedAt) - (a.finishedAt ?? a.updatedAt));
    for (const old of done.slice(keepFinished)) {
      map.delete(old.id);
      sealed.delete(old.id);
      unredacted.delete(old.id);
    }
  }

  /** Without `sent`, what is kept for the request stays (until it is no longer needed). */
  function keep(request: TrackedRequest, sent: SentValues | null | undefined): void {
    if (!mayBeSentAgain(request)) sealed.delete(request.id);
    else if (sent) sealed.set(request.id, { box: box.kind, data: box.seal(JSON.stringify(sent)) });
  }

  function open(request: TrackedRequest, kept: Sealed): TrackedRequest {
    const cannot = (reason: string): CloudshelfError =>
      new CloudshelfError(
        'Unavailable',
        `Cloudshelf could not open the write-only values it kept to send this request again (${reason}).`,
        kept.box === 'safeStorage' && box.kind !== kept.box
          ? 'They were encrypted with the system keychain by the desktop app: open the desktop app to send it again, or create the resource again.'
          : 'Create the resource again, entering those values again.',
      );
    // Plain values open anywhere (the desktop app without a keychain, or browser mode, wrote them).
    const opener = kept.box === plainSecretBox.kind ? plainSecretBox : box;
    if (kept.box !== opener.kind) {
      throw cannot(`they were sealed by ${kept.box}, this is ${box.kind}`);
    }
    let values: SentValues;
    try {
      values = SentValuesShape.parse(JSON.parse(opener.open(kept.data)));
    } catch (error) {
      throw cannot(error instanceof Error ? error.message : String(error));
    }
    return { ...request, ...values };
  }

  function persist(map: Map<string, TrackedRequest>): Promise<void> {
    if (queuedWrite) return queuedWrite;
    const write = lastWrite
      .catch(() => undefined)
      .then(async () => {
        // From here on, new changes need a write of their own.
        queuedWrite = undefined;
        const requests = [...map.values()].sort(newestFirst).map((request) => {
          const kept = sealed.get(request.id);
          return kept ? { ...request, sealed: kept } : request;
        });
        const redacted = unredacted.size === 0 ? { redacted: true } : {};
        const text = JSON.stringify({ version: 1, ...redacted, requests }, null, 2);
        await writeFileAtomic(file, `${text}\n`, {
          mode: JOURNAL_MODE,
        });
      });
    queuedWrite = write;
    lastWrite = write;
    return write;
  }

  return {
    async list() {
      return [...(await entries()).values()].sort(newestFirst);
    },
    async get(id) {
      return (await entries()).get(id);
    },
    async put(request, sent) {
      const map = await entries();
      map.set(request.id, request);
      unredacted.delete(request.id);
      keep(request, sent);
      prune(map);
      await persist(map);
    },
    async sendable(id) {
      const request = (await entries()).get(id);
      const kept = sealed.get(id);
      return request && kept ? open(request, kept) : request;
    },
    async update(id, change) {
      const map = await entries();
      const current = map.get(id);
      if (!current) return undefined;
      const next = change(current);
      if (next === current) return { request: current, changed: false, written: Promise.resolve() };
      map.set(id, next);
      if (!mayBeSentAgain(next)) sealed.delete(id);
      prune(map);
      const written = persist(map);
      // Callers that only emit may not wait; a failed write must not go unhandled.
      written.catch(() => undefined);
      return { request: next, changed: true, written };
    },
    async unredacted() {
      const map = await entries();
      return [...unredacted].flatMap((id) => map.get(id) ?? []);
    },
    async remove(id) {
      const map = await entries();
      sealed.delete(id);
      unredacted.delete(id);
      if (map.delete(id)) await persist(map);
    },
    async flush() {
      await lastWrite.catch(() => undefined);
    },
  };
}
