import type { AccountSeeder } from '../cloudcontrol/service';
import { sampleResources } from './data';

export {
  sampleResources,
  sampleRegions,
  imageCounts,
  modelPackageGroups,
  unversionedModelPackages,
  sampleCount,
} from './data';
export type { SampleResource } from './data';

const dayMs = 86_400_000;

/**
 * Puts the sample data into a new account, built exactly as creates build resources.
 * Types the catalog lacks are skipped (tests run with small catalogs).
 */
export function seedAccount(seeder: AccountSeeder, now: Date): void {
  for (const sample of sampleResources(seeder.account)) {
    if (!seeder.catalog.get(sample.typeName)) continue;
    seeder.insert(
      sample.typeName,
      sample.region,
      sample.desired,
      new Date(now.getTime() - sample.ageDays * dayMs),
    );
  }
}
