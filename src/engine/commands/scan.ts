// SCAN, SSCAN, HSCAN (db.c scanGenericCommand, dict.c dictScan). Small
// encodings (intset, listpack) answer everything at once with cursor 0; a
// hashtable is walked bucket by bucket with Redis' reverse-binary cursor, so
// the guarantees are Redis' own: an element present for the whole iteration
// is returned (perhaps more than once), and the table may grow or shrink
// between calls. The table's size is modelled as the power of two (at least
// 4) that holds the current elements, and the hash is a deterministic FNV-1a
// of the bytes (Redis uses SipHash with a random key, so its cursors differ
// from run to run anyway).
//
// SCAN on the keyspace skips logically expired keys and deletes them on a
// master (propagating each DEL on its own, not wrapped in MULTI/EXEC).

import { utf8Encode } from '../resp/bytes';
import { E, type Reply, array, bulk, bulks, err } from '../resp/reply';
import type { RObj, RedisDb } from '../server/db';
import { expireIfNeeded } from '../server/exec';
import { objectEncoding } from './objects';
import type { CommandSpec, Exec } from './types';
import { asciiLower, stringMatch, string2ll } from './util';

/**
 * expireIfNeeded(db, key, 0) as DEL and RANDOMKEY call it: unlike a
 * lookup it counts no keyspace hit or miss, and unlike lookupKeyWrite it
 * never deletes on a replica (even a writable one). On a master an expired
 * key is deleted and its DEL (UNLINK with lazyfree-lazy-expire) propagated.
 */
export function expireIfNeededPlain(x: Exec, db: RedisDb, key: string): boolean {
  const had = db.dict.has(key);
  const expired = expireIfNeeded(x.world, x.node, x.client, db, key, false, null);
  if (had && expired && !db.dict.has(key)) {
    const lazy = x.node.config['lazyfree-lazy-expire'] === 'yes';
    x.alsoPropagate([lazy ? 'UNLINK' : 'DEL', key], db.id);
  }
  return expired;
}

/** FNV-1a over the UTF-8 bytes: the bucket hash of the model. */
export function scanHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
    } else {
      for (const b of utf8Encode(s.charAt(i))) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

function rev32(v: number): number {
  let r = 0;
  for (let i = 0; i < 32; i++) {
    r = (r << 1) | (v & 1);
    v >>>= 1;
  }
  return r >>> 0;
}

function tableMask(count: number): number {
  let size = 4;
  while (size < count) size *= 2;
  return size - 1;
}

/**
 * dictScan over a modelled table: the elements of the bucket `cursor & mask`
 * and the next cursor (0 when the walk is complete).
 */
function scanBuckets<T>(items: readonly T[], keyOf: (t: T) => string, cursor: number, count: number): { cursor: number; out: T[] } {
  const mask = tableMask(items.length);
  const buckets = new Map<number, T[]>();
  for (const it of items) {
    const b = scanHash(keyOf(it)) & mask;
    const list = buckets.get(b);
    if (list) list.unshift(it);
    else buckets.set(b, [it]);
  }
  const out: T[] = [];
  let v = cursor >>> 0;
  let maxIterations = count * 10;
  do {
    const list = buckets.get(v & mask);
    if (list) out.push(...list);
    // Increment the reversed cursor over the unmasked bits.
    v = (v | ~mask) >>> 0;
    v = rev32(v);
    v = (v + 1) >>> 0;
    v = rev32(v);
  } while (v !== 0 && maxIterations-- > 0 && out.length < count);
  return { cursor: v, out };
}

/** parseScanCursorOrReply: strtoul, nothing before or after the digits. */
export function parseCursor(s: string): number | Reply {
  if (s === '') return 0; // strtoul reads nothing and stops at the end: cursor 0
  if (!/^[+-]?[0-9]+$/.test(s)) return err('ERR invalid cursor');
  const n = BigInt(s);
  const max = (1n << 64n) - 1n;
  if (n > max || -n > max) return err('ERR invalid cursor');
  return Number(BigInt.asUintN(64, n) & 0xffffffffn);
}

interface ScanOpts {
  count: number;
  pattern: string | null;
  type: string | null;
}

function parseOpts(x: Exec, from: number, keyspace: boolean): ScanOpts | Reply {
  const o: ScanOpts = { count: 10, pattern: null, type: null };
  const argv = x.argv;
  for (let i = from; i < argv.length; ) {
    const left = argv.length - i;
    const opt = asciiLower(argv[i]);
    if (opt === 'count' && left >= 2) {
      const n = string2ll(argv[i + 1]);
      if (n === null || n < -(2n ** 63n) || n > 2n ** 63n - 1n) return err(E.notInt);
      if (n < 1n) return err(E.syntax);
      o.count = n > 1000000000n ? 1000000000 : Number(n);
      i += 2;
    } else if (opt === 'match' && left >= 2) {
      o.pattern = argv[i + 1] === '*' ? null : argv[i + 1];
      i += 2;
    } else if (opt === 'type' && keyspace && left >= 2) {
      o.type = argv[i + 1];
      i += 2;
    } else return err(E.syntax);
  }
  return o;
}

function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && 't' in v;
}

function reply(cursor: number, items: string[]): Reply {
  return array([bulk(String(cursor)), bulks(items)]);
}

export function scanCommand(x: Exec): Reply {
  const cursor = parseCursor(x.argv[1]);
  if (isReply(cursor)) return cursor;
  const opts = parseOpts(x, 2, true);
  if (isReply(opts)) return opts;
  const db = x.db;
  const r = scanBuckets([...db.dict.keys()], (k) => k, cursor, opts.count);
  const out: string[] = [];
  for (const key of r.out) {
    if (opts.pattern !== null && !stringMatch(opts.pattern, key, false)) continue;
    // An expired key is skipped (and deleted on a master, its DEL propagated);
    // with TYPE, Redis' lookup would have expired it first and called it "none".
    const expired = expireIfNeededPlain(x, db, key);
    if (opts.type !== null) {
      const o = expired ? undefined : db.dict.get(key);
      if (asciiLower(opts.type) !== (o === undefined ? 'none' : o.type)) continue;
    }
    if (expired) continue;
    out.push(key);
  }
  return reply(r.cursor, out);
}

/** SSCAN / HSCAN / ZSCAN on one value: `pairs` gives the flat element list (member, or field + value). */
export function scanValue(x: Exec, type: RObj['type'], pairs: (o: RObj) => string[][]): Reply {
  const cursor = parseCursor(x.argv[2]);
  if (isReply(cursor)) return cursor;
  // A missing key answers an empty scan, and a wrong type its error, before the options are read.
  const o = x.lookupRead(x.argv[1]);
  if (!o) return reply(0, []);
  if (o.type !== type) return err(E.wrongType);
  const opts = parseOpts(x, 3, false);
  if (isReply(opts)) return opts;
  const enc = objectEncoding(o, x.node.config);
  const groups = pairs(o);
  let picked: string[][];
  let next = 0;
  if (enc === 'hashtable' || enc === 'skiplist') {
    const r = scanBuckets(groups, (g) => g[0], cursor, opts.count);
    picked = r.out;
    next = r.cursor;
  } else {
    picked = groups;
  }
  const out: string[] = [];
  for (const g of picked) {
    if (opts.pattern !== null && !stringMatch(opts.pattern, g[0], false)) continue;
    out.push(...g);
  }
  return reply(next, out);
}

export const scanCommands: CommandSpec[] = [{ name: 'scan', arity: -2, flags: { touchesArbitraryKeys: true }, handler: scanCommand }];
