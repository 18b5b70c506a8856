import { CreateResourceCommand, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from './index';
import { cloudControlClient } from './test-support/clients';
import { rawRequest } from '../test-support/raw-http';
import { manualClock, startTestSandbox } from './test-support/sandbox';

let sandbox: RunningSandbox;
const clock = manualClock();
beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: true, clock: clock.now });
});
afterAll(() => sandbox.close());

const control = (method: string, path: string, body = '', headers: Record<string, string> = {}) =>
  rawRequest({
    port: sandbox.port,
    method,
    path,
    body,
    headers: { host: `127.0.0.1:${sandbox.port}`, ...headers },
  });

describe('/__sandbox control routes', () => {
  it('reads and replaces the fault configuration', async () => {
    const set = await control(
      'POST',
      '/__sandbox/faults',
      '{"latencyMs":1,"accessDeniedRegions":["eu-west-1"]}',
    );
    expect(set.status).toBe(200);
    expect(JSON.parse(set.body)).toEqual({ latencyMs: 1, accessDeniedRegions: ['eu-west-1'] });
    expect(sandbox.faults.get()).toEqual({ latencyMs: 1, accessDeniedRegions: ['eu-west-1'] });
    const replaced = await control('POST', '/__sandbox/faults', '{"throttleRate":0}');
    expect(JSON.parse(replaced.body)).toEqual({ throttleRate: 0 });
    const read = await control('GET', '/__sandbox/faults');
    expect(JSON.parse(read.body)).toEqual({ throttleRate: 0 });
    sandbox.faults.reset();
  });

  it('refuses a bad configuration with 400 and keeps the old one', async () => {
    sandbox.faults.replace({ latencyMs: 2 });
    const bad = await control('POST', '/__sandbox/faults', '{"throttleRate":7}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ message: 'throttleRate must be a number from 0 to 1' });
    expect((await control('POST', '/__sandbox/faults', '{oops')).status).toBe(400);
    expect(sandbox.faults.get()).toEqual({ latencyMs: 2 });
    sandbox.faults.reset();
  });

  it('reset restores the seed state', async () => {
    const client = cloudControlClient(sandbox.endpoint);
    try {
      await client.send(
        new CreateResourceCommand({
          TypeName: 'AWS::S3::Bucket',
          DesiredState: '{"BucketName":"extra"}',
        }),
      );
      clock.advance(20);
      const before = await client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
      expect(before.ResourceDescriptions).toHaveLength(6);
      expect((await control('POST', '/__sandbox/reset')).status).toBe(200);
      const after = await client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
      expect(after.ResourceDescriptions).toHaveLength(5);
    } finally {
      client.destroy();
    }
  });

  it('never answers browsers or foreign Host names', async () => {
    const fromPage = await control('POST', '/__sandbox/faults', '{"throttleRate":1}', {
      origin: 'https://evil.example',
    });
    expect(fromPage.status).toBe(403);
    const rebound = await control('GET', '/__sandbox/faults', '', {
      host: `evil.example:${sandbox.port}`,
    });
    expect(rebound.status).toBe(403);
    expect(sandbox.faults.get()).toEqual({});
  });

  it('answers 404 for unknown routes and 405 for wrong methods', async () => {
    expect((await control('GET', '/__sandbox/nothing')).status).toBe(404);
    expect((await control('GET', '/__sandbox/reset')).status).toBe(405);
  });
});
