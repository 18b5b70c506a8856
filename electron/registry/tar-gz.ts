import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { extract } from 'tar-stream';

/** One regular file from a tar archive, held in memory. */
export interface TarFile {
  name: string;
  /** The archive's modification time for the entry, when it records one. */
  mtime: Date | undefined;
  content: Buffer;
}

const gunzipAsync = promisify(gunzip);

/** streamx types its chunks as unknown; tar entries always yield bytes. */
export function chunkToBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError(`unexpected tar chunk of type ${typeof chunk}`);
}

/**
 * Unpacks a .tar.gz held in memory. The registry snapshot is small (~2 MB packed, ~17 MB
 * unpacked), so reading it whole is simpler and faster than streaming from disk.
 */
export async function readTarGz(packed: Buffer): Promise<TarFile[]> {
  const tar = await gunzipAsync(packed);
  const extractor = extract();
  const files: TarFile[] = [];
  extractor.end(tar);
  for await (const entry of extractor) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunkToBuffer(chunk));
    // Directories and links carry no content we need; draining them keeps the stream moving.
    if (entry.header.type === 'file' || entry.header.type === 'contiguous-file') {
      files.push({
        name: entry.header.name,
        mtime: entry.header.mtime,
        content: Buffer.concat(chunks),
      });
    }
  }
  return files;
}
