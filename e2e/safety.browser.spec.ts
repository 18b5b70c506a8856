import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchSandbox, type RunningSandbox } from './fixtures/sandbox';
import { launchWebServer, type RunningWebServer } from './fixtures/web-server';

// Fail closed: a settings.json whose safety flags cannot be read holds every profile but the
// Sandbox read-only, says so in a banner, and lets the user end the hold per profile by
// looking at its ⚙ Settings again — end to end, browser → browser mode → settings file.
const imageType = 'AWS::SageMaker::Image';
const settled = { timeout: 30_000 };

let sandbox: RunningSandbox;
let web: RunningWebServer;
let dataDir: string;
let config: string;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  sandbox = await launchSandbox();
  dataDir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-safety-'));
  // One bad value in the safety section ("yes" is not a boolean), beside good ones elsewhere.
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      browse: { profile: 'work', regionsByProfile: { work: ['us-east-1'] }, typeName: imageType },
      profiles: { work: { readOnly: 'yes', production: false } },
    }),
  );
  config = [
    '[profile work]',
    'region = us-east-1',
    'aws_access_key_id = AKIDE2ESAFETY',
    'aws_secret_access_key = e2e-safety-secret',
    `endpoint_url = ${sandbox.endpoint}`,
    '',
  ].join('\n');
  web = await launchWebServer({ config, dataDir });
});

test.afterAll(async () => {
  await web.stop();
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function openWork(page: Page): Promise<void> {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await page.getByLabel('Profile').selectOption('work');
  await expect(page.getByRole('combobox', { name: 'Resource type' })).toHaveValue(imageType);
  await expect(page.getByRole('region', { name: 'Scan progress' }).getByRole('status')).toHaveText(
    /^1 of 1 region done · \d+ resources$/,
    settled,
  );
}

test('unreadable safety flags hold the profile read-only until its settings are saved again', async ({
  page,
}) => {
  await openWork(page);

  const banner = page.getByRole('alert').filter({ hasText: 'could not read its safety settings' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(path.join(dataDir, 'settings.json'));
  await expect(banner).toContainText('settings.json.unreadable-');
  await expect(page.locator('.profile-facts')).toContainText('Read-only');
  await expect(page.getByRole('button', { name: 'Create resource' })).toHaveCount(0);
  // The file as read is kept aside, and the data folder stays the owner's alone.
  const kept = (await readdir(dataDir)).filter((name) =>
    name.startsWith('settings.json.unreadable-'),
  );
  expect(kept).toHaveLength(1);
  expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  expect((await stat(path.join(dataDir, kept[0] ?? ''))).mode & 0o777).toBe(0o600);

  // The hold survives a restart: nothing was reset on the way.
  await web.stop();
  web = await launchWebServer({ config, dataDir });
  await openWork(page);
  await expect(banner).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create resource' })).toHaveCount(0);

  await banner.getByRole('button', { name: 'Review settings for work' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings for work' });
  // It opens on the safe side: Read-only ticked, as the main process treats it.
  await expect(dialog.getByRole('checkbox', { name: 'Read-only' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Read-only' }).setChecked(false);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(banner).toHaveCount(0);
  await expect(page.locator('.profile-facts')).not.toContainText('Read-only');
  await expect(page.getByRole('button', { name: 'Create resource' })).toBeVisible();
});
