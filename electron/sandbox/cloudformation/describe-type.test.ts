import { describe, expect, it } from 'vitest';
import { describeType } from './describe-type';
import { QueryParams } from './query-params';
import { CONTEXT, smallCatalog } from './test-helpers';

const catalog = smallCatalog();

function describeWith(query: Record<string, string>): string {
  return describeType(catalog, new QueryParams(new URLSearchParams(query)), CONTEXT);
}

describe('describeType', () => {
  it('describes a type by name, with every field AWS sends for AWS types', () => {
    const xml = describeWith({ Type: 'RESOURCE', TypeName: 'AWS::Demo::Alpha' });
    expect(xml).toContain(
      '<Arn>arn:aws:cloudformation:eu-west-1::type/resource/AWS-Demo-Alpha</Arn>',
    );
    expect(xml).toContain('<Type>RESOURCE</Type><TypeName>AWS::Demo::Alpha</TypeName>');
    expect(xml).toContain('<IsDefaultVersion>true</IsDefaultVersion>');
    expect(xml).toContain('<ProvisioningType>FULLY_MUTABLE</ProvisioningType>');
    expect(xml).toContain('<DeprecatedStatus>LIVE</DeprecatedStatus><RequiredActivatedTypes/>');
    expect(xml).toContain('<Visibility>PUBLIC</Visibility>');
    expect(xml).toContain('<SourceUrl>https://example.com/a</SourceUrl>');
    expect(xml).toContain('<LastUpdated>2026-08-07T17:43:00.000Z</LastUpdated>');
    expect(xml).toContain('<TimeCreated>2026-08-07T17:43:00.000Z</TimeCreated>');
    expect(xml).not.toContain('DocumentationUrl');
    expect(xml).not.toContain('PublisherId');
  });

  it('escapes the description, schema text and URLs', () => {
    const xml = describeWith({ TypeName: 'AWS::Demo::Beta' });
    expect(xml).toContain(
      '<Description>Beta &lt;b&gt; &amp; &quot;quoted&quot; &apos;text&apos;</Description>',
    );
    expect(xml).toContain(
      '<DocumentationUrl>https://docs.example.com/beta?x=1&amp;y=2</DocumentationUrl>',
    );
    expect(xml).toContain('<Schema>{\n  &quot;typeName&quot;: &quot;AWS::Demo::Beta&quot;');
  });

  it('reports the provisioning type from the handlers', () => {
    expect(describeWith({ TypeName: 'AWS::Demo::Frozen' })).toContain(
      '<ProvisioningType>IMMUTABLE</ProvisioningType>',
    );
    expect(describeWith({ TypeName: 'AWS::Other::Ghost' })).toContain(
      '<ProvisioningType>NON_PROVISIONABLE</ProvisioningType>',
    );
  });

  it('accepts a registry ARN instead of a name', () => {
    expect(
      describeWith({ Arn: 'arn:aws:cloudformation:us-west-2::type/resource/AWS-Demo-Gamma' }),
    ).toContain('<TypeName>AWS::Demo::Gamma</TypeName>');
  });

  it('throws TypeNotFoundException for unknown types, other kinds and publishers', () => {
    const cases: Record<string, string>[] = [
      { TypeName: 'AWS::Demo::Nope' },
      { Type: 'MODULE', TypeName: 'AWS::Demo::Alpha' },
      { TypeName: 'AWS::Demo::Alpha', PublisherId: 'abc' },
      { Arn: 'arn:aws:s3:::bucket' },
    ];
    for (const query of cases) {
      expect(() => describeWith(query), JSON.stringify(query)).toThrow(
        expect.objectContaining({ code: 'TypeNotFoundException', status: 404 }) as Error,
      );
    }
  });

  it('throws ValidationError for missing, doubled or malformed parameters', () => {
    const cases: Record<string, string>[] = [
      {},
      { Type: 'RESOURCE' },
      {
        TypeName: 'AWS::Demo::Alpha',
        Arn: 'arn:aws:cloudformation:eu-west-1::type/resource/AWS-Demo-Alpha',
      },
      { Type: 'WIDGET', TypeName: 'AWS::Demo::Alpha' },
    ];
    for (const query of cases) {
      expect(() => describeWith(query), JSON.stringify(query)).toThrow(
        expect.objectContaining({ code: 'ValidationError', status: 400 }) as Error,
      );
    }
  });
});
