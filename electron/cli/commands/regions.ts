import type { CloudshelfApi } from '../../../shared/contract';
import { exitCodes } from '../exit-codes';
import type { CliIo } from '../io';

/**
 * `cloudshelf regions [--type T]`: code, name and an opt-in mark, tab-separated. With a
 * type, only the regions that offer it (an unknown type fails rather than listing all).
 */
export async function runRegions(
  api: CloudshelfApi,
  io: CliIo,
  typeName: string | undefined,
): Promise<number> {
  if (typeName !== undefined) await api.catalog.describe({ typeName });
  const { regions } = await api.regions.list(typeName === undefined ? {} : { typeName });
  const lines = regions
    .filter((region) => region.offersType !== false)
    .map((region) => [region.code, region.name, ...(region.optIn ? ['opt-in'] : [])].join('\t'));
  io.stdout.write(lines.map((line) => `${line}\n`).join(''));
  return exitCodes.ok;
}
