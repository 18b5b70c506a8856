// Entry point of the `cloudshelf` command, bundled to dist/electron/cli.cjs. All logic lives
// in run.ts so it can be tested in-process with injected streams.
import { signalExitCode, stopSignals, type StopSignal } from './exit-codes';
import { runCli } from './run';

/** How long a stopped export may take to wind down before the process exits anyway. */
const STOP_GRACE_MS = 3000;

/** Resolves once what was written has left the process (stdout may be ended already). */
const flushed = (stream: NodeJS.WriteStream): Promise<void> =>
  new Promise((resolve) => {
    if (stream.writableEnded) resolve();
    else
      stream.write('', () => {
        resolve();
      });
  });

async function main(): Promise<void> {
  // package.json supports Node 20; the SDK's multi-line notice about its future Node 22
  // floor would otherwise open every run's stderr, which scripts read for real problems.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // A closed pipe (`| head`, a closed terminal after SIGHUP) is reported to whoever is
  // writing; here it must not crash.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const interrupt = new AbortController();
  // The first signal cancels the scan and discards an --out file's partial file; a second
  // one, of any kind, kills as it would have without us.
  const stop = (signal: StopSignal): void => {
    for (const each of stopSignals) process.off(each, stop);
    interrupt.abort(signal);
    // A write waiting on a reader that never reads (a FIFO, a stalled pipe) must not keep
    // the process: by now the partial file is gone, so what is left is only to exit.
    setTimeout(() => {
      process.exit(signalExitCode(signal));
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of stopSignals) process.on(signal, stop);
  process.on('uncaughtException', (error) => {
    process.stderr.write(`cloudshelf: internal error: ${error.message}\n`);
    process.exit(1);
  });
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    // esbuild replaces this exact expression with package.json's version at build time.
    version: process.env.CLOUDSHELF_VERSION,
    signal: interrupt.signal,
  });
  process.exitCode = code;
  // Everything written has reached the pipe or file; an MFA prompt's timer or a keep-alive
  // socket must not hold the process open after that.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

void main();
