import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paginateListResources } from '@aws-sdk/client-cloudcontrol';
import type { TrackedRequest } from '../../../../shared/contract';
import type { RunningSandbox, SandboxOptions } from '../../../sandbox';
import { testCatalog } from '../../../sandbox/test-support/fake-catalog';
import { startTestSandbox } from '../../../sandbox/test-support/sandbox';
import { EventBus } from '../../events';
import {
  sandboxSessions,
  type SandboxSessions,
} from '../../inventory/test-support/sandbox-sessions';
import { createRateLimiters } from '../../inventory/limiter';
import { createSettingsStore, type SettingsStore } from '../../settings/store';
import { createRequestJournal, type RequestJournal } from '../journal';
import {
  createMutationService,
  type MutationService,
  type MutationServiceOptions,
} from '../service';

export const IMAGE = 'AWS::SageMaker::Image';
export const REGION = 'eu-west-1';
export const PROFILE = 'Sandbox';
export const role = 'arn:aws:iam::123456789012:role/SageMakerRole';

export interface MutationHarness {
  sandbox: RunningSandbox;
  sessions: SandboxSessions;
  bus: EventBus;
  dataDir: string;
  settings: SettingsStore;
  journal: RequestJournal;
  service: MutationService;
  /** Every `requests.changed`, in order. */
  events: TrackedRequest[];
  /** The sandbox's log: one line per call (`cloudcontrol <region> <Operation> <status> …`). */
  calls: string[];
  /** Every line the service and the journal logged. */
  logs: string[];
  /** Epoch ms as both the sandbox and the service see it; `advance` moves it on. */
  now(): number;
  advance(ms: number): void;
  /** Closes the service and builds another on the same data folder (an app restart). */
  restart(options?: Partial<MutationServiceOptions>): MutationService;
  /** Resources of a type in a region, by ListResources. */
  count(typeName?: string, region?: string): Promise<number>;
  /** Calls of one Cloud Control operation the sandbox answered. */
  callsOf(operation: string): number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  service?: Partial<MutationServiceOptions>;
}

/**
 * A sandbox on the small test catalog over real HTTP, SDK sessions with fast retries, a
 * settings store and a journal in a temporary folder, and a mutation service with small
 * backoffs. Time is real time plus an offset tests can move (long lifecycles without waits).
 */
export async function startMutationHarness(options: HarnessOptions = {}): Promise<MutationHarness> {
  let offset = 0;
  const now = (): number => Date.now() + offset;
  const calls: string[] = [];
  const logs: string[] = [];
  // The service learns write-only properties from the same schemas the sandbox enforces.
  const catalog = options.sandbox?.catalog ?? testCatalog();
  const sandbox = await startTestSandbox({
    mutationDelayMs: 20,
    clock: () => new Date(now()),
    log: (line) => calls.push(line),
    ...options.sandbox,
    catalog,
  });
  const sessions = sandboxSessions(sandbox.endpoint, { maxAttempts: 2, retryDelayMs: 2 });
  const bus = new EventBus();
  const events: TrackedRequest[] = [];
  bus.on('requests.changed', (request) => events.push(request));
  const dataDir = await mkdtemp(join(tmpdir(), 'cloudshelf-mutations-'));
  const log = (line: string): void => {
    logs.push(line);
  };
  const settings = createSettingsStore({ file: join(dataDir, 'settings.json'), log });
  const build = (extra: Partial<MutationServiceOptions> = {}) => {
    const journal = createRequestJournal({ file: join(dataDir, 'requests.json'), log });
    const service = createMutationService({
      sessions,
      bus,
      journal,
      settings,
      log,
      now,
      // Far above the sandbox's pace, so tests never wait for a permit.
      limiters: createRateLimiters({ requestsPerSecond: 1000 }),
      writeOnlyProperties: (typeName) =>
        Promise.resolve(
          catalog.get(typeName)?.writeOnlyProperties.map((path) => `/properties/${path}`),
        ),
      poll: { initialDelayMs: 5, maxDelayMs: 20 },
      retry: { baseDelayMs: 2, maxDelayMs: 20 },
      ...options.service,
      ...extra,
    });
    return { journal, service };
  };
  const first = build();
  const harness: MutationHarness = {
    sandbox,
    sessions,
    bus,
    dataDir,
    settings,
    journal: first.journal,
    service: first.service,
    events,
    calls,
    logs,
    now,
    advance: (ms) => {
      offset += ms;
    },
    restart(extra) {
      const next = build(extra);
      harness.journal = next.journal;
      harness.service = next.service;
      return next.service;
    },
    async count(typeName = IMAGE, region = REGION) {
      const { cloudControl } = await sessions.clients(PROFILE, region);
      let total = 0;
      for await (const page of paginateListResources(
        { client: cloudControl },
        { TypeName: typeName },
      )) {
        total += page.ResourceDescriptions?.length ?? 0;
      }
      return total;
    },
    callsOf: (operation) => calls.filter((line) => line.includes(` ${operation} `)).length,
    async close() {
      await harness.service.close();
      sessions.destroy();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** An image's desired state, valid for the test catalog. */
export function image(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ImageName: name, ImageRoleArn: role, ...extra };
}
