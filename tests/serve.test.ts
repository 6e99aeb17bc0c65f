// Serve mode end to end: the default lab (master m, replicas r1 and r2) on
// free ports in 7500-7599, talked to over raw sockets and with redis-cli as a
// learner would, faults applied through the admin port. redis-cli tests are
// skipped with a message when it is not installed (CI installs redis-tools).

import { execFile, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../src/engine/resp/reply';
import { ServeLab } from '../src/serve/lab';
import { ReplyReader } from '../src/serve/resp-reader';
import { freePorts } from './helpers/ports';
import { eventually } from './helpers/poll';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const HOST = '127.0.0.1';
const redisCli = spawnSync('redis-cli', ['--version'], { encoding: 'utf8' }).status === 0;
if (!redisCli) console.warn('serve tests: redis-cli is not installed (apt-get install redis-tools); its tests are skipped');

/** A raw TCP client: write bytes, read what comes back. */
class Raw {
  private data = Buffer.alloc(0);
  closed = false;
  private constructor(readonly sock: net.Socket) {
    sock.on('data', (d) => {
      this.data = Buffer.concat([this.data, d]);
    });
    sock.on('close', () => {
      this.closed = true;
    });
    sock.on('error', () => {});
  }
  static open(port: number): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, HOST, () => resolve(new Raw(s)));
      s.once('error', reject);
    });
  }
  write(s: string): void {
    this.sock.write(s);
  }
  /** Everything received, once it is at least `bytes` long or the connection closed (throws after timeoutMs). */
  async read(bytes: number, timeoutMs = 3000): Promise<string> {
    const until = Date.now() + timeoutMs;
    while (this.data.length < bytes && !this.closed) {
      if (Date.now() > until) throw new Error(`timed out with ${JSON.stringify(this.data.toString())}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const s = this.data.toString();
    this.data = Buffer.alloc(0);
    return s;
  }
  async untilClosed(timeoutMs = 3000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > until) throw new Error('connection still open');
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  /** Send a command as RESP and parse one reply. */
  async call(...argv: string[]): Promise<Reply> {
    this.write(`*${argv.length}\r\n${argv.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    const reader = new ReplyReader();
    const until = Date.now() + 3000;
    for (;;) {
      if (this.data.length) {
        reader.feed(this.data);
        this.data = Buffer.alloc(0);
      }
      const r = reader.next();
      if (r) return r;
      if (Date.now() > until || this.closed) throw new Error(`no reply to ${argv.join(' ')}`);
      await new Promise((res) => setTimeout(res, 5));
    }
  }
  close(): void {
    this.sock.destroy();
  }
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const r = await run('redis-cli', ['-h', HOST, '-p', String(port), ...args], { encoding: 'utf8', timeout: 5000 });
  return r.stdout.trim();
}

let lab: ServeLab;
let m = 0;
let r1 = 0;
let admin = 0;
const opened: Raw[] = [];
async function open(port: number): Promise<Raw> {
  const r = await Raw.open(port);
  opened.push(r);
  return r;
}

beforeAll(async () => {
  const base = await freePorts(4, 7500, 7599);
  lab = await ServeLab.start({ basePort: base, adminPort: base + 3 });
  m = lab.port('m')!;
  r1 = lab.port('r1')!;
  admin = lab.adminPort;
});

afterAll(async () => {
  for (const r of opened) r.close();
  await lab?.stop();
});

describe('serve: the simulated nodes on TCP ports', () => {
  it('serves m, r1 and r2 on consecutive ports and prints them in a table', () => {
    expect([lab.port('m'), lab.port('r1'), lab.port('r2')]).toEqual([m, m + 1, m + 2]);
    const table = lab.table().join('\n');
    expect(table).toMatch(new RegExp(`m\\s+master\\s+${m}`));
    expect(table).toMatch(new RegExp(`r1\\s+replica\\s+${r1}\\s+m`));
    expect(table).toContain(String(admin));
  });

  it('answers three pipelined commands in one write, in order, and an inline PING', async () => {
    const c = await open(m);
    c.write('*3\r\n$3\r\nSET\r\n$4\r\npipe\r\n$1\r\n1\r\n*2\r\n$4\r\nINCR\r\n$4\r\npipe\r\n*2\r\n$3\r\nGET\r\n$4\r\npipe\r\n');
    expect(await c.read(16)).toBe('+OK\r\n:2\r\n$1\r\n2\r\n');
    c.write('PING\r\n');
    expect(await c.read(7)).toBe('+PONG\r\n');
    c.write('ECHO "hello world"\r\n');
    expect(await c.read(17)).toBe('$11\r\nhello world\r\n');
  });

  it('puts a command split across packets together', async () => {
    const c = await open(m);
    for (const part of ['*2\r\n$4\r\nEC', 'HO\r\n$5', '\r\nhel', 'lo\r\n']) {
      c.write(part);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await c.read(11)).toBe('$5\r\nhello\r\n');
  });

  it('keeps SELECT, CLIENT SETNAME and MULTI per connection', async () => {
    const a = await open(m);
    const b = await open(m);
    expect(await a.call('SELECT', '1')).toEqual({ t: 'status', s: 'OK' });
    expect(await a.call('SET', 'db1key', 'x')).toEqual({ t: 'status', s: 'OK' });
    expect(await b.call('EXISTS', 'db1key')).toEqual({ t: 'int', n: 0 });
    expect(await a.call('CLIENT', 'SETNAME', 'learner-a')).toEqual({ t: 'status', s: 'OK' });
    expect(await b.call('CLIENT', 'GETNAME')).toEqual({ t: 'nullbulk' });
    expect(await a.call('MULTI')).toEqual({ t: 'status', s: 'OK' });
    expect(await b.call('PING')).toEqual({ t: 'status', s: 'PONG' });
    const list = await b.call('CLIENT', 'LIST');
    expect(list.t === 'bulk' && list.s).toMatch(/name=learner-a .*flags=x db=1 /);
    expect(list.t === 'bulk' && list.s).toMatch(/flags=S .*cmd=replconf/);
  });

  it('answers a protocol error as Redis does and closes the connection', async () => {
    const c = await open(m);
    c.write('PING\r\n*x\r\n');
    expect(await c.read(100)).toBe('+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n');
    await c.untilClosed();
  });

  it('HELLO 2 replies with the map as a flat array; an unknown version is refused', async () => {
    const c = await open(m);
    const id = await c.call('CLIENT', 'ID');
    const hello = await c.call('HELLO', '2');
    expect(hello).toEqual({
      t: 'array',
      a: [
        { t: 'bulk', s: 'server' },
        { t: 'bulk', s: 'redis' },
        { t: 'bulk', s: 'version' },
        { t: 'bulk', s: '7.0.15' },
        { t: 'bulk', s: 'proto' },
        { t: 'int', n: 2 },
        { t: 'bulk', s: 'id' },
        id,
        { t: 'bulk', s: 'mode' },
        { t: 'bulk', s: 'standalone' },
        { t: 'bulk', s: 'role' },
        { t: 'bulk', s: 'master' },
        { t: 'bulk', s: 'modules' },
        { t: 'array', a: [] },
      ],
    });
    expect(await c.call('HELLO', '4')).toEqual({ t: 'error', s: 'NOPROTO unsupported protocol version' });
    const onReplica = await open(r1);
    const h = await onReplica.call('HELLO');
    expect(h.t === 'array' && h.a[11]).toEqual({ t: 'bulk', s: 'replica' });
  });

  it('QUIT answers +OK and closes', async () => {
    const c = await open(m);
    c.write('QUIT\r\nPING\r\n');
    expect(await c.read(100)).toBe('+OK\r\n');
    await c.untilClosed();
  });

  it('WAIT answers when virtual time reaches its timeout', async () => {
    const c = await open(m);
    const started = Date.now();
    expect(await c.call('WAIT', '3', '300')).toEqual({ t: 'int', n: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('COMMAND COUNT and COMMAND DOCS answer from Redis 7.0 command table', async () => {
    const c = await open(m);
    const count = await c.call('COMMAND', 'COUNT');
    expect(count.t === 'int' && Number(count.n)).toBeGreaterThan(50);
    const docs = await c.call('COMMAND', 'DOCS', 'get');
    expect(docs.t === 'array' && docs.a[0]).toEqual({ t: 'bulk', s: 'get' });
    expect(JSON.stringify(docs)).toContain('Get the value of a key');
  });
});

describe.skipIf(!redisCli)('serve: redis-cli against the lab', () => {
  it('INFO replication shows the served ports: role:master with its replicas, role:slave with master_port', async () => {
    const master = await cli(m, 'INFO', 'replication');
    expect(master).toContain('role:master');
    expect(master).toContain('connected_slaves:2');
    expect(master).toContain(`slave0:ip=127.0.0.1,port=${r1},state=online`);
    const replica = await cli(r1, 'INFO', 'replication');
    expect(replica).toContain('role:slave');
    expect(replica).toContain(`master_port:${m}`);
    expect(replica).toContain('master_link_status:up');
  });

  it('a SET on the master is read back from the replica; a SET on the replica is refused', async () => {
    expect(await cli(m, 'SET', 'greeting', 'hello from m')).toBe('OK');
    await eventually(async () => (await cli(r1, 'GET', 'greeting')) === 'hello from m', 3000);
    expect(await cli(r1, 'SET', 'greeting', 'nope')).toBe("READONLY You can't write against a read only replica.");
  });

  it('HELLO and an interactive session start (COMMAND DOCS) work from redis-cli', async () => {
    // Recorded from redis-cli 7.0.15 against Redis 7.0.15 (the id aside).
    expect((await cli(m, 'HELLO', '3')).split('\n').slice(0, 3)).toEqual(['server redis', 'version 7.0.15', 'proto 3']);
    expect(await cli(m, 'HELLO', '4')).toBe('NOPROTO unsupported protocol version');
    expect((await cli(m, 'HELLO', '2')).split('\n').slice(0, 4)).toEqual(['server', 'redis', 'version', '7.0.15']);
  });

  it('CRASH on the admin port takes the master down (link down on r1); RESTART brings the link up again', async () => {
    expect(await cli(admin, 'CRASH', 'm')).toBe('OK');
    expect(await cli(r1, 'INFO', 'replication')).toContain('master_link_status:down');
    await expect(Raw.open(m)).rejects.toThrow(/ECONNREFUSED/);
    expect(await cli(admin, 'NODES')).toMatch(/m\s+master\s+port=\d+\s+down/);
    // The replicas resync through a diskless full sync, which waits repl-diskless-sync-delay (5 s): run time 5x faster.
    expect(await cli(admin, 'SPEED', '5')).toBe('OK');
    expect(await cli(admin, 'RESTART', 'm')).toBe('OK');
    expect(await cli(m, 'PING')).toBe('PONG');
    await eventually(async () => (await cli(r1, 'INFO', 'replication')).includes('master_link_status:up'), 10_000);
    expect(await cli(admin, 'SPEED', '1')).toBe('OK');
  }, 15_000);

  it('the admin port refuses unknown nodes and commands with a clear error', async () => {
    expect(await cli(admin, 'CRASH', 'nosuch')).toBe("ERR unknown node 'nosuch' (known: m, r1, r2)");
    expect(await cli(admin, 'FROB')).toBe("ERR unknown admin command 'FROB' (try COMMANDS)");
    expect(await cli(admin, 'COMMANDS')).toContain('CRASH <node>');
  });
});

describe('npm run serve', () => {
  it('--help lists the options and the admin commands', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/serve.ts'), '--help'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--base-port');
    expect(r.stdout).toContain('CRASH <node>');
  });

  it('prints the node table, serves, and exits 0 on SIGINT', async () => {
    const base = await freePorts(4, 7550, 7599);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/serve.ts'), '--base-port', String(base), '--admin-port', String(base + 3)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually(async () => out.includes('Stop: Ctrl-C'), 15_000);
      expect(out).toMatch(new RegExp(`r2\\s+replica\\s+${base + 2}\\s+m`));
      const c = await Raw.open(base);
      expect(await c.call('PING')).toEqual({ t: 'status', s: 'PONG' });
      c.close();
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await expect(Raw.open(base)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 20_000);
});
