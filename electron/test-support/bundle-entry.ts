import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export interface BundledEntry {
  /** The bundle, to run with `node <file>`. */
  file: string;
  remove(): Promise<void>;
}

/**
 * Bundles a main-process entry point as `electron/tools/build-main.mjs` does (Node 20 CommonJS,
 * `electron` left external) into a temporary folder, so a test can run the real entry as a
 * process — signals and resource limits act on processes — without touching `dist/`.
 */
export async function bundleEntry(entry: string): Promise<BundledEntry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-bundle-'));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.cjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'silent',
  });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
