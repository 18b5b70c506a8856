import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { chunkToBuffer, readTarGz } from './tar-gz';

async function makeTarGz(
  entries: { name: string; content?: string; type?: 'file' | 'directory' }[],
): Promise<Buffer> {
  const packer = pack();
  for (const entry of entries) {
    if (entry.type === 'directory') packer.entry({ name: entry.name, type: 'directory' });
    else
      packer.entry(
        { name: entry.name, mtime: new Date('2026-08-07T17:43:00Z') },
        entry.content ?? '',
      );
  }
  packer.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of packer) chunks.push(chunkToBuffer(chunk));
  return gzipSync(Buffer.concat(chunks));
}

describe('readTarGz', () => {
  it('returns regular files with their content and time, skipping directories', async () => {
    const archive = await makeTarGz([
      { name: 'dir/', type: 'directory' },
      { name: 'dir/a.json', content: '{"a":1}' },
      { name: 'dir/b.json', content: 'ünïcode ✓' },
    ]);
    const files = await readTarGz(archive);
    expect(files.map((file) => file.name)).toEqual(['dir/a.json', 'dir/b.json']);
    expect(files[1]?.content.toString('utf8')).toBe('ünïcode ✓');
    expect(files[0]?.mtime?.toISOString()).toBe('2026-08-07T17:43:00.000Z');
  });

  it('accepts the chunk types streams produce and refuses others', () => {
    expect(chunkToBuffer(new Uint8Array([104, 105])).toString()).toBe('hi');
    expect(chunkToBuffer('hi').toString()).toBe('hi');
    expect(() => chunkToBuffer(42)).toThrow(TypeError);
  });

  it('rejects data that is not gzip', async () => {
    await expect(readTarGz(Buffer.from('not an archive'))).rejects.toThrow();
  });
});
