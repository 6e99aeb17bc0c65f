// npm run bench (ui part) — the built page, as people get it:
//  1. initial JS + CSS, gzip (what index.html loads before the page can work;
//     the engine worker and other lazy chunks apart). Target: at most 150 KB.
//  2. in headless Chromium: 12 nodes (m + 11 replicas) with about 300 messages
//     in flight, playing at 10×: the work per animation frame (engine tick
//     handling, React updates, canvas drawing) and the interval between
//     frames, p95. Target: at most 16.7 ms.
// BENCH_SKIP_BUILD=1 reuses dist/.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const fmt = (n, d = 1) => n.toFixed(d);
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? Number.NaN;
};

if (!process.env.BENCH_SKIP_BUILD) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

// 1. Initial bundle: the module script, its modulepreloads and the stylesheets of index.html.
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let gz = 0;
const parts = [];
for (const a of new Set(assets)) {
  const size = gzipSync(readFileSync(path.join(dist, a)), { level: 9 }).length;
  gz += size;
  parts.push(`${a} ${fmt(size / 1024)} KB`);
}
const kb = gz / 1024;
process.stdout.write(`initial JS + CSS (gzip): ${fmt(kb)} KB   (target <= 150 KB: ${kb <= 150 ? 'met' : 'NOT met'}; ratio to target ${fmt(kb / 150, 2)})\n    ${parts.join(', ')}\n`);

// 2. Frames in Chromium.
const replicas = Array.from({ length: 11 }, (_, i) => `r${i + 1}`);
// 30 writes, one every 200 ms, each to 11 replicas over links with 60 s of
// latency: ~330 messages spread along the links, in flight for about 54 s of
// virtual time — 5 s of wall time at 10×, the measuring window. (Writes are
// made by the scenario, so no console work is measured, only the animation.)
const LATENCY_MS = 60_000;
const WRITES = 30;
const scn = [
  'node m',
  ...replicas.map((r) => `node ${r} replicaof $m`),
  'sync',
  ...replicas.map((r) => `link m ${r} latency ${LATENCY_MS}`),
  ...Array.from({ length: WRITES }, (_, i) => [`m> SET key:${i} value-${i}`, 'sleep 200']).flat(),
  '',
].join('\n');
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
let browser;
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const executablePath = chromiumExecutable();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${PORT}/?lang=en&scenario=${encodeURIComponent(scn)}`);
  await page.waitForFunction(() => window.replicaLab?.state().nodes.length === 12, null, { timeout: 60_000 });
  await page.evaluate(() => {
    const { lab } = window.replicaLab;
    lab.setSpeed(10);
    lab.play();
  });
  await page.waitForTimeout(300);
  const inFlight = [];
  const before = await page.evaluate(() => window.replicaLab.frameStats().frames);
  for (let k = 0; k < 8; k++) {
    inFlight.push(await page.evaluate(() => window.replicaLab.traceLog.inFlightAt(window.replicaLab.state().viewMs).length));
    await page.waitForTimeout(500);
  }
  const stats = await page.evaluate(() => window.replicaLab.frameStats());
  const frames = stats.frames - before;
  const work = stats.workMs.slice(-frames);
  const interval = stats.intervalMs.slice(-(frames - 1));
  const avgInFlight = inFlight.reduce((a, b) => a + b, 0) / inFlight.length;
  const w95 = p95(work);
  const i95 = p95(interval);
  process.stdout.write(
    [
      `frames in Chromium: 12 nodes, ${fmt(avgInFlight, 0)} messages in flight on average (min ${Math.min(...inFlight)}), 10× speed, ${frames} frames over 4 s`,
      `  work per frame p95 ${fmt(w95, 2)} ms (median ${fmt(work.sort((a, b) => a - b)[Math.floor(work.length / 2)], 2)} ms)   (target <= 16.7 ms: ${w95 <= 16.7 ? 'met' : 'NOT met'}; ratio to target ${fmt(w95 / 16.7, 2)})`,
      `  interval between frames p95 ${fmt(i95, 2)} ms   (${i95 <= 16.7 * 1.1 ? 'no dropped frames' : 'frames dropped'}; ratio to 16.7 ms ${fmt(i95 / 16.7, 2)})`,
    ].join('\n') + '\n',
  );
} finally {
  await browser?.close();
  try {
    process.kill(-server.pid);
  } catch {
    server.kill();
  }
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}
