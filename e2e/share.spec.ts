// A share link reproduces the session: the same nodes, roles, offsets and
// keys in a fresh browser, and the same data when asked.

import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('a shared URL opens the same lab in a fresh browser', async ({ page, browser }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.playback.setSpeed(5);
  expect(await lab.console.run('m', 'SET city Seoul')).toBe('OK');
  expect(await lab.console.run('m', 'RPUSH queue a b c')).toBe('(integer) 3');
  expect(await lab.console.run('m', 'INCRBY visits 41')).toBe('(integer) 41');
  await lab.diagram.node('r2').crash();
  await expect(lab.diagram.node('r2').card).toHaveAttribute('data-up', 'false');
  expect(await lab.console.run('m', 'INCR visits')).toBe('(integer) 42');
  const afterIncr = await lab.diagram.node('m').offset();
  await expect.poll(() => lab.diagram.node('r1').offset(), { timeout: 15_000 }).toBeGreaterThanOrEqual(afterIncr);
  // Stop the clock: the link carries this moment, and the two pages must be compared at the same one.
  await lab.playback.pause();
  const here = await lab.diagram.cards();
  expect(here.r1.keys).toBe(3);
  expect(here.r2.up).toBe(false);

  const url = await lab.share.link();
  expect(new URL(url).searchParams.get('session')).toMatch(/^v1\./);
  await lab.screenshot('share-dialog');
  await lab.share.close();

  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  try {
    const there = new LabPage(await context.newPage());
    await there.page.goto(url);
    await there.waitForNodes();
    await expect(there.notes).toHaveCount(0);
    // A shared moment opens paused on that moment.
    await expect(there.playback.playPause).toHaveText(/Play/);
    await expect.poll(() => there.diagram.cards(), { timeout: 15_000 }).toEqual(here);
    expect(await there.playback.timeMs()).toBe(await lab.playback.timeMs());
    expect(await there.console.run('m', 'GET city')).toBe('"Seoul"');
    expect(await there.console.run('r1', 'LRANGE queue 0 -1')).toBe('1) "a"\n2) "b"\n3) "c"');
    expect(await there.console.run('r1', 'GET visits')).toBe('"42"');
    expect(await there.console.run('m', 'INFO replication')).toContain('connected_slaves:1');
    await there.screenshot('shared-session-opened');
  } finally {
    await context.close();
  }
});
