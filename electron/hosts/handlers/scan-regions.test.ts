import { describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../../shared/contract';
import { COMMERCIAL_REGIONS } from '../../core/regions/commercial-regions';
import { checkScanRegions } from './scan-regions';

function refusal(regions: string[], profileRegion: string | null = null): CloudshelfError {
  try {
    checkScanRegions(regions, profileRegion);
  } catch (error) {
    if (error instanceof CloudshelfError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(regions)} was accepted`);
}

describe('checkScanRegions', () => {
  it('accepts every commercial region once, and the profile’s own region', () => {
    expect(() => {
      checkScanRegions(
        COMMERCIAL_REGIONS.map((r) => r.code),
        null,
      );
    }).not.toThrow();
    expect(() => {
      checkScanRegions(['cn-north-1', 'us-east-1'], 'cn-north-1');
    }).not.toThrow();
  });

  it('names a few of the offending regions, however many were sent', () => {
    const many = refusal(Array.from({ length: 10_000 }, (_, i) => `xx-fake-${i}`));
    expect(many.code).toBe('InvalidArguments');
    expect(many.message).toMatch(
      /^"xx-fake-0", "xx-fake-1", "xx-fake-2" and 9997 more are not regions/,
    );
    expect(many.message.length).toBeLessThan(300);
    expect(refusal(['us-gov-west-1'], 'cn-north-1').message).toContain(
      "profile's region cn-north-1",
    );
    expect(refusal(['eu-west-1', 'eu-west-1']).hint).toBe('Name each region once.');
  });
});
