// Bundles the main-process entry points with esbuild. The preload must be a single file:
// a sandboxed preload can only require('electron').
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { commonOptions, preloadEntry } from './bundle-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

const common = commonOptions(pkg.version);

const entries = [
  { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' },
  preloadEntry,
  { entryPoints: ['electron/hosts/web/main.ts'], outfile: 'dist/electron/web.cjs' },
  { entryPoints: ['electron/sandbox/main.ts'], outfile: 'dist/electron/sandbox.cjs' },
  // The `cloudshelf` bin (package.json), run directly: hence the shebang.
  {
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/electron/cli.cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
];

// The registry snapshot is data the bundles read at run time (dist/registry/ beside them).
mkdirSync('dist/registry', { recursive: true });
for (const file of ['cloudformation-resource-schemas.tgz', 'region-availability.json.gz']) {
  copyFileSync(`electron/registry/${file}`, `dist/registry/${file}`);
}

if (watch) {
  const { context } = await import('esbuild');
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
}
