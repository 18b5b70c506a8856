import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistrySnapshot } from '../../registry/snapshot';
import { startSandbox, type RunningSandbox } from '../../sandbox/index';
import { fetchRegionTypes } from './refresh';
import { createTypeCache } from './type-cache';

const snapshot = await loadRegistrySnapshot();
let sandbox: RunningSandbox;
let client: CloudFormationClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: false });
  client = new CloudFormationClient({
    endpoint: sandbox.endpoint,
    region: 'us-west-2',
    credentials: { accessKeyId: 'AKIDREFRESHTEST', secretAccessKey: 'x' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await sandbox.close();
});

describe('fetchRegionTypes', () => {
  it('pages ListTypes for FULLY_MUTABLE and IMMUTABLE, describing nothing the snapshot has', async () => {
    const cache = createTypeCache(
      await mkdtemp(path.join(tmpdir(), 'cloudshelf-refresh-')),
      () => undefined,
    );
    const outcome = await fetchRegionTypes({
      client,
      region: 'us-west-2',
      snapshot,
      cache,
      previous: undefined,
      concurrency: 4,
      now: () => new Date('2026-11-23T10:00:00.000Z'),
      log: () => undefined,
    });
    const provisionable = snapshot.typeNames().filter((t) => snapshot.schema(t)?.handlers?.create);
    expect(Object.keys(outcome.index.types).sort()).toEqual(provisionable.sort());
    expect(outcome.described).toBe(0);
    expect(outcome.schemas.size).toBe(0);
    expect(outcome.index.types['AWS::SageMaker::Image']).toMatchObject({ schemaFile: null });
    expect(outcome.index).toMatchObject({
      region: 'us-west-2',
      fetchedAt: '2026-11-23T10:00:00.000Z',
    });
  });
});
