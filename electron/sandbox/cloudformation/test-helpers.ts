import { createRegistrySnapshot } from '../../registry/snapshot';
import { createTypeCatalog } from '../schema/type-catalog';
import type { TypeCatalog } from '../schema/type-model';

const ALL_HANDLERS = { create: {}, read: {}, update: {}, delete: {}, list: {} };

function schemaFile(typeName: string, extra: Record<string, unknown>) {
  const schema = {
    typeName,
    description: `Resource Type definition for ${typeName}`,
    properties: { Name: { type: 'string' } },
    primaryIdentifier: ['/properties/Name'],
    ...extra,
  };
  return {
    name: `aws-cloudformation-schema/${typeName.toLowerCase().replaceAll('::', '-')}.json`,
    mtime: new Date('2026-08-07T17:43:00Z'),
    content: Buffer.from(JSON.stringify(schema, null, 2)),
  };
}

/** Five made-up types: three FULLY_MUTABLE, one IMMUTABLE, one NON_PROVISIONABLE. */
export function smallCatalog(): TypeCatalog {
  return createTypeCatalog(
    createRegistrySnapshot([
      schemaFile('AWS::Demo::Alpha', {
        handlers: ALL_HANDLERS,
        sourceUrl: 'https://example.com/a',
      }),
      schemaFile('AWS::Demo::Beta', {
        handlers: ALL_HANDLERS,
        description: 'Beta <b> & "quoted" \'text\'',
        documentationUrl: 'https://docs.example.com/beta?x=1&y=2',
      }),
      schemaFile('AWS::Demo::Gamma', { handlers: ALL_HANDLERS }),
      schemaFile('AWS::Demo::Frozen', { handlers: { create: {}, read: {}, delete: {} } }),
      schemaFile('AWS::Other::Ghost', {}),
    ]),
  );
}

export const CONTEXT = { region: 'eu-west-1', account: '123456789012', requestId: 'req-1' };
