// List commands (t_list.c). A list that becomes empty is deleted. Most of
// these propagate verbatim when they changed something; LTRIM that removes
// nothing and LREM that finds nothing are not propagated at all. The
// blocking pops propagate as the plain pop they did (BLPOP -> LPOP key,
// BLMPOP -> LPOP key count, BLMOVE -> LMOVE, BRPOPLPUSH -> RPOPLPUSH), as does
// LMPOP; a client served after it blocked propagates the same way (see
// serveBlockedPop and blmoveGeneric below, and server/blocking.ts).

import { E, NULL_ARRAY, NULL_BULK, OK, type Reply, array, bulk, bulks, err, int } from '../resp/reply';
import { blockForKeys, canBlock, parseBlockTimeout, servingBlocked } from '../server/blocking';
import { touchWatchedKey } from '../server/clients';
import type { CommandSpec, Exec, HandlerResult } from './types';
import { eqi, string2ll } from './util';

const WRONGTYPE = err(E.wrongType);
const EMPTY_ARRAY: Reply = { t: 'array', a: [] };

type ListObj = { type: 'list'; v: string[] };

/** pushGenericCommand: LPUSH/RPUSH create the list, the X variants only push onto an existing one. */
function pushGeneric(x: Exec, head: boolean, xx: boolean): Reply {
  const key = x.argv[1];
  let o = x.lookupWrite(key);
  if (o !== undefined && o.type !== 'list') return WRONGTYPE;
  if (o === undefined) {
    if (xx) return int(0);
    o = { type: 'list', v: [] };
    x.dbAdd(key, o);
  }
  const elems = x.argv.slice(2);
  // LPUSH a b c leaves c b a at the head.
  if (head) o.v = elems.reverse().concat(o.v);
  else for (const e of elems) o.v.push(e);
  x.dirty(x.argv.length - 2);
  return int(o.v.length);
}

/** listElementsRemoved: delete the key once empty. */
function afterRemove(x: Exec, key: string, o: ListObj, count: number): void {
  if (o.v.length === 0) x.dbDelete(key);
  x.dirty(count);
}

/**
 * popGenericCommand. The optional count must be a non-negative integer
 * (anything else: "value is out of range, must be positive"); a missing key
 * answers a null bulk without count and a null array with one, even a 0.
 */
function popGeneric(x: Exec, head: boolean): Reply {
  const name = head ? 'lpop' : 'rpop';
  const hascount = x.argv.length === 3;
  let count = 0;
  if (x.argv.length > 3) return err(E.arity(name));
  if (hascount) {
    const c = string2ll(x.argv[2]);
    if (c === null || c < 0n) return err('ERR value is out of range, must be positive');
    count = c > 0x7fffffffn ? 0x7fffffff : Number(c);
  }
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o === undefined) return hascount ? NULL_ARRAY : NULL_BULK;
  if (o.type !== 'list') return WRONGTYPE;
  if (hascount && count === 0) return EMPTY_ARRAY;
  if (!hascount) {
    const v = (head ? o.v.shift() : o.v.pop()) as string;
    afterRemove(x, key, o, 1);
    return bulk(v);
  }
  const n = Math.min(count, o.v.length);
  // RPOP with a count answers from the tail inwards.
  const popped = head ? o.v.splice(0, n) : o.v.splice(o.v.length - n, n).reverse();
  afterRemove(x, key, o, n);
  return bulks(popped);
}

/** Redis' start/end normalisation of LRANGE and LTRIM; null when the range is empty. */
function normRange(start0: bigint, end0: bigint, llen: number): [number, number] | null {
  const len = BigInt(llen);
  let start = start0 < 0n ? len + start0 : start0;
  let end = end0 < 0n ? len + end0 : end0;
  if (start < 0n) start = 0n;
  if (start > end || start >= len) return null;
  if (end >= len) end = len - 1n;
  return [Number(start), Number(end)];
}

function lrangeCommand(x: Exec): Reply {
  const start = string2ll(x.argv[2]);
  const end = string2ll(x.argv[3]);
  if (start === null || end === null) return err(E.notInt);
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return EMPTY_ARRAY;
  if (o.type !== 'list') return WRONGTYPE;
  const r = normRange(start, end, o.v.length);
  return r === null ? EMPTY_ARRAY : bulks(o.v.slice(r[0], r[1] + 1));
}

/** LTRIM: server.dirty grows by the number of removed elements only. */
function ltrimCommand(x: Exec): Reply {
  const start = string2ll(x.argv[2]);
  const end = string2ll(x.argv[3]);
  if (start === null || end === null) return err(E.notInt);
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o === undefined) return OK;
  if (o.type !== 'list') return WRONGTYPE;
  const llen = o.v.length;
  const r = normRange(start, end, llen);
  const ltrim = r === null ? llen : r[0];
  const rtrim = r === null ? 0 : llen - r[1] - 1;
  o.v.splice(llen - rtrim, rtrim);
  o.v.splice(0, ltrim);
  if (o.v.length === 0) x.dbDelete(key);
  if (ltrim + rtrim > 0) x.dirty(ltrim + rtrim);
  return OK;
}

function llenCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'list') return WRONGTYPE;
  return int(o.v.length);
}

/** Index into a list, negative from the tail; -1 when out of range. */
function listIndex(llen: number, index: bigint): number {
  const i = index < 0n ? BigInt(llen) + index : index;
  return i < 0n || i >= BigInt(llen) ? -1 : Number(i);
}

/** LINDEX: the type is checked before the index is parsed. */
function lindexCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return NULL_BULK;
  if (o.type !== 'list') return WRONGTYPE;
  const index = string2ll(x.argv[2]);
  if (index === null) return err(E.notInt);
  const i = listIndex(o.v.length, index);
  return i < 0 ? NULL_BULK : bulk(o.v[i]);
}

/** LSET: "no such key" comes before the index is parsed. */
function lsetCommand(x: Exec): Reply {
  const o = x.lookupWrite(x.argv[1]);
  if (o === undefined) return err('ERR no such key');
  if (o.type !== 'list') return WRONGTYPE;
  const index = string2ll(x.argv[2]);
  if (index === null) return err(E.notInt);
  const i = listIndex(o.v.length, index);
  if (i < 0) return err('ERR index out of range');
  o.v[i] = x.argv[3];
  x.dirty();
  return OK;
}

/** LREM count: > 0 from the head, < 0 from the tail, 0 all. */
function lremCommand(x: Exec): Reply {
  const toremove0 = string2ll(x.argv[2]);
  if (toremove0 === null) return err(E.notInt);
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o === undefined) return int(0);
  if (o.type !== 'list') return WRONGTYPE;
  const elem = x.argv[3];
  const fromTail = toremove0 < 0n;
  const limit = fromTail ? -toremove0 : toremove0;
  const list = o.v;
  let removed = 0;
  if (fromTail) {
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] !== elem) continue;
      list.splice(i, 1);
      removed++;
      if (limit !== 0n && BigInt(removed) === limit) break;
    }
  } else {
    for (let i = 0; i < list.length; ) {
      if (list[i] !== elem) {
        i++;
        continue;
      }
      list.splice(i, 1);
      removed++;
      if (limit !== 0n && BigInt(removed) === limit) break;
    }
  }
  if (removed > 0) x.dirty(removed);
  if (list.length === 0) x.dbDelete(key);
  return int(removed);
}

type Where = 'head' | 'tail';

const LONG_MAX = (1n << 63n) - 1n;

/** getRangeLongFromObjectOrReply with its own message for every failure (not an integer, or out of range). */
function rangeLong(s: string, min: bigint, max: bigint): bigint | null {
  const v = string2ll(s);
  return v === null || v < min || v > max ? null : v;
}

/** A count beyond any list's length behaves the same: clamp it to what an array can index. */
function clampCount(c: bigint): number {
  return c > 0x7fffffffn ? 0x7fffffff : Number(c);
}

/** getListPositionFromObjectOrReply: LEFT or RIGHT, any case. */
function listPosition(s: string): Where | null {
  if (eqi(s, 'right')) return 'tail';
  if (eqi(s, 'left')) return 'head';
  return null;
}

/** getStringObjectFromListPosition: what a served BLMOVE propagates (lower case). */
function positionName(w: Where): string {
  return w === 'head' ? 'left' : 'right';
}

function popName(w: Where): string {
  return w === 'head' ? 'LPOP' : 'RPOP';
}

/** Pop up to count elements from one end: LPOP count answers from the head in, RPOP count from the tail in. */
function popRange(o: ListObj, where: Where, count: number): string[] {
  const n = Math.min(count, o.v.length);
  return where === 'head' ? o.v.splice(0, n) : o.v.splice(o.v.length - n, n).reverse();
}

/**
 * listPopRangeAndReplyWithKey: [key, [elements]] and listElementsRemoved
 * (dirty by the number popped, the key deleted once empty).
 */
function popRangeWithKey(x: Exec, key: string, o: ListObj, where: Where, count: number): Reply {
  const popped = popRange(o, where, count);
  afterRemove(x, key, o, popped.length);
  return array([bulk(key), bulks(popped)]);
}

/**
 * serveClientBlockedOnList (Redis 7.0): a blocked BLPOP/BRPOP/BLMPOP woken
 * because `key` got elements pops from that key only. BLPOP/BRPOP neither
 * count in server.dirty nor touch WATCH again (the push did); BLMPOP does,
 * through listElementsRemoved. The pop is propagated all the same.
 */
function serveBlockedPop(x: Exec, key: string, where: Where, count: number, timeout: number): HandlerResult {
  const o = x.lookupWrite(key);
  if (o === undefined || o.type !== 'list' || o.v.length === 0) return blockForKeys(x, [key], timeout, NULL_ARRAY);
  const llen = o.v.length;
  if (count !== -1) {
    x.rewrite([popName(where), key, String(Math.min(count, llen))]);
    return popRangeWithKey(x, key, o, where, count);
  }
  const value = (where === 'head' ? o.v.shift() : o.v.pop()) as string;
  if (o.v.length === 0) x.dbDelete(key);
  x.rewrite([popName(where), key]);
  x.forcePropagation();
  return array([bulk(key), bulk(value)]);
}

/**
 * blockingPopGenericCommand: BLPOP, BRPOP, BLMPOP. The first non-empty list
 * is popped like LPOP/RPOP (and propagated as one); with none the client
 * blocks, or inside MULTI answers a null array at once.
 */
function blockingPop(x: Exec, keys: string[], where: Where, timeoutArg: string, count: number): HandlerResult {
  const timeout = parseBlockTimeout(x, timeoutArg, 'seconds');
  if (typeof timeout !== 'number') return timeout;
  const ready = servingBlocked(x);
  if (ready !== null) return serveBlockedPop(x, ready, where, count, timeout);
  for (const key of keys) {
    const o = x.lookupWrite(key);
    if (o === undefined) continue;
    if (o.type !== 'list') return WRONGTYPE;
    const llen = o.v.length;
    if (llen === 0) continue;
    if (count !== -1) {
      x.rewrite([popName(where), key, String(Math.min(count, llen))]);
      return popRangeWithKey(x, key, o, where, count);
    }
    const value = (where === 'head' ? o.v.shift() : o.v.pop()) as string;
    afterRemove(x, key, o, 1);
    x.rewrite([popName(where), key]);
    return array([bulk(key), bulk(value)]);
  }
  if (!canBlock(x)) return NULL_ARRAY;
  return blockForKeys(x, keys, timeout, NULL_ARRAY);
}

/** mpopGenericCommand (LMPOP): the first non-empty list, propagated as LPOP/RPOP key count. */
function mpop(x: Exec, keys: string[], where: Where, count: number): Reply {
  for (const key of keys) {
    const o = x.lookupWrite(key);
    if (o === undefined) continue;
    if (o.type !== 'list') return WRONGTYPE;
    const llen = o.v.length;
    if (llen === 0) continue;
    x.rewrite([popName(where), key, String(Math.min(count, llen))]);
    return popRangeWithKey(x, key, o, where, count);
  }
  return NULL_ARRAY;
}

/** lmpopGenericCommand: LMPOP numkeys key... LEFT|RIGHT [COUNT n]; BLMPOP timeout numkeys ... */
function lmpopGeneric(x: Exec, numkeysIdx: number, block: boolean): HandlerResult {
  const argv = x.argv;
  const nk = rangeLong(argv[numkeysIdx], 1n, LONG_MAX);
  if (nk === null) return err('ERR numkeys should be greater than 0');
  if (nk >= BigInt(argv.length)) return err(E.syntax);
  const numkeys = Number(nk);
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) return err(E.syntax);
  const where = listPosition(argv[whereIdx]);
  if (where === null) return err(E.syntax);
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    const moreargs = argv.length - 1 - j;
    if (count === -1 && eqi(argv[j], 'count') && moreargs > 0) {
      j++;
      const c = rangeLong(argv[j], 1n, LONG_MAX);
      if (c === null) return err('ERR count should be greater than 0');
      count = clampCount(c);
    } else {
      return err(E.syntax);
    }
  }
  if (count === -1) count = 1;
  const keys = argv.slice(numkeysIdx + 1, numkeysIdx + 1 + numkeys);
  if (block) return blockingPop(x, keys, where, argv[1], count);
  return mpop(x, keys, where, count);
}

/**
 * lmoveHandlePush + the pop side of lmoveGenericCommand: pop from src, push
 * onto dst (created when missing), delete src once empty. src and dst may be
 * the same list. Returns the moved element, or the WRONGTYPE reply for dst.
 */
function moveOne(x: Exec, src: string, sobj: ListObj, dst: string, from: Where, to: Where): string | Reply {
  let dobj = x.lookupWrite(dst);
  if (dobj !== undefined && dobj.type !== 'list') return WRONGTYPE;
  const value = (from === 'head' ? sobj.v.shift() : sobj.v.pop()) as string;
  if (dobj === undefined) {
    dobj = { type: 'list', v: [] };
    x.dbAdd(dst, dobj);
  }
  touchWatchedKey(x.node, x.db.id, dst);
  if (to === 'head') dobj.v.unshift(value);
  else dobj.v.push(value);
  if (sobj.v.length === 0) x.dbDelete(src);
  return value;
}

/**
 * lmoveGenericCommand: LMOVE, RPOPLPUSH, and BLMOVE/BRPOPLPUSH when the
 * source has elements (propagated as LMOVE/RPOPLPUSH with the client's own
 * arguments).
 */
function lmoveGeneric(x: Exec, from: Where, to: Where): Reply {
  const argv = x.argv;
  const src = argv[1];
  const sobj = x.lookupWrite(src);
  if (sobj === undefined) return NULL_BULK;
  if (sobj.type !== 'list') return WRONGTYPE;
  if (sobj.v.length === 0) return NULL_BULK;
  const moved = moveOne(x, src, sobj, argv[2], from, to);
  if (typeof moved !== 'string') return moved;
  touchWatchedKey(x.node, x.db.id, src);
  x.dirty();
  const name = argv[0].toLowerCase();
  if (name === 'blmove') x.rewrite(['LMOVE', argv[1], argv[2], argv[3], argv[4]]);
  else if (name === 'brpoplpush') x.rewrite(['RPOPLPUSH', argv[1], argv[2]]);
  return bulk(moved);
}

/**
 * blmoveGenericCommand: block while the source is missing (a null bulk
 * inside MULTI). A served BLMOVE (7.0 serveClientBlockedOnList) moves one
 * element without counting in server.dirty and propagates LMOVE src dst
 * left|right left|right, or RPOPLPUSH src dst; a wrong-type destination
 * answers WRONGTYPE and leaves the source alone.
 */
function blmoveGeneric(x: Exec, from: Where, to: Where, timeout: number): HandlerResult {
  const src = x.argv[1];
  if (servingBlocked(x) !== null) {
    const sobj = x.lookupWrite(src);
    if (sobj === undefined || sobj.type !== 'list' || sobj.v.length === 0) return blockForKeys(x, [src], timeout, NULL_ARRAY);
    const dst = x.argv[2];
    const moved = moveOne(x, src, sobj, dst, from, to);
    if (typeof moved !== 'string') return moved;
    if (x.argv[0].toLowerCase() === 'brpoplpush') x.rewrite(['RPOPLPUSH', src, dst]);
    else x.rewrite(['LMOVE', src, dst, positionName(from), positionName(to)]);
    x.forcePropagation();
    return bulk(moved);
  }
  const o = x.lookupWrite(src);
  if (o !== undefined && o.type !== 'list') return WRONGTYPE;
  if (o === undefined) {
    if (!canBlock(x)) return NULL_BULK;
    return blockForKeys(x, [src], timeout, NULL_ARRAY);
  }
  return lmoveGeneric(x, from, to);
}

function lmoveCommand(x: Exec): Reply {
  const from = listPosition(x.argv[3]);
  if (from === null) return err(E.syntax);
  const to = listPosition(x.argv[4]);
  if (to === null) return err(E.syntax);
  return lmoveGeneric(x, from, to);
}

function blmoveCommand(x: Exec): HandlerResult {
  const from = listPosition(x.argv[3]);
  if (from === null) return err(E.syntax);
  const to = listPosition(x.argv[4]);
  if (to === null) return err(E.syntax);
  const timeout = parseBlockTimeout(x, x.argv[5], 'seconds');
  if (typeof timeout !== 'number') return timeout;
  return blmoveGeneric(x, from, to, timeout);
}

function brpoplpushCommand(x: Exec): HandlerResult {
  const timeout = parseBlockTimeout(x, x.argv[3], 'seconds');
  if (typeof timeout !== 'number') return timeout;
  return blmoveGeneric(x, 'tail', 'head', timeout);
}

/** LINSERT key BEFORE|AFTER pivot element: the new length, -1 without the pivot, 0 without the key. */
function linsertCommand(x: Exec): Reply {
  let after: boolean;
  if (eqi(x.argv[2], 'after')) after = true;
  else if (eqi(x.argv[2], 'before')) after = false;
  else return err(E.syntax);
  const o = x.lookupWrite(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'list') return WRONGTYPE;
  const i = o.v.indexOf(x.argv[3]);
  if (i < 0) return int(-1);
  o.v.splice(after ? i + 1 : i, 0, x.argv[4]);
  x.dirty();
  return int(o.v.length);
}

/** LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]. */
function lposCommand(x: Exec): Reply {
  const argv = x.argv;
  const ele = argv[2];
  let rank = 1n;
  let count = -1n;
  let maxlen = 0n;
  for (let j = 3; j < argv.length; j++) {
    const moreargs = argv.length - 1 - j;
    if (eqi(argv[j], 'rank') && moreargs > 0) {
      j++;
      const r = string2ll(argv[j]);
      if (r === null) return err(E.notInt);
      if (r === 0n) return err("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
      rank = r;
    } else if (eqi(argv[j], 'count') && moreargs > 0) {
      j++;
      const c = rangeLong(argv[j], 0n, LONG_MAX);
      if (c === null) return err("ERR COUNT can't be negative");
      count = c;
    } else if (eqi(argv[j], 'maxlen') && moreargs > 0) {
      j++;
      const m = rangeLong(argv[j], 0n, LONG_MAX);
      if (m === null) return err("ERR MAXLEN can't be negative");
      maxlen = m;
    } else {
      return err(E.syntax);
    }
  }
  // A negative rank searches from the tail (-LONG_MIN stays negative in C: every match then counts).
  let fromTail = false;
  if (rank < 0n) {
    fromTail = true;
    rank = rank === -(1n << 63n) ? rank : -rank;
  }
  const o = x.lookupRead(argv[1]);
  if (o === undefined) return count !== -1n ? EMPTY_ARRAY : NULL_BULK;
  if (o.type !== 'list') return WRONGTYPE;
  const list = o.v;
  const llen = list.length;
  const out: Reply[] = [];
  let matches = 0n;
  let found = -1;
  for (let index = 0; index < llen && (maxlen === 0n || BigInt(index) < maxlen); index++) {
    const at = fromTail ? llen - index - 1 : index;
    if (list[at] !== ele) continue;
    matches++;
    if (matches < rank) continue;
    if (count === -1n) {
      found = at;
      break;
    }
    out.push(int(at));
    if (count !== 0n && matches - rank + 1n >= count) break;
  }
  if (count !== -1n) return array(out);
  return found >= 0 ? int(found) : NULL_BULK;
}

const W = { write: true } as const;
const R = {} as const;

export const listCommands: CommandSpec[] = [
  { name: 'lpush', arity: -3, flags: W, handler: (x) => pushGeneric(x, true, false) },
  { name: 'rpush', arity: -3, flags: W, handler: (x) => pushGeneric(x, false, false) },
  { name: 'lpushx', arity: -3, flags: W, handler: (x) => pushGeneric(x, true, true) },
  { name: 'rpushx', arity: -3, flags: W, handler: (x) => pushGeneric(x, false, true) },
  { name: 'lpop', arity: -2, flags: W, handler: (x) => popGeneric(x, true) },
  { name: 'rpop', arity: -2, flags: W, handler: (x) => popGeneric(x, false) },
  { name: 'lrange', arity: 4, flags: R, handler: lrangeCommand },
  { name: 'llen', arity: 2, flags: R, handler: llenCommand },
  { name: 'lindex', arity: 3, flags: R, handler: lindexCommand },
  { name: 'lset', arity: 4, flags: W, handler: lsetCommand },
  { name: 'lrem', arity: 4, flags: W, handler: lremCommand },
  { name: 'ltrim', arity: 4, flags: W, handler: ltrimCommand },
  { name: 'linsert', arity: 5, flags: W, handler: linsertCommand },
  { name: 'lpos', arity: -3, flags: R, handler: lposCommand },
  { name: 'lmove', arity: 5, flags: W, handler: lmoveCommand },
  { name: 'rpoplpush', arity: 3, flags: W, handler: (x) => lmoveGeneric(x, 'tail', 'head') },
  { name: 'lmpop', arity: -4, flags: W, handler: (x) => lmpopGeneric(x, 1, false) },
  { name: 'blpop', arity: -3, flags: W, handler: (x) => blockingPop(x, x.argv.slice(1, -1), 'head', x.argv[x.argv.length - 1], -1) },
  { name: 'brpop', arity: -3, flags: W, handler: (x) => blockingPop(x, x.argv.slice(1, -1), 'tail', x.argv[x.argv.length - 1], -1) },
  { name: 'blmpop', arity: -5, flags: W, handler: (x) => lmpopGeneric(x, 2, true) },
  { name: 'blmove', arity: 6, flags: W, handler: blmoveCommand },
  { name: 'brpoplpush', arity: 4, flags: W, handler: brpoplpushCommand },
];
