import { describe, expect, it } from 'vitest';
import {
  constraintErrors,
  errorResponseXml,
  QueryError,
  typeNotFound,
  validationError,
} from './query-errors';

describe('query errors', () => {
  it('carry the codes and statuses the SDK expects', () => {
    expect(typeNotFound('AWS::X::Y')).toMatchObject({
      code: 'TypeNotFoundException',
      status: 404,
      message: "The type 'AWS::X::Y' cannot be found.",
    });
    expect(validationError('bad')).toMatchObject({ code: 'ValidationError', status: 400 });
  });

  it('count constraint failures the way AWS does', () => {
    expect(constraintErrors(['a']).message).toBe('1 validation error detected: a');
    expect(constraintErrors(['a', 'b']).message).toBe('2 validation errors detected: a; b');
  });

  it('render the awsQuery ErrorResponse document, escaped', () => {
    expect(errorResponseXml(new QueryError('Odd', 400, 'a < b & c'), 'r-1')).toBe(
      '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error>' +
        '<Type>Sender</Type><Code>Odd</Code><Message>a &lt; b &amp; c</Message></Error>' +
        '<RequestId>r-1</RequestId></ErrorResponse>',
    );
  });
});
