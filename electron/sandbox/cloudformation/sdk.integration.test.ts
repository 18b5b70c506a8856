import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CloudFormationServiceException,
  DescribeTypeCommand,
  ListTypesCommand,
  paginateListTypes,
  TypeNotFoundException,
  type CloudFormationClient,
  type ListTypesCommandInput,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendoredCatalog } from '../schema/test-helpers';
import type { TypeCatalog } from '../schema/type-model';
import { cloudFormationClient } from '../test-support/clients';
import { handleCloudFormationQuery } from './query-handler';

// The real AWS SDK, over real HTTP, against the awsQuery handler: if the SDK parses what we
// send, so will the AWS CLI and every other SDK built from the same model.

let server: Server;
let client: CloudFormationClient;
let catalog: TypeCatalog;

beforeAll(async () => {
  catalog = await vendoredCatalog();
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const result = handleCloudFormationQuery(catalog, form, {
        region: 'eu-west-1',
        account: '123456789012',
      });
      response.writeHead(result.status, {
        'content-type': result.contentType,
        'x-amzn-requestid': result.requestId,
      });
      response.end(result.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = cloudFormationClient(`http://127.0.0.1:${port}`, {
    region: 'eu-west-1',
    accessKeyId: 'AKIDSANDBOX',
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
});

async function countAll(input: ListTypesCommandInput): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let pages = 0;
  for await (const page of paginateListTypes({ client }, input)) {
    pages++;
    for (const summary of page.TypeSummaries ?? []) names.push(summary.TypeName ?? '');
  }
  return { names, pages };
}

describe('DescribeType through the AWS SDK', () => {
  it('returns the schema, provisioning type and registry metadata', async () => {
    const result = await client.send(
      new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::SageMaker::Image' }),
    );
    expect(result).toMatchObject({
      Arn: 'arn:aws:cloudformation:eu-west-1::type/resource/AWS-SageMaker-Image',
      Type: 'RESOURCE',
      TypeName: 'AWS::SageMaker::Image',
      ProvisioningType: 'FULLY_MUTABLE',
      Visibility: 'PUBLIC',
      IsDefaultVersion: true,
      DeprecatedStatus: 'LIVE',
      RequiredActivatedTypes: [],
      Description: 'Resource Type definition for AWS::SageMaker::Image',
    });
    expect(result.PublisherId).toBeUndefined();
    expect(result.LastUpdated).toBeInstanceOf(Date);
    expect(result.TimeCreated).toBeInstanceOf(Date);
    const schema = JSON.parse(result.Schema ?? '') as { typeName: string; required: string[] };
    expect(schema.typeName).toBe('AWS::SageMaker::Image');
    expect(schema.required).toEqual(['ImageName', 'ImageRoleArn']);
    expect(result.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts an ARN, and carries documentation and source URLs', async () => {
    const result = await client.send(
      new DescribeTypeCommand({
        Arn: 'arn:aws:cloudformation:eu-west-1::type/resource/AWS-BCMDataExports-Export',
      }),
    );
    expect(result.TypeName).toBe('AWS::BCMDataExports::Export');
    expect(result.DocumentationUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const lens = await client.send(
      new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::S3::StorageLens' }),
    );
    expect(lens.SourceUrl).toBe(
      'https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-s3-storagelens',
    );
  });

  it('returns schema text byte for byte, whatever characters it holds', async () => {
    // These schemas' descriptions contain &, <, > and quotes.
    for (const typeName of ['AWS::AmazonMQ::Broker', 'AWS::ApiGateway::Deployment']) {
      const result = await client.send(
        new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: typeName }),
      );
      expect(result.Schema, typeName).toBe(catalog.get(typeName)?.schemaText);
    }
  });

  it('reports IMMUTABLE and NON_PROVISIONABLE types', async () => {
    const immutable = await client.send(
      new DescribeTypeCommand({
        Type: 'RESOURCE',
        TypeName: 'AWS::EC2::SubnetRouteTableAssociation',
      }),
    );
    expect(immutable.ProvisioningType).toBe('IMMUTABLE');
    const none = await client.send(
      new DescribeTypeCommand({
        Type: 'RESOURCE',
        TypeName: 'AWS::CloudFormation::CustomResource',
      }),
    );
    expect(none.ProvisioningType).toBe('NON_PROVISIONABLE');
  });

  it('throws the SDK TypeNotFoundException for an unknown type', async () => {
    const failure = client.send(
      new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::SageMaker::Nope' }),
    );
    await expect(failure).rejects.toBeInstanceOf(TypeNotFoundException);
    await expect(failure).rejects.toMatchObject({
      name: 'TypeNotFoundException',
      message: "The type 'AWS::SageMaker::Nope' cannot be found.",
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('throws ValidationError for a call naming no type', async () => {
    const failure = client.send(new DescribeTypeCommand({ Type: 'RESOURCE' }));
    await expect(failure).rejects.toBeInstanceOf(CloudFormationServiceException);
    await expect(failure).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('ListTypes through the AWS SDK', () => {
  it('lists nothing by default (PRIVATE visibility), as AWS does for AWS types', async () => {
    const result = await client.send(new ListTypesCommand({}));
    expect(result.TypeSummaries).toEqual([]);
    expect(result.NextToken).toBeUndefined();
  });

  it('pages through every provisionable AWS type with paginateListTypes', async () => {
    const base: ListTypesCommandInput = {
      Visibility: 'PUBLIC',
      Type: 'RESOURCE',
      Filters: { Category: 'AWS_TYPES' },
    };
    const mutable = await countAll({ ...base, ProvisioningType: 'FULLY_MUTABLE' });
    const immutable = await countAll({ ...base, ProvisioningType: 'IMMUTABLE' });
    const none = await countAll({ ...base, ProvisioningType: 'NON_PROVISIONABLE' });
    expect(mutable.names.length + immutable.names.length).toBe(1490);
    expect(mutable.names).toHaveLength(1339);
    expect(none.names).toHaveLength(175);
    expect(mutable.pages).toBe(14);
    expect(new Set([...mutable.names, ...immutable.names, ...none.names]).size).toBe(1665);
    expect(mutable.names).toEqual([...mutable.names].sort());
  });

  it('filters by name prefix and honours MaxResults', async () => {
    const first = await client.send(
      new ListTypesCommand({
        Visibility: 'PUBLIC',
        ProvisioningType: 'FULLY_MUTABLE',
        Filters: { TypeNamePrefix: 'AWS::SageMaker::' },
        MaxResults: 3,
      }),
    );
    expect(first.TypeSummaries).toHaveLength(3);
    expect(first.NextToken).toBeDefined();
    const [summary] = first.TypeSummaries ?? [];
    expect(summary).toEqual({
      Type: 'RESOURCE',
      TypeName: expect.stringMatching(/^AWS::SageMaker::/) as string,
      TypeArn: expect.stringMatching(
        /^arn:aws:cloudformation:eu-west-1::type\/resource\/AWS-SageMaker-/,
      ) as string,
      LastUpdated: expect.any(Date) as Date,
      Description: expect.any(String) as string,
    });
    const all = await countAll({
      Visibility: 'PUBLIC',
      Filters: { TypeNamePrefix: 'AWS::SageMaker::' },
      MaxResults: 3,
    });
    expect(all.names).toContain('AWS::SageMaker::Image');
    expect(all.names).toContain('AWS::SageMaker::ModelPackage');
    expect(all.names.every((name) => name.startsWith('AWS::SageMaker::'))).toBe(true);
  });

  it('returns nothing for third-party, private or deprecated listings', async () => {
    for (const input of [
      { Visibility: 'PUBLIC', Filters: { Category: 'THIRD_PARTY' } },
      { Visibility: 'PRIVATE', Filters: { Category: 'AWS_TYPES' } },
      { Visibility: 'PUBLIC', DeprecatedStatus: 'DEPRECATED' },
      { Visibility: 'PUBLIC', Type: 'HOOK' },
    ] as const satisfies ListTypesCommandInput[]) {
      const result = await client.send(new ListTypesCommand(input));
      expect(result.TypeSummaries, JSON.stringify(input)).toEqual([]);
    }
  });

  it('rejects an out-of-range MaxResults with ValidationError', async () => {
    await expect(
      client.send(new ListTypesCommand({ Visibility: 'PUBLIC', MaxResults: 500 })),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value '500' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    });
  });
});
