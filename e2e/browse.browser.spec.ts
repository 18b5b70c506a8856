import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { launchSandbox, type RunningSandbox } from './fixtures/sandbox';
import { launchWebServer, repoRoot, type RunningWebServer } from './fixtures/web-server';

// Browse end to end: browser → browser mode → scans over real HTTP against a sandbox this
// file controls (CLOUDSHELF_SANDBOX_ENDPOINT points the built-in Sandbox profile at it), so
// faults can be injected. Its seed: SageMaker images us-east-1 60, us-west-2 8, eu-west-1 12,
// ap-northeast-1 5.
const fourRegions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];
const imageType = 'AWS::SageMaker::Image';
const screenshots = path.join(repoRoot, 'e2e/screenshots');

let sandbox: RunningSandbox;
let web: RunningWebServer;
let dataDir: string;

// One sandbox and one settings folder: fault injection and the saved scope are shared state.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

test.beforeAll(async () => {
  sandbox = await launchSandbox();
  dataDir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-browse-'));
  web = await startWeb();
});

test.afterAll(async () => {
  await web.stop();
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const startWeb = () =>
  launchWebServer({ env: { CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint }, dataDir });

/** Replaces the sandbox's faults (loopback, no Origin: what its control route requires). */
async function setFaults(config: object): Promise<void> {
  const response = await fetch(`${sandbox.endpoint}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(config),
  });
  expect(response.status, await response.text()).toBe(200);
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Inventory' });
const summary = (page: Page) =>
  page.getByRole('region', { name: 'Scan progress' }).getByRole('status');
const chip = (page: Page, region: string) => page.locator(`.region-chip[data-region="${region}"]`);

/** Body rows the grid reports: aria-rowcount counts the header rows too. */
async function gridRows(table: Locator): Promise<number> {
  const total = Number(await table.getAttribute('aria-rowcount'));
  const head = await table.getByRole('rowgroup').first().getByRole('row').count();
  return total - head;
}

async function open(page: Page): Promise<void> {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
}

/** Ticks exactly these regions in the Regions popover, then closes it with Escape. */
async function chooseRegions(page: Page, regions: readonly string[]): Promise<void> {
  const button = page.getByLabel('Regions', { exact: true });
  await expect(button).toBeEnabled();
  await button.click();
  const popover = page.getByRole('dialog', { name: 'Region choice' });
  await popover.getByRole('button', { name: 'None' }).click();
  for (const region of regions) {
    await popover.getByRole('checkbox', { name: new RegExp(`\\b${region}\\b`) }).check();
  }
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(button).toBeFocused();
}

/** Searches the catalog in the Resource type combobox and picks the type with the keyboard. */
async function chooseType(page: Page, query: string, typeName: string): Promise<void> {
  const combobox = page.getByRole('combobox', { name: 'Resource type' });
  await combobox.click();
  await combobox.fill(query);
  const listbox = page.getByRole('listbox', { name: 'Matching types' });
  await expect(listbox.getByRole('option').first()).toContainText(typeName);
  await combobox.press('Enter');
  await expect(listbox).toBeHidden();
  await expect(combobox).toHaveValue(typeName);
}

/** Sandbox, the four seeded regions and SageMaker images, unless that scope was restored. */
async function browseImagesInFourRegions(page: Page): Promise<void> {
  await page.getByLabel('Profile').selectOption('Sandbox');
  const button = page.getByLabel('Regions', { exact: true });
  await expect(button).toBeEnabled();
  const chosen = ((await button.getAttribute('title')) ?? '').split(', ').sort();
  if (chosen.join() !== [...fourRegions].sort().join()) await chooseRegions(page, fourRegions);
  const combobox = page.getByRole('combobox', { name: 'Resource type' });
  if ((await combobox.inputValue()) !== imageType)
    await chooseType(page, 'sagemaker image', imageType);
}

test('lists SageMaker images from four regions of the sandbox', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page);

  await test.step('choose profile, regions and type', async () => {
    await page.getByLabel('Profile').selectOption('Sandbox');
    await expect(page.locator('.profile-facts')).toContainText('Sandbox');
    await chooseRegions(page, fourRegions);
    await expect(page.getByLabel('Regions', { exact: true })).toHaveText(/us-east-1 \+3/);

    // The empty picker offers the pinned types; the search reaches the whole catalog.
    const combobox = page.getByRole('combobox', { name: 'Resource type' });
    await combobox.click();
    const listbox = page.getByRole('listbox', { name: 'Matching types' });
    await expect(listbox.getByRole('group', { name: 'Pinned' })).toContainText(
      'AWS::SageMaker::ModelPackage',
    );
    await combobox.press('Escape');
    await chooseType(page, 'sagemaker image', imageType);
  });

  await test.step('85 rows arrive, with a Region column', async () => {
    for (const region of fourRegions) {
      await expect(chip(page, region)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    }
    await expect(summary(page)).toHaveText('4 of 4 regions done · 85 resources');
    await expect.poll(() => gridRows(grid(page))).toBe(85);
    await expect(grid(page).getByRole('columnheader', { name: /^Region\b/ })).toBeVisible();
    await expect(chip(page, 'us-east-1')).toContainText('done (60)');
    await expect(chip(page, 'ap-northeast-1')).toContainText('done (5)');
  });

  await test.step('screenshot of the settled browse screen', async () => {
    await page.getByRole('combobox', { name: 'Resource type' }).blur();
    // Let the last frame of rows paint before the picture.
    await page.evaluate(
      'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
    );
    await page.screenshot({ path: path.join(screenshots, 'browse.png') });
  });
});

/** The ImageName cells of the body rows the grid has drawn, in display order. */
async function drawnImageNames(page: Page): Promise<string[]> {
  const header = grid(page).getByRole('columnheader', { name: 'ImageName' });
  const column = (await header.getAttribute('aria-colindex')) ?? '';
  const rows: { position: number; name: string }[] = [];
  for (const row of await grid(page).locator('.igrid-body-row').all()) {
    rows.push({
      position: Number(await row.getAttribute('aria-rowindex')),
      name: await row.locator(`[aria-colindex="${column}"]`).innerText(),
    });
  }
  return rows.sort((a, b) => a.position - b.position).map((row) => row.name);
}

test('sorts, searches, filters and opens the details drawer, by mouse and keyboard', async ({
  page,
}) => {
  await open(page);
  await browseImagesInFourRegions(page);
  await expect(summary(page)).toContainText('85 resources', { timeout: 30_000 });
  const table = grid(page);

  await test.step('sort by ImageName both ways', async () => {
    const header = table.getByRole('columnheader', { name: 'ImageName' });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const ascending = await drawnImageNames(page);
    expect(ascending.length).toBeGreaterThan(5);
    expect(ascending).toEqual(
      [...ascending].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
    );
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const descending = await drawnImageNames(page);
    expect(descending[0]).not.toBe(ascending[0]);
  });

  await test.step('"/" focuses search; a query narrows the rows; a filter narrows further', async () => {
    await table.focus();
    await page.keyboard.press('/');
    const search = page.getByLabel('Search');
    await expect(search).toBeFocused();
    await search.fill('eu-west-1');
    await expect.poll(() => gridRows(table)).toBe(12);
    await expect(page.locator('.itable-count')).toHaveText('12 of 85 resources');
    await search.fill('no-such-image-anywhere');
    await expect(page.getByText('No resources match “no-such-image-anywhere”')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => gridRows(table)).toBe(85);
    await page.getByRole('textbox', { name: 'Filter Region' }).fill('ap-northeast');
    await expect.poll(() => gridRows(table)).toBe(5);
    await page.getByRole('textbox', { name: 'Filter Region' }).fill('');
    await expect.poll(() => gridRows(table)).toBe(85);
  });

  await test.step('a click opens the drawer; arrows move it through rows; Esc closes', async () => {
    const firstRow = table.locator('[role="row"][aria-rowindex="3"]');
    await firstRow.click();
    const drawer = page.getByRole('complementary', { name: 'Details' });
    await expect(drawer).toBeVisible();
    const firstTitle = await drawer.getByRole('heading', { level: 2 }).innerText();
    expect(firstTitle).toMatch(/^arn:aws:sagemaker:/);
    await expect(drawer.getByRole('link', { name: 'Open in AWS console' })).toHaveAttribute(
      'href',
      /^https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\/sagemaker\/home\?region=/,
    );
    await drawer.getByRole('tab', { name: 'JSON' }).click();
    await expect(drawer.locator('pre')).toContainText('"ImageName"');

    await table.press('ArrowDown');
    await expect(drawer.getByRole('heading', { level: 2 })).not.toHaveText(firstTitle);
    await expect(drawer).toBeVisible();
    await table.press('ArrowUp');
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(firstTitle);

    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('"?" lists the shortcuts', async () => {
    await table.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toContainText('Focus the search box');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('selection: a click, a shift-click range, then select all filtered', async () => {
    const box = (rowIndex: number) =>
      table.locator(`[role="row"][aria-rowindex="${String(rowIndex)}"] input[type="checkbox"]`);
    await box(3).click();
    await box(6).click({ modifiers: ['Shift'] });
    await expect(table.locator('[role="row"][aria-selected="true"]')).toHaveCount(4);
    await page.getByLabel('Select all filtered').check();
    await expect(page.getByLabel('Select all filtered')).toBeChecked();
    await page.getByLabel('Select all filtered').uncheck();
    await expect(table.locator('[role="row"][aria-selected="true"]')).toHaveCount(0);
  });
});

test('a region that is down shows why, with a Retry, while the others’ rows stay', async ({
  page,
}) => {
  // Each failing call is retried with backoff before the region gives up.
  test.setTimeout(120_000);
  await open(page);
  await browseImagesInFourRegions(page);
  await expect(summary(page)).toHaveText('4 of 4 regions done · 85 resources', {
    timeout: 30_000,
  });

  await test.step('ap-northeast-1 goes down; a refresh fails there only', async () => {
    await setFaults({ downRegions: { 'ap-northeast-1': 'unavailable' } });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(chip(page, 'ap-northeast-1')).toHaveAttribute('data-state', 'failed', {
      timeout: 90_000,
    });
    await expect(summary(page)).toHaveText('3 of 4 regions done · 1 failed · 80 resources');
    await expect.poll(() => gridRows(grid(page))).toBe(80);
    const failure = page.locator('.region-failure[data-region="ap-northeast-1"]');
    await expect(failure).toContainText('ap-northeast-1');
    await expect(failure).toContainText('503');
    // What to do, not just what happened.
    await expect(failure).toContainText('Other regions are unaffected');
  });

  await test.step('the region is back; Retry brings its rows', async () => {
    await setFaults({});
    await page.getByRole('button', { name: 'Retry ap-northeast-1' }).click();
    await expect(chip(page, 'ap-northeast-1')).toHaveAttribute('data-state', 'done', {
      timeout: 30_000,
    });
    await expect(summary(page)).toHaveText('4 of 4 regions done · 85 resources');
    await expect.poll(() => gridRows(grid(page))).toBe(85);
    await expect(page.locator('.region-failure')).toHaveCount(0);
  });
});

test('says so when no region is chosen, and the profile default brings one back', async ({
  page,
}) => {
  await open(page);
  await browseImagesInFourRegions(page);
  await expect(summary(page)).toContainText('85 resources', { timeout: 30_000 });
  await chooseRegions(page, []);
  await expect(page.getByRole('heading', { name: 'Choose at least one region' })).toBeVisible();
  await expect(grid(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Use the default region' }).click();
  await expect(page.getByLabel('Regions', { exact: true })).toHaveText(/us-east-1/);
  await expect(summary(page)).toHaveText('1 of 1 region done · 60 resources', {
    timeout: 30_000,
  });
});

test('the chosen profile, regions, type and recent types survive a restart', async ({ page }) => {
  await open(page);
  await page.getByLabel('Profile').selectOption('Sandbox');
  await chooseType(page, 'lambda function', 'AWS::Lambda::Function');
  await chooseRegions(page, ['us-east-1', 'eu-west-1']);
  // Saves are debounced: wait for the one carrying the last choice before stopping.
  const lastSave = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/call/settings.update') &&
      (response.request().postData() ?? '').includes('"typeName":"AWS::SageMaker::ModelPackage"'),
  );
  await chooseType(page, 'model package', 'AWS::SageMaker::ModelPackage');
  expect((await lastSave).ok()).toBe(true);

  await web.stop();
  web = await startWeb();
  await open(page);

  await expect(page.getByLabel('Profile')).toHaveValue('Sandbox');
  await expect(page.getByLabel('Regions', { exact: true })).toHaveText(/us-east-1 \+1/);
  const combobox = page.getByRole('combobox', { name: 'Resource type' });
  await expect(combobox).toHaveValue('AWS::SageMaker::ModelPackage');
  await combobox.click();
  await expect(
    page.getByRole('listbox', { name: 'Matching types' }).getByRole('group', { name: 'Recent' }),
  ).toContainText('AWS::Lambda::Function');
  await combobox.press('Escape');

  // And it scans what it restored: model packages are listed per model package group.
  await expect(summary(page)).toHaveText(/^2 of 2 regions done · \d+ resources$/, {
    timeout: 30_000,
  });
  await expect(chip(page, 'us-east-1')).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('region', { name: 'Scan progress' })).toContainText(
    'Listed per model package group',
  );
});
