// Clients blocked on keys (BLPOP and friends): who is served, what they get,
// what the master propagates, timeouts in virtual time, MULTI, CLIENT UNBLOCK,
// disconnects and REPLICAOF. Every expected value was recorded on Redis
// 7.0.15 (redis-cli / raw RESP against a master with a replica, the replica's
// MONITOR showing the stream, INFO for offsets and counters).

import { describe, expect, it } from 'vitest';
import { backlogItemsFrom } from '../src/engine/replication/backlog';
import type { Reply } from '../src/engine/resp/reply';
import { freeClient } from '../src/engine/server/clients';
import { World } from '../src/engine/world';

const NIL_ARRAY: Reply = { t: 'nullarray' };
const NIL_BULK: Reply = { t: 'nullbulk' };
const b = (s: string): Reply => ({ t: 'bulk', s });
const arr = (...a: Reply[]): Reply => ({ t: 'array', a });
const kv = (k: string, v: string): Reply => arr(b(k), b(v));
const int = (n: number): Reply => ({ t: 'int', n });
const e = (s: string): Reply => ({ t: 'error', s });

/** A master `m` with one replica `r1`, in sync. */
function lab(): World {
  const w = new World({ seed: 7 });
  w.addNode('m', [
    ['save', ''],
    ['enable-debug-command', 'yes'],
  ]);
  w.addNode('r1', [
    ['save', ''],
    ['replicaof', '127.0.0.1 6379'],
  ]);
  w.advance(8_000);
  expect(w.views()[1].linkState).toBe('connected');
  // The first write after the replica attached carries a SELECT: get it out of the way.
  w.command('m', w.connect('m'), ['SET', 'warm', 'up']);
  return w;
}

function single(): World {
  const w = new World({ seed: 7 });
  w.addNode('m', [['save', '']]);
  return w;
}

/** What the master fed into its replication stream since offset `from` (exclusive). */
function streamSince(w: World, from: number): string[] {
  const backlog = w.node('m').repl.backlog;
  if (!backlog) throw new Error('no backlog');
  const items = backlogItemsFrom(backlog, from + 1) ?? [];
  return items.filter((i) => i.kind === 'stream').map((i) => i.argv.join(' '));
}

function infoField(w: World, node: string, field: string): string | undefined {
  return new RegExp(`${field}:([^\\r\\n]*)`).exec(w.infoText(node) ?? '')?.[1];
}

function replicaList(w: World, key: string): string[] {
  const o = w.node('r1').dbs[0].dict.get(key);
  return o?.type === 'list' ? o.v : [];
}

describe('a client blocked on a list is served by a later push', () => {
  it('BLPOP served by RPUSH from another client: FIFO, replies, LPOP in the stream, the replica in step', () => {
    const w = lab();
    const a = w.connect('m');
    const bc = w.connect('m');
    const c = w.connect('m');
    w.send('m', a, ['BLPOP', 'l1', 'l2', '0']);
    w.send('m', bc, ['BLPOP', 'l2', '10']);
    expect(w.takeReply('m', a)).toBeUndefined();
    expect(infoField(w, 'm', 'blocked_clients')).toBe('2');
    expect(infoField(w, 'm', 'clients_in_timeout_table')).toBe('1');
    const off0 = w.node('m').repl.offset;
    expect(w.command('m', c, ['RPUSH', 'l2', 'a', 'b', 'c'])).toEqual(int(3));
    expect(w.takeReply('m', a)).toEqual(kv('l2', 'a'));
    expect(w.takeReply('m', bc)).toEqual(kv('l2', 'b'));
    expect(w.command('m', c, ['LRANGE', 'l2', '0', '-1'])).toEqual(arr(b('c')));
    // Replica's MONITOR on 7.0.15: "rpush" "l2" "a" "b" "c", "LPOP" "l2", "LPOP" "l2"; master_repl_offset +88.
    expect(streamSince(w, off0)).toEqual(['RPUSH l2 a b c', 'LPOP l2', 'LPOP l2']);
    expect(w.node('m').repl.offset - off0).toBe(88);
    expect(infoField(w, 'm', 'blocked_clients')).toBe('0');
    w.advance(1_000);
    expect(replicaList(w, 'l2')).toEqual(['c']);
  });

  it('BLMOVE, BRPOPLPUSH, BLMPOP and BRPOP served in blocking order, each propagated as its plain form', () => {
    const w = lab();
    const [c1, c2, c3, c4, c5] = [1, 2, 3, 4, 5].map(() => w.connect('m'));
    w.send('m', c1, ['BLMOVE', 'src', 'dst', 'left', 'right', '0']);
    w.send('m', c2, ['BRPOPLPUSH', 'src', 'dst', '0']);
    w.send('m', c3, ['BLMPOP', '0', '2', 'x', 'src', 'right', 'COUNT', '5']);
    w.send('m', c4, ['BRPOP', 'src', '0']);
    const off0 = w.node('m').repl.offset;
    const dirty0 = Number(infoField(w, 'm', 'rdb_changes_since_last_save'));
    expect(w.command('m', c5, ['RPUSH', 'src', '1', '2', '3', '4', '5', '6', '7', '8'])).toEqual(int(8));
    expect(w.takeReply('m', c1)).toEqual(b('1'));
    expect(w.takeReply('m', c2)).toEqual(b('8'));
    expect(w.takeReply('m', c3)).toEqual(arr(b('src'), arr(b('7'), b('6'), b('5'), b('4'), b('3'))));
    expect(w.takeReply('m', c4)).toEqual(kv('src', '2'));
    expect(w.command('m', c5, ['LRANGE', 'dst', '0', '-1'])).toEqual(arr(b('8'), b('1')));
    expect(streamSince(w, off0)).toEqual(['RPUSH src 1 2 3 4 5 6 7 8', 'LMOVE src dst left right', 'RPOPLPUSH src dst', 'RPOP src 5', 'RPOP src']);
    expect(w.node('m').repl.offset - off0).toBe(225);
    // Served BLMOVE/BRPOPLPUSH/BRPOP do not count in server.dirty; the served BLMPOP does (8 + 5).
    expect(Number(infoField(w, 'm', 'rdb_changes_since_last_save')) - dirty0).toBe(13);
    w.advance(1_000);
    expect(replicaList(w, 'dst')).toEqual(['8', '1']);
    expect(w.node('r1').dbs[0].dict.has('src')).toBe(false);
  });

  it('clients wait in the order they blocked, not in the order they connected', () => {
    const w = single();
    const first = w.connect('m');
    const second = w.connect('m');
    const pusher = w.connect('m');
    w.send('m', second, ['BRPOP', 'q', '0']);
    w.send('m', first, ['BRPOP', 'q', '0']);
    w.command('m', pusher, ['LPUSH', 'q', 'x']);
    expect(w.takeReply('m', second)).toEqual(kv('q', 'x'));
    expect(w.takeReply('m', first)).toBeUndefined();
    w.command('m', pusher, ['LPUSH', 'q', 'y']);
    expect(w.takeReply('m', first)).toEqual(kv('q', 'y'));
  });

  it('a client blocked on two keys is served from the key that got data first (7.0), and MULTI/EXEC wakes it only after EXEC', () => {
    const w = single();
    const a = w.connect('m');
    const c = w.connect('m');
    w.send('m', a, ['BLPOP', 'a', 'b', '0']);
    w.command('m', c, ['MULTI']);
    w.command('m', c, ['RPUSH', 'b', 'x']);
    expect(w.takeReply('m', a)).toBeUndefined();
    w.command('m', c, ['RPUSH', 'a', 'y']);
    expect(w.command('m', c, ['EXEC'])).toEqual(arr(int(1), int(1)));
    expect(w.takeReply('m', a)).toEqual(kv('b', 'x'));
    expect(w.command('m', c, ['LRANGE', 'a', '0', '-1'])).toEqual(arr(b('y')));
  });

  it('a BRPOPLPUSH into a wrong-type destination answers WRONGTYPE when woken, and the next client gets the element', () => {
    const w = lab();
    const [c1, c2, c] = [1, 2, 3].map(() => w.connect('m'));
    w.command('m', c, ['SET', 't1', 'nolist']);
    w.send('m', c1, ['BRPOPLPUSH', 'bl', 't1', '0']);
    w.send('m', c2, ['BRPOPLPUSH', 'bl', 't2', '0']);
    const off0 = w.node('m').repl.offset;
    w.command('m', c, ['LPUSH', 'bl', 'foo']);
    expect(w.takeReply('m', c1)).toEqual(e('WRONGTYPE Operation against a key holding the wrong kind of value'));
    expect(w.takeReply('m', c2)).toEqual(b('foo'));
    expect(w.command('m', c, ['LRANGE', 't2', '0', '-1'])).toEqual(arr(b('foo')));
    expect(w.node('m').repl.offset - off0).toBe(67);
  });

  it('a key that expired before it could be served stays empty: the master propagates DEL and the client keeps waiting', () => {
    // unit/type/list "SWAPDB wants to wake blocked client, but the key already expired".
    const w = lab();
    const c = w.connect('m');
    const rd = w.connect('m');
    w.command('m', c, ['DEBUG', 'SET-ACTIVE-EXPIRE', '0']);
    w.command('m', c, ['SELECT', '1']);
    w.command('m', c, ['RPUSH', 'k', 'hello']);
    w.command('m', c, ['PEXPIRE', 'k', '100']);
    w.command('m', rd, ['SELECT', '9']);
    w.send('m', rd, ['BRPOP', 'k', '1']);
    w.advance(101);
    const off0 = w.node('m').repl.offset;
    expect(w.command('m', c, ['SWAPDB', '1', '9'])).toEqual({ t: 'status', s: 'OK' });
    expect(w.takeReply('m', rd)).toBeUndefined();
    expect(w.node('m').clients[rd].blocked?.t).toBe('keys');
    expect(streamSince(w, off0)).toEqual(['SWAPDB 1 9', 'SELECT 9', 'DEL k']);
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', String(rd)])).toEqual(int(1));
    expect(w.takeReply('m', rd)).toEqual(NIL_ARRAY);
  });

  it('SWAPDB wakes a client blocked on a key the swapped-in db holds', () => {
    const w = single();
    const c = w.connect('m');
    const rd = w.connect('m');
    w.command('m', c, ['SELECT', '1']);
    w.command('m', c, ['RPUSH', 'k', 'hello']);
    w.command('m', rd, ['SELECT', '9']);
    w.send('m', rd, ['BRPOP', 'k', '5']);
    w.command('m', c, ['SWAPDB', '1', '9']);
    expect(w.takeReply('m', rd)).toEqual(kv('k', 'hello'));
  });
});

describe('a blocked client is plain state', () => {
  it('a snapshot taken while a client waits restores it waiting: the push serves it and its timeout still comes', () => {
    const w = single();
    const a = w.connect('m');
    const bc = w.connect('m');
    const c = w.connect('m');
    w.send('m', a, ['BLPOP', 'l', '0']);
    w.send('m', bc, ['BLPOP', 'l', '5']);
    const snap = w.snapshot();
    w.command('m', c, ['RPUSH', 'l', 'x']);
    const back = World.restore(snap);
    expect(back.takeReply('m', a)).toBeUndefined();
    back.command('m', c, ['RPUSH', 'l', 'y']);
    expect(back.takeReply('m', a)).toEqual(kv('l', 'y'));
    back.advance(5_000);
    expect(back.takeReply('m', bc)).toEqual(NIL_ARRAY);
    // The live world went on on its own.
    expect(w.takeReply('m', a)).toEqual(kv('l', 'x'));
    expect(w.takeReply('m', bc)).toBeUndefined();
  });
});

describe('timeouts run in virtual time', () => {
  it('BLPOP k 0.2 answers a null array when 200 virtual ms have passed, not before', () => {
    const w = single();
    const a = w.connect('m');
    w.send('m', a, ['BLPOP', 't', '0.2']);
    w.advance(199);
    expect(w.takeReply('m', a)).toBeUndefined();
    expect(infoField(w, 'm', 'blocked_clients')).toBe('1');
    w.advance(1);
    expect(w.takeReply('m', a)).toEqual(NIL_ARRAY);
    expect(infoField(w, 'm', 'blocked_clients')).toBe('0');
    // BRPOPLPUSH and BLMPOP time out with a null array too (*-1, not $-1).
    expect(w.command('m', a, ['BRPOPLPUSH', 't', 'u', '0.2'])).toEqual(NIL_ARRAY);
    expect(w.command('m', a, ['BLMOVE', 't', 'u', 'LEFT', 'RIGHT', '0.05'])).toEqual(NIL_ARRAY);
    expect(w.command('m', a, ['BLMPOP', '0.2', '1', 't', 'LEFT'])).toEqual(NIL_ARRAY);
  });

  it('a client served before its timeout is not answered again when the timeout comes', () => {
    const w = single();
    const a = w.connect('m');
    const c = w.connect('m');
    w.send('m', a, ['BLPOP', 't', '1']);
    w.advance(500);
    w.command('m', c, ['RPUSH', 't', 'v']);
    expect(w.takeReply('m', a)).toEqual(kv('t', 'v'));
    w.send('m', a, ['BLPOP', 't', '2']);
    w.advance(600);
    expect(w.takeReply('m', a)).toBeUndefined();
    w.advance(1_400);
    expect(w.takeReply('m', a)).toEqual(NIL_ARRAY);
  });

  it('timeout arguments are parsed as Redis does', () => {
    const w = single();
    const a = w.connect('m');
    expect(w.command('m', a, ['BLPOP', 'k', 'abc'])).toEqual(e('ERR timeout is not a float or out of range'));
    expect(w.command('m', a, ['BLPOP', 'k', 'nan'])).toEqual(e('ERR timeout is not a float or out of range'));
    expect(w.command('m', a, ['BLPOP', 'k', ' 1'])).toEqual(e('ERR timeout is not a float or out of range'));
    expect(w.command('m', a, ['BLPOP', 'k', ''])).toEqual(e('ERR timeout is not a float or out of range'));
    expect(w.command('m', a, ['BLPOP', 'k', '-1'])).toEqual(e('ERR timeout is negative'));
    expect(w.command('m', a, ['BLPOP', 'k', 'inf'])).toEqual(e('ERR timeout is negative'));
    expect(w.command('m', a, ['BLPOP', 'k', '1e20'])).toEqual(e('ERR timeout is negative'));
    expect(w.command('m', a, ['BRPOPLPUSH', 'k', 'd', 'x'])).toEqual(e('ERR timeout is not a float or out of range'));
    expect(w.command('m', a, ['BLMOVE', 'k', 'd', 'up', 'left', 'x'])).toEqual(e('ERR syntax error'));
    expect(w.command('m', a, ['BLMPOP', 'x', '1', 'k', 'left'])).toEqual(e('ERR timeout is not a float or out of range'));
    expect(w.command('m', a, ['BLMPOP', 'x', '0', 'k', 'left'])).toEqual(e('ERR numkeys should be greater than 0'));
    // 0x10 is 16 seconds to strtold; 1e-9 s rounds up to 1 ms.
    w.send('m', a, ['BLPOP', 'k', '0x10']);
    w.advance(15_999);
    expect(w.takeReply('m', a)).toBeUndefined();
    w.advance(1);
    expect(w.takeReply('m', a)).toEqual(NIL_ARRAY);
    expect(w.command('m', a, ['BLPOP', 'k', '1e-9'])).toEqual(NIL_ARRAY);
  });
});

describe('MULTI never blocks', () => {
  it('each blocking command inside EXEC answers at once as on timeout', () => {
    const w = single();
    const a = w.connect('m');
    w.command('m', a, ['MULTI']);
    for (const argv of [
      ['BLPOP', 'nok', '0'],
      ['BRPOPLPUSH', 'nok', 'd', '0'],
      ['BLMOVE', 'nok', 'd', 'left', 'left', '0'],
      ['BLMPOP', '0', '1', 'nok', 'left'],
      ['BRPOP', 'nok', '0'],
    ]) {
      expect(w.command('m', a, argv)).toEqual({ t: 'status', s: 'QUEUED' });
    }
    expect(w.command('m', a, ['EXEC'])).toEqual(arr(NIL_ARRAY, NIL_BULK, NIL_BULK, NIL_ARRAY, NIL_ARRAY));
    expect(w.node('m').clients[a].blocked).toBeNull();
  });
});

describe('CLIENT UNBLOCK and disconnects', () => {
  it('CLIENT UNBLOCK answers the client as on timeout, or with -UNBLOCKED', () => {
    const w = single();
    const rd = w.connect('m');
    const c = w.connect('m');
    w.send('m', rd, ['BLPOP', 'l', '0']);
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', String(rd)])).toEqual(int(1));
    expect(w.takeReply('m', rd)).toEqual(NIL_ARRAY);
    w.send('m', rd, ['BLPOP', 'l', '0']);
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', String(rd), 'TIMEOUT'])).toEqual(int(1));
    expect(w.takeReply('m', rd)).toEqual(NIL_ARRAY);
    w.send('m', rd, ['BLMOVE', 'l', 'm', 'left', 'left', '0']);
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', String(rd), 'ERROR'])).toEqual(int(1));
    expect(w.takeReply('m', rd)).toEqual(e('UNBLOCKED client unblocked via CLIENT UNBLOCK'));
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', String(rd)])).toEqual(int(0));
    // Still usable afterwards.
    w.send('m', rd, ['BLPOP', 'l', '0']);
    w.command('m', c, ['LPUSH', 'l', 'foo']);
    expect(w.takeReply('m', rd)).toEqual(kv('l', 'foo'));
  });

  it('CLIENT UNBLOCK argument errors', () => {
    const w = single();
    const c = w.connect('m');
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK'])).toEqual(e("ERR wrong number of arguments for 'client|unblock' command"));
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', 'abc', 'foo'])).toEqual(e('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR'));
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', 'abc'])).toEqual(e('ERR value is not an integer or out of range'));
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', '999'])).toEqual(int(0));
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', '-5', 'error'])).toEqual(int(0));
    expect(w.command('m', c, ['CLIENT', 'UNBLOCK', '1', 'timeout', 'x'])).toEqual(e("ERR unknown subcommand or wrong number of arguments for 'UNBLOCK'. Try CLIENT HELP."));
  });

  it('a client killed or disconnected while blocked stops waiting: the next one in line gets the element', () => {
    const w = single();
    const killed = w.connect('m');
    const closed = w.connect('m');
    const waiting = w.connect('m');
    const c = w.connect('m');
    w.send('m', killed, ['BLPOP', 'q', '0']);
    w.send('m', closed, ['BLPOP', 'q', '0']);
    w.send('m', waiting, ['BLPOP', 'q', '0']);
    expect(w.command('m', c, ['CLIENT', 'KILL', 'ID', String(killed)])).toEqual(int(1));
    freeClient(w.node('m'), closed);
    expect(infoField(w, 'm', 'blocked_clients')).toBe('1');
    expect(w.command('m', c, ['RPUSH', 'q', 'x', 'y'])).toEqual(int(2));
    expect(w.takeReply('m', waiting)).toEqual(kv('q', 'x'));
    expect(w.command('m', c, ['LRANGE', 'q', '0', '-1'])).toEqual(arr(b('y')));
  });

  it('a master turned replica unblocks its blocked clients with -UNBLOCKED', () => {
    const w = new World({ seed: 3 });
    w.addNode('m', [['save', '']]);
    w.addNode('x', [['save', '']]);
    const d = w.connect('x');
    const c = w.connect('x');
    w.send('x', d, ['BLPOP', 'z', '0']);
    expect(infoField(w, 'x', 'blocked_clients')).toBe('1');
    expect(w.command('x', c, ['REPLICAOF', '127.0.0.1', '6379'])).toEqual({ t: 'status', s: 'OK' });
    expect(w.takeReply('x', d)).toEqual(e('UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)'));
    expect(infoField(w, 'x', 'blocked_clients')).toBe('0');
  });
});

describe('list commands added with the blocking ones', () => {
  it('LMPOP, LMOVE, RPOPLPUSH propagate as Redis does', () => {
    const w = lab();
    const c = w.connect('m');
    w.command('m', c, ['RPUSH', 'a', '1', '2', '3', '4', '5']);
    const off0 = w.node('m').repl.offset;
    expect(w.command('m', c, ['LMPOP', '2', 'no', 'a', 'right', 'COUNT', '2'])).toEqual(arr(b('a'), arr(b('5'), b('4'))));
    expect(w.command('m', c, ['LMOVE', 'a', 'b', 'RIGHT', 'Left'])).toEqual(b('3'));
    expect(w.command('m', c, ['RPOPLPUSH', 'a', 'b'])).toEqual(b('2'));
    expect(w.command('m', c, ['BLMOVE', 'a', 'b', 'LEFT', 'right', '0'])).toEqual(b('1'));
    expect(w.command('m', c, ['LMPOP', '1', 'a', 'left'])).toEqual(NIL_ARRAY);
    expect(w.command('m', c, ['BLPOP', 'b', '0'])).toEqual(kv('b', '2'));
    expect(streamSince(w, off0)).toEqual(['RPOP a 2', 'LMOVE a b RIGHT Left', 'RPOPLPUSH a b', 'LMOVE a b LEFT right', 'LPOP b']);
  });

  it('LPOS and LINSERT', () => {
    const w = single();
    const c = w.connect('m');
    w.command('m', c, ['RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'a']);
    expect(w.command('m', c, ['LPOS', 'l', 'a', 'RANK', '-2', 'COUNT', '0'])).toEqual(arr(int(3), int(0)));
    expect(w.command('m', c, ['LPOS', 'l', 'a', 'MAXLEN', '3', 'RANK', '-1', 'COUNT', '0'])).toEqual(arr(int(5), int(3)));
    expect(w.command('m', c, ['LPOS', 'l', 'a', 'COUNT', '2', 'RANK', '2'])).toEqual(arr(int(3), int(5)));
    expect(w.command('m', c, ['LPOS', 'l', 'z'])).toEqual(NIL_BULK);
    expect(w.command('m', c, ['LPOS', 'l', 'a', 'RANK', '0'])).toEqual(
      e("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list"),
    );
    expect(w.command('m', c, ['LPOS', 'l', 'a', 'COUNT', 'x'])).toEqual(e("ERR COUNT can't be negative"));
    expect(w.command('m', c, ['LINSERT', 'l', 'before', 'b', 'X'])).toEqual(int(7));
    expect(w.command('m', c, ['LINSERT', 'l', 'after', 'zz', 'Y'])).toEqual(int(-1));
    expect(w.command('m', c, ['LINSERT', 'nokey', 'after', 'a', 'b'])).toEqual(int(0));
    expect(w.command('m', c, ['LINSERT', 'l', 'middle', 'a', 'b'])).toEqual(e('ERR syntax error'));
    expect(w.command('m', c, ['LRANGE', 'l', '0', '2'])).toEqual(arr(b('a'), b('X'), b('b')));
  });
});
