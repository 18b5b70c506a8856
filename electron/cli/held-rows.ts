import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { InventoryRow } from '../../shared/contract';

/**
 * Rows held back per region until the region's outcome is known, so a JSON export can say
 * on every record whether its region's list was complete. Memory is bounded: past
 * `memoryChars` of held JSON text in all, the region being added to moves to a temporary
 * file (owner-only, in the system's temp folder) that is read back when it is released.
 */
export interface HeldRows {
  add(rows: readonly InventoryRow[]): Promise<void>;
  /** Hands the region's rows to `write` in batches, in arrival order, and forgets them. */
  release(region: string, write: (rows: InventoryRow[]) => Promise<void>): Promise<number>;
  /** Regions still held. */
  readonly regions: readonly string[];
  /** Bytes of JSON text that went to temporary files (for tests and measurements). */
  readonly spilled: number;
  /** Removes every temporary file; safe to call twice. */
  discard(): Promise<void>;
}

export interface HeldRowsOptions {
  /** Default 16 Mi characters (about 16 MB of ASCII JSON). */
  memoryChars?: number;
  /** Rows per batch handed to `write` on release. Default 500. */
  batchRows?: number;
  /** Where the temporary folder is made. Default the system's temp folder. */
  dir?: string;
}

interface Region {
  lines: string[];
  chars: number;
  rows: number;
  file?: { path: string; handle: FileHandle };
}

export function createHeldRows(options: HeldRowsOptions = {}): HeldRows {
  const memoryChars = options.memoryChars ?? 16 * 1024 * 1024;
  const batchRows = options.batchRows ?? 500;
  const held = new Map<string, Region>();
  let inMemory = 0;
  let spilled = 0;
  let folder: Promise<string> | undefined;
  let files = 0;

  const folderPath = (): Promise<string> => {
    folder ??= mkdtemp(join(options.dir ?? tmpdir(), 'cloudshelf-held-'));
    return folder;
  };

  async function spill(region: Region): Promise<void> {
    if (!region.file) {
      const path = join(await folderPath(), `${files++}.jsonl`);
      region.file = { path, handle: await open(path, 'wx', 0o600) };
    }
    const text = region.lines.join('');
    await region.file.handle.write(text);
    spilled += text.length;
    inMemory -= region.chars;
    region.lines = [];
    region.chars = 0;
  }

  return {
    async add(rows) {
      const byRegion = new Map<string, string[]>();
      for (const row of rows) {
        const lines = byRegion.get(row.region) ?? [];
        lines.push(`${JSON.stringify(row)}\n`);
        byRegion.set(row.region, lines);
      }
      for (const [code, lines] of byRegion) {
        let region = held.get(code);
        if (!region) {
          region = { lines: [], chars: 0, rows: 0 };
          held.set(code, region);
        }
        for (const line of lines) {
          region.lines.push(line);
          region.chars += line.length;
          inMemory += line.length;
        }
        region.rows += lines.length;
        if (region.file || inMemory > memoryChars) await spill(region);
      }
    },

    async release(code, write) {
      const region = held.get(code);
      if (!region) return 0;
      held.delete(code);
      inMemory -= region.chars;
      let batch: InventoryRow[] = [];
      const take = async (line: string): Promise<void> => {
        if (line === '') return;
        batch.push(JSON.parse(line) as InventoryRow);
        if (batch.length < batchRows) return;
        const full = batch;
        batch = [];
        await write(full);
      };
      if (region.file) {
        await region.file.handle.close();
        const lines = createInterface({
          input: createReadStream(region.file.path, 'utf8'),
          crlfDelay: Infinity,
        });
        for await (const line of lines) await take(line);
        await rm(region.file.path, { force: true });
      }
      // What came after the last spill (or everything, for a region that never spilled).
      for (const line of region.lines) await take(line.slice(0, -1));
      if (batch.length > 0) await write(batch);
      return region.rows;
    },

    get regions() {
      return [...held.keys()];
    },

    get spilled() {
      return spilled;
    },

    async discard() {
      for (const region of held.values()) await region.file?.handle.close().catch(() => undefined);
      held.clear();
      inMemory = 0;
      if (folder) await rm(await folder, { recursive: true, force: true });
      folder = undefined;
    },
  };
}
