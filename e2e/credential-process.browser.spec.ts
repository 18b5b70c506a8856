import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchSandbox, type RunningSandbox } from './fixtures/sandbox';
import { launchWebServer, type RunningWebServer } from './fixtures/web-server';

// A credential_process that never exits, and a profile a malformed line changes, end to end:
// browser → browser mode → the session provider → a real child process / the sandbox.
let sandbox: RunningSandbox;
let web: RunningWebServer;
let home: string;

test.beforeAll(async () => {
  sandbox = await launchSandbox();
  home = await mkdtemp(path.join(tmpdir(), 'cloudshelf-home-'));
  const hang = path.join(home, 'hang.mjs');
  await writeFile(hang, 'setInterval(() => {}, 60000);\n');
  const config = [
    '[profile base]',
    'region = us-east-1',
    'aws_access_key_id = AKIDE2EPROCBASE',
    'aws_secret_access_key = e2e-proc-secret',
    `endpoint_url = ${sandbox.endpoint}`,
    '',
    '[profile hang]',
    'region = us-east-1',
    `credential_process = node ${hang} --token e2e-process-arg-secret`,
    `endpoint_url = ${sandbox.endpoint}`,
    '',
    '[profile good]',
    'region = us-east-1',
    'aws_access_key_id = AKIDE2EGOOD',
    'aws_secret_access_key = e2e-good-secret',
    `endpoint_url = ${sandbox.endpoint}`,
    '[profile broken',
    'region = us-west-2',
    '',
  ].join('\n');
  web = await launchWebServer({ config, env: { HOME: home } });
});

test.afterAll(async () => {
  await web.stop();
  await sandbox.stop();
  await rm(home, { recursive: true, force: true });
});

test('a credential_process that never exits is shown with Cancel, and Cancel ends the wait', async ({
  page,
}) => {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await page.getByLabel('Profile').selectOption('hang');
  await page.getByRole('button', { name: 'Show account' }).click();

  const waiting = page.getByRole('status').filter({ hasText: 'credential_process' });
  await expect(waiting).toContainText('Profile hang is waiting for its credential_process node');
  await expect(waiting).toContainText(/\d+ s/);
  expect(await page.content()).not.toContain('e2e-process-arg-secret');

  await page.getByRole('button', { name: 'Cancel the credential_process of profile hang' }).click();
  await expect(waiting).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'was cancelled' })).toBeVisible();

  // Another profile works as before.
  await page.getByLabel('Profile').selectOption('base');
  await page.getByRole('button', { name: 'Show account' }).click();
  await expect(page.getByTestId('account-id')).toHaveText(/^\d{12}$/);
});

test('a profile a malformed line changes is marked with the line to fix', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByLabel('Profile').locator('option[value="good"]')).toHaveText(
    /good — not usable: config line 17/,
  );
  await page.getByLabel('Profile').selectOption('good');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Not usable until line 17' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Show account' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Profile good cannot be used until line 17' }),
  ).toBeVisible();
});
