// npm run bench — time travel as the app does it: the worker's EngineHost
// with the default lab (m + r1 + r2, 250 ms links), a 30-minute session of
// 10 writes/s with the trace drained into frames as the page receives them,
// then seeks to random moments (restore the nearest snapshot + replay).
// Target: p95 seek under 100 ms. BENCH_APP_MIN shortens the session.

import { performance } from 'node:perf_hooks';
import { EngineHost } from '../src/worker/host';
import { type EngineToUi, type FrameMsg, PROTOCOL_VERSION } from '../src/worker/protocol';

const SESSION_MIN = Number(process.env.BENCH_APP_MIN ?? 30);
const WRITES_PER_S = 10;
const SEEKS = 60;
const fmt = (n: number, d = 1): string => n.toFixed(d);

let last: FrameMsg | null = null;
let traceEvents = 0;
const host = new EngineHost((m: EngineToUi) => {
  if (m.type === 'frame') {
    last = m;
    traceEvents += m.trace.length;
  }
});
host.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 7 });
const origin = last!.viewMs;
const t0 = performance.now();
const stepMs = 1000 / WRITES_PER_S;
const total = SESSION_MIN * 60_000;
for (let t = 0, i = 0; t < total; t += stepMs, i++) {
  host.handle({ type: 'advance', ms: stepMs });
  host.handle({ type: 'command', requestId: i, node: 'm', argv: ['SET', `key:${i % 1000}`, `value-${i}`] });
}
const buildMs = performance.now() - t0;
const head = last!.headMs;

const times: number[] = [];
let x = 2024;
for (let k = 0; k < SEEKS; k++) {
  x = (x * 1103515245 + 12345) % 2147483648;
  const target = origin + Math.floor((x / 2147483648) * (head - origin));
  const a = performance.now();
  host.handle({ type: 'seek', atMs: target });
  times.push(performance.now() - a);
  if (last!.viewMs !== target) throw new Error(`seek landed at ${last!.viewMs}, not ${target}`);
}
times.sort((a, b) => a - b);
const p = (q: number): number => times[Math.min(times.length - 1, Math.floor(times.length * q))];
process.stdout.write(
  [
    `app session: ${SESSION_MIN} simulated minutes of the default lab, ${WRITES_PER_S} writes/s, ${traceEvents} trace events (built in ${fmt(buildMs / 1000)} s, ${fmt(total / buildMs)}x real time)`,
    `  seek through the worker host (restore + replay, frame included): median ${fmt(p(0.5))} ms, p95 ${fmt(p(0.95))} ms, max ${fmt(times[times.length - 1])} ms   (target < 100 ms: ${p(0.95) < 100 ? 'met' : 'NOT met'}; ratio to target ${fmt(p(0.95) / 100, 2)})`,
  ].join('\n') + '\n',
);
