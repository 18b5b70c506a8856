import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegionScanStatus } from '../../shared/contract';
import { createProgress, progressText } from './progress';

const status = (
  region: string,
  state: RegionScanStatus['state'],
  listed = 0,
  hydrated = 0,
): RegionScanStatus => ({ scanId: 's', region, state, listed, hydrated });

const statuses = (...list: RegionScanStatus[]) => new Map(list.map((s) => [s.region, s]));

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return {
    chunks,
    isTTY,
    columns: 120,
    write: (chunk: string) => chunks.push(chunk),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('progressText', () => {
  it('gives every region its state, in the order asked for', () => {
    const regions = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-south-1', 'eu-north-1'];
    const text = progressText(
      regions,
      statuses(
        status('us-east-1', 'done', 60, 60),
        status('eu-west-1', 'listing'),
        status('us-west-2', 'hydrating', 8, 3),
        status('ap-south-1', 'failed'),
      ),
      200,
    );
    expect(text).toBe(
      'us-east-1 60 rows ✓ · eu-west-1 listing… · us-west-2 3/8 rows · ap-south-1 failed ✗ · eu-north-1 queued',
    );
  });

  it('sums up when the regions do not fit the width', () => {
    const regions = Array.from({ length: 20 }, (_, i) => `xx-region-${i + 1}`);
    const text = progressText(
      regions,
      statuses(
        status('xx-region-1', 'done', 5, 5),
        status('xx-region-2', 'failed'),
        status('xx-region-3', 'hydrating', 10, 4),
      ),
      80,
    );
    expect(text).toBe('2/20 regions · 9 rows · 1 failed · xx-region-3 4/10 rows');
    expect(progressText(regions, new Map(), 10)).toHaveLength(10);
  });
});

describe('createProgress', () => {
  it('writes nothing but the printed lines when disabled', () => {
    const out = stream(false);
    const progress = createProgress(out, ['us-east-1'], false);
    progress.update(status('us-east-1', 'done', 1, 1));
    progress.print('cloudshelf: warning');
    progress.finish();
    expect(out.chunks.join('')).toBe('cloudshelf: warning\n');
  });

  it('redraws one line in place, steps aside for printed lines, and ends with a newline', () => {
    vi.useFakeTimers();
    const out = stream(true);
    const progress = createProgress(out, ['us-east-1', 'eu-west-1'], true);
    progress.update(status('us-east-1', 'listing'));
    progress.update(status('eu-west-1', 'listing'));
    vi.advanceTimersByTime(100);
    expect(out.chunks).toEqual(['\r\x1b[2Kus-east-1 listing… · eu-west-1 listing…']);
    progress.print('cloudshelf: eu-west-1 failed: down');
    progress.update(status('eu-west-1', 'failed'));
    progress.update(status('us-east-1', 'done', 2, 2));
    progress.finish();
    vi.advanceTimersByTime(1000);
    expect(out.chunks.slice(1)).toEqual([
      '\r\x1b[2Kcloudshelf: eu-west-1 failed: down\n',
      '\r\x1b[2Kus-east-1 listing… · eu-west-1 listing…',
      '\r\x1b[2Kus-east-1 2 rows ✓ · eu-west-1 failed ✗',
      '\n',
    ]);
  });
});
