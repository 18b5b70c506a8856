import { readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, launchWebServer, repoRoot, test } from './fixtures/web-server';

const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
};
const screenshots = path.join(repoRoot, 'e2e/screenshots');

/** Records console errors and uncaught exceptions, which a healthy load must not produce. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

const app = (page: Page) => page.locator('.app');

test.describe('shell in light mode', () => {
  test.use({ colorScheme: 'light' });

  test('loads to ready with the version, host and profiles, without errors', async ({
    page,
    webServer,
  }) => {
    const errors = watchForErrors(page);
    await page.goto(webServer.url);

    await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('app-version')).toHaveText(`Cloudshelf ${version}`);
    await expect(page.getByTestId('app-host')).toHaveText('Browser mode');

    const picker = page.getByLabel('Profile');
    await expect(picker.locator('option')).toHaveText(['analytics', 'default', 'Sandbox']);
    // No AWS_PROFILE: the `default` profile is chosen, and its region is shown.
    await expect(picker).toHaveValue('default');
    await expect(page.locator('.chip')).toHaveText('eu-west-1');
    // `default` has no credentials: the browse screen says so instead of an empty table.
    await expect(
      page.getByRole('heading', { name: 'Could not list SageMaker images' }),
    ).toBeVisible();
    await expect(page.getByText('Profile default has no credentials')).toBeVisible();

    // The frame fills the window: status bar at the very bottom, main area between the bars.
    const viewport = page.viewportSize();
    const status = await page.locator('.statusbar').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(status && viewport ? status.y + status.height : 0).toBe(viewport?.height);
    expect(main && status ? main.y + main.height : 0).toBe(status?.y);

    // The token leaves the address bar at once, so it does not end up in history or screenshots.
    expect(page.url()).toBe(webServer.origin);
    await page.screenshot({ path: path.join(screenshots, 'shell.png') });

    // A reload still works: the token is kept for this tab.
    await page.reload();
    await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
    await expect(picker.locator('option')).toHaveText(['analytics', 'default', 'Sandbox']);

    expect(errors).toEqual([]);
  });

  test('choosing a profile shows its region and where it came from', async ({
    page,
    webServer,
  }) => {
    await page.goto(webServer.url);
    await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
    await page.getByLabel('Profile').selectOption('analytics');
    await expect(page.locator('.chip')).toHaveText('us-west-2');
    await page.getByLabel('Profile').selectOption('Sandbox');
    await expect(page.locator('.chip')).toHaveText('us-east-1');
    await expect(page.getByText('built-in sample account')).toBeVisible();
  });

  test('a profile added to the AWS config file appears without a reload', async ({
    page,
    webServer,
  }) => {
    await page.goto(webServer.url);
    await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
    const picker = page.getByLabel('Profile');
    await expect(picker.locator('option')).toHaveText(['analytics', 'default', 'Sandbox']);

    await appendFile(webServer.configFile, '\n[profile staging]\nregion = ap-northeast-1\n');
    await expect(picker.locator('option')).toHaveText([
      'analytics',
      'default',
      'staging',
      'Sandbox',
    ]);
    // The user's choice is kept across the refresh.
    await expect(picker).toHaveValue('default');
  });

  test('the title bar is a window drag region; its controls are not', async ({
    page,
    webServer,
  }) => {
    await page.goto(webServer.url);
    await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
    await expect(page.locator('.titlebar')).toHaveCSS('-webkit-app-region', 'drag');
    await expect(page.getByLabel('Profile')).not.toHaveCSS('-webkit-app-region', 'drag');
  });
});

test.describe('shell in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the dark preference', async ({ page, webServer }) => {
    const errors = watchForErrors(page);
    await page.goto(webServer.url);
    await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(24, 25, 29)');
    await page.screenshot({ path: path.join(screenshots, 'shell-dark.png') });
    expect(errors).toEqual([]);
  });
});

test.describe('access', () => {
  test('a visit without the token explains where to get one', async ({ page, webServer }) => {
    await page.goto(webServer.origin);
    await expect(app(page)).toHaveAttribute('data-app-state', 'error');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('has no Cloudshelf access token');
    await expect(alert.locator('code', { hasText: 'npm run web' }).first()).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByLabel('Profile')).toBeDisabled();
  });

  test('an address from an earlier launch is refused with the same advice', async ({
    page,
    webServer,
  }) => {
    await page.goto(`${webServer.origin}?token=from-an-earlier-launch`);
    await expect(app(page)).toHaveAttribute('data-app-state', 'error');
    await expect(page.getByRole('alert')).toContainText('no valid Cloudshelf access token');
    await expect(page.getByRole('alert')).toContainText('npm run web');
  });

  test('Retry recovers after the server could not be reached', async ({ page, webServer }) => {
    await page.route('**/api/call/app.info', (route) => route.abort('connectionrefused'));
    await page.goto(webServer.url);
    await expect(app(page)).toHaveAttribute('data-app-state', 'error');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('cannot reach its local server');
    // The message is for people: no stack trace, no file names.
    await expect(alert).not.toContainText('.js:');

    await page.unroute('**/api/call/app.info');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('app-version')).toHaveText(`Cloudshelf ${version}`);
  });
});

test.describe('AWS configuration problems', () => {
  test('are shown naming the file, and can be dismissed', async ({ page }) => {
    const server = await launchWebServer({ env: { AWS_PROFILE: 'ghost' } });
    try {
      await page.goto(server.url);
      await expect(app(page)).toHaveAttribute('data-app-state', 'ready');
      const banner = page.getByRole('status', { name: 'AWS configuration warning' });
      await expect(banner).toContainText(server.configFile);
      await expect(banner).toContainText('AWS_PROFILE names "ghost"');
      // The other profiles still work, and the fallback is selected.
      await expect(page.getByLabel('Profile')).toHaveValue('default');

      await banner.getByRole('button', { name: 'Dismiss' }).click();
      await expect(banner).toBeHidden();
    } finally {
      await server.stop();
    }
  });
});
