import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdFor } from './account';
import type { RunningSandbox } from './index';
import { rawRequest } from '../test-support/raw-http';
import { cloudControlHeaders, signedHeaders } from './test-support/signed-headers';
import { startTestSandbox } from './test-support/sandbox';

let sandbox: RunningSandbox;
const queries: { params: string; region: string; account: string; requestId: string }[] = [];
const lines: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({
    log: (line) => lines.push(line),
    cloudFormation: (params, context) => {
      queries.push({ params: params.toString(), ...context });
      return { status: 200, body: '<DescribeTypeResponse/>' };
    },
  });
});
afterAll(() => sandbox.close());

const parse = (text: string): Record<string, unknown> =>
  JSON.parse(text) as Record<string, unknown>;

const post = (headers: Record<string, string>, body = '{}', path = '/') =>
  rawRequest({ port: sandbox.port, method: 'POST', path, headers, body });

describe('awsJson1_0 framing', () => {
  it('answers with the JSON 1.0 content type, a request id, and epoch-second numbers', async () => {
    const created = await post(
      cloudControlHeaders('CreateResource'),
      JSON.stringify({
        TypeName: 'AWS::ECR::Repository',
        DesiredState: '{"RepositoryName":"repo"}',
      }),
    );
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(created.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    const event = (
      parse(created.body) as { ProgressEvent: { EventTime: unknown; RetryAfter: unknown } }
    ).ProgressEvent;
    expect(typeof event.EventTime).toBe('number');
    expect(typeof event.RetryAfter).toBe('number');
    expect(event.EventTime).toBeGreaterThan(1.7e9);
    expect(event.EventTime).toBeLessThan(1e10);
  });

  it('writes modeled errors with the cloudcontrol namespace and Message', async () => {
    const res = await post(
      cloudControlHeaders('GetResource'),
      JSON.stringify({ TypeName: 'AWS::ECR::Repository', Identifier: 'x' }),
    );
    expect(res.status).toBe(404);
    expect(parse(res.body)).toEqual({
      __type: 'com.amazonaws.cloudcontrol#ResourceNotFoundException',
      Message: "Resource of type 'AWS::ECR::Repository' with identifier 'x' was not found.",
    });
  });

  it('refuses an unknown target, a missing one, and a body that is not JSON', async () => {
    const unknown = await post(cloudControlHeaders('DescribeEverything'));
    expect(unknown.status).toBe(400);
    expect(parse(unknown.body).__type).toMatch(/#UnknownOperationException$/);
    const { 'x-amz-target': _target, ...noTarget } = cloudControlHeaders('ListResources');
    expect(parse((await post(noTarget)).body).__type).toMatch(/#UnknownOperationException$/);
    const badJson = await post(cloudControlHeaders('ListResources'), '{not json');
    expect(badJson.status).toBe(400);
    expect(parse(badJson.body).__type).toMatch(/#SerializationException$/);
    const notObject = await post(cloudControlHeaders('ListResources'), '[]');
    expect(parse(notObject.body).__type).toMatch(/#SerializationException$/);
  });

  it('validates members the way coral does', async () => {
    const res = await post(cloudControlHeaders('ListResources'), '{}');
    expect(res.status).toBe(400);
    expect(parse(res.body)).toEqual({
      __type: 'com.amazon.coral.validate#ValidationException',
      message:
        "1 validation error detected: Value null at 'typeName' failed to satisfy constraint: Member must not be null",
    });
    const wrongType = await post(cloudControlHeaders('ListResources'), '{"TypeName":5}');
    expect(parse(wrongType.body).__type).toMatch(/#SerializationException$/);
    const badToken = await post(
      cloudControlHeaders('GetResourceRequestStatus'),
      '{"RequestToken":"no spaces"}',
    );
    expect(parse(badToken.body).message).toContain('regular expression pattern');
  });
});

describe('authentication', () => {
  it('refuses a JSON call without Authorization: 403 MissingAuthenticationTokenException', async () => {
    const res = await post({
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'CloudApiService.ListResources',
    });
    expect(res.status).toBe(403);
    expect(parse(res.body)).toEqual({
      __type: 'MissingAuthenticationTokenException',
      Message: 'Missing Authentication Token',
    });
  });

  it('refuses a malformed signature: 403 IncompleteSignatureException', async () => {
    const res = await post({
      ...cloudControlHeaders('ListResources'),
      authorization: 'AWS4-HMAC-SHA256 Credential=abc',
    });
    expect(res.status).toBe(403);
    expect(parse(res.body).__type).toBe('IncompleteSignatureException');
  });

  it('answers a form-encoded call without Authorization in XML', async () => {
    const res = await post(
      { 'content-type': 'application/x-www-form-urlencoded' },
      'Action=ListTypes&Version=2010-05-15',
    );
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('text/xml');
    expect(res.body).toContain(
      '<Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Missing Authentication Token</Message></Error>',
    );
  });

  it('refuses a credential scoped to another service', async () => {
    const res = await post({
      ...cloudControlHeaders('ListResources'),
      ...signedHeaders('s3', 'us-east-1'),
    });
    expect(res.status).toBe(403);
    expect(parse(res.body).__type).toBe('InvalidSignatureException');
  });
});

describe('routing', () => {
  it('sends cloudformation-scoped calls to the CloudFormation handler with region and account', async () => {
    const res = await post(
      {
        ...signedHeaders('cloudformation', 'eu-west-1', 'AKIDCFN'),
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      },
      'Action=DescribeType&Version=2010-05-15&Type=RESOURCE&TypeName=AWS%3A%3AS3%3A%3ABucket',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml');
    expect(res.body).toBe('<DescribeTypeResponse/>');
    expect(queries.at(-1)).toEqual({
      params:
        'Action=DescribeType&Version=2010-05-15&Type=RESOURCE&TypeName=AWS%3A%3AS3%3A%3ABucket',
      region: 'eu-west-1',
      account: accountIdFor('AKIDCFN'),
      requestId: res.headers['x-amzn-requestid'],
    });
  });

  it('answers POST / only', async () => {
    expect((await rawRequest({ port: sandbox.port, method: 'GET', path: '/' })).status).toBe(405);
    expect((await post(cloudControlHeaders('ListResources'), '{}', '/elsewhere')).status).toBe(404);
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const res = await post(cloudControlHeaders('ListResources'), 'x'.repeat(1024 * 1024 + 10));
    expect(res.status).toBe(413);
  });

  it('logs one line per call, without credentials', async () => {
    lines.length = 0;
    await post(
      cloudControlHeaders('ListResources', 'eu-west-1'),
      '{"TypeName":"AWS::ECR::Repository"}',
    );
    expect(lines).toEqual([
      expect.stringMatching(/^cloudcontrolapi eu-west-1 ListResources 200 \d+ms$/) as unknown,
    ]);
    expect(lines.join('\n')).not.toContain('AKID');
  });
});
