// npm run bench — the engine's speed and the cost of time travel.
//
// Workload: 1 master + 5 replicas (diskless full sync first), then 1,000
// writes/s for 10 simulated minutes, with the trace recorded and drained as
// the UI does. Two runs:
//  1. the engine alone: simulated time / wall time (target >= 200x), peak heap;
//  2. the same session with snapshots (as the app keeps them for time
//     travel): the time to restore a snapshot and replay to random points of
//     the run (target < 100 ms).
// BENCH_SIM_MS shortens the run for a quick look.

import { performance } from 'node:perf_hooks';
import type { TimedInput } from '../src/engine/api';
import { Session } from '../src/engine/session';
import { World } from '../src/engine/world';

const SIM_MS = Number(process.env.BENCH_SIM_MS ?? 10 * 60 * 1000);
const WRITES_PER_S = 1000;
const REPLICAS = 5;
const KEYS = 10_000;
const SNAPSHOT_EVERY_MS = 2_000;
const WARMUP_MS = 8_000;

const fmt = (n: number, d = 1): string => n.toFixed(d);
const mib = (n: number): string => `${fmt(n / 1024 / 1024)} MiB`;

/** The workload as timed inputs (times relative to the start of the world). */
function* workload(): Generator<TimedInput> {
  yield { atMs: 0, input: { t: 'node', name: 'm', config: [['repl-ping-replica-period', '10']] } };
  // The writer's connection is the master's first client (id 1).
  yield { atMs: 0, input: { t: 'connect', node: 'm' } };
  for (let i = 1; i <= REPLICAS; i++) yield { atMs: 0, input: { t: 'node', name: `r${i}`, config: [['replicaof', '127.0.0.1 6379']] } };
  const stepMs = 1000 / WRITES_PER_S;
  let i = 0;
  for (let t = WARMUP_MS; t < WARMUP_MS + SIM_MS; t += stepMs, i++) {
    yield { atMs: Math.floor(t), input: { t: 'command', node: 'm', client: 1, argv: ['SET', `key:${i % KEYS}`, `value-${i}`] } };
  }
}

function engineRun(): void {
  const w = new World({ seed: 42, trace: true });
  const start = w.nowMs;
  let traceEvents = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  let writes = 0;
  let t0 = 0;
  for (const { atMs, input } of workload()) {
    w.advanceTo(start + atMs);
    if (input.t === 'command') {
      if (writes === 0) t0 = performance.now();
      w.apply(input);
      w.takeReply('m', 1);
      writes++;
      if (writes % 1000 === 0) {
        traceEvents += w.drainTrace().length;
        if (writes % 20_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
    } else w.apply(input);
  }
  w.advanceTo(start + WARMUP_MS + SIM_MS);
  traceEvents += w.drainTrace().length;
  const wallMs = performance.now() - t0;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const ratio = SIM_MS / wallMs;
  const m = w.state.nodes.m;
  const behind = [...Array(REPLICAS).keys()].filter((k) => (w.state.nodes[`r${k + 1}`].repl.master?.reploff ?? -1) < m.repl.offset - 100_000).length;
  const lines = [
    `engine: 1 master + ${REPLICAS} replicas, ${WRITES_PER_S} writes/s, ${fmt(SIM_MS / 60000)} simulated minutes (${writes} writes, ${traceEvents} trace events)`,
    `  wall time                 ${fmt(wallMs / 1000, 2)} s`,
    `  simulated / wall          ${fmt(ratio)}x   (target >= 200x: ${ratio >= 200 ? 'met' : 'NOT met'}; ratio to target ${fmt(ratio / 200, 2)})`,
    `  peak heap                 ${mib(peakHeap)}`,
    `  master offset             ${m.repl.offset} bytes; replicas more than 100 KB behind: ${behind}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function sessionRun(): void {
  const s = new Session({ seed: 42, snapshotEveryMs: SNAPSHOT_EVERY_MS, trace: true });
  const start = s.nowMs;
  const t0 = performance.now();
  let n = 0;
  for (const { atMs, input } of workload()) {
    s.advanceTo(start + atMs);
    s.input(input);
    if (input.t === 'command') s.world.takeReply('m', 1);
    if (++n % 1000 === 0) s.world.drainTrace();
  }
  s.advanceTo(start + WARMUP_MS + SIM_MS);
  const wallMs = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed;
  const seekTimes: number[] = [];
  let x = 12345;
  for (let k = 0; k < 40; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const target = start + WARMUP_MS + Math.floor((x / 2147483648) * SIM_MS);
    const a = performance.now();
    const w = s.worldAt(target);
    seekTimes.push(performance.now() - a);
    if (w.nowMs !== target) throw new Error('seek landed at the wrong time');
  }
  seekTimes.sort((a, b) => a - b);
  const p = (q: number): number => seekTimes[Math.min(seekTimes.length - 1, Math.floor(seekTimes.length * q))];
  const lines = [
    `session with snapshots every ${SNAPSHOT_EVERY_MS / 1000} s simulated (${s.snapshotCount} snapshots)`,
    `  simulated / wall          ${fmt((SIM_MS + WARMUP_MS) / wallMs)}x (snapshots included)`,
    `  heap with snapshots       ${mib(heap)}`,
    `  seek (restore + replay)   median ${fmt(p(0.5))} ms, p95 ${fmt(p(0.95))} ms, max ${fmt(seekTimes[seekTimes.length - 1])} ms   (target < 100 ms: ${p(0.95) < 100 ? 'met' : 'NOT met'}; ratio to target ${fmt(p(0.95) / 100, 2)})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

engineRun();
sessionRun();
