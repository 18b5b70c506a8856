import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../shared/contract';
import { openCliHost, type CliHost } from './host';
import { makeHome, type TestHome } from './test-helpers';

let home: TestHome;
let host: CliHost;

beforeAll(async () => {
  home = await makeHome();
  host = openCliHost({ env: home.env, version: '2.3.4', log: () => undefined });
});

afterAll(async () => {
  await host.close();
  await home.remove();
});

describe('openCliHost', () => {
  it('serves the handler table as the cli host', async () => {
    expect(await host.api.app.info()).toMatchObject({ host: 'cli', version: '2.3.4' });
    const { profiles } = await host.api.profiles.list();
    expect(profiles.map((p) => p.name)).toEqual(['Sandbox']);
  });

  it("fails with the core's own errors, checked against the contract", async () => {
    await expect(host.api.profiles.details({ profile: 'nope' })).rejects.toBeInstanceOf(
      CloudshelfError,
    );
    await expect(
      host.api.inventory.scan({ profile: 'Sandbox', regions: [], typeName: 'AWS::S3::Bucket' }),
    ).rejects.toMatchObject({ code: 'InvalidArguments' });
  });
});
