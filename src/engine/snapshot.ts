// Snapshots of the whole world for time travel. structuredClone of a world
// with tens of thousands of keys costs hundreds of ms, so the big parts are
// copied knowing what is immutable:
// - string values, stream items, RDB images and scheduled events are never
//   changed after they are made, so copies share them;
// - lists, hashes and sets are changed in place, so they are copied;
// everything else (small) goes through structuredClone.
// A stored snapshot keeps each keyspace as two flat arrays (keys, values):
// cheaper to take and half the memory of a Map; restoring builds the Maps.

import type { RObj, RedisDb } from './server/db';
import { cloneObj } from './server/db';
import type { WorldState } from './world-state';

/** One database packed as parallel arrays. */
interface PackedDb {
  keys: string[];
  values: RObj[];
  expires: [string, number][];
}

export interface WorldSnapshot {
  /** The world with every node's `dbs` emptied. */
  state: WorldState;
  /** Per node (in nodeOrder), per db index: the packed keyspace. */
  dbs: PackedDb[][];
  /**
   * Per node: the end of its backlog's command list when the snapshot was
   * taken. The list itself is shared with the live world, which only appends
   * to it (and replaces it by a fresh array when it compacts), so the items
   * [itemHead, end) stay as they were.
   */
  backlogEnds: number[];
}

function packDb(db: RedisDb): PackedDb {
  const n = db.dict.size;
  const keys = new Array<string>(n);
  const values = new Array<RObj>(n);
  let i = 0;
  for (const [k, v] of db.dict) {
    keys[i] = k;
    values[i] = v.type === 'string' ? v : cloneObj(v);
    i++;
  }
  return { keys, values, expires: db.expires.size ? [...db.expires] : [] };
}

function unpackDb(id: number, p: PackedDb): RedisDb {
  const dict = new Map<string, RObj>();
  const { keys, values } = p;
  for (let i = 0; i < keys.length; i++) {
    const v = values[i];
    dict.set(keys[i], v.type === 'string' ? v : cloneObj(v));
  }
  return { id, dict, expires: new Map(p.expires) };
}

/** A copy of everything but the keyspaces (which the caller handles). */
function cloneShell(s: WorldState, shareItems: boolean, itemEnds?: number[]): { copy: WorldState; saved: { dbs: RedisDb[]; disk: WorldState['nodes'][string]['disk']; items: unknown[] | undefined; image: unknown[] | undefined }[] } {
  const heapItems = s.heap.items;
  const trace = s.trace;
  const saved = s.nodeOrder.map((name) => {
    const n = s.nodes[name];
    const d = { dbs: n.dbs, disk: n.disk, items: n.repl.backlog?.items, image: n.bgsave?.image };
    n.dbs = [];
    n.disk = { rdb: null, aof: null };
    if (n.repl.backlog) n.repl.backlog.items = [];
    if (n.bgsave) n.bgsave.image = [];
    return d;
  });
  s.heap.items = [];
  s.trace = [];
  let copy: WorldState;
  try {
    copy = structuredClone(s);
  } finally {
    s.heap.items = heapItems;
    s.trace = trace;
    s.nodeOrder.forEach((name, i) => {
      const n = s.nodes[name];
      const d = saved[i];
      n.dbs = d.dbs;
      n.disk = d.disk;
      if (n.repl.backlog && d.items) n.repl.backlog.items = d.items as typeof n.repl.backlog.items;
      if (n.bgsave && d.image) n.bgsave.image = d.image as typeof n.bgsave.image;
    });
  }
  copy.heap.items = heapItems.slice();
  s.nodeOrder.forEach((name, i) => {
    const n = copy.nodes[name];
    const d = saved[i];
    n.disk = { rdb: d.disk.rdb, aof: d.disk.aof };
    if (n.repl.backlog && d.items) {
      const b = n.repl.backlog;
      const items = d.items as typeof b.items;
      if (shareItems) b.items = items;
      else {
        b.items = items.slice(b.itemHead, itemEnds ? itemEnds[i] : items.length);
        b.itemHead = 0;
      }
    }
    if (n.bgsave && d.image) n.bgsave.image = d.image as typeof n.bgsave.image;
  });
  return { copy, saved };
}

export function takeSnapshot(s: WorldState): WorldSnapshot {
  const { copy, saved } = cloneShell(s, true);
  return { state: copy, dbs: saved.map((d) => d.dbs.map(packDb)), backlogEnds: saved.map((d) => d.items?.length ?? 0) };
}

/** A live world state from a snapshot; the snapshot stays usable. */
export function restoreSnapshot(snap: WorldSnapshot): WorldState {
  const { copy } = cloneShell(snap.state, false, snap.backlogEnds);
  copy.nodeOrder.forEach((name, i) => {
    copy.nodes[name].dbs = snap.dbs[i].map((p, id) => unpackDb(id, p));
  });
  return copy;
}
