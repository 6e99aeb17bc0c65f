// Keyspace commands (db.c): DEL, UNLINK, EXISTS, TYPE, KEYS, DBSIZE,
// FLUSHDB, FLUSHALL, RENAME, RENAMENX, RANDOMKEY, TOUCH.

import { E, NULL_BULK, OK, type Reply, bulk, bulks, err, int, status } from '../resp/reply';
import type { RedisDb } from '../server/db';
import { scanDatabaseForDeletedStreams } from '../server/blocking';
import { touchAllWatchedKeysInDb } from '../server/clients';
import { isReplica } from '../server/exec';
import { randomIndex } from './random';
import { expireIfNeededPlain } from './scan';
import type { CommandSpec, Exec } from './types';
import { eqi, stringMatch } from './util';

/** DEL / UNLINK: a key that is already logically expired does not count. */
function delGeneric(x: Exec): Reply {
  let deleted = 0;
  for (let j = 1; j < x.argv.length; j++) {
    const key = x.argv[j];
    expireIfNeededPlain(x, x.db, key);
    if (x.dbDelete(key)) {
      x.dirty();
      deleted++;
    }
  }
  return int(deleted);
}

/** EXISTS counts a key once per time it is named. */
function existsCommand(x: Exec): Reply {
  let count = 0;
  for (let j = 1; j < x.argv.length; j++) if (x.lookupRead(x.argv[j]) !== undefined) count++;
  return int(count);
}

function typeCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  return status(o === undefined ? 'none' : o.type);
}

/** KEYS: logically expired keys are skipped but not deleted (keyIsExpired: now > when). */
function keysCommand(x: Exec): Reply {
  const pattern = x.argv[1];
  const allkeys = pattern === '*';
  const db = x.db;
  const out: string[] = [];
  for (const key of db.dict.keys()) {
    if (!allkeys && !stringMatch(pattern, key, false)) continue;
    const when = db.expires.get(key);
    if (when !== undefined && x.nowMs > when) continue;
    out.push(key);
  }
  return bulks(out);
}

/** getFlushCommandFlags: nothing, SYNC or ASYNC (either case), anything else is a syntax error. */
function flushArgsOk(x: Exec): boolean {
  if (x.argv.length === 1) return true;
  return x.argv.length === 2 && (eqi(x.argv[1], 'sync') || eqi(x.argv[1], 'async'));
}

function emptyDb(x: Exec, db: RedisDb): number {
  // signalFlushedDb: XREADGROUP clients blocked on a stream of this db get -UNBLOCKED.
  scanDatabaseForDeletedStreams(x.node, db, null);
  touchAllWatchedKeysInDb(x.node, db, null, x.nowMs);
  const removed = db.dict.size;
  db.dict.clear();
  db.expires.clear();
  return removed;
}

/** FLUSHDB: propagated even when the db was already empty (forceCommandPropagation). */
function flushdbCommand(x: Exec): Reply {
  if (!flushArgsOk(x)) return err(E.syntax);
  const removed = emptyDb(x, x.db);
  if (removed > 0) x.dirty(removed);
  x.forcePropagation();
  return OK;
}

/** FLUSHALL: the data part (the RDB rewrite with save points belongs to persistence). */
function flushallCommand(x: Exec): Reply {
  if (!flushArgsOk(x)) return err(E.syntax);
  let removed = 0;
  for (const db of x.node.dbs) removed += emptyDb(x, db);
  if (removed > 0) x.dirty(removed);
  x.forcePropagation();
  return OK;
}

/** renameGenericCommand: the TTL moves with the value; RENAME k k is OK only if k exists. */
function renameGeneric(x: Exec, nx: boolean): Reply {
  const src = x.argv[1];
  const dst = x.argv[2];
  const samekey = src === dst;
  const o = x.lookupWrite(src);
  if (o === undefined) return err('ERR no such key');
  if (samekey) return nx ? int(0) : OK;
  const expire = x.getExpire(src);
  if (x.lookupWrite(dst) !== undefined) {
    if (nx) return int(0);
    x.dbDelete(dst);
  }
  x.dbAdd(dst, o);
  if (expire !== -1) x.setExpire(dst, expire);
  x.dbDelete(src);
  x.dirty();
  return nx ? int(1) : OK;
}

/**
 * RANDOMKEY. Redis picks a fair random key; the engine deterministically
 * takes the first key in dict order that is not expired. Expired keys met on
 * the way are deleted on a master (with their DEL propagated), as
 * dbRandomKey does; on a replica whose keys all have a TTL and are all
 * logically expired Redis gives up after 100 tries and returns one anyway.
 */
/**
 * RANDOMKEY (dbRandomKey): a random key from the world's seeded PRNG; an
 * expired one is deleted (on a master) and another drawn. On a replica whose
 * keys all have a TTL, after 100 expired draws the last one is returned.
 */
function randomkeyCommand(x: Exec): Reply {
  const db = x.db;
  const allVolatile = db.dict.size === db.expires.size;
  let maxtries = 100;
  while (db.dict.size > 0) {
    const keys = [...db.dict.keys()];
    const key = keys[randomIndex(x, keys.length)];
    if (db.expires.has(key)) {
      if (allVolatile && isReplica(x.node) && --maxtries === 0) return bulk(key);
      if (expireIfNeededPlain(x, db, key)) continue;
    }
    return bulk(key);
  }
  return NULL_BULK;
}

function touchCommand(x: Exec): Reply {
  let touched = 0;
  for (let j = 1; j < x.argv.length; j++) if (x.lookupRead(x.argv[j]) !== undefined) touched++;
  return int(touched);
}

const W = { write: true } as const;
const R = {} as const;

export const keyCommands: CommandSpec[] = [
  { name: 'del', arity: -2, flags: W, handler: delGeneric },
  { name: 'unlink', arity: -2, flags: W, handler: delGeneric },
  { name: 'exists', arity: -2, flags: R, handler: existsCommand },
  { name: 'type', arity: 2, flags: R, handler: typeCommand },
  { name: 'keys', arity: 2, flags: R, handler: keysCommand },
  { name: 'dbsize', arity: 1, flags: R, handler: (x) => int(x.db.dict.size) },
  { name: 'flushdb', arity: -1, flags: W, handler: flushdbCommand },
  { name: 'flushall', arity: -1, flags: W, handler: flushallCommand },
  { name: 'rename', arity: 3, flags: W, handler: (x) => renameGeneric(x, false) },
  { name: 'renamenx', arity: 3, flags: W, handler: (x) => renameGeneric(x, true) },
  { name: 'randomkey', arity: 1, flags: { ...R, touchesArbitraryKeys: true }, handler: randomkeyCommand },
  { name: 'touch', arity: -2, flags: R, handler: touchCommand },
];
