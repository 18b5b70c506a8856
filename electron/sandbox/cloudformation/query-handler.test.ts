import { describe, expect, it } from 'vitest';
import { handleCloudFormationQuery } from './query-handler';
import { CONTEXT, smallCatalog } from './test-helpers';

const catalog = smallCatalog();

function call(form: string, context: Parameters<typeof handleCloudFormationQuery>[2] = CONTEXT) {
  return handleCloudFormationQuery(catalog, new URLSearchParams(form), context);
}

describe('handleCloudFormationQuery', () => {
  it('wraps a result in the action response with its request id', () => {
    const response = call(
      'Action=DescribeType&Version=2010-05-15&TypeName=AWS%3A%3ADemo%3A%3AAlpha',
    );
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/xml');
    expect(response.requestId).toBe('req-1');
    expect(response.body).toMatch(
      /^<DescribeTypeResponse xmlns="http:\/\/cloudformation\.amazonaws\.com\/doc\/2010-05-15\/"><DescribeTypeResult><Arn>/,
    );
    expect(response.body).toMatch(
      /<\/DescribeTypeResult><ResponseMetadata><RequestId>req-1<\/RequestId><\/ResponseMetadata><\/DescribeTypeResponse>$/,
    );
  });

  it('routes ListTypes', () => {
    const response = call('Action=ListTypes&Version=2010-05-15&Visibility=PUBLIC');
    expect(response.body).toContain('<ListTypesResult><TypeSummaries><member>');
  });

  it('answers errors as awsQuery ErrorResponse documents with their status', () => {
    const notFound = call('Action=DescribeType&TypeName=AWS%3A%3ADemo%3A%3ANope');
    expect(notFound.status).toBe(404);
    expect(notFound.body).toBe(
      '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error>' +
        '<Type>Sender</Type><Code>TypeNotFoundException</Code>' +
        '<Message>The type &apos;AWS::Demo::Nope&apos; cannot be found.</Message></Error>' +
        '<RequestId>req-1</RequestId></ErrorResponse>',
    );
    expect(call('Action=ListTypes&MaxResults=abc').status).toBe(400);
  });

  it('refuses unknown and missing actions', () => {
    const unknown = call('Action=DescribeStacks');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('<Code>InvalidAction</Code>');
    expect(unknown.body).toContain('The action DescribeStacks is not valid for this web service.');
    expect(call('Action=toString').body).toContain('<Code>InvalidAction</Code>');
    expect(call('Version=2010-05-15').body).toContain('<Code>MissingAction</Code>');
  });

  it('makes a fresh request id when none is given', () => {
    const { requestId, body } = call('Action=ListTypes', { region: 'eu-west-1', account: '1' });
    expect(requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(body).toContain(`<RequestId>${requestId}</RequestId>`);
  });
});
