import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create as contentDisposition } from 'content-disposition';
import type { ExportFormat } from '../../../shared/contract';
import type { FileTarget } from '../../core/export/types';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../../core/files/private-folder';
import type { ExportDestination } from './destination';

/** Where browser mode serves finished exports; the rest of the path is the download's id. */
export const downloadPathPrefix = '/api/download/';

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

export interface DownloadsOptions {
  /** A folder of Cloudshelf's own for the files waiting to be downloaded. */
  dir: string;
  openFile: (path: string) => Promise<FileTarget>;
  /** A finished export not downloaded within this time is deleted. Default 10 minutes. */
  ttlMs?: number;
  log?: (line: string) => void;
}

/** Browser mode's export destination: a temporary file, then a one-time download address. */
export interface Downloads {
  destination: ExportDestination;
  /** Serves `GET /api/download/<id>` once, then deletes the file. */
  serve(req: IncomingMessage, res: ServerResponse, id: string): Promise<void>;
  close(): Promise<void>;
}

interface Waiting {
  path: string;
  name: string;
  contentType: string;
  expiry: NodeJS.Timeout;
}

// 128 random bits: the address is the only credential a download needs (a link cannot
// carry the API token header), and it works once.
const newId = (): string => randomBytes(16).toString('base64url');

export function createDownloads(options: DownloadsOptions): Downloads {
  const { dir, openFile } = options;
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const log = options.log ?? (() => undefined);
  const formats = new Map<string, ExportFormat>();
  const waiting = new Map<string, Waiting>();

  const remove = (path: string): Promise<void> =>
    rm(path, { force: true }).catch((error: unknown) => {
      log(`download: could not remove ${path}: ${String(error)}`);
    });

  function take(id: string): Waiting | undefined {
    const entry = waiting.get(id);
    if (!entry) return undefined;
    waiting.delete(id);
    clearTimeout(entry.expiry);
    return entry;
  }

  const destination: ExportDestination = {
    async open(_suggestedName, format) {
      // An inventory waits here for up to `ttlMs`: owner-only, folder and file.
      await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
      if (process.platform !== 'win32') await chmod(dir, PRIVATE_FOLDER_MODE);
      const path = join(dir, `export-${newId()}`);
      // An empty owner-only file first: the writer gives its temporary file, and so the
      // export, the mode of the file it replaces.
      await writeFile(path, '', { flag: 'wx', mode: PRIVATE_FILE_MODE });
      let target: FileTarget;
      try {
        target = await openFile(path);
      } catch (error) {
        await remove(path);
        throw error;
      }
      formats.set(target.path, format);
      let committed = false;
      return {
        path: target.path,
        stream: target.stream,
        async commit() {
          await target.commit();
          committed = true;
        },
        // A cancelled or failed export leaves nothing, the placeholder included.
        async discard() {
          await target.discard();
          if (committed) return;
          formats.delete(target.path);
          await remove(path);
        },
      };
    },
    delivered(target, suggestedName) {
      const id = newId();
      const format = formats.get(target.path) ?? 'csv';
      formats.delete(target.path);
      const expiry = setTimeout(() => {
        if (take(id)) void remove(target.path);
      }, ttlMs);
      expiry.unref();
      waiting.set(id, {
        path: target.path,
        name: suggestedName,
        contentType: CONTENT_TYPES[format],
        expiry,
      });
      return { path: null, downloadUrl: `${downloadPathPrefix}${id}` };
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    req.resume();
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Downloads are fetched with GET.');
      return;
    }
    const entry = take(id);
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This download has expired or was already used. Export again from Cloudshelf.');
      return;
    }
    try {
      const { size } = await stat(entry.path);
      res.writeHead(200, {
        'Content-Type': entry.contentType,
        'Content-Length': String(size),
        'Content-Disposition': contentDisposition(entry.name),
        'Cache-Control': 'no-store',
      });
      await pipeline(createReadStream(entry.path), res);
    } catch (error) {
      log(`download: ${entry.name} could not be sent: ${String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('The export file could not be read. Export again from Cloudshelf.');
      } else {
        res.destroy();
      }
    } finally {
      await remove(entry.path);
    }
  }

  return {
    destination,
    serve,
    async close() {
      const paths = [...waiting.keys()].flatMap((id) => take(id)?.path ?? []);
      await Promise.all(paths.map((path) => remove(path)));
    },
  };
}
