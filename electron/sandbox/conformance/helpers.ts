/**
 * Shared plumbing for the sandbox conformance suites. Everything here drives the sandbox through
 * real AWS clients (the JS SDK v3 or the AWS CLI) over HTTP: nothing is mocked.
 */
import {
  CloudControlServiceException,
  GetResourceRequestStatusCommand,
  paginateListResources,
  waitUntilResourceRequestSuccess,
  type CloudControlClient,
  type ProgressEvent,
  type ResourceDescription,
} from '@aws-sdk/client-cloudcontrol';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { ResourceSchema } from '../../registry/resource-schema';
import {
  cloudControlClient,
  cloudFormationClient,
  type ClientOptions as SandboxClientOptions,
} from '../test-support/clients';

/** The access key most tests use for the seeded account. */
export const DEFAULT_ACCESS_KEY = 'AKIDSANDBOX';

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set([
  'SUCCESS',
  'FAILED',
  'CANCEL_COMPLETE',
]);

/**
 * A syntactically valid access key id of 20 upper-case characters, distinct per label, so a
 * test can be its own account (the sandbox keeps state per access key).
 */
export function accessKeyFor(label: string): string {
  const cleaned = label.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return `AKIA${cleaned}`.padEnd(20, '0').slice(0, 20);
}

let uniqueCounter = 0;
/** A name that matches SageMaker's `^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$` and is unique per run. */
export function uniqueName(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${uniqueCounter}`;
}

export interface ClientOptions extends SandboxClientOptions {
  /** Each suite names the region it talks to. */
  region: string;
}

/** The suites' clients belong to the seeded account unless a test names another key. */
function withDefaultKey(options: ClientOptions): ClientOptions {
  return { ...options, accessKeyId: options.accessKeyId ?? DEFAULT_ACCESS_KEY };
}

/** Creates SDK clients aimed at one endpoint and destroys them all at the end of a file. */
export class ClientPool {
  private readonly clients: { destroy(): void }[] = [];

  constructor(private readonly endpoint: () => string) {}

  cloudControl(options: ClientOptions): CloudControlClient {
    return this.track(cloudControlClient(this.endpoint(), withDefaultKey(options)));
  }

  cloudFormation(options: ClientOptions): CloudFormationClient {
    return this.track(cloudFormationClient(this.endpoint(), withDefaultKey(options)));
  }

  destroyAll(): void {
    for (const client of this.clients.splice(0)) client.destroy();
  }

  private track<C extends { destroy(): void }>(client: C): C {
    this.clients.push(client);
    return client;
  }
}

/**
 * Fast waiter settings. The waiter takes seconds and accepts fractions (it only requires
 * minDelay > 0; its documentation asks for maxDelay >= 1), and backs off from minDelay up.
 */
export const FAST_WAITER = { maxWaitTime: 10, minDelay: 0.05, maxDelay: 1 } as const;

/** Waits with the SDK's own waiter and returns the final (SUCCESS) progress event. */
export async function waitForSuccess(
  client: CloudControlClient,
  requestToken: string | undefined,
): Promise<ProgressEvent> {
  const result = await waitUntilResourceRequestSuccess(
    { client, ...FAST_WAITER },
    { RequestToken: requireValue(requestToken, 'RequestToken') },
  );
  return requireValue(result.final?.ProgressEvent, 'ProgressEvent of the waiter result');
}

/** Polls GetResourceRequestStatus until the request reaches a terminal status. */
export async function pollUntilTerminal(
  client: CloudControlClient,
  requestToken: string | undefined,
  timeoutMs = 10_000,
): Promise<ProgressEvent> {
  const token = requireValue(requestToken, 'RequestToken');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { ProgressEvent: event } = await client.send(
      new GetResourceRequestStatusCommand({ RequestToken: token }),
    );
    if (event?.OperationStatus && TERMINAL_STATUSES.has(event.OperationStatus)) return event;
    if (Date.now() > deadline) {
      throw new Error(
        `request ${token} still ${String(event?.OperationStatus)} after ${timeoutMs} ms`,
      );
    }
    await sleep(25);
  }
}

export interface ListedPages {
  pages: ResourceDescription[][];
  items: ResourceDescription[];
  /** HTTP attempts the SDK made for all pages, retries included. */
  attempts: number;
}

/** Follows NextToken with the SDK's paginator and keeps the pages apart. */
export async function listAllPages(
  client: CloudControlClient,
  typeName: string,
  extra: { ResourceModel?: string; MaxResults?: number } = {},
): Promise<ListedPages> {
  const pages: ResourceDescription[][] = [];
  let attempts = 0;
  for await (const page of paginateListResources({ client }, { TypeName: typeName, ...extra })) {
    pages.push(page.ResourceDescriptions ?? []);
    attempts += page.$metadata.attempts ?? 1;
  }
  return { pages, items: pages.flat(), attempts };
}

/** The JSON object in a ResourceDescription's Properties string. */
export function propertiesOf(
  description: ResourceDescription | undefined,
): Record<string, unknown> {
  const text = requireValue(description?.Properties, 'Properties');
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed)) throw new Error(`Properties is not a JSON object: ${text}`);
  return parsed;
}

/** The JSON object in a ProgressEvent's ResourceModel string. */
export function resourceModelOf(event: ProgressEvent | undefined): Record<string, unknown> {
  const text = requireValue(event?.ResourceModel, 'ResourceModel');
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed)) throw new Error(`ResourceModel is not a JSON object: ${text}`);
  return parsed;
}

export interface CaughtError {
  error: unknown;
  name: string;
  message: string;
  /** Undefined when no HTTP response arrived (connection refused or reset). */
  status: number | undefined;
  attempts: number | undefined;
  code: string | undefined;
}

/** Awaits a promise that must reject and describes the rejection. */
export async function expectRejection(promise: Promise<unknown>): Promise<CaughtError> {
  try {
    await promise;
  } catch (error: unknown) {
    return describeError(error);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export function describeError(error: unknown): CaughtError {
  const record = isRecord(error) ? error : {};
  const metadata = isRecord(record.$metadata) ? record.$metadata : {};
  return {
    error,
    name: typeof record.name === 'string' ? record.name : typeof error,
    message: typeof record.message === 'string' ? record.message : String(error),
    status: typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined,
    attempts: typeof metadata.attempts === 'number' ? metadata.attempts : undefined,
    code: typeof record.code === 'string' ? record.code : undefined,
  };
}

/** True for errors the SDK built from a Cloud Control error response (modeled or not). */
export function isServiceError(error: unknown): error is CloudControlServiceException {
  return error instanceof CloudControlServiceException;
}

/** POSTs a JSON body to one of the sandbox's control routes (`/__sandbox/…`). */
export async function postControl(endpoint: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(new URL(path, endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

export function requireValue<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** An EventTime the SDK parsed from an epoch-seconds number: a valid, recent Date. */
export function isRecentDate(value: unknown, withinMs = 10 * 60_000): boolean {
  return (
    value instanceof Date &&
    !Number.isNaN(value.getTime()) &&
    Math.abs(Date.now() - value.getTime()) < withinMs
  );
}

/** What the registry snapshot says about one type: the ground truth DescribeType/ListTypes answer from. */
export interface RegistryType {
  typeName: string;
  schema: ResourceSchema;
  provisioningType: 'FULLY_MUTABLE' | 'IMMUTABLE' | 'NON_PROVISIONABLE';
}

const REGISTRY_TGZ = fileURLToPath(
  new URL('../../registry/cloudformation-resource-schemas.tgz', import.meta.url),
);

/**
 * Reads the vendored registry snapshot directly (not through the sandbox) and returns the types
 * whose names start with `prefix`. AWS's rule: NON_PROVISIONABLE unless the type has create,
 * read and delete handlers; FULLY_MUTABLE when it also has update; otherwise IMMUTABLE.
 */
export async function readRegistry(prefix: string): Promise<Map<string, RegistryType>> {
  const found = new Map<string, RegistryType>();
  const extract = tar.extract();
  const source = createReadStream(REGISTRY_TGZ).pipe(createGunzip()).pipe(extract);
  for await (const entry of source) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    if (entry.header.type !== 'file' || !entry.header.name.endsWith('.json')) continue;
    const schema = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ResourceSchema;
    if (!schema.typeName.startsWith(prefix)) continue;
    const handlers = schema.handlers ?? {};
    const provisionable = Boolean(handlers.create && handlers.read && handlers.delete);
    found.set(schema.typeName, {
      typeName: schema.typeName,
      schema,
      provisioningType: !provisionable
        ? 'NON_PROVISIONABLE'
        : handlers.update
          ? 'FULLY_MUTABLE'
          : 'IMMUTABLE',
    });
  }
  return found;
}

/**
 * The sandbox's clock option: real time, except that a test can hold it still so requests
 * stay in flight (PENDING/IN_PROGRESS) for as long as it needs. Thawing returns to real time.
 */
export class FreezableClock {
  private frozenAt: number | undefined;

  readonly now = (): Date => new Date(this.frozenAt ?? Date.now());

  freeze(): void {
    this.frozenAt ??= Date.now();
  }

  thaw(): void {
    this.frozenAt = undefined;
  }
}
