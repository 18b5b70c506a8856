import { parseCommandLine, type ParsedCommand } from './args';
import { runExport } from './commands/export';
import { runRegions } from './commands/regions';
import { runTypes } from './commands/types';
import { CliError, reasonOf } from './errors';
import { exitCodes } from './exit-codes';
import { openCliHost } from './host';
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
    });
  } catch (error) {
    fail(io, error, undefined);
    return exitCodes.failure;
  }
  try {
    switch (parsed.command) {
      case 'export':
        return await runExport(parsed.args, host.api, io);
      case 'types':
        return await runTypes(host.api, io, parsed.search);
      case 'regions':
        return await runRegions(host.api, io, parsed.typeName);
    }
  } catch (error) {
    fail(io, error, parsed.command);
    return exitCodes.failure;
  } finally {
    // Stops the in-process sandbox and the SDK clients, so the process can end by itself.
    await host.close().catch(() => undefined);
  }
}

function fail(io: CliIo, error: unknown, command: string | undefined): void {
  const usage =
    error instanceof CliError && error.usage
      ? ` (see cloudshelf ${command !== undefined && COMMANDS.has(command) ? `${command} ` : ''}--help)`
      : '';
  io.stderr.write(`cloudshelf: ${reasonOf(error)}${usage}\n`);
}
