import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, run, type TestHome } from '../test-helpers';

let home: TestHome;

beforeAll(async () => {
  home = await makeHome();
});

afterAll(async () => {
  await home.remove();
});

describe('cloudshelf regions', () => {
  it('lists code and name, tab-separated, marking opt-in regions', async () => {
    const result = await run(['regions'], home.env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain('us-east-1\tUS East (N. Virginia)');
    expect(lines.find((line) => line.startsWith('af-south-1\t'))).toMatch(/\topt-in$/);
    expect(lines.length).toBeGreaterThan(25);
  });

  it('lists only the regions offering a type, and refuses an unknown type', async () => {
    const all = (await run(['regions'], home.env)).stdout.trimEnd().split('\n');
    const offering = await run(
      ['regions', '--type', 'AWS::GameLiftStreams::StreamGroup'],
      home.env,
    );
    expect(offering.code).toBe(0);
    const lines = offering.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(all.length);
    expect(lines.some((line) => line.startsWith('us-east-2\t'))).toBe(true);
    expect(lines.some((line) => line.startsWith('us-east-1\t'))).toBe(false);

    const unknown = await run(['regions', '--type', 'AWS::Nope::Nope'], home.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^cloudshelf: Cloudshelf does not know the resource type/);
  });
});
