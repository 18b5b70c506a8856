import { describe, expect, it } from 'vitest';
import { QueryParams } from './query-params';

function params(query: string): QueryParams {
  return new QueryParams(new URLSearchParams(query));
}

describe('QueryParams', () => {
  it('reads strings, treating empty values as absent', () => {
    const query = params('TypeName=AWS%3A%3AS3%3A%3ABucket&Arn=');
    expect(query.string('TypeName')).toBe('AWS::S3::Bucket');
    expect(query.string('Arn')).toBeUndefined();
    expect(query.string('Missing')).toBeUndefined();
    expect(() => {
      query.check();
    }).not.toThrow();
  });

  it('collects every failed constraint into one ValidationError', () => {
    const query = params('Type=WIDGET&MaxResults=500&Filters.TypeNamePrefix=abcdef');
    expect(query.choice('Type', ['RESOURCE', 'MODULE'])).toBeUndefined();
    expect(query.integer('MaxResults', 1, 100)).toBeUndefined();
    query.string('Filters.TypeNamePrefix', 3);
    expect(() => {
      query.check();
    }).toThrow(
      "3 validation errors detected: Value 'WIDGET' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [RESOURCE, MODULE]; " +
        "Value '500' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100; " +
        "Value 'abcdef' at 'filters.typeNamePrefix' failed to satisfy constraint: Member must have length less than or equal to 3",
    );
  });

  it('accepts valid choices and integers, and refuses non-integers', () => {
    const query = params('Visibility=PUBLIC&MaxResults=7&Other=1.5');
    expect(query.choice('Visibility', ['PUBLIC', 'PRIVATE'])).toBe('PUBLIC');
    expect(query.integer('MaxResults', 1, 100)).toBe(7);
    expect(query.integer('Other', 1, 100)).toBeUndefined();
    expect(() => {
      query.check();
    }).toThrow('Member must be an integer');
    const low = params('MaxResults=0');
    low.integer('MaxResults', 1, 100);
    expect(() => {
      low.check();
    }).toThrow('Member must have value greater than or equal to 1');
  });
});
