// npm run bench:export: bundles the export benchmark (electron/core/export/bench/run.ts) with
// the same esbuild options as the main process, then runs it with --expose-gc so each timed
// run starts from a collected heap. Extra arguments (--rows=N, --runs=N) are passed on.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = 'dist/bench/export-bench.cjs';

await build({
  entryPoints: ['electron/core/export/bench/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
});

const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
