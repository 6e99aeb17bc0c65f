// Which Chromium Playwright drives, for the e2e tests and the UI benchmark:
// $CHROMIUM_PATH when set, else Debian/Ubuntu's /usr/bin/chromium, else
// Playwright's own Chromium (`npx playwright install chromium`) — undefined.

import { existsSync } from 'node:fs';

export function chromiumExecutable() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    process.stderr.write(`CHROMIUM_PATH=${fromEnv} does not exist; looking for another Chromium\n`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

// Debian's Chromium as root in a container needs --no-sandbox; the rest keep
// it from reaching out to the network or doing first-run work.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
