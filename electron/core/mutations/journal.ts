import { chmod, copyFile, readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { CloudshelfError, TrackedRequest } from '../../../shared/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { isFinished } from './progress';

/**
 * The request journal: every create, update and delete Cloudshelf sent, on disk, so tracking
 * survives a restart. Entries are written before a request goes to AWS (see service.ts).
 */
export interface RequestJournal {
  /** Every request, newest first. */
  list(): Promise<TrackedRequest[]>;
  get(id: string): Promise<TrackedRequest | undefined>;
  /** Adds or replaces a request; resolves once the file holds it. */
  put(request: TrackedRequest): Promise<void>;
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
}

export const defaultKeepFinished = 500;

/** Owner only: a create's desired state may hold secrets such as passwords. */
const JOURNAL_MODE = 0o600;

const JournalFile = z.object({ version: z.literal(1), requests: z.array(z.unknown()) });

/** Newest first: by start time, then id so the order is stable. */
function newestFirst(a: TrackedRequest, b: TrackedRequest): number {
  return b.startedAt - a.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function createRequestJournal(options: RequestJournalOptions): RequestJournal {
  const { file, log } = options;
  const now = options.now ?? (() => new Date());
  const keepFinished = options.keepFinished ?? defaultKeepFinished;
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
      if (parsed.success) entries.set(parsed.data.id, parsed.data);
      else bad += 1;
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
    for (const old of done.slice(keepFinished)) map.delete(old.id);
  }

  function persist(map: Map<string, TrackedRequest>): Promise<void> {
    if (queuedWrite) return queuedWrite;
    const write = lastWrite
      .catch(() => undefined)
      .then(async () => {
        // From here on, new changes need a write of their own.
        queuedWrite = undefined;
        const requests = [...map.values()].sort(newestFirst);
        await writeFileAtomic(file, `${JSON.stringify({ version: 1, requests }, null, 2)}\n`, {
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
    async put(request) {
      const map = await entries();
      map.set(request.id, request);
      prune(map);
      await persist(map);
    },
    async update(id, change) {
      const map = await entries();
      const current = map.get(id);
      if (!current) return undefined;
      const next = change(current);
      if (next === current) return { request: current, changed: false, written: Promise.resolve() };
      map.set(id, next);
      prune(map);
      const written = persist(map);
      // Callers that only emit may not wait; a failed write must not go unhandled.
      written.catch(() => undefined);
      return { request: next, changed: true, written };
    },
    async remove(id) {
      const map = await entries();
      if (map.delete(id)) await persist(map);
    },
    async flush() {
      await lastWrite.catch(() => undefined);
    },
  };
}
