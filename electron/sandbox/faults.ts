import { createRandom, type Random } from './prng';

/**
 * Fault injection for tests and benchmarks. Random decisions come from a seeded PRNG that
 * restarts whenever the configuration changes, so the same config and the same requests
 * give the same faults.
 */
export type DownMode = 'refuse' | 'unavailable';

/** Cloud Control's HandlerErrorCode values (the ErrorCode of a FAILED progress event). */
export const handlerErrorCodes = [
  'NotUpdatable',
  'InvalidRequest',
  'AccessDenied',
  'UnauthorizedTaggingOperation',
  'InvalidCredentials',
  'AlreadyExists',
  'NotFound',
  'ResourceConflict',
  'Throttling',
  'ServiceLimitExceeded',
  'NotStabilized',
  'GeneralServiceException',
  'ServiceInternalError',
  'ServiceTimeout',
  'NetworkFailure',
  'InternalFailure',
] as const;
export type HandlerErrorCode = (typeof handlerErrorCodes)[number];

export interface CreateFailure {
  /** Only creates of this type fail; every type when absent. */
  typeName?: string;
  /** The FAILED event's ErrorCode; GeneralServiceException when absent. */
  errorCode?: HandlerErrorCode;
  message: string;
}

export interface FaultConfig {
  /** Added before every answer. */
  latencyMs?: number;
  /** Share of requests (0..1) answered with ThrottlingException. */
  throttleRate?: number;
  /** Requests per second allowed per (account, region); beyond it, ThrottlingException. */
  regionRps?: number;
  /** Share of requests (0..1) answered with a 5xx. */
  serverErrorRate?: number;
  /** refuse: the socket is destroyed unanswered; unavailable: 503. */
  downRegions?: Record<string, DownMode>;
  /**
   * One operation down in one region, e.g. `{ 'us-east-1': { GetResource: 'unavailable' } }`:
   * a proxy or a regional service answering some calls and not others.
   */
  downOperations?: Record<string, Record<string, DownMode>>;
  /** Regions where every call is AccessDenied. */
  accessDeniedRegions?: string[];
  /** Creates accepted, then FAILED with a handler error. */
  failCreates?: CreateFailure[];
  /** Seed of the PRNG behind the rates (default 1). */
  randomSeed?: number;
}

export interface FaultController {
  get(): FaultConfig;
  /** Merges into the current configuration (a key set to undefined is cleared). */
  set(partial: FaultConfig): void;
  /** Replaces the whole configuration. */
  replace(config: FaultConfig): void;
  /** No faults at all. */
  reset(): void;
}

export type Fault =
  | { kind: 'refuse' }
  | { kind: 'unavailable' }
  | { kind: 'accessDenied' }
  | { kind: 'throttle' }
  | { kind: 'serverError' };

export interface FaultDecision {
  latencyMs: number;
  fault?: Fault;
}

export class FaultEngine implements FaultController {
  private config: FaultConfig = {};
  private random: Random = createRandom(1);
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    initial: FaultConfig = {},
    private readonly now: () => number = Date.now,
  ) {
    this.replace(initial);
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  set(partial: FaultConfig): void {
    const merged: Record<string, unknown> = { ...this.config };
    for (const [key, value] of Object.entries(partial)) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- clearing one fault key
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
    this.replace(merged);
  }

  replace(config: FaultConfig): void {
    const checked = parseFaultConfig(config);
    if (!checked.ok) throw new Error(checked.message);
    this.config = structuredClone(checked.config);
    this.random = createRandom(this.config.randomSeed ?? 1);
    this.buckets.clear();
  }

  reset(): void {
    this.replace({});
  }

  /** What happens to one signed request to (account, region) calling `operation`. */
  decide(account: string, region: string, operation?: string): FaultDecision {
    const { config } = this;
    const latencyMs = config.latencyMs ?? 0;
    const down =
      config.downRegions?.[region] ??
      (operation === undefined ? undefined : config.downOperations?.[region]?.[operation]);
    if (down) return { latencyMs, fault: { kind: down === 'refuse' ? 'refuse' : 'unavailable' } };
    if (config.accessDeniedRegions?.includes(region))
      return { latencyMs, fault: { kind: 'accessDenied' } };
    if (config.regionRps !== undefined && !this.take(`${account}/${region}`, config.regionRps)) {
      return { latencyMs, fault: { kind: 'throttle' } };
    }
    if (config.throttleRate && this.random() < config.throttleRate) {
      return { latencyMs, fault: { kind: 'throttle' } };
    }
    if (config.serverErrorRate && this.random() < config.serverErrorRate) {
      return { latencyMs, fault: { kind: 'serverError' } };
    }
    return { latencyMs };
  }

  /** The handler failure a new create of this type must end in, if any. */
  createFailure(typeName: string): { errorCode: HandlerErrorCode; message: string } | undefined {
    const match = this.config.failCreates?.find(
      (f) => f.typeName === undefined || f.typeName === typeName,
    );
    return (
      match && { errorCode: match.errorCode ?? 'GeneralServiceException', message: match.message }
    );
  }

  /** A token bucket per (account, region): `rps` tokens a second, bursts up to `rps`. */
  private take(key: string, rps: number): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: rps, at: now };
    bucket.tokens = Math.min(rps, bucket.tokens + ((now - bucket.at) / 1000) * rps);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

type Parsed = { ok: true; config: FaultConfig } | { ok: false; message: string };

const knownKeys: ReadonlySet<string> = new Set([
  'latencyMs',
  'throttleRate',
  'regionRps',
  'serverErrorRate',
  'downRegions',
  'downOperations',
  'accessDeniedRegions',
  'failCreates',
  'randomSeed',
]);

/** Checks a configuration from outside (HTTP body, flags); unknown keys are refused. */
export function parseFaultConfig(value: unknown): Parsed {
  if (!isRecord(value)) return { ok: false, message: 'fault config must be a JSON object' };
  const fail = (message: string): Parsed => ({ ok: false, message });
  for (const key of Object.keys(value)) {
    if (!knownKeys.has(key)) return fail(`unknown fault setting "${key}"`);
  }
  const config: FaultConfig = {};
  const { latencyMs, throttleRate, regionRps, serverErrorRate, randomSeed } = value;
  if (latencyMs !== undefined) {
    if (!isNumber(latencyMs) || latencyMs < 0 || latencyMs > 600_000) {
      return fail('latencyMs must be a number of milliseconds from 0 to 600000');
    }
    config.latencyMs = latencyMs;
  }
  for (const [key, rate] of [
    ['throttleRate', throttleRate],
    ['serverErrorRate', serverErrorRate],
  ] as const) {
    if (rate === undefined) continue;
    if (!isNumber(rate) || rate < 0 || rate > 1) return fail(`${key} must be a number from 0 to 1`);
    config[key] = rate;
  }
  if (regionRps !== undefined) {
    if (!isNumber(regionRps) || regionRps <= 0) return fail('regionRps must be a number above 0');
    config.regionRps = regionRps;
  }
  if (randomSeed !== undefined) {
    if (!Number.isInteger(randomSeed)) return fail('randomSeed must be an integer');
    config.randomSeed = randomSeed as number;
  }
  if (value.downRegions !== undefined) {
    if (!isRecord(value.downRegions))
      return fail('downRegions must map regions to "refuse" or "unavailable"');
    const down: Record<string, DownMode> = {};
    for (const [region, mode] of Object.entries(value.downRegions)) {
      if (mode !== 'refuse' && mode !== 'unavailable') {
        return fail(`downRegions.${region} must be "refuse" or "unavailable"`);
      }
      down[region] = mode;
    }
    config.downRegions = down;
  }
  if (value.downOperations !== undefined) {
    const problem = 'must map operation names to "refuse" or "unavailable"';
    if (!isRecord(value.downOperations)) return fail(`downOperations ${problem} per region`);
    const down: Record<string, Record<string, DownMode>> = {};
    for (const [region, operations] of Object.entries(value.downOperations)) {
      if (!isRecord(operations)) return fail(`downOperations.${region} ${problem}`);
      down[region] = {};
      for (const [operation, mode] of Object.entries(operations)) {
        if (mode !== 'refuse' && mode !== 'unavailable') {
          return fail(`downOperations.${region}.${operation} must be "refuse" or "unavailable"`);
        }
        down[region][operation] = mode;
      }
    }
    config.downOperations = down;
  }
  if (value.accessDeniedRegions !== undefined) {
    const regions = value.accessDeniedRegions;
    if (!Array.isArray(regions) || !regions.every((r) => typeof r === 'string')) {
      return fail('accessDeniedRegions must be a list of region names');
    }
    config.accessDeniedRegions = [...regions];
  }
  if (value.failCreates !== undefined) {
    if (!Array.isArray(value.failCreates)) return fail('failCreates must be a list');
    const failures: CreateFailure[] = [];
    for (const entry of value.failCreates as unknown[]) {
      if (!isRecord(entry) || typeof entry.message !== 'string') {
        return fail('each failCreates entry needs a message');
      }
      const failure: CreateFailure = { message: entry.message };
      if (entry.typeName !== undefined) {
        if (typeof entry.typeName !== 'string')
          return fail('failCreates typeName must be a string');
        failure.typeName = entry.typeName;
      }
      if (entry.errorCode !== undefined) {
        if (!(handlerErrorCodes as readonly unknown[]).includes(entry.errorCode)) {
          return fail(`failCreates errorCode must be one of ${handlerErrorCodes.join(', ')}`);
        }
        failure.errorCode = entry.errorCode as HandlerErrorCode;
      }
      for (const key of Object.keys(entry)) {
        if (!['typeName', 'errorCode', 'message'].includes(key))
          return fail(`unknown failCreates setting "${key}"`);
      }
      failures.push(failure);
    }
    config.failCreates = failures;
  }
  return { ok: true, config };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
