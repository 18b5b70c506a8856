import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../../core/app-paths';
import { EventBus } from '../../core/events';
import { createHostServices } from '../services';
import { watchProfiles } from '../../core/profiles/watch';
import { createExportWriter, openFileTarget } from '../../core/export';
import { createDownloads } from '../export/downloads';
import { createExportSessions } from '../export/sessions';
import { createHandlers } from '../handlers';
import { startWebServer, type WebServer } from './server';

export const usage =
  'Usage: node dist/electron/web.cjs [--port <0-65535>]   (0, the default, picks a free port)';

export type ParsedArgs = { ok: true; port: number; help: boolean } | { ok: false; message: string };

/** Reads `--port <n>` / `--port=<n>`; anything else is refused rather than ignored. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let port = 0;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    } else if (arg === '--port') {
      value = argv[++i];
      if (value === undefined)
        return { ok: false, message: '--port needs a number, e.g. --port 8080.' };
    } else if (arg.startsWith('--port=')) {
      value = arg.slice('--port='.length);
    } else {
      return { ok: false, message: `unknown argument "${arg}". ${usage}` };
    }
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
      return {
        ok: false,
        message: `--port must be a whole number from 0 to 65535 (got "${value}").`,
      };
    }
    port = Number(value);
  }
  return { ok: true, port, help };
}

export interface LaunchIo {
  /** Receives exactly one line on success: the address to open. */
  out(line: string): void;
  /** Errors and logs. */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The app version; the entry passes the one esbuild baked in. */
  version: string;
  staticDir: string;
}

/** `server` is there only when browser mode is up and running. */
export type LaunchResult =
  { exitCode: 0; server: WebServer } | { exitCode: number; server?: undefined };

/** Starts browser mode; never throws, every failure is one line on `err` and an exit code. */
export async function main(argv: readonly string[], io: LaunchIo): Promise<LaunchResult> {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.err(`cloudshelf-web: ${args.message}`);
    return { exitCode: 2 };
  }
  if (args.help) {
    io.out(usage);
    return { exitCode: 0 };
  }
  if (!existsSync(path.join(io.staticDir, 'index.html'))) {
    io.err(
      `cloudshelf-web: the renderer build is missing (${io.staticDir}); run \`npm run build\` first.`,
    );
    return { exitCode: 1 };
  }
  const bus = new EventBus();
  const dataDir = defaultDataDir(io.env);
  const log = (line: string): void => {
    io.err(`cloudshelf-web: ${line}`);
  };
  const services = createHostServices({ env: io.env, bus, dataDir, log });
  // Exports wait in Cloudshelf's own folder until the page downloads them.
  const downloads = createDownloads({
    dir: path.join(dataDir, 'exports'),
    openFile: openFileTarget,
    log,
  });
  const exports = createExportSessions({
    destination: downloads.destination,
    createWriter: createExportWriter,
    log,
  });
  const handlers = createHandlers({
    identity: { name: 'Cloudshelf', version: io.version, host: 'browser' },
    env: io.env,
    services,
    exports,
  });
  try {
    const server = await startWebServer({
      handlers,
      bus,
      staticDir: io.staticDir,
      port: args.port,
      downloads,
      log,
    });
    // Re-reads the AWS files when they change, so the open page sees new profiles.
    const stopWatching = watchProfiles({
      env: io.env,
      bus,
      log: (line) => {
        io.err(`cloudshelf-web: ${line}`);
      },
    });
    io.out(`Cloudshelf: ${server.url}?token=${server.token}`);
    return {
      exitCode: 0,
      server: {
        ...server,
        close: async () => {
          stopWatching();
          await server.close();
          await exports.close();
          await downloads.close();
          await services.close();
        },
      },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'EADDRINUSE'
        ? `cloudshelf-web: port ${args.port} is already in use; pick another with --port <n>, or --port 0 for a free one.`
        : code === 'EACCES'
          ? `cloudshelf-web: not allowed to listen on port ${args.port}; pick a port above 1023, or --port 0.`
          : `cloudshelf-web: could not start the server (${error instanceof Error ? error.message : String(error)}).`,
    );
    return { exitCode: 1 };
  }
}
