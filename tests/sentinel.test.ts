// Redis Sentinel in the engine, driven through the World API: monitoring,
// discovery, SDOWN/ODOWN, election, replica selection, the failover state
// machine and the SENTINEL command replies, as sentinel.c of Redis 7.0 does.

import { describe, expect, it } from 'vitest';
import { argvByteLength } from '../src/engine/resp/encode';
import { Session } from '../src/engine/session';
import type { Reply } from '../src/engine/resp/reply';
import type { TraceEvent } from '../src/engine/trace';
import { World } from '../src/engine/world';

const FAST: [string, string][] = [
  ['repl-ping-replica-period', '3600'],
  ['repl-diskless-sync-delay', '0'],
  ['save', ''],
];

function world(seed = 1): World {
  return new World({ seed, trace: true });
}

function cmd(w: World, node: string, ...argv: string[]): Reply {
  return w.command(node, w.connect(node), argv);
}

/** A flat field/value reply (SENTINEL MASTER, one entry of REPLICAS...) as a map. */
function fields(r: Reply): Record<string, string> {
  if (r.t !== 'array') throw new Error(`not an array: ${JSON.stringify(r)}`);
  const o: Record<string, string> = {};
  for (let i = 0; i + 1 < r.a.length; i += 2) {
    const k = r.a[i];
    const v = r.a[i + 1];
    if (k.t === 'bulk' && v.t === 'bulk') o[k.s] = v.s;
  }
  return o;
}

function list(r: Reply): Record<string, string>[] {
  if (r.t !== 'array') throw new Error(`not an array: ${JSON.stringify(r)}`);
  return r.a.map(fields);
}

function addr(r: Reply): string {
  if (r.t !== 'array') return JSON.stringify(r);
  return r.a.map((x) => (x.t === 'bulk' ? x.s : '?')).join(':');
}

function events(trace: TraceEvent[], node?: string): string[] {
  const out: string[] = [];
  for (const e of trace) if (e.t === 'sentinel' && (!node || e.node === node)) out.push(`${e.event} ${e.text}`);
  return out;
}

/** m with replicas, synced, plus one Sentinel on m. */
function setup(opts: { replicas?: [string, string][][]; quorum?: number; sentinelOpts?: [string, string][]; sentinels?: number; seed?: number } = {}): World {
  const w = world(opts.seed);
  const m = w.addNode('m', FAST);
  (opts.replicas ?? [[]]).forEach((extra, i) => {
    w.addNode(`r${i + 1}`, [...FAST, ['replicaof', `${m.host} ${m.port}`], ...extra]);
  });
  w.runUntil(() => w.views().every((v) => v.role === 'master' || v.linkState === 'connected'), 10_000);
  const n = opts.sentinels ?? 1;
  for (let i = 1; i <= n; i++) {
    w.addSentinel(`s${i}`, 'mym', m.host, m.port, opts.quorum ?? 1, opts.sentinelOpts ?? [['down-after-milliseconds', '2000'], ['failover-timeout', '10000']]);
  }
  return w;
}

describe('a Sentinel process', () => {
  it('answers PING and ROLE with the masters it monitors, and has no data commands', () => {
    const w = setup();
    expect(cmd(w, 's1', 'PING')).toEqual({ t: 'status', s: 'PONG' });
    expect(cmd(w, 's1', 'ROLE')).toEqual({ t: 'array', a: [{ t: 'bulk', s: 'sentinel' }, { t: 'array', a: [{ t: 'bulk', s: 'mym' }] }] });
    expect(cmd(w, 's1', 'SET', 'a', 'b')).toEqual({ t: 'error', s: "ERR unknown command 'SET', with args beginning with: 'a' 'b' " });
    expect(cmd(w, 's1', 'CONFIG', 'GET', 'port')).toEqual({ t: 'error', s: "ERR unknown command 'CONFIG', with args beginning with: 'GET' 'port' " });
    expect(cmd(w, 's1', 'SENTINEL', 'foo')).toEqual({ t: 'error', s: "ERR unknown subcommand 'foo'. Try SENTINEL HELP." });
    expect(cmd(w, 's1', 'SENTINEL', 'master')).toEqual({ t: 'error', s: "ERR wrong number of arguments for 'sentinel|master' command" });
    expect(cmd(w, 's1', 'SENTINEL', 'master', 'nosuch')).toEqual({ t: 'error', s: 'ERR No such master with that name' });
    expect(cmd(w, 's1', 'SENTINEL', 'get-master-addr-by-name', 'nosuch')).toEqual({ t: 'nullarray' });
    expect(addr(cmd(w, 's1', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6379');
    const myid = cmd(w, 's1', 'SENTINEL', 'myid');
    expect(myid.t === 'bulk' && /^[0-9a-f]{40}$/.test(myid.s)).toBe(true);
  });

  it('takes its own port from the world and is ignored by node views as a data node', () => {
    const w = setup();
    expect(w.address('s1')).toEqual({ name: 's1', host: '127.0.0.1', port: 6381 });
    expect(w.views().find((v) => v.name === 's1')?.sentinel).toBe(true);
    expect(w.views().find((v) => v.name === 'm')?.sentinel).toBeUndefined();
  });

  it('refuses a bad monitor configuration the way Sentinel does at startup', () => {
    const w = world();
    const m = w.addNode('m', FAST);
    expect(() => w.addSentinel('s1', 'mym', m.host, m.port, 0)).toThrow('Quorum must be 1 or greater.');
    expect(() => w.addSentinel('s1', 'mym', m.host, m.port, 1, [['down-after-milliseconds', '0']])).toThrow('negative or zero time parameter.');
    expect(() => w.addSentinel('s1', 'mym', m.host, m.port, 1, [['bogus', '1']])).toThrow('Unrecognized sentinel configuration statement.');
    expect(w.hasNode('s1')).toBe(false);
  });
});

describe('monitoring', () => {
  it('discovers the replicas from the master INFO, with their link status and priority', () => {
    const w = setup({ replicas: [[['replica-priority', '50']]] });
    w.advance(3000);
    const master = fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym'));
    expect(master.flags).toBe('master');
    expect(master['num-slaves']).toBe('1');
    expect(master['role-reported']).toBe('master');
    const [r] = list(cmd(w, 's1', 'SENTINEL', 'replicas', 'mym'));
    expect(r.name).toBe('127.0.0.1:6380');
    expect(r.flags).toBe('slave');
    expect(r['master-link-status']).toBe('ok');
    expect(r['slave-priority']).toBe('50');
    expect(r['master-port']).toBe('6379');
    expect(events(w.drainTrace(), 's1')).toContain('+slave slave 127.0.0.1:6380 127.0.0.1 6380 @ mym 127.0.0.1 6379');
  });

  it('publishes a hello every 2 s that the master propagates: 127 bytes each with 4-digit ports and epoch 0', () => {
    const w = setup();
    w.advance(5000);
    const payload = `127.0.0.1,6381,${'x'.repeat(40)},0,mym,127.0.0.1,6379,0`;
    const hello = argvByteLength(['PUBLISH', '__sentinel__:hello', payload]);
    expect(hello).toBe(127);
    const before = w.node('m').repl.offset;
    w.advance(20_000);
    const grown = w.node('m').repl.offset - before;
    expect(grown % hello).toBe(0);
    expect(grown / hello).toBeGreaterThanOrEqual(9);
    expect(grown / hello).toBeLessThanOrEqual(10);
  });

  it('delivers hellos published on the master to subscribers of its replicas', () => {
    const w = setup();
    const sub = w.connect('r1');
    expect(w.command('r1', sub, ['SUBSCRIBE', '__sentinel__:hello'])).toEqual({
      t: 'array',
      a: [{ t: 'bulk', s: 'subscribe' }, { t: 'bulk', s: '__sentinel__:hello' }, { t: 'int', n: 1 }],
    });
    w.advance(2500);
    const msg = w.takeReply('r1', sub);
    expect(msg?.t === 'array' && msg.a[0]).toEqual({ t: 'bulk', s: 'message' });
    const text = msg?.t === 'array' && msg.a[2].t === 'bulk' ? msg.a[2].s : '';
    expect(text).toMatch(/^127\.0\.0\.1,6381,[0-9a-f]{40},0,mym,127\.0\.0\.1,6379,0$/);
  });

  it('three Sentinels find each other through hellos and can reach quorum and majority', () => {
    const w = setup({ sentinels: 3, quorum: 2 });
    w.advance(6000);
    for (const s of ['s1', 's2', 's3']) {
      expect(fields(cmd(w, s, 'SENTINEL', 'master', 'mym'))['num-other-sentinels']).toBe('2');
      const peers = list(cmd(w, s, 'SENTINEL', 'sentinels', 'mym'));
      expect(peers.map((p) => p.flags)).toEqual(['sentinel', 'sentinel']);
    }
    expect(cmd(w, 's1', 'SENTINEL', 'ckquorum', 'mym')).toEqual({ t: 'status', s: 'OK 3 usable Sentinels. Quorum and failover authorization can be reached' });
    const info = cmd(w, 's2', 'INFO', 'sentinel');
    expect(info.t === 'bulk' && info.s).toContain('master0:name=mym,status=ok,address=127.0.0.1:6379,slaves=1,sentinels=3');
  });

  it('CKQUORUM explains why a quorum larger than the usable Sentinels cannot be reached', () => {
    const w = setup({ quorum: 2 });
    w.advance(3000);
    expect(cmd(w, 's1', 'SENTINEL', 'ckquorum', 'mym')).toEqual({
      t: 'error',
      s: 'NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the specified quorum for this master',
    });
  });

  it('a Sentinel cut off from the master sees it s_down, but without a second opinion no o_down and no failover', () => {
    const w = setup({ sentinels: 3, quorum: 2 });
    w.advance(6000);
    w.drainTrace();
    w.setLink('s1', 'm', { cut: true });
    w.advance(8000);
    const ev = events(w.drainTrace());
    expect(ev).toContain('+sdown master mym 127.0.0.1 6379');
    expect(ev.some((e) => e.startsWith('+odown'))).toBe(false);
    expect(ev.some((e) => e.startsWith('+try-failover'))).toBe(false);
    // The TCP connection is not closed by a cut link: the link is not "disconnected", the PINGs go unanswered.
    expect(fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym')).flags).toBe('s_down,master');
    expect(fields(cmd(w, 's2', 'SENTINEL', 'master', 'mym')).flags).toBe('master');
  });
});

describe('authentication', () => {
  it('with auth-pass a Sentinel monitors a password-protected master; without it, NOAUTH replies make it s_down', () => {
    const w = world();
    const m = w.addNode('m', [...FAST, ['requirepass', 'pw']]);
    w.addNode('r1', [...FAST, ['replicaof', `${m.host} ${m.port}`], ['masterauth', 'pw'], ['requirepass', 'pw']]);
    w.advance(1000);
    w.addSentinel('s1', 'mym', m.host, m.port, 1, [['down-after-milliseconds', '2000'], ['auth-pass', 'pw']]);
    w.addSentinel('s2', 'other', m.host, m.port, 1, [['down-after-milliseconds', '2000']]);
    w.advance(4000);
    const ok = fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym'));
    expect(ok.flags).toBe('master');
    expect(ok['num-slaves']).toBe('1');
    expect(list(cmd(w, 's1', 'SENTINEL', 'replicas', 'mym'))[0]['master-link-status']).toBe('ok');
    const refused = fields(cmd(w, 's2', 'SENTINEL', 'master', 'other'));
    expect(refused.flags).toBe('s_down,o_down,master');
    expect(refused['num-slaves']).toBe('0');
  });
});

describe('failover', () => {
  it('a dead master goes s_down, o_down (quorum 1), and the replica is promoted with the event sequence of sentinel.c', () => {
    const w = setup();
    w.advance(3000);
    w.drainTrace();
    w.crash('m');
    w.advance(10_000);
    const ev = events(w.drainTrace(), 's1').map((e) => e.split(' ')[0]);
    const order = [
      '+sdown',
      '+odown',
      '+new-epoch',
      '+try-failover',
      '+vote-for-leader',
      '+elected-leader',
      '+failover-state-select-slave',
      '+selected-slave',
      '+failover-state-send-slaveof-noone',
      '+failover-state-wait-promotion',
      '+promoted-slave',
      '+failover-state-reconf-slaves',
      '+failover-end',
      '+switch-master',
    ];
    expect(ev.filter((e) => order.includes(e)).slice(0, order.length)).toEqual(order);
    expect(addr(cmd(w, 's1', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6380');
    const master = fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym'));
    expect(master['config-epoch']).toBe('1');
    const [old] = list(cmd(w, 's1', 'SENTINEL', 'replicas', 'mym'));
    expect(old.name).toBe('127.0.0.1:6379');
    expect(old.flags).toBe('s_down,slave,disconnected');
    expect(cmd(w, 'r1', 'SET', 'b', '2')).toEqual({ t: 'status', s: 'OK' });
  });

  it('promotes the replica with the lower replica-priority and reconfigures the other one', () => {
    const w = setup({ replicas: [[['replica-priority', '20']], [['replica-priority', '10']]] });
    w.advance(3000);
    w.crash('m');
    w.advance(12_000);
    expect(addr(cmd(w, 's1', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6381');
    const ev = events(w.drainTrace(), 's1');
    expect(ev).toContain('+slave-reconf-sent slave 127.0.0.1:6380 127.0.0.1 6380 @ mym 127.0.0.1 6379');
    expect(ev).toContain('+slave-reconf-done slave 127.0.0.1:6380 127.0.0.1 6380 @ mym 127.0.0.1 6379');
    expect(w.node('r1').repl.masterPort).toBe(6381);
    cmd(w, 'r2', 'SET', 'k', 'v');
    w.advance(100);
    expect(cmd(w, 'r1', 'GET', 'k')).toEqual({ t: 'bulk', s: 'v' });
  });

  it('never promotes a replica with priority 0: the failover aborts with no good slave', () => {
    const w = setup({ replicas: [[['replica-priority', '0']]], sentinelOpts: [['down-after-milliseconds', '1000'], ['failover-timeout', '60000']] });
    w.advance(2000);
    w.crash('m');
    w.advance(5000);
    expect(events(w.drainTrace(), 's1')).toContain('-failover-abort-no-good-slave master mym 127.0.0.1 6379');
    expect(addr(cmd(w, 's1', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6379');
    expect(fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym')).flags).toBe('s_down,o_down,master,disconnected');
    expect(cmd(w, 's1', 'SENTINEL', 'failover', 'mym')).toEqual({ t: 'error', s: 'NOGOODSLAVE No suitable replica to promote' });
  });

  it('SENTINEL FAILOVER forces a failover of a healthy master and refuses a second one while it runs', () => {
    const w = setup();
    w.advance(3000);
    expect(cmd(w, 's1', 'SENTINEL', 'failover', 'mym')).toEqual({ t: 'status', s: 'OK' });
    const running = fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym'));
    expect(running.flags).toBe('master,failover_in_progress,force_failover');
    expect(running['failover-state']).toBe('wait_start');
    expect(cmd(w, 's1', 'SENTINEL', 'failover', 'mym')).toEqual({ t: 'error', s: 'INPROG Failover already in progress' });
    w.advance(5000);
    expect(addr(cmd(w, 's1', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6380');
    expect(cmd(w, 's1', 'SENTINEL', 'failover', 'nosuch')).toEqual({ t: 'error', s: 'ERR No such master with that name' });
  });

  it('converts the old master into a replica of the new one when it comes back as a master', () => {
    const w = setup();
    w.advance(3000);
    cmd(w, 'm', 'SET', 'a', '1');
    w.advance(1500);
    w.crash('m');
    w.advance(8000);
    cmd(w, 'r1', 'SET', 'b', '2');
    w.restart('m');
    expect(w.node('m').repl.masterHost).toBeNull();
    w.advance(15_000);
    expect(events(w.drainTrace(), 's1')).toContain('+convert-to-slave slave 127.0.0.1:6379 127.0.0.1 6379 @ mym 127.0.0.1 6380');
    expect(w.node('m').repl.masterPort).toBe(6380);
    expect(cmd(w, 'm', 'GET', 'b')).toEqual({ t: 'bulk', s: '2' });
    expect(cmd(w, 'm', 'SET', 'c', '3')).toEqual({ t: 'error', s: "READONLY You can't write against a read only replica." });
  });

  it('with three Sentinels one leader is elected by majority and the others adopt its configuration', () => {
    const w = setup({ sentinels: 3, quorum: 2, seed: 7 });
    w.advance(6000);
    w.drainTrace();
    w.crash('m');
    w.advance(15_000);
    const trace = w.drainTrace();
    const leaders = new Set(trace.filter((e) => e.t === 'sentinel' && e.event === '+elected-leader').map((e) => (e.t === 'sentinel' ? e.node : '')));
    expect(leaders.size).toBe(1);
    const followers = ['s1', 's2', 's3'].filter((s) => !leaders.has(s));
    for (const s of followers) expect(events(trace, s).some((e) => e.startsWith('+config-update-from'))).toBe(true);
    for (const s of ['s1', 's2', 's3']) {
      expect(addr(cmd(w, s, 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6380');
      expect(fields(cmd(w, s, 'SENTINEL', 'master', 'mym'))['config-epoch']).toBe('1');
    }
  });
});

describe('elections and persistence', () => {
  it('IS-MASTER-DOWN-BY-ADDR grants one vote per epoch and adopts a greater epoch', () => {
    const w = setup();
    w.advance(2000);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const vote = (epoch: number, runid: string) => cmd(w, 's1', 'SENTINEL', 'is-master-down-by-addr', '127.0.0.1', '6379', String(epoch), runid);
    const v = (down: number, leader: string, epoch: number): Reply => ({ t: 'array', a: [{ t: 'int', n: down }, { t: 'bulk', s: leader }, { t: 'int', n: epoch }] });
    expect(vote(0, '*')).toEqual(v(0, '*', 0));
    expect(vote(5, a)).toEqual(v(0, a, 5));
    expect(vote(5, b)).toEqual(v(0, a, 5));
    expect(vote(6, b)).toEqual(v(0, b, 6));
    expect(events(w.drainTrace(), 's1').filter((e) => e.startsWith('+vote-for-leader'))).toEqual([`+vote-for-leader ${a} 5`, `+vote-for-leader ${b} 6`]);
    expect(cmd(w, 's1', 'SENTINEL', 'is-master-down-by-addr', '127.0.0.1', 'x', '0', '*')).toEqual({ t: 'error', s: 'ERR value is not an integer or out of range' });
  });

  it('a restarted Sentinel keeps its id, epoch and what it learned (replicas, other Sentinels, the new master)', () => {
    const w = setup({ sentinels: 2, quorum: 1 });
    w.advance(6000);
    const id = cmd(w, 's1', 'SENTINEL', 'myid');
    cmd(w, 's1', 'SENTINEL', 'failover', 'mym');
    w.advance(6000);
    w.restart('s1');
    expect(cmd(w, 's1', 'SENTINEL', 'myid')).toEqual(id);
    expect(addr(cmd(w, 's1', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6380');
    const m = fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym'));
    expect(m['num-slaves']).toBe('1');
    expect(m['num-other-sentinels']).toBe('1');
    expect(m['config-epoch']).toBe('1');
    w.advance(3000);
    expect(list(cmd(w, 's1', 'SENTINEL', 'sentinels', 'mym')).map((p) => p.flags)).toEqual(['sentinel']);
  });

  it('is deterministic: the same seed gives the same Sentinel events, also from a snapshot taken mid-failover', () => {
    const run = (): { w: World; ev: string[] } => {
      const w = setup({ sentinels: 3, quorum: 2, seed: 3 });
      w.advance(6000);
      w.crash('m');
      w.advance(1500);
      return { w, ev: events(w.drainTrace()) };
    };
    const a = run();
    const b = run();
    expect(a.ev).toEqual(b.ev);
    const snap = a.w.snapshot();
    a.w.advance(10_000);
    const restored = World.restore(snap);
    restored.drainTrace();
    restored.advance(10_000);
    expect(events(restored.drainTrace())).toEqual(events(a.w.drainTrace()));
    expect(addr(cmd(restored, 's2', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe(addr(cmd(a.w, 's2', 'SENTINEL', 'get-master-addr-by-name', 'mym')));
  });
});

describe('time travel', () => {
  it('a session with a Sentinel replays to the same state from any snapshot', () => {
    const s = new Session({ seed: 5, snapshotEveryMs: 1000 });
    const t0 = s.nowMs;
    s.input({ t: 'node', name: 'm', config: FAST });
    s.input({ t: 'node', name: 'r1', config: [...FAST, ['replicaof', '127.0.0.1 6379']] });
    s.advance(2000);
    s.input({ t: 'sentinel', name: 's1', masterName: 'mym', host: '127.0.0.1', port: 6379, quorum: 1, options: [['down-after-milliseconds', '2000']] });
    s.advance(4000);
    s.input({ t: 'crash', node: 'm' });
    s.advance(9000);
    const fromStart = s.worldAt(t0 + 15_000);
    const live = s.world;
    expect(fromStart.nowMs).toBe(live.nowMs);
    expect(addr(cmd(fromStart, 's1', 'SENTINEL', 'get-master-addr-by-name', 'mym'))).toBe('127.0.0.1:6380');
    expect(JSON.stringify(fromStart.node('s1').sentinel)).toBe(JSON.stringify(live.node('s1').sentinel));
    const mid = s.worldAt(t0 + 7500);
    mid.advanceTo(live.nowMs);
    expect(JSON.stringify(mid.node('s1').sentinel)).toBe(JSON.stringify(live.node('s1').sentinel));
  });
});

describe('client connections of Sentinel', () => {
  it('CLIENT KILL TYPE pubsub closes the Pub/Sub links, and Sentinel reconnects them', () => {
    const w = setup();
    w.advance(3000);
    const subscribed = () => Object.values(w.node('m').clients).filter((c) => c.subs?.length).length;
    expect(subscribed()).toBe(1);
    expect(cmd(w, 'm', 'CLIENT', 'KILL', 'TYPE', 'pubsub')).toEqual({ t: 'int', n: 1 });
    expect(subscribed()).toBe(0);
    w.advance(5);
    expect(fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym')).flags).toBe('master,disconnected');
    w.advance(1500);
    expect(subscribed()).toBe(1);
    expect(fields(cmd(w, 's1', 'SENTINEL', 'master', 'mym')).flags).toBe('master');
  });
});
