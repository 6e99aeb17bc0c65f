// Static hosting: the built app runs under its strict Content-Security-Policy
// (index.html) without a single violation while it is used, asks no other
// server for anything, and the build names no outside server at all — no
// CDN, no fonts, no trackers — so it works offline and from any folder.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DIST, EmbedDialog } from './pages/Embed';
import { LabPage } from './pages/LabPage';
import { LessonList } from './pages/Lessons';

/** Records every CSP violation the document reports, and the console's CSP errors (workers report there). */
async function watchViolations(page: Page): Promise<{ violations: () => Promise<string[]>; consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content[ -]Security[ -]Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return {
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    consoleErrors,
  };
}

/** Uses most of the page: a command, a node's menu, the space-time view, a lesson, the dialogs, theme and language. */
async function useTheLab(page: Page): Promise<void> {
  const lab = new LabPage(page);
  await lab.open('?lang=en');
  expect(await lab.console.run('m', 'SET city Seoul')).toBe('OK');
  expect(await lab.console.run('r1', 'GET city')).toBe('"Seoul"');
  const menu = await lab.diagram.node('r1').openMenu();
  await expect(menu.items.first()).toBeVisible();
  await page.keyboard.press('Escape');
  await lab.spacetimeViewButton.click();
  await expect(lab.spacetime).toBeVisible();
  await lab.topologyViewButton.click();
  const list = new LessonList(page);
  await list.open();
  await list.start('what-is-replication');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await lab.share.link();
  await lab.share.close();
  const embed = new EmbedDialog(page);
  await embed.open();
  await embed.text();
  await embed.close();
  // Export (previews, download links made from Blobs) and import (a lazily loaded parser chunk).
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-dialog').locator('[data-file]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-text').fill('port 6380\nreplicaof 127.0.0.1 6379\n');
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.keyboard.press('Escape');
  await lab.themeToggle.click();
  await lab.languageButton('한국어').click();
  await lab.languageButton('English').click();
  await lab.playback.pause();
}

test('the app runs under its Content-Security-Policy without a single violation', async ({ page }) => {
  const watch = await watchViolations(page);
  await useTheLab(page);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'; script-src 'self'; style-src 'self'/);
  // Embedded, too (the compact layout's stylesheet and the message API).
  await page.goto('./?embed=1&lang=en&lesson=link-drops&origin=https://course.example');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  expect(await watch.violations()).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);

  // The watch itself works: an inline style attribute is refused and reported.
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid'));
  await expect.poll(() => watch.violations()).toEqual([expect.stringMatching(/^style-src-attr blocked inline/)]);
});

test('the page asks no other server for anything', async ({ page, baseURL }) => {
  const app = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== app) outside.push(r.url());
  });
  // Anything outside would not load anyway (as offline), so a missing asset shows up as a failure too.
  await page.route(
    (url) => url.origin !== app && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => route.abort('internetdisconnected'),
  );
  await useTheLab(page);
  await page.goto('./?embed=1&lang=ko&scenario=chain');
  await new LabPage(page).waitForNodes();
  expect(outside).toEqual([]);
});

/**
 * URLs that may appear in the build without anything being fetched from them:
 * XML namespaces (they are names), the text of React's error messages, the
 * loopback addresses and the reserved `.example` domain in the documentation
 * of the example page and the Embed dialog's placeholder.
 */
const HARMLESS = [/^http:\/\/www\.w3\.org\//, /^https:\/\/react\.dev\/errors\//, /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/, /^https?:\/\/([a-z0-9-]+\.)*[a-z0-9-]+\.example(:\d+)?(\/|$)/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('the build names no outside server, and every asset is relative (any sub-path, offline)', () => {
  const all = files(DIST);
  const names = all.map((f) => relative(DIST, f));
  expect(names).toEqual(expect.arrayContaining(['index.html', 'course-example.html', 'replica-lab-embed.js']));
  const outside: string[] = [];
  for (const file of all) {
    if (!['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest', '.map'].includes(extname(file))) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/https?:\/\/[^\s"'`()<>\\]+/g)) {
      const url = m[0].replace(/[.,;:]+$/, '');
      if (!HARMLESS.some((ok) => ok.test(url))) outside.push(`${relative(DIST, file)}: ${url}`);
    }
    // Protocol-relative references (//cdn.example/x.js) would fetch from elsewhere too.
    if (extname(file) === '.html') for (const m of text.matchAll(/\b(?:src|href)="(\/\/[^"]+)"/g)) outside.push(`${relative(DIST, file)}: ${m[1]}`);
  }
  expect(outside).toEqual([]);

  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...index.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  expect(refs.length).toBeGreaterThanOrEqual(3);
  for (const ref of refs) expect(ref).toMatch(/^\.\//);
  expect(index).toContain('http-equiv="Content-Security-Policy"');
  // Built CSS asks for no font or image from elsewhere (url(...) must stay inside the folder).
  for (const file of all.filter((f) => extname(f) === '.css')) for (const m of readFileSync(file, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)/g)) expect(m[1]).toMatch(/^(data:|\.{0,2}\/?[\w./-]+$)/);
});
