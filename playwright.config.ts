// End-to-end tests run against the production build served by `vite preview`,
// because that is what people get: relative asset paths, the bundled module
// worker, no dev-server conveniences.
//
// Browser: $CHROMIUM_PATH when set, else Debian/Ubuntu's /usr/bin/chromium,
// else Playwright's own Chromium (`npx playwright install chromium`).

import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

const executablePath = chromiumExecutable();

// `npm test` builds once and sets E2E_SKIP_BUILD; run alone, Playwright builds
// first so it never tests a stale dist/.
const serve = `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/output/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: one browser at a time keeps the simulation and the page responsive.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { outputFolder: 'e2e/output/report', open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: process.env.E2E_SKIP_BUILD ? serve : `npx vite build && ${serve}`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
