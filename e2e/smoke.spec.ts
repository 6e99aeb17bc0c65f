// The first page end to end: the default topology, a write that replicates,
// a write a replica refuses, two languages, a phone-sized screen, and a worker
// that cannot start.

import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('shows m, r1, r2; a write on m replicates to r1; r1 refuses writes', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.heading).toHaveText('Replica Lab');
  expect(await lab.role('m')).toBe('master');
  expect(await lab.role('r1')).toBe('slave');
  expect(await lab.role('r2')).toBe('slave');

  expect(await lab.run('m', 'PING')).toBe('PONG');
  expect(await lab.run('m', 'SET greeting hello')).toBe('OK');
  // Replication is asynchronous: the replica has the write a moment later.
  await expect.poll(() => lab.run('r1', 'GET greeting'), { timeout: 10_000 }).toBe('"hello"');
  expect(await lab.run('r1', 'SET x 1')).toBe("(error) READONLY You can't write against a read only replica.");
  await expect.poll(() => lab.offset('r1')).toBe(await lab.offset('m'));

  await page.screenshot({ path: 'e2e/output/smoke.png', fullPage: true });
});

test('the form works from the keyboard alone', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?lang=en');
  await lab.commandInput.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(lab.nodeSelect).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(lab.commandInput).toHaveValue('PING');
  await page.keyboard.press('Tab');
  await expect(lab.sendButton).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await lab.lastReply()).toBe('PONG');
});

test('a malformed command is explained, kept in the field and not sent', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?lang=en');
  await lab.commandInput.fill('SET greeting "unterminated');
  await lab.commandInput.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Invalid argument(s)');
  await expect(lab.commandInput).toHaveValue('SET greeting "unterminated');
  await expect(lab.replies).toHaveCount(0);
});

test('speaks Korean with ?lang=ko and explains an unknown ?lang=', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?lang=ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(lab.node('m')).toContainText('마스터');
  await expect(lab.sendButton).toHaveText('보내기');

  await lab.open('?lang=xx');
  await expect(lab.notes.first()).toContainText('"xx"');
  await expect(lab.node('r1')).toBeVisible();
});

test('fits a 375 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const lab = new LabPage(page);
  await lab.open();
  expect(await lab.run('m', 'INFO replication')).toContain('role:master');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/output/smoke-375.png', fullPage: true });
});

test('says so when the engine cannot start, instead of a blank page', async ({ page }) => {
  await page.route(/engine\.worker/, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByTestId('engine-failure')).toBeVisible({ timeout: 25_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Replica Lab');
});
