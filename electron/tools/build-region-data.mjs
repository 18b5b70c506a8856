// Regenerates electron/registry/region-availability.json.gz from the @aws-cdk/aws-service-spec
// devDependency, so the app reads a few kilobytes at run time instead of the 2.6 MB database.
//   node electron/tools/build-region-data.mjs
//
// What the database knows (checked for 0.1.216): three regions (us-east-1, us-east-2,
// us-west-2), imported in that order, and `regionHasResource` links a type only to the first
// region whose registry export introduced it. So a type first linked to a later region was
// absent from every earlier one; nothing is known about other regions.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync, gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const specDir = require
  .resolve('@aws-cdk/aws-service-spec/package.json')
  .replace(/package\.json$/, '');
const specVersion = JSON.parse(readFileSync(`${specDir}package.json`, 'utf8')).version;
const db = JSON.parse(gunzipSync(readFileSync(`${specDir}db.json.gz`)).toString('utf8')).schema;

// Import order is allocation order: ascending entity ids.
const regions = [...db.region.entities].sort((a, b) => Number(a.$id) - Number(b.$id));
const typeById = new Map(db.resource.entities.map((r) => [r.$id, r.cloudFormationType]));
const firstRegionOf = new Map();
regions.forEach((region, index) => {
  for (const { $id } of db.regionHasResource.forward[region.$id] ?? []) {
    const typeName = typeById.get($id);
    if (typeName && !firstRegionOf.has(typeName)) firstRegionOf.set(typeName, index);
  }
});

const types = {};
for (const typeName of [...typeById.values()].sort()) {
  const index = firstRegionOf.get(typeName) ?? 0; // unlinked types came with us-east-1's spec
  types[typeName] = {
    offered: [regions[index].name],
    notOffered: regions.slice(0, index).map((r) => r.name),
  };
}

const data = {
  source: `@aws-cdk/aws-service-spec@${specVersion}`,
  regionsCovered: regions.map((r) => r.name),
  types,
};
const target = new URL('../registry/region-availability.json.gz', import.meta.url);
writeFileSync(target, gzipSync(JSON.stringify(data), { level: 9 }));
const regional = Object.values(types).filter((t) => t.notOffered.length > 0).length;
console.log(
  `region-availability.json.gz: ${Object.keys(types).length} types (${regional} known absent somewhere) from ${data.source}`,
);
