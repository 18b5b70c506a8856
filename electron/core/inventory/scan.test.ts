import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../../shared/contract';
import { accountIdFor } from '../../sandbox/account';
import { imageCounts, modelPackageGroups, sampleResources } from '../../sandbox/seed';
import { resultOf, startHarness, type Harness } from './test-support/harness';

const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];
const account = accountIdFor('AKIDINVENTORYTEST');
const samples = sampleResources(account);
const imageNames = (region?: string): string[] =>
  samples
    .filter((s) => s.typeName === 'AWS::SageMaker::Image' && (!region || s.region === region))
    .map((s) => String(s.desired.ImageName))
    .sort();

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { faults: { latencyMs: 1 } } });
});
afterAll(async () => {
  await h.close();
});

describe('scan: happy path', () => {
  it('returns exactly the seeded SageMaker images, with full properties and per-region done', async () => {
    const result = await h.scan({ regions, typeName: 'AWS::SageMaker::Image' });
    expect(result.rows).toHaveLength(60 + 8 + 12 + 5);
    expect(result.rows.map((r) => String(r.properties.ImageName)).sort()).toEqual(imageNames());
    expect(new Set(result.rows.map((r) => r.key)).size).toBe(result.rows.length);
    for (const region of regions) {
      const count = imageCounts[region as keyof typeof imageCounts];
      const inRegion = result.rows.filter((r) => r.region === region);
      expect(inRegion.map((r) => String(r.properties.ImageName)).sort()).toEqual(
        imageNames(region),
      );
      expect(result.statuses.get(region)).toMatchObject({
        state: 'done',
        listed: count,
        hydrated: count,
      });
    }
    const row = result.rows[0];
    expect(row).toMatchObject({ typeName: 'AWS::SageMaker::Image', account });
    // Hydrated: the list gives only ImageArn; the full model has the role and the tags.
    expect(row?.properties).toHaveProperty('ImageRoleArn');
    expect(row?.properties).toHaveProperty('ImageArn', row?.identifier);
    expect(row?.key).toBe(`${account}/${row?.region ?? ''}/${row?.identifier ?? ''}`);
    expect(result.finished).toEqual({ scanId: result.scanId, state: 'done', rows: 85 });
  });

  it('streams statuses: queued, listing, hydrating, done; rows before done; nothing after finished', async () => {
    const result = await h.scan({ regions: ['us-east-1'], typeName: 'AWS::SageMaker::Image' });
    const states = result.events
      .filter((e) => e.event === 'inventory.status')
      .map((e) => e.payload.state)
      .filter((s, i, all) => all[i - 1] !== s);
    expect(states).toEqual(['queued', 'listing', 'hydrating', 'done']);
    const doneAt = result.events.findIndex(
      (e) => e.event === 'inventory.status' && e.payload.state === 'done',
    );
    const lastRows = result.events.findLastIndex((e) => e.event === 'inventory.rows');
    expect(lastRows).toBeLessThan(doneAt);
    expect(result.events.at(-1)?.event).toBe('inventory.finished');
    // Batched: far fewer row events than rows.
    expect(result.events.filter((e) => e.event === 'inventory.rows').length).toBeLessThan(30);
  });

  it('de-duplicates a global type: S3 buckets across four regions are five rows', async () => {
    const result = await h.scan({ regions, typeName: 'AWS::S3::Bucket' });
    expect(result.rows).toHaveLength(5);
    expect(new Set(result.rows.map((r) => r.identifier)).size).toBe(5);
    for (const row of result.rows) expect(row.key).toBe(`${account}//${row.identifier}`);
    for (const region of regions) expect(result.statuses.get(region)?.state).toBe('done');
    const listed = [...result.statuses.values()].reduce((sum, s) => sum + s.listed, 0);
    expect(listed).toBe(5);
  });

  it('scans model packages per model package group: exactly the seeded packages', async () => {
    const result = await h.scan({
      regions,
      typeName: 'AWS::SageMaker::ModelPackage',
      perParent: true,
    });
    const expected = Object.values(modelPackageGroups)
      .flat()
      .reduce((sum, g) => sum + g.versions, 0);
    expect(result.rows).toHaveLength(expected);
    expect(new Set(result.rows.map((r) => r.key)).size).toBe(expected);
    for (const [region, groups] of Object.entries(modelPackageGroups)) {
      const inRegion = result.rows.filter((r) => r.region === region);
      expect(
        inRegion
          .map(
            (r) =>
              `${String(r.properties.ModelPackageGroupName)}/${String(r.properties.ModelPackageVersion)}`,
          )
          .sort(),
      ).toEqual(
        groups
          .flatMap((g) => Array.from({ length: g.versions }, (_, i) => `${g.name}/${i + 1}`))
          .sort(),
      );
      expect(result.statuses.get(region)).toMatchObject({
        state: 'done',
        listed: inRegion.length,
        hydrated: inRegion.length,
      });
    }
    expect(result.statuses.get('us-west-2')).toMatchObject({ state: 'done', listed: 0 });
  });

  it('refuses per-parent scans of a type without a known parent, before starting', () => {
    expect(() =>
      h.engine.scan({
        scanId: randomUUID(),
        profile: 'Sandbox',
        regions,
        typeName: 'AWS::SageMaker::Image',
        perParent: true,
      }),
    ).toThrow(/parent type/);
  });
});

describe('scan: ids', () => {
  it('runs under the id its caller made, so every event carries it', async () => {
    const scanId = randomUUID();
    const result = await h.scan({ scanId, regions: ['us-east-1'], typeName: 'AWS::S3::Bucket' });
    expect(result.scanId).toBe(scanId);
    expect(result.finished).toMatchObject({ scanId, state: 'done' });
    expect(result.statuses.get('us-east-1')).toMatchObject({ scanId, state: 'done' });
  });

  it('refuses an id already used, without touching the scan that has it', async () => {
    const request = {
      scanId: randomUUID(),
      profile: 'Sandbox',
      regions: ['us-east-1', 'eu-west-1'],
      typeName: 'AWS::SageMaker::Image',
    };
    const first = h.engine.scan(request);
    let refused: unknown;
    try {
      h.engine.scan({ ...request, regions: ['us-east-1'] });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CloudshelfError);
    expect(refused).toMatchObject({ code: 'InvalidArguments', message: /already started/ });
    await h.engine.settled(first);
    // The same view's scan was not superseded by the refused one.
    expect(resultOf(first, h.events).finished).toMatchObject({
      state: 'done',
      rows: imageCounts['us-east-1'] + imageCounts['eu-west-1'],
    });
    // An id stays used after its scan ended.
    expect(() => h.engine.scan(request)).toThrow(/already started/);
  });
});
