import { describe, expect, it } from 'vitest';
import { loadRegistrySnapshot } from '../../registry/snapshot';
import { listHandlerInputs, listNeedsModel } from './list-handler';
import { sanitizeSchema, type SanitizeReport } from './schema-sanitizer';
import { handlerNamesOf, provisioningTypeOf } from './type-traits';

// The counts the snapshot README states, recomputed by this module's own readers.

const snapshot = await loadRegistrySnapshot();
const schemas = snapshot.typeNames().map((typeName) => {
  const schema = snapshot.schema(typeName);
  if (!schema) throw new Error(`${typeName} missing`);
  return schema;
});

describe('registry facts', () => {
  it('has 1,665 types, 1,490 with handlers (all provisionable) and 253 without a list handler', () => {
    expect(schemas).toHaveLength(1665);
    const provisioning = schemas.map((schema) => provisioningTypeOf(handlerNamesOf(schema)));
    expect(provisioning.filter((type) => type !== 'NON_PROVISIONABLE')).toHaveLength(1490);
    expect(provisioning.filter((type) => type === 'FULLY_MUTABLE')).toHaveLength(1339);
    expect(schemas.filter((schema) => !schema.handlers?.list)).toHaveLength(253);
  });

  it('has 317 list handlers needing a ResourceModel and 31 taking one optionally', () => {
    const withSchema = schemas.filter((schema) => schema.handlers?.list?.handlerSchema);
    const needModel = withSchema.filter((schema) => listNeedsModel(listHandlerInputs(schema)));
    expect({ needModel: needModel.length, optional: withSchema.length - needModel.length }).toEqual(
      { needModel: 317, optional: 31 },
    );
  });

  it('has 176 patterns (and 4 patternProperties keys) JavaScript cannot compile', () => {
    const report: SanitizeReport = { skippedPatterns: [] };
    for (const schema of schemas) {
      sanitizeSchema({ properties: schema.properties, definitions: schema.definitions }, report);
    }
    expect(report.skippedPatterns).toHaveLength(180);
  });
});
