import {
  GetResourceCommand,
  ListResourcesCommand,
  paginateListResources,
} from '@aws-sdk/client-cloudcontrol';
import { DescribeTypeCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdFor } from '../account';
import { defaultCatalog } from '../defaults';
import { startSandbox, type RunningSandbox } from '../index';
import type { TypeCatalog } from '../schema/type-model';
import { cloudControlClient, cloudFormationClient } from '../test-support/clients';
import {
  approvalStatusOf,
  imageCounts,
  modelPackageGroups,
  sampleCount,
  sampleResources,
  unversionedModelPackages,
} from './data';

let catalog: TypeCatalog;
beforeAll(async () => {
  catalog = await defaultCatalog();
});

describe('sample data', () => {
  it('is deterministic and carries the account id', () => {
    const a = sampleResources('111111111111');
    expect(sampleResources('111111111111')).toEqual(a);
    const b = sampleResources('222222222222');
    expect(b.map((r) => r.desired.ImageName ?? r.desired.FunctionName)).toEqual(
      a.map((r) => r.desired.ImageName ?? r.desired.FunctionName),
    );
    expect(JSON.stringify(a)).toContain(':111111111111:');
    expect(JSON.stringify(a)).not.toContain('222222222222');
  });

  it('has the advertised counts, unique image names, and both approval states', () => {
    const samples = sampleResources('123456789012');
    const images = samples.filter((r) => r.typeName === 'AWS::SageMaker::Image');
    for (const [region, count] of Object.entries(imageCounts)) {
      expect(images.filter((r) => r.region === region)).toHaveLength(count);
    }
    expect(new Set(images.map((r) => r.desired.ImageName)).size).toBe(images.length);
    expect(images.map((r) => r.desired.ImageName)).toEqual(
      expect.arrayContaining(['pytorch-2-1-gpu', 'tf-serving-base']),
    );
    const versions = samples.filter(
      (r) => r.typeName === 'AWS::SageMaker::ModelPackage' && r.desired.ModelPackageGroupName,
    );
    const statuses = versions.map((r) => r.desired.ModelApprovalStatus);
    expect(new Set(statuses)).toEqual(new Set(['Approved', 'PendingManualApproval', 'Rejected']));
    expect(approvalStatusOf(5, 5)).toBe('PendingManualApproval');
    expect(approvalStatusOf(4, 5)).toBe('Rejected');
    expect(approvalStatusOf(1, 2)).toBe('Approved');
    expect(sampleCount('AWS::S3::Bucket', 'ap-northeast-1', new Set(['AWS::S3::Bucket']))).toBe(5);
    expect(sampleCount('AWS::SageMaker::Image', 'eu-west-1', new Set())).toBe(12);
  });

  it('passes every type schema in the registry snapshot, as desired state and as stored model', () => {
    const account = '123456789012';
    for (const sample of sampleResources(account)) {
      const type = catalog.get(sample.typeName);
      expect(type, sample.typeName).toBeDefined();
      if (!type) continue;
      expect(type.validateCreate(sample.desired), `${sample.typeName} create`).toEqual([]);
      const model = type.withGeneratedReadOnly(sample.desired, {
        account,
        region: sample.region,
        now: new Date('2026-01-01T00:00:00Z'),
        random: () => 0.5,
      });
      expect(type.validateModel(model), `${sample.typeName} model`).toEqual([]);
    }
  });
});

describe('a seeded sandbox, through the SDK', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ mutationDelayMs: 10 });
  });
  afterAll(() => sandbox.close());
  const accessKeyId = 'AKIDSEEDED';
  const account = accountIdFor(accessKeyId);

  it('lists 60 images in us-east-1 over three pages of 25, with ARNs of the caller account', async () => {
    const client = cloudControlClient(sandbox.endpoint, { region: 'us-east-1', accessKeyId });
    try {
      const pages: number[] = [];
      const ids: string[] = [];
      for await (const page of paginateListResources(
        { client },
        { TypeName: 'AWS::SageMaker::Image' },
      )) {
        pages.push(page.ResourceDescriptions?.length ?? 0);
        ids.push(...(page.ResourceDescriptions ?? []).map((d) => d.Identifier ?? ''));
      }
      expect(pages).toEqual([25, 25, 10]);
      expect(
        ids.every((id) => id.startsWith(`arn:aws:sagemaker:us-east-1:${account}:image/`)),
      ).toBe(true);
      const full = await client.send(
        new GetResourceCommand({ TypeName: 'AWS::SageMaker::Image', Identifier: ids[0] }),
      );
      expect(JSON.parse(full.ResourceDescription?.Properties ?? '{}')).toMatchObject({
        ImageName: 'pytorch-2-1-gpu',
        ImageDisplayName: 'PyTorch 2.1 GPU',
        ImageRoleArn: expect.stringContaining(`:${account}:role/`) as unknown,
      });
    } finally {
      client.destroy();
    }
  });

  it('shows the seed to any credentials, each with its own account', async () => {
    const other = cloudControlClient(sandbox.endpoint, {
      region: 'eu-west-1',
      accessKeyId: 'AKIDANOTHER',
    });
    try {
      const list = await other.send(
        new ListResourcesCommand({ TypeName: 'AWS::SageMaker::Image' }),
      );
      expect(list.ResourceDescriptions).toHaveLength(12);
      expect(list.ResourceDescriptions?.[0]?.Identifier).toContain(
        `:${accountIdFor('AKIDANOTHER')}:`,
      );
    } finally {
      other.destroy();
    }
  });

  it('numbers model packages per group and lists them by group', async () => {
    const client = cloudControlClient(sandbox.endpoint, { region: 'us-east-1', accessKeyId });
    try {
      const group = modelPackageGroups['us-east-1']?.[0];
      if (!group) throw new Error('no sample group');
      const list = await client.send(
        new ListResourcesCommand({
          TypeName: 'AWS::SageMaker::ModelPackage',
          ResourceModel: JSON.stringify({ ModelPackageGroupName: group.name }),
        }),
      );
      expect(list.ResourceDescriptions?.map((d) => d.Identifier)).toEqual(
        Array.from(
          { length: group.versions },
          (_, i) => `arn:aws:sagemaker:us-east-1:${account}:model-package/${group.name}/${i + 1}`,
        ),
      );
      const last = await client.send(
        new GetResourceCommand({
          TypeName: 'AWS::SageMaker::ModelPackage',
          Identifier: list.ResourceDescriptions?.at(-1)?.Identifier,
        }),
      );
      expect(JSON.parse(last.ResourceDescription?.Properties ?? '{}')).toMatchObject({
        ModelPackageVersion: group.versions,
        ModelApprovalStatus: 'PendingManualApproval',
      });
    } finally {
      client.destroy();
    }
  });

  it('lists model packages without a group as AWS does: only the unversioned ones', async () => {
    const client = cloudControlClient(sandbox.endpoint, { region: 'eu-west-1', accessKeyId });
    try {
      const list = await client.send(
        new ListResourcesCommand({ TypeName: 'AWS::SageMaker::ModelPackage' }),
      );
      const expected = unversionedModelPackages['eu-west-1'] ?? [];
      expect(list.ResourceDescriptions?.map((d) => d.Identifier)).toEqual(
        expected.map((p) => `arn:aws:sagemaker:eu-west-1:${account}:model-package/${p.name}`),
      );
      const row: unknown = JSON.parse(list.ResourceDescriptions?.[0]?.Properties ?? '{}');
      expect(row).toEqual({
        CreationTime: expect.any(String) as unknown,
        ModelPackageArn: list.ResourceDescriptions?.[0]?.Identifier,
        ModelPackageName: expected[0]?.name,
        ModelPackageStatus: expect.any(String) as unknown,
        ModelPackageDescription: expected[0]?.description,
      });
    } finally {
      client.destroy();
    }
  });

  it('lists model package groups with the properties their list handler returns', async () => {
    const client = cloudControlClient(sandbox.endpoint, { region: 'eu-west-1', accessKeyId });
    try {
      const list = await client.send(
        new ListResourcesCommand({ TypeName: 'AWS::SageMaker::ModelPackageGroup' }),
      );
      const groups = modelPackageGroups['eu-west-1'] ?? [];
      expect(list.ResourceDescriptions).toHaveLength(groups.length);
      const row: unknown = JSON.parse(list.ResourceDescriptions?.[0]?.Properties ?? '{}');
      expect(row).toEqual({
        CreationTime: expect.any(String) as unknown,
        ModelPackageGroupName: groups[0]?.name,
        ModelPackageGroupArn: list.ResourceDescriptions?.[0]?.Identifier,
        ModelPackageGroupDescription: groups[0]?.description,
        ModelPackageGroupStatus: expect.any(String) as unknown,
      });
    } finally {
      client.destroy();
    }
  });

  it('lists global sample types from every region', async () => {
    for (const region of ['us-east-1', 'ap-northeast-1']) {
      const client = cloudControlClient(sandbox.endpoint, { region, accessKeyId });
      try {
        const buckets = await client.send(
          new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }),
        );
        expect(buckets.ResourceDescriptions).toHaveLength(5);
        const roles = await client.send(new ListResourcesCommand({ TypeName: 'AWS::IAM::Role' }));
        expect(roles.ResourceDescriptions).toHaveLength(4);
      } finally {
        client.destroy();
      }
    }
  });

  it('answers the CloudFormation registry on the same port, from the same catalog', async () => {
    const cfn = cloudFormationClient(sandbox.endpoint, { region: 'eu-west-1', accessKeyId });
    try {
      const described = await cfn.send(
        new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::SageMaker::Image' }),
      );
      expect(described.TypeName).toBe('AWS::SageMaker::Image');
      expect(described.ProvisioningType).toBe('FULLY_MUTABLE');
      expect(JSON.parse(described.Schema ?? '{}')).toMatchObject({
        typeName: 'AWS::SageMaker::Image',
      });
      expect(described.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      cfn.destroy();
    }
  });
});
