import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../../shared/contract';
import { startSandbox, type RunningSandbox } from '../../sandbox/index';
import { ClaimRegistry } from './claims';
import { createRateLimiter } from './limiter';
import { scanRegion, type RegionProgress, type RegionScanInput } from './region-scan';
import { defaultRetryPolicy } from './retry';
import { registryTypeInfo } from './test-support/harness';
import { sandboxSessions, type SandboxSessions } from './test-support/sandbox-sessions';
import { unknownTypeInfo } from './types';

let sandbox: RunningSandbox;
let sessions: SandboxSessions;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  sessions = sandboxSessions(sandbox.endpoint);
});
afterAll(async () => {
  sessions.destroy();
  await sandbox.close();
});

async function run(
  overrides: Partial<RegionScanInput> & Pick<RegionScanInput, 'typeName' | 'region'>,
): Promise<{ rows: InventoryRow[]; progress: RegionProgress[] }> {
  const rows: InventoryRow[] = [];
  const progress: RegionProgress[] = [];
  const claims = new ClaimRegistry();
  const info = (await registryTypeInfo())(overrides.typeName) ?? unknownTypeInfo;
  await scanRegion({
    account: '111122223333',
    info,
    perParent: false,
    call: {
      client: (await sessions.clients('Sandbox', overrides.region)).cloudControl,
      limiter: createRateLimiter(1000),
      signal: new AbortController().signal,
      retry: defaultRetryPolicy,
    },
    hydrateConcurrency: 4,
    now: () => 7,
    claim: (key) => claims.claim(key, overrides.region),
    read: (key) => {
      claims.read(key);
    },
    emit: (batch) => rows.push(...batch),
    progress: (p) => progress.push(p),
    ...overrides,
  });
  return { rows, progress };
}

describe('scanRegion', () => {
  it('lists and hydrates one region, reporting listing then hydrating with counts', async () => {
    const { rows, progress } = await run({
      typeName: 'AWS::SageMaker::Image',
      region: 'eu-west-1',
    });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => typeof r.properties.ImageRoleArn === 'string' && r.readAt === 7)).toBe(
      true,
    );
    expect(progress[0]).toEqual({ phase: 'listing', listed: 0, hydrated: 0 });
    expect(progress.at(-1)).toMatchObject({ listed: 12, hydrated: 12 });
    expect(progress.some((p) => p.phase === 'hydrating')).toBe(true);
  });

  it('skips rows another region already read (global types)', async () => {
    const { rows, progress } = await run({
      typeName: 'AWS::S3::Bucket',
      region: 'us-east-1',
      claim: () => ({ kind: 'taken' }),
    });
    expect(rows).toEqual([]);
    expect(progress.at(-1)).toMatchObject({ listed: 0, hydrated: 0 });
  });

  it('waits for rows another region reads, and reads those it hands over', async () => {
    const read: string[] = [];
    let handed = 0;
    const { rows, progress } = await run({
      typeName: 'AWS::S3::Bucket',
      region: 'eu-west-1',
      // Another region reads every bucket; it fails on the second and later ones.
      claim: () => ({ kind: 'theirs', handover: Promise.resolve(handed++ > 0) }),
      read: (key) => read.push(key),
    });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.region === 'eu-west-1' && r.properties.BucketName)).toBe(true);
    expect(read.sort()).toEqual(rows.map((r) => r.key).sort());
    expect(progress.at(-1)).toMatchObject({ listed: 4, hydrated: 4 });
  });

  it('throws the region failure (and stops its hydrations)', async () => {
    sandbox.faults.set({ accessDeniedRegions: ['us-west-2'] });
    try {
      await expect(run({ typeName: 'AWS::SageMaker::Image', region: 'us-west-2' })).rejects.toThrow(
        /not authorized/,
      );
    } finally {
      sandbox.faults.reset();
    }
  });
});
