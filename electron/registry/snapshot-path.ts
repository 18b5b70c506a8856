import { existsSync } from 'node:fs';
import path from 'node:path';

export const SNAPSHOT_FILE_NAME = 'cloudformation-resource-schemas.tgz';
/** Where the snapshot lives in a checkout, relative to the repository root. */
export const SNAPSHOT_SOURCE_PATH = path.join('electron', 'registry', SNAPSHOT_FILE_NAME);

export interface SnapshotPathInputs {
  env: Record<string, string | undefined>;
  /** The running module's directory: `dist/electron` once bundled. */
  moduleDir: string | undefined;
  cwd: string;
  exists: (file: string) => boolean;
}

/** Walks up from `start` to the first directory with a package.json that holds the snapshot. */
function findInCheckout(start: string, exists: (file: string) => boolean): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SNAPSHOT_SOURCE_PATH);
    if (exists(path.join(dir, 'package.json')) && exists(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Resolves the snapshot the way every host needs it: an explicit override first, then the
 * copy the build places beside the bundle (`dist/registry/`, next to `dist/electron/*.cjs`),
 * then the vendored file in a source checkout (tests, `tsx` scripts).
 */
export function resolveSnapshotPath(inputs: SnapshotPathInputs): string {
  const override = inputs.env.CLOUDSHELF_REGISTRY_SNAPSHOT;
  if (override) return path.resolve(inputs.cwd, override);
  const besideBundle = inputs.moduleDir
    ? path.resolve(inputs.moduleDir, '..', 'registry', SNAPSHOT_FILE_NAME)
    : undefined;
  if (besideBundle && inputs.exists(besideBundle)) return besideBundle;
  const inCheckout = findInCheckout(inputs.cwd, inputs.exists);
  if (inCheckout) return inCheckout;
  // Nothing found: name the bundle location, which is what a packaged app should have.
  return besideBundle ?? path.resolve(inputs.cwd, SNAPSHOT_SOURCE_PATH);
}

export function defaultSnapshotPath(): string {
  return resolveSnapshotPath({
    env: process.env,
    // Defined in the CommonJS bundle (and by vitest); absent under plain ESM.
    moduleDir: typeof __dirname === 'string' ? __dirname : undefined,
    cwd: process.cwd(),
    exists: existsSync,
  });
}
