// Snapshots of the whole world for time travel. structuredClone of a world
// with tens of thousands of keys costs hundreds of ms, so the big parts are
// copied knowing what is immutable:
// - string values, stream items, RDB images and scheduled events are never
//   changed after they are made, so copies share them;
// - lists, hashes and sets are changed in place, so they are copied;
// everything else (small) goes through structuredClone.

import type { RedisDb } from './server/db';
import { cloneObj } from './server/db';
import type { WorldState } from './world-state';

function cloneDb(db: RedisDb): RedisDb {
  if (db.dict.size === 0) return { id: db.id, dict: new Map(), expires: new Map() };
  const dict = new Map(db.dict);
  for (const [k, v] of db.dict) if (v.type !== 'string') dict.set(k, cloneObj(v));
  return { id: db.id, dict, expires: db.expires.size ? new Map(db.expires) : new Map() };
}

export function cloneWorldState(s: WorldState): WorldState {
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
      if (n.repl.backlog && d.items) n.repl.backlog.items = d.items;
      if (n.bgsave && d.image) n.bgsave.image = d.image;
    });
  }
  copy.heap.items = heapItems.slice();
  s.nodeOrder.forEach((name, i) => {
    const n = copy.nodes[name];
    const d = saved[i];
    n.dbs = d.dbs.map(cloneDb);
    n.disk = { rdb: d.disk.rdb, aof: d.disk.aof };
    if (n.repl.backlog && d.items) {
      const b = n.repl.backlog;
      b.items = d.items.slice(b.itemHead);
      b.itemHead = 0;
    }
    if (n.bgsave && d.image) n.bgsave.image = d.image;
  });
  return copy;
}
