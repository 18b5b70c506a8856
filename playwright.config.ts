import { defineConfig } from '@playwright/test';

// Browser mode runs in Debian's Chromium (Playwright's own browser download is not available
// here); the Electron project needs no browser and skips itself where Electron is missing.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores: more workers only make each test slower.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'browser',
      testMatch: ['shell.spec.ts', '**/*.browser.spec.ts'],
      // Each test has its own page and each worker its own server, so tests may run side by side.
      fullyParallel: true,
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1100, height: 680 },
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testMatch: 'electron.spec.ts',
    },
  ],
});
