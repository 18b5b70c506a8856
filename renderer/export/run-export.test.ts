import { describe, expect, it } from 'vitest';
import {
  CloudshelfError,
  type ExportBeginArgs,
  type ExportColumn,
  type InventoryRow,
} from '../../shared/contract';
import { fakeApi, type Answers } from '../store/test-api';
import { rowProjector } from './export-plan';
import { runExport, type ExportJob } from './run-export';

const typeName = 'AWS::SageMaker::Image';

const row = (n: number, extra: Record<string, unknown> = {}): InventoryRow => ({
  key: `123456789012/eu-west-1/image-${String(n)}`,
  typeName,
  account: '123456789012',
  region: 'eu-west-1',
  identifier: `image-${String(n)}`,
  properties: { ImageName: `image-${String(n)}`, ImageArn: `arn:${String(n)}`, ...extra },
  readAt: 1_700_000_000_000,
});

const rows = (count: number): InventoryRow[] => Array.from({ length: count }, (_, i) => row(i));

const nameColumn: ExportColumn = {
  id: 'ImageName',
  header: 'ImageName',
  kind: 'text',
  source: { property: 'ImageName' },
};

const job = (overrides: Partial<ExportJob> = {}): ExportJob => ({
  format: 'csv',
  typeName,
  columns: [nameColumn],
  options: { bom: false, neutralizeFormulas: true },
  suggestedName: 'sagemaker-images.csv',
  rows: rows(5),
  ...overrides,
});

const result = { rows: 5, bytes: 120, path: '/tmp/sagemaker-images.csv', downloadUrl: null };

/** A main process that accepts everything; `answers` replaces any of its calls. */
function exporter(answers: Answers = {}) {
  return fakeApi({
    'export.begin': () => ({ exportId: 'x1' }),
    'export.rows': ({ rows: sent }) => ({ written: sent.length }),
    'export.finish': () => result,
    'export.abort': () => ({ aborted: true }),
    ...answers,
  });
}

describe('runExport', () => {
  it('begins with the job, sends the rows in order in chunks, then finishes', async () => {
    const fake = exporter();
    const progress: [number, number][] = [];
    const outcome = await runExport(fake.api, job({ rows: rows(5) }), {
      chunkRows: 2,
      onProgress: (sent, total) => progress.push([sent, total]),
    });

    expect(outcome).toEqual({ kind: 'saved', result });
    expect(fake.calls.map((call) => call.name)).toEqual([
      'export.begin',
      'export.rows',
      'export.rows',
      'export.rows',
      'export.finish',
    ]);
    expect(fake.argsOf('export.begin')).toEqual<ExportBeginArgs[]>([
      {
        format: 'csv',
        typeName,
        columns: [nameColumn],
        options: { bom: false, neutralizeFormulas: true },
        suggestedName: 'sagemaker-images.csv',
        totalRows: 5,
      },
    ]);
    const sent = fake.argsOf('export.rows');
    expect(sent.every((args) => args.exportId === 'x1')).toBe(true);
    expect(sent.map((args) => args.rows.map((r) => r.identifier))).toEqual([
      ['image-0', 'image-1'],
      ['image-2', 'image-3'],
      ['image-4'],
    ]);
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(fake.argsOf('export.finish')).toEqual([{ exportId: 'x1' }]);
  });

  it('sends each row as the projector makes it (a CSV sends only its columns’ properties)', async () => {
    const fake = exporter();
    const columns = [nameColumn];
    await runExport(
      fake.api,
      job({
        rows: [row(1, { Tags: [{ Key: 'team', Value: 'ml' }] })],
        columns,
        project: rowProjector('csv', columns),
      }),
      { chunkRows: 10 },
    );
    const [sent] = fake.argsOf('export.rows');
    expect(sent?.rows).toEqual([{ ...row(1), properties: { ImageName: 'image-1' } }]);

    const json = exporter();
    await runExport(
      json.api,
      job({ format: 'json', columns: [], rows: [row(1)], project: rowProjector('json', []) }),
    );
    expect(json.argsOf('export.rows')[0]?.rows).toEqual([row(1)]);
  });

  it('keeps each call under the byte budget, so wide rows go in smaller chunks', async () => {
    const fake = exporter();
    const wide = Array.from({ length: 6 }, (_, i) => row(i, { Blob: 'é'.repeat(400) }));
    await runExport(fake.api, job({ format: 'jsonl', columns: [], rows: wide }), {
      chunkRows: 100,
      // Each row is about 1 KB of UTF-8 (é takes two bytes): two fit, a third does not.
      chunkBytes: 2500,
    });
    const sizes = fake.argsOf('export.rows').map((args) => args.rows.length);
    expect(sizes).toEqual([2, 2, 2]);

    // A row bigger than the budget still goes, alone.
    const single = exporter();
    await runExport(single.api, job({ format: 'json', columns: [], rows: wide.slice(0, 2) }), {
      chunkBytes: 10,
    });
    expect(single.argsOf('export.rows').map((args) => args.rows.length)).toEqual([1, 1]);
  });

  it('exports no rows as begin then finish (a header-only CSV)', async () => {
    const fake = exporter({ 'export.finish': () => ({ ...result, rows: 0 }) });
    const outcome = await runExport(fake.api, job({ rows: [] }));
    expect(fake.calls.map((call) => call.name)).toEqual(['export.begin', 'export.finish']);
    expect(outcome).toMatchObject({ kind: 'saved', result: { rows: 0 } });
  });

  it('stops quietly when the save dialog was cancelled (no export id)', async () => {
    const fake = exporter({ 'export.begin': () => ({ exportId: null }) });
    await expect(runExport(fake.api, job())).resolves.toEqual({ kind: 'dismissed' });
    expect(fake.calls.map((call) => call.name)).toEqual(['export.begin']);
  });

  it('aborts when a chunk fails, and rethrows that failure', async () => {
    let calls = 0;
    const fake = exporter({
      'export.rows': ({ rows: sent }) => {
        calls++;
        if (calls === 2) throw new CloudshelfError('Internal', 'The disk is full.', 'Free space.');
        return { written: sent.length };
      },
    });
    const failure = runExport(fake.api, job({ rows: rows(6) }), { chunkRows: 2 });
    await expect(failure).rejects.toMatchObject({
      message: 'The disk is full.',
      hint: 'Free space.',
    });
    expect(fake.calls.map((call) => call.name)).toEqual([
      'export.begin',
      'export.rows',
      'export.rows',
      'export.abort',
    ]);
    expect(fake.argsOf('export.abort')).toEqual([{ exportId: 'x1' }]);
  });

  it('aborts when finish fails; a failing abort does not hide the first reason', async () => {
    const fake = exporter({
      'export.finish': () => {
        throw new CloudshelfError('Internal', 'Could not rename the file.');
      },
      'export.abort': () => {
        throw new CloudshelfError('NotFound', 'No such export.');
      },
    });
    await expect(runExport(fake.api, job())).rejects.toMatchObject({
      message: 'Could not rename the file.',
    });
    expect(fake.calls.at(-1)?.name).toBe('export.abort');
  });

  it('a failing begin has nothing to abort', async () => {
    const fake = exporter({
      'export.begin': () => {
        throw new CloudshelfError('Unavailable', 'This host cannot save exports.');
      },
    });
    await expect(runExport(fake.api, job())).rejects.toMatchObject({ code: 'Unavailable' });
    expect(fake.calls.map((call) => call.name)).toEqual(['export.begin']);
  });

  it('cancel mid-way sends no further chunk and aborts the export', async () => {
    const controller = new AbortController();
    const fake = exporter({
      'export.rows': ({ rows: sent }) => {
        // The user presses Cancel while the second chunk is being written.
        if (fake.argsOf('export.rows').length === 2) controller.abort();
        return { written: sent.length };
      },
    });
    const progress: number[] = [];
    const outcome = await runExport(fake.api, job({ rows: rows(10) }), {
      chunkRows: 2,
      signal: controller.signal,
      onProgress: (sent) => progress.push(sent),
    });
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(fake.calls.map((call) => call.name)).toEqual([
      'export.begin',
      'export.rows',
      'export.rows',
      'export.abort',
    ]);
    expect(progress).toEqual([2, 4]);
  });

  it('cancel during the last chunk still aborts instead of finishing', async () => {
    const controller = new AbortController();
    const fake = exporter({
      'export.rows': ({ rows: sent }) => {
        controller.abort();
        return { written: sent.length };
      },
    });
    const outcome = await runExport(fake.api, job({ rows: rows(2) }), {
      signal: controller.signal,
    });
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(fake.calls.map((call) => call.name)).toEqual([
      'export.begin',
      'export.rows',
      'export.abort',
    ]);
  });

  it('cancelled before it starts: no call at all', async () => {
    const controller = new AbortController();
    controller.abort();
    const fake = exporter();
    await expect(runExport(fake.api, job(), { signal: controller.signal })).resolves.toEqual({
      kind: 'cancelled',
    });
    expect(fake.calls).toEqual([]);
  });
});
