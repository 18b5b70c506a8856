import { describe, expect, it } from 'vitest';
import { walkTypes } from './all-types-walk';
import { vendoredCatalog } from './test-helpers';

// Half of the 1,665 registry types (the other half is in all-types-1.test.ts, so
// the two files compile their validators on separate cores).

describe('every registry type, shard 2 of 2', () => {
  it(
    'builds, compiles, validates and generates without throwing',
    async () => {
      const result = walkTypes(await vendoredCatalog(), 1, 2);
      console.info(`shard 2/2: ${result.walked} types walked in ${result.seconds.toFixed(1)} s`);
      expect(result.walked).toBe(832);
      expect(result.problems).toEqual([]);
    },
    // Compiling ~830 ajv validators takes 5–10 s alone; a busy machine can triple that.
    120_000,
  );
});
