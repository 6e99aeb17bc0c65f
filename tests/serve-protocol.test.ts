// Serve mode's request reader, without sockets: Redis 7.0's rules for
// multibulk and inline requests, byte splits, and the protocol errors it
// answers before closing a connection.

import { describe, expect, it } from 'vitest';
import { type Request, RequestParser, splitArgs, string2ll } from '../src/serve/request-parser';
import { setupAtWallTime, setupWorld } from '../src/serve/setup';

function all(chunks: (string | Buffer)[], authRequired = false): Request[] {
  const p = new RequestParser();
  const out: Request[] = [];
  for (const c of chunks) {
    p.feed(typeof c === 'string' ? Buffer.from(c, 'latin1') : c);
    for (let r = p.next(authRequired); r; r = p.next(authRequired)) {
      out.push(r);
      if (r.t === 'error') return out;
    }
  }
  return out;
}

const cmd = (...argv: string[]): Request => ({ t: 'command', argv });
const split = (line: string): string[] | null => splitArgs(Buffer.from(line, 'latin1'))?.map((b) => Buffer.from(b).toString('utf8')) ?? null;

describe('serve: reading requests as Redis does', () => {
  it('three pipelined multibulk commands in one packet come out in order', () => {
    expect(all(['*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n'])).toEqual([cmd('PING'), cmd('ECHO', 'hi'), cmd('SET', 'k', 'v')]);
  });

  it('a command split byte by byte waits for its last byte', () => {
    const bytes = '*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\nPING\r\n'.split('');
    expect(all(bytes)).toEqual([cmd('ECHO', 'hello'), cmd('PING')]);
  });

  it('bulk lengths count bytes: a UTF-8 argument arrives as one string', () => {
    expect(all([Buffer.from('*2\r\n$4\r\nECHO\r\n$5\r\ncafé\r\n', 'utf8')])).toEqual([cmd('ECHO', 'café')]);
  });

  it('inline commands: \\n or \\r\\n, quotes and escapes as sdssplitargs', () => {
    expect(all(['PING\r\nPING\nSET k "hello world"\r\n'])).toEqual([cmd('PING'), cmd('PING'), cmd('SET', 'k', 'hello world')]);
    expect(split(`SET k 'it\\'s' "a\\tb" "\\xc3\\xa9"`)).toEqual(['SET', 'k', "it's", 'a\tb', 'é']);
    expect(split('  ')).toEqual([]);
    expect(split('a"b c"')).toEqual(['ab c']);
  });

  it('an empty line and *0 are skipped without a command', () => {
    expect(all(['\r\n*0\r\n*-1\r\nPING\r\n'])).toEqual([cmd(), cmd(), cmd(), cmd('PING')]);
  });

  it('unbalanced quotes are a protocol error', () => {
    expect(all(['ECHO "abc\r\n'])).toEqual([{ t: 'error', message: 'Protocol error: unbalanced quotes in request' }]);
    expect(all(['ECHO "abc"x\r\n'])).toEqual([{ t: 'error', message: 'Protocol error: unbalanced quotes in request' }]);
    expect(split("'a'b")).toBeNull();
  });

  it('bad multibulk and bulk lengths are the errors Redis 7.0.15 sends', () => {
    expect(all(['*x\r\n'])).toEqual([{ t: 'error', message: 'Protocol error: invalid multibulk length' }]);
    expect(all(['*01\r\n'])).toEqual([{ t: 'error', message: 'Protocol error: invalid multibulk length' }]);
    expect(all(['*1\r\n$-3\r\n'])).toEqual([{ t: 'error', message: 'Protocol error: invalid bulk length' }]);
    expect(all(['*1\r\n$+4\r\n'])).toEqual([{ t: 'error', message: 'Protocol error: invalid bulk length' }]);
    expect(all(['PING\r\n*1\r\nx4\r\n'])).toEqual([cmd('PING'), { t: 'error', message: "Protocol error: expected '$', got 'x'" }]);
  });

  it('the two bytes after a bulk are skipped unchecked, as in Redis', () => {
    expect(all(['*1\r\n$4\r\nPINGXXPING\r\n'])).toEqual([cmd('PING'), cmd('PING')]);
  });

  it('before AUTH a multibulk may have at most 10 arguments of at most 16384 bytes', () => {
    expect(all(['*11\r\n'], true)).toEqual([{ t: 'error', message: 'Protocol error: unauthenticated multibulk length' }]);
    expect(all(['*2\r\n$20000\r\n'], true)).toEqual([{ t: 'error', message: 'Protocol error: unauthenticated bulk length' }]);
    expect(all(['*11\r\n'], false)).toEqual([]);
  });

  it('an inline request longer than 64 KB without a newline is refused', () => {
    expect(all(['x'.repeat(70_000)])).toEqual([{ t: 'error', message: 'Protocol error: too big inline request' }]);
  });

  it('string2ll accepts what Redis accepts', () => {
    expect(['0', '12', '-5'].map(string2ll)).toEqual([0, 12, -5]);
    expect(['', '+1', '01', '-0', '1 ', ' 1', '99999999999999999999'].map(string2ll)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('serve setup', () => {
  it('plays the scenario on ports from the base port and reports error replies and down nodes by line', () => {
    const { world, warnings } = setupWorld('node m\nnode r replicaof $m\nsync\nr> SET k v\ncrash m\nm> PING\n', 7570);
    expect(world.views().map((v) => [v.name, v.port])).toEqual([
      ['m', 7570],
      ['r', 7571],
    ]);
    expect(warnings).toEqual(["line 4: r> SET k v: (error) READONLY You can't write against a read only replica.", 'line 6: m> PING: node is down']);
  });

  it('ends the setup at the wall clock, so TIME and EXAT agree with the client', () => {
    const now = 1_800_000_123_456;
    const { world } = setupAtWallTime('node m\nnode r replicaof $m\nsync\nsleep 2500\n', 7570, 1, now);
    expect(world.elapsedMs).toBeGreaterThanOrEqual(2500);
    expect(world.nowMs).toBe(now);
    const c = world.connect('m');
    const time = world.command('m', c, ['TIME']);
    expect(time).toMatchObject({ t: 'array' });
    expect(JSON.stringify(time)).toContain(`"${Math.floor(now / 1000)}"`);
    world.command('m', c, ['SET', 'k', 'v', 'EXAT', String(Math.floor(now / 1000) + 10)]);
    expect(world.command('m', c, ['TTL', 'k'])).toEqual({ t: 'int', n: 10 });
  });
});
