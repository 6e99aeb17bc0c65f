// Plays a scenario on real `redis-server` processes (loopback only) and returns
// the transcript. This is how the goldens in conformance/scenarios are made and
// re-checked: the engine is only right when it prints what real Redis 7.0
// printed for the same scenario.
//
// It behaves like the conformance kit's reference player, on purpose, because
// some of its choices are visible in transcripts:
//  - one client connection per node, opened when the node starts (after it
//    answers PING), used for the scenario's commands AND for the INFO polling of
//    `sync`. WAIT targets the offset left by the connection's previous command,
//    whatever it was, so the polling must happen on that same connection;
//  - a connection the server closed (CLIENT KILL, Sentinel reconfiguration) is
//    reopened before the next command, as redis-cli does;
//  - `sync` polls INFO replication every 50 ms until every replica's link is up
//    at its master's offset and every master lists each replica online and
//    acknowledged at that offset (the replica ACKs once per second, so a sync
//    usually costs up to 1 s); it gives up after 60 s;
//  - `crash` is SIGKILL (files stay), `restart` is crash + start on the same
//    directory with the same configuration.
// Ports are allocated from basePort upward in declaration order (Sentinels
// included); a port somebody else already listens on is an error, never
// silently shared.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { utf8Decode, utf8Encode } from '../engine/resp/bytes';
import { type Address, type ConfigPair, expandArgs, parseScenario, ScenarioError, type Scenario, type Step } from '../scenario/parse';
import { formatRow, NODE_IS_DOWN, type TranscriptReply, type TranscriptRow } from '../scenario/transcript';

export interface RecordOptions {
  /** First TCP port; nodes get basePort, basePort+1, ... Default 7400. */
  basePort?: number;
  /** The redis-server binary. Default: $REDIS_SERVER, else `redis-server` from the PATH. */
  redisServer?: string;
  /** Called with each transcript row as soon as it exists (the CLI streams them). */
  onRow?: (row: TranscriptRow) => void;
  /** Safety net for a command that never answers (a blocking command with no timeout). Default 120 s. */
  commandTimeoutMs?: number;
}

const HOST = '127.0.0.1';
const SYNC_GIVE_UP_MS = 60_000;
const SYNC_POLL_MS = 50;
const START_TIMEOUT_MS = 10_000;
const START_POLL_MS = 25;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A node's port is taken by a process this player did not start; another port range may work. */
export class PortInUseError extends Error {
  readonly port: number;
  constructor(node: string, port: number) {
    super(`node ${node}: port ${port} is already in use (choose another --base-port)`);
    this.name = 'PortInUseError';
    this.port = port;
  }
}

// ---------------------------------------------------------------- processes

/** Every redis-server this module started and has not seen exit, by PID. */
const live = new Map<number, ChildProcess>();
/** Temp directories of scenarios still playing. */
const liveDirs = new Set<string>();
let exitHookInstalled = false;

/** Last resort: if the Node process exits while servers still run (an uncaught error, a test runner tearing down), kill them. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => killAllStartedServers());
}

/**
 * SIGKILLs, by PID, every redis-server this process started that still runs,
 * and removes the scenarios' temp directories. Synchronous: safe in signal and
 * exit handlers.
 */
export function killAllStartedServers(): void {
  for (const [pid, p] of live) {
    if (p.exitCode === null && p.signalCode === null) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    live.delete(pid);
  }
  for (const dir of liveDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  }
}

// ---------------------------------------------------------------- RESP client

function encodeCommand(argv: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`)];
  for (const a of argv) {
    const b = Buffer.from(utf8Encode(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

interface Parsed {
  value: TranscriptReply;
  end: number;
}

/** Parses one RESP2 reply at `i`; null when the buffer does not hold all of it yet. */
function parseReply(buf: Buffer, i: number): Parsed | null {
  const nl = buf.indexOf('\r\n', i);
  if (nl < 0) return null;
  const t = String.fromCharCode(buf[i]);
  const line = buf.toString('utf8', i + 1, nl);
  switch (t) {
    case '+':
      return { value: { status: line }, end: nl + 2 };
    case '-':
      return { value: { error: line }, end: nl + 2 };
    case ':':
      return { value: { int: Number(line) }, end: nl + 2 };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: nl + 2 };
      if (buf.length < nl + 2 + n + 2) return null;
      // Bytes that are not UTF-8 (SETBIT's 0x80) are kept as the engine keeps them (engine/resp/bytes.ts).
      return { value: utf8Decode(buf.subarray(nl + 2, nl + 2 + n)), end: nl + 2 + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: nl + 2 };
      const arr: TranscriptReply[] = [];
      let p = nl + 2;
      for (let k = 0; k < n; k++) {
        const r = parseReply(buf, p);
        if (!r) return null;
        arr.push(r.value);
        p = r.end;
      }
      return { value: arr, end: p };
    }
    default:
      throw new Error(`unexpected RESP reply type '${t}' (only RESP2 is supported)`);
  }
}

const CLOSED: TranscriptReply = { error: 'connection closed by server' };

class Conn {
  private sock: net.Socket | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private waiters: ((r: TranscriptReply) => void)[] = [];
  private closed = false;
  private failure: Error | null = null;

  constructor(private readonly port: number) {}

  open(): Promise<void> {
    this.buf = Buffer.alloc(0);
    this.waiters = [];
    this.closed = false;
    this.failure = null;
    return new Promise((resolve, reject) => {
      const sock = net.createConnection({ host: HOST, port: this.port }, () => resolve());
      this.sock = sock;
      sock.on('error', (e) => reject(e));
      sock.on('close', () => {
        this.closed = true;
        for (const w of this.waiters.splice(0)) w(CLOSED);
      });
      sock.on('data', (d: Buffer) => {
        this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
        this.pump();
      });
    });
  }

  private pump(): void {
    while (this.waiters.length) {
      let r: Parsed | null;
      try {
        r = parseReply(this.buf, 0);
      } catch (e) {
        this.failure = e instanceof Error ? e : new Error(String(e));
        this.sock?.destroy();
        return;
      }
      if (!r) return;
      this.buf = this.buf.subarray(r.end);
      this.waiters.shift()?.(r.value);
    }
  }

  /** Sends one command and resolves with its reply. A connection the server closed is reopened first (this may throw if nobody listens any more). */
  async cmd(argv: readonly string[], timeoutMs = 120_000): Promise<TranscriptReply> {
    if (this.failure) throw this.failure;
    if (this.closed) await this.open();
    const sock = this.sock;
    if (!sock) throw new Error('connection not open');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no reply from port ${this.port} to ${argv.join(' ')} after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push((r) => {
        clearTimeout(timer);
        if (this.failure) reject(this.failure);
        else resolve(r);
      });
      sock.write(encodeCommand(argv));
    });
  }

  close(): void {
    this.sock?.destroy();
    this.sock = null;
  }
}

// ---------------------------------------------------------------- nodes

interface SentinelSpec {
  masterName: string;
  host: string;
  port: number;
  quorum: number;
}

interface RealNode {
  name: string;
  port: number;
  dir: string;
  /** `--name value...` arguments (data nodes) or per-master options (Sentinels). */
  conf: [string, ...string[]][];
  sentinel: SentinelSpec | null;
  proc: ChildProcess | null;
  conn: Conn | null;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createConnection({ host: HOST, port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

function logTail(dir: string): string {
  try {
    const lines = fs.readFileSync(path.join(dir, 'log'), 'utf8').trimEnd().split('\n');
    return lines.slice(-5).join('\n');
  } catch {
    return '(no log)';
  }
}

function isUp(p: ChildProcess | null): boolean {
  return p !== null && p.exitCode === null && p.signalCode === null;
}

async function start(n: RealNode, redisServer: string): Promise<void> {
  fs.mkdirSync(n.dir, { recursive: true });
  if (await portInUse(n.port)) throw new PortInUseError(n.name, n.port);
  let argv: string[];
  if (n.sentinel) {
    // Sentinel needs a writable config file: it rewrites it, and a restart keeps what it learned.
    const conf = path.join(n.dir, 'sentinel.conf');
    if (!fs.existsSync(conf)) {
      const m = n.sentinel;
      const lines = [
        `port ${n.port}`,
        `bind ${HOST}`,
        `dir ${n.dir}`,
        `logfile ${path.join(n.dir, 'log')}`,
        `sentinel monitor ${m.masterName} ${m.host} ${m.port} ${m.quorum}`,
      ];
      for (const [k, ...v] of n.conf) lines.push(`sentinel ${k} ${m.masterName} ${v.join(' ')}`);
      fs.writeFileSync(conf, `${lines.join('\n')}\n`);
    }
    argv = [conf, '--sentinel'];
  } else {
    argv = ['--port', String(n.port), '--bind', HOST, '--dir', n.dir, '--daemonize', 'no', '--logfile', path.join(n.dir, 'log')];
    for (const [k, ...v] of n.conf) argv.push(`--${k}`, ...v);
  }
  const proc = spawn(redisServer, argv, { stdio: 'ignore' });
  const failed: { error: Error | null } = { error: null };
  proc.on('error', (e) => {
    failed.error = e;
  });
  if (proc.pid !== undefined) {
    live.set(proc.pid, proc);
    const pid = proc.pid;
    proc.on('exit', () => live.delete(pid));
  }
  n.proc = proc;

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (failed.error) throw new Error(`node ${n.name}: cannot run ${redisServer}: ${failed.error.message}`);
    if (!isUp(proc)) {
      const log = logTail(n.dir);
      // Somebody took the port between our check and the bind.
      if (/Address already in use/.test(log)) throw new PortInUseError(n.name, n.port);
      throw new Error(`node ${n.name}: ${redisServer} exited at start (code ${proc.exitCode}); log:\n${log}`);
    }
    const conn = new Conn(n.port);
    try {
      await conn.open();
      const r = await conn.cmd(['PING'], START_TIMEOUT_MS);
      // A replica with replica-serve-stale-data no answers MASTERDOWN until its
      // link is up: it is running all the same. LOADING means: not yet.
      if (r !== null && typeof r === 'object' && !Array.isArray(r)) {
        if (('status' in r && r.status === 'PONG') || ('error' in r && (r.error.startsWith('MASTERDOWN') || r.error.startsWith('NOAUTH')))) {
          n.conn = conn;
          return;
        }
      }
    } catch {
      // not listening yet
    }
    conn.close();
    await sleep(START_POLL_MS);
  }
  throw new Error(`node ${n.name}: no answer on port ${n.port} after ${START_TIMEOUT_MS} ms; log:\n${logTail(n.dir)}`);
}

async function crash(n: RealNode): Promise<void> {
  n.conn?.close();
  n.conn = null;
  const p = n.proc;
  n.proc = null;
  if (p && isUp(p)) {
    const done = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill('SIGKILL');
    await done;
  }
}

// ---------------------------------------------------------------- sync

type Info = Map<string, string>;

function parseInfo(s: TranscriptReply): Info | null {
  if (typeof s !== 'string') return null;
  const o: Info = new Map();
  for (const l of s.split('\r\n')) {
    const m = /^([^:#]+):(.*)$/.exec(l);
    if (m) o.set(m[1], m[2]);
  }
  return o;
}

function fieldsOf(v: string): Map<string, string> {
  return new Map(v.split(',').map((x) => x.split('=') as [string, string]));
}

/** One poll of the `sync` condition (see the header). Sentinels are ignored. */
async function synced(nodes: Map<string, RealNode>, timeoutMs: number): Promise<boolean> {
  for (const n of nodes.values()) {
    if (!n.conn || n.sentinel) continue;
    const info = parseInfo(await n.conn.cmd(['INFO', 'replication'], timeoutMs));
    if (!info) return false;
    if (info.get('role') === 'slave') {
      if (info.get('master_link_status') !== 'up') return false;
      const m = [...nodes.values()].find((x) => String(x.port) === info.get('master_port'));
      if (!m?.conn) return false;
      const mi = parseInfo(await m.conn.cmd(['INFO', 'replication'], timeoutMs));
      if (!mi) return false;
      if (mi.get('master_repl_offset') !== info.get('slave_repl_offset')) return false;
      // The master must list this replica online and acknowledged at its
      // offset; otherwise a master polled while the replica reconnects passes
      // trivially, or shows offset=0 before the replica's first REPLCONF ACK.
      const mine = [...mi.entries()]
        .filter(([k]) => /^slave\d+$/.test(k))
        .map(([, v]) => fieldsOf(v))
        .find((f) => f.get('port') === String(n.port));
      if (mine?.get('state') !== 'online' || mine.get('offset') !== mi.get('master_repl_offset')) return false;
    }
    const k = Number(info.get('connected_slaves'));
    for (let i = 0; i < k; i++) {
      const s = info.get(`slave${i}`);
      if (!s) return false;
      const f = fieldsOf(s);
      if (f.get('state') !== 'online' || f.get('offset') !== info.get('master_repl_offset')) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------- player

/** Plays a parsed scenario on real Redis and returns its transcript rows. Every process it started is killed before it returns or throws. */
export async function playOnRealRedis(scenario: Scenario, opts: RecordOptions = {}): Promise<TranscriptRow[]> {
  installExitHook();
  const basePort = opts.basePort ?? 7400;
  const redisServer = opts.redisServer ?? process.env.REDIS_SERVER ?? 'redis-server';
  const cmdTimeout = opts.commandTimeoutMs ?? 120_000;
  const rows: TranscriptRow[] = [];
  const emit = (row: TranscriptRow): void => {
    rows.push(row);
    opts.onRow?.(row);
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-lab-scn-'));
  liveDirs.add(tmp);
  const nodes = new Map<string, RealNode>();
  const addressOf = (name: string): Address | undefined => {
    const n = nodes.get(name);
    return n ? { host: HOST, port: n.port } : undefined;
  };
  const expandConf = (pairs: readonly ConfigPair[]): [string, ...string[]][] =>
    pairs.map((p) => [p.name, ...expandArgs([p.value], addressOf)]);
  const nodeOf = (name: string, step: Step): RealNode => {
    const n = nodes.get(name);
    if (!n) throw new Error(`line ${step.line}: node ${name} was never started`);
    return n;
  };

  try {
    for (const step of scenario.steps) {
      switch (step.kind) {
        case 'node': {
          const n: RealNode = {
            name: step.name,
            port: basePort + nodes.size,
            dir: path.join(tmp, step.name),
            conf: expandConf(step.config),
            sentinel: null,
            proc: null,
            conn: null,
          };
          nodes.set(step.name, n);
          await start(n, redisServer);
          emit({ step: step.step, node: step.name, host: HOST, port: n.port });
          break;
        }
        case 'sentinel': {
          const target = nodeOf(step.target, step);
          const n: RealNode = {
            name: step.name,
            port: basePort + nodes.size,
            dir: path.join(tmp, step.name),
            conf: step.options.map((o) => [o.name, o.value]),
            sentinel: { masterName: step.masterName, host: HOST, port: target.port, quorum: step.quorum },
            proc: null,
            conn: null,
          };
          nodes.set(step.name, n);
          await start(n, redisServer);
          emit({ step: step.step, node: step.name, host: HOST, port: n.port });
          break;
        }
        case 'command': {
          const n = nodeOf(step.node, step);
          const argv = expandArgs(step.args, addressOf);
          let reply: TranscriptReply = NODE_IS_DOWN;
          if (n.conn && isUp(n.proc)) {
            try {
              reply = await n.conn.cmd(argv, cmdTimeout);
            } catch (e) {
              // The server closed the connection and nobody listens any more
              // (it exited by itself, e.g. SHUTDOWN): the node is down.
              if (isUp(n.proc) && !(e instanceof Error && /ECONNREFUSED/.test(e.message))) throw e;
              n.conn.close();
              n.conn = null;
            }
          }
          emit({ step: step.step, node: step.node, cmd: step.text, reply });
          break;
        }
        case 'sync': {
          const t0 = Date.now();
          let ok = false;
          while (Date.now() - t0 < SYNC_GIVE_UP_MS) {
            if (await synced(nodes, cmdTimeout)) {
              ok = true;
              break;
            }
            await sleep(SYNC_POLL_MS);
          }
          if (!ok) emit({ step: step.step, directive: 'sync', error: 'timeout' });
          break;
        }
        case 'sleep':
          await sleep(step.ms);
          break;
        case 'crash':
          await crash(nodeOf(step.node, step));
          break;
        case 'restart': {
          const n = nodeOf(step.node, step);
          await crash(n);
          await start(n, redisServer);
          break;
        }
        case 'link':
        case 'partition':
        case 'heal':
        case 'reset':
          // The simulated network has no counterpart among real processes on loopback.
          throw new ScenarioError(step.line, `'${step.kind}' is an engine-only directive: real Redis on loopback cannot play it`);
      }
    }
  } finally {
    for (const n of nodes.values()) await crash(n);
    fs.rmSync(tmp, { recursive: true, force: true });
    liveDirs.delete(tmp);
  }
  return rows;
}

/** Parses and plays a scenario on real Redis; returns the transcript as JSON lines (one row per line, final newline). */
export async function recordScenario(text: string, opts: RecordOptions = {}): Promise<string> {
  const rows = await playOnRealRedis(parseScenario(text), opts);
  return rows.map((r) => `${formatRow(r)}\n`).join('');
}

/** True when a redis-server binary can be run (REDIS_SERVER or the PATH). */
export function redisServerAvailable(redisServer = process.env.REDIS_SERVER ?? 'redis-server'): boolean {
  if (redisServer.includes('/')) return fs.existsSync(redisServer);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, redisServer))) return true;
  }
  return false;
}
