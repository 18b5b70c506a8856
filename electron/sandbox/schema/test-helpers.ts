import { loadRegistrySnapshot } from '../../registry/snapshot';
import { createRandom } from '../prng';
import { createTypeCatalog, type SchemaTypeCatalog } from './type-catalog';
import type { ResourceContext, ResourceTypeModel } from './type-model';

let catalog: Promise<SchemaTypeCatalog> | undefined;

/** One catalog over the vendored snapshot per test file (loading takes ~0.2 s). */
export function vendoredCatalog(): Promise<SchemaTypeCatalog> {
  catalog ??= loadRegistrySnapshot().then(createTypeCatalog);
  return catalog;
}

export async function vendoredModel(typeName: string): Promise<ResourceTypeModel> {
  const model = (await vendoredCatalog()).get(typeName);
  if (!model) throw new Error(`${typeName} is not in the snapshot`);
  return model;
}

export const TEST_NOW = new Date('2026-11-23T10:00:00.000Z');

export function testContext(seed = 1, region = 'eu-west-1'): ResourceContext {
  return { account: '123456789012', region, now: TEST_NOW, random: createRandom(seed) };
}

export function messages(violations: readonly { message: string }[]): string[] {
  return violations.map((violation) => violation.message);
}
