// The worker's engine host, driven in Node through the same messages the page
// sends: presets, commands with their replies, playback, time travel,
// branching, faults, share export and scenarios.

import { describe, expect, it } from 'vitest';
import { E } from '../src/engine/resp/reply';
import { parseScenario } from '../src/scenario/parse';
import { runScenario } from '../src/scenario/run';
import { EngineHost, LAB_LATENCY_MS } from '../src/worker/host';
import { type EngineToUi, type FrameMsg, PROTOCOL_VERSION, type UiToEngine } from '../src/worker/protocol';

function startHost(hello: Partial<Extract<UiToEngine, { type: 'hello' }>> = {}) {
  const out: EngineToUi[] = [];
  const host = new EngineHost((m) => out.push(m));
  const send = (m: UiToEngine) => {
    out.length = 0;
    host.handle(m);
    return [...out];
  };
  const command = (requestId: number, node: string, ...argv: string[]) => {
    const msgs = send({ type: 'command', requestId, node, argv });
    const reply = msgs.find((m) => m.type === 'reply' || m.type === 'error');
    if (!reply) throw new Error(`no reply to ${argv.join(' ')}`);
    return reply;
  };
  const lastFrame = (msgs: EngineToUi[]) => msgs.filter((m): m is FrameMsg => m.type === 'frame').at(-1)!;
  const frame = () => lastFrame(send({ type: 'advance', ms: 0 }));
  const node = (f: FrameMsg, name: string) => f.nodes.find((n) => n.name === name)!;
  const ready = send({ type: 'hello', version: PROTOCOL_VERSION, seed: 7, ...hello });
  return { host, send, command, lastFrame, frame, node, ready };
}

describe('engine host', () => {
  it('hello starts master m with replicas r1 and r2 already in sync, with the first sync in the trace', () => {
    const { ready } = startHost();
    const r = ready[0];
    expect(r.type).toBe('ready');
    if (r.type !== 'ready') return;
    expect(r.version).toBe(PROTOCOL_VERSION);
    const byName = Object.fromEntries(r.nodes.map((n) => [n.name, n]));
    expect(Object.keys(byName).sort()).toEqual(['m', 'r1', 'r2']);
    expect(byName.m.role).toBe('master');
    for (const name of ['r1', 'r2']) {
      expect(byName[name]).toMatchObject({ role: 'slave', masterName: 'm', linkState: 'connected', offset: byName.m.offset });
    }
    const first = ready[1] as FrameMsg;
    expect(first.type).toBe('frame');
    const texts = first.trace.filter((e) => e.t === 'msg').map((e) => (e.t === 'msg' ? e.text : ''));
    expect(texts.some((t) => t.startsWith('+FULLRESYNC'))).toBe(true);
    expect(first.trace.filter((e) => e.t === 'sync' && e.kind === 'full')).toHaveLength(2);
    expect(first.viewMs).toBe(first.headMs);
    expect(first.viewMs).toBeGreaterThan(r.originMs);
  });

  it('a write on m reaches r1 one lab latency later; a write on r1 is refused with READONLY', () => {
    const { send, command, lastFrame } = startHost();
    const msgs = send({ type: 'command', requestId: 1, node: 'm', argv: ['SET', 'greeting', 'hello'] });
    expect(msgs.find((m) => m.type === 'reply')).toEqual({ type: 'reply', requestId: 1, reply: { t: 'status', s: 'OK' } });
    const stream = lastFrame(msgs).trace.filter((e) => e.t === 'msg' && e.kind === 'stream');
    expect(stream.map((e) => (e.t === 'msg' ? [e.to, e.deliverMs - e.sentMs] : null))).toEqual(
      expect.arrayContaining([
        ['r1', LAB_LATENCY_MS],
        ['r2', LAB_LATENCY_MS],
      ]),
    );
    send({ type: 'advance', ms: LAB_LATENCY_MS });
    expect(command(2, 'r1', 'GET', 'greeting')).toEqual({ type: 'reply', requestId: 2, reply: { t: 'bulk', s: 'hello' } });
    expect(command(3, 'r1', 'SET', 'x', '1')).toEqual({ type: 'reply', requestId: 3, reply: { t: 'error', s: E.readonly } });
  });

  it('BLPOP in a console waits without moving time; a push typed into the same node (a second connection) answers it', () => {
    const { send, command, frame } = startHost();
    const before = frame().headMs;
    const msgs = send({ type: 'command', requestId: 1, node: 'm', argv: ['BLPOP', 'jobs', '0'] });
    expect(msgs.some((m) => (m.type === 'reply' || m.type === 'error') && m.requestId === 1)).toBe(false);
    expect(frame().headMs).toBe(before);
    const push = send({ type: 'command', requestId: 2, node: 'm', argv: ['RPUSH', 'jobs', 'j1'] });
    expect(push.find((m) => m.type === 'reply' && m.requestId === 2)).toMatchObject({ reply: { t: 'int', n: 1 } });
    expect(push.find((m) => m.type === 'reply' && m.requestId === 1)).toEqual({
      type: 'reply',
      requestId: 1,
      reply: { t: 'array', a: [{ t: 'bulk', s: 'jobs' }, { t: 'bulk', s: 'j1' }] },
    });
    // The console's own connection is free again: the next command answers at once.
    expect(command(3, 'm', 'LLEN', 'jobs')).toMatchObject({ reply: { t: 'int', n: 0 } });
  });

  it('a BLPOP with a timeout answers nil once the lab has played that long', () => {
    const { send } = startHost();
    send({ type: 'command', requestId: 1, node: 'm', argv: ['BLPOP', 'q', '2'] });
    expect(send({ type: 'advance', ms: 1000 }).some((m) => m.type === 'reply')).toBe(false);
    expect(send({ type: 'advance', ms: 1100 }).find((m) => m.type === 'reply')).toEqual({ type: 'reply', requestId: 1, reply: { t: 'nullarray' } });
  });

  it('a command to an unknown node is an error tied to its request', () => {
    const { command } = startHost();
    expect(command(9, 'nope', 'PING')).toMatchObject({ type: 'error', requestId: 9 });
  });

  it('ticks move the clock by wall time × speed only while playing, one frame per tick', () => {
    const { send, frame } = startHost();
    const t0 = frame().viewMs;
    send({ type: 'play', speed: 2 });
    expect(send({ type: 'tick', wallMs: 25 }).filter((m) => m.type === 'frame')).toHaveLength(1);
    send({ type: 'tick', wallMs: 25.5 });
    const t1 = frame().viewMs;
    expect(t1 - t0).toBe(101);
    send({ type: 'pause' });
    const paused = send({ type: 'tick', wallMs: 1000 });
    expect(paused.filter((m) => m.type === 'frame')).toHaveLength(1);
    expect(frame().viewMs).toBe(t1);
  });

  it('refuses another protocol version and a speed outside 0.1–50 with a message', () => {
    const { send } = startHost();
    expect(send({ type: 'hello', version: PROTOCOL_VERSION + 1, seed: 1 })[0]).toMatchObject({ type: 'error' });
    expect(send({ type: 'play', speed: -1 })[0]).toMatchObject({ type: 'error' });
    expect(send({ type: 'play', speed: 51 })[0]).toMatchObject({ type: 'error' });
    expect(send({ type: 'play', speed: 0.1 })[0]).toMatchObject({ type: 'frame', speed: 0.1, playing: true });
  });

  it('seeking back shows the world as it was, playing forward catches up with the live world', () => {
    const { send, command, frame, node, lastFrame } = startHost();
    const before = frame();
    send({ type: 'advance', ms: 100 });
    command(1, 'm', 'SET', 'k', 'v');
    send({ type: 'advance', ms: 2000 });
    const after = frame();
    expect(node(after, 'r1').keys).toBe(1);
    const past = lastFrame(send({ type: 'seek', atMs: before.viewMs }));
    expect(past.viewMs).toBe(before.viewMs);
    expect(past.headMs).toBe(after.headMs);
    expect(node(past, 'r1').keys).toBe(0);
    expect(node(past, 'm').offset).toBe(node(before, 'm').offset);
    expect(past.trace).toEqual([]);
    // A command while in the past is refused until the page branches.
    expect(send({ type: 'command', requestId: 2, node: 'm', argv: ['PING'] })[0]).toMatchObject({ type: 'error', requestId: 2 });
    send({ type: 'play', speed: 10 });
    for (let i = 0; i < 30; i++) send({ type: 'tick', wallMs: 10 });
    const caught = frame();
    expect(caught.viewMs).toBe(caught.headMs);
    expect(node(caught, 'r1').keys).toBe(1);
    expect(caught.headMs).toBeGreaterThan(after.headMs);
    expect(node(caught, 'm').offset).toBeGreaterThanOrEqual(node(after, 'm').offset);
  });

  it('step moves to the next moment: the next delivery of a message in flight', () => {
    const { send, frame } = startHost();
    const msgs = send({ type: 'command', requestId: 1, node: 'm', argv: ['SET', 'a', '1'] });
    const sent = msgs.filter((m): m is FrameMsg => m.type === 'frame').at(-1)!;
    const stream = sent.trace.find((e) => e.t === 'msg' && e.kind === 'stream');
    expect(stream?.t).toBe('msg');
    const t0 = frame().viewMs;
    const stepped = send({ type: 'step' }).find((m): m is FrameMsg => m.type === 'frame')!;
    expect(stepped.viewMs).toBeGreaterThan(t0);
    expect(stepped.viewMs).toBeLessThanOrEqual(stream?.t === 'msg' ? stream.deliverMs : 0);
    // Back in the past, step walks the recorded moments without changing history.
    send({ type: 'seek', atMs: t0 });
    const again = send({ type: 'step' }).find((m): m is FrameMsg => m.type === 'frame')!;
    expect(again.viewMs).toBeGreaterThan(t0);
    expect(again.viewMs).toBeLessThanOrEqual(stepped.viewMs);
  });

  it('branching in the past discards the later inputs and tells the page to drop the later trace', () => {
    const { send, command, frame, node, lastFrame } = startHost();
    const t0 = frame().viewMs;
    send({ type: 'advance', ms: 500 });
    command(1, 'm', 'SET', 'gone', '1');
    send({ type: 'advance', ms: 1000 });
    expect(node(frame(), 'm').keys).toBe(1);
    send({ type: 'seek', atMs: t0 + 100 });
    const branched = lastFrame(send({ type: 'branch' }));
    expect(branched.truncateAfterMs).toBe(t0 + 100);
    expect(branched.headMs).toBe(t0 + 100);
    expect(branched.inputs?.some((i) => i.input.t === 'command')).toBe(false);
    expect(node(branched, 'm').keys).toBe(0);
    expect(command(2, 'm', 'DBSIZE')).toMatchObject({ type: 'reply', reply: { t: 'int', n: 0 } });
  });

  it('faults: crashing the master takes the replicas links down; restart, cut and heal', () => {
    const { send, frame, node } = startHost();
    send({ type: 'fault', fault: { kind: 'crash', node: 'm' } });
    send({ type: 'advance', ms: 2000 });
    const f = frame();
    expect(node(f, 'm').up).toBe(false);
    for (const r of ['r1', 'r2']) expect(node(f, r).linkState).not.toBe('connected');
    send({ type: 'fault', fault: { kind: 'restart', node: 'm' } });
    send({ type: 'advance', ms: 10_000 });
    expect(node(frame(), 'r1').linkState).toBe('connected');
    send({ type: 'fault', fault: { kind: 'cut', a: 'm', b: 'r2', cut: true } });
    expect(frame().links.find((l) => l.a === 'm' && l.b === 'r2')).toMatchObject({ cut: true });
    send({ type: 'fault', fault: { kind: 'heal-all' } });
    expect(frame().links.find((l) => l.a === 'm' && l.b === 'r2')).toMatchObject({ cut: false, latencyMs: LAB_LATENCY_MS });
    send({ type: 'fault', fault: { kind: 'link', a: 'm', b: 'r1', props: { latencyMs: 900, bytesPerMs: 10 } } });
    expect(frame().links.find((l) => l.a === 'm' && l.b === 'r1')).toMatchObject({ latencyMs: 900, bytesPerMs: 10 });
    expect(send({ type: 'fault', fault: { kind: 'link', a: 'm', b: 'r1', props: { latencyMs: -5 } } })[0]).toMatchObject({ type: 'error' });
    expect(send({ type: 'fault', fault: { kind: 'crash', node: 'ghost' } })[0]).toMatchObject({ type: 'error' });
  });

  it('adds a replica that syncs, and removes a node from the diagram', () => {
    const { send, frame, node } = startHost();
    send({ type: 'fault', fault: { kind: 'add-node', replicaOf: 'm' } });
    send({ type: 'advance', ms: 10_000 });
    const f = frame();
    expect(node(f, 'r3')).toMatchObject({ role: 'slave', masterName: 'm', linkState: 'connected' });
    send({ type: 'fault', fault: { kind: 'remove-node', node: 'r1' } });
    send({ type: 'advance', ms: 1500 });
    const g = frame();
    expect(g.nodes.map((n) => n.name)).toEqual(['m', 'r2', 'r3']);
    expect(node(g, 'm').replicas.map((r) => r.name).sort()).toEqual(['r2', 'r3']);
    send({ type: 'fault', fault: { kind: 'add-node', replicaOf: null } });
    expect(frame().nodes.map((n) => n.name)).toContain('m2');
  });

  it('the chained and docker-compose presets', () => {
    const chain = startHost({ preset: 'chain' });
    const c = chain.frame();
    expect(chain.node(c, 'r2')).toMatchObject({ masterName: 'r1', linkState: 'connected' });
    const pair = startHost({ preset: 'compose-pair' });
    const p = pair.frame();
    expect(p.nodes.map((n) => [n.name, n.role, n.persistence])).toEqual([
      ['redis-master', 'master', 'rdb+aof'],
      ['redis-slave-1', 'slave', 'rdb+aof'],
    ]);
  });

  it('an exported session replayed in a new host gives the same state at the same time', () => {
    const a = startHost();
    a.command(1, 'm', 'SET', 'k', 'v');
    a.send({ type: 'fault', fault: { kind: 'crash', node: 'r2' } });
    a.send({ type: 'advance', ms: 1234 });
    a.command(2, 'm', 'INCR', 'n');
    a.send({ type: 'advance', ms: 700 });
    const exported = a.send({ type: 'export-session', requestId: 5 })[0];
    expect(exported.type).toBe('session');
    if (exported.type !== 'session') return;
    const b = startHost({ seed: 999, session: JSON.parse(JSON.stringify(exported.session)) });
    const fa = a.frame();
    const fb = b.frame();
    expect(fb.viewMs).toBe(fa.viewMs);
    expect(fb.nodes).toEqual(fa.nodes);
  });

  it('a shared session that cannot be replayed falls back to the default lab with a message', () => {
    const { ready } = startHost({ session: { seed: 1, viewMs: 0, headMs: 10, inputs: [{ atMs: 1, input: { t: 'crash', node: 'nobody' } }] } });
    // The default lab first, then the message (so the page shows it as a note, not as a failed start).
    expect(ready.map((m) => m.type)).toEqual(['ready', 'frame', 'error']);
  });

  it('watch-info sends the INFO of the watched node when it changes', () => {
    const { send, command } = startHost();
    const f = send({ type: 'watch-info', node: 'r1' }).find((m): m is FrameMsg => m.type === 'frame')!;
    expect(f.info?.node).toBe('r1');
    expect(f.info?.text).toContain('role:slave');
    expect(f.info?.text).toContain('master_link_status:up');
    const same = send({ type: 'advance', ms: 0 }).find((m): m is FrameMsg => m.type === 'frame')!;
    expect(same.info).toBeUndefined();
    command(1, 'm', 'SET', 'k', 'v');
    send({ type: 'advance', ms: 1000 });
    expect(send({ type: 'advance', ms: 1000 }).find((m): m is FrameMsg => m.type === 'frame')!.info?.text).toMatch(/slave_repl_offset:\d+/);
  });

  it('load-scenario gives the world the scenario runner ends with; a bad line is reported with its number', () => {
    const { send, frame } = startHost();
    const text = 'node a\nnode b replicaof $a\nsync\na> SET k v\nsleep 1500\n';
    const loaded = send({ type: 'load-scenario', seed: 3, text });
    expect(loaded[0].type).toBe('ready');
    const direct = runScenario(parseScenario(text), { seed: 3 }).world;
    const f = frame();
    expect(f.viewMs).toBe(direct.nowMs);
    expect(f.nodes).toEqual(direct.views());
    const bad = send({ type: 'load-scenario', seed: 1, text: 'node a\nfrobnicate\n' });
    expect(bad[0]).toMatchObject({ type: 'error' });
    if (bad[0].type === 'error') expect(bad[0].message).toContain('line 2');
  });
});

describe('topology export and import', () => {
  it('exports each node with its master and the settings that differ from the defaults; loading it gives the same roles', () => {
    const { send, command } = startHost();
    command(1, 'r1', 'CONFIG', 'SET', 'repl-backlog-size', '2mb');
    command(2, 'm', 'CONFIG', 'SET', 'save', '');
    const out = send({ type: 'export-topology', requestId: 3 })[0];
    expect(out.type).toBe('topology');
    if (out.type !== 'topology') return;
    expect(out.nodes).toEqual([
      { name: 'm', port: 6379, replicaOf: null, config: [['save', '']] },
      { name: 'r1', port: 6380, replicaOf: 'm', config: [['repl-backlog-size', '2097152']] },
      { name: 'r2', port: 6381, replicaOf: 'm', config: [] },
    ]);
    const loaded = send({ type: 'load-topology', seed: 2, nodes: [out.nodes[1], out.nodes[2], out.nodes[0]] });
    expect(loaded[0].type).toBe('ready');
    const f = loaded.find((m): m is FrameMsg => m.type === 'frame')!;
    expect(f.nodes.map((n) => [n.name, n.role, n.masterName, n.linkState])).toEqual([
      ['m', 'master', null, 'none'],
      ['r1', 'slave', 'm', 'connected'],
      ['r2', 'slave', 'm', 'connected'],
    ]);
    expect(f.nodes.find((n) => n.name === 'm')?.persistence).toBe('none');
  });

  it('refuses a topology whose replica follows a node that is not in it', () => {
    const { send } = startHost();
    const out = send({ type: 'load-topology', seed: 1, nodes: [{ name: 'r', replicaOf: 'ghost', config: [] }] });
    expect(out[0]).toMatchObject({ type: 'error' });
  });
});
