import {
  DescribeTypeCommand,
  ListTypesCommand,
  TypeNotFoundException,
  type CloudFormationClient,
  type ProvisioningType,
  type TypeSummary as RegistryTypeSummary,
} from '@aws-sdk/client-cloudformation';
import pLimit from 'p-limit';
import { parseResourceSchema } from '../../registry/schema-shape';
import type { RegistrySnapshot } from '../../registry/snapshot';
import { CACHE_FORMAT, schemaFileName, type RegionIndex, type TypeCache } from './type-cache';

/** Types Cloud Control can work with: AWS's own, provisionable (NON_PROVISIONABLE has no handlers). */
const PROVISIONING_TYPES: readonly ProvisioningType[] = ['FULLY_MUTABLE', 'IMMUTABLE'];

export interface RefreshInputs {
  client: CloudFormationClient;
  region: string;
  snapshot: RegistrySnapshot;
  cache: TypeCache;
  previous: RegionIndex | undefined;
  /** DescribeType calls in flight at once. */
  concurrency: number;
  now: () => Date;
  log: (line: string) => void;
}

export interface RefreshOutcome {
  index: RegionIndex;
  /** File name → schema text, for the types DescribeType was asked about this time. */
  schemas: Map<string, string>;
  described: number;
}

function isSchemaOf(text: string, typeName: string): boolean {
  try {
    return parseResourceSchema(text, typeName).typeName === typeName;
  } catch {
    return false;
  }
}

async function listAwsTypes(client: CloudFormationClient): Promise<RegistryTypeSummary[]> {
  const all: RegistryTypeSummary[] = [];
  for (const provisioningType of PROVISIONING_TYPES) {
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new ListTypesCommand({
          Visibility: 'PUBLIC',
          Type: 'RESOURCE',
          ProvisioningType: provisioningType,
          DeprecatedStatus: 'LIVE',
          Filters: { Category: 'AWS_TYPES' },
          MaxResults: 100,
          NextToken: nextToken,
        }),
      );
      all.push(...(page.TypeSummaries ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return all;
}

/**
 * Reads one region's registry: ListTypes for every provisionable AWS type, then DescribeType
 * only where the live version is newer than what we hold (previous cache, else the bundled
 * snapshot) or the type is new. A schema equal to the snapshot's is not stored twice.
 */
export async function fetchRegionTypes(inputs: RefreshInputs): Promise<RefreshOutcome> {
  const { client, region, snapshot, cache, previous } = inputs;
  const summaries = await listAwsTypes(client);
  const types: RegionIndex['types'] = {};
  const schemas = new Map<string, string>();
  const toDescribe: RegistryTypeSummary[] = [];

  for (const summary of summaries) {
    const typeName = summary.TypeName;
    if (!typeName) continue;
    const live = summary.LastUpdated?.getTime();
    const lastUpdated = summary.LastUpdated?.toISOString() ?? null;
    const description = summary.Description ?? '';
    const held = previous?.types[typeName];
    const heldTime = held?.lastUpdated ? Date.parse(held.lastUpdated) : undefined;
    if (held?.schemaFile && heldTime !== undefined && (live === undefined || heldTime >= live)) {
      // Still current, provided the file survived (a corrupt one is fetched again).
      if (await cache.readSchema(region, typeName, held.schemaFile)) {
        types[typeName] = { lastUpdated, description, schemaFile: held.schemaFile };
        continue;
      }
    }
    const snapshotTime = snapshot.lastModified(typeName)?.getTime();
    if (snapshot.has(typeName) && (live === undefined || (snapshotTime ?? 0) >= live)) {
      types[typeName] = { lastUpdated, description, schemaFile: null };
      continue;
    }
    toDescribe.push(summary);
  }

  const limit = pLimit(inputs.concurrency);
  await Promise.all(
    toDescribe.map((summary) =>
      limit(async () => {
        const typeName = summary.TypeName ?? '';
        let schema: string | undefined;
        try {
          const answer = await client.send(
            new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: typeName }),
          );
          schema = answer.Schema;
        } catch (error) {
          // Listed a moment ago and gone now: leave it out rather than fail the refresh.
          if (!(error instanceof TypeNotFoundException)) throw error;
          inputs.log(
            `catalog refresh ${region}: ${typeName} vanished between ListTypes and DescribeType`,
          );
          return;
        }
        if (schema !== undefined && !isSchemaOf(schema, typeName)) {
          inputs.log(
            `catalog refresh ${region}: DescribeType gave an unusable schema for ${typeName}`,
          );
          schema = undefined;
        }
        let schemaFile: string | null = null;
        if (schema === undefined || schema === snapshot.schemaText(typeName)) {
          if (!snapshot.has(typeName)) return; // nothing usable to describe it with
        } else {
          schemaFile = schemaFileName(typeName);
          schemas.set(schemaFile, schema);
        }
        types[typeName] = {
          lastUpdated: summary.LastUpdated?.toISOString() ?? null,
          description: summary.Description ?? '',
          schemaFile,
        };
      }),
    ),
  );

  return {
    index: { format: CACHE_FORMAT, region, fetchedAt: inputs.now().toISOString(), types },
    schemas,
    described: toDescribe.length,
  };
}
