// Breaking the lab through the node menus, as a person does: crash the
// master and watch the replicas lose their links, restart it and watch them
// resync; then a manual failover (promote a replica, repoint the other) and a
// FAILOVER that swaps roles.

import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('crashing the master takes the replicas’ links down; restarting it brings them back', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const m = lab.diagram.node('m');
  const r1 = lab.diagram.node('r1');
  const r2 = lab.diagram.node('r2');
  await expect(r1.card).toHaveAttribute('data-link-state', 'connected');
  // Reconnecting waits for the replication cron and a diskless full sync (5 s delay): watch it at 5×.
  await lab.playback.setSpeed(5);

  await m.crash();
  await expect(m.card).toHaveAttribute('data-up', 'false');
  await expect(r1.card).not.toHaveAttribute('data-link-state', 'connected', { timeout: 5_000 });
  await expect(r2.card).not.toHaveAttribute('data-link-state', 'connected', { timeout: 5_000 });
  await expect(lab.diagram.link('m', 'r1')).not.toHaveAttribute('data-link-state', 'connected');
  await expect(lab.console.tab('m')).toContainText('down');
  // A crashed server is not there to answer, as redis-cli says.
  const reply = await lab.console.runFull('m', 'PING');
  expect(reply.text).toMatch(/^Could not connect to Redis at 127\.0\.0\.1:6379: Connection refused/);
  expect(reply.error).toBe(true);
  await lab.screenshot('master-crashed');

  // The menu of a crashed node offers Restart, not Crash.
  const menu = await m.openMenu();
  await expect(menu.item('Crash')).toHaveAttribute('aria-disabled', 'true');
  await menu.choose('Restart');
  await expect(m.card).toHaveAttribute('data-up', 'true');
  await expect(r1.card).toHaveAttribute('data-link-state', 'connected', { timeout: 20_000 });
  await expect(r2.card).toHaveAttribute('data-link-state', 'connected', { timeout: 20_000 });
  expect(await m.role()).toBe('master');
  expect(await lab.console.run('m', 'PING')).toBe('PONG');
  await lab.screenshot('master-restarted');
});

test('a manual failover through the menus, then FAILOVER swaps the roles back', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const m = lab.diagram.node('m');
  const r1 = lab.diagram.node('r1');
  const r2 = lab.diagram.node('r2');
  // Each resync waits for the replication cron and a diskless full sync (5 s delay): watch them at 5×.
  await lab.playback.setSpeed(5);
  expect(await lab.console.run('m', 'SET k before')).toBe('OK');
  await expect.poll(() => r2.keys(), { timeout: 10_000 }).toBe(1);

  // Promote r1: the menu types REPLICAOF NO ONE into r1's console.
  await r1.promote();
  await expect(r1.card).toHaveAttribute('data-role', 'master');
  await lab.console.select('r1');
  await expect(lab.console.entries.last()).toContainText('REPLICAOF NO ONE');
  expect((await lab.console.lastReply()).text).toBe('OK');
  expect(await lab.console.run('r1', 'SET k after')).toBe('OK');

  // Point r2 at r1 through "Make it a replica of…".
  await r2.replicaOf('r1');
  await expect(lab.diagram.link('r1', 'r2')).toBeVisible();
  await expect(r2.card).toHaveAttribute('data-link-state', 'connected', { timeout: 20_000 });
  await expect(lab.diagram.link('r1', 'r2')).toHaveAttribute('data-link-state', 'connected');
  await expect(lab.diagram.link('m', 'r2')).toHaveCount(0);
  expect(await r2.label()).toContain('replica of r1');
  expect(await lab.console.run('r2', 'GET k')).toBe('"after"');
  // r1 listens on 6380 (m 6379, r2 6381), as the menu's REPLICAOF said.
  expect(await lab.console.infoField('r2', 'master_port')).toBe('6380');
  expect(await lab.console.infoField('r2', 'master_link_status')).toBe('up');
  await lab.screenshot('manual-failover');

  // FAILOVER TO r2, from r2's menu: r1 hands over once r2 has caught up, and follows it.
  await r2.failoverToThis();
  await expect(r2.card).toHaveAttribute('data-role', 'master', { timeout: 20_000 });
  await expect(r1.card).toHaveAttribute('data-role', 'replica', { timeout: 20_000 });
  await expect(r1.card).toHaveAttribute('data-link-state', 'connected', { timeout: 20_000 });
  expect(await r1.label()).toContain('replica of r2');
  expect(await lab.console.infoField('r1', 'role')).toBe('slave');
  expect(await lab.console.infoField('r2', 'role')).toBe('master');
  expect(await lab.console.run('r1', 'GET k')).toBe('"after"');
  expect(await m.role()).toBe('master');
  await lab.screenshot('failover-swapped');
});
