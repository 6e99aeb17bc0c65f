// Hash commands (t_hash.c). Field order is insertion order, which is what a
// listpack-encoded (small) hash gives; big hashes are hash tables whose order
// Redis does not define. HSET counts every pair in server.dirty, so setting
// the same value is still propagated; HINCRBYFLOAT goes out as HSET.

import { E, NULL_BULK, OK, type Reply, bulk, bulks, err, int } from '../resp/reply';
import { byteLength } from '../resp/encode';
import type { RObj } from '../server/db';
import { keepBigEncoding } from './objects';
import { distinctIndices, randomIndex, repeatedIndices } from './random';
import { scanValue } from './scan';
import type { CommandSpec, Exec } from './types';
import { LD_ZERO, deleteMembers, LLONG_MAX, LLONG_MIN, intReply, ldAdd, ldIsNanOrInf, ldToHuman, string2ld, string2ll } from './util';

const WRONGTYPE = err(E.wrongType);
const EMPTY_ARRAY: Reply = { t: 'array', a: [] };

type HashObj = Extract<RObj, { type: 'hash' }>;

/** hashTypeLookupWriteOrCreate: WRONGTYPE, or the hash (created and added when missing). */
function lookupWriteOrCreate(x: Exec, key: string): HashObj | Reply {
  const o = x.lookupWrite(key);
  if (o !== undefined && o.type !== 'hash') return WRONGTYPE;
  if (o !== undefined) return o as HashObj;
  const h: HashObj = { type: 'hash', v: new Map() };
  x.dbAdd(key, h);
  return h;
}

function isHash(v: HashObj | Reply): v is HashObj {
  return 'type' in v;
}

/** HSET and HMSET (same code in Redis: the reply tells them apart). */
function hsetGeneric(x: Exec, name: 'hset' | 'hmset'): Reply {
  const argv = x.argv;
  if (argv.length % 2 === 1) return err(E.arity(name));
  const h = lookupWriteOrCreate(x, argv[1]);
  if (!isHash(h)) return h;
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) {
    if (!h.v.has(argv[i])) created++;
    h.v.set(argv[i], argv[i + 1]);
  }
  x.dirty((argv.length - 2) / 2);
  keepBigEncoding(h, x.node.config);
  return name === 'hset' ? int(created) : OK;
}

function hsetnxCommand(x: Exec): Reply {
  const h = lookupWriteOrCreate(x, x.argv[1]);
  if (!isHash(h)) return h;
  if (h.v.has(x.argv[2])) return int(0);
  h.v.set(x.argv[2], x.argv[3]);
  x.dirty();
  keepBigEncoding(h, x.node.config);
  return int(1);
}

function hgetCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return NULL_BULK;
  if (o.type !== 'hash') return WRONGTYPE;
  const v = o.v.get(x.argv[2]);
  return v === undefined ? NULL_BULK : bulk(v);
}

/** HMGET: a missing key is an empty hash (all nulls). */
function hmgetCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o !== undefined && o.type !== 'hash') return WRONGTYPE;
  const out: Reply[] = [];
  for (let i = 2; i < x.argv.length; i++) {
    const v = o === undefined ? undefined : (o as HashObj).v.get(x.argv[i]);
    out.push(v === undefined ? NULL_BULK : bulk(v));
  }
  return { t: 'array', a: out };
}

/** HGETALL / HKEYS / HVALS. */
function hgetallGeneric(x: Exec, keys: boolean, vals: boolean): Reply {
  // HGETALL answers a map (shared.emptymap for a missing key), HKEYS and HVALS an array.
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return keys && vals ? { t: 'map', a: [] } : EMPTY_ARRAY;
  if (o.type !== 'hash') return WRONGTYPE;
  const out: string[] = [];
  for (const [f, v] of o.v) {
    if (keys) out.push(f);
    if (vals) out.push(v);
  }
  return keys && vals ? { t: 'map', a: out.map((s) => ({ t: 'bulk', s })) } : bulks(out);
}

/** HDEL: the key goes once its last field is deleted (remaining arguments are ignored). */
function hdelCommand(x: Exec): Reply {
  return deleteMembers(x, 'hash');
}

function hlenCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'hash') return WRONGTYPE;
  return int(o.v.size);
}

function hexistsCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'hash') return WRONGTYPE;
  return int(o.v.has(x.argv[2]) ? 1 : 0);
}

function hstrlenCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'hash') return WRONGTYPE;
  const v = o.v.get(x.argv[2]);
  return int(v === undefined ? 0 : byteLength(v));
}

/** HINCRBY: the increment is parsed before the key is looked up. */
function hincrbyCommand(x: Exec): Reply {
  const incr = string2ll(x.argv[3]);
  if (incr === null) return err(E.notInt);
  const h = lookupWriteOrCreate(x, x.argv[1]);
  if (!isHash(h)) return h;
  const field = x.argv[2];
  const cur = h.v.get(field);
  let value = 0n;
  if (cur !== undefined) {
    const v = string2ll(cur);
    if (v === null) return err('ERR hash value is not an integer');
    value = v;
  }
  if ((incr < 0n && value < 0n && incr < LLONG_MIN - value) || (incr > 0n && value > 0n && incr > LLONG_MAX - value)) {
    return err(E.overflow);
  }
  value += incr;
  h.v.set(field, value.toString());
  x.dirty();
  keepBigEncoding(h, x.node.config);
  return intReply(value);
}

/** HINCRBYFLOAT: long double arithmetic like INCRBYFLOAT; propagated as HSET of the result. */
function hincrbyfloatCommand(x: Exec): Reply {
  const incr = string2ld(x.argv[3]);
  if (incr === null) return err(E.notFloat);
  if (ldIsNanOrInf(incr)) return err('ERR value is NaN or Infinity');
  const h = lookupWriteOrCreate(x, x.argv[1]);
  if (!isHash(h)) return h;
  const field = x.argv[2];
  const cur = h.v.get(field);
  const value = cur === undefined ? LD_ZERO : string2ld(cur);
  if (value === null) return err('ERR hash value is not a float');
  const sum = ldAdd(value, incr);
  if (ldIsNanOrInf(sum)) return err('ERR increment would produce NaN or Infinity');
  const s = ldToHuman(sum);
  h.v.set(field, s);
  x.dirty();
  keepBigEncoding(h, x.node.config);
  x.rewrite(['HSET', x.argv[1], field, s]);
  return bulk(s);
}

const W = { write: true } as const;
const R = {} as const;

/** HRANDFIELD key [count [WITHVALUES]] (t_hash.c), picks from the world's seeded PRNG. */
function hrandfieldCommand(x: Exec): Reply {
  const argv = x.argv;
  if (argv.length >= 3) {
    const l = string2ll(argv[2]);
    // getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX)
    if (l === null) return err(E.notInt);
    if (l < -LLONG_MAX || l > LLONG_MAX) return err('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807');
    if (argv.length > 4 || (argv.length === 4 && argv[3].toLowerCase() !== 'withvalues')) return err(E.syntax);
    const withvalues = argv.length === 4;
    if (withvalues && (l < -LLONG_MAX / 2n || l > LLONG_MAX / 2n)) return err('ERR value is out of range');
    const o = x.lookupRead(argv[1]);
    if (o === undefined) return bulks([]);
    if (o.type !== 'hash') return WRONGTYPE;
    if (l === 0n) return bulks([]);
    const entries = [...o.v];
    let picked: number[];
    if (l < 0n || l === 1n) {
      // Redis would build a reply of any size; the engine stops at a size a browser can hold.
      const n = l < 0n ? (-l > 100_000n ? 100_000 : Number(-l)) : 1;
      picked = repeatedIndices(x, entries.length, n);
    } else if (l >= BigInt(entries.length)) {
      picked = entries.map((_, i) => i);
    } else {
      picked = distinctIndices(x, entries.length, Number(l));
    }
    // WITHVALUES: a flat field, value list in RESP2, [field, value] pairs in RESP3.
    if (withvalues && x.client.resp === 3) return { t: 'array', a: picked.map((i) => bulks(entries[i])) };
    const out: string[] = [];
    for (const i of picked) {
      out.push(entries[i][0]);
      if (withvalues) out.push(entries[i][1]);
    }
    return bulks(out);
  }
  const o = x.lookupRead(argv[1]);
  if (o === undefined) return NULL_BULK;
  if (o.type !== 'hash') return WRONGTYPE;
  const fields = [...o.v.keys()];
  return bulk(fields[randomIndex(x, fields.length)]);
}

export const hashCommands: CommandSpec[] = [
  { name: 'hrandfield', arity: -2, flags: {}, handler: hrandfieldCommand },
  { name: 'hscan', arity: -3, flags: {}, handler: (x) => scanValue(x, 'hash', (o) => (o.type === 'hash' ? [...o.v] : [])) },
  { name: 'hset', arity: -4, flags: W, handler: (x) => hsetGeneric(x, 'hset') },
  { name: 'hmset', arity: -4, flags: W, handler: (x) => hsetGeneric(x, 'hmset') },
  { name: 'hsetnx', arity: 4, flags: W, handler: hsetnxCommand },
  { name: 'hget', arity: 3, flags: R, handler: hgetCommand },
  { name: 'hmget', arity: -3, flags: R, handler: hmgetCommand },
  { name: 'hgetall', arity: 2, flags: R, handler: (x) => hgetallGeneric(x, true, true) },
  { name: 'hkeys', arity: 2, flags: R, handler: (x) => hgetallGeneric(x, true, false) },
  { name: 'hvals', arity: 2, flags: R, handler: (x) => hgetallGeneric(x, false, true) },
  { name: 'hdel', arity: -3, flags: W, handler: hdelCommand },
  { name: 'hlen', arity: 2, flags: R, handler: hlenCommand },
  { name: 'hexists', arity: 3, flags: R, handler: hexistsCommand },
  { name: 'hstrlen', arity: 3, flags: R, handler: hstrlenCommand },
  { name: 'hincrby', arity: 4, flags: W, handler: hincrbyCommand },
  { name: 'hincrbyfloat', arity: 4, flags: W, handler: hincrbyfloatCommand },
];
