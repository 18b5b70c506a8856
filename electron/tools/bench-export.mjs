// npm run bench:export: bundles the export benchmark (electron/core/export/bench/run.ts) with
// the same esbuild options as the main process, then runs it with --expose-gc so each timed
// run starts from a collected heap. Extra arguments (--rows=N, --runs=N) are passed on.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { commonOptions } from './bundle-options.mjs';
import { spawnSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const outfile = 'dist/bench/export-bench.cjs';

// The main process's own options (bundle-options.mjs), so the code measured is the code shipped.
await build({
  ...commonOptions(pkg.version),
  entryPoints: ['electron/core/export/bench/run.ts'],
  outfile,
});

const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
