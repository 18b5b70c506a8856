import { readFile } from 'node:fs/promises';
import type { ResourceSchema } from './resource-schema';
import { parseResourceSchema } from './schema-shape';
import { defaultSnapshotPath } from './snapshot-path';
import { readTarGz, type TarFile } from './tar-gz';

export { defaultSnapshotPath } from './snapshot-path';

/** The vendored CloudFormation registry: every resource type's provider schema. */
export interface RegistrySnapshot {
  /** All type names, sorted. */
  typeNames(): string[];
  has(typeName: string): boolean;
  /** The parsed schema; parsed on first request and cached. */
  schema(typeName: string): ResourceSchema | undefined;
  /** The schema file's text exactly as vendored (what DescribeType returns in `Schema`). */
  schemaText(typeName: string): string | undefined;
  /** The archive's timestamp for the type's file. */
  lastModified(typeName: string): Date | undefined;
}

interface SnapshotEntry {
  fileName: string;
  text: string;
  mtime: Date | undefined;
  parsed?: ResourceSchema;
}

const SCHEMA_FILE = /(^|\/)[^/]+\.json$/;
// Every vendored file names its type in its first `typeName` key; reading it with a regular
// expression keeps loading cheap, and parseResourceSchema checks it on first use.
const TYPE_NAME = /"typeName"\s*:\s*"([^"]+)"/;

function typeNameOf(file: TarFile, text: string): string {
  const match = TYPE_NAME.exec(text);
  if (match?.[1]) return match[1];
  return parseResourceSchema(text, file.name).typeName;
}

/** Builds a snapshot from already-unpacked files (the loader's second half; tests use it). */
export function createRegistrySnapshot(files: readonly TarFile[]): RegistrySnapshot {
  const entries = new Map<string, SnapshotEntry>();
  for (const file of files) {
    if (!SCHEMA_FILE.test(file.name)) continue;
    const text = file.content.toString('utf8');
    const typeName = typeNameOf(file, text);
    if (entries.has(typeName)) throw new Error(`${file.name}: ${typeName} appears twice`);
    entries.set(typeName, { fileName: file.name, text, mtime: file.mtime });
  }
  const sortedNames = [...entries.keys()].sort();

  return {
    typeNames: () => [...sortedNames],
    has: (typeName) => entries.has(typeName),
    schema(typeName) {
      const entry = entries.get(typeName);
      if (!entry) return undefined;
      entry.parsed ??= parseResourceSchema(entry.text, entry.fileName);
      if (entry.parsed.typeName !== typeName) {
        throw new Error(
          `${entry.fileName}: indexed as ${typeName}, declares ${entry.parsed.typeName}`,
        );
      }
      return entry.parsed;
    },
    schemaText: (typeName) => entries.get(typeName)?.text,
    lastModified: (typeName) => entries.get(typeName)?.mtime,
  };
}

/** Reads the vendored registry archive (≈2 MB packed, 1,665 schemas) into memory. */
export async function loadRegistrySnapshot(
  tgzPath: string = defaultSnapshotPath(),
): Promise<RegistrySnapshot> {
  let packed: Buffer;
  try {
    packed = await readFile(tgzPath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot read the registry snapshot at ${tgzPath} (${reason}). ` +
        'Set CLOUDSHELF_REGISTRY_SNAPSHOT, or copy it to dist/registry/ beside the bundle.',
      { cause: error },
    );
  }
  return createRegistrySnapshot(await readTarGz(packed));
}
