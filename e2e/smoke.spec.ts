// The page around the lab: two languages, bad URL parameters that explain
// themselves next to a working lab, a phone-sized screen, an engine that
// cannot start, the keyboard alone, the theme switch and the space-time view.

import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('speaks Korean with ?lang=ko', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?lang=ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(lab.languageButton('한국어')).toHaveAttribute('aria-pressed', 'true');
  await expect(lab.diagram.node('m').card).toContainText('마스터');
  await expect(lab.diagram.node('r1').card).toContainText('레플리카');
  await expect(lab.console.sendButton).toHaveText('보내기');
  await expect(lab.themeToggle).toHaveAccessibleName(/테마/);
  await lab.screenshot('korean');

  // And back to English with the language switch, without reloading.
  await lab.languageButton('English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(lab.console.sendButton).toHaveText('Send');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

for (const [query, said] of [
  ['?lang=xx', '"xx"'],
  ['?seed=abc', '"abc"'],
  ['?session=v1.not-a-real-session', 'could not be read'],
  ['?session=garbage', 'could not be read'],
] as const) {
  test(`a bad ${query.split('=')[0].slice(1)} (${query}) is explained next to a working lab`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open(query);
    await expect(lab.notes.first()).toContainText(said);
    await expect(lab.failure).toHaveCount(0);
    await expect(lab.diagram.node('r1').card).toHaveAttribute('data-role', 'replica');
    expect(await lab.console.run('m', 'PING')).toBe('PONG');
  });
}

test('a share link whose inputs cannot be replayed says so next to the default lab', async ({ page }) => {
  // Well-formed (it passes the link's checks), but it crashes a node that does not exist.
  const at = 1_767_225_600_000;
  const json = JSON.stringify({ v: 1, seed: 1, viewMs: at, headMs: at + 1000, inputs: [[at, { t: 'crash', node: 'zz' }]] });
  const lab = new LabPage(page);
  await lab.open(`?session=v1.${deflateRawSync(Buffer.from(json)).toString('base64url')}`);
  await expect(page.getByText('could not be replayed')).toBeVisible();
  expect(await lab.console.run('m', 'PING')).toBe('PONG');
});

test('a malformed command is explained, kept in the field and not sent', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.console.select('m');
  await lab.console.input.fill('SET greeting "unterminated');
  await lab.console.input.press('Enter');
  await expect(lab.console.message).toContainText('check the quotes');
  await expect(lab.console.input).toHaveValue('SET greeting "unterminated');
  await expect(lab.console.input).toHaveAttribute('aria-invalid', 'true');
  await expect(lab.console.entries).toHaveCount(0);
});

test('fits a 375 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const lab = new LabPage(page);
  await lab.open();
  expect(await lab.horizontalOverflowPx()).toBeLessThanOrEqual(0);
  await expect(lab.diagram.node('r2').card).toBeVisible();
  const box = await lab.diagram.root.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(375);
  expect(await lab.console.run('m', 'INFO replication')).toContain('role:master');
  // The node menu opens as a sheet that fits too.
  const menu = await lab.diagram.node('r1').openMenu();
  await expect(menu.item('Crash')).toBeVisible();
  expect(await lab.horizontalOverflowPx()).toBeLessThanOrEqual(0);
  await page.keyboard.press('Escape');
  await expect(menu.root).toBeHidden();
  expect(await lab.horizontalOverflowPx()).toBeLessThanOrEqual(0);
  await lab.screenshot('narrow-375');
});

test('says so when the engine cannot start, instead of a blank page', async ({ page }) => {
  const lab = new LabPage(page);
  await page.route(/engine\.worker/, (route) => route.abort());
  await page.goto('./');
  await expect(lab.failure).toBeVisible({ timeout: 25_000 });
  await expect(lab.failure).toContainText('could not start');
  await expect(lab.heading).toHaveText('Replica Lab');
  await lab.screenshot('engine-failed');
});

test('works from the keyboard alone: Tab to a node, Enter opens its menu, Escape closes it', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const m = lab.diagram.node('m').card;
  // Tab from the top of the page until the master's card has the focus.
  for (let i = 0; i < 40 && !(await m.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(m).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = lab.diagram.menu;
  await expect(menu.root).toBeVisible();
  await expect(menu.items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.items.nth(1)).toBeFocused();
  await lab.screenshot('keyboard-menu');
  await page.keyboard.press('Escape');
  await expect(menu.root).toBeHidden();
  await expect(m).toBeFocused();

  // The next card is one Tab away; Enter on its first item (Crash) crashes it, and focus comes back.
  const r1 = lab.diagram.node('r1').card;
  await page.keyboard.press('Tab');
  await expect(r1).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu.items.first()).toBeFocused();
  await expect(menu.items.first()).toHaveAccessibleName('Crash');
  await page.keyboard.press('Enter');
  await expect(menu.root).toBeHidden();
  await expect(r1).toHaveAttribute('data-up', 'false');
  await expect(r1).toBeFocused();
});

test('the theme button switches between light and dark', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?theme=light');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await lab.themeToggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(light);
  await lab.screenshot('dark-theme');
  await lab.themeToggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('the space-time view shows a lane per node', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  expect(await lab.console.run('m', 'SET k v')).toBe('OK');
  await lab.spacetimeViewButton.click();
  await expect(lab.spacetimeViewButton).toHaveAttribute('aria-pressed', 'true');
  await expect(lab.spacetime).toBeVisible();
  await expect(lab.spacetimeLanes).toHaveCount(3);
  expect(await lab.spacetimeLanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')))).toEqual(['m', 'r1', 'r2']);
  await expect(lab.spacetimeLanes.first()).toContainText('master');
  await expect(lab.spacetimeLanes.nth(1)).toContainText('replica');
  await expect(lab.spacetime.getByRole('img')).toHaveAccessibleName(/m, r1, r2/);
  await lab.screenshot('spacetime', lab.spacetime);

  await lab.topologyViewButton.click();
  await expect(lab.diagram.node('m').card).toBeVisible();
});
