import { describe, expect, it } from 'vitest';
import type { RegionScanStatus } from '../../shared/contract';
import { regionSummary } from './controls/RegionPicker';
import { missingText, stateText, stripSummary } from './RegionStatusStrip';

const status = (
  region: string,
  state: RegionScanStatus['state'],
  listed = 0,
  hydrated = 0,
): RegionScanStatus => ({ scanId: 's', region, state, listed, hydrated });

describe('region status text', () => {
  it('says how each region is going', () => {
    expect(stateText(status('a', 'queued'))).toBe('queued');
    expect(stateText(status('a', 'listing'))).toBe('listing…');
    expect(stateText(status('a', 'listing', 25))).toBe('listing… 25');
    expect(stateText(status('a', 'hydrating', 60, 12))).toBe('hydrating 12 / 60');
    expect(stateText(status('a', 'done', 60, 60))).toBe('done (60)');
    expect(stateText(status('a', 'skipped'))).toBe('skipped (not offered)');
    expect(stateText(status('a', 'failed'))).toBe('failed');
    // Its rows stay in the table; the chip says how many there are of the region's list.
    expect(stateText(status('a', 'failed', 340, 129))).toBe('failed after 129 rows');
    expect(stateText(status('a', 'failed', 1, 1))).toBe('failed after 1 row');
  });

  it('says how many global rows no region could read', () => {
    const failed = { ...status('a', 'failed', 4, 0), unread: 4 };
    expect(missingText(failed)).toBe(
      '4 rows it listed are missing: every region that listed them failed to read them.',
    );
    expect(missingText({ ...failed, unread: 1 })).toBe(
      '1 row it listed is missing: every region that listed it failed to read it.',
    );
    expect(missingText(status('a', 'failed'))).toBeNull();
    expect(stripSummary([failed, status('b', 'failed')], 0)).toBe(
      '0 of 2 regions done · 2 failed · 4 missing · 0 resources',
    );
  });

  it('sums up the scan, with or without the row count', () => {
    const statuses = [
      status('a', 'done'),
      status('b', 'skipped'),
      status('c', 'failed'),
      status('d', 'hydrating'),
    ];
    expect(stripSummary(statuses, 80)).toBe('2 of 4 regions done · 1 failed · 80 resources');
    expect(stripSummary(statuses, null)).toBe('2 of 4 regions done · 1 failed');
    expect(stripSummary([status('a', 'done')], 1)).toBe('1 of 1 region done · 1 resource');
  });

  it('shows the chosen regions by the profile’s home region first', () => {
    expect(regionSummary([], 'us-east-1')).toBe('None');
    expect(regionSummary(['ap-northeast-1', 'us-east-1'], 'us-east-1')).toBe('us-east-1 +1');
    expect(regionSummary(['ap-northeast-1', 'eu-west-1'], 'us-east-1')).toBe('ap-northeast-1 +1');
    expect(regionSummary(['eu-west-1'], null)).toBe('eu-west-1');
  });
});
