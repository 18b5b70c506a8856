import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileTarget } from '../../core/export';
import { createSaveDialogDestination, type ShowSaveDialog } from './save-dialog';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-save-dialog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the desktop save dialog destination', () => {
  it('offers the suggested name in the default folder, with the format as the filter', async () => {
    const asked: Parameters<ShowSaveDialog>[0][] = [];
    const destination = createSaveDialogDestination({
      showSaveDialog: (options) => {
        asked.push(options);
        return Promise.resolve({ canceled: false, filePath: join(dir, 'chosen.csv') });
      },
      defaultDir: () => '/home/me/Downloads',
      openFile: openFileTarget,
    });
    const target = await destination.open('sagemaker-images.csv', 'csv');
    expect(asked).toEqual([
      {
        title: 'Export inventory',
        defaultPath: '/home/me/Downloads/sagemaker-images.csv',
        filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
      },
    ]);
    if (target === null) throw new Error('the dialog was not cancelled');
    target.stream.end('a\r\n');
    await new Promise((resolve) => target.stream.once('finish', resolve));
    await target.commit();
    expect(await readFile(join(dir, 'chosen.csv'), 'utf8')).toBe('a\r\n');
    expect(destination.delivered(target, 'sagemaker-images.csv')).toEqual({
      path: join(dir, 'chosen.csv'),
      downloadUrl: null,
    });
  });

  it('answers null when the user cancels', async () => {
    const destination = createSaveDialogDestination({
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      defaultDir: () => dir,
      openFile: openFileTarget,
    });
    expect(await destination.open('x.json', 'json')).toBeNull();
  });
});
