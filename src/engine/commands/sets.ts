// Set commands (t_set.c).
//
// Order: Redis keeps a set whose members are all integers (string2ll) and
// that has at most set-max-intset-entries (512) members as an intset, which
// iterates in ascending numeric order; every other set is a hash table whose
// order is arbitrary per process. The engine stores members in insertion
// order and shows an intset-eligible set sorted. (A Redis set that was once
// converted to a hash table stays one, with an arbitrary order; sorted is one
// such order.)
//
// Random picks (SPOP, SRANDMEMBER) are deterministic: members are taken in
// that order. SPOP is never propagated as is: one member goes out as
// `SREM s m`, a count smaller than the set as one SREM per member (so wrapped
// in MULTI/EXEC when more than one), a count covering the set as `DEL s`.

import { E, NULL_BULK, type Reply, bulk, bulks, err, int } from '../resp/reply';
import type { RObj } from '../server/db';
import { keepBigEncoding } from './objects';
import { distinctIndices, randomIndex, repeatedIndices } from './random';
import { scanValue } from './scan';
import type { CommandSpec, Exec } from './types';
import { deleteMembers, errFmt, string2ll } from './util';

const WRONGTYPE = err(E.wrongType);
const EMPTY_ARRAY: Reply = { t: 'array', a: [] };
/** shared.emptyset: `*0` in RESP2, `~0` in RESP3. */
const EMPTY_SET: Reply = { t: 'set', a: [] };
/** addReplySetLen: SMEMBERS, SINTER, SUNION, SDIFF and SPOP with a count answer a set. */
const setOf = (members: readonly string[]): Reply => ({ t: 'set', a: members.map((m) => ({ t: 'bulk', s: m })) });

type SetObj = Extract<RObj, { type: 'set' }>;

const SRANDMEMBER_MAX = 100_000;

function maxIntsetEntries(x: Exec): number {
  const v = x.node.config['set-max-intset-entries'];
  const n = v === undefined ? Number.NaN : Number(v);
  return Number.isFinite(n) ? Math.min(n, 1 << 30) : 512;
}

/** The members in the order Redis iterates them (see the header). */
export function setMembersInOrder(members: Set<string>, maxIntset = 512): string[] {
  const all = [...members];
  if (all.length > maxIntset) return all;
  const nums: [bigint, string][] = [];
  for (const m of all) {
    const n = string2ll(m);
    if (n === null) return all;
    nums.push([n, m]);
  }
  nums.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return nums.map((e) => e[1]);
}

function ordered(x: Exec, o: SetObj): string[] {
  if (o.hashtable) return [...o.v];
  return setMembersInOrder(o.v, maxIntsetEntries(x));
}

function saddCommand(x: Exec): Reply {
  const key = x.argv[1];
  let o = x.lookupWrite(key);
  if (o !== undefined && o.type !== 'set') return WRONGTYPE;
  if (o === undefined) {
    o = { type: 'set', v: new Set() } satisfies RObj;
    x.dbAdd(key, o);
  }
  let added = 0;
  for (let j = 2; j < x.argv.length; j++) {
    if (o.v.has(x.argv[j])) continue;
    o.v.add(x.argv[j]);
    added++;
  }
  if (added > 0) x.dirty(added);
  keepBigEncoding(o, x.node.config);
  return int(added);
}

/** SREM: the key goes with its last member (remaining arguments are ignored). */
function sremCommand(x: Exec): Reply {
  return deleteMembers(x, 'set');
}

function smembersCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return EMPTY_SET;
  if (o.type !== 'set') return WRONGTYPE;
  return setOf(ordered(x, o));
}

function sismemberCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'set') return WRONGTYPE;
  return int(o.v.has(x.argv[2]) ? 1 : 0);
}

/** SMISMEMBER: a missing key is an empty set (all zeros). */
function smismemberCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o !== undefined && o.type !== 'set') return WRONGTYPE;
  const out: Reply[] = [];
  for (let j = 2; j < x.argv.length; j++) out.push(int(o !== undefined && (o as SetObj).v.has(x.argv[j]) ? 1 : 0));
  return { t: 'array', a: out };
}

function scardCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'set') return WRONGTYPE;
  return int(o.v.size);
}

/** spopWithCountCommand. */
function spopWithCount(x: Exec): Reply {
  const c = string2ll(x.argv[2]);
  if (c === null || c < 0n) return err('ERR value is out of range, must be positive');
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o === undefined) return EMPTY_SET;
  if (o.type !== 'set') return WRONGTYPE;
  if (c === 0n) return EMPTY_SET;
  const size = o.v.size;
  const members = ordered(x, o);
  if (c >= BigInt(size)) {
    // The whole set: deleted, and propagated as DEL.
    x.dirty(size);
    x.dbDelete(key);
    x.rewrite(['DEL', key]);
    return setOf(members);
  }
  const count = Number(c);
  x.dirty(count);
  const popped = distinctIndices(x, size, count).map((i) => members[i]);
  for (const m of popped) {
    o.v.delete(m);
    x.alsoPropagate(['SREM', key, m]);
  }
  x.preventPropagation();
  return setOf(popped);
}

function spopCommand(x: Exec): Reply {
  if (x.argv.length === 3) return spopWithCount(x);
  if (x.argv.length > 3) return err(E.syntax);
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o === undefined) return NULL_BULK;
  if (o.type !== 'set') return WRONGTYPE;
  const members = ordered(x, o);
  const m = members[randomIndex(x, members.length)];
  o.v.delete(m);
  x.rewrite(['SREM', key, m]);
  if (o.v.size === 0) x.dbDelete(key);
  x.dirty();
  return bulk(m);
}

/**
 * SRANDMEMBER [count]: a positive count gives distinct members (at most the
 * whole set), a negative one |count| members that may repeat, drawn from the
 * world's seeded PRNG (commands/random.ts).
 */
function srandmemberCommand(x: Exec): Reply {
  if (x.argv.length > 3) return err(E.syntax);
  const key = x.argv[1];
  if (x.argv.length === 2) {
    const o = x.lookupRead(key);
    if (o === undefined) return NULL_BULK;
    if (o.type !== 'set') return WRONGTYPE;
    const members = ordered(x, o);
    return bulk(members[randomIndex(x, members.length)]);
  }
  const l = string2ll(x.argv[2]);
  if (l === null) return err(E.notInt);
  if (l < -9223372036854775807n) return errFmt('value is out of range, value must between -9223372036854775807 and 9223372036854775807');
  const o = x.lookupRead(key);
  if (o === undefined) return EMPTY_ARRAY;
  if (o.type !== 'set') return WRONGTYPE;
  if (l === 0n) return EMPTY_ARRAY;
  const members = ordered(x, o);
  if (l >= BigInt(members.length)) return bulks(members);
  if (l > 0n) return bulks(distinctIndices(x, members.length, Number(l)).map((i) => members[i]));
  // Redis would build a reply of any size (until the client is closed or
  // memory runs out); the engine stops at a size a browser can hold.
  const n = -l > BigInt(SRANDMEMBER_MAX) ? SRANDMEMBER_MAX : Number(-l);
  const out: string[] = [];
  for (const i of repeatedIndices(x, members.length, n)) out.push(members[i]);
  return bulks(out);
}

const W = { write: true } as const;
const R = {} as const;

/** The sets named by keys (null for a missing key), or WRONGTYPE. */
function lookupSets(x: Exec, keys: readonly string[]): (SetObj | null)[] | Reply {
  const out: (SetObj | null)[] = [];
  for (const k of keys) {
    const o = x.lookupRead(k);
    if (o === undefined) out.push(null);
    else if (o.type !== 'set') return WRONGTYPE;
    else out.push(o);
  }
  return out;
}

function isReplyValue(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && 't' in v && !('type' in v);
}

/** A new set value built from members in order (intset or hashtable as Redis would encode it). */
function newSet(x: Exec, members: Iterable<string>): SetObj {
  const o: SetObj = { type: 'set', v: new Set(members) };
  keepBigEncoding(o, x.node.config);
  return o;
}

/** Store a computed set at dstkey (or delete it when empty); the reply is its size. */
function storeSet(x: Exec, dstkey: string, members: string[]): Reply {
  if (members.length > 0) {
    const o = newSet(x, members);
    x.setKey(dstkey, o);
    x.dirty();
    return int(o.v.size);
  }
  if (x.dbDelete(dstkey)) x.dirty();
  return int(0);
}

/** sinterGenericCommand: members of the smallest set found in all the others, in that set's order. */
function sinterMembers(x: Exec, sets: SetObj[], limit = 0): string[] {
  const sorted = [...sets].sort((a, b) => a.v.size - b.v.size);
  const out: string[] = [];
  for (const m of ordered(x, sorted[0])) {
    if (sorted.every((s) => s.v.has(m))) {
      out.push(m);
      if (limit && out.length >= limit) break;
    }
  }
  return out;
}

function sinterGeneric(x: Exec, keys: readonly string[], dstkey: string | null): Reply {
  const sets = lookupSets(x, keys);
  if (isReplyValue(sets)) return sets;
  if (sets.some((s) => s === null)) {
    if (dstkey !== null) {
      if (x.dbDelete(dstkey)) x.dirty();
      return int(0);
    }
    return EMPTY_SET;
  }
  const members = sinterMembers(x, sets as SetObj[]);
  if (dstkey !== null) return storeSet(x, dstkey, members);
  return setOf(members);
}

function sintercardCommand(x: Exec): Reply {
  const n = string2ll(x.argv[1]);
  if (n === null || n < 1n || n > 9223372036854775807n) return errFmt('numkeys should be greater than 0');
  if (n > BigInt(x.argv.length - 2)) return errFmt("Number of keys can't be greater than number of args");
  const numkeys = Number(n);
  let limit = 0;
  for (let j = 2 + numkeys; j < x.argv.length; j++) {
    const more = x.argv.length - 1 - j;
    if (x.argv[j].toLowerCase() === 'limit' && more > 0) {
      const l = string2ll(x.argv[++j]);
      if (l === null || l < 0n) return errFmt("LIMIT can't be negative");
      limit = l > 1000000000n ? 1000000000 : Number(l);
    } else return err(E.syntax);
  }
  const sets = lookupSets(x, x.argv.slice(2, 2 + numkeys));
  if (isReplyValue(sets)) return sets;
  if (sets.some((s) => s === null)) return int(0);
  return int(sinterMembers(x, sets as SetObj[], limit).length);
}

/** sunionDiffGenericCommand: the result set's members, in the order the result set iterates them. */
function sunionDiffGeneric(x: Exec, keys: readonly string[], dstkey: string | null, op: 'union' | 'diff'): Reply {
  const sets = lookupSets(x, keys);
  if (isReplyValue(sets)) return sets;
  const result = new Set<string>();
  if (op === 'union') {
    for (const s of sets) if (s) for (const m of ordered(x, s)) result.add(m);
  } else if (sets[0]) {
    const same = sets.slice(1).some((s) => s === sets[0]);
    if (!same) for (const m of ordered(x, sets[0])) if (!sets.slice(1).some((s) => s?.v.has(m))) result.add(m);
  }
  const members = ordered(x, newSet(x, result));
  if (dstkey !== null) return storeSet(x, dstkey, members);
  return setOf(members);
}

function smoveCommand(x: Exec): Reply {
  const [, srckey, dstkey, ele] = x.argv;
  const src = x.lookupWrite(srckey);
  const dst = x.lookupWrite(dstkey);
  if (src === undefined) return int(0);
  if (src.type !== 'set' || (dst !== undefined && dst.type !== 'set')) return WRONGTYPE;
  if (src === dst) return int(src.v.has(ele) ? 1 : 0);
  if (!src.v.delete(ele)) return int(0);
  if (src.v.size === 0) x.dbDelete(srckey);
  x.dirty();
  let target = dst;
  if (target === undefined) {
    target = newSet(x, []);
    x.dbAdd(dstkey, target);
  }
  if (!target.v.has(ele)) {
    target.v.add(ele);
    keepBigEncoding(target, x.node.config);
    x.dirty();
  }
  return int(1);
}

export const setCommands: CommandSpec[] = [
  { name: 'sinter', arity: -2, flags: {}, handler: (x) => sinterGeneric(x, x.argv.slice(1), null) },
  { name: 'sinterstore', arity: -3, flags: { write: true }, handler: (x) => sinterGeneric(x, x.argv.slice(2), x.argv[1]) },
  { name: 'sintercard', arity: -3, flags: {}, handler: sintercardCommand },
  { name: 'sunion', arity: -2, flags: {}, handler: (x) => sunionDiffGeneric(x, x.argv.slice(1), null, 'union') },
  { name: 'sunionstore', arity: -3, flags: { write: true }, handler: (x) => sunionDiffGeneric(x, x.argv.slice(2), x.argv[1], 'union') },
  { name: 'sdiff', arity: -2, flags: {}, handler: (x) => sunionDiffGeneric(x, x.argv.slice(1), null, 'diff') },
  { name: 'sdiffstore', arity: -3, flags: { write: true }, handler: (x) => sunionDiffGeneric(x, x.argv.slice(2), x.argv[1], 'diff') },
  { name: 'smove', arity: 4, flags: { write: true }, handler: smoveCommand },
  { name: 'sscan', arity: -3, flags: {}, handler: (x) => scanValue(x, 'set', (o) => (o.type === 'set' ? [...o.v].map((m) => [m]) : [])) },
  { name: 'sadd', arity: -3, flags: W, handler: saddCommand },
  { name: 'srem', arity: -3, flags: W, handler: sremCommand },
  { name: 'smembers', arity: 2, flags: R, handler: smembersCommand },
  { name: 'sismember', arity: 3, flags: R, handler: sismemberCommand },
  { name: 'smismember', arity: -3, flags: R, handler: smismemberCommand },
  { name: 'scard', arity: 2, flags: R, handler: scardCommand },
  { name: 'spop', arity: -2, flags: W, handler: spopCommand },
  { name: 'srandmember', arity: -2, flags: R, handler: srandmemberCommand },
];
