import { describe, expect, it } from 'vitest';
import { listTypes } from './list-types';
import { decodePageToken } from './page-token';
import { QueryParams } from './query-params';
import { CONTEXT, smallCatalog } from './test-helpers';

const catalog = smallCatalog();

function listWith(query: Record<string, string>): string {
  return listTypes(catalog, new QueryParams(new URLSearchParams(query)), CONTEXT);
}

function namesIn(xml: string): string[] {
  return [...xml.matchAll(/<TypeName>([^<]+)<\/TypeName>/g)].map((match) => match[1] ?? '');
}

function tokenIn(xml: string): string | undefined {
  return /<NextToken>([^<]+)<\/NextToken>/.exec(xml)?.[1];
}

describe('listTypes', () => {
  it('lists nothing at the default PRIVATE visibility', () => {
    expect(listWith({})).toBe('<TypeSummaries/>');
    expect(listWith({ 'Filters.Category': 'AWS_TYPES' })).toBe('<TypeSummaries/>');
  });

  it('lists public FULLY_MUTABLE resource types by default, sorted', () => {
    expect(namesIn(listWith({ Visibility: 'PUBLIC' }))).toEqual([
      'AWS::Demo::Alpha',
      'AWS::Demo::Beta',
      'AWS::Demo::Gamma',
    ]);
  });

  it('filters by provisioning type, category and name prefix', () => {
    expect(namesIn(listWith({ Visibility: 'PUBLIC', ProvisioningType: 'IMMUTABLE' }))).toEqual([
      'AWS::Demo::Frozen',
    ]);
    expect(
      namesIn(listWith({ Visibility: 'PUBLIC', ProvisioningType: 'NON_PROVISIONABLE' })),
    ).toEqual(['AWS::Other::Ghost']);
    expect(
      namesIn(
        listWith({
          Visibility: 'PUBLIC',
          'Filters.Category': 'AWS_TYPES',
          'Filters.TypeNamePrefix': 'AWS::Demo::B',
        }),
      ),
    ).toEqual(['AWS::Demo::Beta']);
    const cases: Record<string, string>[] = [
      { Visibility: 'PUBLIC', 'Filters.Category': 'THIRD_PARTY' },
      { Visibility: 'PUBLIC', 'Filters.PublisherId': 'abc' },
      { Visibility: 'PUBLIC', DeprecatedStatus: 'DEPRECATED' },
      { Visibility: 'PUBLIC', Type: 'MODULE' },
    ];
    for (const query of cases) {
      expect(namesIn(listWith(query)), JSON.stringify(query)).toEqual([]);
    }
  });

  it('writes the summary fields AWS sends for AWS types, and no more', () => {
    const xml = listWith({ Visibility: 'PUBLIC', 'Filters.TypeNamePrefix': 'AWS::Demo::Alpha' });
    expect(xml).toBe(
      '<TypeSummaries><member><Type>RESOURCE</Type><TypeName>AWS::Demo::Alpha</TypeName>' +
        '<TypeArn>arn:aws:cloudformation:eu-west-1::type/resource/AWS-Demo-Alpha</TypeArn>' +
        '<LastUpdated>2026-08-07T17:43:00.000Z</LastUpdated>' +
        '<Description>Resource Type definition for AWS::Demo::Alpha</Description></member></TypeSummaries>',
    );
  });

  it('pages by MaxResults with an opaque token, and ends without one', () => {
    const first = listWith({ Visibility: 'PUBLIC', MaxResults: '2' });
    expect(namesIn(first)).toEqual(['AWS::Demo::Alpha', 'AWS::Demo::Beta']);
    const token = tokenIn(first);
    expect(token && decodePageToken(token)).toEqual({ after: 'AWS::Demo::Beta' });
    const second = listWith({ Visibility: 'PUBLIC', MaxResults: '2', NextToken: token ?? '' });
    expect(namesIn(second)).toEqual(['AWS::Demo::Gamma']);
    expect(tokenIn(second)).toBeUndefined();
    // Exactly a page's worth leaves no token behind.
    expect(tokenIn(listWith({ Visibility: 'PUBLIC', MaxResults: '3' }))).toBeUndefined();
  });

  it('refuses bad parameters and foreign tokens', () => {
    const cases: Record<string, string>[] = [
      { Visibility: 'EVERYONE' },
      { MaxResults: '0' },
      { MaxResults: '101' },
      { ProvisioningType: 'SOMETIMES' },
      { Visibility: 'PUBLIC', NextToken: 'not-ours' },
    ];
    for (const query of cases) {
      expect(() => listWith(query), JSON.stringify(query)).toThrow(
        expect.objectContaining({ code: 'ValidationError', status: 400 }) as Error,
      );
    }
  });
});
