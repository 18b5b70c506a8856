// npm run soak: builds the main-process bundles (the shipped `cloudshelf` command among them),
// bundles the soak driver (electron/cli/soak/run.ts) and runs it. Arguments (--runs=N,
// --rows=N) are passed on. Minutes long: a 25 requests/s limit per region meets 5,000 rows.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { commonOptions } from './bundle-options.mjs';
import { spawnSync } from 'node:child_process';

const built = spawnSync(process.execPath, ['electron/tools/build-main.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const outfile = 'dist/bench/soak.cjs';
// The main process's own options (bundle-options.mjs), so the code measured is the code shipped.
await build({ ...commonOptions(pkg.version), entryPoints: ['electron/cli/soak/run.ts'], outfile });

const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', outfile, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
