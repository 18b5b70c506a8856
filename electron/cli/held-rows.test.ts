import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryRow } from '../../shared/contract';
import { createHeldRows } from './held-rows';

const row = (region: string, i: number): InventoryRow => ({
  key: `a/${region}/${i}`,
  typeName: 'AWS::S3::Bucket',
  account: 'a',
  region,
  identifier: `id-${i}\n"quoted"`,
  properties: { Index: i, Nested: { text: 'ünïcode 👩‍👩‍👧' } },
  readAt: 1_700_000_000_000 + i,
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'held-rows-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function releaseAll(
  held: ReturnType<typeof createHeldRows>,
  region: string,
): Promise<InventoryRow[][]> {
  const batches: InventoryRow[][] = [];
  await held.release(region, (rows) => {
    batches.push(rows);
    return Promise.resolve();
  });
  return batches;
}

describe('createHeldRows', () => {
  it('gives back each region’s rows, as they came, only when released', async () => {
    const held = createHeldRows({ dir, batchRows: 2 });
    await held.add([row('us-east-1', 0), row('eu-west-1', 0), row('us-east-1', 1)]);
    await held.add([row('us-east-1', 2)]);
    expect([...held.regions].sort()).toEqual(['eu-west-1', 'us-east-1']);
    const east = await releaseAll(held, 'us-east-1');
    expect(east).toEqual([[row('us-east-1', 0), row('us-east-1', 1)], [row('us-east-1', 2)]]);
    expect(held.regions).toEqual(['eu-west-1']);
    expect(held.spilled).toBe(0);
    await held.discard();
  });

  it('moves a region to a temporary file past the memory budget, reads it back, and cleans up', async () => {
    const held = createHeldRows({ dir, memoryChars: 2_000, batchRows: 100 });
    const east = Array.from({ length: 300 }, (_, i) => row('us-east-1', i));
    for (let i = 0; i < east.length; i += 7) await held.add(east.slice(i, i + 7));
    await held.add([row('eu-west-1', 0)]);
    expect(held.spilled).toBeGreaterThan(2_000);
    const [folder] = (await readdir(dir)).filter((name) => name.startsWith('cloudshelf-held-'));
    expect(folder).toBeDefined();
    expect((await releaseAll(held, 'us-east-1')).flat()).toEqual(east);
    expect((await releaseAll(held, 'eu-west-1')).flat()).toEqual([row('eu-west-1', 0)]);
    await held.discard();
    expect((await readdir(dir)).filter((name) => name.startsWith('cloudshelf-held-'))).toEqual([]);
  });
});
