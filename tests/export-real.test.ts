// The exported files on real Redis: lab topologies built on the engine are
// exported, rewritten for loopback (forLoopback: own ports in 7400-7499,
// `replicaof 127.0.0.1 <port>`, `bind 127.0.0.1`, a temp dir per node) and
// started as real `redis-server <conf>` processes. Then real and simulated
// Redis must agree: the ROLE of every node (and for replicas the master's
// port and a connected link), CONFIG GET of every exported setting, and a
// write on the master read back from every replica. A conf that real Redis
// refuses fails the test with Redis' own words.
// Needs Debian's redis-server 7.0 on the PATH (or REDIS_SERVER); skipped otherwise.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redisServerAvailable } from '../src/conformance/realRedis';
import { type Reply, toResp2 } from '../src/engine/resp/reply';
import { type ExportBundle, exportConfigs } from '../src/export/configs';
import { forLoopback, type LoopbackNode } from '../src/export/loopback';
import { EngineHost } from '../src/worker/host';
import { type EngineToUi, PROTOCOL_VERSION, type TopologyNode, type UiToEngine } from '../src/worker/protocol';

const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';
const PORT_FIRST = 7400;
const PORT_LAST = 7499;
const HOST = '127.0.0.1';
const TEST_TIMEOUT_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- a tiny RESP2 client

type Value = string | number | null | Value[] | { error: string };

function encode(argv: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`)];
  for (const a of argv) {
    const b = Buffer.from(a, 'utf8');
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

function parse(buf: Buffer, i: number): { value: Value; end: number } | null {
  const nl = buf.indexOf('\r\n', i);
  if (nl < 0) return null;
  const line = buf.toString('utf8', i + 1, nl);
  switch (String.fromCharCode(buf[i])) {
    case '+':
      return { value: line, end: nl + 2 };
    case '-':
      return { value: { error: line }, end: nl + 2 };
    case ':':
      return { value: Number(line), end: nl + 2 };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: nl + 2 };
      if (buf.length < nl + 4 + n) return null;
      return { value: buf.toString('utf8', nl + 2, nl + 2 + n), end: nl + 4 + n };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: nl + 2 };
      const items: Value[] = [];
      let p = nl + 2;
      for (let k = 0; k < n; k++) {
        const r = parse(buf, p);
        if (!r) return null;
        items.push(r.value);
        p = r.end;
      }
      return { value: items, end: p };
    }
    default:
      throw new Error(`unexpected RESP type in ${JSON.stringify(buf.toString('utf8', i, nl))}`);
  }
}

class Client {
  private buf = Buffer.alloc(0);
  private waiting: ((v: Value) => void)[] = [];
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (let r = parse(this.buf, 0); r; r = parse(this.buf, 0)) {
        this.buf = this.buf.subarray(r.end);
        this.waiting.shift()?.(r.value);
      }
    });
  }

  static connect(port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const s = net.createConnection({ host: HOST, port }, () => resolve(new Client(s)));
      s.once('error', reject);
    });
  }

  call(...argv: string[]): Promise<Value> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.socket.write(encode(argv));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The simulation's reply in the client's shape, so both compare with toEqual. */
function simValue(r: Reply): Value {
  switch (r.t) {
    case 'status':
    case 'bulk':
      return r.s;
    case 'error':
      return { error: r.s };
    case 'int':
      return Number(r.n);
    case 'array':
      return r.a.map(simValue);
    case 'nullbulk':
    case 'nullarray':
      return null;
    default:
      return simValue(toResp2(r));
  }
}

// ---------------------------------------------------------------- the simulation

function simLab(hello: Partial<Extract<UiToEngine, { type: 'hello' }>> = {}) {
  const out: EngineToUi[] = [];
  const host = new EngineHost((m) => out.push(m));
  let requestId = 0;
  const send = (m: UiToEngine): EngineToUi[] => {
    out.length = 0;
    host.handle(m);
    const error = out.find((x) => x.type === 'error');
    if (error && error.type === 'error') throw new Error(`engine: ${error.message}`);
    return [...out];
  };
  send({ type: 'hello', version: PROTOCOL_VERSION, seed: 11, ...hello });
  return {
    send,
    command(node: string, ...argv: string[]): Value {
      const reply = send({ type: 'command', requestId: ++requestId, node, argv }).find((m) => m.type === 'reply');
      if (reply?.type !== 'reply') throw new Error(`no reply to ${argv.join(' ')}`);
      return simValue(reply.reply);
    },
    topology(): TopologyNode[] {
      const m = send({ type: 'export-topology', requestId: ++requestId }).find((x) => x.type === 'topology');
      if (m?.type !== 'topology') throw new Error('no topology');
      return m.nodes;
    },
  };
}

// ---------------------------------------------------------------- real servers

interface Running {
  node: LoopbackNode;
  proc: ChildProcess;
  output: () => string;
  client: Client;
}

/** Every redis-server this file started and has not seen exit, by PID. */
const started = new Map<number, ChildProcess>();
const tempDirs: string[] = [];

function stop(p: ChildProcess): Promise<void> {
  if (p.pid === undefined || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  process.kill(p.pid, 'SIGKILL');
  return gone;
}

async function stopAll(): Promise<void> {
  await Promise.all([...started.values()].map(stop));
  started.clear();
}

// A last resort if the runner exits with servers still running.
process.on('exit', () => {
  for (const [pid, p] of started) if (p.exitCode === null && p.signalCode === null) process.kill(pid, 'SIGKILL');
});

afterAll(async () => {
  await stopAll();
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, HOST, () => s.close(() => resolve(true)));
  });
}

/** Ports in 7400-7499 nobody listens on, not handed out before by this file. */
const handedOut = new Set<number>();
async function freePorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  for (let p = PORT_FIRST; p <= PORT_LAST && ports.length < n; p++) {
    if (handedOut.has(p) || !(await portFree(p))) continue;
    handedOut.add(p);
    ports.push(p);
  }
  if (ports.length < n) throw new Error(`only ${ports.length} free ports in ${PORT_FIRST}-${PORT_LAST}, need ${n}`);
  return ports;
}

/** Starts one redis-server on its conf; a conf Redis refuses throws with Redis' own output. */
async function startServer(node: LoopbackNode, fileName: string): Promise<Running> {
  fs.mkdirSync(node.dir, { recursive: true });
  const file = path.join(node.dir, fileName);
  fs.writeFileSync(file, node.conf);
  const proc = spawn(REDIS_SERVER, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid !== undefined) started.set(proc.pid, proc);
  let text = '';
  proc.stdout?.on('data', (d: Buffer) => (text += d.toString('utf8')));
  proc.stderr?.on('data', (d: Buffer) => (text += d.toString('utf8')));
  proc.once('exit', () => proc.pid !== undefined && started.delete(proc.pid));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      await sleep(50); // the rest of its output
      throw new Error(`real redis-server refused ${fileName} (exit ${proc.exitCode ?? proc.signalCode}):\n${text}`);
    }
    try {
      const client = await Client.connect(node.port);
      return { node, proc, output: () => text, client };
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server on ${fileName} did not answer on port ${node.port}:\n${text}`);
      await sleep(25);
    }
  }
}

/** Exports the simulation's topology and starts every node on real Redis. */
async function startExported(topology: TopologyNode[]) {
  const bundle = exportConfigs(topology);
  const ports = await freePorts(bundle.nodes.length);
  const portMap = Object.fromEntries(bundle.nodes.map((n, i) => [n.service, ports[i]]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-lab-export-'));
  tempDirs.push(dir);
  const loopback = forLoopback(bundle.nodes, portMap, dir);
  const servers = new Map<string, Running>();
  for (const [i, node] of loopback.entries()) servers.set(node.service, await startServer(node, bundle.nodes[i].fileName));
  // A node with a password answers nothing else before AUTH.
  for (const n of bundle.nodes) {
    const pass = n.written.find(([k]) => k === 'requirepass')?.[1];
    if (pass) expect(await servers.get(n.service)!.client.call('AUTH', pass)).toBe('OK');
  }
  return { bundle, portMap, servers };
}

/** Polls until every real replica reports a connected link (ROLE). */
async function waitForLinks(bundle: ExportBundle, servers: Map<string, Running>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const n of bundle.nodes) {
    if (n.masterService === null) continue;
    for (;;) {
      const role = await servers.get(n.service)!.client.call('ROLE');
      if (Array.isArray(role) && role[3] === 'connected') break;
      if (Date.now() > deadline) throw new Error(`${n.service} never connected to ${n.masterService}: ROLE ${JSON.stringify(role)}\n${servers.get(n.service)!.output()}`);
      await sleep(100);
    }
  }
}

type Sim = ReturnType<typeof simLab>;

/** ROLE, CONFIG GET of each exported setting, and a replicated write: real Redis must agree with the simulation. */
async function compareWithSimulation(sim: Sim, topology: TopologyNode[], live: Awaited<ReturnType<typeof startExported>>): Promise<void> {
  const { bundle, portMap, servers } = live;
  for (const n of bundle.nodes) {
    const pass = n.written.find(([k]) => k === 'requirepass')?.[1];
    if (pass) expect(sim.command(n.name, 'AUTH', pass)).toBe('OK');
  }
  await waitForLinks(bundle, servers);
  const serviceOfLabPort = new Map(topology.map((t) => [String(t.port), bundle.nodes.find((n) => n.name === t.name)!.service]));

  for (const n of bundle.nodes) {
    const real = servers.get(n.service)!.client;
    const simRole = sim.command(n.name, 'ROLE') as Value[];
    const realRole = (await real.call('ROLE')) as Value[];
    expect(realRole[0], `${n.service}: role`).toBe(simRole[0]);
    if (n.masterService === null) {
      expect(simRole[0]).toBe('master');
      // The replicas listed by each master: the simulation's lab ports, mapped.
      const simReplicas = (simRole[2] as Value[][]).map((r) => portMap[serviceOfLabPort.get(String(r[1]))!]).sort();
      let realReplicas: number[] = [];
      for (let k = 0; k < 50; k++) {
        realReplicas = ((await real.call('ROLE')) as Value[][])[2].map((r) => Number((r as Value[])[1])).sort();
        if (realReplicas.length === simReplicas.length) break;
        await sleep(100);
      }
      expect(realReplicas, `${n.service}: its replicas`).toEqual(simReplicas);
    } else {
      expect(simRole[0]).toBe('slave');
      expect(simRole[3], `${n.name} in the lab`).toBe('connected');
      expect(realRole.slice(1, 4), `${n.service}: master and link`).toEqual([HOST, portMap[n.masterService], 'connected']);
    }
    for (const [name, value] of n.written) {
      const simGet = sim.command(n.name, 'CONFIG', 'GET', name);
      expect(simGet, `the export of ${n.name} writes what the lab has`).toEqual([name, value]);
      expect(await real.call('CONFIG', 'GET', name), `${n.service}: CONFIG GET ${name}`).toEqual(simGet);
    }
  }

  // A write on each master reaches every replica below it, in the lab and for real.
  for (const m of bundle.nodes.filter((n) => n.masterService === null)) {
    const key = `export:${m.service}`;
    const value = `written on ${m.service}`;
    expect(sim.command(m.name, 'SET', key, value)).toBe('OK');
    let reply: Value = null;
    for (let k = 0; k < 50; k++) {
      // min-replicas-to-write counts a replica once its first ACK arrived (one per second).
      reply = await servers.get(m.service)!.client.call('SET', key, value);
      if (reply === 'OK') break;
      await sleep(100);
    }
    expect(reply, `SET on ${m.service}`).toBe('OK');
  }
  sim.send({ type: 'advance', ms: 5_000 });
  for (const n of bundle.nodes.filter((x) => x.masterService !== null)) {
    let top = n;
    while (top.masterService !== null) top = bundle.nodes.find((x) => x.service === top.masterService)!;
    const key = `export:${top.service}`;
    const simValue = sim.command(n.name, 'GET', key);
    expect(simValue, `${n.name} in the lab`).toBe(`written on ${top.service}`);
    let realValue: Value = null;
    for (let k = 0; k < 50 && realValue !== simValue; k++) {
      realValue = await servers.get(n.service)!.client.call('GET', key);
      if (realValue !== simValue) await sleep(100);
    }
    expect(realValue, `GET on ${n.service}`).toBe(simValue);
  }
}

async function cleanUp(s: Awaited<ReturnType<typeof startExported>> | undefined): Promise<void> {
  if (!s) return;
  for (const r of s.servers.values()) r.client.close();
  await Promise.all([...s.servers.values()].map((r) => stop(r.proc)));
}

// ---------------------------------------------------------------- the tests

const available = redisServerAvailable(REDIS_SERVER);

describe('exported configurations on real Redis', () => {
  if (!available) {
    it.skip('redis-server not found (install Debian redis-server 7.0 or set REDIS_SERVER): the exported files were not started', () => {});
    return;
  }

  it(
    'default lab with a bigger backlog, min-replicas, no snapshots on the master, AOF on r1 and a writable r2',
    async () => {
      const sim = simLab({ preset: 'default' });
      expect(sim.command('m', 'CONFIG', 'SET', 'save', '', 'repl-backlog-size', '4mb', 'min-replicas-to-write', '2', 'min-replicas-max-lag', '20')).toBe('OK');
      expect(sim.command('r1', 'CONFIG', 'SET', 'appendonly', 'yes')).toBe('OK');
      expect(sim.command('r2', 'CONFIG', 'SET', 'replica-read-only', 'no', 'replica-serve-stale-data', 'no')).toBe('OK');
      sim.send({ type: 'advance', ms: 2_000 });
      const topology = sim.topology();
      let s: Awaited<ReturnType<typeof startExported>> | undefined;
      try {
        s = await startExported(topology);
        expect(s.bundle.nodes.map((n) => n.service)).toEqual(['m', 'r1', 'r2']);
        expect(s.bundle.nodes[0].written).toEqual(
          expect.arrayContaining([
            ['save', ''],
            ['repl-backlog-size', '4194304'],
            ['min-replicas-to-write', '2'],
            ['min-replicas-max-lag', '20'],
          ]),
        );
        await compareWithSimulation(sim, topology, s);
        // The writable replica takes a write for real, as in the lab.
        expect(sim.command('r2', 'SET', 'local', '1')).toBe('OK');
        expect(await s.servers.get('r2')!.client.call('SET', 'local', '1')).toBe('OK');
      } finally {
        await cleanUp(s);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a chain with names that need sanitising, passwords with a space, disk-based sync and AOF',
    async () => {
      const pass = 'lab secret';
      const sim = simLab();
      sim.send({
        type: 'load-topology',
        seed: 11,
        nodes: [
          { name: 'Primary DB', replicaOf: null, config: [['requirepass', pass], ['repl-diskless-sync', 'no'], ['appendonly', 'yes'], ['appendfsync', 'always']] },
          { name: 'replica_1', replicaOf: 'Primary DB', config: [['masterauth', pass], ['requirepass', pass], ['repl-diskless-sync', 'no'], ['repl-backlog-size', '64kb']] },
          { name: 'R.2', replicaOf: 'replica_1', config: [['masterauth', pass], ['save', '']] },
        ],
      });
      const topology = sim.topology();
      let s: Awaited<ReturnType<typeof startExported>> | undefined;
      try {
        s = await startExported(topology);
        expect(s.bundle.nodes.map((n) => [n.service, n.masterService])).toEqual([
          ['primary-db', null],
          ['replica-1', 'primary-db'],
          ['r-2', 'replica-1'],
        ]);
        await compareWithSimulation(sim, topology, s);
      } finally {
        await cleanUp(s);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the docker-compose pair preset (AOF on both, Bitnami-style names)',
    async () => {
      const sim = simLab({ preset: 'compose-pair' });
      // A shorter diskless delay keeps the test quick; it is exported like any other setting.
      expect(sim.command('redis-master', 'CONFIG', 'SET', 'repl-diskless-sync-delay', '1')).toBe('OK');
      const topology = sim.topology();
      let s: Awaited<ReturnType<typeof startExported>> | undefined;
      try {
        s = await startExported(topology);
        expect(s.bundle.nodes.every((n) => n.written.some(([k, v]) => k === 'appendonly' && v === 'yes'))).toBe(true);
        await compareWithSimulation(sim, topology, s);
      } finally {
        await cleanUp(s);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'many settings at once, with quoting, multi-argument values and left-out lab settings, are accepted and read back as in the lab',
    async () => {
      // Quote, space, hash, backslash and apostrophe: the replica only connects if both files spell it the same for Redis.
      const pass = 'p"w d#1\\\'x';
      const sim = simLab();
      sim.send({
        type: 'load-topology',
        seed: 11,
        nodes: [
          {
            name: 'sink',
            replicaOf: null,
            config: [
              ['save', '900 1 30 5'],
              ['appendonly', 'yes'],
              ['appendfsync', 'always'],
              ['appendfilename', 'lab.aof'],
              ['dbfilename', 'my dump.rdb'],
              ['repl-backlog-size', '100'],
              ['repl-backlog-ttl', '60'],
              ['repl-timeout', '30'],
              ['repl-ping-replica-period', '5'],
              ['repl-diskless-sync-delay', '1'],
              ['min-replicas-max-lag', '20'],
              ['maxmemory', '100mb'],
              ['maxmemory-policy', 'allkeys-lru'],
              ['notify-keyspace-events', 'KEA'],
              ['proc-title-template', '{title} {listen-addr} lab'],
              ['client-output-buffer-limit', 'replica 512mb 128mb 120'],
              ['latency-tracking-info-percentiles', ''],
              ['oom-score-adj-values', '0 100 800'],
              ['shutdown-on-sigterm', 'save now'],
              ['hz', '20'],
              ['loglevel', 'warning'],
              ['tcp-keepalive', '60'],
              ['slowlog-log-slower-than', '-1'],
              ['list-max-listpack-size', '-3'],
              ['lazyfree-lazy-user-del', 'yes'],
              ['databases', '4'],
              ['requirepass', pass],
              // Left out of the file: each would be wrong or unsafe in a container.
              ['daemonize', 'yes'],
              ['logfile', '/var/log/redis/lab.log'],
              ['rdb-key-save-delay', '10'],
              ['enable-debug-command', 'yes'],
              ['replica-announce-ip', '10.0.0.5'],
              ['syslog-enabled', 'yes'],
            ],
          },
          { name: 'sink replica', replicaOf: 'sink', config: [['masterauth', pass], ['replica-read-only', 'no'], ['replica-priority', '0']] },
        ],
      });
      const topology = sim.topology();
      let s: Awaited<ReturnType<typeof startExported>> | undefined;
      try {
        s = await startExported(topology);
        const sink = s.bundle.nodes[0];
        expect(sink.leftOut.map((l) => l.name).sort()).toEqual(['daemonize', 'enable-debug-command', 'logfile', 'rdb-key-save-delay', 'replica-announce-ip', 'syslog-enabled']);
        for (const { name } of sink.leftOut) expect(sink.conf).not.toMatch(new RegExp(`^${name} `, 'm'));
        expect(sink.written.length).toBeGreaterThanOrEqual(27);
        await compareWithSimulation(sim, topology, s);
      } finally {
        await cleanUp(s);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it('a conf real Redis refuses fails with Redis\u2019 own words (the check can fail)', async () => {
    const [port] = await freePorts(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-lab-export-'));
    tempDirs.push(dir);
    const bad: LoopbackNode = { service: 'bad', dir: path.join(dir, 'bad'), port, conf: `port ${port}\nbind 127.0.0.1\nrepl-backlog-sise 1mb\n` };
    await expect(startServer(bad, 'bad.conf')).rejects.toThrow(/FATAL CONFIG FILE ERROR[\s\S]*repl-backlog-sise[\s\S]*Bad directive or wrong number of arguments/);
  });
});
