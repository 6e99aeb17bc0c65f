// Determinism and time travel: the same seed and inputs give the same trace,
// and restoring a snapshot then replaying the same inputs gives the identical
// trace and state as the original run.

import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../src/engine/api';
import { Session } from '../src/engine/session';
import { World } from '../src/engine/world';

function script(): TimedInput[] {
  const inputs: TimedInput[] = [];
  let t = 0;
  const at = (dt: number, input: TimedInput['input']) => {
    t += dt;
    inputs.push({ atMs: t, input });
  };
  at(0, { t: 'node', name: 'm', config: [['repl-diskless-sync-delay', '1']] });
  at(0, { t: 'node', name: 'r1', config: [['replicaof', '127.0.0.1 6379']] });
  at(0, { t: 'node', name: 'r2', config: [['replicaof', '127.0.0.1 6379']] });
  for (let i = 0; i < 200; i++) at(37, { t: 'command', node: 'm', argv: ['SET', `k${i % 17}`, `v${i}`], client: 1 });
  at(10, { t: 'link', a: 'm', b: 'r1', props: { latencyMs: 40, bytesPerMs: 2, loss: 0.2 } });
  for (let i = 0; i < 100; i++) at(29, { t: 'command', node: 'm', argv: ['INCR', 'n'], client: 1 });
  at(5, { t: 'crash', node: 'r2' });
  at(3000, { t: 'restart', node: 'r2' });
  at(2000, { t: 'partition', groups: [['m', 'r2'], ['r1']] });
  for (let i = 0; i < 50; i++) at(41, { t: 'command', node: 'm', argv: ['LPUSH', 'l', `x${i}`], client: 1 });
  at(8000, { t: 'heal' });
  at(20000, { t: 'command', node: 'm', argv: ['DEL', 'l'], client: 1 });
  return inputs;
}

function play(seed: number, inputs: TimedInput[], untilMs: number): { world: World; trace: string } {
  const s = new Session({ seed, snapshotEveryMs: 1000 });
  const start = s.nowMs;
  const trace: unknown[] = [];
  for (const { atMs, input } of inputs) {
    if (atMs > untilMs) break;
    s.advanceTo(start + atMs);
    trace.push(...s.world.drainTrace());
    s.input(input);
  }
  s.advanceTo(start + untilMs);
  trace.push(...s.world.drainTrace());
  return { world: s.world, trace: JSON.stringify(trace) };
}

/** JSON for values holding Maps, Sets and bigints (streams' IDs). */
function plain(_key: string, v: unknown): unknown {
  if (v instanceof Map) return [...v];
  if (v instanceof Set) return [...v];
  if (typeof v === 'bigint') return String(v);
  return v;
}

function fingerprint(w: World): string {
  return JSON.stringify(
    w.views().map((v) => ({ ...v, keys: w.state.nodes[v.name].dbs.map((d) => [...d.dict].map(([k, o]) => [k, JSON.stringify(o.v, plain)])) })),
  );
}

describe('the engine is deterministic', () => {
  it('same seed and inputs give the same trace, byte for byte', () => {
    const a = play(7, script(), 60_000);
    const b = play(7, script(), 60_000);
    expect(a.trace.length).toBeGreaterThan(10_000);
    expect(a.trace).toBe(b.trace);
    expect(fingerprint(a.world)).toBe(fingerprint(b.world));
  });

  it('a different seed gives different replication ids', () => {
    const a = play(7, script(), 10_000);
    const b = play(8, script(), 10_000);
    expect(a.world.state.nodes.m.repl.replid).not.toBe(b.world.state.nodes.m.repl.replid);
  });

  it('restore + replaying the same inputs gives the identical state and trace', () => {
    const inputs = script();
    const s = new Session({ seed: 11, snapshotEveryMs: 1500 });
    const start = s.nowMs;
    for (const { atMs, input } of inputs) {
      s.advanceTo(start + atMs);
      s.input(input);
    }
    s.advanceTo(start + 60_000);
    for (const t of [0, 777, 6_543, 12_345, 23_456, 40_001, 59_999]) {
      const direct = play(11, inputs, t).world;
      const restored = s.worldAt(start + t);
      expect(restored.nowMs).toBe(start + t);
      expect(fingerprint(restored)).toBe(fingerprint(direct));
      // The futures agree too: run both 5 s on and compare their traces.
      direct.drainTrace();
      restored.drainTrace();
      direct.advance(5000);
      restored.advance(5000);
      expect(JSON.stringify(restored.drainTrace())).toBe(JSON.stringify(direct.drainTrace()));
    }
  });

  it('branching in the past discards the old future', () => {
    const s = new Session({ seed: 3, snapshotEveryMs: 1000 });
    const start = s.nowMs;
    s.input({ t: 'node', name: 'm', config: [] });
    s.advance(2000);
    s.input({ t: 'command', node: 'm', argv: ['SET', 'k', 'old-future'] });
    s.advance(2000);
    s.branchAt(start + 1000);
    expect(s.inputs.length).toBe(1);
    s.input({ t: 'command', node: 'm', argv: ['SET', 'k', 'new-future'] });
    const v = s.world.state.nodes.m.dbs[0].dict.get('k');
    expect(v).toEqual({ type: 'string', v: 'new-future' });
  });
});

describe('snapshots share what never changes', () => {
  it('a snapshot keeps the backlog it had while the live world appends, trims and compacts', () => {
    const w = new World({ seed: 9, trace: false });
    const m = w.addNode('m', [['repl-backlog-size', '16384'], ['repl-diskless-sync-delay', '0']]);
    w.addNode('r', [['replicaof', `${m.host} ${m.port}`]]);
    w.advance(2000);
    const c = w.connect('m');
    for (let i = 0; i < 3000; i++) w.send('m', c, ['SET', `k${i % 50}`, `value-${i}`]);
    w.advance(10);
    const snap = w.snapshot();
    const b0 = w.state.nodes.m.repl.backlog!;
    const before = JSON.stringify({ items: b0.items.slice(b0.itemHead), offset: b0.offset, histlen: b0.histlen });
    // The live world goes on: thousands more commands, whole blocks trimmed, the list compacted.
    for (let i = 0; i < 20_000; i++) w.send('m', c, ['SET', `k${i % 50}`, `later-${i}`]);
    w.advance(10);
    const restored = World.restore(snap);
    const b1 = restored.state.nodes.m.repl.backlog!;
    expect(JSON.stringify({ items: b1.items.slice(b1.itemHead), offset: b1.offset, histlen: b1.histlen })).toBe(before);
    expect(restored.state.nodes.m.dbs[0].dict.get('k0')).toEqual({ type: 'string', v: 'value-2950' });
  });
});
