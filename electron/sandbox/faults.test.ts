import { GetResourceCommand, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { DescribeTypeCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultEngine, parseFaultConfig } from './faults';
import type { RunningSandbox } from './index';
import { cloudControlClient, cloudFormationClient, failure } from './test-support/clients';
import { manualClock, startTestSandbox, type ManualClock } from './test-support/sandbox';

const list = new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' });

describe('FaultEngine', () => {
  it('merges with set(), clears a key set to undefined, and reset() removes everything', () => {
    const engine = new FaultEngine({ latencyMs: 5 });
    engine.set({ throttleRate: 0.5 });
    expect(engine.get()).toEqual({ latencyMs: 5, throttleRate: 0.5 });
    engine.set({ latencyMs: undefined });
    expect(engine.get()).toEqual({ throttleRate: 0.5 });
    engine.reset();
    expect(engine.get()).toEqual({});
    expect(() => {
      engine.set({ throttleRate: 2 });
    }).toThrow('throttleRate must be a number from 0 to 1');
  });

  it('makes the same random decisions for the same seed, and others for another seed', () => {
    const pattern = (seed: number): string[] => {
      const engine = new FaultEngine({ throttleRate: 0.5, randomSeed: seed });
      return Array.from({ length: 40 }, () => engine.decide('a', 'r').fault?.kind ?? 'ok');
    };
    expect(pattern(7)).toEqual(pattern(7));
    expect(pattern(7)).not.toEqual(pattern(8));
    const throttled = pattern(7).filter((kind) => kind === 'throttle').length;
    expect(throttled).toBeGreaterThan(8);
    expect(throttled).toBeLessThan(32);
  });

  it('limits requests per second per (account, region) with a refilling bucket', () => {
    let now = 0;
    const engine = new FaultEngine({ regionRps: 2 }, () => now);
    const kinds = (account: string, region: string): string =>
      engine.decide(account, region).fault?.kind ?? 'ok';
    expect([kinds('a', 'r'), kinds('a', 'r'), kinds('a', 'r')]).toEqual(['ok', 'ok', 'throttle']);
    expect(kinds('a', 'other')).toBe('ok');
    expect(kinds('b', 'r')).toBe('ok');
    now += 500;
    expect([kinds('a', 'r'), kinds('a', 'r')]).toEqual(['ok', 'throttle']);
  });

  it('checks down regions first, then access denial', () => {
    const engine = new FaultEngine({
      downRegions: { 'eu-west-1': 'refuse', 'us-west-2': 'unavailable' },
      accessDeniedRegions: ['eu-west-1', 'ap-south-1'],
      latencyMs: 3,
    });
    expect(engine.decide('a', 'eu-west-1')).toEqual({ latencyMs: 3, fault: { kind: 'refuse' } });
    expect(engine.decide('a', 'us-west-2').fault).toEqual({ kind: 'unavailable' });
    expect(engine.decide('a', 'ap-south-1').fault).toEqual({ kind: 'accessDenied' });
    expect(engine.decide('a', 'us-east-1')).toEqual({ latencyMs: 3 });
  });

  it('takes one operation down in one region, and only that one', () => {
    const engine = new FaultEngine({
      downOperations: { 'us-east-1': { GetResource: 'unavailable', ListResources: 'refuse' } },
    });
    expect(engine.decide('a', 'us-east-1', 'GetResource').fault).toEqual({ kind: 'unavailable' });
    expect(engine.decide('a', 'us-east-1', 'ListResources').fault).toEqual({ kind: 'refuse' });
    expect(engine.decide('a', 'us-east-1', 'GetResourceRequestStatus').fault).toBeUndefined();
    expect(engine.decide('a', 'eu-west-1', 'GetResource').fault).toBeUndefined();
  });

  it('picks the create failure for a type, defaulting the error code', () => {
    const engine = new FaultEngine({
      failCreates: [
        { typeName: 'AWS::S3::Bucket', message: 'no buckets' },
        { message: 'nothing else either', errorCode: 'Throttling' },
      ],
    });
    expect(engine.createFailure('AWS::S3::Bucket')).toEqual({
      errorCode: 'GeneralServiceException',
      message: 'no buckets',
    });
    expect(engine.createFailure('AWS::IAM::Role')).toEqual({
      errorCode: 'Throttling',
      message: 'nothing else either',
    });
    expect(new FaultEngine().createFailure('AWS::IAM::Role')).toBeUndefined();
  });
});

describe('parseFaultConfig', () => {
  it('accepts a full configuration', () => {
    const config = {
      latencyMs: 10,
      throttleRate: 0.1,
      regionRps: 25,
      serverErrorRate: 0.05,
      downRegions: { 'eu-west-1': 'refuse' },
      downOperations: { 'us-east-1': { GetResource: 'unavailable' } },
      accessDeniedRegions: ['ap-south-1'],
      failCreates: [{ typeName: 'AWS::S3::Bucket', errorCode: 'AccessDenied', message: 'no' }],
      randomSeed: 3,
    };
    expect(parseFaultConfig(config)).toEqual({ ok: true, config });
  });

  it.each([
    [[], 'JSON object'],
    [{ bogus: 1 }, 'unknown fault setting "bogus"'],
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ serverErrorRate: 1.5 }, 'serverErrorRate'],
    [{ regionRps: 0 }, 'regionRps'],
    [{ randomSeed: 1.5 }, 'randomSeed'],
    [{ downRegions: { 'eu-west-1': 'off' } }, 'downRegions.eu-west-1'],
    [{ downOperations: { 'us-east-1': 'unavailable' } }, 'downOperations.us-east-1'],
    [
      { downOperations: { 'us-east-1': { GetResource: 'off' } } },
      'downOperations.us-east-1.GetResource',
    ],
    [{ accessDeniedRegions: 'eu-west-1' }, 'accessDeniedRegions'],
    [{ failCreates: [{}] }, 'needs a message'],
    [{ failCreates: [{ message: 'x', errorCode: 'Nope' }] }, 'errorCode must be one of'],
    [{ failCreates: [{ message: 'x', extra: 1 }] }, 'unknown failCreates setting'],
  ])('refuses %j', (value, expected) => {
    const parsed = parseFaultConfig(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(expected);
  });
});

describe('faults through the real SDKs', () => {
  let sandbox: RunningSandbox;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = manualClock();
    sandbox = await startTestSandbox({ clock: clock.now });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.reset();
  });
  const client = (region = 'us-east-1', accessKeyId?: string) =>
    cloudControlClient(sandbox.endpoint, { region, ...(accessKeyId ? { accessKeyId } : {}) });

  it('adds latency to every answer', async () => {
    sandbox.faults.set({ latencyMs: 120 });
    const started = performance.now();
    await client().send(list);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('throttles with 400 ThrottlingException "Rate exceeded"', async () => {
    sandbox.faults.set({ throttleRate: 1 });
    const error = await failure(() => client().send(list));
    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('throttles beyond the per-region rate, and recovers as time passes', async () => {
    sandbox.faults.set({ regionRps: 2 });
    const c = client('us-west-2');
    await c.send(list);
    await c.send(list);
    expect((await failure(() => c.send(list))).name).toBe('ThrottlingException');
    await client('eu-west-1').send(list);
    clock.advance(1000);
    await c.send(list);
  });

  it('answers server errors (502 ServiceInternalErrorException)', async () => {
    sandbox.faults.set({ serverErrorRate: 1 });
    const error = await failure(() => client().send(list));
    expect(error.name).toBe('ServiceInternalErrorException');
    expect(error.$metadata?.httpStatusCode).toBe(502);
  });

  it('takes a region down: refused connections or 503', async () => {
    sandbox.faults.set({ downRegions: { 'eu-west-1': 'refuse', 'us-west-2': 'unavailable' } });
    const refused = await failure(() => client('eu-west-1').send(list));
    expect(refused.$metadata?.httpStatusCode).toBeUndefined();
    expect(
      `${refused.name} ${refused.message} ${String((refused as { code?: string }).code)}`,
    ).toMatch(/ECONNRESET|socket hang up|aborted/i);
    const unavailable = await failure(() => client('us-west-2').send(list));
    expect(unavailable.$metadata?.httpStatusCode).toBe(503);
    expect(unavailable.name).toBe('ServiceUnavailableException');
    await client('us-east-1').send(list);
  });

  it('takes only GetResource down in one region: its lists and other regions still answer', async () => {
    sandbox.faults.set({ downOperations: { 'us-east-1': { GetResource: 'unavailable' } } });
    const read = new GetResourceCommand({ TypeName: 'AWS::SageMaker::Image', Identifier: 'nope' });
    const east = client('us-east-1');
    await east.send(list);
    const error = await failure(() => east.send(read));
    expect(error.$metadata?.httpStatusCode).toBe(503);
    expect(error.name).toBe('ServiceUnavailableException');
    // Answered by the service, not the fault: the image does not exist.
    expect((await failure(() => client('eu-west-1').send(read))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('denies access in a region, naming the account and the IAM action', async () => {
    sandbox.faults.set({ accessDeniedRegions: ['ap-northeast-1'] });
    const error = await failure(() => client('ap-northeast-1', 'AKIDDENIED').send(list));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toMatch(
      /^User: arn:aws:iam::\d{12}:user\/sandbox is not authorized to perform: cloudformation:ListResources on resource: arn:aws:cloudformation:ap-northeast-1:\d{12}:resource\/\* because no identity-based policy allows the cloudformation:ListResources action$/,
    );
  });

  it('applies to CloudFormation calls too, as awsQuery errors', async () => {
    sandbox.faults.set({ throttleRate: 1 });
    const cfn = cloudFormationClient(sandbox.endpoint);
    try {
      const throttled = await failure(() =>
        cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::S3::Bucket' })),
      );
      expect(throttled.name).toBe('Throttling');
      expect(throttled.message).toBe('Rate exceeded');
      sandbox.faults.replace({ accessDeniedRegions: ['us-east-1'] });
      const denied = await failure(() =>
        cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::S3::Bucket' })),
      );
      expect(denied.name).toBe('AccessDenied');
      expect(denied.message).toContain('cloudformation:DescribeType');
      expect(denied.$metadata?.httpStatusCode).toBe(403);
    } finally {
      cfn.destroy();
    }
  });

  it('is controlled over HTTP: POST replaces, GET reads', async () => {
    const post = await fetch(`${sandbox.endpoint}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ throttleRate: 1 }),
    });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ throttleRate: 1 });
    expect((await failure(() => client().send(list))).name).toBe('ThrottlingException');
    const get = await fetch(`${sandbox.endpoint}/__sandbox/faults`);
    expect(await get.json()).toEqual({ throttleRate: 1 });
    await fetch(`${sandbox.endpoint}/__sandbox/faults`, { method: 'POST', body: '{}' });
    await client().send(list);
  });
});
