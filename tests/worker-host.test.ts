// The worker's engine host, driven in Node through the same messages the page
// sends: default topology, commands with their replies, time, scenarios.

import { describe, expect, it } from 'vitest';
import { E } from '../src/engine/resp/reply';
import { EngineHost } from '../src/worker/host';
import { type EngineToUi, PROTOCOL_VERSION, type UiToEngine } from '../src/worker/protocol';

function startHost() {
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
  const lastFrame = (msgs: EngineToUi[]) => msgs.filter((m) => m.type === 'frame').at(-1) as Extract<EngineToUi, { type: 'frame' }>;
  const ready = send({ type: 'hello', version: PROTOCOL_VERSION, seed: 7 });
  return { host, send, command, lastFrame, ready };
}

describe('engine host', () => {
  it('hello starts master m with replicas r1 and r2 already in sync', () => {
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
  });

  it('a write on m reaches r1; a write on r1 is refused with READONLY', () => {
    const { send, command } = startHost();
    expect(command(1, 'm', 'SET', 'greeting', 'hello')).toEqual({ type: 'reply', requestId: 1, reply: { t: 'status', s: 'OK' } });
    send({ type: 'advance', ms: 100 });
    expect(command(2, 'r1', 'GET', 'greeting')).toEqual({ type: 'reply', requestId: 2, reply: { t: 'bulk', s: 'hello' } });
    expect(command(3, 'r1', 'SET', 'x', '1')).toEqual({ type: 'reply', requestId: 3, reply: { t: 'error', s: E.readonly } });
  });

  it('a command to an unknown node is an error tied to its request', () => {
    const { command } = startHost();
    expect(command(9, 'nope', 'PING')).toMatchObject({ type: 'error', requestId: 9 });
  });

  it('playing advances virtual time by wall time × speed; pausing stops it', () => {
    const { host, send, lastFrame } = startHost();
    const t0 = lastFrame(send({ type: 'advance', ms: 0 })).nowMs;
    send({ type: 'play', speed: 2 });
    host.tick(25);
    host.tick(25.5);
    const t1 = lastFrame(send({ type: 'advance', ms: 0 })).nowMs;
    expect(t1 - t0).toBe(101);
    send({ type: 'pause' });
    host.tick(1000);
    expect(lastFrame(send({ type: 'advance', ms: 0 })).nowMs).toBe(t1);
  });

  it('refuses another protocol version and a bad speed with a message', () => {
    const { send } = startHost();
    expect(send({ type: 'hello', version: PROTOCOL_VERSION + 1, seed: 1 })[0]).toMatchObject({ type: 'error' });
    expect(send({ type: 'play', speed: -1 })[0]).toMatchObject({ type: 'error' });
  });

  it('load-scenario replaces the world; a bad line is reported with its number', () => {
    const { send } = startHost();
    const loaded = send({ type: 'load-scenario', seed: 1, text: 'node a\nnode b replicaof $a\nsync\na> SET k v\n' });
    expect(loaded[0].type).toBe('ready');
    if (loaded[0].type === 'ready') expect(loaded[0].nodes.map((n) => n.name)).toEqual(['a', 'b']);
    const bad = send({ type: 'load-scenario', seed: 1, text: 'node a\nfrobnicate\n' });
    expect(bad[0]).toMatchObject({ type: 'error' });
    if (bad[0].type === 'error') expect(bad[0].message).toContain('line 2');
  });
});
