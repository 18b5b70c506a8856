/**
 * Conformance: the sandbox through the real AWS SDK for JavaScript v3, over HTTP, with an
 * endpoint override. Every assertion is something a client (or a Cloudshelf user) would notice
 * if the sandbox answered differently from AWS. Nothing here mocks the SDK.
 */
import {
  CancelResourceRequestCommand,
  ClientTokenConflictException,
  CloudControlServiceException,
  ConcurrentOperationException,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  InvalidRequestException,
  ListResourceRequestsCommand,
  ListResourcesCommand,
  NotUpdatableException,
  RequestTokenNotFoundException,
  ResourceNotFoundException,
  ThrottlingException,
  TypeNotFoundException,
  UnsupportedActionException,
  UpdateResourceCommand,
  paginateListResourceRequests,
  type CloudControlClient,
  type ProgressEvent,
} from '@aws-sdk/client-cloudcontrol';
import {
  CloudFormationServiceException,
  DescribeTypeCommand,
  ListTypesCommand,
  TypeNotFoundException as CfnTypeNotFoundException,
  paginateListTypes,
  type ListTypesInput,
  type TypeSummary,
} from '@aws-sdk/client-cloudformation';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../index';
import {
  imageCounts,
  modelPackageGroups,
  sampleResources,
  unversionedModelPackages,
} from '../seed';
import {
  ClientPool,
  DEFAULT_ACCESS_KEY,
  FreezableClock,
  accessKeyFor,
  expectRejection,
  isRecentDate,
  listAllPages,
  pollUntilTerminal,
  postControl,
  propertiesOf,
  readRegistry,
  requireValue,
  resourceModelOf,
  uniqueName,
  waitForSuccess,
  type RegistryType,
} from './helpers';

const IMAGE = 'AWS::SageMaker::Image';
const IMAGE_VERSION = 'AWS::SageMaker::ImageVersion';
const MODEL_PACKAGE = 'AWS::SageMaker::ModelPackage';
const MODEL_PACKAGE_GROUP = 'AWS::SageMaker::ModelPackageGroup';
const BUCKET = 'AWS::S3::Bucket';
/** Compound primary identifier [DhcpOptionsId, VpcId], both writable, no list parent. */
const DHCP_ASSOCIATION = 'AWS::EC2::VPCDHCPOptionsAssociation';
/** Has create/read/update/delete but no list handler. */
const NO_LIST_TYPE = 'AWS::ApiGateway::Account';
/** NON_PROVISIONABLE in the registry: no handlers at all. */
const NON_PROVISIONABLE_TYPE = 'AWS::SageMaker::Workteam';

/**
 * Each lifecycle step (PENDING, then IN_PROGRESS) lasts this long. Tests that need a request
 * to stay in flight freeze the sandbox's clock instead of racing it.
 */
const MUTATION_DELAY_MS = 20;

const IMAGE_ARN =
  /^arn:aws:sagemaker:([a-z0-9-]+):(\d{12}):image\/([a-zA-Z0-9]([-.]?[a-zA-Z0-9])*)$/;

let sandbox: RunningSandbox;
const pool = new ClientPool(() => sandbox.endpoint);
const clock = new FreezableClock();

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: true,
    mutationDelayMs: MUTATION_DELAY_MS,
    clock: clock.now,
  });
});

afterAll(async () => {
  pool.destroyAll();
  await sandbox.close();
});

afterEach(() => {
  clock.thaw();
  sandbox.faults.reset();
});

function cc(region: string, accessKeyId = DEFAULT_ACCESS_KEY, maxAttempts = 1): CloudControlClient {
  return pool.cloudControl({ region, accessKeyId, maxAttempts });
}

function roleArn(account = '123456789012'): string {
  return `arn:aws:iam::${account}:role/SageMakerExecution`;
}

async function createImage(
  client: CloudControlClient,
  imageName: string,
  extra: Record<string, unknown> = {},
): Promise<ProgressEvent> {
  const { ProgressEvent: event } = await client.send(
    new CreateResourceCommand({
      TypeName: IMAGE,
      DesiredState: JSON.stringify({ ImageName: imageName, ImageRoleArn: roleArn(), ...extra }),
    }),
  );
  return requireValue(event, 'ProgressEvent');
}

/** An UpdateResource of one image with an RFC 6902 JSON Patch of `operations`. */
function patchImage(
  identifier: string,
  ...operations: { op: string; path: string; value?: unknown }[]
): UpdateResourceCommand {
  return new UpdateResourceCommand({
    TypeName: IMAGE,
    Identifier: identifier,
    PatchDocument: JSON.stringify(operations),
  });
}

async function createImageAndWait(
  client: CloudControlClient,
  imageName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const first = await createImage(client, imageName, extra);
  const done = await waitForSuccess(client, first.RequestToken);
  return requireValue(done.Identifier, 'Identifier');
}

async function listIdentifiers(
  client: CloudControlClient,
  typeName: string,
  resourceModel?: Record<string, unknown>,
): Promise<string[]> {
  const { items } = await listAllPages(
    client,
    typeName,
    resourceModel ? { ResourceModel: JSON.stringify(resourceModel) } : {},
  );
  return items.map((item) => requireValue(item.Identifier, 'Identifier'));
}

function imageNameOf(arn: string): string {
  const match = IMAGE_ARN.exec(arn);
  return requireValue(match?.[3], `image name in ${arn}`);
}

function accountOf(arn: string): string {
  return requireValue(arn.split(':')[4], `account in ${arn}`);
}

// ---------------------------------------------------------------------------------------------
describe('ListResources and GetResource over the seeded data', () => {
  it('paginates us-east-1 images with paginateListResources: several fixed-size pages, each image once, MaxResults ignored', async () => {
    const client = cc('us-east-1');
    const { pages, items } = await listAllPages(client, IMAGE);
    const identifiers = items.map((item) => requireValue(item.Identifier, 'Identifier'));

    expect(pages.length).toBeGreaterThan(1);
    const pageSize = requireValue(pages[0], 'first page').length;
    expect(pageSize).toBe(25);
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(pageSize);
    expect(requireValue(pages.at(-1), 'last page').length).toBeLessThanOrEqual(pageSize);

    expect(new Set(identifiers).size).toBe(identifiers.length);
    expect(identifiers.length).toBe(seededImageCount('us-east-1'));
    for (const identifier of identifiers) {
      const match = requireValue(IMAGE_ARN.exec(identifier), `ARN ${identifier}`);
      expect(match[1]).toBe('us-east-1');
    }

    // MaxResults is accepted but ignored: the handler's page size wins.
    const small = await client.send(new ListResourcesCommand({ TypeName: IMAGE, MaxResults: 5 }));
    expect(small.TypeName).toBe(IMAGE);
    expect(small.ResourceDescriptions).toHaveLength(pageSize);
    expect(small.NextToken).toBeTruthy();
  });

  it('returns only the primary-identifier properties in a list, and the full model from GetResource', async () => {
    const client = cc('us-east-1');
    const first = await client.send(new ListResourcesCommand({ TypeName: IMAGE }));
    for (const description of first.ResourceDescriptions ?? []) {
      const properties = propertiesOf(description);
      expect(Object.keys(properties)).toEqual(['ImageArn']);
      expect(properties.ImageArn).toBe(description.Identifier);
    }

    const identifier = requireValue(first.ResourceDescriptions?.[0]?.Identifier, 'Identifier');
    const got = await client.send(
      new GetResourceCommand({ TypeName: IMAGE, Identifier: identifier }),
    );
    expect(got.TypeName).toBe(IMAGE);
    expect(got.ResourceDescription?.Identifier).toBe(identifier);
    const model = propertiesOf(got.ResourceDescription);
    expect(model.ImageArn).toBe(identifier);
    expect(model.ImageName).toBe(imageNameOf(identifier));
    expect(model.ImageRoleArn).toMatch(/^arn:aws:iam::\d{12}:role\/.+/);
    // The full model is what the seed asked for, plus the read-only ARN.
    const seeded = sampleResources(accountOf(identifier)).find(
      (r) =>
        r.typeName === IMAGE && r.region === 'us-east-1' && r.desired.ImageName === model.ImageName,
    );
    expect(model).toEqual({
      ...requireValue(seeded, 'seeded image').desired,
      ImageArn: identifier,
    });
  });

  it.each(['us-west-2', 'eu-west-1', 'ap-northeast-1'])(
    'lists the images seeded in %s with ARNs of that region',
    async (region) => {
      const identifiers = await listIdentifiers(cc(region), IMAGE);
      expect(identifiers.length).toBeGreaterThan(0);
      expect(identifiers.length).toBe(seededImageCount(region));
      for (const identifier of identifiers) expect(IMAGE_ARN.exec(identifier)?.[1]).toBe(region);
    },
  );

  it('lists only primary identifiers for other types too (S3 buckets list BucketName only)', async () => {
    const { items } = await listAllPages(cc('us-east-1'), BUCKET);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const properties = propertiesOf(item);
      expect(Object.keys(properties)).toEqual(['BucketName']);
      expect(properties.BucketName).toBe(item.Identifier);
    }
  });

  it("lists model packages as the ModelPackage list handler does: unversioned ones without a group, a group's versions with one", async () => {
    const client = cc('us-east-1');
    // No group: ListModelPackages' default type, UNVERSIONED — never a Model Registry version.
    const unfiltered = await listAllPages(client, MODEL_PACKAGE);
    const unversioned = requireValue(unversionedModelPackages['us-east-1'], 'us-east-1 packages');
    expect(unfiltered.items.map((item) => propertiesOf(item).ModelPackageName).sort()).toEqual(
      unversioned.map((p) => p.name).sort(),
    );
    for (const item of unfiltered.items) {
      const properties = propertiesOf(item);
      expect(item.Identifier).toMatch(/^arn:aws:sagemaker:us-east-1:\d{12}:model-package\/[^/]+$/);
      expect(properties.ModelPackageGroupName).toBeUndefined();
      expect(properties.ModelPackageVersion).toBeUndefined();
    }

    const groups = await listIdentifiers(client, MODEL_PACKAGE_GROUP);
    const groupNames = groups.map((arn) => requireValue(arn.split('/').at(-1), `group in ${arn}`));
    const seededGroups = requireValue(modelPackageGroups['us-east-1'], 'us-east-1 groups');
    expect([...groupNames].sort()).toEqual(seededGroups.map((g) => g.name).sort());

    const statuses = new Set<unknown>();
    for (const groupName of groupNames) {
      const { items } = await listAllPages(client, MODEL_PACKAGE, {
        ResourceModel: JSON.stringify({ ModelPackageGroupName: groupName }),
      });
      const seeded = requireValue(
        seededGroups.find((g) => g.name === groupName),
        groupName,
      );
      expect(items, groupName).toHaveLength(seeded.versions);
      for (const item of items) {
        // The list row already carries what the handler copies from the summary.
        const listed = propertiesOf(item);
        expect(Object.keys(listed).sort()).toEqual(
          [
            'CreationTime',
            'ModelApprovalStatus',
            'ModelPackageArn',
            'ModelPackageDescription',
            'ModelPackageGroupName',
            'ModelPackageName',
            'ModelPackageStatus',
            'ModelPackageVersion',
          ].sort(),
        );
        expect(listed.ModelPackageArn).toBe(item.Identifier);
        expect(listed.ModelPackageGroupName).toBe(groupName);
        statuses.add(listed.ModelApprovalStatus);
      }
    }
    // Groups given by ARN list the same versions, as SageMaker accepts either.
    const byArn = await listIdentifiers(client, MODEL_PACKAGE, {
      ModelPackageGroupName: requireValue(groups[0], 'a group ARN'),
    });
    expect(byArn).toHaveLength(
      requireValue(
        seededGroups.find((g) => g.name === groupNames[0]),
        'first group',
      ).versions,
    );
    expect(statuses).toContain('Approved');
    expect(statuses).toContain('PendingManualApproval');
  });

  it('refuses a list without a required parent with InvalidRequestException in AWS message shape', async () => {
    const client = cc('us-east-1');
    const caught = await expectRejection(
      client.send(new ListResourcesCommand({ TypeName: IMAGE_VERSION })),
    );
    expect(caught.error).toBeInstanceOf(InvalidRequestException);
    expect(caught.status).toBe(400);
    expect(caught.message).toBe(
      'Missing or invalid ResourceModel property in AWS::SageMaker::ImageVersion list handler request input.Required property: (#: required key [ImageName] not found)',
    );

    const identifier = requireValue((await listIdentifiers(client, IMAGE))[0], 'an image');
    const listed = await client.send(
      new ListResourcesCommand({
        TypeName: IMAGE_VERSION,
        ResourceModel: JSON.stringify({ ImageName: imageNameOf(identifier) }),
      }),
    );
    expect(listed.TypeName).toBe(IMAGE_VERSION);
    expect(Array.isArray(listed.ResourceDescriptions)).toBe(true);
  });

  it('answers TypeNotFound, UnsupportedAction, ResourceNotFound and RequestTokenNotFound with the modeled exceptions', async () => {
    const client = cc('eu-west-1');

    const unknownType = await expectRejection(
      client.send(new ListResourcesCommand({ TypeName: 'AWS::Nope::Thing' })),
    );
    expect(unknownType.error).toBeInstanceOf(TypeNotFoundException);
    expect(unknownType.status).toBe(404);

    for (const typeName of [NO_LIST_TYPE, NON_PROVISIONABLE_TYPE]) {
      const unsupported = await expectRejection(
        client.send(new ListResourcesCommand({ TypeName: typeName })),
      );
      expect(unsupported.error, typeName).toBeInstanceOf(UnsupportedActionException);
      expect(unsupported.status, typeName).toBe(405);
      expect(unsupported.message, typeName).toBe(
        `Resource type ${typeName} does not support LIST action`,
      );
    }
    const noCreate = await expectRejection(
      client.send(
        new CreateResourceCommand({ TypeName: NON_PROVISIONABLE_TYPE, DesiredState: '{}' }),
      ),
    );
    expect(noCreate.error).toBeInstanceOf(UnsupportedActionException);

    // The SDK does not check required members; the service does, in coral's words.
    const noIdentifier = await expectRejection(
      client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: undefined })),
    );
    expect(noIdentifier.name).toBe('ValidationException');
    expect(noIdentifier.status).toBe(400);
    expect(noIdentifier.message).toBe(
      "1 validation error detected: Value null at 'identifier' failed to satisfy constraint: Member must not be null",
    );

    const missingArn = `arn:aws:sagemaker:eu-west-1:${'1'.repeat(12)}:image/does-not-exist`;
    const missing = await expectRejection(
      client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: missingArn })),
    );
    expect(missing.error).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.status).toBe(404);
    expect(missing.message).toContain(missingArn);

    const noToken = await expectRejection(
      client.send(
        new GetResourceRequestStatusCommand({
          RequestToken: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    );
    expect(noToken.error).toBeInstanceOf(RequestTokenNotFoundException);
    // ARCHITECTURE.md and the SDK's Smithy model both say 404.
    expect(noToken.status).toBe(404);

    const cancelUnknown = await expectRejection(
      client.send(
        new CancelResourceRequestCommand({ RequestToken: '00000000-0000-4000-8000-000000000001' }),
      ),
    );
    expect(cancelUnknown.error).toBeInstanceOf(RequestTokenNotFoundException);
  });
});

// ---------------------------------------------------------------------------------------------
describe('mutations: asynchronous requests, waiters and patches', () => {
  it('round-trips create → waiter → get → list → delete → waiter → gone, with epoch timestamps parsed as Dates', async () => {
    const region = 'eu-west-1';
    const client = cc(region, accessKeyFor('roundtrip'));
    const name = uniqueName('rt');
    const before = Date.now();

    const first = await createImage(client, name, { ImageDisplayName: 'Round trip' });
    expect(first.TypeName).toBe(IMAGE);
    expect(first.Operation).toBe('CREATE');
    expect(['PENDING', 'IN_PROGRESS']).toContain(first.OperationStatus);
    expect(first.RequestToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(isRecentDate(first.EventTime)).toBe(true);
    expect(requireValue(first.EventTime, 'EventTime').getTime()).toBeGreaterThanOrEqual(
      before - 2_000,
    );

    const done = await waitForSuccess(client, first.RequestToken);
    expect(done.OperationStatus).toBe('SUCCESS');
    expect(done.RequestToken).toBe(first.RequestToken);
    expect(isRecentDate(done.EventTime)).toBe(true);
    const identifier = requireValue(done.Identifier, 'Identifier');
    const arn = requireValue(IMAGE_ARN.exec(identifier), `ARN ${identifier}`);
    expect(arn[1]).toBe(region);
    expect(arn[3]).toBe(name);
    expect(resourceModelOf(done).ImageName).toBe(name);

    const got = await client.send(
      new GetResourceCommand({ TypeName: IMAGE, Identifier: identifier }),
    );
    const model = propertiesOf(got.ResourceDescription);
    expect(model).toMatchObject({
      ImageArn: identifier,
      ImageName: name,
      ImageRoleArn: roleArn(),
      ImageDisplayName: 'Round trip',
    });
    expect(await listIdentifiers(client, IMAGE)).toContain(identifier);

    const deleting = await client.send(
      new DeleteResourceCommand({ TypeName: IMAGE, Identifier: identifier }),
    );
    expect(deleting.ProgressEvent?.Operation).toBe('DELETE');
    expect(['PENDING', 'IN_PROGRESS']).toContain(deleting.ProgressEvent?.OperationStatus);
    const deleted = await waitForSuccess(client, deleting.ProgressEvent?.RequestToken);
    expect(deleted.Operation).toBe('DELETE');
    expect(deleted.Identifier).toBe(identifier);

    const gone = await expectRejection(
      client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: identifier })),
    );
    expect(gone.error).toBeInstanceOf(ResourceNotFoundException);
    expect(await listIdentifiers(client, IMAGE)).not.toContain(identifier);
  });

  it('applies an RFC 6902 patch, and refuses a create-only path with NotUpdatableException', async () => {
    const client = cc('us-west-2', accessKeyFor('patch'));
    const name = uniqueName('patch');
    const identifier = await createImageAndWait(client, name, { ImageDisplayName: 'Before' });

    const updating = await client.send(
      patchImage(
        identifier,
        { op: 'replace', path: '/ImageDisplayName', value: 'After' },
        { op: 'add', path: '/ImageDescription', value: 'Patched by the conformance suite' },
      ),
    );
    expect(updating.ProgressEvent?.Operation).toBe('UPDATE');
    const updated = await waitForSuccess(client, updating.ProgressEvent?.RequestToken);
    expect(updated.Identifier).toBe(identifier);

    const got = await client.send(
      new GetResourceCommand({ TypeName: IMAGE, Identifier: identifier }),
    );
    expect(propertiesOf(got.ResourceDescription)).toMatchObject({
      ImageName: name,
      ImageDisplayName: 'After',
      ImageDescription: 'Patched by the conformance suite',
    });

    const refused = await expectRejection(
      client.send(patchImage(identifier, { op: 'replace', path: '/ImageName', value: 'renamed' })),
    );
    expect(refused.error).toBeInstanceOf(NotUpdatableException);
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('ImageName');
    const after = await client.send(
      new GetResourceCommand({ TypeName: IMAGE, Identifier: identifier }),
    );
    expect(propertiesOf(after.ResourceDescription).ImageName).toBe(name);
  });

  it('replays a ClientToken with the same body as the original request, and refuses another body with 409', async () => {
    const client = cc('ap-northeast-1', accessKeyFor('clienttoken'));
    const name = uniqueName('token');
    const clientToken = `conformance-${name}`;
    const desired = JSON.stringify({ ImageName: name, ImageRoleArn: roleArn() });
    // The same body with the same token each time: a replay, not a new request.
    const sameCreate = (): CreateResourceCommand =>
      new CreateResourceCommand({
        TypeName: IMAGE,
        DesiredState: desired,
        ClientToken: clientToken,
      });

    const first = await client.send(sameCreate());
    const replay = await client.send(sameCreate());
    expect(replay.ProgressEvent?.RequestToken).toBe(first.ProgressEvent?.RequestToken);

    const conflict = await expectRejection(
      client.send(
        new CreateResourceCommand({
          TypeName: IMAGE,
          DesiredState: JSON.stringify({ ImageName: `${name}-other`, ImageRoleArn: roleArn() }),
          ClientToken: clientToken,
        }),
      ),
    );
    expect(conflict.error).toBeInstanceOf(ClientTokenConflictException);
    expect(conflict.status).toBe(409);

    await waitForSuccess(client, first.ProgressEvent?.RequestToken);
    // A replay after completion still answers with the original request (kept for 7 days).
    const late = await client.send(sameCreate());
    expect(late.ProgressEvent?.RequestToken).toBe(first.ProgressEvent?.RequestToken);
    expect(late.ProgressEvent?.OperationStatus).toBe('SUCCESS');

    const names = (await listIdentifiers(client, IMAGE)).map(imageNameOf);
    expect(names.filter((n) => n === name)).toHaveLength(1);
    expect(names).not.toContain(`${name}-other`);
  });

  it('refuses a second mutation on a resource in flight with ConcurrentOperationException (409)', async () => {
    const client = cc('us-west-2', accessKeyFor('concurrent'));
    const identifier = await createImageAndWait(client, uniqueName('busy'));
    const patch = (value: string): UpdateResourceCommand =>
      patchImage(identifier, { op: 'add', path: '/ImageDescription', value });

    clock.freeze(); // the first update stays PENDING until the clock moves again
    const first = await client.send(patch('first'));
    expect(first.ProgressEvent?.OperationStatus).toBe('PENDING');
    const second = await expectRejection(client.send(patch('second')));
    expect(second.error).toBeInstanceOf(ConcurrentOperationException);
    expect(second.status).toBe(409);
    const deleteWhileBusy = await expectRejection(
      client.send(new DeleteResourceCommand({ TypeName: IMAGE, Identifier: identifier })),
    );
    expect(deleteWhileBusy.error).toBeInstanceOf(ConcurrentOperationException);
    expect(deleteWhileBusy.status).toBe(409);
    clock.thaw();

    await waitForSuccess(client, first.ProgressEvent?.RequestToken);
    const got = await client.send(
      new GetResourceCommand({ TypeName: IMAGE, Identifier: identifier }),
    );
    expect(propertiesOf(got.ResourceDescription).ImageDescription).toBe('first');
  });

  it('fails a duplicate create as AWS does: a FAILED request with ErrorCode AlreadyExists', async () => {
    const client = cc('eu-west-1', accessKeyFor('duplicate'));
    const name = uniqueName('dup');
    const identifier = await createImageAndWait(client, name);

    const again = await createImage(client, name);
    const final = await pollUntilTerminal(client, again.RequestToken);
    expect(final.OperationStatus).toBe('FAILED');
    expect(final.ErrorCode).toBe('AlreadyExists');
    expect(final.StatusMessage).toContain(name);
    await expect(waitForSuccess(client, again.RequestToken)).rejects.toThrow(/FAILURE/);

    expect((await listIdentifiers(client, IMAGE)).filter((id) => id === identifier)).toHaveLength(
      1,
    );
  });

  it.each([
    {
      problem: 'an ImageName that breaks the pattern',
      desired: { ImageName: '-bad name!', ImageRoleArn: roleArn() },
      property: 'ImageName',
      expected:
        'Model validation failed (#/ImageName: failed validation constraint for keyword [pattern])',
    },
    {
      problem: 'a missing required property',
      desired: { ImageName: 'no-role' },
      property: 'ImageRoleArn',
      expected: 'Model validation failed (#: required key [ImageRoleArn] not found)',
    },
    {
      problem: 'an unknown property',
      desired: { ImageName: 'extra-key', ImageRoleArn: roleArn(), Colour: 'blue' },
      property: 'Colour',
      expected: 'Model validation failed (#: extraneous key [Colour] is not permitted)',
    },
    {
      problem: 'a read-only property',
      desired: {
        ImageName: 'read-only',
        ImageRoleArn: roleArn(),
        ImageArn: `arn:aws:sagemaker:us-east-1:${'1'.repeat(12)}:image/read-only`,
      },
      property: 'ImageArn',
      expected: undefined,
    },
  ])(
    'refuses a create with $problem (400, message naming $property)',
    async ({ desired, property, expected }) => {
      const client = cc('us-east-1', accessKeyFor('validation'));
      const caught = await expectRejection(
        client.send(
          new CreateResourceCommand({ TypeName: IMAGE, DesiredState: JSON.stringify(desired) }),
        ),
      );
      // Real Cloud Control answers schema violations synchronously with the unmodeled
      // `ValidationException` ("Model validation failed (…)"), not with a FAILED request.
      expect(caught.error).toBeInstanceOf(CloudControlServiceException);
      expect(caught.status).toBe(400);
      expect(caught.name).toBe('ValidationException');
      expect(caught.message).toContain(property);
      if (expected) expect(caught.message).toBe(expected);
      const names = (await listIdentifiers(client, IMAGE)).map(imageNameOf);
      expect(names).not.toContain(desired.ImageName);
    },
  );

  it('cancels a request in flight: CANCEL_IN_PROGRESS, then CANCEL_COMPLETE', async () => {
    const client = cc('eu-west-1', accessKeyFor('cancel'));
    const name = uniqueName('cancel');
    clock.freeze();
    const first = await createImage(client, name);
    const cancelled = await client.send(
      new CancelResourceRequestCommand({ RequestToken: first.RequestToken }),
    );
    expect(cancelled.ProgressEvent?.RequestToken).toBe(first.RequestToken);
    expect(cancelled.ProgressEvent?.OperationStatus).toBe('CANCEL_IN_PROGRESS');
    const listed = await client.send(
      new ListResourceRequestsCommand({
        ResourceRequestStatusFilter: { OperationStatuses: ['CANCEL_IN_PROGRESS'] },
      }),
    );
    expect(listed.ResourceRequestStatusSummaries?.map((e) => e.RequestToken)).toEqual([
      first.RequestToken,
    ]);
    clock.thaw();

    const final = await pollUntilTerminal(client, first.RequestToken);
    expect(final.OperationStatus).toBe('CANCEL_COMPLETE');
    await expect(waitForSuccess(client, first.RequestToken)).rejects.toThrow(/FAILURE/);
    expect((await listIdentifiers(client, IMAGE)).map(imageNameOf)).not.toContain(name);

    // A finished request cannot be cancelled into another state.
    const done = await createImage(client, uniqueName('done'));
    await waitForSuccess(client, done.RequestToken);
    await client
      .send(new CancelResourceRequestCommand({ RequestToken: done.RequestToken }))
      .catch(() => undefined);
    const still = await client.send(
      new GetResourceRequestStatusCommand({ RequestToken: done.RequestToken }),
    );
    expect(still.ProgressEvent?.OperationStatus).toBe('SUCCESS');
  });

  it('lists resource requests with Operations and OperationStatuses filters', async () => {
    const region = 'us-west-2';
    const client = cc(region, accessKeyFor('requests'));
    const keep = await createImage(client, uniqueName('keep'));
    const drop = await createImage(client, uniqueName('drop'));
    await waitForSuccess(client, keep.RequestToken);
    const dropId = requireValue((await waitForSuccess(client, drop.RequestToken)).Identifier, 'id');
    const deleting = await client.send(
      new DeleteResourceCommand({ TypeName: IMAGE, Identifier: dropId }),
    );
    await waitForSuccess(client, deleting.ProgressEvent?.RequestToken);
    sandbox.faults.set({
      failCreates: [
        { typeName: IMAGE, errorCode: 'ServiceLimitExceeded', message: 'Too many images' },
      ],
    });
    const failing = await createImage(client, uniqueName('fail'));
    await pollUntilTerminal(client, failing.RequestToken);
    sandbox.faults.reset();

    const tokens = async (filter: {
      Operations?: ('CREATE' | 'UPDATE' | 'DELETE')[];
      OperationStatuses?: (
        'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILED' | 'CANCEL_IN_PROGRESS' | 'CANCEL_COMPLETE'
      )[];
    }): Promise<ProgressEvent[]> => {
      const events: ProgressEvent[] = [];
      for await (const page of paginateListResourceRequests(
        { client },
        { ResourceRequestStatusFilter: filter },
      )) {
        events.push(...(page.ResourceRequestStatusSummaries ?? []));
      }
      return events;
    };

    const createdOk = await tokens({ Operations: ['CREATE'], OperationStatuses: ['SUCCESS'] });
    expect(createdOk.map((e) => e.RequestToken).sort()).toEqual(
      [keep.RequestToken, drop.RequestToken].sort(),
    );
    for (const event of createdOk) {
      expect(event.Operation).toBe('CREATE');
      expect(event.OperationStatus).toBe('SUCCESS');
      expect(event.TypeName).toBe(IMAGE);
      expect(isRecentDate(event.EventTime)).toBe(true);
    }

    const deletes = await tokens({ Operations: ['DELETE'] });
    expect(deletes.map((e) => e.RequestToken)).toEqual([deleting.ProgressEvent?.RequestToken]);

    const failed = await tokens({ OperationStatuses: ['FAILED'] });
    expect(failed.map((e) => e.RequestToken)).toEqual([failing.RequestToken]);
    expect(failed[0]?.ErrorCode).toBe('ServiceLimitExceeded');

    const everything = await client.send(new ListResourceRequestsCommand({}));
    expect(everything.ResourceRequestStatusSummaries?.length).toBe(4);
  });

  it('joins compound primary identifiers with "|" and reads them back', async () => {
    const client = cc('eu-west-1', accessKeyFor('compound'));
    const first = await client.send(
      new CreateResourceCommand({
        TypeName: DHCP_ASSOCIATION,
        DesiredState: JSON.stringify({ VpcId: 'vpc-0a1b2c3d', DhcpOptionsId: 'dopt-0f9e8d7c' }),
      }),
    );
    const done = await waitForSuccess(client, first.ProgressEvent?.RequestToken);
    expect(done.Identifier).toBe('dopt-0f9e8d7c|vpc-0a1b2c3d');

    const got = await client.send(
      new GetResourceCommand({
        TypeName: DHCP_ASSOCIATION,
        Identifier: 'dopt-0f9e8d7c|vpc-0a1b2c3d',
      }),
    );
    expect(propertiesOf(got.ResourceDescription)).toMatchObject({
      VpcId: 'vpc-0a1b2c3d',
      DhcpOptionsId: 'dopt-0f9e8d7c',
    });
    // Cloud Control also takes the identifier as a JSON object of the primary identifier.
    const byJson = await client.send(
      new GetResourceCommand({
        TypeName: DHCP_ASSOCIATION,
        Identifier: JSON.stringify({ VpcId: 'vpc-0a1b2c3d', DhcpOptionsId: 'dopt-0f9e8d7c' }),
      }),
    );
    expect(byJson.ResourceDescription?.Identifier).toBe('dopt-0f9e8d7c|vpc-0a1b2c3d');
    const { items } = await listAllPages(client, DHCP_ASSOCIATION);
    const listed = items.find((item) => item.Identifier === 'dopt-0f9e8d7c|vpc-0a1b2c3d');
    expect(propertiesOf(listed)).toEqual({ DhcpOptionsId: 'dopt-0f9e8d7c', VpcId: 'vpc-0a1b2c3d' });
  });

  it('lists image versions per parent image (required list parent), after creating one', async () => {
    const client = cc('ap-northeast-1', accessKeyFor('versions'));
    const parent = uniqueName('parent');
    const other = uniqueName('other');
    await createImageAndWait(client, parent);
    await createImageAndWait(client, other);
    const creating = await client.send(
      new CreateResourceCommand({
        TypeName: IMAGE_VERSION,
        DesiredState: JSON.stringify({
          ImageName: parent,
          BaseImage: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/base:1',
          Aliases: ['latest'],
        }),
      }),
    );
    const done = await waitForSuccess(client, creating.ProgressEvent?.RequestToken);
    const versionArn = requireValue(done.Identifier, 'Identifier');
    expect(versionArn).toMatch(
      new RegExp(`^arn:aws:sagemaker:ap-northeast-1:\\d{12}:image-version/${parent}/\\d+$`),
    );
    // Aliases is write-only: accepted on create, never read back.
    expect(resourceModelOf(done)).not.toHaveProperty('Aliases');
    const got = await client.send(
      new GetResourceCommand({ TypeName: IMAGE_VERSION, Identifier: versionArn }),
    );
    const model = propertiesOf(got.ResourceDescription);
    expect(model).toMatchObject({ ImageName: parent, ImageVersionArn: versionArn });
    expect(model).not.toHaveProperty('Aliases');

    expect(await listIdentifiers(client, IMAGE_VERSION, { ImageName: parent })).toEqual([
      versionArn,
    ]);
    expect(await listIdentifiers(client, IMAGE_VERSION, { ImageName: other })).toEqual([]);
  });

  it('handles missing resources and bad patches as AWS does', async () => {
    const client = cc('eu-west-1', accessKeyFor('missing'));
    const missingArn = `arn:aws:sagemaker:eu-west-1:${'2'.repeat(12)}:image/not-there`;

    // An update has to read the resource first, so a missing one fails synchronously.
    const update = await expectRejection(
      client.send(patchImage(missingArn, { op: 'add', path: '/ImageDescription', value: 'x' })),
    );
    expect(update.error).toBeInstanceOf(ResourceNotFoundException);
    expect(update.status).toBe(404);

    // A delete is accepted and the handler fails it with NotFound.
    const deleting = await client.send(
      new DeleteResourceCommand({ TypeName: IMAGE, Identifier: missingArn }),
    );
    const final = await pollUntilTerminal(client, deleting.ProgressEvent?.RequestToken);
    expect(final.OperationStatus).toBe('FAILED');
    expect(final.ErrorCode).toBe('NotFound');
    expect(final.StatusMessage).toContain(missingArn);

    // A patch whose path is not in the model is refused with coral's ValidationException.
    const identifier = await createImageAndWait(client, uniqueName('badpatch'));
    const badPath = await expectRejection(
      client.send(patchImage(identifier, { op: 'replace', path: '/ImageDescription', value: 'x' })),
    );
    expect(badPath.name).toBe('ValidationException');
    expect(badPath.status).toBe(400);
    expect(badPath.message).toContain('noSuchPath in source');
  });
});

// ---------------------------------------------------------------------------------------------
describe('accounts, regions and global types', () => {
  it('lists a global S3 bucket from every region, once per region', async () => {
    const key = accessKeyFor('global');
    const bucket = uniqueName('conformance-bucket');
    const creator = cc('us-east-1', key);
    const first = await creator.send(
      new CreateResourceCommand({
        TypeName: BUCKET,
        DesiredState: JSON.stringify({ BucketName: bucket }),
      }),
    );
    const done = await waitForSuccess(creator, first.ProgressEvent?.RequestToken);
    expect(done.Identifier).toBe(bucket);

    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1']) {
      const identifiers = await listIdentifiers(cc(region, key), BUCKET);
      expect(
        identifiers.filter((id) => id === bucket),
        region,
      ).toHaveLength(1);
    }
  });

  it('keeps state per region: a regional resource is invisible from another region', async () => {
    const key = accessKeyFor('regions');
    const identifier = await createImageAndWait(cc('us-west-2', key), uniqueName('regional'));
    expect(await listIdentifiers(cc('us-west-2', key), IMAGE)).toContain(identifier);
    expect(await listIdentifiers(cc('eu-west-1', key), IMAGE)).not.toContain(identifier);
    const elsewhere = await expectRejection(
      cc('eu-west-1', key).send(
        new GetResourceCommand({ TypeName: IMAGE, Identifier: identifier }),
      ),
    );
    expect(elsewhere.error).toBeInstanceOf(ResourceNotFoundException);
  });

  it('treats two access keys as two accounts', async () => {
    const a = cc('us-west-2', accessKeyFor('accounta'));
    const b = cc('us-west-2', accessKeyFor('accountb'));
    const name = uniqueName('shared-name');

    const arnA = await createImageAndWait(a, name);
    expect(await listIdentifiers(b, IMAGE)).not.toContain(arnA);
    const hidden = await expectRejection(
      b.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: arnA })),
    );
    expect(hidden.error).toBeInstanceOf(ResourceNotFoundException);

    // The same name is free in the other account, and the ARNs differ only by account id.
    const arnB = await createImageAndWait(b, name);
    expect(accountOf(arnA)).toMatch(/^\d{12}$/);
    expect(accountOf(arnB)).toMatch(/^\d{12}$/);
    expect(accountOf(arnB)).not.toBe(accountOf(arnA));
    expect(arnB.replace(accountOf(arnB), 'ACCOUNT')).toBe(arnA.replace(accountOf(arnA), 'ACCOUNT'));
  });
});

// ---------------------------------------------------------------------------------------------
describe('CloudFormation registry (awsQuery)', () => {
  let sageMakerTypes: Map<string, RegistryType>;

  beforeAll(async () => {
    sageMakerTypes = await readRegistry('AWS::SageMaker::');
  });

  async function listTypeNames(
    input: ListTypesInput,
    region = 'us-east-1',
  ): Promise<{
    pages: TypeSummary[][];
    names: string[];
  }> {
    const client = pool.cloudFormation({ region });
    const pages: TypeSummary[][] = [];
    for await (const page of paginateListTypes({ client, pageSize: 10 }, input)) {
      pages.push(page.TypeSummaries ?? []);
    }
    const flat = pages.flat();
    for (const summary of flat) {
      expect(summary.Type).toBe('RESOURCE');
      expect(summary.PublisherId).toBeUndefined();
    }
    return { pages, names: flat.map((summary) => requireValue(summary.TypeName, 'TypeName')) };
  }

  it('describes AWS::SageMaker::Image with the registry schema and its provisioning type', async () => {
    const client = pool.cloudFormation({ region: 'eu-west-1' });
    const described = await client.send(
      new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: IMAGE }),
    );
    const expected = requireValue(sageMakerTypes.get(IMAGE), IMAGE);
    expect(described.TypeName).toBe(IMAGE);
    expect(described.Type).toBe('RESOURCE');
    expect(described.ProvisioningType).toBe('FULLY_MUTABLE');
    expect(described.Visibility).toBe('PUBLIC');
    expect(described.Arn).toBe(
      'arn:aws:cloudformation:eu-west-1::type/resource/AWS-SageMaker-Image',
    );
    expect(described.Description).toBe(expected.schema.description);
    expect(JSON.parse(requireValue(described.Schema, 'Schema'))).toEqual(expected.schema);
  });

  it('derives IMMUTABLE and NON_PROVISIONABLE from the handlers', async () => {
    const client = pool.cloudFormation({ region: 'us-east-1' });
    const samples = [...sageMakerTypes.values()];
    const immutable = requireValue(
      samples.find((t) => t.provisioningType === 'IMMUTABLE'),
      'an IMMUTABLE SageMaker type',
    );
    for (const sample of [
      immutable,
      requireValue(sageMakerTypes.get(NON_PROVISIONABLE_TYPE), 'Workteam'),
    ]) {
      const described = await client.send(
        new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: sample.typeName }),
      );
      expect(described.ProvisioningType, sample.typeName).toBe(sample.provisioningType);
    }
  });

  it('answers an unknown type with the CloudFormation TypeNotFoundException (404)', async () => {
    const client = pool.cloudFormation({ region: 'us-east-1' });
    const caught = await expectRejection(
      client.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::Nope::Thing' })),
    );
    expect(caught.error).toBeInstanceOf(CfnTypeNotFoundException);
    expect(caught.status).toBe(404);
    expect(caught.message).toContain('AWS::Nope::Thing');
  });

  it('lists PUBLIC AWS types page by page with NextToken; ProvisioningType filters, and defaults to FULLY_MUTABLE', async () => {
    const base: ListTypesInput = {
      Visibility: 'PUBLIC',
      Type: 'RESOURCE',
      Filters: { Category: 'AWS_TYPES', TypeNamePrefix: 'AWS::SageMaker::' },
    };
    const expectedOf = (kind: RegistryType['provisioningType']): string[] =>
      [...sageMakerTypes.values()]
        .filter((t) => t.provisioningType === kind)
        .map((t) => t.typeName)
        .sort();

    for (const kind of ['FULLY_MUTABLE', 'IMMUTABLE', 'NON_PROVISIONABLE'] as const) {
      const { names, pages } = await listTypeNames({ ...base, ProvisioningType: kind });
      expect([...names].sort(), kind).toEqual(expectedOf(kind));
      expect(new Set(names).size).toBe(names.length);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(10);
      if (kind === 'FULLY_MUTABLE') expect(pages.length).toBeGreaterThan(1);
    }

    // AWS: "The default is FULLY_MUTABLE."
    const { names: byDefault } = await listTypeNames(base);
    expect([...byDefault].sort()).toEqual(expectedOf('FULLY_MUTABLE'));
  });

  it('lists no AWS types under the default (PRIVATE) visibility', async () => {
    const client = pool.cloudFormation({ region: 'us-east-1' });
    const listed = await client.send(new ListTypesCommand({ Type: 'RESOURCE' }));
    const awsTypes = (listed.TypeSummaries ?? []).filter((t) => t.TypeName?.startsWith('AWS::'));
    expect(awsTypes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('fault injection as clients see it', () => {
  it('throttles with ThrottlingException "Rate exceeded" (400)', async () => {
    sandbox.faults.set({ throttleRate: 1 });
    const caught = await expectRejection(
      cc('us-east-1').send(new ListResourcesCommand({ TypeName: IMAGE })),
    );
    expect(caught.error).toBeInstanceOf(ThrottlingException);
    expect(caught.message).toBe('Rate exceeded');
    expect(caught.status).toBe(400);
  });

  it('lets the SDK default retry strategy ride out a 50% throttle rate: every page still arrives once', async () => {
    sandbox.faults.set({ throttleRate: 0.5 });
    const client = cc('us-east-1', DEFAULT_ACCESS_KEY, 10);
    const { items, pages, attempts } = await listAllPages(client, IMAGE);
    const identifiers = items.map((item) => item.Identifier);
    expect(identifiers.length).toBe(seededImageCount('us-east-1'));
    expect(new Set(identifiers).size).toBe(identifiers.length);
    // Some pages took more than one attempt: the throttling was real and the SDK retried it.
    expect(attempts).toBeGreaterThan(pages.length);
  });

  it('retries a throttled call (attempts > 1) and succeeds once throttling stops', async () => {
    sandbox.faults.set({ throttleRate: 1 });
    const client = cc('eu-west-1', DEFAULT_ACCESS_KEY, 6);
    const pending = client.send(new ListResourcesCommand({ TypeName: IMAGE }));
    setTimeout(() => {
      sandbox.faults.set({ throttleRate: 0 });
    }, 60);
    const result = await pending;
    expect(result.$metadata.attempts).toBeGreaterThan(1);
    expect(result.ResourceDescriptions?.length).toBe(seededImageCount('eu-west-1'));
  });

  it('throttles a burst beyond the per-region requests-per-second limit, and not other regions', async () => {
    sandbox.faults.set({ regionRps: 5 });
    const client = cc('ap-northeast-1');
    const burst = await Promise.allSettled(
      Array.from({ length: 20 }, () => client.send(new ListResourcesCommand({ TypeName: IMAGE }))),
    );
    const ok = burst.filter((r) => r.status === 'fulfilled');
    const failed = burst.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.length).toBeLessThanOrEqual(10);
    expect(failed.length).toBeGreaterThanOrEqual(10);
    for (const failure of failed) expect(failure.reason).toBeInstanceOf(ThrottlingException);

    const elsewhere = await cc('us-west-2').send(new ListResourcesCommand({ TypeName: IMAGE }));
    expect(elsewhere.ResourceDescriptions?.length).toBeGreaterThan(0);
  });

  it("makes a 'refuse' region fail at the connection, with no HTTP status", async () => {
    sandbox.faults.set({ downRegions: { 'us-west-2': 'refuse' } });
    const caught = await expectRejection(
      cc('us-west-2').send(new ListResourcesCommand({ TypeName: IMAGE })),
    );
    expect(caught.error).not.toBeInstanceOf(CloudControlServiceException);
    expect(caught.status).toBeUndefined();
    expect(`${caught.code ?? ''} ${caught.message}`).toMatch(
      /ECONNREFUSED|ECONNRESET|EPIPE|socket hang up/i,
    );

    const fine = await cc('eu-west-1').send(new ListResourcesCommand({ TypeName: IMAGE }));
    expect(fine.ResourceDescriptions?.length).toBeGreaterThan(0);
  });

  it("answers an 'unavailable' region with 503, which the SDK retries as transient", async () => {
    sandbox.faults.set({ downRegions: { 'eu-west-1': 'unavailable' } });
    const caught = await expectRejection(
      cc('eu-west-1', DEFAULT_ACCESS_KEY, 3).send(new ListResourcesCommand({ TypeName: IMAGE })),
    );
    expect(caught.status).toBe(503);
    expect(caught.attempts).toBe(3);
    const fine = await cc('us-east-1').send(new ListResourcesCommand({ TypeName: IMAGE }));
    expect(fine.ResourceDescriptions?.length).toBeGreaterThan(0);
  });

  it('answers an AccessDenied region with the unmodeled AccessDeniedException (400)', async () => {
    sandbox.faults.set({ accessDeniedRegions: ['ap-northeast-1'] });
    const caught = await expectRejection(
      cc('ap-northeast-1').send(new ListResourcesCommand({ TypeName: IMAGE })),
    );
    expect(caught.error).toBeInstanceOf(CloudControlServiceException);
    expect(caught.name).toBe('AccessDeniedException');
    expect(caught.status).toBe(400);
    expect(caught.message).toMatch(/is not authorized to perform: cloudformation:ListResources/);
    // AWS names the resource: `… cloudformation:ListResources on resource:
    // arn:aws:cloudformation:<region>:<account>:resource/* because no identity-based policy …`.
    expect(caught.message).toMatch(
      /^User: arn:aws:iam::\d{12}:\S+ is not authorized to perform: cloudformation:ListResources on resource: arn:aws:cloudformation:ap-northeast-1:\d{12}:resource\/\* because no identity-based policy allows the cloudformation:ListResources action$/,
    );
    const fine = await cc('us-east-1').send(new ListResourcesCommand({ TypeName: IMAGE }));
    expect(fine.ResourceDescriptions?.length).toBeGreaterThan(0);
  });

  it('answers server errors with a 5xx service exception', async () => {
    sandbox.faults.set({ serverErrorRate: 1 });
    const caught = await expectRejection(
      cc('us-east-1').send(new ListResourcesCommand({ TypeName: IMAGE })),
    );
    expect(caught.error).toBeInstanceOf(CloudControlServiceException);
    expect(caught.status).toBeGreaterThanOrEqual(500);
    expect(caught.status).toBeLessThan(600);
  });

  it('answers CloudFormation registry calls with awsQuery fault envelopes', async () => {
    const client = pool.cloudFormation({ region: 'us-west-2' });
    const describe = (): Promise<unknown> =>
      client.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: IMAGE }));

    sandbox.faults.set({ throttleRate: 1 });
    const throttled = await expectRejection(describe());
    expect(throttled.error).toBeInstanceOf(CloudFormationServiceException);
    expect(throttled.name).toBe('Throttling');
    expect(throttled.status).toBe(400);
    expect(throttled.message).toBe('Rate exceeded');

    sandbox.faults.reset();
    sandbox.faults.set({ accessDeniedRegions: ['us-west-2'] });
    const denied = await expectRejection(describe());
    expect(denied.error).toBeInstanceOf(CloudFormationServiceException);
    expect(denied.name).toBe('AccessDenied');
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('is not authorized to perform: cloudformation:DescribeType');
  });

  it("fails a create with the handler's ErrorCode and StatusMessage, which the waiter reports", async () => {
    sandbox.faults.set({
      failCreates: [
        { typeName: IMAGE, errorCode: 'ServiceLimitExceeded', message: 'Image limit reached' },
      ],
    });
    const client = cc('eu-west-1', accessKeyFor('failcreate'));
    const name = uniqueName('fails');
    const first = await createImage(client, name);
    expect(['PENDING', 'IN_PROGRESS']).toContain(first.OperationStatus);
    await expect(waitForSuccess(client, first.RequestToken)).rejects.toThrow(/FAILURE/);
    const final = await pollUntilTerminal(client, first.RequestToken);
    expect(final.OperationStatus).toBe('FAILED');
    expect(final.ErrorCode).toBe('ServiceLimitExceeded');
    expect(final.StatusMessage).toBe('Image limit reached');
    expect((await listIdentifiers(client, IMAGE)).map(imageNameOf)).not.toContain(name);
  });

  it('adds latency to every call', async () => {
    sandbox.faults.set({ latencyMs: 300 });
    const started = performance.now();
    await cc('us-east-1')
      .send(new GetResourceRequestStatusCommand({ RequestToken: 'x' }))
      .catch(() => undefined);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('takes faults and resets over HTTP control routes', async () => {
    const client = cc('us-east-1', accessKeyFor('control'));
    expect(await postControl(sandbox.endpoint, '/__sandbox/faults', { throttleRate: 1 })).toBe(200);
    const throttled = await expectRejection(
      client.send(new ListResourcesCommand({ TypeName: IMAGE })),
    );
    expect(throttled.error).toBeInstanceOf(ThrottlingException);
    // POST /__sandbox/faults replaces the whole configuration: {} clears it.
    expect(await postControl(sandbox.endpoint, '/__sandbox/faults', {})).toBe(200);

    const identifier = await createImageAndWait(client, uniqueName('reset'));
    expect(await listIdentifiers(client, IMAGE)).toContain(identifier);
    expect(await postControl(sandbox.endpoint, '/__sandbox/reset', {})).toBe(200);
    expect(await listIdentifiers(client, IMAGE)).not.toContain(identifier);
    expect(await listIdentifiers(cc('us-east-1'), IMAGE)).toHaveLength(
      seededImageCount('us-east-1'),
    );
  });
});

function seededImageCount(region: string): number {
  return requireValue(
    imageCounts[region as keyof typeof imageCounts],
    `seeded images in ${region}`,
  );
}
