import {
  CancelResourceRequestCommand,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourceRequestsCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
  paginateListResources,
  type CloudControlClient,
} from '@aws-sdk/client-cloudcontrol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../index';
import { cloudControlClient, failure } from '../test-support/clients';
import { manualClock, startTestSandbox, type ManualClock } from '../test-support/sandbox';

const IMAGE = 'AWS::SageMaker::Image';
const role = 'arn:aws:iam::123456789012:role/SageMakerRole';
const step = 1000;

let sandbox: RunningSandbox;
let clock: ManualClock;
let client: CloudControlClient;

beforeAll(async () => {
  clock = manualClock();
  sandbox = await startTestSandbox({ clock: clock.now, mutationDelayMs: step });
  client = cloudControlClient(sandbox.endpoint, { region: 'eu-west-1' });
});
afterAll(async () => {
  client.destroy();
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
  sandbox.faults.reset();
});

async function createImage(
  name: string,
  extra: Record<string, unknown> = {},
  clientToken?: string,
) {
  const out = await client.send(
    new CreateResourceCommand({
      TypeName: IMAGE,
      DesiredState: JSON.stringify({ ImageName: name, ImageRoleArn: role, ...extra }),
      ...(clientToken ? { ClientToken: clientToken } : {}),
    }),
  );
  if (!out.ProgressEvent) throw new Error('no progress event');
  return out.ProgressEvent;
}

async function status(token: string | undefined) {
  const out = await client.send(new GetResourceRequestStatusCommand({ RequestToken: token }));
  if (!out.ProgressEvent) throw new Error('no progress event');
  return out.ProgressEvent;
}

/** Creates an image and lets its request finish. */
async function madeImage(name: string): Promise<string> {
  const event = await createImage(name);
  clock.advance(2 * step);
  const done = await status(event.RequestToken);
  expect(done.OperationStatus).toBe('SUCCESS');
  return done.Identifier ?? '';
}

describe('CreateResource and the request lifecycle', () => {
  it('goes PENDING → IN_PROGRESS → SUCCESS over the configured steps, with epoch-second times', async () => {
    const start = clock.now().getTime();
    const first = await createImage('pytorch-2-1-gpu');
    expect(first).toMatchObject({
      TypeName: IMAGE,
      Operation: 'CREATE',
      OperationStatus: 'PENDING',
    });
    expect(first.RequestToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.Identifier).toBeUndefined();
    expect(first.EventTime).toEqual(new Date(start));
    expect(first.RetryAfter).toEqual(new Date(start + step));

    clock.advance(step);
    const second = await status(first.RequestToken);
    expect(second.OperationStatus).toBe('IN_PROGRESS');
    expect(second.EventTime).toEqual(new Date(start + step));
    expect(second.RetryAfter).toEqual(new Date(start + 2 * step));

    clock.advance(step);
    const done = await status(first.RequestToken);
    expect(done.OperationStatus).toBe('SUCCESS');
    expect(done.RetryAfter).toBeUndefined();
    expect(done.Identifier).toMatch(/^arn:aws:sagemaker:eu-west-1:\d{12}:image\/pytorch-2-1-gpu$/);
    expect(JSON.parse(done.ResourceModel ?? '{}')).toMatchObject({
      ImageName: 'pytorch-2-1-gpu',
      ImageArn: done.Identifier,
    });
  });

  it('does not show a resource until its create succeeds', async () => {
    const event = await createImage('tf-serving-base');
    const list = await client.send(new ListResourcesCommand({ TypeName: IMAGE }));
    expect(list.ResourceDescriptions).toEqual([]);
    clock.advance(2 * step);
    await status(event.RequestToken);
    const after = await client.send(new ListResourcesCommand({ TypeName: IMAGE }));
    expect(after.ResourceDescriptions).toHaveLength(1);
  });

  it('refuses a desired state that fails the schema with a synchronous ValidationException', async () => {
    const error = await failure(() => createImage('bad name!', { Unknown: 1 }));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      'Model validation failed (#/ImageName: failed validation constraint for keyword [pattern]\n#: extraneous key [Unknown] is not permitted)',
    );
  });

  it('refuses read-only properties in a desired state', async () => {
    const error = await failure(() => createImage('x', { ImageArn: 'arn:aws:sagemaker:x' }));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain('[ImageArn]');
  });

  it('refuses DesiredState that is not a JSON object', async () => {
    const error = await failure(() =>
      client.send(new CreateResourceCommand({ TypeName: IMAGE, DesiredState: '[1]' })),
    );
    expect(error.name).toBe('InvalidRequestException');
  });

  it('accepts a duplicate, then fails it with AlreadyExists', async () => {
    await madeImage('dup');
    const again = await createImage('dup');
    expect(again.OperationStatus).toBe('PENDING');
    clock.advance(2 * step);
    const done = await status(again.RequestToken);
    expect(done).toMatchObject({
      OperationStatus: 'FAILED',
      ErrorCode: 'AlreadyExists',
      StatusMessage: expect.stringMatching(
        /^Resource of type 'AWS::SageMaker::Image' with identifier 'arn:.*dup' already exists\.$/,
      ) as unknown,
    });
  });

  it('refuses a second mutation of a resource while one is in flight (409 ConcurrentOperation)', async () => {
    await createImage('busy');
    const error = await failure(() => createImage('busy'));
    expect(error.name).toBe('ConcurrentOperationException');
    expect(error.$metadata?.httpStatusCode).toBe(409);
  });

  it('replays a ClientToken with the same body and refuses it with another (409)', async () => {
    const first = await createImage('replayed', {}, 'token-1');
    clock.advance(step);
    const replay = await createImage('replayed', {}, 'token-1');
    expect(replay.RequestToken).toBe(first.RequestToken);
    expect(replay.OperationStatus).toBe('IN_PROGRESS');
    const error = await failure(() => createImage('other', {}, 'token-1'));
    expect(error.name).toBe('ClientTokenConflictException');
    expect(error.$metadata?.httpStatusCode).toBe(409);
  });

  it('answers TypeNotFound for an unknown type and UnsupportedAction for a missing handler', async () => {
    const unknown = await failure(() =>
      client.send(
        new CreateResourceCommand({ TypeName: 'AWS::Nope::Nothing', DesiredState: '{}' }),
      ),
    );
    expect(unknown.name).toBe('TypeNotFoundException');
    expect(unknown.$metadata?.httpStatusCode).toBe(404);
    const unsupported = await failure(() =>
      client.send(new ListResourcesCommand({ TypeName: 'AWS::Sandbox::NoList' })),
    );
    expect(unsupported.name).toBe('UnsupportedActionException');
    expect(unsupported.$metadata?.httpStatusCode).toBe(405);
    expect(unsupported.message).toBe(
      'Resource type AWS::Sandbox::NoList does not support LIST action',
    );
  });

  it('fails a create on purpose when a createFailure fault matches', async () => {
    sandbox.faults.set({
      failCreates: [{ typeName: IMAGE, errorCode: 'ServiceLimitExceeded', message: 'Limit hit' }],
    });
    const event = await createImage('doomed');
    clock.advance(2 * step);
    expect(await status(event.RequestToken)).toMatchObject({
      OperationStatus: 'FAILED',
      ErrorCode: 'ServiceLimitExceeded',
      StatusMessage: 'Limit hit',
    });
    const get = await failure(() =>
      client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: event.Identifier ?? 'x' })),
    );
    expect(get.name).toBe('ResourceNotFoundException');
  });
});

describe('GetResource', () => {
  it('returns the readable model by primary identifier or by a JSON additional identifier', async () => {
    const arn = await madeImage('lookup-me');
    const byArn = await client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: arn }));
    expect(byArn.TypeName).toBe(IMAGE);
    expect(byArn.ResourceDescription?.Identifier).toBe(arn);
    expect(JSON.parse(byArn.ResourceDescription?.Properties ?? '{}')).toMatchObject({
      ImageName: 'lookup-me',
    });
    const byName = await client.send(
      new GetResourceCommand({
        TypeName: IMAGE,
        Identifier: JSON.stringify({ ImageName: 'lookup-me' }),
      }),
    );
    expect(byName.ResourceDescription?.Identifier).toBe(arn);
  });

  it('answers ResourceNotFound (404) with AWS message', async () => {
    const error = await failure(() =>
      client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: 'x' })),
    );
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata?.httpStatusCode).toBe(404);
    expect(error.message).toBe(
      "Resource of type 'AWS::SageMaker::Image' with identifier 'x' was not found.",
    );
  });

  it('refuses a JSON identifier naming no identifier set', async () => {
    const error = await failure(() =>
      client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: '{"ImageRoleArn":"x"}' })),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain('[[/properties/ImageArn], [/properties/ImageName]]');
  });

  it('hides write-only properties', async () => {
    const created = await client.send(
      new CreateResourceCommand({
        TypeName: 'AWS::Lambda::Function',
        DesiredState: JSON.stringify({ FunctionName: 'fn', Role: role, Code: { ZipFile: 'x' } }),
      }),
    );
    clock.advance(2 * step);
    const done = await status(created.ProgressEvent?.RequestToken);
    expect(JSON.parse(done.ResourceModel ?? '{}')).not.toHaveProperty('Code');
    const got = await client.send(
      new GetResourceCommand({ TypeName: 'AWS::Lambda::Function', Identifier: 'fn' }),
    );
    expect(JSON.parse(got.ResourceDescription?.Properties ?? '{}')).toEqual({
      FunctionName: 'fn',
      Role: role,
      Arn: expect.stringMatching(/^arn:aws:lambda:eu-west-1:\d{12}:function:fn$/) as unknown,
    });
  });
});

describe('ListResources', () => {
  it('returns only primary identifiers in fixed pages with opaque tokens, ignoring MaxResults', async () => {
    for (let i = 0; i < 27; i++) await createImage(`image-${String(i).padStart(2, '0')}`);
    clock.advance(2 * step);
    const first = await client.send(new ListResourcesCommand({ TypeName: IMAGE, MaxResults: 5 }));
    expect(first.ResourceDescriptions).toHaveLength(25);
    expect(first.NextToken).toBeDefined();
    const firstItem = first.ResourceDescriptions?.[0];
    const listed = JSON.parse(firstItem?.Properties ?? '{}') as Record<string, unknown>;
    expect(Object.keys(listed)).toEqual(['ImageArn']);
    expect(firstItem?.Identifier).toBe(listed.ImageArn);

    const names: string[] = [];
    for await (const page of paginateListResources({ client }, { TypeName: IMAGE })) {
      for (const d of page.ResourceDescriptions ?? []) names.push(d.Identifier ?? '');
    }
    expect(names).toHaveLength(27);
    expect(new Set(names).size).toBe(27);
  });

  it('refuses a tampered NextToken', async () => {
    for (let i = 0; i < 26; i++) await createImage(`img-${i}`);
    clock.advance(2 * step);
    const first = await client.send(new ListResourcesCommand({ TypeName: IMAGE }));
    const tampered = `${first.NextToken ?? ''}x`;
    const error = await failure(() =>
      client.send(new ListResourcesCommand({ TypeName: IMAGE, NextToken: tampered })),
    );
    expect(error.name).toBe('InvalidRequestException');
    const otherType = await failure(() =>
      client.send(
        new ListResourcesCommand({ TypeName: 'AWS::EC2::VPC', NextToken: first.NextToken }),
      ),
    );
    expect(otherType.name).toBe('InvalidRequestException');
  });

  it('needs the required parent model, with AWS message shape', async () => {
    const error = await failure(() =>
      client.send(new ListResourcesCommand({ TypeName: 'AWS::EKS::Nodegroup' })),
    );
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(
      'Missing or invalid ResourceModel property in AWS::EKS::Nodegroup list handler request input.Required property: (#: required key [ClusterName] not found)',
    );
    const ok = await client.send(
      new ListResourcesCommand({
        TypeName: 'AWS::EKS::Nodegroup',
        ResourceModel: '{"ClusterName":"prod"}',
      }),
    );
    expect(ok.ResourceDescriptions).toEqual([]);
  });

  it('filters by the parent given in ResourceModel', async () => {
    const make = (group: string) =>
      client.send(
        new CreateResourceCommand({
          TypeName: 'AWS::SageMaker::ModelPackage',
          DesiredState: JSON.stringify({
            ModelPackageGroupName: group,
            ModelApprovalStatus: 'Approved',
          }),
        }),
      );
    await make('churn');
    await make('churn');
    await make('fraud');
    clock.advance(2 * step);
    const churn = await client.send(
      new ListResourcesCommand({
        TypeName: 'AWS::SageMaker::ModelPackage',
        ResourceModel: JSON.stringify({ ModelPackageGroupName: 'churn' }),
      }),
    );
    expect(churn.ResourceDescriptions?.map((d) => d.Identifier)).toEqual([
      expect.stringMatching(/:model-package\/churn\/1$/) as unknown,
      expect.stringMatching(/:model-package\/churn\/2$/) as unknown,
    ]);
    // Without a group, SageMaker lists unversioned packages only (its default type).
    await client.send(
      new CreateResourceCommand({
        TypeName: 'AWS::SageMaker::ModelPackage',
        DesiredState: JSON.stringify({ ModelPackageName: 'resale' }),
      }),
    );
    clock.advance(2 * step);
    const unfiltered = await client.send(
      new ListResourcesCommand({ TypeName: 'AWS::SageMaker::ModelPackage' }),
    );
    expect(unfiltered.ResourceDescriptions?.map((d) => d.Identifier)).toEqual([
      expect.stringMatching(/:model-package\/resale$/) as unknown,
    ]);
  });

  it('lists global types from every region, regional ones only where they live', async () => {
    await client.send(
      new CreateResourceCommand({
        TypeName: 'AWS::S3::Bucket',
        DesiredState: '{"BucketName":"shared-bucket"}',
      }),
    );
    await createImage('regional');
    clock.advance(2 * step);
    const tokyo = cloudControlClient(sandbox.endpoint, { region: 'ap-northeast-1' });
    try {
      const buckets = await tokyo.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));
      expect(buckets.ResourceDescriptions?.map((d) => d.Identifier)).toEqual(['shared-bucket']);
      const images = await tokyo.send(new ListResourcesCommand({ TypeName: IMAGE }));
      expect(images.ResourceDescriptions).toEqual([]);
    } finally {
      tokyo.destroy();
    }
  });

  it('keeps accounts apart: another access key sees nothing of this one', async () => {
    await madeImage('mine');
    const other = cloudControlClient(sandbox.endpoint, {
      region: 'eu-west-1',
      accessKeyId: 'AKIDOTHERACCOUNT',
    });
    try {
      const list = await other.send(new ListResourcesCommand({ TypeName: IMAGE }));
      expect(list.ResourceDescriptions).toEqual([]);
    } finally {
      other.destroy();
    }
  });
});

describe('UpdateResource', () => {
  it('applies an RFC 6902 patch asynchronously', async () => {
    const arn = await madeImage('patch-me');
    const out = await client.send(
      new UpdateResourceCommand({
        TypeName: IMAGE,
        Identifier: arn,
        PatchDocument: JSON.stringify([
          { op: 'add', path: '/ImageDisplayName', value: 'Patched' },
          { op: 'add', path: '/Tags', value: [{ Key: 'team', Value: 'ml' }] },
        ]),
      }),
    );
    expect(out.ProgressEvent).toMatchObject({
      Operation: 'UPDATE',
      OperationStatus: 'PENDING',
      Identifier: arn,
    });
    const before = await client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: arn }));
    expect(JSON.parse(before.ResourceDescription?.Properties ?? '{}')).not.toHaveProperty(
      'ImageDisplayName',
    );
    clock.advance(2 * step);
    const done = await status(out.ProgressEvent?.RequestToken);
    expect(done.OperationStatus).toBe('SUCCESS');
    expect(JSON.parse(done.ResourceModel ?? '{}')).toMatchObject({
      ImageDisplayName: 'Patched',
      ImageName: 'patch-me',
    });
  });

  it('refuses create-only paths with NotUpdatable and read-only ones with ValidationException', async () => {
    const arn = await madeImage('frozen');
    const createOnly = await failure(() =>
      client.send(
        new UpdateResourceCommand({
          TypeName: IMAGE,
          Identifier: arn,
          PatchDocument: '[{"op":"replace","path":"/ImageName","value":"renamed"}]',
        }),
      ),
    );
    expect(createOnly.name).toBe('NotUpdatableException');
    expect(createOnly.$metadata?.httpStatusCode).toBe(400);
    expect(createOnly.message).toBe(
      'Invalid patch update: createOnlyProperties [/properties/ImageName] cannot be updated',
    );
    const readOnly = await failure(() =>
      client.send(
        new UpdateResourceCommand({
          TypeName: IMAGE,
          Identifier: arn,
          PatchDocument: '[{"op":"replace","path":"/ImageArn","value":"x"}]',
        }),
      ),
    );
    expect(readOnly.name).toBe('ValidationException');
    expect(readOnly.message).toBe(
      'Invalid patch update: readOnlyProperties [/properties/ImageArn] cannot be updated',
    );
  });

  it('refuses patches that do not apply or break the schema', async () => {
    const arn = await madeImage('strict');
    const update = (patch: string) =>
      client.send(
        new UpdateResourceCommand({ TypeName: IMAGE, Identifier: arn, PatchDocument: patch }),
      );
    const noPath = await failure(() =>
      update('[{"op":"replace","path":"/ImageDescription","value":"x"}]'),
    );
    expect(noPath.name).toBe('ValidationException');
    expect(noPath.message).toBe(
      '[REPLACE Operation] noSuchPath in source, path provided : /ImageDescription',
    );
    const invalid = await failure(() => update('[{"op":"remove","path":"/ImageRoleArn"}]'));
    expect(invalid.message).toBe(
      'Model validation failed (#: required key [ImageRoleArn] not found)',
    );
    const garbage = await failure(() => update('not json'));
    expect(garbage.name).toBe('ValidationException');
  });

  it('validates the patched model as AWS reads it: write-only values must be re-sent', async () => {
    await client.send(
      new CreateResourceCommand({
        TypeName: 'AWS::Lambda::Function',
        DesiredState: JSON.stringify({ FunctionName: 'fn2', Role: role, Code: { ZipFile: 'x' } }),
      }),
    );
    clock.advance(2 * step);
    const error = await failure(() =>
      client.send(
        new UpdateResourceCommand({
          TypeName: 'AWS::Lambda::Function',
          Identifier: 'fn2',
          PatchDocument: '[{"op":"add","path":"/Timeout","value":30}]',
        }),
      ),
    );
    expect(error.message).toBe('Model validation failed (#: required key [Code] not found)');
  });

  it('answers ResourceNotFound for a resource that does not exist', async () => {
    const error = await failure(() =>
      client.send(
        new UpdateResourceCommand({ TypeName: IMAGE, Identifier: 'nope', PatchDocument: '[]' }),
      ),
    );
    expect(error.name).toBe('ResourceNotFoundException');
  });
});

describe('DeleteResource', () => {
  it('deletes asynchronously', async () => {
    const arn = await madeImage('short-lived');
    const out = await client.send(new DeleteResourceCommand({ TypeName: IMAGE, Identifier: arn }));
    expect(out.ProgressEvent).toMatchObject({
      Operation: 'DELETE',
      OperationStatus: 'PENDING',
      Identifier: arn,
    });
    clock.advance(2 * step);
    const done = await status(out.ProgressEvent?.RequestToken);
    expect(done.OperationStatus).toBe('SUCCESS');
    expect(done.ResourceModel).toBeUndefined();
    const error = await failure(() =>
      client.send(new GetResourceCommand({ TypeName: IMAGE, Identifier: arn })),
    );
    expect(error.name).toBe('ResourceNotFoundException');
  });

  it('fails a delete of a missing resource with NotFound, as handlers do', async () => {
    const out = await client.send(
      new DeleteResourceCommand({ TypeName: IMAGE, Identifier: 'ghost' }),
    );
    clock.advance(2 * step);
    expect(await status(out.ProgressEvent?.RequestToken)).toMatchObject({
      OperationStatus: 'FAILED',
      ErrorCode: 'NotFound',
      StatusMessage:
        "Resource of type 'AWS::SageMaker::Image' with identifier 'ghost' was not found.",
    });
  });
});

describe('resource requests', () => {
  it('GetResourceRequestStatus answers RequestTokenNotFound for an unknown token', async () => {
    const error = await failure(() => status('00000000-0000-0000-0000-000000000000'));
    expect(error.name).toBe('RequestTokenNotFoundException');
    expect(error.$metadata?.httpStatusCode).toBe(404);
  });

  it('requests are regional', async () => {
    const event = await createImage('here');
    const other = cloudControlClient(sandbox.endpoint, { region: 'us-west-2' });
    try {
      const error = await failure(() =>
        other.send(new GetResourceRequestStatusCommand({ RequestToken: event.RequestToken })),
      );
      expect(error.name).toBe('RequestTokenNotFoundException');
    } finally {
      other.destroy();
    }
  });

  it('cancels a request in flight: CANCEL_IN_PROGRESS then CANCEL_COMPLETE, and nothing is created', async () => {
    const event = await createImage('cancel-me');
    const cancelled = await client.send(
      new CancelResourceRequestCommand({ RequestToken: event.RequestToken }),
    );
    expect(cancelled.ProgressEvent?.OperationStatus).toBe('CANCEL_IN_PROGRESS');
    clock.advance(step);
    expect((await status(event.RequestToken)).OperationStatus).toBe('CANCEL_COMPLETE');
    clock.advance(2 * step);
    const list = await client.send(new ListResourcesCommand({ TypeName: IMAGE }));
    expect(list.ResourceDescriptions).toEqual([]);
    const again = await failure(() =>
      client.send(new CancelResourceRequestCommand({ RequestToken: event.RequestToken })),
    );
    expect(again.name).toBe('InvalidRequestException');
  });

  it('refuses to cancel a finished request', async () => {
    const event = await createImage('finished');
    clock.advance(2 * step);
    const error = await failure(() =>
      client.send(new CancelResourceRequestCommand({ RequestToken: event.RequestToken })),
    );
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toContain('SUCCESS');
  });

  it('lists requests newest first, filtered by operation and status, paged', async () => {
    const a = await createImage('a');
    clock.advance(2 * step);
    const b = await createImage('b');
    const summaries = async (filter?: {
      Operations?: ('CREATE' | 'DELETE' | 'UPDATE')[];
      OperationStatuses?: ('PENDING' | 'SUCCESS')[];
    }) =>
      (await client.send(new ListResourceRequestsCommand({ ResourceRequestStatusFilter: filter })))
        .ResourceRequestStatusSummaries ?? [];
    expect((await summaries()).map((s) => s.RequestToken)).toEqual([
      b.RequestToken,
      a.RequestToken,
    ]);
    expect(
      (await summaries({ OperationStatuses: ['SUCCESS'] })).map((s) => s.RequestToken),
    ).toEqual([a.RequestToken]);
    expect(await summaries({ Operations: ['DELETE'] })).toEqual([]);
    const page = await client.send(new ListResourceRequestsCommand({ MaxResults: 1 }));
    expect(page.ResourceRequestStatusSummaries).toHaveLength(1);
    const next = await client.send(
      new ListResourceRequestsCommand({ MaxResults: 1, NextToken: page.NextToken }),
    );
    expect(next.ResourceRequestStatusSummaries?.[0]?.RequestToken).toBe(a.RequestToken);
    expect(next.NextToken).toBeUndefined();
  });

  it('forgets requests after 7 days', async () => {
    const event = await createImage('old');
    clock.advance(7 * 24 * 3600_000 + 2 * step);
    const error = await failure(() => status(event.RequestToken));
    expect(error.name).toBe('RequestTokenNotFoundException');
  });
});
