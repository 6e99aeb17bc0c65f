// Serve mode keeps every byte a client sends: a value that is not UTF-8
// (binary data, SETBIT's 0x80, a GETRANGE that cuts a character) comes back
// byte for byte, and STRLEN / SETRANGE count bytes. The same requests go to a
// real redis-server 7.0 (when one is installed) and both must answer the
// same bytes.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServeLab } from '../src/serve/lab';
import { freePorts } from './helpers/ports';
import { type RealRedis, startRealRedis } from './helpers/real-redis';

const HOST = '127.0.0.1';

/** One request per call, as raw bytes; answers the raw reply bytes (read until the expected reply is complete). */
class RawClient {
  private buf = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.waiter?.();
    });
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host: HOST }, () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  /** Sends argv (each a Buffer or latin1-free text) and returns the reply's bytes. */
  async call(...argv: (string | Buffer)[]): Promise<Buffer> {
    const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`)];
    for (const a of argv) {
      const b = typeof a === 'string' ? Buffer.from(a, 'utf8') : a;
      parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
    }
    this.buf = Buffer.alloc(0);
    this.socket.write(Buffer.concat(parts));
    const deadline = Date.now() + 5000;
    while (!complete(this.buf)) {
      if (Date.now() > deadline) throw new Error(`no complete reply to ${argv.join(' ')}`);
      await new Promise<void>((r) => {
        this.waiter = r;
        setTimeout(r, 50);
      });
    }
    return this.buf;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Whether buf holds one whole simple reply (status, error, integer or bulk). */
function complete(buf: Buffer): boolean {
  const nl = buf.indexOf('\r\n');
  if (nl < 0) return false;
  if (buf[0] !== 0x24) return true; // '$'
  const n = Number(buf.toString('latin1', 1, nl));
  return n < 0 || buf.length >= nl + 2 + n + 2;
}

const bulk = (bytes: number[]): Buffer => Buffer.concat([Buffer.from(`$${bytes.length}\r\n`), Buffer.from(bytes), Buffer.from('\r\n')]);

/** The requests, and what Redis answers by its definition of strings as bytes. */
const CASES: { argv: (string | Buffer)[]; expected: Buffer }[] = [
  { argv: ['SET', 'bin', Buffer.from([0x80, 0xff, 0x00, 0x41])], expected: Buffer.from('+OK\r\n') },
  { argv: ['GET', 'bin'], expected: bulk([0x80, 0xff, 0x00, 0x41]) },
  { argv: ['STRLEN', 'bin'], expected: Buffer.from(':4\r\n') },
  { argv: ['APPEND', 'bin', Buffer.from([0xc3])], expected: Buffer.from(':5\r\n') },
  { argv: ['APPEND', 'bin', Buffer.from([0xa9])], expected: Buffer.from(':6\r\n') },
  { argv: ['GET', 'bin'], expected: bulk([0x80, 0xff, 0x00, 0x41, 0xc3, 0xa9]) },
  { argv: ['GETRANGE', 'bin', '4', '4'], expected: bulk([0xc3]) },
  { argv: ['SETBIT', 'bits', '0', '1'], expected: Buffer.from(':0\r\n') },
  { argv: ['GET', 'bits'], expected: bulk([0x80]) },
  { argv: ['SET', 'word', 'é'], expected: Buffer.from('+OK\r\n') },
  { argv: ['SETRANGE', 'word', '1', Buffer.from([0x41])], expected: Buffer.from(':2\r\n') },
  { argv: ['GET', 'word'], expected: bulk([0xc3, 0x41]) },
  { argv: ['BITOP', 'NOT', 'inv', 'word'], expected: Buffer.from(':2\r\n') },
  { argv: ['GET', 'inv'], expected: bulk([0x3c, 0xbe]) },
];

async function play(port: number): Promise<Buffer[]> {
  const c = await RawClient.connect(port);
  try {
    await c.call('FLUSHALL');
    const out: Buffer[] = [];
    for (const k of CASES) out.push(await c.call(...k.argv));
    return out;
  } finally {
    c.close();
  }
}

describe('serve mode: values are bytes', () => {
  let lab: ServeLab;
  let real: RealRedis | null = null;

  beforeAll(async () => {
    const base = await freePorts(4, 7600, 7649);
    lab = await ServeLab.start({ basePort: base, adminPort: base + 3 });
    real = await startRealRedis(7650, 7699);
  }, 30_000);

  afterAll(async () => {
    await lab?.stop();
    real?.stop();
  });

  it('answers every request with the bytes Redis defines', async () => {
    const got = await play(lab.basePort);
    expect(got.map((g, i) => [i, g.toString('hex')])).toEqual(CASES.map((c, i) => [i, c.expected.toString('hex')]));
  });

  it('answers the same bytes as a real redis-server 7.0', async (ctx) => {
    if (!real) return ctx.skip();
    const realPort = real.port;
    const [served, actual] = await Promise.all([play(lab.basePort), play(realPort)]);
    expect(served.map((b) => b.toString('hex'))).toEqual(actual.map((b) => b.toString('hex')));
  });
});
