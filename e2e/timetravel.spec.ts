// Time travel on the timeline: scrub back before a write (keyboard and mouse)
// and the diagram shows the world as it was; forward or "Go live" shows it as
// it is. Acting in the past asks first: Cancel keeps the future, Continue
// starts a new history from there and the write is gone.

import { expect, test } from '@playwright/test';
import type { NodeCardFacts } from './pages/Diagram';
import { LabPage } from './pages/LabPage';

const NODES = ['m', 'r1', 'r2'];

function keysOf(cards: Record<string, NodeCardFacts>): number[] {
  return NODES.map((n) => cards[n]?.keys ?? Number.NaN);
}

function offsetsOf(cards: Record<string, NodeCardFacts>): number[] {
  return NODES.map((n) => cards[n]?.offset ?? Number.NaN);
}

test('scrubbing back shows the world before a write; acting there branches only when confirmed', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect.poll(async () => new Set(offsetsOf(await lab.diagram.cards())).size, { timeout: 15_000 }).toBe(1);

  const before = await lab.diagram.cards();
  expect(keysOf(before)).toEqual([0, 0, 0]);
  // The shown time just before the write: seeking to it or earlier is before the write.
  const beforeMs = await lab.playback.timeMs();
  expect(await lab.console.run('m', 'SET k v')).toBe('OK');
  await expect.poll(async () => keysOf(await lab.diagram.cards()), { timeout: 15_000 }).toEqual([1, 1, 1]);
  await expect.poll(async () => new Set(offsetsOf(await lab.diagram.cards())).size, { timeout: 15_000 }).toBe(1);
  await lab.playback.pause();
  const after = await lab.diagram.cards();
  const headMs = await lab.playback.timeMs();
  await expect(lab.playback.liveBadge).toBeVisible();
  const [writeAtMs] = await lab.probe.commandTimes('SET');
  const { originMs } = await lab.probe.facts();

  // Back with the keyboard: whole seconds with PageDown, to at or before the moment read above.
  const back = Math.ceil((headMs - beforeMs) / 1000) * 1000;
  await lab.timeline.seekBack(back);
  await expect(lab.playback.liveBadge).toBeHidden();
  await expect(lab.playback.goLiveButton).toBeVisible();
  expect(await lab.timeline.valueMs()).toBe(headMs - back);
  expect(originMs + (await lab.timeline.valueMs())).toBeLessThan(writeAtMs);
  await expect.poll(async () => keysOf(await lab.diagram.cards()), { timeout: 10_000 }).toEqual([0, 0, 0]);
  const past = await lab.diagram.cards();
  // Older offsets: at most what they were just before the write (a keep-alive PING may come between).
  for (const n of NODES) expect(past[n].offset).toBeLessThanOrEqual(before[n].offset);
  expect(past.m.offset).toBeLessThan(after.m.offset);
  // The diagram draws the past world the engine restored.
  const restored = await lab.probe.facts();
  expect(restored.nodes.map((n) => n.offset)).toEqual(offsetsOf(past));
  await lab.screenshot('timeline-past');

  // Forward again by the same amount: the newest moment, LIVE again.
  await lab.timeline.seekForward(back);
  await expect(lab.playback.liveBadge).toBeVisible();
  await expect.poll(async () => keysOf(await lab.diagram.cards()), { timeout: 10_000 }).toEqual([1, 1, 1]);
  expect(offsetsOf(await lab.diagram.cards())).toEqual(offsetsOf(after));

  // Back by dragging the thumb to just before the write, then "Go live".
  const max = await lab.timeline.maxMs();
  await lab.timeline.dragTo((beforeMs - 400) / max);
  await expect(lab.playback.liveBadge).toBeHidden();
  expect(originMs + (await lab.timeline.valueMs())).toBeLessThan(writeAtMs);
  await expect.poll(async () => keysOf(await lab.diagram.cards()), { timeout: 10_000 }).toEqual([0, 0, 0]);
  await lab.playback.goLive();
  await expect.poll(async () => keysOf(await lab.diagram.cards()), { timeout: 10_000 }).toEqual([1, 1, 1]);
  expect(offsetsOf(await lab.diagram.cards())).toEqual(offsetsOf(after));

  // Acting in the past asks first; Cancel keeps the future (nothing is sent).
  await lab.timeline.seekBack(back);
  await expect(lab.playback.liveBadge).toBeHidden();
  const lines = await lab.console.entries.count();
  await lab.console.type('m', 'SET other 1');
  await expect(lab.branchDialog.root).toBeVisible();
  await expect(lab.branchDialog.cancelButton).toBeFocused();
  await lab.screenshot('branch-dialog');
  await lab.branchDialog.cancel();
  await expect(lab.playback.liveBadge).toBeHidden();
  expect(await lab.console.entries.count()).toBe(lines);
  // Escape is Cancel too.
  await lab.console.type('m', 'SET other 1');
  await expect(lab.branchDialog.cancelButton).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(lab.branchDialog.root).toBeHidden();
  expect(await lab.console.entries.count()).toBe(lines);
  await lab.playback.goLive();
  expect(await lab.console.run('m', 'GET k')).toBe('"v"');
  expect(await lab.console.run('m', 'DBSIZE')).toBe('(integer) 1');

  // Continue: a new history from that moment, without the write.
  const newHead = await lab.playback.timeMs();
  await lab.timeline.seekBack(Math.ceil((newHead - beforeMs) / 1000) * 1000);
  await expect(lab.playback.liveBadge).toBeHidden();
  await lab.console.type('m', 'DBSIZE');
  await lab.branchDialog.continueHere();
  expect((await lab.console.lastReply()).text).toBe('(integer) 0');
  await expect(lab.playback.liveBadge).toBeVisible();
  expect(await lab.console.run('m', 'GET k')).toBe('(nil)');
  await expect.poll(async () => keysOf(await lab.diagram.cards()), { timeout: 10_000 }).toEqual([0, 0, 0]);
  expect(await lab.probe.commandTimes('SET')).toEqual([]);
  await lab.screenshot('branched');
});

test('Cancel in the branch dialog keeps the typed command in the console', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.playback.pause();
  await lab.timeline.seekBack(1000);
  await expect(lab.playback.liveBadge).toBeHidden();
  await lab.console.type('m', 'SET other 1');
  await lab.branchDialog.cancel();
  await expect(lab.console.input).toHaveValue('SET other 1');
});
