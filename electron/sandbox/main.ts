// Entry point of `npm run sandbox`, bundled to dist/electron/sandbox.cjs. All logic lives in
// launch.ts so it can be tested without starting a process.
import { main } from './launch';

async function run(): Promise<void> {
  const result = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  const { sandbox } = result;
  if (!sandbox) {
    process.exitCode = result.exitCode;
    return;
  }
  let stopping = false;
  const stop = (): void => {
    // A second Ctrl+C, or a close that hangs, still ends the process.
    if (stopping) process.exit(130);
    stopping = true;
    setTimeout(() => process.exit(1), 3_000).unref();
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void run();
