import { describe, expect, it } from 'vitest';
import {
  canCancel,
  canRetry,
  hasCompleteRegionRows,
  isFinished,
  isTerminalRegionState,
  RegionScanState,
  RequestStatus,
  ScanRequest,
} from './schemas';

// One rule each, imported by the main process and the window alike.
describe('status rules beside their enums', () => {
  const which = <T extends string>(all: readonly T[], rule: (value: T) => boolean): T[] =>
    all.filter(rule);

  it('a request is finished once SUCCESS, FAILED or CANCEL_COMPLETE', () => {
    expect(which(RequestStatus.options, isFinished)).toEqual([
      'SUCCESS',
      'FAILED',
      'CANCEL_COMPLETE',
    ]);
    expect(which(RequestStatus.options, canCancel)).toEqual(['PENDING', 'IN_PROGRESS']);
    expect(which(RequestStatus.options, canRetry)).toEqual(['FAILED', 'CANCEL_COMPLETE']);
  });

  it('a region is over once done, failed, cancelled or skipped; cancelled rows are incomplete', () => {
    expect(which(RegionScanState.options, isTerminalRegionState)).toEqual([
      'done',
      'failed',
      'cancelled',
      'skipped',
    ]);
    expect(which(RegionScanState.options, hasCompleteRegionRows)).toEqual([
      'done',
      'failed',
      'skipped',
    ]);
  });
});

describe('ScanRequest', () => {
  const request = { profile: 'Sandbox', regions: ['us-east-1'], typeName: 'AWS::S3::Bucket' };

  it('carries the scan id its caller made', () => {
    const scanId = crypto.randomUUID();
    expect(ScanRequest.parse({ ...request, scanId })).toEqual({ ...request, scanId });
  });

  it('refuses a request without a scan id, or with one that is not a UUID', () => {
    expect(ScanRequest.safeParse(request).success).toBe(false);
    expect(ScanRequest.safeParse({ ...request, scanId: 'scan-1' }).success).toBe(false);
  });
});
