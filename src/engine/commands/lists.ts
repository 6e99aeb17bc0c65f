// List commands (t_list.c). A list that becomes empty is deleted. All of
// these propagate verbatim when they changed something; LTRIM that removes
// nothing and LREM that finds nothing are not propagated at all.

import { E, NULL_ARRAY, NULL_BULK, OK, type Reply, bulk, bulks, err, int } from '../resp/reply';
import type { CommandSpec, Exec } from './types';
import { string2ll } from './util';

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
];
