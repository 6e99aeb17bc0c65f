// MOVE, COPY and OBJECT: commands about keys as objects (db.c, object.c).

import { E, NULL_BULK, type Reply, bulk, bulks, err, int } from '../resp/reply';
import { byteLength } from '../resp/encode';
import { cloneObj, type RObj } from '../server/db';
import type { CommandSpec, Exec } from './types';
import { string2ll } from './util';

const SAME_OBJECT = 'ERR source and destination objects are the same';

function parseDb(s: string): number | null {
  const n = string2ll(s);
  if (n === null || n < -2147483648n || n > 2147483647n) return null;
  return Number(n);
}

const move = (x: Exec): Reply => {
  const dbid = parseDb(x.argv[2]);
  if (dbid === null) return err(E.notInt);
  if (dbid < 0 || dbid >= x.node.dbs.length) return err(E.dbRange);
  const src = x.db;
  const dst = x.node.dbs[dbid];
  if (src === dst) return err(SAME_OBJECT);
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (!o) return int(0);
  const expire = x.getExpire(key);
  if (x.lookupWrite(key, dst)) return int(0);
  x.dbAdd(key, o, dst);
  if (expire !== -1) x.setExpire(key, expire, dst);
  x.dbDelete(key, src);
  x.dirty();
  return int(1);
};

const copy = (x: Exec): Reply => {
  const [, key, newkey] = x.argv;
  const src = x.db;
  let dst = src;
  let replace = false;
  for (let j = 3; j < x.argv.length; j++) {
    const a = x.argv[j].toLowerCase();
    if (a === 'replace') replace = true;
    else if (a === 'db' && j + 1 < x.argv.length) {
      const id = string2ll(x.argv[j + 1]);
      if (id === null) return err(E.notInt);
      if (id < 0n || id >= BigInt(x.node.dbs.length)) return err(E.dbRange);
      dst = x.node.dbs[Number(id)];
      j++;
    } else return err(E.syntax);
  }
  if (src === dst && key === newkey) return err(SAME_OBJECT);
  const o = x.lookupWrite(key);
  if (!o) return int(0);
  const expire = x.getExpire(key);
  if (x.lookupWrite(newkey, dst)) {
    if (!replace) return int(0);
    x.dbDelete(newkey, dst);
  }
  x.dbAdd(newkey, cloneObj(o), dst);
  if (expire !== -1) x.setExpire(newkey, expire, dst);
  x.dirty();
  return int(1);
};

const OBJ_SHARED_INTEGERS = 10000;
const OBJ_SHARED_REFCOUNT = 2147483647;

/** The encoding Redis 7.0 reports for a value (small hashes are listpacks, small integer sets intsets). */
export function objectEncoding(o: RObj, cfg: Record<string, string>): string {
  switch (o.type) {
    case 'string': {
      if (o.raw) return 'raw';
      const n = string2ll(o.v);
      if (n !== null && o.v.length <= 20) return 'int';
      return byteLength(o.v) <= 44 ? 'embstr' : 'raw';
    }
    case 'list':
      return 'quicklist';
    case 'hash': {
      if (o.hashtable) return 'hashtable';
      const maxEntries = Number(cfg['hash-max-listpack-entries'] ?? 128);
      const maxValue = Number(cfg['hash-max-listpack-value'] ?? 64);
      if (o.v.size > maxEntries) return 'hashtable';
      for (const [f, v] of o.v) if (byteLength(f) > maxValue || byteLength(v) > maxValue) return 'hashtable';
      return 'listpack';
    }
    case 'set': {
      if (o.hashtable) return 'hashtable';
      const max = Number(cfg['set-max-intset-entries'] ?? 512);
      if (o.v.size > max) return 'hashtable';
      for (const m of o.v) if (string2ll(m) === null) return 'hashtable';
      return 'intset';
    }
    case 'zset': {
      if (o.skiplist !== undefined) return o.skiplist ? 'skiplist' : 'listpack';
      const maxEntries = Number(cfg['zset-max-listpack-entries'] ?? 128);
      const maxValue = Number(cfg['zset-max-listpack-value'] ?? 64);
      if (o.v.size > maxEntries) return 'skiplist';
      for (const m of o.v.keys()) if (byteLength(m) > maxValue) return 'skiplist';
      return 'listpack';
    }
    case 'stream':
      return 'stream';
  }
}

/**
 * After a write: a hash or set that reached its big encoding keeps it, as
 * Redis converts listpack -> hashtable and intset -> hashtable but never back
 * (until the value is loaded again from an RDB).
 */
export function keepBigEncoding(o: RObj, cfg: Record<string, string>): void {
  if ((o.type === 'hash' || o.type === 'set') && !o.hashtable && objectEncoding(o, cfg) === 'hashtable') o.hashtable = true;
}

const OBJECT_HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
];

const objectLookup = (x: Exec): RObj | undefined => x.lookupRead(x.argv[2]);

export const objectCommands: CommandSpec[] = [
  { name: 'move', arity: 3, flags: { write: true }, handler: move },
  { name: 'copy', arity: -3, flags: { write: true }, handler: copy },
  {
    name: 'object',
    arity: -2,
    flags: {},
    subcommands: {
      encoding: {
        name: 'encoding',
        arity: 3,
        flags: {},
        handler: (x) => {
          const o = objectLookup(x);
          return o ? bulk(objectEncoding(o, x.node.config)) : NULL_BULK;
        },
      },
      refcount: {
        name: 'refcount',
        arity: 3,
        flags: {},
        handler: (x) => {
          const o = objectLookup(x);
          if (!o) return NULL_BULK;
          const n = o.type === 'string' ? string2ll(o.v) : null;
          const shared = n !== null && n >= 0n && n < BigInt(OBJ_SHARED_INTEGERS) && String(n) === o.v;
          return int(shared ? OBJ_SHARED_REFCOUNT : 1);
        },
      },
      idletime: {
        name: 'idletime',
        arity: 3,
        flags: {},
        handler: (x) => (objectLookup(x) ? int(0) : NULL_BULK),
      },
      freq: {
        name: 'freq',
        arity: 3,
        flags: {},
        handler: (x) => {
          if (!objectLookup(x)) return NULL_BULK;
          return err('ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.');
        },
      },
      help: { name: 'help', arity: 2, flags: { stale: true }, handler: () => bulks(OBJECT_HELP) },
    },
  },
];
