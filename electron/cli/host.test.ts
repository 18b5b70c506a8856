import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../shared/contract';
import { reasonOf } from './errors';
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
      host.api.inventory.scan({
        scanId: randomUUID(),
        profile: 'Sandbox',
        regions: [],
        typeName: 'AWS::S3::Bucket',
      }),
    ).rejects.toMatchObject({ code: 'InvalidArguments' });
  });
});

describe('openCliHost with unreadable safety settings', () => {
  it('refuses a mutation as the app does, in one line a terminal can show', async () => {
    const cut = await makeHome({ config: '[profile prod]\nregion = eu-west-1\n' });
    await mkdir(cut.env['CLOUDSHELF_DATA_DIR'] ?? '', { recursive: true });
    await writeFile(
      join(cut.env['CLOUDSHELF_DATA_DIR'] ?? '', 'settings.json'),
      '{"profiles": {"pr',
    );
    const cli = openCliHost({ env: cut.env, version: '2.3.4', log: () => undefined });
    try {
      const refusal: unknown = await cli.api.resources
        .create({
          profile: 'prod',
          region: 'eu-west-1',
          typeName: 'AWS::EC2::VPC',
          desiredState: { CidrBlock: '10.0.0.0/16' },
        })
        .catch((error: unknown) => error);
      expect(refusal).toMatchObject({ code: 'ReadOnlyProfile' });
      expect(reasonOf(refusal)).toMatch(
        /^Cloudshelf could not read its safety settings, so profile prod is treated as read-only and nothing was changed\. Open ⚙ Settings for prod[^\n]+$/,
      );
    } finally {
      await cli.close();
      await cut.remove();
    }
  });
});
