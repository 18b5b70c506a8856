import { build, type BuildOptions } from 'esbuild';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface BundleOptions {
  commonOptions: (version: string) => BuildOptions;
  preloadEntry: BuildOptions;
}
// The options build-main.mjs uses; a plain .mjs (tsc does not read it), hence the typed import.
const bundleOptionsPath = fileURLToPath(new URL('./tools/bundle-options.mjs', import.meta.url));

/** The preload is parsed on every window load; main validates calls, so it needs no schemas. */
const preloadBudgetBytes = 60 * 1024;

describe('the bundled preload', () => {
  let dir: string;
  let bytes: number;
  let inputs: string[];

  beforeAll(async () => {
    const { commonOptions, preloadEntry } = (await import(bundleOptionsPath)) as BundleOptions;
    dir = await mkdtemp(join(tmpdir(), 'cloudshelf-preload-'));
    // Built exactly as build-main.mjs builds it, only into a temp folder instead of dist/.
    const outfile = join(dir, 'preload.cjs');
    const result = await build({
      ...commonOptions('0.0.0-test'),
      ...preloadEntry,
      outfile,
      metafile: true,
      write: true,
    });
    bytes = (await stat(outfile)).size;
    inputs = Object.keys(result.metafile.inputs);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`stays under ${preloadBudgetBytes / 1024} KB minified`, () => {
    expect(bytes).toBeLessThanOrEqual(preloadBudgetBytes);
  });

  it('bundles no zod source and none of the contract schemas', () => {
    expect(inputs.filter((input) => /(^|\/)node_modules\/zod\//.test(input))).toEqual([]);
    expect(inputs).not.toContain('shared/contract/schemas.ts');
    expect(inputs).not.toContain('shared/contract/calls.ts');
    // Guards the check itself: the preload's own modules are in the inputs.
    expect(inputs).toContain('electron/preload.ts');
  });
});
