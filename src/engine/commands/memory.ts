// MEMORY USAGE (object.c objectComputeSize): the bytes a key and its value
// take in a Redis 7.0 built with jemalloc on 64-bit Linux. Strings are exact
// (checked against redis-server 7.0.15: SET a v = 64, an integer 48, 44
// bytes 96, 45 bytes 112, 1000 bytes 1072); aggregates are a model of their
// encodings (listpack, intset, quicklist, hashtable, skiplist) built from the
// same allocation sizes, counting every element rather than sampling.

import { utf8Encode } from '../resp/bytes';
import { E, NULL_BULK, type Reply, bulks, err, int } from '../resp/reply';
import type { RObj } from '../server/db';
import { nodeBytes } from '../server/stream';
import { byteLength } from '../resp/encode';
import { objectEncoding } from './objects';
import type { CommandSpec, Exec } from './types';
import { asciiLower, string2ll } from './util';

/** jemalloc's size class for an allocation of n bytes (LG_QUANTUM 3: 8, 16, 32, 48 ... then four classes per doubling). */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const lg = Math.floor(Math.log2(n - 1));
  const delta = 2 ** (lg - 2);
  return Math.ceil(n / delta) * delta;
}

/** sdsReqType's header size; `noType5` for strings built to grow (raw values), which never use sdshdr5. */
function sdsHeader(len: number, noType5 = false): number {
  if (len < 32 && !noType5) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  return 9;
}

function sdsAlloc(s: string, noType5 = false): number {
  const len = byteLength(s);
  return jemallocSize(sdsHeader(len, noType5) + len + 1);
}

const ROBJ = 16;
const DICT_ENTRY = 24;
const DICT = 56;

/** Bytes of one listpack entry holding s (lpEncodeBacklen + encoding), approximately as listpack.c encodes. */
function lpEntry(s: string): number {
  const n = string2ll(s);
  let enc: number;
  if (n !== null && String(n) === s) {
    if (n >= 0n && n <= 127n) enc = 1;
    else if (n >= -4096n && n <= 4095n) enc = 2;
    else if (n >= -32768n && n <= 32767n) enc = 3;
    else if (n >= -8388608n && n <= 8388607n) enc = 4;
    else if (n >= -2147483648n && n <= 2147483647n) enc = 5;
    else enc = 9;
  } else {
    const len = utf8Encode(s).length;
    enc = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
  }
  const back = enc <= 127 ? 1 : enc < 16383 ? 2 : enc < 2097151 ? 3 : enc < 268435455 ? 4 : 5;
  return enc + back;
}

function listpackBytes(items: Iterable<string>): number {
  let n = 6 + 1;
  for (const s of items) n += lpEntry(s);
  return n;
}

function hashtable(count: number): number {
  let buckets = 4;
  while (buckets < count) buckets *= 2;
  return DICT + jemallocSize(buckets * 8) + count * DICT_ENTRY;
}

/** objectComputeSize: the value's bytes, robj included. */
export function valueSize(o: RObj, cfg: Record<string, string>): number {
  const enc = objectEncoding(o, cfg);
  switch (o.type) {
    case 'string':
      if (enc === 'int') return ROBJ;
      if (enc === 'embstr') return jemallocSize(ROBJ + 3 + byteLength(o.v) + 1);
      return ROBJ + sdsAlloc(o.v, true);
    case 'list': {
      // A quicklist of listpack nodes of up to 8 KB (list-max-listpack-size -2).
      let size = ROBJ + jemallocSize(40);
      let node: string[] = [];
      let bytes = 7;
      const flush = (): void => {
        if (node.length) size += 32 + jemallocSize(bytes);
        node = [];
        bytes = 7;
      };
      for (const e of o.v) {
        const b = lpEntry(e);
        if (bytes + b > 8192 && node.length) flush();
        node.push(e);
        bytes += b;
      }
      flush();
      return size;
    }
    case 'hash': {
      if (enc === 'listpack') {
        const items: string[] = [];
        for (const [f, v] of o.v) items.push(f, v);
        return ROBJ + jemallocSize(listpackBytes(items));
      }
      let size = ROBJ + hashtable(o.v.size);
      for (const [f, v] of o.v) size += sdsAlloc(f) + sdsAlloc(v);
      return size;
    }
    case 'set': {
      if (enc === 'intset') {
        let width = 2;
        for (const m of o.v) {
          const n = BigInt(m);
          if (n < -2147483648n || n > 2147483647n) width = 8;
          else if ((n < -32768n || n > 32767n) && width < 4) width = 4;
        }
        return ROBJ + jemallocSize(8 + o.v.size * width);
      }
      let size = ROBJ + hashtable(o.v.size);
      for (const m of o.v) size += sdsAlloc(m);
      return size;
    }
    case 'zset': {
      if (enc === 'listpack') {
        const items: string[] = [];
        for (const [m, s] of o.v) items.push(m, String(s));
        return ROBJ + jemallocSize(listpackBytes(items));
      }
      // dict + skiplist: each element an sds, a dict entry and a skiplist node (average 1.33 levels).
      let size = ROBJ + jemallocSize(16) + hashtable(o.v.size) + jemallocSize(32 + 32 * 16);
      for (const [m] of o.v) size += sdsAlloc(m) + jemallocSize(32 + 16);
      return size;
    }
    case 'stream': {
      // A rax of listpack nodes; each node's listpack bytes as the stream counts them.
      let size = ROBJ + jemallocSize(96) + jemallocSize(24);
      for (const node of o.v.nodes) size += jemallocSize(nodeBytes(node)) + jemallocSize(48);
      return size;
    }
  }
}

const usage = (x: Exec): Reply => {
  for (let j = 3; j < x.argv.length; j++) {
    if (asciiLower(x.argv[j]) === 'samples' && j + 1 < x.argv.length) {
      const n = string2ll(x.argv[j + 1]);
      if (n === null || n < -2147483648n || n > 2147483647n) return err(E.notInt);
      j++;
    } else return err(E.syntax);
  }
  const key = x.argv[2];
  // MEMORY USAGE looks the key up without touching its access time, but still expires it.
  const o = x.lookupRead(key);
  if (!o) return NULL_BULK;
  return int(valueSize(o, x.node.config) + jemallocSize(sdsHeader(byteLength(key)) + byteLength(key) + 1) + DICT_ENTRY);
};

const MEMORY_HELP = [
  'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
  'HELP',
  '    Prints this help.',
];

export const memoryCommands: CommandSpec[] = [
  {
    name: 'memory',
    arity: -2,
    flags: {},
    subcommands: {
      usage: { name: 'usage', arity: -3, flags: {}, handler: usage },
      help: { name: 'help', arity: 2, flags: { stale: true }, handler: () => bulks(MEMORY_HELP) },
    },
  },
];
