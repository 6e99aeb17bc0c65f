// Sorted sets (commands/zsets.ts) against Redis 7.0.15. Every expected reply
// and every expected propagated command below was recorded on a real
// redis-server 7.0.15: each transcript was played on a master while a fake
// replica (SYNC) read its replication stream, each command's share of the
// stream delimited by PUBLISH markers; SELECT and PING are left out. Here the
// transcripts are played on a simulated master with a connected replica, and
// what the master propagated is read from its replication backlog (what the
// replica is sent), so the check covers the whole path.

import { describe, expect, it } from 'vitest';
import { fmt17g, string2d } from '../src/engine/commands/zsets';
import { encodeReply } from '../src/engine/resp/encode';
import { World } from '../src/engine/world';

interface Lab {
  w: World;
  /** Run on the master: the reply's RESP text and the commands it propagated. */
  run(argv: string[]): { resp: string; ops: string[][] };
  /** Run on the replica (after letting the stream arrive). */
  onReplica(argv: string[]): string;
}

function lab(): Lab {
  const w = new World({ seed: 7, trace: false });
  w.addNode('m', []);
  w.addNode('r', [['replicaof', '127.0.0.1 6379']]);
  const ok = w.runUntil(() => w.views()[1].linkState === 'connected', 30_000);
  if (!ok) throw new Error('replica did not connect');
  const m = w.connect('m');
  const r = w.connect('r');
  const backlogItems = () => w.node('m').repl.backlog?.items ?? [];
  return {
    w,
    run(argv) {
      const before = backlogItems().length;
      const reply = w.command('m', m, argv);
      const ops = backlogItems()
        .slice(before)
        .filter((it) => it.kind === 'stream' && it.argv[0].toUpperCase() !== 'SELECT')
        .map((it) => it.argv);
      return { resp: encodeReply(reply), ops };
    },
    onReplica(argv) {
      w.advance(500);
      return encodeReply(w.command('r', r, argv));
    },
  };
}

/** A RESP2 text parsed into nested arrays of strings (null for nil). */
type Parsed = string | null | Parsed[];
function parseResp(s: string): Parsed {
  let i = 0;
  const line = (): string => {
    const e = s.indexOf('\r\n', i);
    const l = s.slice(i, e);
    i = e + 2;
    return l;
  };
  const value = (): Parsed => {
    const l = line();
    const n = Number(l.slice(1));
    if (l[0] === '*') {
      if (n < 0) return null;
      const out: Parsed[] = [];
      for (let k = 0; k < n; k++) out.push(value());
      return out;
    }
    if (l[0] === '$') {
      if (n < 0) return null;
      const v = s.slice(i, i + n);
      i += n + 2;
      return v;
    }
    return l;
  };
  return value();
}

/** A SCAN reply with the [member, score] pairs of a hash-table sorted set in a defined order. */
function scanPairsSorted(resp: string): Parsed {
  const p = parseResp(resp) as Parsed[];
  const flat = p[1] as string[];
  const pairs: string[] = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push(`${flat[k]} ${flat[k + 1]}`);
  return [p[0], pairs.sort()];
}

type Row = [argv: string[], reply: string, ops: string[][], flag?: string];

function play(l: Lab, rows: Row[]): void {
  for (const [argv, reply, ops, flag] of rows) {
    const what = argv.join(' ');
    const got = l.run(argv);
    if (flag === '~') expect(scanPairsSorted(got.resp), what).toEqual(scanPairsSorted(reply));
    else expect(got.resp, what).toBe(reply);
    expect(got.ops, what).toEqual(ops);
  }
}

/** Every sorted set of db 0 on a node, as member -> score text (the replica check). */
function zsetsOf(w: World, node: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [k, o] of w.node(node).dbs[0].dict) {
    if (o.type !== 'zset') continue;
    const e: Record<string, string> = {};
    // A listpack keeps -0 as 0, so a replica with other limits may hold 0 where the master has -0.
    for (const [m, s] of o.v) e[m] = String(s === 0 ? 0 : s);
    out[k] = e;
  }
  return out;
}

describe('transcripts recorded on Redis 7.0.15', () => {
  it('commands, replies, errors, encodings and propagation', () => {
    const l = lab();
    play(l, transcriptCommands());
    l.w.advance(1000);
    const master = zsetsOf(l.w, 'm');
    expect(Object.keys(master).length).toBeGreaterThan(10);
    expect(zsetsOf(l.w, 'r')).toEqual(master);
  });

  it('score parsing (strtod) and printing (%.17g; a listpack ZSCAN prints integral scores as integers)', () => {
    const l = lab();
    play(l, transcriptScores());
  });
});

describe('a replica gets the same sorted sets', () => {
  it('ZADD, ZINCRBY, ZADD INCR, ZPOPMIN/ZPOPMAX, ZUNIONSTORE, ZRANGESTORE, ZMPOP go out as Redis sends them', () => {
    const l = lab();
    play(l, transcriptReplica());
    // What the replica of the recording held afterwards (redis-cli on the replica).
    expect(l.onReplica(['ZRANGE', 'lb', '0', '-1', 'WITHSCORES'])).toBe('*2\r\n$3\r\nbob\r\n$2\r\n20\r\n');
    expect(l.onReplica(['ZRANGE', 'other', '0', '-1', 'WITHSCORES'])).toBe('*4\r\n$1\r\nx\r\n$1\r\n1\r\n$4\r\ndave\r\n$1\r\n3\r\n');
    expect(l.onReplica(['ZRANGE', 'u', '0', '-1', 'WITHSCORES'])).toBe('*4\r\n$4\r\ndave\r\n$1\r\n3\r\n$3\r\nbob\r\n$2\r\n40\r\n');
    expect(l.onReplica(['EXISTS', 'i'])).toBe(':0\r\n');
    expect(l.onReplica(['ZRANGE', 'rs', '0', '-1', 'WITHSCORES'])).toBe('*4\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\ny\r\n$1\r\n2\r\n');
    expect(l.onReplica(['ZRANGE', 'big', '0', '-1', 'WITHSCORES'])).toBe('*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n');
    expect(zsetsOf(l.w, 'r')).toEqual(zsetsOf(l.w, 'm'));
  });

  it('the replica encodes by its own zset-max-listpack-entries: a master skiplist is a replica listpack, where -0 reads 0', () => {
    const l = lab();
    play(l, transcriptReplica());
    // Recorded: OBJECT ENCODING big is skiplist on the master (0 entries allowed there), listpack on the
    // replica (default 128); ZSCORE neg z is "-0" on the master, "0" on the replica.
    expect(l.onReplica(['OBJECT', 'ENCODING', 'big'])).toBe('$8\r\nlistpack\r\n');
    expect(l.onReplica(['OBJECT', 'ENCODING', 'neg'])).toBe('$8\r\nlistpack\r\n');
    expect(l.onReplica(['ZSCORE', 'neg', 'z'])).toBe('$1\r\n0\r\n');
    expect(l.run(['ZSCORE', 'neg', 'z']).resp).toBe('$2\r\n-0\r\n');
  });
});

describe('a replica that attaches later loads the sorted sets from the RDB', () => {
  it('same members and scores; a small master skiplist loads as a listpack (recorded: OBJECT ENCODING big on the replica)', () => {
    const w = new World({ seed: 3, trace: false });
    w.addNode('m', []);
    const m = w.connect('m');
    for (const [argv] of transcriptReplica()) w.command('m', m, argv);
    expect(encodeReply(w.command('m', m, ['OBJECT', 'ENCODING', 'big']))).toBe('$8\r\nskiplist\r\n');
    w.addNode('r', [['replicaof', '127.0.0.1 6379']]);
    expect(w.runUntil(() => w.views()[1].linkState === 'connected', 60_000)).toBe(true);
    const r = w.connect('r');
    expect(encodeReply(w.command('r', r, ['ZRANGE', 'u', '0', '-1', 'WITHSCORES']))).toBe('*4\r\n$4\r\ndave\r\n$1\r\n3\r\n$3\r\nbob\r\n$2\r\n40\r\n');
    expect(encodeReply(w.command('r', r, ['OBJECT', 'ENCODING', 'big']))).toBe('$8\r\nlistpack\r\n');
    expect(zsetsOf(w, 'r')).toEqual(zsetsOf(w, 'm'));
  });
});

describe('BZPOPMIN, BZPOPMAX, BZMPOP (recorded with three clients on Redis 7.0.15)', () => {
  /** Clients A, B, C on the master; `ops` collects what the master propagated. */
  function clients() {
    const l = lab();
    const ids = { A: l.w.connect('m'), B: l.w.connect('m'), C: l.w.connect('m') };
    const ops: string[][] = [];
    const items = () => l.w.node('m').repl.backlog?.items ?? [];
    let seen = items().length;
    const collect = () => {
      for (const it of items().slice(seen)) if (it.kind === 'stream' && it.argv[0].toUpperCase() !== 'SELECT') ops.push(it.argv);
      seen = items().length;
    };
    const send = (who: keyof typeof ids, ...argv: string[]) => {
      l.w.send('m', ids[who], argv);
      collect();
    };
    const reply = (who: keyof typeof ids) => {
      const r = l.w.takeReply('m', ids[who]);
      return r ? encodeReply(r) : null;
    };
    return { l, ops, send, reply };
  }

  it('a blocked BZPOPMIN is served by a ZADD and goes out as ZPOPMIN after it', () => {
    const { ops, send, reply } = clients();
    send('B', 'BZPOPMIN', 'bk', '0');
    expect(reply('B')).toBeNull();
    send('A', 'ZADD', 'bk', '1', 'a', '2', 'b');
    expect(reply('A')).toBe(':2\r\n');
    expect(reply('B')).toBe('*3\r\n$2\r\nbk\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(ops).toEqual([
      ['ZADD', 'bk', '1', 'a', '2', 'b'],
      ['ZPOPMIN', 'bk'],
    ]);
  });

  it('a blocked BZMPOP with COUNT goes out as ZPOPMAX key <what it got>', () => {
    const { ops, send, reply } = clients();
    send('B', 'BZMPOP', '0', '2', 'nk', 'bk2', 'MAX', 'COUNT', '5');
    send('A', 'ZADD', 'bk2', '1', 'a', '2', 'b', '3', 'c');
    expect(reply('A')).toBe(':3\r\n');
    expect(reply('B')).toBe('*2\r\n$3\r\nbk2\r\n*3\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(ops).toEqual([
      ['ZADD', 'bk2', '1', 'a', '2', 'b', '3', 'c'],
      ['ZPOPMAX', 'bk2', '3'],
    ]);
  });

  it('after EXEC the first key made ready serves first, and a client is served from the key that woke it', () => {
    const { ops, send, reply } = clients();
    send('B', 'BZPOPMAX', 'x1', 'x2', '0');
    send('C', 'BZPOPMIN', 'x2', '0');
    send('A', 'MULTI');
    send('A', 'ZADD', 'x2', '1', 'a');
    send('A', 'ZADD', 'x1', '5', 'q');
    send('A', 'EXEC');
    expect([reply('A'), reply('A'), reply('A'), reply('A')]).toEqual(['+OK\r\n', '+QUEUED\r\n', '+QUEUED\r\n', '*2\r\n:1\r\n:1\r\n']);
    expect(reply('B')).toBe('*3\r\n$2\r\nx2\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(reply('C')).toBeNull();
    expect(ops).toEqual([['MULTI'], ['ZADD', 'x2', '1', 'a'], ['ZADD', 'x1', '5', 'q'], ['EXEC'], ['ZPOPMAX', 'x2']]);
  });

  it('inside MULTI they answer at once as on timeout; a timeout answers a null array', () => {
    const { l, ops, send, reply } = clients();
    send('A', 'MULTI');
    send('A', 'BZPOPMIN', 'nokey', '0');
    send('A', 'BZMPOP', '0', '1', 'nokey', 'MIN');
    send('A', 'EXEC');
    expect([reply('A'), reply('A'), reply('A'), reply('A')]).toEqual(['+OK\r\n', '+QUEUED\r\n', '+QUEUED\r\n', '*2\r\n*-1\r\n*-1\r\n']);
    send('B', 'BZPOPMIN', 'nokey', '0.1');
    expect(reply('B')).toBeNull();
    l.w.advance(99);
    expect(reply('B')).toBeNull();
    l.w.advance(2);
    expect(reply('B')).toBe('*-1\r\n');
    send('B', 'BZMPOP', '0.1', '1', 'nokey', 'MIN');
    l.w.advance(101);
    expect(reply('B')).toBe('*-1\r\n');
    expect(ops).toEqual([]);
  });
});

describe('encoding conversion', () => {
  it('a listpack turns into a skiplist past the limits and stays one; stored results are converted back when small', () => {
    const l = lab();
    const enc = (k: string) => l.run(['OBJECT', 'ENCODING', k]).resp;
    l.run(['CONFIG', 'SET', 'zset-max-listpack-entries', '3']);
    l.run(['ZADD', 'k', '1', 'a', '2', 'b', '3', 'c']);
    expect(enc('k')).toBe('$8\r\nlistpack\r\n');
    l.run(['ZADD', 'k', '4', 'd']);
    expect(enc('k')).toBe('$8\r\nskiplist\r\n');
    l.run(['ZPOPMIN', 'k', '3']);
    expect(enc('k')).toBe('$8\r\nskiplist\r\n');
    l.run(['ZUNIONSTORE', 'u', '1', 'k']);
    expect(enc('u')).toBe('$8\r\nlistpack\r\n');
    // Updating an existing member never converts; adding a long one does.
    l.run(['CONFIG', 'SET', 'zset-max-listpack-value', '4']);
    l.run(['ZINCRBY', 'u', '1', 'd']);
    expect(enc('u')).toBe('$8\r\nlistpack\r\n');
    l.run(['ZADD', 'u', '1', 'abcde']);
    expect(enc('u')).toBe('$8\r\nskiplist\r\n');
    // COPY keeps the encoding.
    l.run(['COPY', 'u', 'u2']);
    expect(enc('u2')).toBe('$8\r\nskiplist\r\n');
  });
});

describe('number helpers', () => {
  it('%.17g rounds ties to even on the exact binary value (printf), not away from zero (toPrecision)', () => {
    // 12345678 + 1/1024 = 12345678.0009765625 exactly: its 18th significant digit is a final 5.
    expect(fmt17g(12345678 + 1 / 1024)).toBe('12345678.000976562');
    expect(fmt17g(0.1)).toBe('0.10000000000000001');
    expect(fmt17g(1e17)).toBe('1e+17');
    expect(fmt17g(-1.5e-7)).toBe('-1.4999999999999999e-07');
    expect(fmt17g(-0)).toBe('-0');
  });

  it('string2d refuses what getDoubleFromObject refuses', () => {
    expect(string2d('0x1p-1074')).toBe(5e-324);
    expect(string2d('1e400')).toBeNull();
    expect(string2d('1e-400')).toBeNull();
    expect(string2d(' 1')).toBeNull();
    expect(string2d('nan')).toBeNull();
    expect(string2d('-inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(string2d('1\u00002')).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Recordings. Rows: [argv, RESP reply, commands propagated, flag]; flag '~'
// marks a ZSCAN of a hash-table (skiplist) sorted set, whose order is the
// dict's, compared as a set of member/score pairs.

function transcriptCommands(): Row[] {
  return [
        [["ZADD", "z", "1", "a", "2", "b", "3", "c"], ":3\r\n", [["ZADD", "z", "1", "a", "2", "b", "3", "c"]]],
        [["ZADD", "z", "XX", "NX", "1", "a"], "-ERR XX and NX options at the same time are not compatible\r\n", []],
        [["ZADD", "z", "GT", "LT", "1", "a"], "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n", []],
        [["ZADD", "z", "NX", "GT", "1", "a"], "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n", []],
        [["ZADD", "z", "INCR", "1", "a", "2", "b"], "-ERR INCR option supports a single increment-element pair\r\n", []],
        [["ZADD", "z", "1"], "-ERR wrong number of arguments for 'zadd' command\r\n", []],
        [["ZADD", "z", "nx"], "-ERR wrong number of arguments for 'zadd' command\r\n", []],
        [["ZADD", "z", "1", "a", "x", "b"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "z", "nan", "a"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "z", "CH", "5", "a", "2", "b", "9", "d"], ":2\r\n", [["ZADD", "z", "CH", "5", "a", "2", "b", "9", "d"]]],
        [["ZADD", "z", "GT", "CH", "1", "a", "10", "b", "7", "e"], ":2\r\n", [["ZADD", "z", "GT", "CH", "1", "a", "10", "b", "7", "e"]]],
        [["ZADD", "z", "LT", "1", "a"], ":0\r\n", [["ZADD", "z", "LT", "1", "a"]]],
        [["ZADD", "z", "XX", "100", "zz"], ":0\r\n", []],
        [["ZADD", "z", "XX", "INCR", "1", "zz"], "$-1\r\n", []],
        [["ZADD", "z", "NX", "INCR", "1", "a"], "$-1\r\n", []],
        [["ZADD", "z", "INCR", "2.5", "a"], "$3\r\n3.5\r\n", [["ZADD", "z", "INCR", "2.5", "a"]]],
        [["ZADD", "z", "INCR", "0", "a"], "$3\r\n3.5\r\n", []],
        [["ZADD", "z", "GT", "INCR", "-1", "a"], "$-1\r\n", []],
        [["ZADD", "z", "LT", "INCR", "-1", "a"], "$3\r\n2.5\r\n", [["ZADD", "z", "LT", "INCR", "-1", "a"]]],
        [["ZADD", "nokey", "XX", "1", "a"], ":0\r\n", []],
        [["EXISTS", "nokey"], ":0\r\n", []],
        [["ZINCRBY", "z", "1", "newm"], "$1\r\n1\r\n", [["ZINCRBY", "z", "1", "newm"]]],
        [["ZINCRBY", "z", "abc", "a"], "-ERR value is not a valid float\r\n", []],
        [["ZINCRBY", "z", "+inf", "inf1"], "$3\r\ninf\r\n", [["ZINCRBY", "z", "+inf", "inf1"]]],
        [["ZINCRBY", "z", "-inf", "inf1"], "-ERR resulting score is not a number (NaN)\r\n", []],
        [["ZSCORE", "z", "inf1"], "$3\r\ninf\r\n", []],
        [["ZADD", "z", "inf", "x1", "-inf", "x2", "+inf", "x3"], ":3\r\n", [["ZADD", "z", "inf", "x1", "-inf", "x2", "+inf", "x3"]]],
        [["ZRANGE", "z", "0", "-1", "WITHSCORES"], "*20\r\n$2\r\nx2\r\n$4\r\n-inf\r\n$4\r\nnewm\r\n$1\r\n1\r\n$1\r\na\r\n$3\r\n2.5\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\ne\r\n$1\r\n7\r\n$1\r\nd\r\n$1\r\n9\r\n$1\r\nb\r\n$2\r\n10\r\n$4\r\ninf1\r\n$3\r\ninf\r\n$2\r\nx1\r\n$3\r\ninf\r\n$2\r\nx3\r\n$3\r\ninf\r\n", []],
        [["ZADD", "f", "0.1", "a", "1e20", "b", "1.5e-7", "c", "12345678.0009765625", "d", "123456789012345678", "e", "-0", "g", "0x1p-3", "h", "1e-310", "i", "-1.5", "j", "3.0000000000000004", "k"], ":10\r\n", [["ZADD", "f", "0.1", "a", "1e20", "b", "1.5e-7", "c", "12345678.0009765625", "d", "123456789012345678", "e", "-0", "g", "0x1p-3", "h", "1e-310", "i", "-1.5", "j", "3.0000000000000004", "k"]]],
        [["ZRANGE", "f", "0", "-1", "WITHSCORES"], "*20\r\n$1\r\nj\r\n$4\r\n-1.5\r\n$1\r\ng\r\n$1\r\n0\r\n$1\r\ni\r\n$23\r\n9.9999999999999694e-311\r\n$1\r\nc\r\n$22\r\n1.4999999999999999e-07\r\n$1\r\na\r\n$19\r\n0.10000000000000001\r\n$1\r\nh\r\n$5\r\n0.125\r\n$1\r\nk\r\n$18\r\n3.0000000000000004\r\n$1\r\nd\r\n$18\r\n12345678.000976562\r\n$1\r\ne\r\n$22\r\n1.2345678901234568e+17\r\n$1\r\nb\r\n$5\r\n1e+20\r\n", []],
        [["ZSCAN", "f", "0"], "*2\r\n$1\r\n0\r\n*20\r\n$1\r\nj\r\n$4\r\n-1.5\r\n$1\r\ng\r\n$1\r\n0\r\n$1\r\ni\r\n$23\r\n9.9999999999999694e-311\r\n$1\r\nc\r\n$22\r\n1.4999999999999999e-07\r\n$1\r\na\r\n$19\r\n0.10000000000000001\r\n$1\r\nh\r\n$5\r\n0.125\r\n$1\r\nk\r\n$18\r\n3.0000000000000004\r\n$1\r\nd\r\n$18\r\n12345678.000976562\r\n$1\r\ne\r\n$18\r\n123456789012345680\r\n$1\r\nb\r\n$5\r\n1e+20\r\n", []],
        [["ZSCORE", "f", "g"], "$1\r\n0\r\n", []],
        [["ZMSCORE", "f", "a", "nosuch", "e"], "*3\r\n$19\r\n0.10000000000000001\r\n$-1\r\n$22\r\n1.2345678901234568e+17\r\n", []],
        [["ZADD", "f", "1e400", "x"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "f", " 1", "x"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "f", "1 ", "x"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "f", "", "x"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "f", "0x", "x"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "f", "1e", "x"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "f", ".5", "x"], ":1\r\n", [["ZADD", "f", ".5", "x"]]],
        [["ZADD", "f", "5.", "y"], ":1\r\n", [["ZADD", "f", "5.", "y"]]],
        [["ZADD", "f", "-.5e1", "w"], ":1\r\n", [["ZADD", "f", "-.5e1", "w"]]],
        [["ZADD", "f", "infinity", "inf2"], ":1\r\n", [["ZADD", "f", "infinity", "inf2"]]],
        [["ZADD", "f", "-Infinity", "inf3"], ":1\r\n", [["ZADD", "f", "-Infinity", "inf3"]]],
        [["ZADD", "f", "1e-400", "x"], "-ERR value is not a valid float\r\n", []],
        [["ZRANGE", "f", "0", "-1", "WITHSCORES"], "*30\r\n$4\r\ninf3\r\n$4\r\n-inf\r\n$1\r\nw\r\n$2\r\n-5\r\n$1\r\nj\r\n$4\r\n-1.5\r\n$1\r\ng\r\n$1\r\n0\r\n$1\r\ni\r\n$23\r\n9.9999999999999694e-311\r\n$1\r\nc\r\n$22\r\n1.4999999999999999e-07\r\n$1\r\na\r\n$19\r\n0.10000000000000001\r\n$1\r\nh\r\n$5\r\n0.125\r\n$1\r\nx\r\n$3\r\n0.5\r\n$1\r\nk\r\n$18\r\n3.0000000000000004\r\n$1\r\ny\r\n$1\r\n5\r\n$1\r\nd\r\n$18\r\n12345678.000976562\r\n$1\r\ne\r\n$22\r\n1.2345678901234568e+17\r\n$1\r\nb\r\n$5\r\n1e+20\r\n$4\r\ninf2\r\n$3\r\ninf\r\n", []],
        [["SET", "s", "v"], "+OK\r\n", [["SET", "s", "v"]]],
        [["ZADD", "s", "1", "a"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZSCORE", "s", "a"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZRANGE", "s", "0", "1"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZCARD", "s"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZPOPMIN", "s"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZUNIONSTORE", "d", "1", "s"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZMSCORE", "s", "a"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZADD", "r", "1", "a", "2", "b", "3", "c"], ":3\r\n", [["ZADD", "r", "1", "a", "2", "b", "3", "c"]]],
        [["ZREM", "r", "x", "a"], ":1\r\n", [["ZREM", "r", "x", "a"]]],
        [["ZREM", "r", "b", "c", "d"], ":2\r\n", [["ZREM", "r", "b", "c", "d"]]],
        [["EXISTS", "r"], ":0\r\n", []],
        [["ZREM", "r", "a"], ":0\r\n", []],
        [["ZREM", "nokey", "a"], ":0\r\n", []],
        [["ZADD", "g", "-inf", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "+inf", "g"], ":7\r\n", [["ZADD", "g", "-inf", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "+inf", "g"]]],
        [["ZRANGE", "g", "0", "-1"], "*7\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nf\r\n$1\r\ng\r\n", []],
        [["ZRANGE", "g", "1", "-2"], "*5\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nf\r\n", []],
        [["ZRANGE", "g", "-2", "-1"], "*2\r\n$1\r\nf\r\n$1\r\ng\r\n", []],
        [["ZRANGE", "g", "-100", "2"], "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n", []],
        [["ZRANGE", "g", "5", "100"], "*2\r\n$1\r\nf\r\n$1\r\ng\r\n", []],
        [["ZRANGE", "g", "3", "1"], "*0\r\n", []],
        [["ZRANGE", "g", "0", "-100"], "*0\r\n", []],
        [["ZRANGE", "g", "9223372036854775807", "-9223372036854775808"], "*0\r\n", []],
        [["ZRANGE", "g", "0", "-1", "REV", "WITHSCORES"], "*14\r\n$1\r\ng\r\n$3\r\ninf\r\n$1\r\nf\r\n$1\r\n5\r\n$1\r\ne\r\n$1\r\n4\r\n$1\r\nd\r\n$1\r\n3\r\n$1\r\nc\r\n$1\r\n2\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\na\r\n$4\r\n-inf\r\n", []],
        [["ZREVRANGE", "g", "0", "2", "WITHSCORES"], "*6\r\n$1\r\ng\r\n$3\r\ninf\r\n$1\r\nf\r\n$1\r\n5\r\n$1\r\ne\r\n$1\r\n4\r\n", []],
        [["ZREVRANGE", "g", "-2", "-1"], "*2\r\n$1\r\nb\r\n$1\r\na\r\n", []],
        [["ZRANGE", "g", "(1", "5", "BYSCORE"], "*4\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nf\r\n", []],
        [["ZRANGE", "g", "5", "(1", "BYSCORE", "REV"], "*4\r\n$1\r\nf\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n", []],
        [["ZRANGE", "g", "-inf", "+inf", "BYSCORE", "LIMIT", "1", "3", "WITHSCORES"], "*6\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n2\r\n$1\r\nd\r\n$1\r\n3\r\n", []],
        [["ZRANGE", "g", "-inf", "+inf", "BYSCORE", "LIMIT", "-1", "3"], "*0\r\n", []],
        [["ZRANGE", "g", "-inf", "+inf", "BYSCORE", "LIMIT", "2", "-1"], "*5\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nf\r\n$1\r\ng\r\n", []],
        [["ZRANGE", "g", "-inf", "+inf", "BYSCORE", "LIMIT", "2", "0"], "*0\r\n", []],
        [["ZRANGE", "g", "-inf", "+inf", "BYSCORE", "LIMIT", "10", "1"], "*0\r\n", []],
        [["ZRANGE", "g", "0", "1", "LIMIT", "1", "1"], "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX\r\n", []],
        [["ZRANGE", "g", "-", "+", "BYLEX", "WITHSCORES"], "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n", []],
        [["ZRANGE", "g", "0", "1", "BYSCORE", "BYLEX"], "-ERR syntax error\r\n", []],
        [["ZRANGE", "g", "0", "1", "REV", "REV"], "-ERR syntax error\r\n", []],
        [["ZRANGE", "g", "0", "1", "LIMIT", "1"], "-ERR syntax error\r\n", []],
        [["ZRANGE", "g", "0", "1", "LIMIT", "a", "1"], "-ERR value is not an integer or out of range\r\n", []],
        [["ZRANGE", "g", "a", "1"], "-ERR value is not an integer or out of range\r\n", []],
        [["ZRANGE", "g", "0", "1", "FOO"], "-ERR syntax error\r\n", []],
        [["ZRANGEBYSCORE", "g", "(-inf", "(2"], "*1\r\n$1\r\nb\r\n", []],
        [["ZRANGEBYSCORE", "g", "2", "4", "WITHSCORES", "LIMIT", "1", "5"], "*4\r\n$1\r\nd\r\n$1\r\n3\r\n$1\r\ne\r\n$1\r\n4\r\n", []],
        [["ZREVRANGEBYSCORE", "g", "+inf", "4"], "*3\r\n$1\r\ng\r\n$1\r\nf\r\n$1\r\ne\r\n", []],
        [["ZREVRANGEBYSCORE", "g", "(6", "(3", "LIMIT", "0", "1"], "*1\r\n$1\r\nf\r\n", []],
        [["ZRANGEBYSCORE", "g", "4", "2"], "*0\r\n", []],
        [["ZRANGEBYSCORE", "g", "x", "2"], "-ERR min or max is not a float\r\n", []],
        [["ZRANGEBYSCORE", "g", "1", "nan"], "-ERR min or max is not a float\r\n", []],
        [["ZRANGEBYSCORE", "g", "(", "5"], "*5\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nf\r\n", []],
        [["ZRANGEBYSCORE", "g", "", "5"], "*5\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n$1\r\nf\r\n", []],
        [["ZRANGEBYSCORE", "g", "0x2", "0x4"], "*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n", []],
        [["ZRANGEBYSCORE", "g", "1", "2", "REV"], "-ERR syntax error\r\n", []],
        [["ZRANGEBYSCORE", "g", "1", "2", "BYSCORE"], "-ERR syntax error\r\n", []],
        [["ZCOUNT", "g", "-inf", "+inf"], ":7\r\n", []],
        [["ZCOUNT", "g", "(1", "(4"], ":2\r\n", []],
        [["ZCOUNT", "g", "5", "1"], ":0\r\n", []],
        [["ZCOUNT", "g", "a", "1"], "-ERR min or max is not a float\r\n", []],
        [["ZCOUNT", "nokey", "0", "1"], ":0\r\n", []],
        [["ZADD", "l", "0", "alpha", "0", "bar", "0", "cool", "0", "down", "0", "elephant", "0", "foo", "0", "great", "0", "hill", "0", "omega"], ":9\r\n", [["ZADD", "l", "0", "alpha", "0", "bar", "0", "cool", "0", "down", "0", "elephant", "0", "foo", "0", "great", "0", "hill", "0", "omega"]]],
        [["ZRANGEBYLEX", "l", "-", "+"], "*9\r\n$5\r\nalpha\r\n$3\r\nbar\r\n$4\r\ncool\r\n$4\r\ndown\r\n$8\r\nelephant\r\n$3\r\nfoo\r\n$5\r\ngreat\r\n$4\r\nhill\r\n$5\r\nomega\r\n", []],
        [["ZLEXCOUNT", "l", "-", "+"], ":9\r\n", []],
        [["ZRANGEBYLEX", "l", "[bar", "[down"], "*3\r\n$3\r\nbar\r\n$4\r\ncool\r\n$4\r\ndown\r\n", []],
        [["ZLEXCOUNT", "l", "[bar", "[down"], ":3\r\n", []],
        [["ZRANGEBYLEX", "l", "(bar", "(down"], "*1\r\n$4\r\ncool\r\n", []],
        [["ZLEXCOUNT", "l", "(bar", "(down"], ":1\r\n", []],
        [["ZRANGEBYLEX", "l", "[cool", "+"], "*7\r\n$4\r\ncool\r\n$4\r\ndown\r\n$8\r\nelephant\r\n$3\r\nfoo\r\n$5\r\ngreat\r\n$4\r\nhill\r\n$5\r\nomega\r\n", []],
        [["ZLEXCOUNT", "l", "[cool", "+"], ":7\r\n", []],
        [["ZRANGEBYLEX", "l", "-", "(cool"], "*2\r\n$5\r\nalpha\r\n$3\r\nbar\r\n", []],
        [["ZLEXCOUNT", "l", "-", "(cool"], ":2\r\n", []],
        [["ZRANGEBYLEX", "l", "(hill", "(hill"], "*0\r\n", []],
        [["ZLEXCOUNT", "l", "(hill", "(hill"], ":0\r\n", []],
        [["ZRANGEBYLEX", "l", "[hill", "[hill"], "*1\r\n$4\r\nhill\r\n", []],
        [["ZLEXCOUNT", "l", "[hill", "[hill"], ":1\r\n", []],
        [["ZRANGEBYLEX", "l", "+", "-"], "*0\r\n", []],
        [["ZLEXCOUNT", "l", "+", "-"], ":0\r\n", []],
        [["ZRANGEBYLEX", "l", "[zzz", "+"], "*0\r\n", []],
        [["ZLEXCOUNT", "l", "[zzz", "+"], ":0\r\n", []],
        [["ZRANGEBYLEX", "l", "-", "[aaa"], "*0\r\n", []],
        [["ZLEXCOUNT", "l", "-", "[aaa"], ":0\r\n", []],
        [["ZREVRANGEBYLEX", "l", "+", "-", "LIMIT", "1", "2"], "*2\r\n$4\r\nhill\r\n$5\r\ngreat\r\n", []],
        [["ZREVRANGEBYLEX", "l", "[hill", "(bar"], "*6\r\n$4\r\nhill\r\n$5\r\ngreat\r\n$3\r\nfoo\r\n$8\r\nelephant\r\n$4\r\ndown\r\n$4\r\ncool\r\n", []],
        [["ZRANGEBYLEX", "l", "-", "+", "LIMIT", "2", "3"], "*3\r\n$4\r\ncool\r\n$4\r\ndown\r\n$8\r\nelephant\r\n", []],
        [["ZRANGEBYLEX", "l", "-", "+", "LIMIT", "-1", "3"], "*0\r\n", []],
        [["ZRANGEBYLEX", "l", "bar", "+"], "-ERR min or max not valid string range item\r\n", []],
        [["ZRANGEBYLEX", "l", "-x", "+"], "-ERR min or max not valid string range item\r\n", []],
        [["ZLEXCOUNT", "l", "a", "b"], "-ERR min or max not valid string range item\r\n", []],
        [["ZRANGEBYLEX", "l", "[bar", "[foo", "WITHSCORES"], "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n", []],
        [["ZADD", "lm", "1", "a", "0", "b", "2", "c", "0", "d"], ":4\r\n", [["ZADD", "lm", "1", "a", "0", "b", "2", "c", "0", "d"]]],
        [["ZRANGEBYLEX", "lm", "-", "+"], "*4\r\n$1\r\nb\r\n$1\r\nd\r\n$1\r\na\r\n$1\r\nc\r\n", []],
        [["ZRANGEBYLEX", "lm", "[b", "[d"], "*4\r\n$1\r\nb\r\n$1\r\nd\r\n$1\r\na\r\n$1\r\nc\r\n", []],
        [["ZLEXCOUNT", "lm", "[b", "[d"], ":4\r\n", []],
        [["ZREVRANGEBYLEX", "lm", "[d", "[b"], "*1\r\n$1\r\nc\r\n", []],
        [["ZRANK", "g", "a"], ":0\r\n", []],
        [["ZRANK", "g", "g"], ":6\r\n", []],
        [["ZREVRANK", "g", "a"], ":6\r\n", []],
        [["ZRANK", "g", "nosuch"], "$-1\r\n", []],
        [["ZRANK", "nokey", "a"], "$-1\r\n", []],
        [["ZCARD", "g"], ":7\r\n", []],
        [["ZCARD", "nokey"], ":0\r\n", []],
        [["ZADD", "rr", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"], ":5\r\n", [["ZADD", "rr", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"]]],
        [["ZREMRANGEBYRANK", "rr", "0", "0"], ":1\r\n", [["ZREMRANGEBYRANK", "rr", "0", "0"]]],
        [["ZREMRANGEBYRANK", "rr", "-1", "-1"], ":1\r\n", [["ZREMRANGEBYRANK", "rr", "-1", "-1"]]],
        [["ZREMRANGEBYRANK", "rr", "5", "10"], ":0\r\n", []],
        [["ZREMRANGEBYSCORE", "rr", "(2", "3"], ":1\r\n", [["ZREMRANGEBYSCORE", "rr", "(2", "3"]]],
        [["ZREMRANGEBYSCORE", "rr", "a", "3"], "-ERR min or max is not a float\r\n", []],
        [["ZREMRANGEBYLEX", "rr", "[a", "[z"], ":2\r\n", [["ZREMRANGEBYLEX", "rr", "[a", "[z"]]],
        [["ZREMRANGEBYLEX", "rr", "a", "z"], "-ERR min or max not valid string range item\r\n", []],
        [["ZRANGE", "rr", "0", "-1"], "*0\r\n", []],
        [["ZREMRANGEBYRANK", "rr", "0", "-1"], ":0\r\n", []],
        [["EXISTS", "rr"], ":0\r\n", []],
        [["ZREMRANGEBYSCORE", "nokey", "0", "1"], ":0\r\n", []],
        [["ZREMRANGEBYRANK", "rr", "a", "1"], "-ERR value is not an integer or out of range\r\n", []],
        [["ZADD", "p", "1", "a", "2", "b", "3", "c", "4", "d"], ":4\r\n", [["ZADD", "p", "1", "a", "2", "b", "3", "c", "4", "d"]]],
        [["ZPOPMIN", "p"], "*2\r\n$1\r\na\r\n$1\r\n1\r\n", [["ZPOPMIN", "p"]]],
        [["ZPOPMAX", "p"], "*2\r\n$1\r\nd\r\n$1\r\n4\r\n", [["ZPOPMAX", "p"]]],
        [["ZPOPMIN", "p", "0"], "*0\r\n", []],
        [["ZPOPMIN", "p", "-1"], "-ERR value is out of range, must be positive\r\n", []],
        [["ZPOPMIN", "p", "x"], "-ERR value is out of range, must be positive\r\n", []],
        [["ZPOPMIN", "p", "1", "2"], "-ERR syntax error\r\n", []],
        [["ZPOPMAX", "p", "10"], "*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n", [["ZPOPMAX", "p", "10"]]],
        [["EXISTS", "p"], ":0\r\n", []],
        [["ZPOPMIN", "p"], "*0\r\n", []],
        [["ZPOPMIN", "p", "3"], "*0\r\n", []],
        [["ZADD", "p", "1", "a", "2", "b", "3", "c"], ":3\r\n", [["ZADD", "p", "1", "a", "2", "b", "3", "c"]]],
        [["ZMPOP", "2", "nokey", "p", "MAX", "COUNT", "2"], "*2\r\n$1\r\np\r\n*2\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n", [["ZPOPMAX", "p", "2"]]],
        [["ZMPOP", "1", "p", "MIN"], "*2\r\n$1\r\np\r\n*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n", [["ZPOPMIN", "p", "1"]]],
        [["ZMPOP", "1", "p", "MIN"], "*-1\r\n", []],
        [["ZMPOP", "0", "p", "MIN"], "-ERR numkeys should be greater than 0\r\n", []],
        [["ZMPOP", "a", "p", "MIN"], "-ERR numkeys should be greater than 0\r\n", []],
        [["ZMPOP", "1", "p", "MIN", "COUNT", "0"], "-ERR count should be greater than 0\r\n", []],
        [["ZMPOP", "1", "p", "MIN", "COUNT", "1", "COUNT", "2"], "-ERR syntax error\r\n", []],
        [["ZMPOP", "2", "p", "MIN"], "-ERR syntax error\r\n", []],
        [["ZMPOP", "1", "p", "BAD"], "-ERR syntax error\r\n", []],
        [["ZMPOP", "1", "s", "MIN"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["ZADD", "p", "1", "a"], ":1\r\n", [["ZADD", "p", "1", "a"]]],
        [["BZPOPMIN", "nokey", "p", "0"], "*3\r\n$1\r\np\r\n$1\r\na\r\n$1\r\n1\r\n", [["ZPOPMIN", "p"]]],
        [["ZADD", "p", "1", "a", "2", "b"], ":2\r\n", [["ZADD", "p", "1", "a", "2", "b"]]],
        [["BZPOPMAX", "p", "1"], "*3\r\n$1\r\np\r\n$1\r\nb\r\n$1\r\n2\r\n", [["ZPOPMAX", "p"]]],
        [["BZMPOP", "0", "1", "p", "MIN", "COUNT", "5"], "*2\r\n$1\r\np\r\n*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n", [["ZPOPMIN", "p", "1"]]],
        [["BZPOPMIN", "p", "-1"], "-ERR timeout is negative\r\n", []],
        [["BZPOPMIN", "p", "abc"], "-ERR timeout is not a float or out of range\r\n", []],
        [["BZMPOP", "abc", "1", "p", "MIN"], "-ERR timeout is not a float or out of range\r\n", []],
        [["BZMPOP", "0", "0", "p", "MIN"], "-ERR numkeys should be greater than 0\r\n", []],
        [["BZPOPMIN", "s", "0"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["DEL", "s"], ":1\r\n", [["DEL", "s"]]],
        [["ZADD", "za", "1", "a", "2", "b", "3", "c"], ":3\r\n", [["ZADD", "za", "1", "a", "2", "b", "3", "c"]]],
        [["ZADD", "zb", "1", "b", "2", "c", "3", "d"], ":3\r\n", [["ZADD", "zb", "1", "b", "2", "c", "3", "d"]]],
        [["SADD", "sa", "a", "b", "x"], ":3\r\n", [["SADD", "sa", "a", "b", "x"]]],
        [["ZUNIONSTORE", "zu", "2", "za", "zb"], ":4\r\n", [["ZUNIONSTORE", "zu", "2", "za", "zb"]]],
        [["ZRANGE", "zu", "0", "-1", "WITHSCORES"], "*8\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n3\r\n$1\r\nc\r\n$1\r\n5\r\n", []],
        [["ZINTERSTORE", "zi", "2", "za", "zb", "WEIGHTS", "2", "3"], ":2\r\n", [["ZINTERSTORE", "zi", "2", "za", "zb", "WEIGHTS", "2", "3"]]],
        [["ZRANGE", "zi", "0", "-1", "WITHSCORES"], "*4\r\n$1\r\nb\r\n$1\r\n7\r\n$1\r\nc\r\n$2\r\n12\r\n", []],
        [["ZUNION", "3", "za", "zb", "sa", "WITHSCORES"], "*10\r\n$1\r\nx\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n$1\r\nd\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n$1\r\nc\r\n$1\r\n5\r\n", []],
        [["ZUNION", "2", "za", "zb", "AGGREGATE", "MAX", "WITHSCORES"], "*8\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n3\r\n", []],
        [["ZINTER", "2", "za", "sa", "AGGREGATE", "MIN", "WITHSCORES"], "*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n1\r\n", []],
        [["ZINTER", "2", "za", "zb", "WEIGHTS", "1", "nan"], "-ERR weight value is not a float\r\n", []],
        [["ZINTER", "2", "za", "zb", "WEIGHTS", "1"], "-ERR syntax error\r\n", []],
        [["ZINTER", "2", "za", "zb", "AGGREGATE", "foo"], "-ERR syntax error\r\n", []],
        [["ZDIFF", "2", "za", "zb", "WITHSCORES"], "*2\r\n$1\r\na\r\n$1\r\n1\r\n", []],
        [["ZDIFF", "2", "za", "za"], "*0\r\n", []],
        [["ZDIFF", "1", "za", "WEIGHTS", "1"], "-ERR syntax error\r\n", []],
        [["ZDIFFSTORE", "zd", "2", "za", "zb"], ":1\r\n", [["ZDIFFSTORE", "zd", "2", "za", "zb"]]],
        [["ZRANGE", "zd", "0", "-1", "WITHSCORES"], "*2\r\n$1\r\na\r\n$1\r\n1\r\n", []],
        [["ZDIFFSTORE", "zd", "2", "za", "za"], ":0\r\n", [["ZDIFFSTORE", "zd", "2", "za", "za"]]],
        [["EXISTS", "zd"], ":0\r\n", []],
        [["ZDIFFSTORE", "zd", "1", "nokey"], ":0\r\n", []],
        [["ZINTERCARD", "2", "za", "zb"], ":2\r\n", []],
        [["ZINTERCARD", "2", "za", "zb", "LIMIT", "1"], ":1\r\n", []],
        [["ZINTERCARD", "2", "za", "zb", "LIMIT", "-1"], "-ERR LIMIT can't be negative\r\n", []],
        [["ZINTERCARD", "0", "za"], "-ERR at least 1 input key is needed for 'zintercard' command\r\n", []],
        [["ZINTERCARD", "3", "za", "zb"], "-ERR syntax error\r\n", []],
        [["ZINTERCARD", "1", "za", "WITHSCORES"], "-ERR syntax error\r\n", []],
        [["ZUNIONSTORE", "zu", "0", "za"], "-ERR at least 1 input key is needed for 'zunionstore' command\r\n", []],
        [["ZUNIONSTORE", "zu", "-1", "za"], "-ERR at least 1 input key is needed for 'zunionstore' command\r\n", []],
        [["ZUNIONSTORE", "zu", "x", "za"], "-ERR value is not an integer or out of range\r\n", []],
        [["ZUNIONSTORE", "zu", "1", "nokey"], ":0\r\n", [["ZUNIONSTORE", "zu", "1", "nokey"]]],
        [["EXISTS", "zu"], ":0\r\n", []],
        [["ZUNION", "1", "za", "WITHSCORES", "WITHSCORES"], "*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n", []],
        [["ZUNIONSTORE", "zu", "1", "za", "WITHSCORES"], "-ERR syntax error\r\n", []],
        [["ZADD", "zinf", "inf", "a", "-inf", "b"], ":2\r\n", [["ZADD", "zinf", "inf", "a", "-inf", "b"]]],
        [["ZADD", "zinf2", "-inf", "a", "inf", "b"], ":2\r\n", [["ZADD", "zinf2", "-inf", "a", "inf", "b"]]],
        [["ZUNION", "2", "zinf", "zinf2", "WITHSCORES"], "*4\r\n$1\r\na\r\n$1\r\n0\r\n$1\r\nb\r\n$1\r\n0\r\n", []],
        [["ZINTER", "2", "zinf", "zinf2", "WEIGHTS", "0", "1", "WITHSCORES"], "*4\r\n$1\r\na\r\n$4\r\n-inf\r\n$1\r\nb\r\n$3\r\ninf\r\n", []],
        [["ZUNION", "1", "zinf", "WEIGHTS", "0", "WITHSCORES"], "*4\r\n$1\r\na\r\n$1\r\n0\r\n$1\r\nb\r\n$1\r\n0\r\n", []],
        [["ZRANGESTORE", "dst", "g", "0", "2"], ":3\r\n", [["ZRANGESTORE", "dst", "g", "0", "2"]]],
        [["ZRANGE", "dst", "0", "-1", "WITHSCORES"], "*6\r\n$1\r\na\r\n$4\r\n-inf\r\n$1\r\nb\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n2\r\n", []],
        [["ZRANGESTORE", "dst", "g", "(1", "+inf", "BYSCORE", "LIMIT", "1", "2"], ":2\r\n", [["ZRANGESTORE", "dst", "g", "(1", "+inf", "BYSCORE", "LIMIT", "1", "2"]]],
        [["ZRANGE", "dst", "0", "-1", "WITHSCORES"], "*4\r\n$1\r\nd\r\n$1\r\n3\r\n$1\r\ne\r\n$1\r\n4\r\n", []],
        [["ZRANGESTORE", "dst", "l", "[bar", "[down", "BYLEX", "REV"], ":0\r\n", [["ZRANGESTORE", "dst", "l", "[bar", "[down", "BYLEX", "REV"]]],
        [["ZRANGESTORE", "dst", "g", "5", "1"], ":0\r\n", []],
        [["EXISTS", "dst"], ":0\r\n", []],
        [["ZRANGESTORE", "dst", "nokey", "0", "-1"], ":0\r\n", []],
        [["ZRANGESTORE", "dst", "g", "0", "-1", "WITHSCORES"], "-ERR syntax error\r\n", []],
        [["ZRANDMEMBER", "nokey"], "$-1\r\n", []],
        [["ZRANDMEMBER", "nokey", "5"], "*0\r\n", []],
        [["ZRANDMEMBER", "za", "0"], "*0\r\n", []],
        [["ZRANDMEMBER", "za", "10"], "*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n", []],
        [["ZRANDMEMBER", "za", "3", "WITHSCORES"], "*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n", []],
        [["ZRANDMEMBER", "za", "1", "x"], "-ERR syntax error\r\n", []],
        [["ZRANDMEMBER", "za", "-9223372036854775808"], "-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n", []],
        [["ZRANDMEMBER", "za", "9223372036854775807", "WITHSCORES"], "-ERR value is out of range\r\n", []],
        [["ZRANDMEMBER", "za", "x"], "-ERR value is not an integer or out of range\r\n", []],
        [["ZSCAN", "nokey", "0"], "*2\r\n$1\r\n0\r\n*0\r\n", []],
        [["ZSCAN", "za", "0", "MATCH", "a*"], "*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n", []],
        [["ZSCAN", "za", "x"], "-ERR invalid cursor\r\n", []],
        [["ZSCAN", "za", "0", "COUNT", "0"], "-ERR syntax error\r\n", []],
        [["ZSCAN", "za", "0", "FOO", "1"], "-ERR syntax error\r\n", []],
        [["ZSCAN", "za", "-1"], "*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n", []],
        [["ZSCAN", "za", "18446744073709551616"], "-ERR invalid cursor\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-entries", "2"], "+OK\r\n", []],
        [["ZADD", "e1", "1", "a", "2", "b"], ":2\r\n", [["ZADD", "e1", "1", "a", "2", "b"]]],
        [["OBJECT", "ENCODING", "e1"], "$8\r\nlistpack\r\n", []],
        [["ZADD", "e1", "3", "c"], ":1\r\n", [["ZADD", "e1", "3", "c"]]],
        [["OBJECT", "ENCODING", "e1"], "$8\r\nskiplist\r\n", []],
        [["ZREM", "e1", "a", "b"], ":2\r\n", [["ZREM", "e1", "a", "b"]]],
        [["OBJECT", "ENCODING", "e1"], "$8\r\nskiplist\r\n", []],
        [["ZUNIONSTORE", "e2", "1", "e1"], ":1\r\n", [["ZUNIONSTORE", "e2", "1", "e1"]]],
        [["OBJECT", "ENCODING", "e2"], "$8\r\nlistpack\r\n", []],
        [["ZRANGESTORE", "e3", "g", "0", "2"], ":3\r\n", [["ZRANGESTORE", "e3", "g", "0", "2"]]],
        [["OBJECT", "ENCODING", "e3"], "$8\r\nskiplist\r\n", []],
        [["ZRANGESTORE", "e4", "g", "0", "1"], ":2\r\n", [["ZRANGESTORE", "e4", "g", "0", "1"]]],
        [["OBJECT", "ENCODING", "e4"], "$8\r\nlistpack\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-entries", "128"], "+OK\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-value", "3"], "+OK\r\n", []],
        [["ZADD", "e5", "1", "abcd"], ":1\r\n", [["ZADD", "e5", "1", "abcd"]]],
        [["OBJECT", "ENCODING", "e5"], "$8\r\nskiplist\r\n", []],
        [["ZADD", "e6", "1", "abc"], ":1\r\n", [["ZADD", "e6", "1", "abc"]]],
        [["OBJECT", "ENCODING", "e6"], "$8\r\nlistpack\r\n", []],
        [["ZADD", "e6", "2", "abcde"], ":1\r\n", [["ZADD", "e6", "2", "abcde"]]],
        [["OBJECT", "ENCODING", "e6"], "$8\r\nskiplist\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-value", "64"], "+OK\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-entries", "0"], "+OK\r\n", []],
        [["ZADD", "e7", "-0", "a", "1.5", "b"], ":2\r\n", [["ZADD", "e7", "-0", "a", "1.5", "b"]]],
        [["OBJECT", "ENCODING", "e7"], "$8\r\nskiplist\r\n", []],
        [["ZSCORE", "e7", "a"], "$2\r\n-0\r\n", []],
        [["ZSCAN", "e7", "0"], "*2\r\n$1\r\n0\r\n*4\r\n$1\r\na\r\n$2\r\n-0\r\n$1\r\nb\r\n$3\r\n1.5\r\n", [], "~"],
        [["ZADD", "e7", "-0", "c"], ":1\r\n", [["ZADD", "e7", "-0", "c"]]],
        [["ZRANGE", "e7", "0", "-1", "WITHSCORES"], "*6\r\n$1\r\na\r\n$2\r\n-0\r\n$1\r\nc\r\n$2\r\n-0\r\n$1\r\nb\r\n$3\r\n1.5\r\n", []],
        [["ZUNION", "1", "e7", "WITHSCORES"], "*6\r\n$1\r\na\r\n$2\r\n-0\r\n$1\r\nc\r\n$2\r\n-0\r\n$1\r\nb\r\n$3\r\n1.5\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-entries", "128"], "+OK\r\n", []],
        [["ZUNIONSTORE", "e8", "1", "e7"], ":3\r\n", [["ZUNIONSTORE", "e8", "1", "e7"]]],
        [["OBJECT", "ENCODING", "e8"], "$8\r\nlistpack\r\n", []],
        [["ZRANGE", "e8", "0", "-1", "WITHSCORES"], "*6\r\n$1\r\na\r\n$1\r\n0\r\n$1\r\nc\r\n$1\r\n0\r\n$1\r\nb\r\n$3\r\n1.5\r\n", []],
        [["COPY", "e7", "e9"], ":1\r\n", [["COPY", "e7", "e9"]]],
        [["OBJECT", "ENCODING", "e9"], "$8\r\nskiplist\r\n", []],
        [["TYPE", "e9"], "+zset\r\n", []],
  ];
}

function transcriptScores(): Row[] {
  return [
        [["ZADD", "num", "5e-324", "m0"], ":1\r\n", [["ZADD", "num", "5e-324", "m0"]]],
        [["ZADD", "num", "2.5e-323", "m1"], ":1\r\n", [["ZADD", "num", "2.5e-323", "m1"]]],
        [["ZADD", "num", "1.7976931348623157e308", "m2"], ":1\r\n", [["ZADD", "num", "1.7976931348623157e308", "m2"]]],
        [["ZADD", "num", "9007199254740993", "m3"], ":1\r\n", [["ZADD", "num", "9007199254740993", "m3"]]],
        [["ZADD", "num", "1e16", "m4"], ":1\r\n", [["ZADD", "num", "1e16", "m4"]]],
        [["ZADD", "num", "1e17", "m5"], ":1\r\n", [["ZADD", "num", "1e17", "m5"]]],
        [["ZADD", "num", "99999999999999999", "m6"], ":1\r\n", [["ZADD", "num", "99999999999999999", "m6"]]],
        [["ZADD", "num", "0.0001", "m7"], ":1\r\n", [["ZADD", "num", "0.0001", "m7"]]],
        [["ZADD", "num", "0.00001", "m8"], ":1\r\n", [["ZADD", "num", "0.00001", "m8"]]],
        [["ZADD", "num", "-1e-5", "m9"], ":1\r\n", [["ZADD", "num", "-1e-5", "m9"]]],
        [["ZADD", "num", "123456.789e3", "m10"], ":1\r\n", [["ZADD", "num", "123456.789e3", "m10"]]],
        [["ZADD", "num", "0x1.8p1", "m11"], ":1\r\n", [["ZADD", "num", "0x1.8p1", "m11"]]],
        [["ZADD", "num", "0X10", "m12"], ":1\r\n", [["ZADD", "num", "0X10", "m12"]]],
        [["ZADD", "num", "+5", "m13"], ":1\r\n", [["ZADD", "num", "+5", "m13"]]],
        [["ZADD", "num", "-0.0", "m14"], ":1\r\n", [["ZADD", "num", "-0.0", "m14"]]],
        [["ZADD", "num", "1_000", "m15"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "0x1p-1074", "m16"], ":1\r\n", [["ZADD", "num", "0x1p-1074", "m16"]]],
        [["ZADD", "num", "0x1p-1075", "m17"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "0x1.fffffffffffffp1023", "m18"], ":1\r\n", [["ZADD", "num", "0x1.fffffffffffffp1023", "m18"]]],
        [["ZADD", "num", "0x1p1024", "m19"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "1e308", "m20"], ":1\r\n", [["ZADD", "num", "1e308", "m20"]]],
        [["ZADD", "num", "2e308", "m21"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "4.9e-324", "m22"], ":1\r\n", [["ZADD", "num", "4.9e-324", "m22"]]],
        [["ZADD", "num", "2.4e-324", "m23"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "0.30000000000000004", "m24"], ":1\r\n", [["ZADD", "num", "0.30000000000000004", "m24"]]],
        [["ZADD", "num", "1.0000000000000002", "m25"], ":1\r\n", [["ZADD", "num", "1.0000000000000002", "m25"]]],
        [["ZADD", "num", "100", "m26"], ":1\r\n", [["ZADD", "num", "100", "m26"]]],
        [["ZADD", "num", "-100.5", "m27"], ":1\r\n", [["ZADD", "num", "-100.5", "m27"]]],
        [["ZADD", "num", "3.14159265358979323846", "m28"], ":1\r\n", [["ZADD", "num", "3.14159265358979323846", "m28"]]],
        [["ZADD", "num", "1e-7", "m29"], ":1\r\n", [["ZADD", "num", "1e-7", "m29"]]],
        [["ZADD", "num", "1.25e-5", "m30"], ":1\r\n", [["ZADD", "num", "1.25e-5", "m30"]]],
        [["ZADD", "num", "12345678901234567890", "m31"], ":1\r\n", [["ZADD", "num", "12345678901234567890", "m31"]]],
        [["ZADD", "num", "0.1e1", "m32"], ":1\r\n", [["ZADD", "num", "0.1e1", "m32"]]],
        [["ZADD", "num", "00012", "m33"], ":1\r\n", [["ZADD", "num", "00012", "m33"]]],
        [["ZADD", "num", ".", "m34"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "-", "m35"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "+inf", "m36"], ":1\r\n", [["ZADD", "num", "+inf", "m36"]]],
        [["ZADD", "num", "-INF", "m37"], ":1\r\n", [["ZADD", "num", "-INF", "m37"]]],
        [["ZADD", "num", "Infinity", "m38"], ":1\r\n", [["ZADD", "num", "Infinity", "m38"]]],
        [["ZADD", "num", "nan", "m39"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "NaN(123)", "m40"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "1e+05", "m41"], ":1\r\n", [["ZADD", "num", "1e+05", "m41"]]],
        [["ZADD", "num", "1E-3", "m42"], ":1\r\n", [["ZADD", "num", "1E-3", "m42"]]],
        [["ZADD", "num", "0x.8", "m43"], ":1\r\n", [["ZADD", "num", "0x.8", "m43"]]],
        [["ZADD", "num", "0x8.", "m44"], ":1\r\n", [["ZADD", "num", "0x8.", "m44"]]],
        [["ZADD", "num", "1.5p3", "m45"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "1e5x", "m46"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "   ", "m47"], "-ERR value is not a valid float\r\n", []],
        [["ZADD", "num", "2.675e-3", "m48"], ":1\r\n", [["ZADD", "num", "2.675e-3", "m48"]]],
        [["ZADD", "num", "0.000123456789012345678", "m49"], ":1\r\n", [["ZADD", "num", "0.000123456789012345678", "m49"]]],
        [["ZADD", "num", "7.0000000000000009", "m50"], ":1\r\n", [["ZADD", "num", "7.0000000000000009", "m50"]]],
        [["ZADD", "num", "4611686018427387904", "m51"], ":1\r\n", [["ZADD", "num", "4611686018427387904", "m51"]]],
        [["ZADD", "num", "4611686018427387905", "m52"], ":1\r\n", [["ZADD", "num", "4611686018427387905", "m52"]]],
        [["ZADD", "num", "9223372036854775807", "m53"], ":1\r\n", [["ZADD", "num", "9223372036854775807", "m53"]]],
        [["ZRANGE", "num", "0", "-1", "WITHSCORES"], "*84\r\n$3\r\nm37\r\n$4\r\n-inf\r\n$3\r\nm27\r\n$6\r\n-100.5\r\n$2\r\nm9\r\n$23\r\n-1.0000000000000001e-05\r\n$3\r\nm14\r\n$1\r\n0\r\n$2\r\nm0\r\n$23\r\n4.9406564584124654e-324\r\n$3\r\nm16\r\n$23\r\n4.9406564584124654e-324\r\n$3\r\nm22\r\n$23\r\n4.9406564584124654e-324\r\n$2\r\nm1\r\n$23\r\n2.4703282292062327e-323\r\n$3\r\nm29\r\n$22\r\n9.9999999999999995e-08\r\n$2\r\nm8\r\n$22\r\n1.0000000000000001e-05\r\n$3\r\nm30\r\n$22\r\n1.2500000000000001e-05\r\n$2\r\nm7\r\n$6\r\n0.0001\r\n$3\r\nm49\r\n$22\r\n0.00012345678901234567\r\n$3\r\nm42\r\n$5\r\n0.001\r\n$3\r\nm48\r\n$21\r\n0.0026749999999999999\r\n$3\r\nm24\r\n$19\r\n0.30000000000000004\r\n$3\r\nm43\r\n$3\r\n0.5\r\n$3\r\nm32\r\n$1\r\n1\r\n$3\r\nm25\r\n$18\r\n1.0000000000000002\r\n$3\r\nm11\r\n$1\r\n3\r\n$3\r\nm28\r\n$18\r\n3.1415926535897931\r\n$3\r\nm13\r\n$1\r\n5\r\n$3\r\nm50\r\n$18\r\n7.0000000000000009\r\n$3\r\nm44\r\n$1\r\n8\r\n$3\r\nm33\r\n$2\r\n12\r\n$3\r\nm12\r\n$2\r\n16\r\n$3\r\nm26\r\n$3\r\n100\r\n$3\r\nm41\r\n$6\r\n100000\r\n$3\r\nm10\r\n$9\r\n123456789\r\n$2\r\nm3\r\n$16\r\n9007199254740992\r\n$2\r\nm4\r\n$17\r\n10000000000000000\r\n$2\r\nm5\r\n$5\r\n1e+17\r\n$2\r\nm6\r\n$5\r\n1e+17\r\n$3\r\nm51\r\n$22\r\n4.6116860184273879e+18\r\n$3\r\nm52\r\n$22\r\n4.6116860184273879e+18\r\n$3\r\nm53\r\n$22\r\n9.2233720368547758e+18\r\n$3\r\nm31\r\n$22\r\n1.2345678901234567e+19\r\n$3\r\nm20\r\n$6\r\n1e+308\r\n$3\r\nm18\r\n$23\r\n1.7976931348623157e+308\r\n$2\r\nm2\r\n$23\r\n1.7976931348623157e+308\r\n$3\r\nm36\r\n$3\r\ninf\r\n$3\r\nm38\r\n$3\r\ninf\r\n", []],
        [["ZSCAN", "num", "0"], "*2\r\n$1\r\n0\r\n*84\r\n$3\r\nm37\r\n$4\r\n-inf\r\n$3\r\nm27\r\n$6\r\n-100.5\r\n$2\r\nm9\r\n$23\r\n-1.0000000000000001e-05\r\n$3\r\nm14\r\n$1\r\n0\r\n$2\r\nm0\r\n$23\r\n4.9406564584124654e-324\r\n$3\r\nm16\r\n$23\r\n4.9406564584124654e-324\r\n$3\r\nm22\r\n$23\r\n4.9406564584124654e-324\r\n$2\r\nm1\r\n$23\r\n2.4703282292062327e-323\r\n$3\r\nm29\r\n$22\r\n9.9999999999999995e-08\r\n$2\r\nm8\r\n$22\r\n1.0000000000000001e-05\r\n$3\r\nm30\r\n$22\r\n1.2500000000000001e-05\r\n$2\r\nm7\r\n$6\r\n0.0001\r\n$3\r\nm49\r\n$22\r\n0.00012345678901234567\r\n$3\r\nm42\r\n$5\r\n0.001\r\n$3\r\nm48\r\n$21\r\n0.0026749999999999999\r\n$3\r\nm24\r\n$19\r\n0.30000000000000004\r\n$3\r\nm43\r\n$3\r\n0.5\r\n$3\r\nm32\r\n$1\r\n1\r\n$3\r\nm25\r\n$18\r\n1.0000000000000002\r\n$3\r\nm11\r\n$1\r\n3\r\n$3\r\nm28\r\n$18\r\n3.1415926535897931\r\n$3\r\nm13\r\n$1\r\n5\r\n$3\r\nm50\r\n$18\r\n7.0000000000000009\r\n$3\r\nm44\r\n$1\r\n8\r\n$3\r\nm33\r\n$2\r\n12\r\n$3\r\nm12\r\n$2\r\n16\r\n$3\r\nm26\r\n$3\r\n100\r\n$3\r\nm41\r\n$6\r\n100000\r\n$3\r\nm10\r\n$9\r\n123456789\r\n$2\r\nm3\r\n$16\r\n9007199254740992\r\n$2\r\nm4\r\n$17\r\n10000000000000000\r\n$2\r\nm5\r\n$18\r\n100000000000000000\r\n$2\r\nm6\r\n$18\r\n100000000000000000\r\n$3\r\nm51\r\n$19\r\n4611686018427387904\r\n$3\r\nm52\r\n$19\r\n4611686018427387904\r\n$3\r\nm53\r\n$22\r\n9.2233720368547758e+18\r\n$3\r\nm31\r\n$22\r\n1.2345678901234567e+19\r\n$3\r\nm20\r\n$6\r\n1e+308\r\n$3\r\nm18\r\n$23\r\n1.7976931348623157e+308\r\n$2\r\nm2\r\n$23\r\n1.7976931348623157e+308\r\n$3\r\nm36\r\n$3\r\ninf\r\n$3\r\nm38\r\n$3\r\ninf\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-entries", "0"], "+OK\r\n", []],
        [["ZUNIONSTORE", "numsk", "1", "num"], ":42\r\n", [["ZUNIONSTORE", "numsk", "1", "num"]]],
        [["CONFIG", "SET", "zset-max-listpack-entries", "128"], "+OK\r\n", []],
        [["OBJECT", "ENCODING", "numsk"], "$8\r\nskiplist\r\n", []],
        [["ZSCAN", "numsk", "0", "COUNT", "1000"], "*2\r\n$1\r\n0\r\n*84\r\n$2\r\nm9\r\n$23\r\n-1.0000000000000001e-05\r\n$3\r\nm14\r\n$1\r\n0\r\n$2\r\nm3\r\n$16\r\n9007199254740992\r\n$2\r\nm5\r\n$5\r\n1e+17\r\n$2\r\nm8\r\n$22\r\n1.0000000000000001e-05\r\n$3\r\nm32\r\n$1\r\n1\r\n$3\r\nm30\r\n$22\r\n1.2500000000000001e-05\r\n$3\r\nm13\r\n$1\r\n5\r\n$2\r\nm1\r\n$23\r\n2.4703282292062327e-323\r\n$2\r\nm6\r\n$5\r\n1e+17\r\n$3\r\nm33\r\n$2\r\n12\r\n$3\r\nm28\r\n$18\r\n3.1415926535897931\r\n$3\r\nm43\r\n$3\r\n0.5\r\n$3\r\nm37\r\n$4\r\n-inf\r\n$3\r\nm42\r\n$5\r\n0.001\r\n$3\r\nm24\r\n$19\r\n0.30000000000000004\r\n$3\r\nm18\r\n$23\r\n1.7976931348623157e+308\r\n$3\r\nm53\r\n$22\r\n9.2233720368547758e+18\r\n$3\r\nm16\r\n$23\r\n4.9406564584124654e-324\r\n$2\r\nm4\r\n$17\r\n10000000000000000\r\n$3\r\nm49\r\n$22\r\n0.00012345678901234567\r\n$3\r\nm48\r\n$21\r\n0.0026749999999999999\r\n$3\r\nm12\r\n$2\r\n16\r\n$2\r\nm0\r\n$23\r\n4.9406564584124654e-324\r\n$3\r\nm25\r\n$18\r\n1.0000000000000002\r\n$3\r\nm29\r\n$22\r\n9.9999999999999995e-08\r\n$2\r\nm2\r\n$23\r\n1.7976931348623157e+308\r\n$3\r\nm50\r\n$18\r\n7.0000000000000009\r\n$3\r\nm27\r\n$6\r\n-100.5\r\n$3\r\nm38\r\n$3\r\ninf\r\n$3\r\nm51\r\n$22\r\n4.6116860184273879e+18\r\n$3\r\nm41\r\n$6\r\n100000\r\n$3\r\nm26\r\n$3\r\n100\r\n$3\r\nm11\r\n$1\r\n3\r\n$3\r\nm22\r\n$23\r\n4.9406564584124654e-324\r\n$3\r\nm20\r\n$6\r\n1e+308\r\n$3\r\nm10\r\n$9\r\n123456789\r\n$2\r\nm7\r\n$6\r\n0.0001\r\n$3\r\nm36\r\n$3\r\ninf\r\n$3\r\nm31\r\n$22\r\n1.2345678901234567e+19\r\n$3\r\nm52\r\n$22\r\n4.6116860184273879e+18\r\n$3\r\nm44\r\n$1\r\n8\r\n", [], "~"],
        [["ZCOUNT", "num", "(5e-324", "1e-300"], ":1\r\n", []],
        [["ZCOUNT", "num", "  5", "+inf"], ":21\r\n", []],
        [["ZCOUNT", "num", "-inf", "(0x10"], ":25\r\n", []],
        [["ZCOUNT", "num", "1e400", "-1e400"], ":0\r\n", []],
        [["ZCOUNT", "num", "-1e400", "1e400"], ":42\r\n", []],
        [["ZINCRBY", "num", "0.1", "m0"], "$19\r\n0.10000000000000001\r\n", [["ZINCRBY", "num", "0.1", "m0"]]],
        [["ZINCRBY", "num", "1e308", "m2"], "$3\r\ninf\r\n", [["ZINCRBY", "num", "1e308", "m2"]]],
        [["ZINCRBY", "num", "1e308", "m2"], "$3\r\ninf\r\n", []],
        [["ZINCRBY", "num", "-inf", "m2"], "-ERR resulting score is not a number (NaN)\r\n", []],
  ];
}

function transcriptReplica(): Row[] {
  return [
        [["ZADD", "lb", "10", "alice", "20", "bob", "30", "carol"], ":3\r\n", [["ZADD", "lb", "10", "alice", "20", "bob", "30", "carol"]]],
        [["ZINCRBY", "lb", "15", "alice"], "$2\r\n25\r\n", [["ZINCRBY", "lb", "15", "alice"]]],
        [["ZADD", "lb", "INCR", "1.5", "dave"], "$3\r\n1.5\r\n", [["ZADD", "lb", "INCR", "1.5", "dave"]]],
        [["ZPOPMIN", "lb"], "*2\r\n$4\r\ndave\r\n$3\r\n1.5\r\n", [["ZPOPMIN", "lb"]]],
        [["ZPOPMAX", "lb", "2"], "*4\r\n$5\r\ncarol\r\n$2\r\n30\r\n$5\r\nalice\r\n$2\r\n25\r\n", [["ZPOPMAX", "lb", "2"]]],
        [["ZADD", "other", "1", "x", "2", "y", "3", "dave"], ":3\r\n", [["ZADD", "other", "1", "x", "2", "y", "3", "dave"]]],
        [["ZUNIONSTORE", "u", "2", "lb", "other", "WEIGHTS", "2", "1"], ":4\r\n", [["ZUNIONSTORE", "u", "2", "lb", "other", "WEIGHTS", "2", "1"]]],
        [["ZINTERSTORE", "i", "2", "lb", "other"], ":0\r\n", []],
        [["ZRANGESTORE", "rs", "u", "0", "1"], ":2\r\n", [["ZRANGESTORE", "rs", "u", "0", "1"]]],
        [["ZMPOP", "1", "u", "MIN", "COUNT", "2"], "*2\r\n$1\r\nu\r\n*2\r\n*2\r\n$1\r\nx\r\n$1\r\n1\r\n*2\r\n$1\r\ny\r\n$1\r\n2\r\n", [["ZPOPMIN", "u", "2"]]],
        [["ZREMRANGEBYSCORE", "other", "2", "2"], ":1\r\n", [["ZREMRANGEBYSCORE", "other", "2", "2"]]],
        [["CONFIG", "SET", "zset-max-listpack-entries", "0"], "+OK\r\n", []],
        [["ZADD", "big", "1", "a", "2", "b", "3", "c"], ":3\r\n", [["ZADD", "big", "1", "a", "2", "b", "3", "c"]]],
        [["OBJECT", "ENCODING", "big"], "$8\r\nskiplist\r\n", []],
        [["ZADD", "neg", "-0", "z"], ":1\r\n", [["ZADD", "neg", "-0", "z"]]],
        [["OBJECT", "ENCODING", "neg"], "$8\r\nskiplist\r\n", []],
        [["ZSCORE", "neg", "z"], "$2\r\n-0\r\n", []],
        [["CONFIG", "SET", "zset-max-listpack-entries", "128"], "+OK\r\n", []],
  ];
}
