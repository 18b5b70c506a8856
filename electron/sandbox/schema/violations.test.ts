import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  extraneousKeyViolation,
  foundTypeName,
  listModelValidationMessage,
  modelValidationFailedMessage,
  notAnObjectViolation,
  violationLocation,
  violationsFromAjv,
} from './violations';

const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });

function check(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema);
  validate(value);
  return violationsFromAjv(validate.errors).map((violation) => violation.message);
}

describe('violationsFromAjv', () => {
  const image = {
    properties: {
      ImageName: { type: 'string', pattern: '^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$', maxLength: 63 },
      ImageDescription: { type: 'string', minLength: 1 },
      Status: { type: 'string', enum: ['CREATED', 'FAILED'] },
      Tags: {
        type: 'array',
        maxItems: 1,
        uniqueItems: true,
        items: { type: 'object', required: ['Key'], properties: { Key: { type: 'string' } } },
      },
      Count: { type: 'integer', minimum: 1 },
    },
    required: ['ImageName', 'ImageRoleArn'],
    additionalProperties: false,
  };

  it('phrases every violation the way CloudFormation does, all of them', () => {
    const result = check(image, {
      ImageName: 'not valid!'.repeat(7),
      ImageDescription: '',
      Status: 'DELETED',
      Tags: [{ Key: 1 }, { Key: 1 }],
      Count: 0,
      Foo: true,
    });
    expect(result).toEqual(
      expect.arrayContaining([
        '#: required key [ImageRoleArn] not found',
        '#: extraneous key [Foo] is not permitted',
        '#/ImageName: expected maxLength: 63, actual: 70',
        '#/ImageName: failed validation constraint for keyword [pattern]',
        '#/ImageDescription: expected minLength: 1, actual: 0',
        '#/Status: failed validation constraint for keyword [enum]',
        '#/Tags: expected maximum item count: 1, found: 2',
        '#/Tags: array items are not unique',
        '#/Tags/0/Key: expected type: String, found: Integer',
        '#/Tags/1/Key: expected type: String, found: Integer',
        '#/Count: failed validation constraint for keyword [minimum]',
      ]),
    );
    expect(result).toHaveLength(11);
  });

  it('counts lengths in code points, as Java does', () => {
    expect(check({ type: 'string', maxLength: 2 }, '😀😀😀')).toEqual([
      '#: expected maxLength: 2, actual: 3',
    ]);
  });

  it('phrases type lists, combinators, dependencies and sizes', () => {
    expect(check({ type: ['string', 'boolean'] }, [])).toEqual([
      '#: expected type is one of String, Boolean, found: JSONArray',
    ]);
    expect(check({ oneOf: [{ required: ['A'] }, { required: ['B'] }] }, {})).toEqual([
      '#: required key [A] not found',
      '#: required key [B] not found',
      '#: 0 subschemas matched instead of one',
    ]);
    expect(check({ oneOf: [{}, {}] }, {})).toEqual(['#: 2 subschemas matched instead of one']);
    expect(check({ anyOf: [{ required: ['A'] }, { required: ['B'] }] }, {})).toContain(
      '#: no subschema matched out of the total 2 subschemas',
    );
    expect(check({ dependencies: { A: ['B'] } }, { A: 1 })).toEqual([
      '#: property [B] is required',
    ]);
    expect(check({ minProperties: 2 }, { A: 1 })).toEqual(['#: minimum size: [2], found: [1]']);
    expect(check({ type: 'array', minItems: 1 }, [])).toEqual([
      '#: expected minimum item count: 1, found: 0',
    ]);
  });

  it('leaves out if/then summaries and duplicates', () => {
    const schema = { if: { required: ['A'] }, then: { required: ['B'] } };
    expect(check(schema, { A: 1 })).toEqual(['#: required key [B] not found']);
    expect(violationsFromAjv(null)).toEqual([]);
  });
});

describe('helpers', () => {
  it('writes locations as everit does', () => {
    expect(violationLocation('')).toBe('#');
    expect(violationLocation('/Tags/0')).toBe('#/Tags/0');
    expect(violationLocation(['A/B', '0'])).toBe('#/A~1B/0');
    expect(violationLocation([])).toBe('#');
  });

  it('names found types as Java classes', () => {
    expect([null, [], {}, 'x', true, 1, 1.5].map(foundTypeName)).toEqual([
      'Null',
      'JSONArray',
      'JSONObject',
      'String',
      'Boolean',
      'Integer',
      'BigDecimal',
    ]);
  });

  it('builds the read-only and not-an-object messages', () => {
    expect(extraneousKeyViolation([], 'ImageArn').message).toBe(
      '#: extraneous key [ImageArn] is not permitted',
    );
    expect(extraneousKeyViolation(['AccessPolicyResource', 'Portal'], 'Id').message).toBe(
      '#/AccessPolicyResource/Portal: extraneous key [Id] is not permitted',
    );
    expect(notAnObjectViolation('x').message).toBe('#: expected type: JSONObject, found: String');
  });

  it('wraps violations in the InvalidRequestException messages Cloud Control sends', () => {
    const violations = [
      { message: '#/ImageName: failed validation constraint for keyword [pattern]' },
      { message: '#: required key [ImageRoleArn] not found' },
    ];
    expect(modelValidationFailedMessage(violations)).toBe(
      'Model validation failed (#/ImageName: failed validation constraint for keyword [pattern]\n#: required key [ImageRoleArn] not found)',
    );
    expect(
      listModelValidationMessage('AWS::EKS::Nodegroup', [
        { message: '#: required key [ClusterName] not found' },
      ]),
    ).toBe(
      'Missing or invalid ResourceModel property in AWS::EKS::Nodegroup list handler request input.Required property: (#: required key [ClusterName] not found)',
    );
  });
});
