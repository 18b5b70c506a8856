import { parseFaultConfig, type CreateFailure, type DownMode, type FaultConfig } from './faults';
import {
  defaultMutationDelayMs,
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from './index';

/** A fixed default, so `--endpoint-url http://127.0.0.1:4599` works in docs and scripts. */
export const defaultPort = 4599;

export const usage = `Usage: npm run sandbox -- [options]
  --port <n>                 port on 127.0.0.1 (default ${defaultPort}; 0 picks a free one)
  --delay <ms>               time per lifecycle step of a create/update/delete (default ${defaultMutationDelayMs})
  --no-seed                  start with no sample data
  --latency <ms>             add latency to every answer
  --throttle-rate <0..1>     share of calls answered ThrottlingException
  --region-rps <n>           calls per second per account and region before throttling
  --error-rate <0..1>        share of calls answered with a 5xx
  --down <region>[:refuse|unavailable]   a region that is down (repeatable; default refuse)
  --down-operation <region>:<Operation>[:refuse|unavailable]
                             one operation down in one region, e.g. us-east-1:GetResource:unavailable
                             (repeatable; default refuse)
  --deny <region>            a region that answers AccessDenied (repeatable)
  --fail-create <TypeName|*>[:message]  creates of that type end FAILED (repeatable)
  --fault-seed <n>           seed for the random faults (default 1)
  --verbose                  log every call on stderr`;

export interface LaunchOptions {
  port: number;
  mutationDelayMs: number;
  seed: boolean;
  faults: FaultConfig;
  verbose: boolean;
}

export type ParsedArgs =
  { ok: true; help: boolean; options: LaunchOptions } | { ok: false; message: string };

const valueFlags = [
  '--port',
  '--delay',
  '--latency',
  '--throttle-rate',
  '--region-rps',
  '--error-rate',
  '--down',
  '--down-operation',
  '--deny',
  '--fail-create',
  '--fault-seed',
] as const;
type ValueFlag = (typeof valueFlags)[number];

/** Reads the flags; anything unknown or malformed is refused, never ignored. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: LaunchOptions = {
    port: defaultPort,
    mutationDelayMs: defaultMutationDelayMs,
    seed: true,
    faults: {},
    verbose: false,
  };
  const faults: FaultConfig = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--no-seed') {
      options.seed = false;
      continue;
    }
    if (arg === '--verbose') {
      options.verbose = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(valueFlags as readonly string[]).includes(name)) {
      return { ok: false, message: `unknown argument "${arg}" (see --help)` };
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') {
      return { ok: false, message: `${name} needs a value (see --help)` };
    }
    const problem = apply(name as ValueFlag, value, options, faults);
    if (problem) return { ok: false, message: problem };
  }
  const checked = parseFaultConfig(faults);
  if (!checked.ok) return { ok: false, message: checked.message };
  options.faults = checked.config;
  return { ok: true, help, options };
}

/** A flag that takes one number: how to read it, what a refusal says it takes, where it goes. */
interface NumberFlag {
  /** The number in `value`, or undefined when it is malformed or out of range. */
  read(value: string): number | undefined;
  expects: string;
  set(number: number, options: LaunchOptions, faults: FaultConfig): void;
}

const wholeUpTo =
  (max: number) =>
  (value: string): number | undefined =>
    /^\d+$/.test(value) && Number(value) <= max ? Number(value) : undefined;
const share = (value: string): number | undefined =>
  /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value) ? Number(value) : undefined;
const aboveZero = (value: string): number | undefined =>
  /^\d+(\.\d+)?$/.test(value) && Number(value) > 0 ? Number(value) : undefined;

const toOption =
  (key: 'port' | 'mutationDelayMs'): NumberFlag['set'] =>
  (number, options) => {
    options[key] = number;
  };
const toFault =
  (
    key: 'latencyMs' | 'throttleRate' | 'serverErrorRate' | 'regionRps' | 'randomSeed',
  ): NumberFlag['set'] =>
  (number, _options, faults) => {
    faults[key] = number;
  };

const numberFlags: Partial<Record<ValueFlag, NumberFlag>> = {
  '--port': {
    read: wholeUpTo(65535),
    expects: 'a whole number from 0 to 65535',
    set: toOption('port'),
  },
  '--delay': {
    read: wholeUpTo(3_600_000),
    expects: 'milliseconds from 0 to 3600000',
    set: toOption('mutationDelayMs'),
  },
  '--latency': {
    read: wholeUpTo(600_000),
    expects: 'milliseconds from 0 to 600000',
    set: toFault('latencyMs'),
  },
  '--throttle-rate': { read: share, expects: 'a number from 0 to 1', set: toFault('throttleRate') },
  '--error-rate': { read: share, expects: 'a number from 0 to 1', set: toFault('serverErrorRate') },
  '--region-rps': { read: aboveZero, expects: 'a number above 0', set: toFault('regionRps') },
  '--fault-seed': {
    read: wholeUpTo(2 ** 31),
    expects: 'a whole number',
    set: toFault('randomSeed'),
  },
};

function apply(
  flag: ValueFlag,
  value: string,
  options: LaunchOptions,
  faults: FaultConfig,
): string | undefined {
  const numberFlag = numberFlags[flag];
  if (numberFlag) {
    const number = numberFlag.read(value);
    if (number === undefined) return `${flag} must be ${numberFlag.expects} (got "${value}")`;
    numberFlag.set(number, options, faults);
    return undefined;
  }
  switch (flag) {
    case '--down': {
      const [region, mode = 'refuse'] = value.split(':');
      if (!region || !isRegion(region) || (mode !== 'refuse' && mode !== 'unavailable')) {
        return `--down takes <region>[:refuse|unavailable], e.g. eu-west-1:unavailable (got "${value}")`;
      }
      faults.downRegions = { ...faults.downRegions, [region]: mode };
      return undefined;
    }
    case '--down-operation': {
      const [region, operation, mode = 'refuse', ...rest] = value.split(':');
      if (
        !region ||
        !isRegion(region) ||
        !operation ||
        !/^[A-Z][A-Za-z]+$/.test(operation) ||
        (mode !== 'refuse' && mode !== 'unavailable') ||
        rest.length > 0
      ) {
        return `--down-operation takes <region>:<Operation>[:refuse|unavailable], e.g. us-east-1:GetResource:unavailable (got "${value}")`;
      }
      const inRegion: Record<string, DownMode> = {
        ...faults.downOperations?.[region],
        [operation]: mode,
      };
      faults.downOperations = { ...faults.downOperations, [region]: inRegion };
      return undefined;
    }
    case '--deny': {
      if (!isRegion(value)) return `--deny takes a region name, e.g. eu-west-1 (got "${value}")`;
      faults.accessDeniedRegions = [...(faults.accessDeniedRegions ?? []), value];
      return undefined;
    }
    case '--fail-create': {
      const match = /^(\*|[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)(?::(.+))?$/.exec(value);
      if (!match)
        return `--fail-create takes <TypeName|*>[:message], e.g. AWS::S3::Bucket:Quota reached (got "${value}")`;
      const failure: CreateFailure = {
        message: match[2] ?? 'Simulated failure (sandbox --fail-create)',
      };
      if (match[1] !== '*' && match[1] !== undefined) failure.typeName = match[1];
      faults.failCreates = [...(faults.failCreates ?? []), failure];
      return undefined;
    }
  }
}

function isRegion(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value);
}

export interface LaunchIo {
  /** Receives exactly one line on success: the endpoint. */
  out(line: string): void;
  /** Errors and, with --verbose, one line per call. */
  err(line: string): void;
}

export type LaunchResult =
  { exitCode: 0; sandbox: RunningSandbox } | { exitCode: number; sandbox?: undefined };

/** Starts the sandbox; never throws: every failure is one line on `err` and an exit code. */
export async function main(
  argv: readonly string[],
  io: LaunchIo,
  start: (options: SandboxOptions) => Promise<RunningSandbox> = startSandbox,
): Promise<LaunchResult> {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.err(`cloudshelf-sandbox: ${args.message}`);
    return { exitCode: 2 };
  }
  if (args.help) {
    io.out(usage);
    return { exitCode: 0 };
  }
  const { port, mutationDelayMs, seed, faults, verbose } = args.options;
  try {
    const sandbox = await start({
      port,
      mutationDelayMs,
      seed,
      faults,
      ...(verbose
        ? {
            log: (line: string) => {
              io.err(`cloudshelf-sandbox: ${line}`);
            },
          }
        : {}),
    });
    io.out(`Sandbox endpoint: ${sandbox.endpoint}`);
    return { exitCode: 0, sandbox };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'EADDRINUSE'
        ? `cloudshelf-sandbox: port ${port} is already in use; pick another with --port <n>, or --port 0 for a free one.`
        : code === 'EACCES'
          ? `cloudshelf-sandbox: not allowed to listen on port ${port}; pick a port above 1023, or --port 0.`
          : `cloudshelf-sandbox: could not start (${error instanceof Error ? error.message : String(error)}).`,
    );
    return { exitCode: 1 };
  }
}
