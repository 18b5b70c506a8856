import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { describe, expect, it } from 'vitest';
import { cloudControlClient, failure } from './test-support/clients';
import { startTestSandbox } from './test-support/sandbox';

describe('startSandbox', () => {
  it('listens on 127.0.0.1 on a free port and names it as the endpoint', async () => {
    const sandbox = await startTestSandbox();
    try {
      expect(sandbox.port).toBeGreaterThan(0);
      expect(sandbox.endpoint).toBe(`http://127.0.0.1:${sandbox.port}`);
      const client = cloudControlClient(sandbox.endpoint);
      const list = await client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
      expect(list.ResourceDescriptions).toEqual([]);
      client.destroy();
    } finally {
      await sandbox.close();
    }
  });

  it('is not reachable on other interfaces', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;
    const sandbox = await startTestSandbox();
    try {
      if (external) {
        const reached = await new Promise<boolean>((resolve) => {
          const req = request({ host: external, port: sandbox.port, method: 'POST' }, () => {
            resolve(true);
          });
          req.on('error', () => {
            resolve(false);
          });
          req.end();
        });
        expect(reached).toBe(false);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('closes promptly even with keep-alive connections open, and then refuses calls', async () => {
    const sandbox = await startTestSandbox();
    const client = cloudControlClient(sandbox.endpoint);
    await client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
    const started = performance.now();
    await sandbox.close();
    expect(performance.now() - started).toBeLessThan(1000);
    const error = await failure(() =>
      client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' })),
    );
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    client.destroy();
  });

  it('bulk-seeds every new account with extraSeed, with or without the sample data', async () => {
    const sandbox = await startTestSandbox({
      extraSeed: (seeder) => {
        for (let i = 0; i < 30; i++) {
          seeder.insert(
            'AWS::SageMaker::Image',
            'sa-east-1',
            { ImageName: `bulk-${i}`, ImageRoleArn: 'arn:aws:iam::123456789012:role/r' },
            new Date(0),
          );
        }
      },
    });
    try {
      const client = cloudControlClient(sandbox.endpoint, { region: 'sa-east-1' });
      const first = await client.send(
        new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' }),
      );
      const second = await client.send(
        new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image', NextToken: first.NextToken }),
      );
      expect(
        (first.ResourceDescriptions ?? []).length + (second.ResourceDescriptions ?? []).length,
      ).toBe(30);
      const seeded = cloudControlClient(sandbox.endpoint, { region: 'us-east-1' });
      // seed: false (startTestSandbox's default) still holds: no sample data beside the bulk.
      const samples = await seeded.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
      expect(samples.ResourceDescriptions).toEqual([]);
      client.destroy();
      seeded.destroy();
    } finally {
      await sandbox.close();
    }
  });

  it('takes faults at start', async () => {
    const sandbox = await startTestSandbox({ faults: { throttleRate: 1 } });
    try {
      expect(sandbox.faults.get()).toEqual({ throttleRate: 1 });
      const client = cloudControlClient(sandbox.endpoint);
      const error = await failure(() =>
        client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' })),
      );
      expect(error.name).toBe('ThrottlingException');
      client.destroy();
    } finally {
      await sandbox.close();
    }
  });
});
