import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { accountIdFor } from '../../sandbox/account';
import { sampleResources } from '../../sandbox/seed';
import { startHarness, type Harness } from './test-support/harness';

// Global types (IAM roles, S3 buckets) are listed by every region and read by the first
// region that lists each one. Here us-east-1 answers lists but not GetResource (a proxy
// answering 503 to calls signed for one region): its claimed rows must be read elsewhere.
const regions = ['us-east-1', 'eu-west-1', 'us-west-2'];
const samples = sampleResources(accountIdFor('AKIDINVENTORYTEST'));
const seeded = (typeName: string): string[] =>
  samples
    .filter((s) => s.typeName === typeName)
    .map((s) => String(s.desired.RoleName ?? s.desired.BucketName))
    .sort();

let h: Harness;
let usEastListed: Promise<void> = Promise.resolve();
beforeAll(async () => {
  h = await startHarness({
    sandbox: {
      faults: { latencyMs: 1, downOperations: { 'us-east-1': { GetResource: 'unavailable' } } },
    },
    engine: {
      // The other regions start once us-east-1 has listed (and so claimed) every row.
      offers: async (_typeName, region) => {
        if (region !== 'us-east-1') await usEastListed;
        return true;
      },
    },
  });
});
afterAll(async () => {
  await h.close();
});

function afterUsEastListing(): void {
  usEastListed = new Promise((resolve) => {
    const off = h.bus.on('inventory.status', (status: EventPayload<'inventory.status'>) => {
      if (status.region !== 'us-east-1') return;
      if (status.state === 'hydrating' || status.state === 'failed' || status.state === 'done') {
        off();
        resolve();
      }
    });
  });
}

describe('scan: a global row whose claiming region cannot read it', () => {
  it.each([
    ['AWS::IAM::Role', 'RoleName'],
    ['AWS::S3::Bucket', 'BucketName'],
  ])('reads every %s in another region that listed it', async (typeName, nameProperty) => {
    afterUsEastListing();
    const result = await h.scan({ regions, typeName });
    expect(result.rows.map((r) => String(r.properties[nameProperty])).sort()).toEqual(
      seeded(typeName),
    );
    expect(new Set(result.rows.map((r) => r.key)).size).toBe(result.rows.length);
    expect(result.rows.every((r) => r.region !== 'us-east-1')).toBe(true);
    const east = result.statuses.get('us-east-1');
    expect(east?.state).toBe('failed');
    expect(east?.error?.code).toBe('RegionUnavailable');
    // Nothing is missing, so nothing says so.
    for (const status of result.statuses.values()) expect(status.unread ?? 0).toBe(0);
    expect(result.statuses.get('eu-west-1')?.state).toBe('done');
    expect(result.statuses.get('us-west-2')?.state).toBe('done');
  });

  it('says how many rows are missing when every region that listed them failed to read them', async () => {
    h.sandbox.faults.set({
      downOperations: Object.fromEntries(
        regions.map((region) => [region, { GetResource: 'unavailable' as const }]),
      ),
    });
    afterUsEastListing();
    try {
      const result = await h.scan({ regions, typeName: 'AWS::IAM::Role' });
      expect(result.rows).toHaveLength(0);
      for (const region of regions) expect(result.statuses.get(region)?.state).toBe('failed');
      const unread = [...result.statuses.values()].reduce((sum, s) => sum + (s.unread ?? 0), 0);
      expect(unread).toBe(seeded('AWS::IAM::Role').length);
      // Told on the region that listed them first.
      expect(result.statuses.get('us-east-1')?.unread).toBe(seeded('AWS::IAM::Role').length);
      expect(result.finished?.state).toBe('done');
    } finally {
      h.sandbox.faults.set({ downOperations: { 'us-east-1': { GetResource: 'unavailable' } } });
    }
  });
});
