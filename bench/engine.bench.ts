// npm run bench — the engine's speed and the cost of time travel.
//
// Workload: 1 master + 5 replicas, 1,000 writes/s for 10 simulated minutes.
// Prints simulated time / wall time (target >= 200x), peak heap, and the time
// to restore a snapshot and replay to random points of that run (target < 100 ms).

import { performance } from 'node:perf_hooks';
import { Session } from '../src/engine/session';

const SIM_MS = Number(process.env.BENCH_SIM_MS ?? 10 * 60 * 1000);
const WRITES_PER_S = 1000;
const REPLICAS = 5;
const KEYS = 10_000;

function fmt(n: number, d = 1): string {
  return n.toFixed(d);
}

function main(): void {
  const s = new Session({ seed: 42, snapshotEveryMs: 2_000, trace: true });
  s.input({ t: 'node', name: 'm', config: [['repl-ping-replica-period', '10']] });
  const mPort = s.world.address('m')!.port;
  for (let i = 1; i <= REPLICAS; i++) s.input({ t: 'node', name: `r${i}`, config: [['replicaof', `127.0.0.1 ${mPort}`]] });
  // Initial sync (diskless, 5 s delay) before the write load starts.
  s.advance(8_000);
  const client = s.world.connect('m');
  let peakHeap = process.memoryUsage().heapUsed;
  let traceEvents = 0;
  const startMs = s.nowMs;
  const endMs = startMs + SIM_MS;
  const stepMs = 1000 / WRITES_PER_S;
  let i = 0;
  const t0 = performance.now();
  for (let t = startMs; t < endMs; t += stepMs) {
    s.advanceTo(Math.floor(t));
    s.input({ t: 'command', node: 'm', client, argv: ['SET', `key:${i % KEYS}`, `value-${i}`] });
    s.world.takeReply('m', client);
    i++;
    if (i % 1000 === 0) {
      traceEvents += s.world.drainTrace().length;
      if (i % 20_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  }
  s.advanceTo(endMs);
  const wallMs = performance.now() - t0;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const ratio = SIM_MS / wallMs;
  const m = s.world.node('m');
  const lagging = [1, 2, 3, 4, 5].map((k) => s.world.node(`r${k}`).repl.master?.reploff ?? -1).filter((o) => o < m.repl.offset - 100_000);

  // Time travel: restore the nearest snapshot and replay to random points.
  const seekTimes: number[] = [];
  let x = 12345;
  for (let k = 0; k < 20; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const target = startMs + Math.floor((x / 2147483648) * SIM_MS);
    const a = performance.now();
    const w = s.worldAt(target);
    seekTimes.push(performance.now() - a);
    if (w.nowMs !== target) throw new Error('seek landed at the wrong time');
  }
  seekTimes.sort((a, b) => a - b);
  const p95 = seekTimes[Math.floor(seekTimes.length * 0.95) - 1];

  const lines = [
    `engine: 1 master + ${REPLICAS} replicas, ${WRITES_PER_S} writes/s, ${fmt(SIM_MS / 60000)} simulated minutes (${i} writes, ${traceEvents} trace events)`,
    `  wall time                 ${fmt(wallMs / 1000, 2)} s`,
    `  simulated / wall          ${fmt(ratio)}x   (target >= 200x: ${ratio >= 200 ? 'met' : 'NOT met'}, ratio to target ${fmt(ratio / 200, 2)})`,
    `  peak heap                 ${fmt(peakHeap / 1024 / 1024)} MiB`,
    `  master offset             ${m.repl.offset} bytes; replicas far behind: ${lagging.length}`,
    `  snapshots                 ${s.snapshotCount} (every 2 s simulated)`,
    `  seek (restore + replay)   median ${fmt(seekTimes[10], 1)} ms, p95 ${fmt(p95, 1)} ms, max ${fmt(seekTimes[seekTimes.length - 1], 1)} ms   (target < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'}, ratio to target ${fmt(p95 / 100, 2)})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
