import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload, ScanRequest } from '../../../../shared/contract';
import { loadRegistrySnapshot } from '../../../registry/snapshot';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox/index';
import { EventBus } from '../../events';
import { createScanEngine, type ScanEngine, type ScanEngineOptions } from '../scan';
import { typeInfoFromSchemas } from '../type-info';
import type { TypeInfoLookup } from '../types';
import {
  sandboxSessions,
  type SandboxSessionOptions,
  type SandboxSessions,
} from './sandbox-sessions';

type InventoryEvent = Extract<EventName, `inventory.${string}`>;

export type Recorded = {
  [E in InventoryEvent]: { event: E; payload: EventPayload<E>; at: number };
}[InventoryEvent];

/** Every inventory event, in order, with when it arrived. */
export function record(bus: EventBus): Recorded[] {
  const events: Recorded[] = [];
  const names = ['inventory.rows', 'inventory.status', 'inventory.finished'] as const;
  for (const event of names) {
    bus.on(event, (payload) => {
      events.push({ event, payload, at: performance.now() } as Recorded);
    });
  }
  return events;
}

export interface ScanResult {
  scanId: string;
  rows: EventPayload<'inventory.rows'>['rows'];
  /** The last status per region. */
  statuses: Map<string, EventPayload<'inventory.status'>>;
  finished: EventPayload<'inventory.finished'> | undefined;
  events: Recorded[];
}

export function resultOf(scanId: string, all: readonly Recorded[]): ScanResult {
  const events = all.filter((e) => e.payload.scanId === scanId);
  const rows = events.flatMap((e) => (e.event === 'inventory.rows' ? e.payload.rows : []));
  const statuses = new Map<string, EventPayload<'inventory.status'>>();
  let finished: EventPayload<'inventory.finished'> | undefined;
  for (const e of events) {
    if (e.event === 'inventory.status') statuses.set(e.payload.region, e.payload);
    if (e.event === 'inventory.finished') finished = e.payload;
  }
  return { scanId, rows, statuses, finished, events };
}

let typeInfo: Promise<TypeInfoLookup> | undefined;

/** TypeInfo from the vendored registry, loaded once per test file. */
export function registryTypeInfo(): Promise<TypeInfoLookup> {
  typeInfo ??= loadRegistrySnapshot().then(typeInfoFromSchemas);
  return typeInfo;
}

export interface Harness {
  sandbox: RunningSandbox;
  sessions: SandboxSessions;
  bus: EventBus;
  engine: ScanEngine;
  events: Recorded[];
  /** Runs a scan to its end, under a new id unless one is given. */
  scan(
    request: Omit<ScanRequest, 'profile' | 'scanId'> & { profile?: string; scanId?: string },
  ): Promise<ScanResult>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  sessions?: SandboxSessionOptions;
  engine?: Partial<Omit<ScanEngineOptions, 'sessions' | 'bus' | 'typeInfo'>>;
}

/** A seeded sandbox (the real registry), test sessions and a scan engine with fast retries. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, mutationDelayMs: 10, ...options.sandbox });
  const sessions = sandboxSessions(sandbox.endpoint, options.sessions);
  const bus = new EventBus();
  const events = record(bus);
  const engine = createScanEngine({
    sessions,
    bus,
    typeInfo: await registryTypeInfo(),
    limits: { requestsPerSecond: 500, hydrateConcurrency: 8 },
    batchMs: 10,
    retry: { baseDelayMs: 2, maxDelayMs: 20, throttlingAttempts: 30, transientAttempts: 3 },
    ...options.engine,
  });
  return {
    sandbox,
    sessions,
    bus,
    engine,
    events,
    async scan(request) {
      const scanId = engine.scan({ profile: 'Sandbox', scanId: randomUUID(), ...request });
      await engine.settled(scanId);
      return resultOf(scanId, events);
    },
    async close() {
      sessions.destroy();
      await sandbox.close();
    },
  };
}
