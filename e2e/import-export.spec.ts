// From a docker-compose file people really copy to the lab, and from the lab
// to files for real Redis: the import dialog points at the misspelled
// variable on its line and loads the topology; the export dialog offers the
// compose file and one redis.conf per node.

import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// The classic two-container file (its master misspells REDIS_REPLICATION_MODE on line 9).
const COMPOSE = `version: '3.8'

services:
  redis-master:
    hostname: "redis-master"
    container_name: "redis-master"
    image: bitnami/redis:latest
    environment:
      - REDIS_REPLIACATION_MODE=master
      - ALLOW_EMPTY_PASSWORD=yes
    ports:
      - "6379:6379"
  redis-slave-1:
    hostname: "redis-slave-1"
    container_name: "redis-slave-1"
    image: bitnami/redis:latest
    environment:
      - REDIS_REPLICATION_MODE=slave
      - REDIS_MASTER_HOST=redis-master
      - ALLOW_EMPTY_PASSWORD=yes
    ports:
      - "6380:6379"
    depends_on:
      - redis-master
`;

test('importing the classic compose file flags the typo on its line and loads the pair into the lab', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?lang=en');
  await page.getByTestId('import-button').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('import-text').fill(COMPOSE);
  const typo = dialog.locator('[data-testid="import-findings"] [data-line="9"]');
  await expect(typo.first()).toContainText('REDIS_REPLICATION_MODE');
  await expect(dialog.getByTestId('import-findings')).toContainText('bitnami');
  await lab.screenshot('import-findings');
  await dialog.getByTestId('import-load').click();
  await expect.poll(async () => (await lab.probe.node('redis-slave-1'))?.linkState, { timeout: 20_000 }).toBe('connected');
  await expect(page.locator('[data-node="redis-master"]')).toHaveAttribute('data-role', 'master');
  await expect(page.locator('[data-node="redis-slave-1"]')).toHaveAttribute('data-role', 'replica');
  expect(await lab.console.run('redis-master', 'SET from compose')).toBe('OK');
  await expect.poll(() => lab.console.run('redis-slave-1', 'GET from'), { timeout: 10_000 }).toBe('"compose"');
});

test('the export dialog offers docker-compose.yml and a redis.conf per node', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?lang=en');
  expect(await lab.console.run('r1', 'CONFIG SET repl-backlog-size 2mb')).toBe('OK');
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-file]')).toHaveCount(4);
  await expect(dialog).toContainText('redis:7.0.15');
  await dialog.locator('[data-file="r1.conf"]').click();
  await expect(dialog).toContainText('repl-backlog-size 2097152');
  await expect(dialog).toContainText('replicaof m 6379');
  await lab.screenshot('export-dialog');
});
