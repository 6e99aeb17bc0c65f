// npx tsx src/serve/command-table-record.ts [--port 7690]
//
// Records what a real Redis 7.0 answers to COMMAND INFO and COMMAND DOCS for
// each command a served node knows (the engine's table plus the protocol
// commands serve answers itself), from a redis-server and from a Redis
// Sentinel started on two free ports, into command-table.json. Run it again
// when the engine learns new commands; serve's COMMAND replies are this file.
//
// Container commands (CONFIG, CLIENT, OBJECT, SENTINEL) list only the
// subcommands the node actually has, so `COMMAND INFO client` and redis-cli's
// hints never promise CLIENT PAUSE where it would answer "unknown subcommand".

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandTable } from '../engine/commands/index';
import type { CommandTable } from '../engine/commands/types';
import type { Reply } from '../engine/resp/reply';
import { encodeArgv } from '../engine/resp/encode';
import { sentinelCommandTable } from '../engine/sentinel/commands';
import { type CommandTableData, type Packed, SERVE_COMMANDS, SERVE_SUBCOMMANDS, pack } from './command-table';
import { ReplyReader } from './resp-reader';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, 'command-table.json');

/** Full names (`get`, `client|list`) a node of this kind answers. */
function knownNames(table: CommandTable): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [name, spec] of Object.entries(table)) names.set(name, spec.subcommands ? Object.keys(spec.subcommands) : []);
  for (const name of SERVE_COMMANDS) if (!names.has(name)) names.set(name, []);
  for (const [container, subs] of Object.entries(SERVE_SUBCOMMANDS)) {
    const have = names.get(container);
    if (have) for (const s of subs) if (!have.includes(s)) have.push(s);
  }
  return names;
}

class Conn {
  private reader = new ReplyReader();
  private waiting: ((r: Reply) => void)[] = [];
  private constructor(private sock: net.Socket) {
    sock.on('data', (d) => {
      this.reader.feed(d);
      for (let r = this.reader.next(); r; r = this.reader.next()) this.waiting.shift()?.(r);
    });
  }
  static open(port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new Conn(s)));
      s.once('error', reject);
    });
  }
  call(...argv: string[]): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.sock.write(encodeArgv(argv));
    });
  }
  close(): void {
    this.sock.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPing(port: number): Promise<Conn> {
  for (let i = 0; i < 200; i++) {
    try {
      const c = await Conn.open(port);
      const r = await c.call('PING');
      if (r.t === 'status') return c;
      c.close();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING`);
}

/** Keep only the subcommands the node has, in COMMAND INFO (index 9) and COMMAND DOCS ("subcommands"). */
function filterInfo(info: Reply, subs: string[], container: string): Reply {
  if (info.t !== 'array' || info.a.length < 10 || subs.length === 0) return info;
  const list = info.a[9];
  if (list.t !== 'array') return info;
  const kept = list.a.filter((e) => e.t === 'array' && e.a[0].t === 'bulk' && subs.includes(e.a[0].s.slice(container.length + 1)));
  return { t: 'array', a: [...info.a.slice(0, 9), { t: 'array', a: kept }] };
}

function filterDocs(docs: Reply, subs: string[], container: string): Reply {
  if (docs.t !== 'array') return docs;
  const out: Reply[] = [];
  for (let i = 0; i + 1 < docs.a.length; i += 2) {
    const key = docs.a[i];
    let value = docs.a[i + 1];
    if (key.t === 'bulk' && key.s === 'subcommands' && value.t === 'array') {
      const kept: Reply[] = [];
      for (let j = 0; j + 1 < value.a.length; j += 2) {
        const sub = value.a[j];
        if (sub.t === 'bulk' && subs.includes(sub.s.slice(container.length + 1))) kept.push(sub, value.a[j + 1]);
      }
      value = { t: 'array', a: kept };
    }
    out.push(key, value);
  }
  return { t: 'array', a: out };
}

async function recordFrom(c: Conn, names: Map<string, string[]>): Promise<Record<string, { info: Packed; docs: Packed }>> {
  const out: Record<string, { info: Packed; docs: Packed }> = {};
  for (const [name, subs] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
    const info = await c.call('COMMAND', 'INFO', name);
    const docs = await c.call('COMMAND', 'DOCS', name);
    const entry = info.t === 'array' ? info.a[0] : undefined;
    if (entry?.t !== 'array') {
      process.stderr.write(`  ${name}: Redis does not know it here, left out\n`);
      continue;
    }
    const docEntry = docs.t === 'array' && docs.a.length === 2 ? docs.a[1] : { t: 'array' as const, a: [] };
    out[name] = { info: pack(filterInfo(entry, subs, name)), docs: pack(filterDocs(docEntry, subs, name)) };
  }
  return out;
}

async function main(): Promise<void> {
  const bin = process.env.REDIS_SERVER ?? 'redis-server';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-cmdtable-'));
  const serverPort = await freePort();
  const sentinelPort = await freePort();
  fs.writeFileSync(path.join(dir, 'sentinel.conf'), `port ${sentinelPort}\nsentinel monitor mymaster 127.0.0.1 ${serverPort} 1\n`);
  const procs: ChildProcess[] = [
    spawn(bin, ['--port', String(serverPort), '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' }),
    spawn(bin, [path.join(dir, 'sentinel.conf'), '--sentinel', '--dir', dir], { stdio: 'ignore' }),
  ];
  try {
    const server = await waitForPing(serverPort);
    const version = await server.call('INFO', 'server');
    const sentinel = await waitForPing(sentinelPort);
    const help = await server.call('COMMAND', 'HELP');
    const data: CommandTableData = {
      recordedFrom: version.t === 'bulk' ? (/redis_version:(\S+)/.exec(version.s)?.[1] ?? '?') : '?',
      help: pack(help),
      server: await recordFrom(server, knownNames(commandTable)),
      sentinel: await recordFrom(sentinel, knownNames(sentinelCommandTable)),
    };
    server.close();
    sentinel.close();
    fs.writeFileSync(OUT, `${JSON.stringify(data)}\n`);
    process.stdout.write(`${OUT}: ${Object.keys(data.server).length} commands, ${Object.keys(data.sentinel).length} in Sentinel mode (Redis ${data.recordedFrom})\n`);
  } finally {
    for (const p of procs) p.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
