import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionChoice } from './args';
import { openCliHost, type CliHost } from './host';
import { resolveRegions } from './region-choice';
import { makeHome, type TestHome } from './test-helpers';

const IMAGE = 'AWS::SageMaker::Image';
const scope = { profile: 'Sandbox', profileRegion: 'us-east-1', typeName: IMAGE };
let home: TestHome;
let host: CliHost;

beforeAll(async () => {
  home = await makeHome();
  host = openCliHost({ env: home.env, version: '1.0.0', log: () => undefined });
});

afterAll(async () => {
  await host.close();
  await home.remove();
});

describe('resolveRegions', () => {
  it('takes a list as given, and the profile region by default', async () => {
    const list: RegionChoice = { kind: 'list', codes: ['eu-west-1', 'us-east-1'] };
    expect(await resolveRegions(host.api, list, scope)).toEqual(['eu-west-1', 'us-east-1']);
    expect(await resolveRegions(host.api, { kind: 'default' }, scope)).toEqual(['us-east-1']);
  });

  it('asks for --regions when the profile names no region', async () => {
    await expect(
      resolveRegions(host.api, { kind: 'default' }, { ...scope, profileRegion: null }),
    ).rejects.toThrow('profile Sandbox names no region; give --regions');
  });

  it('takes "all" as the app does: regions offering the type, opt-in ones left out', async () => {
    const all = await resolveRegions(host.api, { kind: 'all' }, scope);
    const { regions } = await host.api.regions.list({ typeName: IMAGE });
    const optIn = regions.filter((r) => r.optIn).map((r) => r.code);
    const notOffered = regions.filter((r) => r.offersType === false).map((r) => r.code);
    expect(all).toEqual(expect.arrayContaining(['us-east-1', 'us-west-2', 'eu-west-1']));
    expect(all.filter((code) => optIn.includes(code) || notOffered.includes(code))).toEqual([]);
    expect(all.length).toBe(regions.length - new Set([...optIn, ...notOffered]).size);
  });
});
