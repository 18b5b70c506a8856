import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { httpCallPath, tokenHeader } from '../shared/contract/channels';
import { launchSandbox, type RunningSandbox } from './fixtures/sandbox';
import { launchWebServer, repoRoot, type RunningWebServer } from './fixtures/web-server';

// Create, update and delete end to end: browser → browser mode → Cloud Control requests
// against a sandbox this file controls (its lifecycle steps take 50 ms), tracked to the end
// in the operations panel. Seed: 60 SageMaker images in us-east-1.
const imageType = 'AWS::SageMaker::Image';
const roleArn = 'arn:aws:iam::123456789012:role/SageMakerRole';
const screenshots = path.join(repoRoot, 'e2e/screenshots');
/** Requests are followed by polling; allow for a few rounds. */
const settled = { timeout: 30_000 };

let sandbox: RunningSandbox;
let web: RunningWebServer;
let dataDir: string;

// One sandbox and one settings folder, changed step by step: the tests run in order.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  sandbox = await launchSandbox();
  dataDir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-mutations-'));
  web = await launchWebServer({ env: { CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint }, dataDir });
});

test.afterAll(async () => {
  await web.stop();
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Replaces the sandbox's faults (loopback, no Origin: what its control route requires). */
async function setFaults(config: object): Promise<void> {
  const response = await fetch(`${sandbox.endpoint}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(config),
  });
  expect(response.status, await response.text()).toBe(200);
}

const unique = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

const grid = (page: Page) => page.getByRole('grid', { name: 'Inventory' });
const summary = (page: Page) =>
  page.getByRole('region', { name: 'Scan progress' }).getByRole('status');
const drawer = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const operations = (page: Page) => page.getByRole('region', { name: 'Operations' });
/** The operations panel's rows for one resource (by the name it was created with, or ARN). */
const operationRows = (page: Page, name: string) =>
  operations(page).locator('tbody tr').filter({ hasText: name });

/** Body rows the grid reports: aria-rowcount counts the header rows too. */
async function gridRows(table: Locator): Promise<number> {
  const total = Number(await table.getAttribute('aria-rowcount'));
  const head = await table.getByRole('rowgroup').first().getByRole('row').count();
  return total - head;
}

/** Sandbox, us-east-1 only, SageMaker images; settled with the seeded rows. */
async function openImages(page: Page): Promise<void> {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await page.getByLabel('Profile').selectOption('Sandbox');
  const regions = page.getByLabel('Regions', { exact: true });
  await expect(regions).toBeEnabled();
  if ((await regions.getAttribute('title')) !== 'us-east-1') {
    await regions.click();
    const popover = page.getByRole('dialog', { name: 'Region choice' });
    await popover.getByRole('button', { name: 'None' }).click();
    await popover.getByRole('checkbox', { name: /\bus-east-1\b/ }).check();
    await page.keyboard.press('Escape');
  }
  const combobox = page.getByRole('combobox', { name: 'Resource type' });
  if ((await combobox.inputValue()) !== imageType) {
    await combobox.click();
    await combobox.fill('sagemaker image');
    await expect(
      page.getByRole('listbox', { name: 'Matching types' }).getByRole('option').first(),
    ).toContainText(imageType);
    await combobox.press('Enter');
  }
  await expect(summary(page)).toHaveText(/^1 of 1 region done · \d+ resources$/, settled);
}

/** Narrows the table to one name with the search box. */
async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
}

/** Sends a create of an image through the form and review; answers the dialog's review. */
async function createImage(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Create resource' }).click();
  const dialog = page.getByRole('dialog', { name: /^Create/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('ImageName').fill(name);
  await dialog.getByLabel('ImageRoleArn').fill(roleArn);
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
}

async function setProfileFlags(
  page: Page,
  flags: { readOnly: boolean; production: boolean },
): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings for Sandbox' });
  await dialog.getByRole('checkbox', { name: 'Read-only' }).setChecked(flags.readOnly);
  await dialog.getByRole('checkbox', { name: 'Production' }).setChecked(flags.production);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test('creates an image through the form, updates its description, then deletes it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await openImages(page);
  const name = unique('e2e-image');
  const table = grid(page);

  await test.step('a bad name is refused by the form, on blur', async () => {
    await page.getByRole('button', { name: 'Create resource' }).click();
    const dialog = page.getByRole('dialog', { name: /^Create/ });
    await expect(dialog).toBeVisible();
    const field = dialog.getByLabel('ImageName');
    await field.fill('bad name!');
    await field.blur();
    await expect(dialog.getByText(/ImageName must match/).first()).toBeVisible();

    await field.fill(name);
    await field.blur();
    await expect(dialog.getByText(/ImageName must match/)).toHaveCount(0);
    await dialog.getByLabel('ImageRoleArn').fill(roleArn);
  });

  await test.step('review shows the request, its permissions and its equivalents', async () => {
    const dialog = page.getByRole('dialog', { name: /^Create/ });
    await dialog.getByRole('button', { name: 'Review' }).click();
    const review = dialog.getByTestId('review');
    await expect(review).toContainText('sagemaker:CreateImage');
    await expect(review).toContainText('iam:PassRole');
    await expect(review).toContainText('us-east-1');
    await expect(review).toContainText(`"ImageName": "${name}"`);
    await expect(dialog.getByTestId('stackql')).toHaveText(
      `INSERT INTO aws.sagemaker.images (ImageName, ImageRoleArn, region) SELECT '${name}', '${roleArn}', 'us-east-1';`,
    );
    await expect(dialog.getByTestId('aws-cli')).toContainText(
      `aws cloudcontrol create-resource --type-name AWS::SageMaker::Image --desired-state '{"ImageName":"${name}"`,
    );
    await expect(dialog.getByRole('button', { name: 'Copy StackQL' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Copy AWS CLI' })).toBeVisible();
    await page.screenshot({ path: path.join(screenshots, 'create-review.png') });

    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the operations panel follows it to SUCCESS; the table shows it', async () => {
    await expect(operations(page)).toBeVisible();
    const row = operationRows(page, name).first();
    await expect(row).toHaveAttribute('data-status', 'SUCCESS', settled);
    await expect(row).toContainText('Create');
    await expect(row).toContainText('us-east-1');
    await searchFor(page, name);
    await expect.poll(() => gridRows(table), settled).toBe(1);
  });

  await test.step('edit the description from the drawer; review shows the patch', async () => {
    await table.locator('[role="row"][aria-rowindex="3"]').click();
    await expect(drawer(page)).toBeVisible();
    await expect(drawer(page)).toContainText(name);
    await drawer(page).getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: /^Edit/ });
    await expect(dialog).toBeVisible();
    // Create-only: shown, not editable.
    await expect(dialog.getByLabel('ImageName')).not.toBeEditable();
    await dialog.getByLabel('ImageDescription').fill('Described again by the e2e suite');
    await dialog.getByRole('button', { name: 'Review changes' }).click();
    const patch = dialog.getByTestId('patch');
    await expect(patch).toContainText('"/ImageDescription"');
    await expect(patch).toContainText('Described again by the e2e suite');
    await expect(patch).not.toContainText('/ImageName');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog).toBeHidden();

    const updates = operationRows(page, name).filter({ hasText: 'Update' });
    await expect(updates.first()).toHaveAttribute('data-status', 'SUCCESS', settled);
    await drawer(page).getByRole('tab', { name: 'JSON' }).click();
    await expect(drawer(page).locator('pre')).toContainText(
      'Described again by the e2e suite',
      settled,
    );
  });

  await test.step('delete it: one confirmation lists it, then it leaves the table', async () => {
    await table.locator('[role="row"][aria-rowindex="3"] input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    // "Delete this SageMaker image?", then "Deleting SageMaker image" with the outcome.
    const dialog = page.getByRole('dialog', { name: /^Delet/ });
    await expect(dialog.getByRole('list', { name: 'Resource to delete' })).toContainText(name);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    const results = dialog.getByRole('list', { name: 'Results' });
    await expect(results.locator('[data-status]')).toHaveAttribute(
      'data-status',
      'SUCCESS',
      settled,
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`No resources match “${name}”`)).toBeVisible(settled);
    const deletes = operationRows(page, name).filter({ hasText: 'Delete' });
    await expect(deletes.first()).toHaveAttribute('data-status', 'SUCCESS');
  });
});

test('a create the sandbox fails shows the handler’s message, and Retry sends it again', async ({
  page,
}) => {
  await openImages(page);
  const name = unique('e2e-failing');
  const message = 'Image quota exceeded for this account (e2e)';
  await setFaults({ failCreates: [{ typeName: imageType, message }] });
  try {
    await createImage(page, name);
    const row = operationRows(page, name).first();
    await expect(row).toHaveAttribute('data-status', 'FAILED', settled);
    await expect(row).toContainText(message);
    await expect(row).toContainText('GeneralServiceException');
  } finally {
    await setFaults({});
  }

  // Retry sends it again as a new request, listed above the failed one.
  await operations(page)
    .getByRole('button', { name: new RegExp(`^Retry create of .*${name}$`) })
    .click();
  await expect(operationRows(page, name)).toHaveCount(2);
  await expect(operationRows(page, name).first()).toHaveAttribute(
    'data-status',
    'SUCCESS',
    settled,
  );
  await expect(operationRows(page, name).nth(1)).toHaveAttribute('data-status', 'FAILED');
  await searchFor(page, name);
  await expect.poll(() => gridRows(grid(page)), settled).toBe(1);
});

test('a read-only profile offers no mutations, and its API refuses them', async ({ page }) => {
  await openImages(page);
  await setProfileFlags(page, { readOnly: true, production: false });
  try {
    await expect(page.locator('.profile-facts')).toContainText('Read-only');
    await expect(page.getByRole('button', { name: 'Create resource' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete selected' })).toHaveCount(0);
    await grid(page).locator('[role="row"][aria-rowindex="3"]').click();
    await expect(drawer(page)).toBeVisible();
    await expect(drawer(page).getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(drawer(page).getByRole('button', { name: 'Delete' })).toHaveCount(0);

    // The main process refuses by itself: a call made around the UI, as the page's transport
    // makes it (a POST with this launch's token in the header).
    const answer: unknown = await page.evaluate(
      async ({ url, header, token }) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [header]: token },
          body: JSON.stringify({
            profile: 'Sandbox',
            region: 'us-east-1',
            typeName: 'AWS::SageMaker::Image',
            desiredState: {
              ImageName: 'refused-image',
              ImageRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
            },
          }),
          credentials: 'omit',
          redirect: 'error',
        });
        return response.json();
      },
      { url: httpCallPath('resources.create'), header: tokenHeader, token: web.token },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'ReadOnlyProfile' } });
  } finally {
    await setProfileFlags(page, { readOnly: false, production: false });
  }
  await expect(page.getByRole('button', { name: 'Create resource' })).toBeVisible();
});

test('a production profile wears a banner, and deleting asks for the name or the count', async ({
  page,
}) => {
  await openImages(page);
  await setProfileFlags(page, { readOnly: false, production: true });
  try {
    const banner = page.getByTestId('production-banner');
    await expect(banner).toContainText('Production profile Sandbox — changes affect production');
    if (process.env.MUTATIONS_DEBUG_SHOTS) await page.screenshot({ path: '/tmp/prod.png' });

    await test.step('one resource: its name', async () => {
      await grid(page).locator('[role="row"][aria-rowindex="3"]').click();
      const heading = drawer(page).getByRole('heading', { level: 2 });
      await expect(heading).toBeVisible();
      await drawer(page).getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: /^Delete/ });
      const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
      await expect(confirm).toBeDisabled();
      const expected = (await dialog.locator('.mconfirm code').innerText()).trim();
      const box = dialog.getByLabel(/to confirm/);
      await box.fill('not the name');
      await expect(confirm).toBeDisabled();
      await box.fill(expected);
      await expect(confirm).toBeEnabled();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      // Focus goes back to where it was.
      await expect(drawer(page).getByRole('button', { name: 'Delete' })).toBeFocused();
    });

    await test.step('several: their count', async () => {
      const box = (row: number) =>
        grid(page).locator(`[role="row"][aria-rowindex="${String(row)}"] input[type="checkbox"]`);
      await box(3).check();
      await box(4).check();
      await page.getByRole('button', { name: 'Delete selected' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete 2 SageMaker images?' });
      await expect(
        dialog.getByRole('list', { name: 'Resources to delete' }).getByRole('listitem'),
      ).toHaveCount(2);
      const confirm = dialog.getByRole('button', { name: 'Delete 2' });
      await expect(confirm).toBeDisabled();
      await dialog.getByLabel(/to confirm/).fill('2');
      await expect(confirm).toBeEnabled();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    });
  } finally {
    await setProfileFlags(page, { readOnly: false, production: false });
  }
  await expect(page.getByTestId('production-banner')).toHaveCount(0);
});
