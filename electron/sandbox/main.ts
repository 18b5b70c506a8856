// Entry point of `npm run sandbox`, bundled to dist/electron/sandbox.cjs. All logic lives in
// launch.ts so it can be tested without starting a process.
import { stopOnSignals } from '../http/process-lifecycle';
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
  stopOnSignals(sandbox);
}

void run();
