import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSnapshotPath, resolveSnapshotPath, SNAPSHOT_SOURCE_PATH } from './snapshot-path';

const root = path.resolve('/repo');
const bundled = path.join(root, 'dist', 'registry', 'cloudformation-resource-schemas.tgz');
const vendored = path.join(root, SNAPSHOT_SOURCE_PATH);

function existing(...files: string[]): (file: string) => boolean {
  const set = new Set(files);
  return (file) => set.has(file);
}

describe('resolveSnapshotPath', () => {
  it('prefers CLOUDSHELF_REGISTRY_SNAPSHOT, resolved against the working directory', () => {
    const resolved = resolveSnapshotPath({
      env: { CLOUDSHELF_REGISTRY_SNAPSHOT: 'custom/schemas.tgz' },
      moduleDir: path.join(root, 'dist', 'electron'),
      cwd: root,
      exists: existing(bundled, vendored),
    });
    expect(resolved).toBe(path.join(root, 'custom', 'schemas.tgz'));
  });

  it('uses the copy beside the bundle (dist/registry) when it exists', () => {
    const resolved = resolveSnapshotPath({
      env: {},
      moduleDir: path.join(root, 'dist', 'electron'),
      cwd: path.resolve('/elsewhere'),
      exists: existing(bundled),
    });
    expect(resolved).toBe(bundled);
  });

  it('falls back to the checkout found by walking up from the working directory', () => {
    const resolved = resolveSnapshotPath({
      env: {},
      moduleDir: undefined,
      cwd: path.join(root, 'renderer', 'src'),
      exists: existing(path.join(root, 'package.json'), vendored),
    });
    expect(resolved).toBe(vendored);
  });

  it('names the bundle location when nothing exists', () => {
    const resolved = resolveSnapshotPath({
      env: {},
      moduleDir: path.join(root, 'dist', 'electron'),
      cwd: path.resolve('/elsewhere'),
      exists: existing(),
    });
    expect(resolved).toBe(bundled);
  });
});

describe('defaultSnapshotPath', () => {
  it('finds the vendored snapshot from the source tree', () => {
    expect(defaultSnapshotPath()).toMatch(
      /electron[/\\]registry[/\\]cloudformation-resource-schemas\.tgz$/,
    );
  });
});
