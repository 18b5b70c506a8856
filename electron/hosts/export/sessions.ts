import { randomUUID } from 'node:crypto';
import {
  CloudshelfError,
  type ExportBeginArgs,
  type ExportResult,
  type ExportRowsArgs,
  type InventoryRow,
} from '../../../shared/contract';
import type { CreateExportWriter, ExportWriter, FileTarget } from '../../core/export/types';
import type { ExportDestination } from './destination';

export interface ExportSessionsOptions {
  destination: ExportDestination;
  createWriter: CreateExportWriter;
  /**
   * An export nobody has written to for this long is dropped with its partial file (the
   * window that started it was closed or reloaded). Default 10 minutes.
   */
  idleMs?: number;
  log?: (line: string) => void;
}

/** The exports in progress in one host, by id: begin, rows (in order), finish or abort. */
export interface ExportSessions {
  begin(args: ExportBeginArgs): Promise<{ exportId: string | null }>;
  rows(args: ExportRowsArgs): Promise<{ written: number }>;
  finish(exportId: string): Promise<ExportResult>;
  abort(exportId: string): Promise<{ aborted: boolean }>;
  /** Drops every open export (host shutting down). */
  close(): Promise<void>;
}

interface Session {
  name: string;
  target: FileTarget;
  writer: ExportWriter;
  /** Regions whose list is incomplete: their JSON records say `"complete": false`. */
  incomplete: ReadonlySet<string>;
  /** Calls of one export run one after another, in the order they arrived. */
  queue: Promise<unknown>;
  idle: NodeJS.Timeout;
}

const DEFAULT_IDLE_MS = 10 * 60_000;

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createExportSessions(options: ExportSessionsOptions): ExportSessions {
  const { destination, createWriter } = options;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const log = options.log ?? (() => undefined);
  const open = new Map<string, Session>();

  function drop(id: string): Session | undefined {
    const session = open.get(id);
    if (!session) return undefined;
    open.delete(id);
    clearTimeout(session.idle);
    return session;
  }

  async function discard(id: string): Promise<boolean> {
    const session = drop(id);
    if (!session) return false;
    await session.target.discard().catch((error: unknown) => {
      log(`export: could not remove the partial file ${session.target.path}: ${reason(error)}`);
    });
    return true;
  }

  function touch(id: string, session: Session): void {
    clearTimeout(session.idle);
    session.idle = setTimeout(() => {
      log(`export: ${session.name} abandoned after ${Math.round(idleMs / 1000)} s without rows`);
      void discard(id);
    }, idleMs);
    session.idle.unref();
  }

  function sessionFor(exportId: string): Session {
    const session = open.get(exportId);
    if (session) return session;
    throw new CloudshelfError(
      'NotFound',
      'This export is no longer open: it finished, was cancelled, or Cloudshelf restarted.',
      'Start the export again.',
    );
  }

  /** Runs `step` after the export's earlier calls; a failed write drops the export. */
  function enqueue<T>(exportId: string, step: (session: Session) => Promise<T>): Promise<T> {
    const session = sessionFor(exportId);
    touch(exportId, session);
    const run = session.queue.then(async () => {
      if (open.get(exportId) !== session) sessionFor(exportId);
      try {
        return await step(session);
      } catch (error) {
        if (error instanceof CloudshelfError) throw error;
        await discard(exportId);
        log(`export: writing ${session.target.path} failed: ${reason(error)}`);
        throw new CloudshelfError(
          'Unavailable',
          `Cloudshelf could not write ${session.name}: ${reason(error)}.`,
          'Check that the disk has space and the folder can be written to, then export again.',
        );
      }
    });
    session.queue = run.catch(() => undefined);
    return run;
  }

  return {
    async begin(args) {
      if (args.format === 'csv' && args.columns.length === 0) {
        throw new CloudshelfError(
          'InvalidArguments',
          'A CSV export needs at least one column.',
          'Show a column in the table, or export everything.',
        );
      }
      let target: FileTarget | null;
      try {
        target = await destination.open(args.suggestedName, args.format);
      } catch (error) {
        log(`export: could not open a file for ${args.suggestedName}: ${reason(error)}`);
        throw new CloudshelfError(
          'Unavailable',
          `Cloudshelf could not create the export file: ${reason(error)}.`,
          'Choose a folder you can write to, then export again.',
        );
      }
      if (target === null) return { exportId: null };
      const id = randomUUID();
      const writer = createWriter(
        { format: args.format, columns: args.columns, options: args.options },
        target.stream,
      );
      const session: Session = {
        name: args.suggestedName,
        target,
        writer,
        incomplete: new Set(args.incompleteRegions),
        queue: Promise.resolve(),
        idle: setTimeout(() => undefined, 0),
      };
      open.set(id, session);
      touch(id, session);
      log(`export: ${args.format} of ${args.typeName} (${args.totalRows} rows) started`);
      return { exportId: id };
    },

    async rows({ exportId, rows }) {
      return enqueue(exportId, async (session) => {
        for (const run of runsByCompleteness(rows, session.incomplete)) {
          await session.writer.write(run.rows, { complete: run.complete });
        }
        return { written: session.writer.rows };
      });
    },

    async finish(exportId) {
      return enqueue(exportId, async (session) => {
        const counts = await session.writer.end();
        await session.target.commit();
        drop(exportId);
        log(`export: ${session.name} written (${counts.rows} rows, ${counts.bytes} bytes)`);
        return { ...counts, ...destination.delivered(session.target, session.name) };
      });
    },

    async abort(exportId) {
      const session = open.get(exportId);
      if (!session) return { aborted: false };
      // After the writes already queued, so the temporary file is not recreated behind us.
      await session.queue;
      return { aborted: await discard(exportId) };
    },

    async close() {
      await Promise.all([...open.keys()].map((id) => discard(id)));
    },
  };
}

/** The rows in order, cut where their region's completeness changes (one write per run). */
function runsByCompleteness(
  rows: readonly InventoryRow[],
  incomplete: ReadonlySet<string>,
): { rows: InventoryRow[]; complete: boolean }[] {
  const runs: { rows: InventoryRow[]; complete: boolean }[] = [];
  for (const row of rows) {
    const complete = !incomplete.has(row.region);
    const last = runs.at(-1);
    if (last?.complete === complete) last.rows.push(row);
    else runs.push({ rows: [row], complete });
  }
  return runs;
}
