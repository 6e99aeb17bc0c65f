// Client connections of a node (Redis' client struct, reduced to what the
// simulation needs).

import type { RedisDb } from './db';
import type { ClientKind, ClientState, NodeState } from './types';

export function createClient(node: NodeState, kind: ClientKind, conn: number): ClientState {
  const id = node.nextClientId++;
  const c: ClientState = { id, kind, dbIndex: 0, name: '', multi: null, multiDirty: false, woff: 0, blocked: null, replies: [], conn, peer: null, watched: [], casDirty: false, authenticated: !node.config.requirepass || kind === 'master' };
  node.clients[id] = c;
  node.stats.totalConnectionsReceived++;
  return c;
}

export function freeClient(node: NodeState, id: number): void {
  const c = node.clients[id];
  if (c) unwatchAll(node, c);
  delete node.clients[id];
}

export function unwatchAll(node: NodeState, c: ClientState): void {
  if (c.watched.length) node.watchCount--;
  c.watched = [];
  c.casDirty = false;
}

/**
 * signalModifiedKey / touchWatchedKey: every client watching the key will
 * fail its EXEC. A key that was already expired when it was watched and is
 * now gone (deleted by expiry) is no logical change: its flag is cleared
 * instead. A client marked dirty stops watching (unwatchAllKeys).
 */
export function touchWatchedKey(node: NodeState, dbid: number, key: string): void {
  if (node.watchCount === 0) return;
  const exists = node.dbs[dbid].dict.has(key);
  for (const c of Object.values(node.clients)) {
    const wk = c.watched.find(([d, k]) => d === dbid && k === key);
    if (!wk) continue;
    if (wk[2]) {
      if (!exists) wk[2] = false;
      continue;
    }
    unwatchAll(node, c);
    c.casDirty = true;
  }
}

/**
 * touchAllWatchedKeysInDb: FLUSHDB / FLUSHALL (replacedWith null) and SWAPDB
 * touch the watched keys that exist in the emptied db or in the db replacing
 * it, minding keys that were expired when watched (multi.c, 7.0).
 */
export function touchAllWatchedKeysInDb(node: NodeState, emptied: RedisDb, replacedWith: RedisDb | null, nowMs: number): void {
  if (node.watchCount === 0) return;
  const expiredIn = (db: RedisDb, key: string): boolean => {
    const when = db.expires.get(key);
    return when !== undefined && nowMs > when;
  };
  for (const c of Object.values(node.clients)) {
    for (const wk of c.watched) {
      const [d, key, wasExpired] = wk;
      if (d !== emptied.id) continue;
      const inEmptied = emptied.dict.has(key);
      const inReplacement = replacedWith?.dict.has(key) ?? false;
      if (!inEmptied && !inReplacement) continue;
      if (wasExpired) {
        if (!replacedWith || !inReplacement) {
          wk[2] = false;
          continue;
        }
        if (expiredIn(replacedWith, key)) continue;
      } else if (!inEmptied && replacedWith && expiredIn(replacedWith, key)) {
        wk[2] = true;
        continue;
      }
      c.casDirty = true;
      break;
    }
  }
}
