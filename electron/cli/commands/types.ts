import type { CloudshelfApi } from '../../../shared/contract';
import { exitCodes } from '../exit-codes';
import type { CliIo } from '../io';

// The contract's ceiling, above the ~1,500 types the registry has.
const ALL_TYPES = 2000;

/** `cloudshelf types [--search text]`: type names, one a line, best match first. */
export async function runTypes(
  api: CloudshelfApi,
  io: CliIo,
  search: string | undefined,
): Promise<number> {
  const query = search?.trim();
  const { types } = await api.catalog.search({
    ...(query ? { query } : {}),
    limit: ALL_TYPES,
  });
  if (types.length === 0) {
    // As grep does: no output and a failure status, so scripts can test for a match.
    io.stderr.write(`cloudshelf: no resource type matches "${query ?? ''}"\n`);
    return exitCodes.failure;
  }
  io.stdout.write(types.map((type) => `${type.typeName}\n`).join(''));
  return exitCodes.ok;
}
