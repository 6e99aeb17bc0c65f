// What a node keeps on its disk across crashes and restarts: the RDB file
// (dump.rdb) and the append-only file. A crash (SIGKILL) loses memory only;
// the files stay. Data written to the AOF before the crash survives, since
// the kernel already holds it (only a power loss would lose `everysec` data).

import type { DbImage } from '../server/db';
import type { ReplInfo } from '../server/types';
import { nodeBytes } from '../server/stream';

export interface RdbFile {
  image: DbImage[];
  /** Replication info saved in the RDB aux fields (repl-id, repl-offset), when there was any. */
  replInfo: ReplInfo | null;
  savedAtMs: number;
  keys: number;
  bytes: number;
  /** Written by a disk-based full sync of a master without persistence: deleted again afterwards. */
  forSync: boolean;
}

export interface DiskState {
  rdb: RdbFile | null;
  /** The dataset the AOF would rebuild, kept current while appendonly is yes. */
  aof: DbImage[] | null;
}

/**
 * The parent notices that a fork child exited in serverCron (checkChildrenDone,
 * 10 times a second): the first cron tick at or after `endMs`. Cron ticks fall
 * at start + 1 + 100k ms.
 */
export function childNoticedAtMs(startedAtMs: number, endMs: number): number {
  const first = startedAtMs + 1;
  if (endMs <= first) return first;
  return first + Math.ceil((endMs - first) / 100) * 100;
}

export function emptyDisk(): DiskState {
  return { rdb: null, aof: null };
}

/** Approximate RDB payload size: header and aux fields, then per key its type, key, value and expire. */
export function rdbSizeOf(image: readonly DbImage[], byteLen: (s: string) => number): number {
  let n = 9 + 180; // "REDIS0010" + aux fields (redis-ver, redis-bits, ctime, used-mem, repl-*, aof-base)
  for (const db of image) {
    n += 2 + 3 + 10; // SELECTDB, RESIZEDB
    for (const [k, v] of db.entries) {
      n += 1 + 1 + byteLen(k);
      switch (v.type) {
        case 'string':
          n += 1 + byteLen(v.v);
          break;
        case 'list':
          n += 11;
          for (const e of v.v) n += 2 + byteLen(e);
          break;
        case 'hash':
          n += 11;
          for (const [f, x] of v.v) n += 4 + byteLen(f) + byteLen(x);
          break;
        case 'set':
          n += 2;
          for (const e of v.v) n += 1 + byteLen(e);
          break;
        case 'zset':
          n += 11;
          for (const [m] of v.v) n += 2 + byteLen(m) + 9;
          break;
        case 'stream':
          // Each node: its 16-byte key and its listpack; then length, IDs, counters, groups with PELs and consumers.
          n += 1 + 1 + 9 + 4 * 18 + 9 + 1;
          for (const node of v.v.nodes) n += 1 + 16 + 5 + nodeBytes(node);
          for (const g of v.v.groups.values()) {
            n += 1 + byteLen(g.name) + 18 + 9 + 5 + g.pel.length * 25 + 5;
            for (const c of g.consumers.values()) n += 1 + byteLen(c.name) + 8 + 5 + c.pel.length * 16;
          }
          break;
      }
    }
    n += db.expires.length * 9;
  }
  return n + 9; // EOF opcode + checksum
}

export function keysIn(image: readonly DbImage[]): number {
  let n = 0;
  for (const db of image) n += db.entries.length;
  return n;
}
