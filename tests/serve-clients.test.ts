// Serve mode with a real client library: ioredis (from npm) against the
// served nodes, as an application would use it.
//
//  1. A small application on the served master of the default lab (m, r1, r2):
//     strings, counters, pipelines, MULTI/EXEC, WATCH, hashes, lists, Pub/Sub.
//  2. The same data read back from a replica (after WAIT 2 100), and writes to
//     the replica refused with READONLY, as ioredis reports them.
//  3. A lab with three Sentinels: ioredis finds the master through them
//     (`sentinels: [...]`, `name: 'mymaster'`), the master is crashed on the
//     admin port, and the client follows the failover to the promoted replica,
//     whose port is what every Sentinel answers to get-master-addr-by-name.
//     The old master, restarted, becomes a replica; then SENTINEL FAILOVER
//     (old master up) with ioredis' failoverDetector (+switch-master).
//
// Expected values were written down from ioredis against redis-server 7.0.15
// (a master with replicas; for Sentinel, the replies sentinel.c gives). One
// difference is expected: Redis 7 accepts ioredis' HELLO 3 and the served
// nodes refuse it (NOPROTO), so ioredis talks RESP2 to them; the replies an
// application sees are the same.
//
// Ports: 7750-7799. Time: the Sentinel lab runs at 10x the wall clock.

import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServeLab } from '../src/serve/lab';
import { eventually } from './helpers/poll';
import { freePorts } from './helpers/ports';

const HOST = '127.0.0.1';
const FIRST_PORT = 7750;
const LAST_PORT = 7799;
const READONLY = "READONLY You can't write against a read only replica.";

/** The clients of the lab being tested, closed before the lab stops (so none reconnects to the next lab's ports). */
const clients: Redis[] = [];

function closeClients(): void {
  for (const c of clients.splice(0)) c.disconnect();
}

function connect(opts: RedisOptions): Redis {
  const c = new Redis({ host: HOST, retryStrategy: () => 100, ...opts });
  // Connection errors during a crash are expected; commands report their own errors.
  c.on('error', () => {});
  clients.push(c);
  return c;
}

/** A flat field/value list (SENTINEL replicas, ...) as an object, as ioredis' packObject does. */
function fields(flat: unknown): Record<string, string> {
  const a = flat as string[];
  const o: Record<string, string> = {};
  for (let i = 0; i + 1 < a.length; i += 2) o[a[i]] = a[i + 1];
  return o;
}

/** One field of an INFO reply. */
function infoField(info: string, name: string): string | undefined {
  for (const line of info.split('\r\n')) if (line.startsWith(`${name}:`)) return line.slice(name.length + 1);
  return undefined;
}

/** The TCP port of the server this client is connected to (INFO server's tcp_port). */
async function servedPort(c: Redis): Promise<number> {
  return Number(infoField(await c.info('server'), 'tcp_port'));
}

async function masterAddr(sentinel: Redis, name: string): Promise<[string, number]> {
  const r = (await sentinel.call('SENTINEL', 'get-master-addr-by-name', name)) as [string, string];
  return [r[0], Number(r[1])];
}

// Generous timeouts: CI runs this on 2 cores beside the other test files.
describe('ioredis against the served master and replicas', { timeout: 60_000 }, () => {
  let lab: ServeLab;
  let m: Redis;
  let r1: Redis;

  beforeAll(async () => {
    const base = await freePorts(4, FIRST_PORT, LAST_PORT);
    lab = await ServeLab.start({ basePort: base, adminPort: base + 3 });
    m = connect({ port: lab.port('m'), connectionName: 'shop' });
    r1 = connect({ port: lab.port('r1') });
  }, 60_000);

  afterAll(async () => {
    closeClients();
    await lab?.stop();
  });

  it('connects (ready check with INFO), with its CLIENT SETNAME applied', async () => {
    expect(await m.ping()).toBe('PONG');
    expect(m.status).toBe('ready');
    expect(await m.client('GETNAME')).toBe('shop');
    expect(await m.client('INFO')).toMatch(new RegExp(`^id=\\d+ addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:${lab.port('m')} fd=\\d+ name=shop `));
    // ioredis 5+ sends CLIENT SETINFO (Redis 7.2) and ignores the error Redis 7.0 gives.
    await expect(m.client('SETINFO', 'LIB-NAME', 'x')).rejects.toThrow("ERR unknown subcommand 'SETINFO'. Try CLIENT HELP.");
  });

  it('runs a small application: counters, strings with options, hashes, lists', async () => {
    expect(await m.set('shop:name', 'Replica Lab')).toBe('OK');
    expect(await m.get('shop:name')).toBe('Replica Lab');
    expect(await m.incr('shop:visits')).toBe(1);
    expect(await m.incrby('shop:visits', 41)).toBe(42);
    expect(await m.set('shop:lock', 'me', 'EX', 100, 'NX')).toBe('OK');
    expect(await m.set('shop:lock', 'you', 'EX', 100, 'NX')).toBeNull();
    expect(await m.ttl('shop:lock')).toBe(100);
    expect(await m.mget('shop:name', 'shop:visits', 'shop:none')).toEqual(['Replica Lab', '42', null]);

    expect(await m.hset('cart:1', 'apple', '3', 'pear', '1')).toBe(2);
    expect(await m.hincrby('cart:1', 'pear', 2)).toBe(3);
    expect(await m.hgetall('cart:1')).toEqual({ apple: '3', pear: '3' });

    expect(await m.rpush('orders', 'o1', 'o2', 'o3')).toBe(3);
    expect(await m.lpop('orders', 2)).toEqual(['o1', 'o2']);
    expect(await m.lrange('orders', 0, -1)).toEqual(['o3']);
    await expect(m.lpush('shop:name', 'x')).rejects.toThrow('WRONGTYPE Operation against a key holding the wrong kind of value');
  });

  it('pipelines: replies in order, an error in the middle does not stop the rest', async () => {
    const res = await m.pipeline().set('pipe:s', 'abc').incr('pipe:s').get('pipe:s').incr('pipe:n').exec();
    expect(res?.map(([e, v]) => (e ? e.message : v))).toEqual(['OK', 'ERR value is not an integer or out of range', 'abc', 1]);
  });

  it('MULTI/EXEC: results in order, EXECABORT after a queueing error, null when a WATCHed key changed', async () => {
    expect(await m.multi().set('tx:c', '1').incrby('tx:c', 5).exec()).toEqual([
      [null, 'OK'],
      [null, 6],
    ]);
    // A wrong number of arguments is refused while queueing: EXEC discards the transaction.
    await expect(m.multi().call('SET', 'tx:c').incr('tx:c').exec()).rejects.toThrow('EXECABORT Transaction discarded because of previous errors.');
    expect(await m.get('tx:c')).toBe('6');
    // Errors at run time stay inside EXEC's reply.
    const mixed = await m.multi().set('tx:w', 'x').lpush('tx:w', 'y').get('tx:w').exec();
    expect(mixed?.map(([e, v]) => (e ? e.message : v))).toEqual(['OK', 'WRONGTYPE Operation against a key holding the wrong kind of value', 'x']);

    const other = connect({ port: lab.port('m') });
    expect(await m.watch('tx:c')).toBe('OK');
    expect(await other.incr('tx:c')).toBe(7);
    expect(await m.multi().set('tx:c', '0').exec()).toBeNull();
    expect(await m.get('tx:c')).toBe('7');
  });

  it('Pub/Sub: a subscriber on the master and one on a replica both get what is published on the master', async () => {
    const onMaster = connect({ port: lab.port('m') });
    const onReplica = connect({ port: lab.port('r2') });
    const got: string[] = [];
    onMaster.on('message', (ch: string, msg: string) => got.push(`m ${ch} ${msg}`));
    onReplica.on('message', (ch: string, msg: string) => got.push(`r2 ${ch} ${msg}`));
    expect(await onMaster.subscribe('news')).toBe(1);
    expect(await onReplica.subscribe('news')).toBe(1);
    // PUBLISH counts the master's own subscribers; Redis propagates it to the replicas, whose subscribers get it too.
    expect(await m.publish('news', 'sale')).toBe(1);
    await eventually(async () => got.length === 2, 10_000, 'both messages');
    expect(got.sort()).toEqual(['m news sale', 'r2 news sale']);
  });

  it('reads the writes back from a replica after WAIT 2 100', async () => {
    expect(await m.set('stock:apple', '7')).toBe('OK');
    expect(await m.wait(2, 100)).toBe(2);
    expect(await r1.get('shop:name')).toBe('Replica Lab');
    expect(await r1.get('shop:visits')).toBe('42');
    expect(await r1.get('stock:apple')).toBe('7');
    expect(await r1.hgetall('cart:1')).toEqual({ apple: '3', pear: '3' });
    expect(await r1.lrange('orders', 0, -1)).toEqual(['o3']);
    expect(await r1.get('tx:c')).toBe('7');
    const role = (await r1.role()) as [string, string, number, string, number];
    expect(role.slice(0, 4)).toEqual(['slave', '127.0.0.1', lab.port('m'), 'connected']);
    expect(infoField(await r1.info('replication'), 'master_port')).toBe(String(lab.port('m')));
  });

  it('writes to the replica fail with READONLY (command, pipeline, MULTI)', async () => {
    await expect(r1.set('stock:apple', '0')).rejects.toThrow(READONLY);
    await expect(r1.incr('shop:visits')).rejects.toThrow(READONLY);
    const res = await r1.pipeline().get('stock:apple').hset('cart:1', 'kiwi', '1').exec();
    expect(res?.map(([e, v]) => (e ? e.message : v))).toEqual(['7', READONLY]);
    await expect(r1.multi().set('stock:apple', '0').get('stock:apple').exec()).rejects.toThrow('EXECABORT Transaction discarded because of previous errors.');
    expect(await m.get('stock:apple')).toBe('7');
  });
});

// Three Sentinels, quorum 2, watching m under the name ioredis is given. The
// sleep lets them find each other (hellos every 2 s) before serving starts.
const SENTINEL_SCENARIO = `
node m repl-diskless-sync-delay 0 save ""
node r1 replicaof $m repl-diskless-sync-delay 0
node r2 replicaof $m repl-diskless-sync-delay 0
sync
sentinel s1 monitor mymaster $m 2 down-after-milliseconds 2000 failover-timeout 5000
sentinel s2 monitor mymaster $m 2 down-after-milliseconds 2000 failover-timeout 5000
sentinel s3 monitor mymaster $m 2 down-after-milliseconds 2000 failover-timeout 5000
sleep 6000
`;

// Generous timeouts: CI runs this on 2 cores beside the other test files.
describe('ioredis with the served Sentinels', { timeout: 60_000 }, () => {
  let lab: ServeLab;
  let port: Record<'m' | 'r1' | 'r2' | 's1' | 's2' | 's3', number>;
  let s1: Redis;
  let app: Redis;
  let newMaster = 0;

  const viaSentinels = (opts: RedisOptions = {}): Redis =>
    connect({
      sentinels: [port.s1, port.s2, port.s3].map((p) => ({ host: HOST, port: p })),
      name: 'mymaster',
      sentinelRetryStrategy: () => 100,
      ...opts,
    });

  beforeAll(async () => {
    const base = await freePorts(7, FIRST_PORT, LAST_PORT);
    lab = await ServeLab.start({ scenario: SENTINEL_SCENARIO, basePort: base, adminPort: base + 6, speed: 10 });
    expect(lab.warnings).toEqual([]);
    const p = (n: string): number => lab.port(n) ?? 0;
    port = { m: p('m'), r1: p('r1'), r2: p('r2'), s1: p('s1'), s2: p('s2'), s3: p('s3') };
    s1 = connect({ port: port.s1 });
  }, 60_000);

  afterAll(async () => {
    closeClients();
    await lab?.stop();
  });

  it('the Sentinels give out the served ports of the master, the replicas and each other', async () => {
    expect(await s1.role()).toEqual(['sentinel', ['mymaster']]);
    expect(await masterAddr(s1, 'mymaster')).toEqual([HOST, port.m]);
    const replicas = ((await s1.call('SENTINEL', 'replicas', 'mymaster')) as unknown[]).map(fields);
    expect(replicas.map((r) => `${r.ip}:${r.port} ${r.flags}`).sort()).toEqual([`${HOST}:${port.r1} slave`, `${HOST}:${port.r2} slave`]);
    // ioredis adds these to its list of Sentinels (updateSentinels).
    const sentinels = ((await s1.call('SENTINEL', 'sentinels', 'mymaster')) as unknown[]).map(fields);
    expect(sentinels.map((s) => `${s.ip}:${s.port} ${s.flags}`).sort()).toEqual([`${HOST}:${port.s2} sentinel`, `${HOST}:${port.s3} sentinel`]);
    expect(infoField(await s1.info('sentinel'), 'master0')).toBe(`name=mymaster,status=ok,address=${HOST}:${port.m},slaves=2,sentinels=3`);
    // Every address given out answers.
    for (const p of [port.r1, port.r2]) expect(await connect({ port: p }).ping()).toBe('PONG');
    for (const p of [port.s2, port.s3]) expect(await connect({ port: p }).role()).toEqual(['sentinel', ['mymaster']]);
  });

  it('ioredis finds the master through the Sentinels; role "slave" finds a replica', async () => {
    app = viaSentinels();
    expect(await app.set('order:1', 'paid')).toBe('OK');
    expect(await servedPort(app)).toBe(port.m);
    expect(((await app.role()) as unknown[])[0]).toBe('master');
    expect(await app.wait(2, 1000)).toBe(2);

    const reader = viaSentinels({ role: 'slave' });
    expect(await reader.get('order:1')).toBe('paid');
    expect([port.r1, port.r2]).toContain(await servedPort(reader));
    await expect(reader.set('order:1', 'x')).rejects.toThrow(READONLY);
  });

  it('follows the failover when the master is crashed on the admin port', async () => {
    const switches: string[] = [];
    const events = connect({ port: port.s2 });
    events.on('message', (ch: string, msg: string) => switches.push(`${ch} ${msg}`));
    expect(await events.subscribe('+switch-master')).toBe(1);

    const admin = connect({ host: HOST, port: lab.adminPort });
    expect(await admin.call('CRASH', 'm')).toBe('OK');

    // The application keeps writing; ioredis asks the Sentinels again until the promoted replica answers as a master.
    let written = 0;
    await eventually(
      async () => {
        try {
          await app.set('order:2', 'paid');
          written = await servedPort(app);
          return written !== port.m;
        } catch {
          return false;
        }
      },
      30_000,
      'a write on the new master',
    );
    expect([port.r1, port.r2]).toContain(written);
    newMaster = written;

    // Every Sentinel gives out the new master, and that is where the client writes.
    for (const p of [port.s1, port.s2, port.s3]) {
      const s = p === port.s1 ? s1 : connect({ port: p });
      await eventually(async () => (await masterAddr(s, 'mymaster'))[1] === newMaster, 30_000, `Sentinel ${p} switching`);
      expect(await masterAddr(s, 'mymaster')).toEqual([HOST, newMaster]);
    }
    // The message may be read after the reply that already gives the new address (two sockets).
    await eventually(async () => switches.length > 0, 10_000, '+switch-master on s2');
    expect(switches).toEqual([`+switch-master mymaster ${HOST} ${port.m} ${HOST} ${newMaster}`]);
    expect(((await app.role()) as unknown[])[0]).toBe('master');
    expect(await app.get('order:1')).toBe('paid');
    expect(await app.get('order:2')).toBe('paid');

    // The other replica now replicates the new master.
    const other = connect({ port: newMaster === port.r1 ? port.r2 : port.r1 });
    await eventually(
      async () => {
        const info = await other.info('replication');
        return infoField(info, 'master_port') === String(newMaster) && infoField(info, 'master_link_status') === 'up';
      },
      30_000,
      'the other replica following the new master',
    );
    expect(await app.wait(1, 1000)).toBe(1);
    expect(await other.get('order:2')).toBe('paid');
  }, 90_000);

  it('the old master, restarted, is turned into a replica of the new one by the Sentinels', async () => {
    expect(newMaster).not.toBe(0);
    const admin = connect({ host: HOST, port: lab.adminPort });
    expect(await admin.call('RESTART', 'm')).toBe('OK');
    const old = connect({ port: port.m });
    await eventually(
      async () => {
        const role = (await old.role()) as unknown[];
        return role[0] === 'slave' && role[2] === newMaster && role[3] === 'connected';
      },
      30_000,
      'm replicating the new master',
    );
    expect(await old.get('order:2')).toBe('paid');
    await expect(old.set('order:3', 'x')).rejects.toThrow(READONLY);
    const replicas = ((await s1.call('SENTINEL', 'replicas', 'mymaster')) as unknown[]).map(fields);
    expect(replicas.map((r) => Number(r.port)).sort()).toEqual([port.m, port.r1, port.r2].filter((p) => p !== newMaster).sort());
  }, 60_000);

  it('SENTINEL FAILOVER: failoverDetector moves at +switch-master, the other client when the old master is demoted', async () => {
    const admin = connect({ host: HOST, port: lab.adminPort });
    // At 1x the Sentinels wait 8 s (4 hello periods) before demoting the old master: room to see the detector act first.
    expect(await admin.call('SPEED', '1')).toBe('OK');
    // ioredis' failoverDetector subscribes to +switch-master on the Sentinels once connected. (Created only now: with
    // ioredis 6.0.0, a +switch-master that arrives while the client is reconnecting after a crash ends the client.)
    const watcher = viaSentinels({ failoverDetector: true });
    const subscribed = new Promise((resolve) => watcher.once('failoverSubscribed', resolve));
    expect(await watcher.set('order:3', 'paid')).toBe('OK');
    await subscribed;
    expect(await servedPort(watcher)).toBe(newMaster);
    expect(await servedPort(app)).toBe(newMaster);

    expect(await s1.call('SENTINEL', 'FAILOVER', 'mymaster')).toBe('OK');
    let promoted = 0;
    await eventually(
      async () => {
        try {
          promoted = await servedPort(watcher);
          return promoted !== newMaster;
        } catch {
          return false;
        }
      },
      30_000,
      'the failoverDetector client on the promoted replica',
    );
    expect(await masterAddr(s1, 'mymaster')).toEqual([HOST, promoted]);
    expect(((await watcher.role()) as unknown[])[0]).toBe('master');
    // The old master has not been told yet: it still says master, and the client without a detector is still there.
    const oldMaster = connect({ port: newMaster });
    expect(((await oldMaster.role()) as unknown[])[0]).toBe('master');

    expect(await admin.call('SPEED', '10')).toBe('OK');
    // The Sentinels turn it into a replica (SLAVEOF, CLIENT KILL TYPE normal): the other client reconnects through them.
    // Until then its writes go to the old master and are lost when it resyncs: only a write seen on the promoted replica counts.
    const direct = connect({ port: promoted });
    await eventually(
      async () => {
        try {
          if ((await servedPort(app)) !== promoted) return false;
          await app.set('order:4', 'paid');
          return (await direct.get('order:4')) === 'paid';
        } catch {
          return false;
        }
      },
      30_000,
      'the client without detector writing on the promoted replica',
    );
    await eventually(
      async () => {
        const role = (await oldMaster.role()) as unknown[];
        return role[0] === 'slave' && role[2] === promoted;
      },
      30_000,
      'the old master demoted',
    );
    expect(await watcher.get('order:4')).toBe('paid');
  }, 90_000);
});
