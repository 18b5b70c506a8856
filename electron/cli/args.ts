import { parseArgs } from 'node:util';
import type { ExportFormat } from '../../shared/contract';
import { CliError } from './errors';
import { commandUsage, mainUsage, type CommandName } from './usage';

/** `--regions`: absent (the profile's region), `all`, or a list of codes. */
export type RegionChoice =
  { kind: 'default' } | { kind: 'all' } | { kind: 'list'; codes: string[] };

export interface ExportArgs {
  typeName: string;
  regions: RegionChoice;
  /** Absent: AWS_PROFILE, else `default` (decided where the environment is known). */
  profile: string | undefined;
  sandbox: boolean;
  resourceModel: Record<string, unknown> | undefined;
  perParent: boolean;
  format: ExportFormat;
  /** CSV column ids or property names, in file order; absent for the default set. */
  columns: string[] | undefined;
  out: string | undefined;
  bom: boolean;
  neutralizeFormulas: boolean;
  allowPartial: boolean;
  verbose: boolean;
  /** How long a profile's credential_process may run before the command gives up. */
  credentialTimeoutMs: number;
}

export type ParsedCommand =
  | { command: 'help'; text: string }
  | { command: 'version' }
  | { command: 'export'; args: ExportArgs }
  | { command: 'types'; search: string | undefined; verbose: boolean }
  | { command: 'regions'; typeName: string | undefined; verbose: boolean };

// The session provider's own check, so a typo fails here rather than as a region failure.
const regionCode = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const formats: readonly ExportFormat[] = ['csv', 'json', 'jsonl'];

/** Reads the command line; every mistake is a CliError naming it, never a guess. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  const [first, ...rest] = argv;
  if (first === undefined) throw new CliError('no command given', { usage: true });
  if (first.startsWith('-')) return parseGlobal(argv);
  if (first === 'help') return { command: 'help', text: helpFor(rest[0]) };
  switch (first) {
    case 'export':
      return parseExport(rest);
    case 'types':
      return parseTypes(rest);
    case 'regions':
      return parseRegions(rest);
    default:
      throw new CliError(`unknown command "${first}" (commands: export, types, regions)`, {
        usage: true,
      });
  }
}

function helpFor(command: string | undefined): string {
  if (command === undefined) return mainUsage;
  if (Object.hasOwn(commandUsage, command)) return commandUsage[command as CommandName];
  throw new CliError(`unknown command "${command}" (commands: export, types, regions)`, {
    usage: true,
  });
}

function parseGlobal(argv: readonly string[]): ParsedCommand {
  const { values } = read(argv, {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  });
  if (values.help) return { command: 'help', text: mainUsage };
  return { command: 'version' };
}

function parseTypes(argv: readonly string[]): ParsedCommand {
  const { values } = read(argv, {
    search: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', text: commandUsage.types };
  return { command: 'types', search: values.search, verbose: values.verbose ?? false };
}

function parseRegions(argv: readonly string[]): ParsedCommand {
  const { values } = read(argv, {
    type: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', text: commandUsage.regions };
  return { command: 'regions', typeName: values.type, verbose: values.verbose ?? false };
}

function parseExport(argv: readonly string[]): ParsedCommand {
  const { values } = read(argv, {
    type: { type: 'string' },
    regions: { type: 'string' },
    profile: { type: 'string' },
    sandbox: { type: 'boolean' },
    'resource-model': { type: 'string' },
    'per-parent': { type: 'boolean' },
    format: { type: 'string' },
    columns: { type: 'string' },
    out: { type: 'string' },
    bom: { type: 'boolean' },
    'keep-formulas': { type: 'boolean' },
    'allow-partial': { type: 'boolean' },
    'credential-timeout': { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', text: commandUsage.export };

  const typeName = values.type?.trim();
  if (!typeName) {
    throw new CliError('--type is required, e.g. --type AWS::SageMaker::Image', { usage: true });
  }
  const sandbox = values.sandbox ?? false;
  if (sandbox && values.profile !== undefined && values.profile !== 'Sandbox') {
    throw new CliError('--sandbox and --profile name different profiles; give one of them', {
      usage: true,
    });
  }
  const out = values.out === undefined ? undefined : nonEmpty('--out', values.out);
  const format = formatOf(values.format, out);
  const csvOnly = (['columns', 'bom', 'keep-formulas'] as const).filter(
    (flag) => values[flag] !== undefined,
  );
  if (format !== 'csv' && csvOnly[0] !== undefined) {
    throw new CliError(
      `--${csvOnly[0]} applies to CSV only; ${format.toUpperCase()} exports carry every property`,
      { usage: true },
    );
  }
  return {
    command: 'export',
    args: {
      typeName,
      regions: regionsOf(values.regions),
      profile: values.profile === undefined ? undefined : nonEmpty('--profile', values.profile),
      sandbox,
      resourceModel: modelOf(values['resource-model']),
      perParent: values['per-parent'] ?? false,
      format,
      columns: values.columns === undefined ? undefined : listOf('--columns', values.columns),
      out,
      bom: values.bom ?? false,
      neutralizeFormulas: !(values['keep-formulas'] ?? false),
      allowPartial: values['allow-partial'] ?? false,
      verbose: values.verbose ?? false,
      credentialTimeoutMs: credentialTimeoutOf(values['credential-timeout']),
    },
  };
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** node:util's strict parser, its errors reworded, and a flag given twice refused. */
function read<O extends NonNullable<Options>>(argv: readonly string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (error) {
    throw new CliError(parseProblem(error), { usage: true });
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new CliError(`--${token.name} given twice`, { usage: true });
    seen.add(token.name);
  }
  return parsed;
}

function parseProblem(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const quoted = /'([^']+)'/.exec(text)?.[1];
  const flag = /--?[\w-]+/.exec(quoted ?? '')?.[0];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) {
    return `unexpected argument "${quoted}"`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return /does not take/.test(text) ? `${flag} takes no value` : `${flag} needs a value`;
  }
  // Node's wording, first sentence: the rest explains its own API, not this command.
  return text.split(/(?<=\.)\s/)[0] ?? text;
}

function nonEmpty(flag: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new CliError(`${flag} needs a value`, { usage: true });
  return trimmed;
}

function listOf(flag: string, value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new CliError(`${flag} needs at least one name`, { usage: true });
  const repeated = items.find((item, i) => items.indexOf(item) !== i);
  if (repeated !== undefined) {
    throw new CliError(`${flag} names "${repeated}" twice`, { usage: true });
  }
  return items;
}

function regionsOf(value: string | undefined): RegionChoice {
  if (value === undefined) return { kind: 'default' };
  const codes = listOf('--regions', value);
  if (codes.includes('all')) {
    if (codes.length > 1) {
      throw new CliError('--regions takes "all" or a list of codes, not both', { usage: true });
    }
    return { kind: 'all' };
  }
  const bad = codes.find((code) => !regionCode.test(code));
  if (bad !== undefined) {
    throw new CliError(
      `"${bad}" is not an AWS region code (e.g. us-east-1; see cloudshelf regions)`,
      { usage: true },
    );
  }
  return { kind: 'list', codes };
}

/** The format an --out file name says (`.csv`, `.json`, `.jsonl`, `.ndjson`), if any. */
function formatOfName(out: string | undefined): ExportFormat | undefined {
  const name = out?.toLowerCase();
  if (name?.endsWith('.jsonl') || name?.endsWith('.ndjson')) return 'jsonl';
  if (name?.endsWith('.json')) return 'json';
  if (name?.endsWith('.csv')) return 'csv';
  return undefined;
}

function formatOf(value: string | undefined, out: string | undefined): ExportFormat {
  const named = formatOfName(out);
  // The file name already says what the user wants; a name that says nothing means CSV.
  if (value === undefined) return named ?? 'csv';
  const format = formats.find((f) => f === value.trim().toLowerCase());
  if (!format) {
    throw new CliError(`--format must be csv, json or jsonl (got "${value}")`, { usage: true });
  }
  if (named !== undefined && named !== format) {
    // A y.json holding CSV misleads every program that opens it by its name.
    throw new CliError(
      `--format ${format} does not match --out ${out ?? ''}: give a file name ending in .${format}, or leave --format out`,
      { usage: true },
    );
  }
  return format;
}

/** The default --credential-timeout: long enough for a browser sign-in, short of for ever. */
export const defaultCredentialTimeoutSeconds = 120;

function credentialTimeoutOf(value: string | undefined): number {
  if (value === undefined) return defaultCredentialTimeoutSeconds * 1000;
  const seconds = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new CliError(`--credential-timeout takes a number of seconds above 0 (got "${value}")`, {
      usage: true,
    });
  }
  return Math.round(seconds * 1000);
}

function modelOf(value: string | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `--resource-model is not valid JSON (${why}); e.g. --resource-model '{"ImageName":"my-image"}'`,
      { usage: true },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(
      `--resource-model must be a JSON object of parent properties, e.g. '{"ImageName":"my-image"}'`,
      { usage: true },
    );
  }
  return parsed as Record<string, unknown>;
}
