import { parseCommandLine, type ParsedCommand } from './args';
import { runExport } from './commands/export';
import { runRegions } from './commands/regions';
import { runTypes } from './commands/types';
import { CliError, reasonOf } from './errors';
import { exitCodes, signalExitCode, stopSignalOf } from './exit-codes';
import { openCliHost, type CliHost } from './host';
import type { CliIo } from './io';

const COMMANDS = new Set(['export', 'types', 'regions']);

/**
 * The whole command, in-process: reads `argv`, runs the command against the app's core and
 * answers with the exit code. Never throws; a failure is one `cloudshelf: …` line on stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ParsedCommand;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    fail(io, error, argv[0]);
    return exitCodes.failure;
  }
  if (parsed.command === 'help') {
    io.stdout.write(`${parsed.text}\n`);
    return exitCodes.ok;
  }
  const version = io.version ?? '0.0.0';
  if (parsed.command === 'version') {
    io.stdout.write(`${version}\n`);
    return exitCodes.ok;
  }
  const verbose = parsed.command === 'export' ? parsed.args.verbose : parsed.verbose;
  let host;
  try {
    host = openCliHost({
      env: io.env,
      version,
      log: verbose ? (line) => io.stderr.write(`cloudshelf: ${line}\n`) : () => undefined,
      ...(parsed.command === 'export'
        ? { credentialTimeoutMs: parsed.args.credentialTimeoutMs }
        : {}),
    });
  } catch (error) {
    fail(io, error, undefined);
    return exitCodes.failure;
  }
  try {
    const code = await runCommand(parsed, host.api, io);
    return stopped(io) ?? code;
  } catch (error) {
    // What failed after a signal failed because of it: the signal is the news.
    const code = stopped(io);
    if (code !== undefined) return code;
    fail(io, error, parsed.command);
    return exitCodes.failure;
  } finally {
    // Stops the in-process sandbox and the SDK clients, so the process can end by itself.
    await host.close().catch(() => undefined);
  }
}

function runCommand(
  parsed: Extract<ParsedCommand, { command: 'export' | 'types' | 'regions' }>,
  api: CliHost['api'],
  io: CliIo,
): Promise<number> {
  switch (parsed.command) {
    case 'export':
      return runExport(parsed.args, api, io);
    case 'types':
      return runTypes(api, io, parsed.search);
    case 'regions':
      return runRegions(api, io, parsed.typeName);
  }
}

/** After a signal: one line saying which, and 128 + its number; undefined if none came. */
function stopped(io: CliIo): number | undefined {
  if (io.signal?.aborted !== true) return undefined;
  const signal = stopSignalOf(io.signal.reason);
  io.stderr.write(`cloudshelf: stopped by ${signal}\n`);
  return signalExitCode(signal);
}

function fail(io: CliIo, error: unknown, command: string | undefined): void {
  const usage =
    error instanceof CliError && error.usage
      ? ` (see cloudshelf ${command !== undefined && COMMANDS.has(command) ? `${command} ` : ''}--help)`
      : '';
  io.stderr.write(`cloudshelf: ${reasonOf(error)}${usage}\n`);
}
