import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudControlClient, paginateListResources } from '@aws-sdk/client-cloudcontrol';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { SANDBOX_ACCESS_KEY_ID } from '../electron/core/aws/credentials';
import { launchSandbox, type RunningSandbox } from './fixtures/sandbox';
import { launchWebServer, type RunningWebServer } from './fixtures/web-server';

// Requests while they are still in flight, end to end: browser → browser mode → a sandbox
// whose lifecycle steps are slow enough to act in between (PENDING for one step, IN_PROGRESS
// for the next, then the outcome). Seed: 60 SageMaker images in us-east-1.
const imageType = 'AWS::SageMaker::Image';
const roleArn = 'arn:aws:iam::123456789012:role/SageMakerRole';
/** Per lifecycle step: seconds of IN_PROGRESS to click Cancel or stop the server in. */
const stepMs = 4_000;
/** Requests are followed by polling at Cloud Control's RetryAfter: a few steps at most. */
const settled = { timeout: 30_000 };

// Each test owns a slow sandbox and a data folder, so the two can run side by side.
const test = base.extend<{ sandbox: RunningSandbox; dataDir: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  sandbox: async ({}, use) => {
    const sandbox = await launchSandbox({ delayMs: stepMs });
    await use(sandbox);
    await sandbox.stop();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-requests-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});
test.describe.configure({ timeout: 60_000 });

const unique = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

const grid = (page: Page) => page.getByRole('grid', { name: 'Inventory' });
const summary = (page: Page) =>
  page.getByRole('region', { name: 'Scan progress' }).getByRole('status');
const operations = (page: Page) => page.getByRole('region', { name: 'Operations' });
/** The operations panel's rows for one resource (by the name it was created with). */
const operationRows = (page: Page, name: string) =>
  operations(page).locator('tbody tr').filter({ hasText: name });
const settledSummary = /^1 of 1 region done · (\d+) resources$/;

/** Body rows the grid reports: aria-rowcount counts the header rows too. */
async function gridRows(table: Locator): Promise<number> {
  const total = Number(await table.getAttribute('aria-rowcount'));
  const head = await table.getByRole('rowgroup').first().getByRole('row').count();
  return total - head;
}

/** Sandbox, us-east-1 only, SageMaker images; answers the resource count once settled. */
async function openImages(page: Page, web: RunningWebServer): Promise<number> {
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
  return scannedCount(page);
}

async function scannedCount(page: Page): Promise<number> {
  await expect(summary(page)).toHaveText(settledSummary, settled);
  return Number(settledSummary.exec(await summary(page).innerText())?.[1]);
}

/** Sends a create of an image through the form and review. */
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

/**
 * How many images named `name` the sandbox itself holds in us-east-1, asked with the Sandbox
 * profile's own key (the sandbox keeps one account per key): the truth, whatever the UI says.
 * A list answers identifiers only, as AWS's does: an image's ARN ends in `image/<name>`.
 */
async function imagesNamed(sandbox: RunningSandbox, name: string): Promise<number> {
  const client = new CloudControlClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: 'not-checked' },
  });
  try {
    let count = 0;
    for await (const page of paginateListResources({ client }, { TypeName: imageType })) {
      for (const description of page.ResourceDescriptions ?? []) {
        if (description.Identifier?.endsWith(`:image/${name}`)) count += 1;
      }
    }
    return count;
  } finally {
    client.destroy();
  }
}

test('Cancel stops a create in flight: CANCEL_COMPLETE, and no image is made', async ({
  page,
  sandbox,
  dataDir,
}) => {
  const web = await launchWebServer({
    env: { CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint },
    dataDir,
  });
  try {
    const before = await openImages(page, web);
    const name = unique('e2e-cancelled');
    await createImage(page, name);
    const row = operationRows(page, name);
    await expect(row).toHaveCount(1);

    await test.step('Cancel while Cloud Control reports it IN_PROGRESS', async () => {
      await expect(row).toHaveAttribute('data-status', 'IN_PROGRESS', settled);
      await row.getByRole('button', { name: `Cancel create of ${name}` }).click();
      // The cancel's own answer: the request is being cancelled, and cannot be again.
      await expect(row).toHaveAttribute('data-status', 'CANCEL_IN_PROGRESS');
      await expect(row.getByRole('button', { name: /^Cancel / })).toHaveCount(0);
    });

    await test.step('the panel follows it to CANCEL_COMPLETE and offers Retry', async () => {
      await expect(row).toHaveAttribute('data-status', 'CANCEL_COMPLETE', settled);
      await expect(row).toContainText('CANCEL_COMPLETE');
      await expect(row.getByRole('button', { name: `Retry create of ${name}` })).toBeVisible();
      await expect(operations(page)).toContainText('Nothing in flight');
    });

    await test.step('the image is in neither the table, a re-scan, nor the sandbox', async () => {
      // CANCEL_COMPLETE comes a step after the cancel, so past when the create would have ended.
      await page.getByRole('searchbox', { name: 'Search' }).fill(name);
      await expect(page.getByText(`No resources match “${name}”`)).toBeVisible();
      await page
        .getByRole('region', { name: 'Scan progress' })
        .getByRole('button', { name: 'Refresh' })
        .click();
      expect(await scannedCount(page)).toBe(before);
      await expect(page.getByText(`No resources match “${name}”`)).toBeVisible();
      expect(await imagesNamed(sandbox, name)).toBe(0);
    });
  } finally {
    await web.stop();
  }
});

test('a create in flight when the server stops is followed to SUCCESS by the next one', async ({
  page,
  sandbox,
  dataDir,
}) => {
  const env = { CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint };
  const name = unique('e2e-resumed');
  let requestId: string | null = null;

  const first = await launchWebServer({ env, dataDir });
  try {
    await openImages(page, first);
    await createImage(page, name);
    const row = operationRows(page, name);
    await expect(row).toHaveAttribute('data-status', 'IN_PROGRESS', settled);
    requestId = await row.getAttribute('data-request-id');
  } finally {
    await first.stop();
  }
  expect(requestId).not.toBeNull();

  // What makes this a resume: the stopped server's journal still holds the request unfinished.
  const journal = JSON.parse(await readFile(path.join(dataDir, 'requests.json'), 'utf8')) as {
    requests: { id: string; status: string }[];
  };
  expect(journal.requests.find((request) => request.id === requestId)?.status).toBe('IN_PROGRESS');

  const second = await launchWebServer({ env, dataDir });
  try {
    await openImages(page, second);
    // The panel opens by itself: a request from before the restart is in flight again.
    await expect(operations(page)).toBeVisible();
    // The same request (its id from the journal), not a new one sent again.
    const row = operationRows(page, name);
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-request-id', requestId ?? '');
    await expect(row).toHaveAttribute('data-status', 'SUCCESS', settled);
    await expect(row).toContainText('SUCCESS');

    await page.getByRole('searchbox', { name: 'Search' }).fill(name);
    await expect.poll(() => gridRows(grid(page)), settled).toBe(1);
    await expect(grid(page)).toContainText(name);
    expect(await imagesNamed(sandbox, name)).toBe(1);
  } finally {
    await second.stop();
  }
});
