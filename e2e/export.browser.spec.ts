import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { launchSandbox, type RunningSandbox } from './fixtures/sandbox';
import { launchWebServer, repoRoot, type RunningWebServer } from './fixtures/web-server';

// Export end to end: the table's Export… dialog in browser mode, over real HTTP against a
// sandbox (seed: SageMaker images us-east-1 60, us-west-2 8, eu-west-1 12, ap-northeast-1 5),
// down to the downloaded file, parsed with an independent CSV parser and compared with what
// the grid shows.
const fourRegions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'];
const imageType = 'AWS::SageMaker::Image';
const screenshots = path.join(repoRoot, 'e2e/screenshots');

let sandbox: RunningSandbox;
let web: RunningWebServer;
let dataDir: string;

// One settings folder: the scope and the export options chosen are remembered between tests.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

test.beforeAll(async () => {
  sandbox = await launchSandbox();
  dataDir = await mkdtemp(path.join(tmpdir(), 'cloudshelf-export-'));
  web = await launchWebServer({ env: { CLOUDSHELF_SANDBOX_ENDPOINT: sandbox.endpoint }, dataDir });
});

test.afterAll(async () => {
  await web.stop();
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const grid = (page: Page) => page.getByRole('grid', { name: 'Inventory' });
const summary = (page: Page) =>
  page.getByRole('region', { name: 'Scan progress' }).getByRole('status');
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });

/** Body rows the grid reports: aria-rowcount counts the header rows too. */
async function gridRows(table: Locator): Promise<number> {
  const total = Number(await table.getAttribute('aria-rowcount'));
  const head = await table.getByRole('rowgroup').first().getByRole('row').count();
  return total - head;
}

/** Sandbox, the four seeded regions and SageMaker images (restored when saved), settled. */
async function openImagesInFourRegions(page: Page): Promise<void> {
  await page.goto(web.url);
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
  await page.getByLabel('Profile').selectOption('Sandbox');
  const regions = page.getByLabel('Regions', { exact: true });
  await expect(regions).toBeEnabled();
  const chosen = ((await regions.getAttribute('title')) ?? '').split(', ').sort();
  if (chosen.join() !== [...fourRegions].sort().join()) {
    await regions.click();
    const popover = page.getByRole('dialog', { name: 'Region choice' });
    await popover.getByRole('button', { name: 'None' }).click();
    for (const region of fourRegions) {
      await popover.getByRole('checkbox', { name: new RegExp(`\\b${region}\\b`) }).check();
    }
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
  await expect(summary(page)).toHaveText('4 of 4 regions done · 85 resources', {
    timeout: 30_000,
  });
}

/** The header labels of the columns the grid draws, in display order. */
async function gridHeaders(page: Page): Promise<string[]> {
  return grid(page).locator('.igrid-head-row [role="columnheader"] .hcell-label').allTextContents();
}

/** Every drawn body row's cell texts (checkbox column left out), in display order. */
async function gridCells(page: Page): Promise<string[][]> {
  const rows: { position: number; cells: string[] }[] = [];
  for (const row of await grid(page).locator('.igrid-body-row').all()) {
    rows.push({
      position: Number(await row.getAttribute('aria-rowindex')),
      cells: await row.locator('[role="gridcell"]:not(.icell-check)').allTextContents(),
    });
  }
  return rows.sort((a, b) => a.position - b.position).map((row) => row.cells);
}

/** Opens Export…, picks format and rows, exports, and returns the downloaded file. */
async function exportAs(
  page: Page,
  choice: { format: 'CSV' | 'JSON' | 'JSON Lines'; rows: RegExp },
): Promise<{ download: Download; text: string; fileName: string }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: choice.format, exact: true }).check();
  await dialog.getByRole('radio', { name: choice.rows }).check();
  const fileName = await dialog.getByRole('textbox', { name: 'File name' }).inputValue();
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloaded;
  const file = await download.path();
  return { download, text: await readFile(file, 'utf8'), fileName };
}

/** What the CSV holds for a cell the grid shows, with formula neutralising on (the default). */
const neutralised = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

test('exports what you see as CSV: the filtered, sorted rows and the visible columns', async ({
  page,
}) => {
  // Wide enough that the grid draws every visible column (it leaves out those off screen).
  await page.setViewportSize({ width: 2400, height: 900 });
  await openImagesInFourRegions(page);
  const table = grid(page);

  await test.step('narrow to eu-west-1 and sort by ImageName, descending', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('eu-west-1');
    await expect.poll(() => gridRows(table)).toBe(12);
    const header = table.getByRole('columnheader', { name: 'ImageName' });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
  });

  const headers = await gridHeaders(page);
  const cells = await gridCells(page);
  expect(headers.length + 1).toBe(Number(await table.getAttribute('aria-colcount')));
  expect(cells).toHaveLength(12);

  await test.step('the dialog offers what the table shows', async () => {
    const button = page.getByRole('button', { name: 'Export…' });
    await expect(button).toHaveAttribute('title', /CSV, JSON or JSON Lines/);
    await button.click();
    const dialog = exportDialog(page);
    await expect(
      dialog.getByRole('radio', {
        name: `What you see — 12 rows, ${String(headers.length)} columns`,
      }),
    ).toBeChecked();
    await expect(
      dialog.getByRole('radio', { name: 'Everything — 85 rows, every property' }),
    ).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'CSV', exact: true })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: /Neutralise formulas/ })).toBeChecked();
    await expect(dialog.getByRole('textbox', { name: 'File name' })).toHaveValue(
      /^sagemaker-images-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    // JSON formats carry full properties and have no CSV options.
    await dialog.getByRole('radio', { name: 'JSON', exact: true }).check();
    await expect(
      dialog.getByRole('radio', { name: /^What you see — 12 rows, full properties/ }),
    ).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: /byte order mark/ })).toBeDisabled();
    await expect(dialog.getByRole('textbox', { name: 'File name' })).toHaveValue(/\.json$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  await test.step('export and compare the file with the grid, cell by cell', async () => {
    const { download, text, fileName } = await exportAs(page, {
      format: 'CSV',
      rows: /^What you see/,
    });
    expect(download.suggestedFilename()).toBe(fileName);
    expect(fileName).toMatch(/\.csv$/);
    const records = parse(text, { bom: true });
    expect(records[0]).toEqual(headers);
    expect(records.slice(1)).toEqual(cells.map((row) => row.map(neutralised)));

    const dialog = exportDialog(page);
    await expect(dialog.getByRole('status')).toHaveText(`Downloaded ${fileName} (12 rows)`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});

test('exports everything as JSON and JSON Lines, with full properties', async ({ page }) => {
  await openImagesInFourRegions(page);
  // A search left from before must not matter: Everything ignores it.
  await page.getByRole('searchbox', { name: 'Search' }).fill('ap-northeast-1');
  await expect.poll(() => gridRows(grid(page))).toBe(5);

  await test.step('JSON: 85 records, each with its properties', async () => {
    const { text, fileName } = await exportAs(page, { format: 'JSON', rows: /^Everything/ });
    expect(fileName).toMatch(/\.json$/);
    const records = JSON.parse(text) as { properties?: Record<string, unknown> }[];
    expect(records).toHaveLength(85);
    for (const record of records) {
      expect(typeof record.properties?.ImageName).toBe('string');
    }
    const dialog = exportDialog(page);
    await expect(dialog.getByRole('status')).toHaveText(`Downloaded ${fileName} (85 rows)`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('JSON Lines: 85 lines, one resource each', async () => {
    const { text, fileName } = await exportAs(page, { format: 'JSON Lines', rows: /^Everything/ });
    expect(fileName).toMatch(/\.jsonl$/);
    const lines = text.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(85);
    const names = lines.map(
      (line) => (JSON.parse(line) as { properties: { ImageName: string } }).properties.ImageName,
    );
    expect(new Set(names).size).toBe(85);
    await exportDialog(page).getByRole('button', { name: 'Close' }).click();
  });
});

test('while it runs: a progress bar, Esc does not close, Cancel aborts the export', async ({
  page,
}) => {
  await openImagesInFourRegions(page);
  // Rows are written slowly here, so the export is still running when the keys are pressed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/call/export.rows', async (route) => {
    await held;
    await route.continue();
  });
  const aborted = page.waitForRequest((request) =>
    request.url().endsWith('/api/call/export.abort'),
  );

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('radio', { name: /^Everything/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  await expect(progress).toHaveAttribute('aria-valuemax', '85');
  await expect(dialog).toContainText('Exporting 0 of 85 rows…');
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'CSV', exact: true })).toBeDisabled();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();

  await cancel.click();
  release();
  await aborted;
  await expect(dialog.getByRole('status')).toHaveText('Export cancelled; nothing was saved.');
  await expect(progress).toBeHidden();
  await expect(dialog.getByRole('radio', { name: 'CSV', exact: true })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.unroute('**/api/call/export.rows');
});

test('remembers the CSV options, and a screenshot of the dialog over the table', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openImagesInFourRegions(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect.poll(() => gridRows(grid(page))).toBe(85);

  await test.step('a byte order mark, when asked for, and remembered next time', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = exportDialog(page);
    await dialog.getByRole('checkbox', { name: /byte order mark/ }).check();
    const saved = page.waitForResponse((response) =>
      response.url().endsWith('/api/call/settings.update'),
    );
    const downloaded = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await (await downloaded).path();
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await saved).ok()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog.getByRole('checkbox', { name: /byte order mark/ })).toBeChecked();
    // The picture shows the defaults.
    await dialog.getByRole('checkbox', { name: /byte order mark/ }).uncheck();
  });

  await test.step('screenshot', async () => {
    await expect(exportDialog(page)).toBeVisible();
    await page.evaluate(
      'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
    );
    await page.screenshot({ path: path.join(screenshots, 'export.png') });
  });
});
