import { describe, expect, it } from 'vitest';
import { parseResourceSchema } from './schema-shape';

const minimal = {
  typeName: 'AWS::Test::Thing',
  description: 'A thing',
  properties: { Name: { type: 'string' } },
  primaryIdentifier: ['/properties/Name'],
};

describe('parseResourceSchema', () => {
  it('accepts a schema with the fields consumers rely on', () => {
    const schema = parseResourceSchema(JSON.stringify(minimal), 'thing.json');
    expect(schema.typeName).toBe('AWS::Test::Thing');
    expect(schema.primaryIdentifier).toEqual(['/properties/Name']);
  });

  it('names the file and every problem when the shape is wrong', () => {
    const broken = { ...minimal, typeName: 7, required: 'Name', properties: [] };
    expect(() => parseResourceSchema(JSON.stringify(broken), 'broken.json')).toThrow(
      'broken.json: typeName is not a string; properties is not an object; required is not a list',
    );
  });

  it('rejects JSON that is not an object', () => {
    expect(() => parseResourceSchema('[]', 'list.json')).toThrow('must be a JSON object');
    expect(() => parseResourceSchema('{', 'cut.json')).toThrow(SyntaxError);
  });
});
