import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchSandbox, type RunningSandbox } from './fixtures/sandbox';
import { launchWebServer, type RunningWebServer } from './fixtures/web-server';

// Credential states a user meets, end to end: browser → browser mode → the main-process
// session provider → the sandbox's STS over real HTTP.
let sandbox: RunningSandbox;
let web: RunningWebServer;
let home: string;

test.beforeAll(async () => {
  sandbox = await launchSandbox();
  // An empty home: no cached SSO token, and nothing from the developer's own ~/.aws.
  home = await mkdtemp(path.join(tmpdir(), 'cloudshelf-home-'));
  const config = [
    '[profile base]',
    'region = us-east-1',
    'aws_access_key_id = AKIDE2EBASE',
    'aws_secret_access_key = e2e-base-secret',
    `endpoint_url = ${sandbox.endpoint}`,
    '',
    '[profile mfa-role]',
    'region = us-east-1',
    'role_arn = arn:aws:iam::123456789012:role/Admin',
    'source_profile = base',
    'mfa_serial = arn:aws:iam::111122223333:mfa/alice',
    `endpoint_url = ${sandbox.endpoint}`,
    '',
    '[profile expired-sso]',
    'region = eu-west-1',
    'sso_session = corp',
    'sso_account_id = 123456789012',
    'sso_role_name = Admin',
    '',
    '[sso-session corp]',
    'sso_region = us-east-1',
    'sso_start_url = https://corp.awsapps.com/start',
    '',
  ].join('\n');
  web = await launchWebServer({ config, env: { HOME: home } });
});

test.afterAll(async () => {
  await web.stop();
  await sandbox.stop();
  await rm(home, { recursive: true, force: true });
});

test('an assume-role profile asks for its MFA code, then shows the role’s account', async ({
  page,
}) => {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await page.getByLabel('Profile').selectOption('mfa-role');
  await page.getByRole('button', { name: 'Show account' }).click();

  const dialog = page.getByRole('dialog', { name: 'MFA code for mfa-role' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('arn:aws:iam::111122223333:mfa/alice');
  await dialog.getByLabel('MFA code').fill('12345');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText('6 digits');

  await dialog.getByLabel('MFA code').fill('123456');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('account-id')).toHaveText('123456789012');
});

test('an SSO profile without a valid sign-in says which command to run', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await page.getByLabel('Profile').selectOption('expired-sso');
  await page.getByRole('button', { name: 'Show account' }).click();
  await expect(page.getByRole('alert')).toContainText('aws sso login --profile expired-sso');
  await expect(page.getByTestId('account-id')).toHaveCount(0);
});

test('a static-keys profile shows its account, and no secret reaches the page', async ({
  page,
}) => {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await page.getByLabel('Profile').selectOption('base');
  await page.getByRole('button', { name: 'Show account' }).click();
  await expect(page.getByTestId('account-id')).toHaveText(/^\d{12}$/);
  const html = await page.content();
  expect(html).not.toContain('e2e-base-secret');
  expect(html).not.toContain('AKIDE2EBASE');
});
