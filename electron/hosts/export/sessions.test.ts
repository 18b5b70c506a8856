import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudshelfError, type ExportBeginArgs, type InventoryRow } from '../../../shared/contract';
import { createExportWriter, openFileTarget } from '../../core/export';
import type { FileTarget } from '../../core/export/types';
import type { ExportDestination } from './destination';
import { createExportSessions } from './sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-export-sessions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Saves to a fixed file in the test folder, as if the user chose it in the dialog. */
function fileDestination(name = 'out.csv', declined = false): ExportDestination {
  return {
    open: () => (declined ? Promise.resolve(null) : openFileTarget(join(dir, name))),
    delivered: (target) => ({ path: target.path, downloadUrl: null }),
  };
}

const row = (n: number, region = 'us-east-1'): InventoryRow => ({
  key: `123456789012/${region}/img-${n}`,
  typeName: 'AWS::SageMaker::Image',
  account: '123456789012',
  region,
  identifier: `img-${n}`,
  properties: { ImageName: `img-${n}`, Tags: [{ Key: 'team', Value: 'ml' }] },
  readAt: Date.UTC(2026, 10, 23),
});

const csvBegin: ExportBeginArgs = {
  format: 'csv',
  typeName: 'AWS::SageMaker::Image',
  columns: [
    { id: 'region', header: 'Region', kind: 'text', source: { field: 'region' } },
    { id: 'ImageName', header: 'ImageName', kind: 'text', source: { property: 'ImageName' } },
    { id: 'Tags', header: 'Tags', kind: 'json', source: { property: 'Tags' } },
  ],
  options: { bom: false, neutralizeFormulas: true },
  suggestedName: 'sagemaker-images.csv',
  totalRows: 3,
};

async function beginOrFail(
  sessions: ReturnType<typeof createExportSessions>,
  args: ExportBeginArgs = csvBegin,
): Promise<string> {
  const { exportId } = await sessions.begin(args);
  if (exportId === null) throw new Error('the export was declined');
  return exportId;
}

describe('export sessions', () => {
  it('writes the rows of several calls, in order, and reports where the file went', async () => {
    const sessions = createExportSessions({
      destination: fileDestination(),
      createWriter: createExportWriter,
    });
    const id = await beginOrFail(sessions);
    expect(await sessions.rows({ exportId: id, rows: [row(1), row(2)] })).toEqual({ written: 2 });
    expect(await sessions.rows({ exportId: id, rows: [row(3, 'eu-west-1')] })).toEqual({
      written: 3,
    });
    const result = await sessions.finish(id);
    expect(result).toMatchObject({ rows: 3, path: join(dir, 'out.csv'), downloadUrl: null });
    const text = await readFile(join(dir, 'out.csv'), 'utf8');
    expect(result.bytes).toBe(Buffer.byteLength(text));
    expect(parse(text)).toEqual([
      ['Region', 'ImageName', 'Tags'],
      ['us-east-1', 'img-1', '[{"Key":"team","Value":"ml"}]'],
      ['us-east-1', 'img-2', '[{"Key":"team","Value":"ml"}]'],
      ['eu-west-1', 'img-3', '[{"Key":"team","Value":"ml"}]'],
    ]);
  });

  it('marks the JSON Lines records of a region whose list failed part-way as incomplete', async () => {
    const sessions = createExportSessions({
      destination: fileDestination('out.jsonl'),
      createWriter: createExportWriter,
    });
    const id = await beginOrFail(sessions, {
      ...csvBegin,
      format: 'jsonl',
      columns: [],
      suggestedName: 'sagemaker-images.jsonl',
      incompleteRegions: ['eu-west-1'],
    });
    await sessions.rows({
      exportId: id,
      rows: [row(1), row(2, 'eu-west-1'), row(3, 'eu-west-1'), row(4)],
    });
    await sessions.finish(id);
    const records = (await readFile(join(dir, 'out.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { identifier: string; complete: boolean });
    expect(records.map((r) => [r.identifier, r.complete])).toEqual([
      ['img-1', true],
      ['img-2', false],
      ['img-3', false],
      ['img-4', true],
    ]);
  });

  it('keeps calls sent without waiting in the order they arrived', async () => {
    const sessions = createExportSessions({
      destination: fileDestination(),
      createWriter: createExportWriter,
    });
    const id = await beginOrFail(sessions);
    const calls = [1, 2, 3, 4].map((n) => sessions.rows({ exportId: id, rows: [row(n)] }));
    const finished = sessions.finish(id);
    await Promise.all(calls);
    await finished;
    const records: string[][] = parse(await readFile(join(dir, 'out.csv'), 'utf8'));
    const names = records.slice(1).map((cells) => cells[1]);
    expect(names).toEqual(['img-1', 'img-2', 'img-3', 'img-4']);
  });

  it('answers null, with no file, when the user cancels the save dialog', async () => {
    const sessions = createExportSessions({
      destination: fileDestination('out.csv', true),
      createWriter: createExportWriter,
    });
    expect(await sessions.begin(csvBegin)).toEqual({ exportId: null });
    expect(await readdir(dir)).toEqual([]);
  });

  it('abort removes the partial file and keeps a file that was already there', async () => {
    await writeFile(join(dir, 'out.csv'), 'yesterday’s export\n');
    const sessions = createExportSessions({
      destination: fileDestination(),
      createWriter: createExportWriter,
    });
    const id = await beginOrFail(sessions);
    await sessions.rows({ exportId: id, rows: [row(1)] });
    expect(await sessions.abort(id)).toEqual({ aborted: true });
    expect(await readdir(dir)).toEqual(['out.csv']);
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe('yesterday’s export\n');
    await expect(sessions.rows({ exportId: id, rows: [row(2)] })).rejects.toMatchObject({
      code: 'NotFound',
    });
    expect(await sessions.abort(id)).toEqual({ aborted: false });
  });

  it('refuses a CSV export without columns before opening a file', async () => {
    let opened = 0;
    const sessions = createExportSessions({
      destination: {
        open: () => {
          opened++;
          return Promise.resolve(null);
        },
        delivered: () => ({ path: null, downloadUrl: null }),
      },
      createWriter: createExportWriter,
    });
    await expect(sessions.begin({ ...csvBegin, columns: [] })).rejects.toMatchObject({
      code: 'InvalidArguments',
      message: 'A CSV export needs at least one column.',
    });
    expect(opened).toBe(0);
  });

  it('turns a failed write into a sentence and removes the partial file', async () => {
    let target: FileTarget | undefined;
    const sessions = createExportSessions({
      destination: {
        open: async () => (target = await openFileTarget(join(dir, 'out.csv'))),
        delivered: () => ({ path: null, downloadUrl: null }),
      },
      createWriter: createExportWriter,
    });
    const id = await beginOrFail(sessions);
    // The disk fills up between two chunks.
    target?.stream.destroy(new Error('ENOSPC: no space left on device, write'));
    await new Promise((resolve) => setImmediate(resolve));
    const failure = await sessions.rows({ exportId: id, rows: [row(1)] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CloudshelfError);
    expect((failure as CloudshelfError).code).toBe('Unavailable');
    expect((failure as CloudshelfError).message).toBe(
      'Cloudshelf could not write sagemaker-images.csv: ENOSPC: no space left on device, write.',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('drops an export nobody writes to any more, with its partial file', async () => {
    const lines: string[] = [];
    const sessions = createExportSessions({
      destination: fileDestination(),
      createWriter: createExportWriter,
      idleMs: 20,
      log: (line) => lines.push(line),
    });
    const id = await beginOrFail(sessions);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(sessions.finish(id)).rejects.toMatchObject({ code: 'NotFound' });
    expect(await readdir(dir)).toEqual([]);
    expect(lines.some((line) => line.includes('abandoned'))).toBe(true);
  });

  it('close drops every open export', async () => {
    const sessions = createExportSessions({
      destination: fileDestination(),
      createWriter: createExportWriter,
    });
    const id = await beginOrFail(sessions);
    await sessions.close();
    await expect(sessions.rows({ exportId: id, rows: [row(1)] })).rejects.toMatchObject({
      code: 'NotFound',
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
