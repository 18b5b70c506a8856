import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, run, type TestHome } from '../test-helpers';

let home: TestHome;

beforeAll(async () => {
  home = await makeHome();
});

afterAll(async () => {
  await home.remove();
});

describe('cloudshelf types', () => {
  it('lists the matching type names, one a line', async () => {
    const result = await run(['types', '--search', 'sagemaker'], home.env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const names = result.stdout.trimEnd().split('\n');
    expect(names).toContain('AWS::SageMaker::Image');
    // Best match first: the service's own types lead.
    expect(names.slice(0, 10).every((name) => name.startsWith('AWS::SageMaker::'))).toBe(true);
  });

  it('lists every type without --search', async () => {
    const result = await run(['types'], home.env);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').length).toBeGreaterThan(1000);
  });

  it('fails, as grep does, when nothing matches', async () => {
    const result = await run(['types', '--search', 'zzzqqq'], home.env);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cloudshelf: no resource type matches "zzzqqq"\n',
    });
  });
});
