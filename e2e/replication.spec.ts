// The default lab end to end: the topology it opens with, a write on the
// master travelling down the links to both replicas (diagram, canvas and
// console agreeing), and a replica refusing a write.

import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

/** Offsets of the named cards as the diagram shows them, read in one go. */
async function shownOffsets(lab: LabPage, names: string[]): Promise<number[]> {
  const cards = await lab.diagram.cards();
  return names.map((n) => cards[n]?.offset ?? Number.NaN);
}

/** When the SET left the master (all copies leave together); Infinity once it arrived. */
function sentAtMs(flights: { sentMs: number }[]): number {
  return flights.length ? flights[0].sentMs : Number.POSITIVE_INFINITY;
}

test('the default topology renders: m is the master, r1 and r2 replicate it with equal offsets', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.heading).toHaveText('Replica Lab');
  expect(await lab.diagram.names()).toEqual(['m', 'r1', 'r2']);

  const m = lab.diagram.node('m');
  await expect(m.card).toHaveAttribute('data-role', 'master');
  await expect(m.card).toHaveAttribute('data-up', 'true');
  for (const r of ['r1', 'r2']) {
    const node = lab.diagram.node(r);
    await expect(node.card).toHaveAttribute('data-role', 'replica');
    await expect(node.card).toHaveAttribute('data-link-state', 'connected');
    await expect(lab.diagram.link('m', r)).toHaveAttribute('data-link-state', 'connected');
    expect(await node.label()).toContain('replica of m');
  }
  // The lab opens on the synced state; a PING into the stream may be on its way, so the offsets meet within a moment.
  await expect.poll(async () => new Set(await shownOffsets(lab, ['m', 'r1', 'r2'])).size, { timeout: 15_000 }).toBe(1);
  await lab.screenshot('default-topology');
});

test('a write on the master travels down both links and reaches both replicas', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect.poll(async () => new Set(await shownOffsets(lab, ['m', 'r1', 'r2'])).size, { timeout: 15_000 }).toBe(1);

  // Slow enough to watch the write on the wire: 250 ms of lab latency takes 2.5 s at 0.1×.
  // Paused first, so the SET is still on the wire however long the console takes to answer.
  await lab.playback.setSpeed(0.1);
  await lab.playback.pause();
  expect(await lab.console.run('m', 'SET greeting hello')).toBe('OK');
  const setInFlight = async () => (await lab.probe.inFlightNow()).filter((f) => f.from === 'm' && f.kind === 'stream' && f.text.includes('SET'));
  expect((await setInFlight()).map((f) => f.to).sort()).toEqual(['r1', 'r2']);
  // Play at 0.1× and pause again once it has left (25 of its 250 ms): the pause has 2 s of wall time to land.
  await lab.playback.play();
  await expect.poll(async () => (await lab.probe.facts()).viewMs - sentAtMs(await setInFlight()), { timeout: 10_000, intervals: [50] }).toBeGreaterThanOrEqual(25);
  await lab.playback.pause();
  expect((await setInFlight()).map((f) => f.to).sort(), 'the SET is still on its way').toEqual(['r1', 'r2']);
  expect(await lab.diagram.paintedPixels()).toBeGreaterThan(0);
  await lab.screenshot('write-in-flight', lab.diagram.root);
  await lab.playback.play();

  // The replicas catch up: their offsets reach the master's (read from one frame, as a keep-alive PING may follow).
  await lab.playback.setSpeed(2);
  const { offset: afterSet } = await lab.diagram.cards().then((c) => c.m);
  await expect
    .poll(
      async () => {
        const [m, r1, r2] = await shownOffsets(lab, ['m', 'r1', 'r2']);
        return m >= afterSet && r1 === m && r2 === m;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  // Freeze the clock so the console and the diagram describe the same moment.
  await lab.playback.pause();

  expect(await lab.console.run('r1', 'GET greeting')).toBe('"hello"');
  expect(await lab.console.run('r2', 'GET greeting')).toBe('"hello"');
  const [m, r1, r2] = await shownOffsets(lab, ['m', 'r1', 'r2']);
  expect(Number(await lab.console.infoField('m', 'master_repl_offset'))).toBe(m);
  expect(Number(await lab.console.infoField('r1', 'slave_repl_offset'))).toBe(r1);
  expect(Number(await lab.console.infoField('r2', 'slave_repl_offset'))).toBe(r2);
  for (const name of ['m', 'r1', 'r2']) expect(await lab.diagram.node(name).keys()).toBe(1);
  await lab.screenshot('write-replicated');
});

test('a write on a replica is refused with READONLY, printed in red', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const reply = await lab.console.runFull('r1', 'SET x 1');
  expect(reply.text).toBe("(error) READONLY You can't write against a read only replica.");
  expect(reply.error).toBe(true);
  // The console's error colour is the theme's --error, and it is a red.
  const errorColor = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--error)';
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  expect(reply.color).toBe(errorColor);
  const [r, g, b] = (reply.color.match(/\d+/g) ?? []).map(Number);
  expect(r).toBeGreaterThan(g + 60);
  expect(r).toBeGreaterThan(b + 60);

  await expect.poll(async () => (await lab.probe.events('rejected')).map((e) => `${e.node} ${e.argv?.join(' ')}`)).toContain('r1 SET x 1');
  await expect(lab.timeline.markers.and(page.locator('.tl-kind-rejected')).first()).toBeVisible();
  expect(await lab.diagram.node('r1').keys()).toBe(0);
  await lab.screenshot('readonly-replica', lab.console.root);
});

test('BLPOP in a console waits; a push typed into the same node answers it, as in a second redis-cli', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.console.select('m');
  const blpop = lab.console.entries.nth(await lab.console.entries.count());
  await lab.console.type('m', 'BLPOP jobs 0');
  await expect(blpop.locator('.panels-console-cmd')).toContainText('BLPOP jobs 0');
  await expect(blpop.locator('.panels-console-out')).toHaveClass(/panels-console-waiting/);
  expect(await lab.console.run('m', 'RPUSH jobs build-42')).toContain('(integer) 1');
  await expect(blpop.locator('.panels-console-out')).toContainText('1) "jobs"');
  await expect(blpop.locator('.panels-console-out')).toContainText('2) "build-42"');
  expect(await lab.console.run('m', 'LLEN jobs')).toContain('(integer) 0');
});

test('a Lua script runs in the browser lab and its write reaches the replicas', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  expect(await lab.console.run('m', `EVAL "return redis.call('SET', KEYS[1], ARGV[1])" 1 lua-key from-lua`)).toContain('OK');
  await expect.poll(async () => lab.console.run('r1', 'GET lua-key'), { timeout: 10_000 }).toContain('"from-lua"');
});
