// Entry point of browser mode, bundled to dist/electron/web.cjs. All logic lives in launch.ts
// so it can be tested without starting a process.
import path from 'node:path';
import { stopOnSignals } from '../../http/process-lifecycle';
import { main } from './launch';

async function run(): Promise<void> {
  const result = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    // esbuild replaces this exact expression with package.json's version at build time.
    version: process.env.CLOUDSHELF_VERSION ?? '0.0.0',
    // The bundle sits in dist/electron/, the renderer build in dist/renderer/.
    staticDir: path.join(__dirname, '../renderer'),
  });
  const { server } = result;
  if (!server) {
    process.exitCode = result.exitCode;
    return;
  }
  stopOnSignals(server);
}

void run();
