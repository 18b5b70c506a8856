import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/index';
import { getResource, listPages, propertiesOf, type CallContext } from './calls';
import { createRateLimiter } from './limiter';
import { defaultRetryPolicy } from './retry';
import { sandboxSessions, type SandboxSessions } from './test-support/sandbox-sessions';

const lines: string[] = [];
let sandbox: RunningSandbox;
let sessions: SandboxSessions;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: (line) => lines.push(line) });
  sessions = sandboxSessions(sandbox.endpoint, { maxAttempts: 5, retryDelayMs: 1 });
});
afterAll(async () => {
  sessions.destroy();
  await sandbox.close();
});

async function context(region: string): Promise<CallContext & { attempts: () => number }> {
  let attempts = 0;
  return {
    client: (await sessions.clients('Sandbox', region)).cloudControl,
    limiter: createRateLimiter(1000),
    signal: new AbortController().signal,
    retry: { ...defaultRetryPolicy, baseDelayMs: 1, maxDelayMs: 5, throttlingAttempts: 50 },
    onAttempt: () => {
      attempts += 1;
    },
    attempts: () => attempts,
  };
}

const cloudControlCalls = (): number =>
  lines.filter((l) => l.startsWith('cloudcontrolapi ')).length;

describe('Cloud Control calls', () => {
  it('lists every page once, following NextToken, even when pages are throttled', async () => {
    sandbox.faults.set({ throttleRate: 0.4 });
    try {
      const ctx = await context('us-east-1');
      const before = cloudControlCalls();
      const ids: string[] = [];
      let pages = 0;
      for await (const page of listPages(ctx, 'AWS::SageMaker::Image', undefined)) {
        pages += 1;
        ids.push(...page.descriptions.map((d) => d.Identifier ?? ''));
      }
      expect(pages).toBe(3);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
      // Every HTTP attempt, the SDK's own retries included, went through the limiter.
      const sent = cloudControlCalls() - before;
      expect(sent).toBeGreaterThan(3);
      expect(ctx.attempts()).toBe(sent);
    } finally {
      sandbox.faults.reset();
    }
  });

  it('reads one resource in full, and answers undefined for one that is gone', async () => {
    const ctx = await context('us-west-2');
    const page = await listPages(ctx, 'AWS::SageMaker::Image', undefined).next();
    const first = page.done ? undefined : page.value.descriptions[0];
    const identifier = first?.Identifier ?? '';
    const full = await getResource(ctx, 'AWS::SageMaker::Image', identifier);
    expect(full && propertiesOf(full)).toMatchObject({ ImageArn: identifier });
    expect(full && propertiesOf(full)).toHaveProperty('ImageRoleArn');
    await expect(
      getResource(ctx, 'AWS::SageMaker::Image', `${identifier}-gone`),
    ).resolves.toBeUndefined();
  });

  it('passes the list model as JSON (parents filter the list)', async () => {
    const ctx = await context('us-east-1');
    const ids: string[] = [];
    for await (const page of listPages(ctx, 'AWS::SageMaker::ModelPackage', {
      ModelPackageGroupName: 'demand-forecast',
    })) {
      ids.push(...page.descriptions.map((d) => d.Identifier ?? ''));
    }
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => id.includes('/demand-forecast/'))).toBe(true);
  });

  it('aborts an SDK call in flight', async () => {
    sandbox.faults.set({ latencyMs: 2000 });
    try {
      const controller = new AbortController();
      const ctx = { ...(await context('eu-west-1')), signal: controller.signal };
      const started = performance.now();
      const pending = listPages(ctx, 'AWS::SageMaker::Image', undefined).next();
      setTimeout(() => {
        controller.abort();
      }, 20);
      await expect(pending).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      sandbox.faults.reset();
    }
  });
});
