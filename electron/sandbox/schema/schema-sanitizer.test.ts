import { describe, expect, it } from 'vitest';
import { rebaseLocalRefs, sanitizeSchema, type SanitizeReport } from './schema-sanitizer';

describe('sanitizeSchema', () => {
  it('drops $schema and patterns JavaScript cannot compile, reporting them', () => {
    const report: SanitizeReport = { skippedPatterns: [] };
    const result = sanitizeSchema(
      {
        $schema:
          'https://schema.cloudformation.us-east-1.amazonaws.com/provider.definition.schema.v1.json',
        properties: {
          Good: { type: 'string', pattern: '^[a-z]+$' },
          Bad: { type: 'string', pattern: '(?s).+' },
        },
      },
      report,
    );
    expect(result).toEqual({
      properties: {
        Good: { type: 'string', pattern: '^[a-z]+$' },
        Bad: { type: 'string' },
      },
    });
    expect(report.skippedPatterns).toEqual(['(?s).+']);
  });

  it('keeps the value schema of an unusable patternProperties key under a match-all key', () => {
    const report: SanitizeReport = { skippedPatterns: [] };
    const result = sanitizeSchema(
      {
        patternProperties: {
          '^([\\p{L}]*)${1,128}': { type: 'string' },
          '\\Zbad': { type: 'integer' },
          '^ok$': { type: 'boolean' },
        },
      },
      report,
    );
    expect(result).toEqual({
      patternProperties: {
        '^[\\s\\S]*$': { type: 'string' },
        '^[\\s\\S]*$(?:)': { type: 'integer' },
        '^ok$': { type: 'boolean' },
      },
    });
    expect(report.skippedPatterns).toHaveLength(2);
  });

  it('leaves data keywords alone and treats property names as names', () => {
    const report: SanitizeReport = { skippedPatterns: [] };
    const schema = {
      properties: { pattern: { type: 'string' }, $schema: { type: 'string' } },
      enum: [{ pattern: '(?s)' }],
      default: { $schema: 'kept' },
    };
    expect(sanitizeSchema(schema, report)).toEqual(schema);
  });
});

describe('rebaseLocalRefs', () => {
  it('points local refs at another document and leaves others alone', () => {
    expect(
      rebaseLocalRefs(
        {
          properties: {
            A: { $ref: '#/properties/A' },
            B: { $ref: 'resource-schema.json#/properties/B' },
          },
          enum: [{ $ref: '#/kept' }],
        },
        'resource-schema.json',
      ),
    ).toEqual({
      properties: {
        A: { $ref: 'resource-schema.json#/properties/A' },
        B: { $ref: 'resource-schema.json#/properties/B' },
      },
      enum: [{ $ref: '#/kept' }],
    });
  });
});
