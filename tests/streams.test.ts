// Streams (t_stream.c) against Redis 7.0.15. Every expected reply and every
// expected propagated command in the transcripts below was recorded on a real
// redis-server 7.0.15 master while a fake replica (SYNC) read its replication
// stream, each command's share delimited by PUBLISH markers. Unix ms times
// (13 digits: IDs made by `*`, delivery times, seen times) are written `T` on
// both sides; rows marked '~' have every integer of the reply written `N`
// (idle times and delivery times differ between a wall clock and the virtual
// one). SELECT is left out (the replication layer emits it).

import { describe, expect, it } from 'vitest';
import { createBacklog } from '../src/engine/replication/backlog';
import { encodeReply } from '../src/engine/resp/encode';
import type { Reply } from '../src/engine/resp/reply';
import { World } from '../src/engine/world';

interface Harness {
  w: World;
  run(argv: string[]): { reply: string; ops: string[][] };
}

/** A master whose replication stream is kept in a backlog, so each command's propagation can be read back. */
function setup(config: Record<string, string> = {}): Harness {
  const w = new World({ seed: 1, trace: false });
  w.addNode('m', []);
  const n = w.node('m');
  Object.assign(n.config, config);
  n.repl.backlog = createBacklog(n.repl.offset);
  const c = w.connect('m');
  return {
    w,
    run(argv) {
      const before = n.repl.offset;
      w.send('m', c, argv);
      const r = w.takeReply('m', c);
      if (!r) throw new Error(`no reply to ${argv.join(' ')}`);
      const b = n.repl.backlog;
      const ops = (b?.items ?? []).filter((it) => it.start > before && it.kind === 'stream' && it.argv[0] !== 'SELECT').map((it) => it.argv);
      return { reply: encodeReply(r), ops };
    },
  };
}

const T = (s: string): string => s.replace(/\b\d{13}\b/g, 'T');

type Row = [argv: string[], reply: string, ops: string[][], flag?: string];
interface Transcript {
  name: string;
  config?: Record<string, string>;
  rows: Row[];
}

describe('stream transcripts recorded on Redis 7.0.15', () => {
  for (const t of transcripts()) {
    it(t.name, () => {
      const h = setup(t.config);
      for (const [argv, reply, ops, flag] of t.rows) {
        const what = argv.join(' ');
        const got = h.run(argv);
        const text = flag === '~' ? got.reply.replace(/:\d+\r\n/g, ':N\r\n') : T(got.reply);
        expect(text, what).toBe(reply);
        expect(
          got.ops.map((op) => op.map(T)),
          what,
        ).toEqual(ops);
      }
    });
  }
});

describe('blocking XREAD and XREADGROUP', () => {
  /** A master with a backlog, several clients, and the propagated commands read back. */
  function lab() {
    const w = new World({ seed: 1, trace: false });
    w.addNode('m', []);
    const n = w.node('m');
    n.repl.backlog = createBacklog(n.repl.offset);
    let mark = n.repl.offset;
    return {
      w,
      client: () => w.connect('m'),
      /** Send; the reply, or null while the client is blocked. */
      send(c: number, line: string): string | null {
        w.send('m', c, line.split(' '));
        const r = w.takeReply('m', c);
        return r ? encodeReply(r) : null;
      },
      reply(c: number): string | null {
        const r = w.takeReply('m', c);
        return r ? encodeReply(r) : null;
      },
      /** Commands propagated since the last call. */
      ops(): string[] {
        const items = (n.repl.backlog?.items ?? []).filter((it) => it.start > mark && it.kind === 'stream' && it.argv[0] !== 'SELECT');
        mark = n.repl.offset;
        return items.map((it) => T(it.argv.join(' ')));
      },
    };
  }

  it('a woken XREADGROUP propagates its deliveries as XCLAIMs, wrapped in MULTI/EXEC, after the EXEC that fed it', () => {
    const l = lab();
    const [a, b, c] = [l.client(), l.client(), l.client()];
    l.send(c, 'XGROUP CREATE s g $ MKSTREAM');
    expect(l.send(a, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >')).toBeNull();
    expect(l.send(b, 'XREADGROUP GROUP g bob NOACK BLOCK 0 STREAMS s >')).toBeNull();
    l.ops();
    l.send(c, 'MULTI');
    l.send(c, 'XADD s 1 f v');
    l.send(c, 'XADD s 2 f v');
    l.send(c, 'EXEC');
    // Recorded on Redis 7.0.15: alice gets both entries, bob (blocked later) keeps waiting.
    expect(l.reply(a)).toBe('*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n');
    expect(l.reply(b)).toBeNull();
    expect(l.ops()).toEqual([
      'MULTI',
      'XADD s 1 f v',
      'XADD s 2 f v',
      'EXEC',
      'MULTI',
      'XCLAIM s g alice 0 1-0 TIME T RETRYCOUNT 1 FORCE JUSTID LASTID 1-0',
      'XCLAIM s g alice 0 2-0 TIME T RETRYCOUNT 1 FORCE JUSTID LASTID 2-0',
      'EXEC',
    ]);
  });

  it('a woken NOACK XREADGROUP propagates the consumer it created and the group\'s new ID', () => {
    const l = lab();
    const [b, c] = [l.client(), l.client()];
    l.send(c, 'XGROUP CREATE s g $ MKSTREAM');
    expect(l.send(b, 'XREADGROUP GROUP g bob NOACK COUNT 1 BLOCK 0 STREAMS s >')).toBeNull();
    l.ops();
    l.send(c, 'MULTI');
    l.send(c, 'XADD s 1 f v');
    l.send(c, 'XADD s 2 f v');
    l.send(c, 'EXEC');
    // Recorded on Redis 7.0.15.
    expect(l.reply(b)).toBe('*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n');
    expect(l.ops()).toEqual(['MULTI', 'XADD s 1 f v', 'XADD s 2 f v', 'EXEC', 'MULTI', 'XGROUP CREATECONSUMER s g bob', 'XGROUP SETID s g 1-0 ENTRIESREAD 1', 'EXEC']);
  });

  it('XREAD $ waits for entries after the last ID at the time it blocked', () => {
    const l = lab();
    const [a, c] = [l.client(), l.client()];
    l.send(c, 'XADD s 5 old x');
    const argv = ['XREAD', 'BLOCK', '20000', 'STREAMS', 's1', 's', '$', '$'];
    l.w.send('m', a, argv);
    expect(l.reply(a)).toBeNull();
    // The caller's argv (the session's input log) keeps the `$` the user typed.
    expect(argv[7]).toBe('$');
    l.send(c, 'XADD s 6 new y');
    expect(l.reply(a)).toBe('*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n6-0\r\n*2\r\n$3\r\nnew\r\n$1\r\ny\r\n');
    expect(l.send(a, 'XREAD BLOCK 100 STREAMS s $')).toBeNull();
    l.w.advance(50);
    expect(l.reply(a)).toBeNull();
    l.w.advance(200);
    expect(l.reply(a)).toBe('*-1\r\n');
  });

  it('inside MULTI a BLOCK answers nil at once (multi.tcl "Blocking commands ignores the timeout")', () => {
    const l = lab();
    const c = l.client();
    expect(l.send(c, 'XGROUP CREATE s{t} g $ MKSTREAM')).toBe('+OK\r\n');
    l.send(c, 'MULTI');
    l.send(c, 'XREAD BLOCK 0 STREAMS s{t} $');
    l.send(c, 'XREADGROUP GROUP g c BLOCK 0 STREAMS s{t} >');
    expect(l.send(c, 'EXEC')).toBe('*2\r\n*-1\r\n*-1\r\n');
  });

  it('a blocked XREADGROUP gets -UNBLOCKED when its key goes, -NOGROUP when its group does (7.0 texts)', () => {
    const l = lab();
    const [a, c] = [l.client(), l.client()];
    l.send(c, 'XADD s 666 f v');
    l.send(c, 'XGROUP CREATE s g $');
    expect(l.send(a, 'XREADGROUP GROUP g Alice BLOCK 0 STREAMS s >')).toBeNull();
    l.send(c, 'DEL s');
    expect(l.reply(a)).toBe('-UNBLOCKED the stream key no longer exists\r\n');
    l.send(c, 'XGROUP CREATE s g $ MKSTREAM');
    expect(l.send(a, 'XREADGROUP GROUP g Alice BLOCK 0 STREAMS s >')).toBeNull();
    l.send(c, 'XGROUP DESTROY s g');
    expect(l.reply(a)).toBe('-NOGROUP the consumer group this client was blocked on no longer exists\r\n');
    l.send(c, 'XGROUP CREATE s g $');
    expect(l.send(a, 'XREADGROUP GROUP g Alice BLOCK 0 STREAMS s >')).toBeNull();
    l.send(c, 'FLUSHALL');
    expect(l.reply(a)).toBe('-UNBLOCKED the stream key no longer exists\r\n');
  });
});

describe('a replica ends with the same stream', () => {
  /** XINFO STREAM FULL as RESP, with the consumers' seen-time masked. */
  function full(w: World, node: string, c: number, key: string): string {
    const r = w.command(node, c, ['XINFO', 'STREAM', key, 'FULL', 'COUNT', '0']);
    return encodeReply(r).replace(/\$9\r\nseen-time\r\n:\d+\r\n/g, '$9\r\nseen-time\r\n:S\r\n');
  }

  function lab(masterConfig: [string, string][] = [], replicaConfig: [string, string][] = []): { w: World; cm: number; cr: number } {
    const w = new World({ seed: 3, trace: false });
    w.addNode('m', masterConfig);
    w.addNode('r1', [['replicaof', '127.0.0.1 6379'], ...replicaConfig]);
    expect(w.runUntil(() => w.views()[1].linkState === 'connected', 20_000)).toBe(true);
    return { w, cm: w.connect('m'), cr: w.connect('r1') };
  }

  it('after XADD with * and ~ trimming, consumer groups read with and without NOACK, XCLAIM, XAUTOCLAIM and XDEL', () => {
    const { w, cm, cr } = lab([['stream-node-max-entries', '5']], [['stream-node-max-entries', '5']]);
    const cmd = (...argv: string[]): Reply => w.command('m', cm, argv);
    for (let i = 0; i < 23; i++) {
      cmd('XADD', 's', 'MAXLEN', '~', '12', '*', 'n', String(i));
      w.advance(3);
    }
    cmd('XGROUP', 'CREATE', 's', 'g1', '0');
    cmd('XGROUP', 'CREATE', 's', 'g2', '$');
    cmd('XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', '3', 'STREAMS', 's', '>');
    w.advance(50);
    cmd('XREADGROUP', 'GROUP', 'g1', 'bob', 'NOACK', 'COUNT', '2', 'STREAMS', 's', '>');
    cmd('XREADGROUP', 'GROUP', 'g1', 'carol', 'COUNT', '4', 'STREAMS', 's', '>');
    cmd('XGROUP', 'CREATECONSUMER', 's', 'g2', 'dave');
    const ids = (cmd('XRANGE', 's', '-', '+') as { a: { a: { s: string }[] }[] }).a.map((e) => e.a[0].s);
    cmd('XACK', 's', 'g1', ids[0]);
    cmd('XDEL', 's', ids[1], ids[5]);
    w.advance(200);
    cmd('XCLAIM', 's', 'g1', 'erin', '100', ids[1], ids[2], ids[6], 'RETRYCOUNT', '9');
    cmd('XAUTOCLAIM', 's', 'g1', 'frank', '0', '0', 'COUNT', '3');
    cmd('XCLAIM', 's', 'g2', 'gina', '0', ids[7], 'FORCE', 'LASTID', ids[8]);
    cmd('XADD', 's', 'MINID', '~', ids[4], '*', 'n', 'last');
    cmd('XGROUP', 'SETID', 's', 'g2', ids[9], 'ENTRIESREAD', '7');
    w.advance(100);
    const onMaster = full(w, 'm', cm, 's');
    expect(onMaster).toContain('$5\r\nalice');
    // The same workload on a real 7.0.15 master and replica: everything agrees but the
    // consumers' seen-time (the replica's own clock when it applied the XCLAIM) and g1's
    // entries-read and lag: XCLAIM ... LASTID moves a replica's last-delivered-id
    // without the read counter, so the replica reports entries-read 15, lag 9 where the
    // master has 19 and 5.
    const g1 = '$12\r\nentries-read\r\n:19\r\n$3\r\nlag\r\n:5\r\n';
    expect(onMaster).toContain(g1);
    expect(full(w, 'r1', cr, 's')).toBe(onMaster.replace(g1, '$12\r\nentries-read\r\n:15\r\n$3\r\nlag\r\n:9\r\n'));
  });

  it('XREADGROUP moves the group on a replica through XCLAIM ... LASTID, which leaves its read counter unknown', () => {
    const { w, cm, cr } = lab();
    for (let i = 1; i <= 6; i++) w.command('m', cm, ['XADD', 's', String(i), 'f', 'v']);
    w.command('m', cm, ['XGROUP', 'CREATE', 's', 'g', '0']);
    w.command('m', cm, ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '3', 'STREAMS', 's', '>']);
    w.advance(100);
    // Recorded on a real 7.0.15 master and its replica.
    const info = (node: string, c: number) => encodeReply(w.command(node, c, ['XINFO', 'GROUPS', 's']));
    expect(info('m', cm)).toBe('*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:3\r\n$17\r\nlast-delivered-id\r\n$3\r\n3-0\r\n$12\r\nentries-read\r\n:3\r\n$3\r\nlag\r\n:3\r\n');
    expect(info('r1', cr)).toBe('*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:3\r\n$17\r\nlast-delivered-id\r\n$3\r\n3-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n$-1\r\n');
  });

  // stream-cgroups.tcl's replication tests (external:skip there), on a simulated master and replica.
  for (const noack of [false, true]) {
    it(`Consumer group last ID propagation to slave (NOACK=${noack ? 1 : 0})`, () => {
      const { w, cm, cr } = lab();
      for (const v of ['1', '2', '3']) w.command('m', cm, ['XADD', 'stream', '*', 'a', v]);
      w.command('m', cm, ['XGROUP', 'CREATE', 'stream', 'mygroup', '0']);
      for (let j = 0; j < 2; j++) {
        const item = w.command('m', cm, ['XREADGROUP', 'GROUP', 'mygroup', 'myconsumer', 'COUNT', '1', ...(noack ? ['NOACK'] : []), 'STREAMS', 'stream', '>']);
        const id = (item as { a: { a: { a: { a: { s: string }[] }[] }[] }[] }).a[0].a[1].a[0].a[0].s;
        if (!noack) expect(w.command('m', cm, ['XACK', 'stream', 'mygroup', id])).toEqual({ t: 'int', n: 1 });
      }
      w.advance(100);
      w.command('r1', cr, ['REPLICAOF', 'NO', 'ONE']);
      const item = w.command('r1', cr, ['XREADGROUP', 'GROUP', 'mygroup', 'myconsumer', 'COUNT', '1', 'STREAMS', 'stream', '>']);
      const fields = (item as { a: { a: { a: { a: Reply[] }[] }[] }[] }).a[0].a[1].a[0].a[1];
      expect(fields).toEqual({ t: 'array', a: [{ t: 'bulk', s: 'a' }, { t: 'bulk', s: '3' }] });
    });
  }

  for (const autoclaim of [false, true]) {
    it(`Replication tests of XCLAIM with deleted entries (autclaim=${autoclaim ? 1 : 0})`, () => {
      const { w, cm, cr } = lab();
      const m = (...argv: string[]): string => encodeReply(w.command('m', cm, argv));
      const pendingOnReplica = (): Reply => {
        w.advance(100);
        const r = w.command('r1', cr, ['XPENDING', 'x', 'grp', '-', '+', '10', 'Alice']);
        return { t: 'int', n: (r as { a: Reply[] }).a.length };
      };
      for (const id of ['1-0', '2-0', '3-0', '4-0', '5-0']) m('XADD', 'x', id, 'f', 'v');
      m('XGROUP', 'CREATE', 'x', 'grp', '0');
      m('XREADGROUP', 'GROUP', 'grp', 'Alice', 'STREAMS', 'x', '>');
      expect(pendingOnReplica()).toEqual({ t: 'int', n: 5 });
      m('XDEL', 'x', '2-0');
      m('XDEL', 'x', '4-0');
      if (autoclaim) {
        expect(m('XAUTOCLAIM', 'x', 'grp', 'Bob', '0', '0-0')).toBe(
          '*3\r\n$3\r\n0-0\r\n*3\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n2-0\r\n$3\r\n4-0\r\n',
        );
        expect(pendingOnReplica()).toEqual({ t: 'int', n: 0 });
      } else {
        expect(m('XCLAIM', 'x', 'grp', 'Bob', '0', '1-0', '2-0', '3-0', '4-0')).toBe('*2\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n');
        expect(pendingOnReplica()).toEqual({ t: 'int', n: 1 });
      }
    });
  }

  it('~ trimming is propagated as = with the result, so a replica with other node sizes keeps the same entries', () => {
    const { w, cm, cr } = lab([['stream-node-max-entries', '10']], [['stream-node-max-entries', '1']]);
    for (let i = 1; i <= 100; i++) w.command('m', cm, ['XADD', 's', String(i), 'xitem', 'v']);
    // Redis 7.0.15: 71 entries are left (3 whole nodes of 10 went), as "XADD with ~ MAXLEN and LIMIT" expects.
    w.command('m', cm, ['XADD', 's', 'MAXLEN', '~', '55', 'LIMIT', '30', '*', 'xitem', 'v']);
    w.command('m', cm, ['XTRIM', 's', 'MINID', '~', '35']);
    w.advance(100);
    expect(w.command('m', cm, ['XLEN', 's'])).toEqual({ t: 'int', n: 71 });
    expect(w.command('r1', cr, ['XLEN', 's'])).toEqual({ t: 'int', n: 71 });
    expect(encodeReply(w.command('r1', cr, ['XRANGE', 's', '-', '+']))).toBe(encodeReply(w.command('m', cm, ['XRANGE', 's', '-', '+'])));
  });

  it('a replica refuses XREADGROUP (a write command) while XREAD works', () => {
    const { w, cm, cr } = lab();
    w.command('m', cm, ['XADD', 's', '1-1', 'f', 'v']);
    w.command('m', cm, ['XGROUP', 'CREATE', 's', 'g', '0']);
    w.advance(100);
    expect(encodeReply(w.command('r1', cr, ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>']))).toBe("-READONLY You can't write against a read only replica.\r\n");
    expect(encodeReply(w.command('r1', cr, ['XREAD', 'STREAMS', 's', '0']))).toBe('*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n');
  });
});

// ---------------------------------------------------------------------------
// Recorded data (redis-server 7.0.15). Each row: argv, the raw RESP reply, the
// commands propagated to replicas (MULTI/EXEC included), and '~' when the
// reply's integers are masked.

function transcripts(): Transcript[] {
  return [
    {
      name: "XADD: IDs, options, errors and what is propagated",
      rows: [
        [["XADD","s","1-1","a","1","b","2"], "$3\r\n1-1\r\n", [["XADD","s","1-1","a","1","b","2"]]],
        [["XADD","s","1-*","a","5"], "$3\r\n1-2\r\n", [["XADD","s","1-2","a","5"]]],
        [["XADD","s","5","x","y"], "$3\r\n5-0\r\n", [["XADD","s","5","x","y"]]],
        [["XADD","s","0-1","x","y"], "-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n", []],
        [["XADD","s","0-0","x","y"], "-ERR The ID specified in XADD must be greater than 0-0\r\n", []],
        [["XADD","s2","0-*","x","y"], "$3\r\n0-1\r\n", [["XADD","s2","0-1","x","y"]]],
        [["XADD","s2","NOMKSTREAM","5-5","x","y"], "$3\r\n5-5\r\n", [["XADD","s2","NOMKSTREAM","5-5","x","y"]]],
        [["XADD","s3","NOMKSTREAM","5-5","x","y"], "$-1\r\n", []],
        [["EXISTS","s3"], ":0\r\n", []],
        [["XADD","s"], "-ERR wrong number of arguments for 'xadd' command\r\n", []],
        [["XADD","s","10-1","a"], "-ERR wrong number of arguments for 'xadd' command\r\n", []],
        [["XADD","s","MAXLEN","-1","22-1","a","b"], "-ERR The MAXLEN argument must be >= 0.\r\n", []],
        [["XADD","s","MAXLEN","abc","22-1","a","b"], "-ERR value is not an integer or out of range\r\n", []],
        [["XADD","s","MINID","5","MAXLEN","4","22-1","a","b"], "-ERR syntax error, MAXLEN and MINID options at the same time are not compatible\r\n", []],
        [["XADD","s","LIMIT","5","22-1","a","b"], "-ERR syntax error, LIMIT cannot be used without specifying a trimming strategy\r\n", []],
        [["XADD","s","MAXLEN","5","LIMIT","5","22-1","a","b"], "-ERR syntax error, LIMIT cannot be used without the special ~ option\r\n", []],
        [["XADD","s","MAXLEN","~","5","LIMIT","-1","22-1","a","b"], "-ERR The LIMIT argument must be >= 0.\r\n", []],
        [["XADD","s","MINID","-","22-1","a","b"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XADD","s","foo","a","b"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XADD","s","18446744073709551616-0","a","b"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XADD","s","01-5","a","b"], "-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n", []],
        [["XADD","s"," 6-1","a","b"], "$3\r\n6-1\r\n", [["XADD","s"," 6-1","a","b"]]],
        [["XADD","s","-07-1","a","b"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XADD","t","1-18446744073709551615","a","b"], "$22\r\n1-18446744073709551615\r\n", [["XADD","t","1-18446744073709551615","a","b"]]],
        [["XADD","t","1-*","c","d"], "-ERR Elements are too large to be stored\r\n", []],
        [["XADD","t","18446744073709551615-18446744073709551615","a","b"], "$41\r\n18446744073709551615-18446744073709551615\r\n", [["XADD","t","18446744073709551615-18446744073709551615","a","b"]]],
        [["XADD","t","*","a","b"], "-ERR The stream has exhausted the last possible ID, unable to add more items\r\n", []],
        [["SET","str","v"], "+OK\r\n", [["SET","str","v"]]],
        [["XADD","str","*","a","b"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["XADD","s","MAXLEN","~","1","30","a","1"], "$4\r\n30-0\r\n", [["XADD","s","MAXLEN","=","5","30","a","1"]]],
        [["XADD","s","MAXLEN","=","1","31","a","1"], "$4\r\n31-0\r\n", [["XADD","s","MAXLEN","=","1","31","a","1"]]],
        [["XADD","s","MINID","~","3","32-*","a","1"], "$4\r\n32-0\r\n", [["XADD","s","MINID","=","1-1","32-0","a","1"]]],
        [["XADD","s","MINID","~","3","LIMIT","1","33-*","a","1"], "$4\r\n33-0\r\n", [["XADD","s","MINID","=","1-1","LIMIT","1","33-0","a","1"]]],
        [["XADD","e","MINID","~","99","7-*","a","1"], "$3\r\n7-0\r\n", [["XADD","e","MINID","=","18446744073709551615-18446744073709551615","7-0","a","1"]]],
        [["XADD","e","MAXLEN","~","0","8","a","1"], "$3\r\n8-0\r\n", [["XADD","e","MAXLEN","=","0","8","a","1"]]],
        [["XADD","e","MAXLEN","0","9","a","1"], "$3\r\n9-0\r\n", [["XADD","e","MAXLEN","0","9","a","1"]]],
        [["XINFO","STREAM","e"], "*20\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$3\r\n9-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:3\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n$-1\r\n$10\r\nlast-entry\r\n$-1\r\n", []],
      ],
    },
    {
      name: "XRANGE, XREVRANGE, XLEN, XDEL",
      rows: [
        [["XADD","t","1-18446744073709551615","a","b"], "$22\r\n1-18446744073709551615\r\n", [["XADD","t","1-18446744073709551615","a","b"]]],
        [["XADD","t","2-3","c","d"], "$3\r\n2-3\r\n", [["XADD","t","2-3","c","d"]]],
        [["XADD","t","3","e","f"], "$3\r\n3-0\r\n", [["XADD","t","3","e","f"]]],
        [["XADD","t","4","a","b","c","d"], "$3\r\n4-0\r\n", [["XADD","t","4","a","b","c","d"]]],
        [["XRANGE","t","-","+"], "*4\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n", []],
        [["XRANGE","t","(1","+"], "*4\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n", []],
        [["XRANGE","t","-","(4"], "*4\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n", []],
        [["XRANGE","t","(1-18446744073709551615","(4-0"], "*2\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n", []],
        [["XRANGE","t","(-","+"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XRANGE","t","-","(+"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XRANGE","t","-","(0-0"], "-ERR invalid end ID for the interval\r\n", []],
        [["XRANGE","t","-","+","COUNT","0"], "*-1\r\n", []],
        [["XRANGE","t","-","+","COUNT","-5"], "*-1\r\n", []],
        [["XRANGE","t","-","+","COUNT","1"], "*1\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XRANGE","t","-","+","COUNT","1","COUNT","2"], "*2\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n", []],
        [["XRANGE","t","-","+","FOO"], "-ERR syntax error\r\n", []],
        [["XRANGE","t","abc","+"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XRANGE","nokey","-","+"], "*0\r\n", []],
        [["XREVRANGE","t","+","-"], "*4\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XREVRANGE","t","+","-","COUNT","2"], "*2\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n", []],
        [["XREVRANGE","t","2","-"], "*2\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XREVRANGE","t","(4","(1"], "*4\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n*2\r\n$3\r\n2-3\r\n*2\r\n$1\r\nc\r\n$1\r\nd\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XLEN","t"], ":4\r\n", []],
        [["XLEN","nokey"], ":0\r\n", []],
        [["XDEL","t","2-3","9-9"], ":1\r\n", [["XDEL","t","2-3","9-9"]]],
        [["XDEL","t","2-3"], ":0\r\n", []],
        [["XDEL","t","abc"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XDEL","t","-"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XDEL","nokey","1"], ":0\r\n", []],
        [["XLEN","t"], ":3\r\n", []],
        [["XRANGE","t","-","+"], "*3\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\ne\r\n$1\r\nf\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n", []],
        [["XINFO","STREAM","t"], "*20\r\n$6\r\nlength\r\n:3\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$3\r\n4-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n2-3\r\n$13\r\nentries-added\r\n:4\r\n$23\r\nrecorded-first-entry-id\r\n$22\r\n1-18446744073709551615\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$22\r\n1-18446744073709551615\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n4-0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n", []],
        [["XDEL","t","1-18446744073709551615","3","4"], ":3\r\n", [["XDEL","t","1-18446744073709551615","3","4"]]],
        [["XINFO","STREAM","t"], "*20\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$3\r\n4-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n4-0\r\n$13\r\nentries-added\r\n:4\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n$-1\r\n$10\r\nlast-entry\r\n$-1\r\n", []],
        [["SET","str","v"], "+OK\r\n", [["SET","str","v"]]],
        [["XLEN","str"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["XRANGE","str","-","+"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["XDEL","str","1"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
      ],
    },
    {
      name: "approximate trimming works on whole nodes of stream-node-max-entries",
      config: { "stream-node-max-entries": "10" },
      rows: [
        [["XADD","l","1","xitem","v"], "$3\r\n1-0\r\n", [["XADD","l","1","xitem","v"]]],
        [["XADD","l","2","xitem","v"], "$3\r\n2-0\r\n", [["XADD","l","2","xitem","v"]]],
        [["XADD","l","3","xitem","v"], "$3\r\n3-0\r\n", [["XADD","l","3","xitem","v"]]],
        [["XADD","l","4","xitem","v"], "$3\r\n4-0\r\n", [["XADD","l","4","xitem","v"]]],
        [["XADD","l","5","xitem","v"], "$3\r\n5-0\r\n", [["XADD","l","5","xitem","v"]]],
        [["XADD","l","6","xitem","v"], "$3\r\n6-0\r\n", [["XADD","l","6","xitem","v"]]],
        [["XADD","l","7","xitem","v"], "$3\r\n7-0\r\n", [["XADD","l","7","xitem","v"]]],
        [["XADD","l","8","xitem","v"], "$3\r\n8-0\r\n", [["XADD","l","8","xitem","v"]]],
        [["XADD","l","9","xitem","v"], "$3\r\n9-0\r\n", [["XADD","l","9","xitem","v"]]],
        [["XADD","l","10","xitem","v"], "$4\r\n10-0\r\n", [["XADD","l","10","xitem","v"]]],
        [["XADD","l","11","xitem","v"], "$4\r\n11-0\r\n", [["XADD","l","11","xitem","v"]]],
        [["XADD","l","12","xitem","v"], "$4\r\n12-0\r\n", [["XADD","l","12","xitem","v"]]],
        [["XADD","l","13","other","v"], "$4\r\n13-0\r\n", [["XADD","l","13","other","v"]]],
        [["XADD","l","14","xitem","v"], "$4\r\n14-0\r\n", [["XADD","l","14","xitem","v"]]],
        [["XADD","l","15","xitem","v"], "$4\r\n15-0\r\n", [["XADD","l","15","xitem","v"]]],
        [["XADD","l","16","xitem","v"], "$4\r\n16-0\r\n", [["XADD","l","16","xitem","v"]]],
        [["XADD","l","17","xitem","v"], "$4\r\n17-0\r\n", [["XADD","l","17","xitem","v"]]],
        [["XADD","l","18","xitem","v"], "$4\r\n18-0\r\n", [["XADD","l","18","xitem","v"]]],
        [["XADD","l","19","xitem","v"], "$4\r\n19-0\r\n", [["XADD","l","19","xitem","v"]]],
        [["XADD","l","20","xitem","v"], "$4\r\n20-0\r\n", [["XADD","l","20","xitem","v"]]],
        [["XADD","l","21","xitem","v"], "$4\r\n21-0\r\n", [["XADD","l","21","xitem","v"]]],
        [["XADD","l","22","xitem","v"], "$4\r\n22-0\r\n", [["XADD","l","22","xitem","v"]]],
        [["XADD","l","23","xitem","v"], "$4\r\n23-0\r\n", [["XADD","l","23","xitem","v"]]],
        [["XADD","l","24","xitem","v"], "$4\r\n24-0\r\n", [["XADD","l","24","xitem","v"]]],
        [["XADD","l","25","xitem","v"], "$4\r\n25-0\r\n", [["XADD","l","25","xitem","v"]]],
        [["XINFO","STREAM","l"], "*20\r\n$6\r\nlength\r\n:25\r\n$15\r\nradix-tree-keys\r\n:3\r\n$16\r\nradix-tree-nodes\r\n:8\r\n$17\r\nlast-generated-id\r\n$4\r\n25-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:25\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n1-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n$10\r\nlast-entry\r\n*2\r\n$4\r\n25-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n", []],
        [["XTRIM","l","MAXLEN","~","18"], ":0\r\n", []],
        [["XTRIM","l","MAXLEN","~","14"], ":10\r\n", [["XTRIM","l","MAXLEN","=","15"]]],
        [["XINFO","STREAM","l"], "*20\r\n$6\r\nlength\r\n:15\r\n$15\r\nradix-tree-keys\r\n:2\r\n$16\r\nradix-tree-nodes\r\n:6\r\n$17\r\nlast-generated-id\r\n$4\r\n25-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:25\r\n$23\r\nrecorded-first-entry-id\r\n$4\r\n11-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$4\r\n11-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n$10\r\nlast-entry\r\n*2\r\n$4\r\n25-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n", []],
        [["XTRIM","l","MINID","~","20"], ":0\r\n", []],
        [["XTRIM","l","MINID","~","22"], ":10\r\n", [["XTRIM","l","MINID","=","21-0"]]],
        [["XTRIM","l","MINID","~","22","LIMIT","5"], ":0\r\n", []],
        [["XTRIM","l","MINID","~","22","LIMIT","0"], ":0\r\n", []],
        [["XINFO","STREAM","l"], "*20\r\n$6\r\nlength\r\n:5\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$4\r\n25-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:25\r\n$23\r\nrecorded-first-entry-id\r\n$4\r\n21-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$4\r\n21-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n$10\r\nlast-entry\r\n*2\r\n$4\r\n25-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n", []],
        [["XTRIM","l","MAXLEN","3"], ":2\r\n", [["XTRIM","l","MAXLEN","3"]]],
        [["XTRIM","l","MAXLEN","3"], ":0\r\n", []],
        [["XTRIM","l","MAXLEN","1","LIMIT","1"], "-ERR syntax error, LIMIT cannot be used without the special ~ option\r\n", []],
        [["XTRIM","l","MAXLEN","~","0","LIMIT","1"], ":0\r\n", []],
        [["XTRIM","l"], "-ERR wrong number of arguments for 'xtrim' command\r\n", []],
        [["XTRIM","l","FOO","1"], "-ERR syntax error\r\n", []],
        [["XTRIM","l","MAXLEN","1","MINID","1"], "-ERR syntax error, MAXLEN and MINID options at the same time are not compatible\r\n", []],
        [["XTRIM","nokey","MAXLEN","1"], ":0\r\n", []],
        [["XINFO","STREAM","l"], "*20\r\n$6\r\nlength\r\n:3\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$4\r\n25-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:25\r\n$23\r\nrecorded-first-entry-id\r\n$4\r\n23-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$4\r\n23-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n$10\r\nlast-entry\r\n*2\r\n$4\r\n25-0\r\n*2\r\n$5\r\nxitem\r\n$1\r\nv\r\n", []],
        [["XADD","l","MAXLEN","~","0","26","xitem","v"], "$4\r\n26-0\r\n", [["XADD","l","MAXLEN","=","0","26","xitem","v"]]],
        [["XINFO","STREAM","l"], "*20\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$4\r\n26-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:26\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n$-1\r\n$10\r\nlast-entry\r\n$-1\r\n", []],
      ],
    },
    {
      name: "nodes split at stream-node-max-bytes, and XDEL of a node's last entry removes it",
      config: { "stream-node-max-bytes": "100" },
      rows: [
        [["XADD","b","1","f1","1000"], "$3\r\n1-0\r\n", [["XADD","b","1","f1","1000"]]],
        [["XADD","b","2","f2","2000"], "$3\r\n2-0\r\n", [["XADD","b","2","f2","2000"]]],
        [["XADD","b","3","f0","3000"], "$3\r\n3-0\r\n", [["XADD","b","3","f0","3000"]]],
        [["XADD","b","4","f1","4000"], "$3\r\n4-0\r\n", [["XADD","b","4","f1","4000"]]],
        [["XADD","b","5","f2","5000"], "$3\r\n5-0\r\n", [["XADD","b","5","f2","5000"]]],
        [["XADD","b","6","longfieldnamexxxxxxxxxxxxxxxxxxxx","valuevaluevaluevaluevaluevaluevalue"], "$3\r\n6-0\r\n", [["XADD","b","6","longfieldnamexxxxxxxxxxxxxxxxxxxx","valuevaluevaluevaluevaluevaluevalue"]]],
        [["XADD","b","7","f1","7000"], "$3\r\n7-0\r\n", [["XADD","b","7","f1","7000"]]],
        [["XADD","b","8","f1","-8000"], "$3\r\n8-0\r\n", [["XADD","b","8","f1","-8000"]]],
        [["XADD","b","9","f1","9"], "$3\r\n9-0\r\n", [["XADD","b","9","f1","9"]]],
        [["XINFO","STREAM","b"], "*20\r\n$6\r\nlength\r\n:9\r\n$15\r\nradix-tree-keys\r\n:3\r\n$16\r\nradix-tree-nodes\r\n:8\r\n$17\r\nlast-generated-id\r\n$3\r\n9-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:9\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n1-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$2\r\nf1\r\n$4\r\n1000\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n9-0\r\n*2\r\n$2\r\nf1\r\n$1\r\n9\r\n", []],
        [["XDEL","b","6"], ":1\r\n", [["XDEL","b","6"]]],
        [["XINFO","STREAM","b"], "*20\r\n$6\r\nlength\r\n:8\r\n$15\r\nradix-tree-keys\r\n:2\r\n$16\r\nradix-tree-nodes\r\n:6\r\n$17\r\nlast-generated-id\r\n$3\r\n9-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n6-0\r\n$13\r\nentries-added\r\n:9\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n1-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$2\r\nf1\r\n$4\r\n1000\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n9-0\r\n*2\r\n$2\r\nf1\r\n$1\r\n9\r\n", []],
        [["XDEL","b","1","2","3","4","5"], ":5\r\n", [["XDEL","b","1","2","3","4","5"]]],
        [["XINFO","STREAM","b"], "*20\r\n$6\r\nlength\r\n:3\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$3\r\n9-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n6-0\r\n$13\r\nentries-added\r\n:9\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n7-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n7-0\r\n*2\r\n$2\r\nf1\r\n$4\r\n7000\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n9-0\r\n*2\r\n$2\r\nf1\r\n$1\r\n9\r\n", []],
        [["XADD","b","MINID","~","8","10","a","b"], "$4\r\n10-0\r\n", [["XADD","b","MINID","=","7-0","10","a","b"]]],
        [["XINFO","STREAM","b"], "*20\r\n$6\r\nlength\r\n:4\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$4\r\n10-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n6-0\r\n$13\r\nentries-added\r\n:10\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n7-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n7-0\r\n*2\r\n$2\r\nf1\r\n$4\r\n7000\r\n$10\r\nlast-entry\r\n*2\r\n$4\r\n10-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XDEL","b","7","8","9","10"], ":4\r\n", [["XDEL","b","7","8","9","10"]]],
        [["XINFO","STREAM","b"], "*20\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$4\r\n10-0\r\n$20\r\nmax-deleted-entry-id\r\n$4\r\n10-0\r\n$13\r\nentries-added\r\n:10\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n$-1\r\n$10\r\nlast-entry\r\n$-1\r\n", []],
      ],
    },
    {
      name: "XSETID",
      rows: [
        [["XSETID","nokey","1-0"], "-ERR no such key\r\n", []],
        [["XADD","s","MAXLEN","0","*","a","b"], "$15\r\nT-0\r\n", [["XADD","s","MAXLEN","0","T-0","a","b"]]],
        [["XSETID","s","200-0"], "+OK\r\n", [["XSETID","s","200-0"]]],
        [["XINFO","STREAM","s"], "*20\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$5\r\n200-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:1\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n$-1\r\n$10\r\nlast-entry\r\n$-1\r\n", []],
        [["XADD","s","300","a","b"], "$5\r\n300-0\r\n", [["XADD","s","300","a","b"]]],
        [["XSETID","s","1-1"], "-ERR The ID specified in XSETID is smaller than the target stream top item\r\n", []],
        [["XSETID","s","1-1","0"], "-ERR syntax error\r\n", []],
        [["XSETID","s","1-1","ENTRIESADDED","-1","MAXDELETEDID","0-0"], "-ERR entries_added must be positive\r\n", []],
        [["XSETID","s","400-0","MAXDELETEDID","500-0"], "-ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id\r\n", []],
        [["XSETID","s","400-0","ENTRIESADDED","0"], "-ERR The entries_added specified in XSETID is smaller than the target stream length\r\n", []],
        [["XSETID","s","400-0","ENTRIESADDED","10","MAXDELETEDID","300-0"], "+OK\r\n", [["XSETID","s","400-0","ENTRIESADDED","10","MAXDELETEDID","300-0"]]],
        [["XSETID","s","400-0","FOO"], "-ERR syntax error\r\n", []],
        [["XSETID","s","abc"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XINFO","STREAM","s"], "*20\r\n$6\r\nlength\r\n:1\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$5\r\n400-0\r\n$20\r\nmax-deleted-entry-id\r\n$5\r\n300-0\r\n$13\r\nentries-added\r\n:10\r\n$23\r\nrecorded-first-entry-id\r\n$5\r\n300-0\r\n$6\r\ngroups\r\n:0\r\n$11\r\nfirst-entry\r\n*2\r\n$5\r\n300-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n$10\r\nlast-entry\r\n*2\r\n$5\r\n300-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["SET","str","v"], "+OK\r\n", [["SET","str","v"]]],
        [["XSETID","str","1-0"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
      ],
    },
    {
      name: "consumer groups: XGROUP, XREADGROUP, XACK, XPENDING and their propagation",
      rows: [
        [["XGROUP","CREATE","s","g","$"], "-ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.\r\n", []],
        [["XGROUP","CREATE","s","g","$","MKSTREAM"], "+OK\r\n", [["XGROUP","CREATE","s","g","$","MKSTREAM"]]],
        [["XGROUP","CREATE","s","g","$","MKSTREAM"], "-BUSYGROUP Consumer Group name already exists\r\n", []],
        [["XGROUP","CREATE","s","g2","0","ENTRIESREAD","5"], "+OK\r\n", [["XGROUP","CREATE","s","g2","0","ENTRIESREAD","5"]]],
        [["XGROUP","CREATE","s","g3","0","ENTRIESREAD","-2"], "-ERR value for ENTRIESREAD must be positive or -1\r\n", []],
        [["XGROUP","CREATE","s","g3","0","ENTRIESREAD","x"], "-ERR value is not an integer or out of range\r\n", []],
        [["XGROUP","CREATE","s","g3","0","FOO"], "-ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP.\r\n", []],
        [["XGROUP","CREATE","s","g3","0","MKSTREAM","MKSTREAM","MKSTREAM","MKSTREAM"], "-ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP.\r\n", []],
        [["XGROUP","CREATE","s","g3","abc"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XGROUP","SETID","s","nog","0"], "-NOGROUP No such consumer group 'nog' for key name 's'\r\n", []],
        [["XGROUP","SETID","s","g","0","MKSTREAM"], "-ERR unknown subcommand or wrong number of arguments for 'SETID'. Try XGROUP HELP.\r\n", []],
        [["XGROUP","SETID","nokey","g","0"], "-ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.\r\n", []],
        [["XGROUP","CREATECONSUMER","s","g","c1"], ":1\r\n", [["XGROUP","CREATECONSUMER","s","g","c1"]]],
        [["XGROUP","CREATECONSUMER","s","g","c1"], ":0\r\n", []],
        [["XGROUP","CREATECONSUMER","s","nog","c1"], "-NOGROUP No such consumer group 'nog' for key name 's'\r\n", []],
        [["XGROUP","DELCONSUMER","s","g","c1"], ":0\r\n", [["XGROUP","DELCONSUMER","s","g","c1"]]],
        [["XGROUP","DELCONSUMER","s","g","c1"], ":0\r\n", []],
        [["XGROUP","DESTROY","s","g2"], ":1\r\n", [["XGROUP","DESTROY","s","g2"]]],
        [["XGROUP","DESTROY","s","g2"], ":0\r\n", []],
        [["XGROUP","FOO","s","g"], "-ERR unknown subcommand 'FOO'. Try XGROUP HELP.\r\n", []],
        [["XGROUP","DESTROY","s","g","x"], "-ERR wrong number of arguments for 'xgroup|destroy' command\r\n", []],
        [["XGROUP","HELP"], "*17\r\n+XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+CREATE <key> <groupname> <id|$> [option]\r\n+    Create a new consumer group. Options are:\r\n+    * MKSTREAM\r\n+      Create the empty stream if it does not exist.\r\n+    * ENTRIESREAD entries_read\r\n+      Set the group's entries_read counter (internal use).\r\n+CREATECONSUMER <key> <groupname> <consumer>\r\n+    Create a new consumer in the specified group.\r\n+DELCONSUMER <key> <groupname> <consumer>\r\n+    Remove the specified consumer.\r\n+DESTROY <key> <groupname>\r\n+    Remove the specified group.\r\n+SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]\r\n+    Set the current group ID and entries_read counter.\r\n+HELP\r\n+    Prints this help.\r\n", []],
        [["XGROUP","help","x"], "-ERR wrong number of arguments for 'xgroup|help' command\r\n", []],
        [["SET","str","v"], "+OK\r\n", [["SET","str","v"]]],
        [["XGROUP","CREATE","str","g","$"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["XADD","s","1-0","a","1"], "$3\r\n1-0\r\n", [["XADD","s","1-0","a","1"]]],
        [["XADD","s","2-0","b","2"], "$3\r\n2-0\r\n", [["XADD","s","2-0","b","2"]]],
        [["XADD","s","3-0","c","3"], "$3\r\n3-0\r\n", [["XADD","s","3-0","c","3"]]],
        [["XADD","s","4-0","d","4"], "$3\r\n4-0\r\n", [["XADD","s","4-0","d","4"]]],
        [["XADD","s","5-0","e","5"], "$3\r\n5-0\r\n", [["XADD","s","5-0","e","5"]]],
        [["XINFO","GROUPS","s"], "*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n:5\r\n", []],
        [["XREADGROUP","GROUP","g","alice","COUNT","2","STREAMS","s",">"], "*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n", [["MULTI"],["XCLAIM","s","g","alice","0","1-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","1-0"],["XCLAIM","s","g","alice","0","2-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","2-0"],["EXEC"]], '~'],
        [["XREADGROUP","GROUP","g","bob","NOACK","COUNT","1","STREAMS","s",">"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n", [["MULTI"],["XGROUP","CREATECONSUMER","s","g","bob"],["XGROUP","SETID","s","g","3-0","ENTRIESREAD","3"],["EXEC"]], '~'],
        [["XREADGROUP","GROUP","g","bob","NOACK","COUNT","1","STREAMS","s",">"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n4-0\r\n*2\r\n$1\r\nd\r\n$1\r\n4\r\n", [["XGROUP","SETID","s","g","4-0","ENTRIESREAD","4"]], '~'],
        [["XREADGROUP","GROUP","g","bob","STREAMS","s",">"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\ne\r\n$1\r\n5\r\n", [["XCLAIM","s","g","bob","0","5-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","5-0"]]],
        [["XINFO","GROUPS","s"], "*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:2\r\n$7\r\npending\r\n:3\r\n$17\r\nlast-delivered-id\r\n$3\r\n5-0\r\n$12\r\nentries-read\r\n:5\r\n$3\r\nlag\r\n:0\r\n", []],
        [["XINFO","CONSUMERS","s","g"], "*2\r\n*6\r\n$4\r\nname\r\n$5\r\nalice\r\n$7\r\npending\r\n:N\r\n$4\r\nidle\r\n:N\r\n*6\r\n$4\r\nname\r\n$3\r\nbob\r\n$7\r\npending\r\n:N\r\n$4\r\nidle\r\n:N\r\n", [], '~'],
        [["XINFO","CONSUMERS","s","nog"], "-NOGROUP No such consumer group 'nog' for key name 's'\r\n", []],
        [["XINFO","CONSUMERS","nokey","g"], "-ERR no such key\r\n", []],
        [["XPENDING","s","g"], "*4\r\n:3\r\n$3\r\n1-0\r\n$3\r\n5-0\r\n*2\r\n*2\r\n$5\r\nalice\r\n$1\r\n2\r\n*2\r\n$3\r\nbob\r\n$1\r\n1\r\n", []],
        [["XPENDING","s","g","-","+","10"], "*3\r\n*4\r\n$3\r\n1-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n*4\r\n$3\r\n2-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n*4\r\n$3\r\n5-0\r\n$3\r\nbob\r\n:N\r\n:N\r\n", [], '~'],
        [["XPENDING","s","g","-","+","10","alice"], "*2\r\n*4\r\n$3\r\n1-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n*4\r\n$3\r\n2-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n", [], '~'],
        [["XPENDING","s","g","-","+","10","nobody"], "*0\r\n", [], '~'],
        [["XPENDING","s","g","IDLE","100000","-","+","10"], "*0\r\n", []],
        [["XPENDING","s","g","IDLE","10","-","+"], "-ERR syntax error\r\n", []],
        [["XPENDING","s","g","-","+","abc"], "-ERR value is not an integer or out of range\r\n", []],
        [["XPENDING","s","g","-","(0-0","10"], "-ERR invalid end ID for the interval\r\n", []],
        [["XPENDING","s","nog"], "-NOGROUP No such key 's' or consumer group 'nog'\r\n", []],
        [["XPENDING","str","g"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["XREADGROUP","GROUP","g","alice","STREAMS","s","0"], "*1\r\n*2\r\n$1\r\ns\r\n*2\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n", [], '~'],
        [["XREADGROUP","GROUP","g","alice","COUNT","1","STREAMS","s","1-0"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n", [], '~'],
        [["XREADGROUP","GROUP","g","carol","STREAMS","s","0"], "*1\r\n*2\r\n$1\r\ns\r\n*0\r\n", [], '~'],
        [["XREADGROUP","GROUP","g","alice","STREAMS","s","$"], "-ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.\r\n", []],
        [["XREAD","STREAMS","s",">"], "-ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.\r\n", []],
        [["XREAD","GROUP","g","a","STREAMS","s","0"], "-ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.\r\n", []],
        [["XREAD","NOACK","STREAMS","s","0"], "-ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.\r\n", []],
        [["XREADGROUP","STREAMS","s","0"], "-ERR wrong number of arguments for 'xreadgroup' command\r\n", []],
        [["XREADGROUP","GROUP","nog","a","STREAMS","s",">"], "-NOGROUP No such key 's' or consumer group 'nog' in XREADGROUP with GROUP option\r\n", []],
        [["XREADGROUP","GROUP","g","a","STREAMS","nokey",">"], "-NOGROUP No such key 'nokey' or consumer group 'g' in XREADGROUP with GROUP option\r\n", []],
        [["XREADGROUP","GROUP","g","a","STREAMS","s"], "-ERR wrong number of arguments for 'xreadgroup' command\r\n", []],
        [["XREADGROUP","GROUP","g","a","FOO","STREAMS","s",">"], "-ERR syntax error\r\n", []],
        [["XREADGROUP","GROUP","g","a","STREAMS","s","abc"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XREADGROUP","GROUP","g","a","STREAMS","str",">"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["XGROUP","SETID","s","g","0"], "+OK\r\n", [["XGROUP","SETID","s","g","0"]]],
        [["XREADGROUP","GROUP","g","erin","COUNT","3","STREAMS","s",">"], "*1\r\n*2\r\n$1\r\ns\r\n*3\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n", [["MULTI"],["XCLAIM","s","g","erin","0","1-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","1-0"],["XCLAIM","s","g","erin","0","2-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","2-0"],["XCLAIM","s","g","erin","0","3-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","3-0"],["EXEC"]], '~'],
        [["XINFO","STREAM","s","FULL"], "*18\r\n$6\r\nlength\r\n:N\r\n$15\r\nradix-tree-keys\r\n:N\r\n$16\r\nradix-tree-nodes\r\n:N\r\n$17\r\nlast-generated-id\r\n$3\r\n5-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:N\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n1-0\r\n$7\r\nentries\r\n*5\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n*2\r\n$3\r\n4-0\r\n*2\r\n$1\r\nd\r\n$1\r\n4\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\ne\r\n$1\r\n5\r\n$6\r\ngroups\r\n*1\r\n*14\r\n$4\r\nname\r\n$1\r\ng\r\n$17\r\nlast-delivered-id\r\n$3\r\n3-0\r\n$12\r\nentries-read\r\n:N\r\n$3\r\nlag\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*4\r\n*4\r\n$3\r\n1-0\r\n$4\r\nerin\r\n:N\r\n:N\r\n*4\r\n$3\r\n2-0\r\n$4\r\nerin\r\n:N\r\n:N\r\n*4\r\n$3\r\n3-0\r\n$4\r\nerin\r\n:N\r\n:N\r\n*4\r\n$3\r\n5-0\r\n$3\r\nbob\r\n:N\r\n:N\r\n$9\r\nconsumers\r\n*4\r\n*8\r\n$4\r\nname\r\n$5\r\nalice\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*0\r\n*8\r\n$4\r\nname\r\n$3\r\nbob\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*1\r\n*3\r\n$3\r\n5-0\r\n:N\r\n:N\r\n*8\r\n$4\r\nname\r\n$5\r\ncarol\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*0\r\n*8\r\n$4\r\nname\r\n$4\r\nerin\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*3\r\n*3\r\n$3\r\n1-0\r\n:N\r\n:N\r\n*3\r\n$3\r\n2-0\r\n:N\r\n:N\r\n*3\r\n$3\r\n3-0\r\n:N\r\n:N\r\n", [], '~'],
        [["XACK","s","g","1-0","2-0","9-9"], ":2\r\n", [["XACK","s","g","1-0","2-0","9-9"]]],
        [["XACK","s","g","1-0"], ":0\r\n", []],
        [["XACK","s","g","abc"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XACK","s","nog","1-0"], ":0\r\n", []],
        [["XACK","str","g","1-0"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", []],
        [["XPENDING","s","g"], "*4\r\n:2\r\n$3\r\n3-0\r\n$3\r\n5-0\r\n*2\r\n*2\r\n$3\r\nbob\r\n$1\r\n1\r\n*2\r\n$4\r\nerin\r\n$1\r\n1\r\n", []],
        [["XGROUP","SETID","s","g","$"], "+OK\r\n", [["XGROUP","SETID","s","g","$"]]],
        [["XGROUP","DESTROY","s","g"], ":1\r\n", [["XGROUP","DESTROY","s","g"]]],
      ],
    },
    {
      name: "XCLAIM and XAUTOCLAIM",
      rows: [
        [["XADD","s","1","f","v"], "$3\r\n1-0\r\n", [["XADD","s","1","f","v"]]],
        [["XADD","s","2","f","v"], "$3\r\n2-0\r\n", [["XADD","s","2","f","v"]]],
        [["XADD","s","3","f","v"], "$3\r\n3-0\r\n", [["XADD","s","3","f","v"]]],
        [["XADD","s","4","f","v"], "$3\r\n4-0\r\n", [["XADD","s","4","f","v"]]],
        [["XADD","s","5","f","v"], "$3\r\n5-0\r\n", [["XADD","s","5","f","v"]]],
        [["XGROUP","CREATE","s","g","0"], "+OK\r\n", [["XGROUP","CREATE","s","g","0"]]],
        [["XGROUP","CREATE","s","g2","$"], "+OK\r\n", [["XGROUP","CREATE","s","g2","$"]]],
        [["XREADGROUP","GROUP","g","alice","STREAMS","s",">"], "*1\r\n*2\r\n$1\r\ns\r\n*5\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n4-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", [["MULTI"],["XCLAIM","s","g","alice","0","1-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","1-0"],["XCLAIM","s","g","alice","0","2-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","2-0"],["XCLAIM","s","g","alice","0","3-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","3-0"],["XCLAIM","s","g","alice","0","4-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","4-0"],["XCLAIM","s","g","alice","0","5-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","5-0"],["EXEC"]], '~'],
        [["XDEL","s","2","4"], ":2\r\n", [["XDEL","s","2","4"]]],
        [["XCLAIM","s","g","bob","0","1","2","3-0","9"], "*2\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", [["MULTI"],["XCLAIM","s","g","bob","0","1","TIME","T","RETRYCOUNT","2","FORCE","JUSTID","LASTID","5-0"],["XCLAIM","s","g","alice","0","2","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","5-0"],["XCLAIM","s","g","bob","0","3-0","TIME","T","RETRYCOUNT","2","FORCE","JUSTID","LASTID","5-0"],["EXEC"]], '~'],
        [["XPENDING","s","g","-","+","10"], "*4\r\n*4\r\n$3\r\n1-0\r\n$3\r\nbob\r\n:N\r\n:N\r\n*4\r\n$3\r\n3-0\r\n$3\r\nbob\r\n:N\r\n:N\r\n*4\r\n$3\r\n4-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n*4\r\n$3\r\n5-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n", [], '~'],
        [["XCLAIM","s","g","carol","0","3","JUSTID"], "*1\r\n$3\r\n3-0\r\n", [["XCLAIM","s","g","carol","0","3","TIME","T","RETRYCOUNT","2","FORCE","JUSTID","LASTID","5-0"]], '~'],
        [["XCLAIM","s","g","carol","0","3","RETRYCOUNT","7","TIME","12345"], "*1\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", [["XCLAIM","s","g","carol","0","3","TIME","12345","RETRYCOUNT","7","FORCE","JUSTID","LASTID","5-0"]], '~'],
        [["XPENDING","s","g","-","+","10"], "*4\r\n*4\r\n$3\r\n1-0\r\n$3\r\nbob\r\n:N\r\n:N\r\n*4\r\n$3\r\n3-0\r\n$5\r\ncarol\r\n:N\r\n:N\r\n*4\r\n$3\r\n4-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n*4\r\n$3\r\n5-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n", [], '~'],
        [["XCLAIM","s","g2","dan","0","1","FORCE"], "*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", [["XCLAIM","s","g2","dan","0","1","TIME","T","RETRYCOUNT","2","FORCE","JUSTID","LASTID","5-0"]], '~'],
        [["XCLAIM","s","g2","dan","0","3","FORCE","JUSTID"], "*1\r\n$3\r\n3-0\r\n", [["XCLAIM","s","g2","dan","0","3","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","5-0"]], '~'],
        [["XCLAIM","s","g2","dan","0","4","FORCE"], "*0\r\n", [], '~'],
        [["XCLAIM","s","g2","erin","0","1","IDLE","100","LASTID","30"], "*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", [["XCLAIM","s","g2","erin","0","1","TIME","T","RETRYCOUNT","3","FORCE","JUSTID","LASTID","30-0"]], '~'],
        [["XCLAIM","s","g2","erin","0","1","LASTID","31"], "*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", [["XCLAIM","s","g2","erin","0","1","TIME","T","RETRYCOUNT","4","FORCE","JUSTID","LASTID","31-0"]], '~'],
        [["XCLAIM","s","g2","erin","0","1","LASTID","1"], "*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", [["XCLAIM","s","g2","erin","0","1","TIME","T","RETRYCOUNT","5","FORCE","JUSTID","LASTID","31-0"]], '~'],
        [["XCLAIM","s","g","dave","0","1-0","FOO"], "-ERR Unrecognized XCLAIM option 'FOO'\r\n", []],
        [["XCLAIM","s","g","dave","abc","1-0"], "-ERR Invalid min-idle-time argument for XCLAIM\r\n", []],
        [["XCLAIM","s","g","dave","0","1-0","IDLE","abc"], "-ERR Invalid IDLE option argument for XCLAIM\r\n", []],
        [["XCLAIM","s","g","dave","0","1-0","TIME","abc"], "-ERR Invalid TIME option argument for XCLAIM\r\n", []],
        [["XCLAIM","s","g","dave","0","1-0","RETRYCOUNT","abc"], "-ERR Invalid RETRYCOUNT option argument for XCLAIM\r\n", []],
        [["XCLAIM","s","g","dave","0","1-0","LASTID","abc"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XCLAIM","s","nog","dave","0","1-0"], "-NOGROUP No such key 's' or consumer group 'nog'\r\n", []],
        [["XCLAIM","nokey","g","dave","0","1-0"], "-NOGROUP No such key 'nokey' or consumer group 'g'\r\n", []],
        [["XINFO","STREAM","s","FULL"], "*18\r\n$6\r\nlength\r\n:N\r\n$15\r\nradix-tree-keys\r\n:N\r\n$16\r\nradix-tree-nodes\r\n:N\r\n$17\r\nlast-generated-id\r\n$3\r\n5-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n4-0\r\n$13\r\nentries-added\r\n:N\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n1-0\r\n$7\r\nentries\r\n*3\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n$6\r\ngroups\r\n*2\r\n*14\r\n$4\r\nname\r\n$1\r\ng\r\n$17\r\nlast-delivered-id\r\n$3\r\n5-0\r\n$12\r\nentries-read\r\n:N\r\n$3\r\nlag\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*4\r\n*4\r\n$3\r\n1-0\r\n$3\r\nbob\r\n:N\r\n:N\r\n*4\r\n$3\r\n3-0\r\n$5\r\ncarol\r\n:N\r\n:N\r\n*4\r\n$3\r\n4-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n*4\r\n$3\r\n5-0\r\n$5\r\nalice\r\n:N\r\n:N\r\n$9\r\nconsumers\r\n*3\r\n*8\r\n$4\r\nname\r\n$5\r\nalice\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*2\r\n*3\r\n$3\r\n4-0\r\n:N\r\n:N\r\n*3\r\n$3\r\n5-0\r\n:N\r\n:N\r\n*8\r\n$4\r\nname\r\n$3\r\nbob\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*1\r\n*3\r\n$3\r\n1-0\r\n:N\r\n:N\r\n*8\r\n$4\r\nname\r\n$5\r\ncarol\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*1\r\n*3\r\n$3\r\n3-0\r\n:N\r\n:N\r\n*14\r\n$4\r\nname\r\n$2\r\ng2\r\n$17\r\nlast-delivered-id\r\n$4\r\n31-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n$-1\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*2\r\n*4\r\n$3\r\n1-0\r\n$4\r\nerin\r\n:N\r\n:N\r\n*4\r\n$3\r\n3-0\r\n$3\r\ndan\r\n:N\r\n:N\r\n$9\r\nconsumers\r\n*2\r\n*8\r\n$4\r\nname\r\n$3\r\ndan\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*1\r\n*3\r\n$3\r\n3-0\r\n:N\r\n:N\r\n*8\r\n$4\r\nname\r\n$4\r\nerin\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*1\r\n*3\r\n$3\r\n1-0\r\n:N\r\n:N\r\n", [], '~'],
        [["XDEL","s","1"], ":1\r\n", [["XDEL","s","1"]]],
        [["XAUTOCLAIM","s","g","frank","0","0","COUNT","1"], "*3\r\n$3\r\n3-0\r\n*0\r\n*1\r\n$3\r\n1-0\r\n", [["XCLAIM","s","g","bob","0","1-0","TIME","T","RETRYCOUNT","2","FORCE","JUSTID","LASTID","5-0"]], '~'],
        [["XAUTOCLAIM","s","g","frank","0","0","JUSTID"], "*3\r\n$3\r\n0-0\r\n*2\r\n$3\r\n3-0\r\n$3\r\n5-0\r\n*1\r\n$3\r\n4-0\r\n", [["MULTI"],["XCLAIM","s","g","frank","0","3-0","TIME","T","RETRYCOUNT","7","FORCE","JUSTID","LASTID","5-0"],["XCLAIM","s","g","alice","0","4-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","5-0"],["XCLAIM","s","g","frank","0","5-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","5-0"],["EXEC"]], '~'],
        [["XAUTOCLAIM","s","g2","frank","0","(1"], "*3\r\n$3\r\n0-0\r\n*1\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*0\r\n", [["XCLAIM","s","g2","frank","0","3-0","TIME","T","RETRYCOUNT","2","FORCE","JUSTID","LASTID","31-0"]], '~'],
        [["XAUTOCLAIM","s","g","frank","100000","0"], "*3\r\n$3\r\n0-0\r\n*0\r\n*0\r\n", []],
        [["XAUTOCLAIM","s","g","frank","0","0-0","COUNT","0"], "-ERR COUNT must be > 0\r\n", []],
        [["XAUTOCLAIM","s","g","frank","0","0-0","COUNT","8070450532247928833"], "-ERR COUNT must be > 0\r\n", []],
        [["XAUTOCLAIM","s","g","frank","0","0-0","FOO"], "-ERR syntax error\r\n", []],
        [["XAUTOCLAIM","s","g","frank","x","0-0"], "-ERR Invalid min-idle-time argument for XAUTOCLAIM\r\n", []],
        [["XAUTOCLAIM","s","g","frank","0","x"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XAUTOCLAIM","s","nog","frank","0","0"], "-NOGROUP No such key 's' or consumer group 'nog'\r\n", []],
        [["XINFO","CONSUMERS","s","g"], "*4\r\n*6\r\n$4\r\nname\r\n$5\r\nalice\r\n$7\r\npending\r\n:N\r\n$4\r\nidle\r\n:N\r\n*6\r\n$4\r\nname\r\n$3\r\nbob\r\n$7\r\npending\r\n:N\r\n$4\r\nidle\r\n:N\r\n*6\r\n$4\r\nname\r\n$5\r\ncarol\r\n$7\r\npending\r\n:N\r\n$4\r\nidle\r\n:N\r\n*6\r\n$4\r\nname\r\n$5\r\nfrank\r\n$7\r\npending\r\n:N\r\n$4\r\nidle\r\n:N\r\n", [], '~'],
        [["XGROUP","DELCONSUMER","s","g","frank"], ":2\r\n", [["XGROUP","DELCONSUMER","s","g","frank"]]],
        [["XPENDING","s","g"], "*4\r\n:0\r\n$-1\r\n$-1\r\n*-1\r\n", []],
      ],
    },
    {
      name: "XINFO and the read counter and lag of groups",
      rows: [
        [["XGROUP","CREATE","x","g1","0","MKSTREAM"], "+OK\r\n", [["XGROUP","CREATE","x","g1","0","MKSTREAM"]]],
        [["XINFO","STREAM","x","FULL"], "*18\r\n$6\r\nlength\r\n:0\r\n$15\r\nradix-tree-keys\r\n:0\r\n$16\r\nradix-tree-nodes\r\n:1\r\n$17\r\nlast-generated-id\r\n$3\r\n0-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:0\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n0-0\r\n$7\r\nentries\r\n*0\r\n$6\r\ngroups\r\n*1\r\n*14\r\n$4\r\nname\r\n$2\r\ng1\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n:0\r\n$9\r\npel-count\r\n:0\r\n$7\r\npending\r\n*0\r\n$9\r\nconsumers\r\n*0\r\n", []],
        [["XADD","x","1-0","data","a"], "$3\r\n1-0\r\n", [["XADD","x","1-0","data","a"]]],
        [["XADD","x","2-0","data","b"], "$3\r\n2-0\r\n", [["XADD","x","2-0","data","b"]]],
        [["XADD","x","3-0","data","c"], "$3\r\n3-0\r\n", [["XADD","x","3-0","data","c"]]],
        [["XADD","x","4-0","data","d"], "$3\r\n4-0\r\n", [["XADD","x","4-0","data","d"]]],
        [["XADD","x","5-0","data","e"], "$3\r\n5-0\r\n", [["XADD","x","5-0","data","e"]]],
        [["XDEL","x","3-0"], ":1\r\n", [["XDEL","x","3-0"]]],
        [["XGROUP","CREATE","x","g2","0"], "+OK\r\n", [["XGROUP","CREATE","x","g2","0"]]],
        [["XINFO","GROUPS","x"], "*2\r\n*12\r\n$4\r\nname\r\n$2\r\ng1\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n$-1\r\n*12\r\n$4\r\nname\r\n$2\r\ng2\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n$-1\r\n", []],
        [["XREADGROUP","GROUP","g1","c","COUNT","1","STREAMS","x",">"], "*1\r\n*2\r\n$1\r\nx\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$4\r\ndata\r\n$1\r\na\r\n", [["XCLAIM","x","g1","c","0","1-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","1-0"]], '~'],
        [["XREADGROUP","GROUP","g1","c","COUNT","1","STREAMS","x",">"], "*1\r\n*2\r\n$1\r\nx\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$4\r\ndata\r\n$1\r\nb\r\n", [["XCLAIM","x","g1","c","0","2-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","2-0"]], '~'],
        [["XINFO","GROUPS","x"], "*2\r\n*12\r\n$4\r\nname\r\n$2\r\ng1\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:2\r\n$17\r\nlast-delivered-id\r\n$3\r\n2-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n$-1\r\n*12\r\n$4\r\nname\r\n$2\r\ng2\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n$-1\r\n", []],
        [["XREADGROUP","GROUP","g1","c","COUNT","2","STREAMS","x",">"], "*1\r\n*2\r\n$1\r\nx\r\n*2\r\n*2\r\n$3\r\n4-0\r\n*2\r\n$4\r\ndata\r\n$1\r\nd\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$4\r\ndata\r\n$1\r\ne\r\n", [["MULTI"],["XCLAIM","x","g1","c","0","4-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","4-0"],["XCLAIM","x","g1","c","0","5-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","5-0"],["EXEC"]], '~'],
        [["XINFO","GROUPS","x"], "*2\r\n*12\r\n$4\r\nname\r\n$2\r\ng1\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:4\r\n$17\r\nlast-delivered-id\r\n$3\r\n5-0\r\n$12\r\nentries-read\r\n:5\r\n$3\r\nlag\r\n:0\r\n*12\r\n$4\r\nname\r\n$2\r\ng2\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n$-1\r\n", []],
        [["XADD","x","6-0","data","f"], "$3\r\n6-0\r\n", [["XADD","x","6-0","data","f"]]],
        [["XTRIM","x","MINID","=","3-0"], ":2\r\n", [["XTRIM","x","MINID","=","3-0"]]],
        [["XINFO","GROUPS","x"], "*2\r\n*12\r\n$4\r\nname\r\n$2\r\ng1\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:4\r\n$17\r\nlast-delivered-id\r\n$3\r\n5-0\r\n$12\r\nentries-read\r\n:5\r\n$3\r\nlag\r\n:1\r\n*12\r\n$4\r\nname\r\n$2\r\ng2\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n:3\r\n", []],
        [["XTRIM","x","MINID","=","5-0"], ":1\r\n", [["XTRIM","x","MINID","=","5-0"]]],
        [["XINFO","GROUPS","x"], "*2\r\n*12\r\n$4\r\nname\r\n$2\r\ng1\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:4\r\n$17\r\nlast-delivered-id\r\n$3\r\n5-0\r\n$12\r\nentries-read\r\n:5\r\n$3\r\nlag\r\n:1\r\n*12\r\n$4\r\nname\r\n$2\r\ng2\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n:2\r\n", []],
        [["XINFO","STREAM","x"], "*20\r\n$6\r\nlength\r\n:2\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$3\r\n6-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n3-0\r\n$13\r\nentries-added\r\n:6\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n5-0\r\n$6\r\ngroups\r\n:2\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$4\r\ndata\r\n$1\r\ne\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n6-0\r\n*2\r\n$4\r\ndata\r\n$1\r\nf\r\n", []],
        [["XINFO","STREAM","x","FULL","COUNT","1"], "*18\r\n$6\r\nlength\r\n:N\r\n$15\r\nradix-tree-keys\r\n:N\r\n$16\r\nradix-tree-nodes\r\n:N\r\n$17\r\nlast-generated-id\r\n$3\r\n6-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n3-0\r\n$13\r\nentries-added\r\n:N\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n5-0\r\n$7\r\nentries\r\n*1\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$4\r\ndata\r\n$1\r\ne\r\n$6\r\ngroups\r\n*2\r\n*14\r\n$4\r\nname\r\n$2\r\ng1\r\n$17\r\nlast-delivered-id\r\n$3\r\n5-0\r\n$12\r\nentries-read\r\n:N\r\n$3\r\nlag\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*1\r\n*4\r\n$3\r\n1-0\r\n$1\r\nc\r\n:N\r\n:N\r\n$9\r\nconsumers\r\n*1\r\n*8\r\n$4\r\nname\r\n$1\r\nc\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*1\r\n*3\r\n$3\r\n1-0\r\n:N\r\n:N\r\n*14\r\n$4\r\nname\r\n$2\r\ng2\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*0\r\n$9\r\nconsumers\r\n*0\r\n", [], '~'],
        [["XINFO","STREAM","x","FULL","COUNT","0"], "*18\r\n$6\r\nlength\r\n:N\r\n$15\r\nradix-tree-keys\r\n:N\r\n$16\r\nradix-tree-nodes\r\n:N\r\n$17\r\nlast-generated-id\r\n$3\r\n6-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n3-0\r\n$13\r\nentries-added\r\n:N\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n5-0\r\n$7\r\nentries\r\n*2\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$4\r\ndata\r\n$1\r\ne\r\n*2\r\n$3\r\n6-0\r\n*2\r\n$4\r\ndata\r\n$1\r\nf\r\n$6\r\ngroups\r\n*2\r\n*14\r\n$4\r\nname\r\n$2\r\ng1\r\n$17\r\nlast-delivered-id\r\n$3\r\n5-0\r\n$12\r\nentries-read\r\n:N\r\n$3\r\nlag\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*4\r\n*4\r\n$3\r\n1-0\r\n$1\r\nc\r\n:N\r\n:N\r\n*4\r\n$3\r\n2-0\r\n$1\r\nc\r\n:N\r\n:N\r\n*4\r\n$3\r\n4-0\r\n$1\r\nc\r\n:N\r\n:N\r\n*4\r\n$3\r\n5-0\r\n$1\r\nc\r\n:N\r\n:N\r\n$9\r\nconsumers\r\n*1\r\n*8\r\n$4\r\nname\r\n$1\r\nc\r\n$9\r\nseen-time\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*4\r\n*3\r\n$3\r\n1-0\r\n:N\r\n:N\r\n*3\r\n$3\r\n2-0\r\n:N\r\n:N\r\n*3\r\n$3\r\n4-0\r\n:N\r\n:N\r\n*3\r\n$3\r\n5-0\r\n:N\r\n:N\r\n*14\r\n$4\r\nname\r\n$2\r\ng2\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n:N\r\n$9\r\npel-count\r\n:N\r\n$7\r\npending\r\n*0\r\n$9\r\nconsumers\r\n*0\r\n", [], '~'],
        [["XINFO","STREAM","x","FULL","COUNT"], "-ERR unknown subcommand or wrong number of arguments for 'STREAM'. Try XINFO HELP.\r\n", []],
        [["XINFO","STREAM","x","FOO"], "-ERR unknown subcommand or wrong number of arguments for 'STREAM'. Try XINFO HELP.\r\n", []],
        [["XINFO","STREAM","x","FULL","COUNT","abc"], "-ERR value is not an integer or out of range\r\n", []],
        [["XINFO","STREAM","nokey"], "-ERR no such key\r\n", []],
        [["XINFO","HELP"], "*9\r\n+XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+CONSUMERS <key> <groupname>\r\n+    Show consumers of <groupname>.\r\n+GROUPS <key>\r\n+    Show the stream consumer groups.\r\n+STREAM <key> [FULL [COUNT <count>]\r\n+    Show information about the stream.\r\n+HELP\r\n+    Prints this help.\r\n", []],
        [["XINFO","HELP","x"], "-ERR wrong number of arguments for 'xinfo|help' command\r\n", []],
        [["XINFO","FOO","x"], "-ERR unknown subcommand 'FOO'. Try XINFO HELP.\r\n", []],
      ],
    },

    {
      name: "XREAD and XREADGROUP arguments",
      rows: [
        [["XADD","s","1","a","b"], "$3\r\n1-0\r\n", [["XADD","s","1","a","b"]]],
        [["XREAD","COUNT","1","STREAMS"], "-ERR syntax error\r\n", []],
        [["XREAD","STREAMS","s","0","extra"], "-ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.\r\n", []],
        [["XREAD","BLOCK","abc","STREAMS","s","0"], "-ERR timeout is not an integer or out of range\r\n", []],
        [["XREAD","BLOCK","-1","STREAMS","s","0"], "-ERR timeout is negative\r\n", []],
        [["XREAD","BLOCK","0","STREAMS","s","0"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XREAD","COUNT","0","STREAMS","s","0"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XREAD","STREAMS","s","s","0","0"], "*2\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XREAD","STREAMS","nokey","s","$","0"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
        [["XREAD","STREAMS","s","+"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XREAD","STREAMS","s","18446744073709551615-18446744073709551615"], "*-1\r\n", []],
        [["xread","Streams","s","(0"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XREADGROUP","GROUP","g","STREAMS","s","0"], "-ERR wrong number of arguments for 'xreadgroup' command\r\n", []],
        [["XGROUP","CREATE","s","g","0"], "+OK\r\n", [["XGROUP","CREATE","s","g","0"]]],
        [["XREADGROUP","GROUP","g","c","STREAMS","s","18446744073709551615-18446744073709551615"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", [["XCLAIM","s","g","c","0","1-0","TIME","T","RETRYCOUNT","1","FORCE","JUSTID","LASTID","1-0"]], '~'],
        [["XREADGROUP","GROUP","g","c","STREAMS","s","18446744073709551615-18446744073709551615"], "*-1\r\n", []],
        [["XREADGROUP","GROUP","g","c","BLOCK","0","NOACK","COUNT","5","STREAMS","s","0"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", [], '~'],
        [["XREADGROUP","GROUP","g","c","STREAMS","s","0","s",">"], "-ERR Invalid stream ID specified as stream command argument\r\n", []],
        [["XREADGROUP","NOACK","NOACK","GROUP","g","c","STREAMS","s","0"], "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
      ],
    },
    {
      name: "counters past 2^63 and huge COUNTs",
      rows: [
        [["XADD","s","1","a","b"], "$3\r\n1-0\r\n", [["XADD","s","1","a","b"]]],
        [["XGROUP","CREATE","s","g","0"], "+OK\r\n", [["XGROUP","CREATE","s","g","0"]]],
        [["XCLAIM","s","g","c","0","1","FORCE","RETRYCOUNT","9223372036854775807"], "*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", [["XCLAIM","s","g","c","0","1","TIME","T","RETRYCOUNT","9223372036854775807","FORCE","JUSTID","LASTID","0-0"]], '~'],
        [["XCLAIM","s","g","c","0","1"], "*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", [["XCLAIM","s","g","c","0","1","TIME","T","RETRYCOUNT","-9223372036854775808","FORCE","JUSTID","LASTID","0-0"]], '~'],
        [["XPENDING","s","g","-","+","5"], "*1\r\n*4\r\n$3\r\n1-0\r\n$1\r\nc\r\n:N\r\n:-9223372036854775808\r\n", [], '~'],
        [["XGROUP","CREATE","s","g2","$","ENTRIESREAD","9223372036854775807"], "+OK\r\n", [["XGROUP","CREATE","s","g2","$","ENTRIESREAD","9223372036854775807"]]],
        [["XINFO","GROUPS","s"], "*2\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:1\r\n$17\r\nlast-delivered-id\r\n$3\r\n0-0\r\n$12\r\nentries-read\r\n$-1\r\n$3\r\nlag\r\n:1\r\n*12\r\n$4\r\nname\r\n$2\r\ng2\r\n$9\r\nconsumers\r\n:0\r\n$7\r\npending\r\n:0\r\n$17\r\nlast-delivered-id\r\n$3\r\n1-0\r\n$12\r\nentries-read\r\n:9223372036854775807\r\n$3\r\nlag\r\n:-9223372036854775806\r\n", []],
        [["XAUTOCLAIM","s","g","c","0","0","COUNT","5497558138881"], "-ERR Insufficient memory, failed allocating transient memory, COUNT too high.\r\n", []],
        [["XAUTOCLAIM","s","g","c","0","0","COUNT","5497558138880","JUSTID"], "*3\r\n$3\r\n0-0\r\n*1\r\n$3\r\n1-0\r\n*0\r\n", [["XCLAIM","s","g","c","0","1-0","TIME","T","RETRYCOUNT","-9223372036854775808","FORCE","JUSTID","LASTID","0-0"]], '~'],
        [["XSETID","s","5","ENTRIESADDED","9223372036854775807"], "+OK\r\n", [["XSETID","s","5","ENTRIESADDED","9223372036854775807"]]],
        [["XINFO","STREAM","s"], "*20\r\n$6\r\nlength\r\n:1\r\n$15\r\nradix-tree-keys\r\n:1\r\n$16\r\nradix-tree-nodes\r\n:2\r\n$17\r\nlast-generated-id\r\n$3\r\n5-0\r\n$20\r\nmax-deleted-entry-id\r\n$3\r\n0-0\r\n$13\r\nentries-added\r\n:9223372036854775807\r\n$23\r\nrecorded-first-entry-id\r\n$3\r\n1-0\r\n$6\r\ngroups\r\n:2\r\n$11\r\nfirst-entry\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n$10\r\nlast-entry\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n", []],
      ],
    },
  ];
}
