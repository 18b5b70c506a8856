import { describe, expect, it } from 'vitest';
import { cloudControlError, validationError } from '../cloudcontrol/errors';
import { jsonErrorResponse, jsonResponse, operationFromTarget } from './json-protocol';
import { escapeXml, xmlErrorBody } from './query-protocol';

describe('awsJson1_0', () => {
  it('reads the operation from X-Amz-Target', () => {
    expect(operationFromTarget('CloudApiService.ListResources')).toBe('ListResources');
    expect(operationFromTarget('Other.ListResources')).toBeUndefined();
    expect(operationFromTarget('CloudApiService.')).toBeUndefined();
    expect(operationFromTarget(undefined)).toBeUndefined();
  });

  it('frames answers and errors', () => {
    expect(jsonResponse({ a: 1 }, 'rid')).toEqual({
      status: 200,
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': 'rid' },
      body: '{"a":1}',
    });
    const error = jsonErrorResponse(
      cloudControlError('ConcurrentOperationException', 'busy'),
      'rid',
    );
    expect(error.status).toBe(409);
    expect(error.body).toBe(
      '{"__type":"com.amazonaws.cloudcontrol#ConcurrentOperationException","Message":"busy"}',
    );
    expect(jsonErrorResponse(validationError('bad'), 'rid').body).toBe(
      '{"__type":"com.amazon.coral.validate#ValidationException","message":"bad"}',
    );
  });
});

describe('awsQuery errors', () => {
  it('writes the ErrorResponse envelope, escaped', () => {
    expect(
      xmlErrorBody(
        { status: 400, type: 'Sender', code: 'Throttling', message: 'a <b> & "c"' },
        'rid',
      ),
    ).toBe(
      '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>a &lt;b&gt; &amp; &quot;c&quot;</Message></Error><RequestId>rid</RequestId></ErrorResponse>',
    );
    expect(escapeXml("it's")).toBe('it&apos;s');
  });
});
