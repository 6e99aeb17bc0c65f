// The keyspace of one logical database: a dict of keys and a separate dict of
// expire times (absolute unix ms), as in Redis' `redisDb`.

import { byteLength } from '../resp/bytes';
import { type StreamValue, cloneStream } from './stream';

export type RObj =
  /** `raw`: changed in place by APPEND/SETRANGE, which Redis never re-encodes (OBJECT ENCODING says raw). */
  | { type: 'string'; v: string; raw?: boolean }
  | { type: 'list'; v: string[] }
  /** `hashtable` once the hash outgrew hash-max-listpack-* (Redis never converts back until a reload). */
  | { type: 'hash'; v: Map<string, string>; hashtable?: boolean }
  /** `hashtable` once the set stopped being an intset (a non-integer member, or more than set-max-intset-entries). */
  | { type: 'set'; v: Set<string>; hashtable?: boolean }
  /** Sorted set: member -> score. `skiplist` once it outgrew zset-max-listpack-* (Redis never converts back until a reload). */
  | { type: 'zset'; v: Map<string, number>; skiplist?: boolean }
  | { type: 'stream'; v: StreamValue };

export type RType = RObj['type'];

export interface RedisDb {
  id: number;
  dict: Map<string, RObj>;
  expires: Map<string, number>;
}

export const DB_COUNT = 16;

export function createDbs(): RedisDb[] {
  const dbs: RedisDb[] = [];
  for (let id = 0; id < DB_COUNT; id++) dbs.push({ id, dict: new Map(), expires: new Map() });
  return dbs;
}

/** Deep copy of a value, used when a fork takes a point-in-time copy (RDB, full sync). */
export function cloneObj(o: RObj): RObj {
  switch (o.type) {
    case 'string':
      return o;
    case 'list':
      return { type: 'list', v: o.v.slice() };
    case 'hash':
      return { type: 'hash', v: new Map(o.v), hashtable: o.hashtable };
    case 'set':
      return { type: 'set', v: new Set(o.v), hashtable: o.hashtable };
    case 'zset':
      return { type: 'zset', v: new Map(o.v), skiplist: o.skiplist };
    case 'stream':
      return { type: 'stream', v: cloneStream(o.v) };
  }
}

export interface DbImage {
  id: number;
  entries: [string, RObj][];
  expires: [string, number][];
}

/** A point-in-time copy of the non-empty databases (what an RDB file holds). */
export function imageOfDbs(dbs: readonly RedisDb[]): DbImage[] {
  const out: DbImage[] = [];
  for (const db of dbs) {
    if (db.dict.size === 0) continue;
    out.push({
      id: db.id,
      entries: [...db.dict].map(([k, v]) => [k, cloneObj(v)]),
      expires: [...db.expires],
    });
  }
  return out;
}

export function dbsFromImage(image: readonly DbImage[], cfg: Record<string, string> = {}): RedisDb[] {
  const dbs = createDbs();
  for (const img of image) {
    const db = dbs[img.id];
    // Loading an RDB encodes every value afresh from its content: nothing is
    // "raw" after a load, and small hashes, sets and sorted sets are compact again.
    for (const [k, v] of img.entries) db.dict.set(k, freshEncoding(v, cfg));
    for (const [k, t] of img.expires) db.expires.set(k, t);
  }
  return dbs;
}

/**
 * rdbLoadObject's choice of encoding. A sorted set saved as a skiplist comes
 * back as a listpack when it is small enough (a -0 score becomes 0 there); one
 * saved as a listpack stays one unless it has too many entries.
 */
function freshEncoding(o: RObj, cfg: Record<string, string>): RObj {
  switch (o.type) {
    case 'string':
      return { type: 'string', v: o.v };
    case 'hash':
      return { type: 'hash', v: new Map(o.v) };
    case 'set':
      return { type: 'set', v: new Set(o.v) };
    case 'zset': {
      const maxEntries = Number(cfg['zset-max-listpack-entries'] ?? 128);
      const maxValue = Number(cfg['zset-max-listpack-value'] ?? 64);
      let skiplist = o.v.size > maxEntries;
      if (!skiplist && o.skiplist) for (const m of o.v.keys()) if (byteLength(m) > maxValue) skiplist = true;
      const v = new Map(o.v);
      if (!skiplist) for (const [m, s] of v) if (Object.is(s, -0)) v.set(m, 0);
      return { type: 'zset', v, skiplist };
    }
    default:
      return cloneObj(o);
  }
}

export function keyIsExpired(db: RedisDb, key: string, nowMs: number): boolean {
  const when = db.expires.get(key);
  return when !== undefined && when <= nowMs;
}
