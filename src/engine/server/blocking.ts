// Clients blocked on keys (blocked.c): BLPOP and friends, BZPOPMIN/BZPOPMAX,
// XREAD/XREADGROUP BLOCK. A blocked client's state is plain data (its argv,
// keys, db and timeout), so snapshots copy it like any other state; when a key
// it waits on becomes ready, the command is run again through call(), as
// Redis 7.2 does (the result and propagation are the command's own: BLPOP
// serving a client propagates as LPOP because the handler rewrites itself).
// Which clients are served, in which order, and what the served command sees
// follow Redis 7.0's handleClientsBlockedOnKeys: ready keys in the order they
// were signalled, on each key the clients in the order they blocked, only
// clients whose blocking type matches the key's type, and a list or sorted
// set that got emptied stops serving that key.
//
// Contract for command handlers:
// - `canBlock(x)`: false inside MULTI/EXEC, for the master's client and
//   inside `withBlockingDenied` (scripts); a handler that cannot block answers
//   as on timeout at once. True while a blocked command runs again: a re-run
//   that blocks again (blockForKeys) keeps the client waiting with its
//   original timeout and place in line.
// - `parseBlockTimeout(x, arg, unit)`: getTimeoutFromObjectOrReply; the
//   absolute virtual ms to give up at (0 = wait forever) or an error reply.
// - `blockForKeys(x, keys, timeoutAtMs, timeoutReply)`: block the client on
//   keys of its current db; return its result from the handler (BLOCKED).
//   The argv stored is x.argv as it is at that moment (a copy).
// - `signalKeyAsReady(x, key, db?, type?)`: a key a client may wait on was
//   created or (streams) got new entries or was deleted (type 'stream');
//   blocked clients are served after the current command, in the order they
//   blocked.
// - `servingBlocked(x)`: the ready key when this run is a blocked command run
//   again because that key got data (7.0 serves a client from that key only),
//   null for an ordinary call.

import { err, int, type Reply } from '../resp/reply';
import type { Exec } from '../commands/types';
import { BLOCKED } from '../commands/types';
import { countAcks } from '../replication/master';
import { heapPush } from '../sim/scheduler';
import { string2ld, string2ll } from '../commands/util';
import type { WorldState } from '../world-state';
import type { RType, RedisDb } from './db';
import { call, deliverToClient, propagatePending, resolveCommand } from './dispatch';
import { type CallFrame, expireIfNeeded } from './exec';
import type { BlockedKeys, ClientState, NodeState } from './types';

type BType = BlockedKeys['btype'];

/** The blocking type of each command that blocks on keys (btype of blockForKeys). */
const BTYPE_OF: Record<string, BType> = {
  blpop: 'list',
  brpop: 'list',
  brpoplpush: 'list',
  blmove: 'list',
  blmpop: 'list',
  bzpopmin: 'zset',
  bzpopmax: 'zset',
  bzmpop: 'zset',
  xread: 'stream',
  xreadgroup: 'stream',
};

/** The client whose blocked command is running again, and the key that woke it (never part of the state). */
let serving: { node: string; clientId: number; readyKey: string } | null = null;
/** Depth of `withBlockingDenied` (scripts): CLIENT_DENY_BLOCKING. */
let denyDepth = 0;
/** Nodes inside handleClientsBlockedOnKeys: not re-entrant, a nested call leaves the keys to the running loop. */
const handling = new Set<string>();

export function canBlock(x: Exec): boolean {
  if (x.client.multi !== null) return false;
  if (x.client.kind === 'master') return false;
  return denyDepth === 0;
}

/** Run fn with blocking denied (a Lua script's client has CLIENT_DENY_BLOCKING). */
export function withBlockingDenied<T>(fn: () => T): T {
  denyDepth++;
  try {
    return fn();
  } finally {
    denyDepth--;
  }
}

/** The ready key when this call is a blocked command served again, else null. */
export function servingBlocked(x: Exec): string | null {
  return serving && serving.clientId === x.client.id && serving.node === x.node.name ? serving.readyKey : null;
}

const LLONG_MAX = (1n << 63n) - 1n;
const LLONG_MIN = -(1n << 63n);
const TWO64 = 1n << 64n;

function bitLen(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * (long long) ceill(v * 1000.0L) on x86-64: the product rounded to a 64-bit
 * significand (ties to even), rounded up to an integer, and LLONG_MIN when
 * that does not fit a long long (x87's "integer indefinite").
 */
function secondsToMs(s: string): bigint | null {
  const v = string2ld(s);
  if (v === null || v.k === 'nan') return null;
  if (v.k === 'inf') return LLONG_MIN;
  let q = v.m * 1000n;
  let e = v.e;
  const bl = bitLen(q);
  if (bl > 64) {
    const sh = bl - 64;
    const rest = q & ((1n << BigInt(sh)) - 1n);
    const half = 1n << BigInt(sh - 1);
    q >>= BigInt(sh);
    e += sh;
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
    if (q === TWO64) {
      q >>= 1n;
      e += 1;
    }
  }
  // Magnitude q * 2^e: ceil of a positive value rounds up, of a negative one towards zero.
  let r: bigint;
  if (e >= 0) r = e > 80 ? LLONG_MAX + 1n : q << BigInt(e);
  else if (-e > 80) r = v.neg || q === 0n ? 0n : 1n;
  else {
    const sh = BigInt(-e);
    r = v.neg ? q >> sh : (q + (1n << sh) - 1n) >> sh;
  }
  if (v.neg) r = -r;
  return r > LLONG_MAX || r < LLONG_MIN ? LLONG_MIN : r;
}

/**
 * getTimeoutFromObjectOrReply: seconds as a long double (BLPOP 0.5) or
 * milliseconds as an integer (XREAD BLOCK 500). Returns the absolute virtual
 * ms to give up at, 0 for no timeout, or the error reply.
 */
export function parseBlockTimeout(x: Exec, arg: string, unit: 'seconds' | 'ms'): number | Reply {
  let tval: bigint | null;
  if (unit === 'seconds') {
    tval = secondsToMs(arg);
    if (tval === null) return err('ERR timeout is not a float or out of range');
  } else {
    tval = string2ll(arg);
    if (tval === null) return err('ERR timeout is not an integer or out of range');
  }
  if (tval < 0n) return err('ERR timeout is negative');
  if (tval === 0n) return 0;
  const at = tval + BigInt(x.nowMs);
  // Beyond 2^53 ms (or wrapping past LLONG_MAX in C) the timeout never comes: like none at all.
  return at > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Number(at);
}

/** The next place in line: after every client blocked now. */
function nextSeq(node: NodeState): number {
  let seq = 0;
  for (const c of Object.values(node.clients)) if (c.blocked?.t === 'keys' && c.blocked.seq >= seq) seq = c.blocked.seq + 1;
  return seq;
}

/** blockForKeys: the client waits for one of the keys (of its current db) to get data. */
export function blockForKeys(x: Exec, keys: string[], timeoutAtMs: number, timeoutReply: Reply, btype?: BType): typeof BLOCKED {
  const c = x.client;
  // A served command that cannot be served after all keeps waiting where it was.
  if (servingBlocked(x) !== null && c.blocked?.t === 'keys') return BLOCKED;
  const uniq: string[] = [];
  for (const k of keys) if (!uniq.includes(k)) uniq.push(k);
  const node = x.node;
  c.blocked = {
    t: 'keys',
    keys: uniq,
    dbIndex: c.dbIndex,
    timeoutAtMs,
    argv: x.argv.slice(),
    timeoutReply,
    btype: btype ?? BTYPE_OF[x.argv[0].toLowerCase()] ?? 'list',
    seq: nextSeq(node),
  };
  if (timeoutAtMs > 0) heapPush(x.world.heap, timeoutAtMs, { t: 'block-timeout', node: node.name, epoch: node.epoch, client: c.id });
  return BLOCKED;
}

function isBlockingType(t: RType | undefined): t is BType {
  return t === 'list' || t === 'zset' || t === 'stream';
}

/**
 * signalKeyAsReady on a node: queue (db, key) for the clients blocked on it,
 * unless nobody blocks on a value of this type, nobody waits for this key, or
 * it is queued already.
 */
export function signalReady(node: NodeState, dbId: number, key: string, type: RType | undefined): void {
  if (!isBlockingType(type)) return;
  let ofType = false;
  let onKey = false;
  for (const c of Object.values(node.clients)) {
    const b = c.blocked;
    if (b?.t !== 'keys') continue;
    if (b.btype === type) ofType = true;
    if (b.dbIndex === dbId && b.keys.includes(key)) onKey = true;
    if (ofType && onKey) break;
  }
  if (!ofType || !onKey) return;
  const q = node.readyKeys ?? [];
  node.readyKeys = q;
  for (const r of q) if (r.db === dbId && r.key === key) return;
  q.push({ db: dbId, key });
}

/** signalKeyAsReady(db, key, type): the type defaults to the key's current value type. */
export function signalKeyAsReady(x: Exec, key: string, db?: RedisDb, type?: RType): void {
  const d = db ?? x.db;
  signalReady(x.node, d.id, key, type ?? d.dict.get(key)?.type);
}

/** scanDatabaseForReadyKeys (SWAPDB): every key with blocked clients that exists now is signalled. */
export function scanDatabaseForReadyKeys(node: NodeState, db: RedisDb): void {
  for (const key of blockedKeysOfDb(node, db.id)) {
    const o = db.dict.get(key);
    if (o) signalReady(node, db.id, key, o.type);
  }
}

/**
 * scanDatabaseForDeletedStreams (SWAPDB, FLUSHDB): a stream key with blocked
 * clients that is gone from `emptied` (or is no stream in `replacedWith`)
 * wakes its XREADGROUP clients.
 */
export function scanDatabaseForDeletedStreams(node: NodeState, emptied: RedisDb, replacedWith: RedisDb | null): void {
  for (const key of blockedKeysOfDb(node, emptied.id)) {
    const was = emptied.dict.get(key)?.type === 'stream';
    const is = replacedWith?.dict.get(key)?.type === 'stream';
    if (was && !is) signalReady(node, emptied.id, key, 'stream');
  }
}

/** db->blocking_keys: the keys clients wait on in db, in the order clients blocked on them. */
function blockedKeysOfDb(node: NodeState, dbId: number): string[] {
  const out: string[] = [];
  for (const c of blockedClients(node)) {
    const b = c.blocked as BlockedKeys;
    if (b.dbIndex !== dbId) continue;
    for (const k of b.keys) if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** Clients blocked on keys, in the order they blocked. */
function blockedClients(node: NodeState): ClientState[] {
  const out = Object.values(node.clients).filter((c) => c.blocked?.t === 'keys');
  out.sort((a, b) => (a.blocked as BlockedKeys).seq - (b.blocked as BlockedKeys).seq);
  return out;
}

function waitsOn(c: ClientState, dbId: number, key: string): BlockedKeys | null {
  const b = c.blocked;
  return b?.t === 'keys' && b.dbIndex === dbId && b.keys.includes(key) ? b : null;
}

/**
 * Run a blocked client's command again because `key` is ready. Returns
 * whether it was answered (false: it blocks on).
 */
function serveClient(w: WorldState, node: NodeState, c: ClientState, b: BlockedKeys, key: string): boolean {
  const spec = resolveCommand(node, b.argv);
  const frame: CallFrame = { ops: [] };
  let result: ReturnType<typeof call>;
  const outer = serving;
  serving = { node: node.name, clientId: c.id, readyKey: key };
  // The command was counted when it blocked (Redis' call() counts it once).
  const counted = node.stats.totalCommandsProcessed;
  // It runs in the db it blocked in (a blocked Redis client reads no further commands, not even SELECT).
  const selected = c.dbIndex;
  c.dbIndex = b.dbIndex;
  try {
    result = spec ? call(w, node, c, spec, b.argv.slice(), frame) : err('ERR unknown command');
  } finally {
    serving = outer;
    node.stats.totalCommandsProcessed = counted;
    c.dbIndex = selected;
  }
  // afterCommand: what the served command changed goes out now, on its own.
  propagatePending(w, node, frame);
  if (result === BLOCKED) return false;
  c.blocked = null;
  deliverToClient(w, node, c, result);
  return true;
}

/**
 * handleClientsBlockedOnKeys: after a command (or EXEC), serve the clients
 * blocked on keys that became ready, key by key in the order they were
 * signalled, each key's clients in the order they blocked. Serving BLMOVE can
 * make its destination ready: that key is served in the same loop.
 */
export function handleClientsBlockedOnKeys(w: WorldState, node: NodeState): void {
  if (handling.has(node.name) || !node.readyKeys?.length) return;
  handling.add(node.name);
  try {
    const q = node.readyKeys;
    for (let rk = q.shift(); rk; rk = q.shift()) {
      const db = node.dbs[rk.db];
      const key = rk.key;
      // lookupKeyReadWithFlags(NONOTIFY|NOSTATS): an expired key is deleted (and the DEL propagated) on a master.
      const frame: CallFrame = { ops: [] };
      let o = db.dict.get(key);
      if (o && db.expires.size !== 0 && expireIfNeeded(w, node, null, db, key, false, frame)) o = undefined;
      propagatePending(w, node, frame);
      if (o) {
        const type = o.type;
        for (const c of blockedClients(node)) {
          const b = waitsOn(c, rk.db, key);
          if (!b || b.btype !== type) continue;
          serveClient(w, node, c, b, key);
          // A list or sorted set emptied by the clients served so far has nothing left for the next.
          if (db.dict.get(key) !== o) break;
        }
        if (type !== 'stream') unblockDeletedStreamReadgroupClients(w, node, rk.db, key);
      } else {
        unblockDeletedStreamReadgroupClients(w, node, rk.db, key);
      }
    }
  } finally {
    handling.delete(node.name);
  }
}

/** XREADGROUP clients blocked on a key that is gone or no stream any more: their command answers -UNBLOCKED. */
function unblockDeletedStreamReadgroupClients(w: WorldState, node: NodeState, dbId: number, key: string): void {
  for (const c of blockedClients(node)) {
    const b = waitsOn(c, dbId, key);
    if (b?.btype !== 'stream' || b.argv[0].toLowerCase() !== 'xreadgroup') continue;
    serveClient(w, node, c, b, key);
  }
}

/** A blocked client's timeout came (the 'block-timeout' event): it gets its timeout reply. */
export function blockTimeout(w: WorldState, node: NodeState, clientId: number): void {
  const c = node.clients[clientId];
  const b = c?.blocked;
  // The client may be gone, served, or blocked again with a later timeout.
  if (b?.t !== 'keys' || b.timeoutAtMs === 0 || b.timeoutAtMs > w.nowMs) return;
  c.blocked = null;
  deliverToClient(w, node, c, b.timeoutReply);
}

/**
 * CLIENT UNBLOCK id [TIMEOUT|ERROR]: a client blocked on keys or in WAIT is
 * answered as on timeout, or with -UNBLOCKED. False when the client is not
 * blocked that way (a write held by a FAILOVER pause is not unblocked).
 */
export function unblockClientById(w: WorldState, node: NodeState, id: number, withError: boolean): boolean {
  const c = node.clients[id];
  const b = c?.blocked;
  if (!b || (b.t !== 'keys' && b.t !== 'wait')) return false;
  c.blocked = null;
  let r: Reply;
  if (withError) {
    r = err('UNBLOCKED client unblocked via CLIENT UNBLOCK');
    node.stats.totalErrorReplies++;
  } else r = b.t === 'keys' ? b.timeoutReply : int(countAcks(node, b.targetOffset));
  deliverToClient(w, node, c, r);
  return true;
}

/**
 * disconnectAllBlockedClients (a master turned replica): clients blocked on
 * keys or in WAIT get -UNBLOCKED; writes held by a FAILOVER pause run later.
 */
export function disconnectAllBlockedClients(w: WorldState, node: NodeState): void {
  for (const c of Object.values(node.clients)) {
    const b = c.blocked;
    if (b?.t !== 'keys' && b?.t !== 'wait') continue;
    c.blocked = null;
    node.stats.totalErrorReplies++;
    deliverToClient(w, node, c, err('UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)'));
  }
}

/** INFO clients_in_timeout_table: blocked clients with a timeout. */
export function clientsInTimeoutTable(node: NodeState): number {
  let n = 0;
  for (const c of Object.values(node.clients)) {
    const b = c.blocked;
    if ((b?.t === 'keys' || b?.t === 'wait') && b.timeoutAtMs > 0) n++;
  }
  return n;
}

/** CLIENT UNBLOCK <id> [TIMEOUT|ERROR] (networking.c clientCommand). */
export function clientUnblockCommand(x: Exec): Reply {
  const argv = x.argv;
  if (argv.length !== 3 && argv.length !== 4) {
    return err(`ERR unknown subcommand or wrong number of arguments for '${argv[1].slice(0, 128)}'. Try ${argv[0].toUpperCase()} HELP.`);
  }
  let withError = false;
  if (argv.length === 4) {
    const reason = argv[3].toLowerCase();
    if (reason === 'error') withError = true;
    else if (reason !== 'timeout') return err('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
  }
  const id = string2ll(argv[2]);
  if (id === null) return err('ERR value is not an integer or out of range');
  if (id <= 0n || id > BigInt(Number.MAX_SAFE_INTEGER)) return int(0);
  return int(unblockClientById(x.world, x.node, Number(id), withError) ? 1 : 0);
}
