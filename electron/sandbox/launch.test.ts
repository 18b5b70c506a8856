import { ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { startSandbox, type SandboxOptions } from './index';
import { defaultPort, main, parseArgs, type LaunchIo } from './launch';
import { cloudControlClient } from './test-support/clients';
import { testCatalog } from './test-support/fake-catalog';

describe('parseArgs', () => {
  it('defaults to port 4599, 1500 ms steps, seeded, no faults', () => {
    expect(parseArgs([])).toEqual({
      ok: true,
      help: false,
      options: { port: defaultPort, mutationDelayMs: 1500, seed: true, faults: {}, verbose: false },
    });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const parsed = parseArgs([
      '--port=0',
      '--delay',
      '10',
      '--no-seed',
      '--latency',
      '25',
      '--throttle-rate=0.25',
      '--region-rps',
      '30',
      '--error-rate',
      '0.1',
      '--down',
      'eu-west-1',
      '--down=us-west-2:unavailable',
      '--down-operation',
      'us-east-1:GetResource:unavailable',
      '--down-operation=us-east-1:ListResources',
      '--deny',
      'ap-northeast-1',
      '--fail-create',
      'AWS::SageMaker::Image:Quota reached: 10 images',
      '--fail-create=*',
      '--fault-seed',
      '9',
      '--verbose',
    ]);
    expect(parsed).toEqual({
      ok: true,
      help: false,
      options: {
        port: 0,
        mutationDelayMs: 10,
        seed: false,
        verbose: true,
        faults: {
          latencyMs: 25,
          throttleRate: 0.25,
          regionRps: 30,
          serverErrorRate: 0.1,
          downRegions: { 'eu-west-1': 'refuse', 'us-west-2': 'unavailable' },
          downOperations: { 'us-east-1': { GetResource: 'unavailable', ListResources: 'refuse' } },
          accessDeniedRegions: ['ap-northeast-1'],
          failCreates: [
            { typeName: 'AWS::SageMaker::Image', message: 'Quota reached: 10 images' },
            { message: 'Simulated failure (sandbox --fail-create)' },
          ],
          randomSeed: 9,
        },
      },
    });
  });

  it.each([
    [['--port'], '--port needs a value'],
    [['--port', '70000'], '--port must be'],
    [['--delay', '-5'], '--delay must be'],
    [['--throttle-rate', '1.5'], '--throttle-rate must be a number from 0 to 1'],
    [['--error-rate', 'lots'], '--error-rate must be'],
    [['--region-rps', '0'], '--region-rps must be'],
    [['--down', 'eu-west-1:sideways'], '--down takes'],
    [['--down', 'Europe'], '--down takes'],
    [['--down-operation', 'us-east-1'], '--down-operation takes'],
    [['--down-operation', 'us-east-1:getResource'], '--down-operation takes'],
    [['--down-operation', 'us-east-1:GetResource:sideways'], '--down-operation takes'],
    [['--deny', 'nowhere'], '--deny takes'],
    [['--fail-create', 'S3Bucket'], '--fail-create takes'],
    [['--host', '0.0.0.0'], 'unknown argument "--host"'],
  ])('refuses %j', (argv, expected) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(expected);
  });
});

describe('main', () => {
  function io(): LaunchIo & { stdout: string[]; stderr: string[] } {
    const stdout: string[] = [];
    const stderr: string[] = [];
    return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
  }
  const start = (options: SandboxOptions) => startSandbox({ ...options, catalog: testCatalog() });

  it('prints exactly the endpoint line, and the endpoint answers the SDK', async () => {
    const streams = io();
    const result = await main(['--port', '0', '--deny', 'eu-west-1'], streams, start);
    try {
      expect(result.exitCode).toBe(0);
      expect(streams.stdout).toHaveLength(1);
      const match = /^Sandbox endpoint: (http:\/\/127\.0\.0\.1:(\d+))$/.exec(
        streams.stdout[0] ?? '',
      );
      expect(match).not.toBeNull();
      const client = cloudControlClient(match?.[1] ?? '', { region: 'us-east-1' });
      const list = await client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
      expect(list.ResourceDescriptions).toHaveLength(5);
      const denied = cloudControlClient(match?.[1] ?? '', { region: 'eu-west-1' });
      await expect(
        denied.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' })),
      ).rejects.toThrow('not authorized');
      client.destroy();
      denied.destroy();
      expect(streams.stderr).toEqual([]);
    } finally {
      await result.sandbox?.close();
    }
  });

  it('logs calls on stderr with --verbose', async () => {
    const streams = io();
    const result = await main(['--port', '0', '--verbose', '--no-seed'], streams, start);
    try {
      const client = cloudControlClient(result.sandbox?.endpoint ?? '');
      await client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
      client.destroy();
      expect(streams.stderr).toEqual([
        expect.stringMatching(
          /^cloudshelf-sandbox: cloudcontrolapi us-east-1 ListResources 200/,
        ) as unknown,
      ]);
    } finally {
      await result.sandbox?.close();
    }
  });

  it('exits 2 with one line for a bad flag, printing nothing on stdout', async () => {
    const streams = io();
    const result = await main(['--latency', 'slow'], streams, start);
    expect(result.exitCode).toBe(2);
    expect(streams.stdout).toEqual([]);
    expect(streams.stderr).toEqual([
      expect.stringContaining('cloudshelf-sandbox: --latency must be') as unknown,
    ]);
  });

  it('prints the usage for --help', async () => {
    const streams = io();
    expect((await main(['--help'], streams, start)).exitCode).toBe(0);
    expect(streams.stdout[0]).toContain('--fail-create');
  });

  it('says which port is taken when it cannot listen', async () => {
    const first = await main(['--port', '0'], io(), start);
    try {
      const streams = io();
      const second = await main(['--port', String(first.sandbox?.port)], streams, start);
      expect(second.exitCode).toBe(1);
      expect(streams.stderr).toEqual([
        `cloudshelf-sandbox: port ${first.sandbox?.port} is already in use; pick another with --port <n>, or --port 0 for a free one.`,
      ]);
    } finally {
      await first.sandbox?.close();
    }
  });
});
