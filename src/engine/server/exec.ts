// The keyspace and propagation primitives a command handler runs with: the
// engine's version of Redis' lookupKey*/setKey/dbDelete and of call()'s
// propagation bookkeeping (dirty counter, rewritten argv, also_propagate).

import type { Exec } from '../commands/types';
import type { WorldState } from '../world-state';
import type { RObj, RedisDb } from './db';
import { touchWatchedKey } from './clients';
import type { ClientState, NodeState } from './types';

export interface PropOp {
  dbid: number;
  argv: string[];
}

/** What one top-level call() accumulated for propagation (server.also_propagate). */
export interface CallFrame {
  ops: PropOp[];
}

/** Per-command flags of call(): rewritten argv, forced or prevented propagation. */
export interface CommandFrame {
  /** Keys looked up for writing: touched for WATCH when the command changed the dataset. */
  writeKeys: [number, string][];
  rewritten: string[] | null;
  force: boolean;
  prevent: boolean;
}

export function isReplica(node: NodeState): boolean {
  return node.repl.masterHost !== null;
}

/** Whether writes are paused on this node (FAILOVER: CLIENT PAUSE WRITE). */
export function writesPaused(node: NodeState): boolean {
  return node.repl.failover.state !== 'no-failover';
}

/**
 * expireIfNeeded: true when the key is logically expired. A master deletes it
 * and propagates a DEL; a replica never deletes on reads (it waits for the
 * master's DEL), except for a write on a writable replica.
 */
export function expireIfNeeded(w: WorldState, node: NodeState, client: ClientState | null, db: RedisDb, key: string, forWrite: boolean, frame: CallFrame | null): boolean {
  const when = db.expires.get(key);
  if (when === undefined || !(w.nowMs > when)) return false;
  if (isReplica(node)) {
    if (client && client.kind === 'master') return false;
    if (!forWrite) return true;
  }
  if (writesPaused(node)) return true;
  db.dict.delete(key);
  db.expires.delete(key);
  touchWatchedKey(node, db.id, key);
  node.stats.expiredKeys++;
  const lazy = node.config['lazyfree-lazy-expire'] === 'yes';
  const del = [lazy ? 'UNLINK' : 'DEL', key];
  if (frame) frame.ops.push({ dbid: db.id, argv: del });
  return true;
}

export function makeExec(w: WorldState, node: NodeState, client: ClientState, argv: string[], frame: CallFrame, cmd: CommandFrame): Exec {
  const cur = (): RedisDb => node.dbs[client.dbIndex];
  const lookup = (key: string, db: RedisDb | undefined, forWrite: boolean): RObj | undefined => {
    const d = db ?? cur();
    const v = d.dict.get(key);
    if (v === undefined) {
      if (!forWrite) node.stats.keyspaceMisses++;
      return undefined;
    }
    if (expireIfNeeded(w, node, client, d, key, forWrite, frame)) {
      if (!forWrite) node.stats.keyspaceMisses++;
      return undefined;
    }
    if (!forWrite) node.stats.keyspaceHits++;
    else if (node.watchCount) cmd.writeKeys.push([d.id, key]);
    return v;
  };
  return {
    world: w,
    node,
    client,
    argv,
    get db() {
      return cur();
    },
    nowMs: w.nowMs,
    lookupRead: (key, db) => lookup(key, db, false),
    lookupWrite: (key, db) => lookup(key, db, true),
    setKey(key, value, keepTtl, db) {
      const d = db ?? cur();
      d.dict.set(key, value);
      if (!keepTtl) d.expires.delete(key);
      touchWatchedKey(node, d.id, key);
    },
    dbAdd(key, value, db) {
      const d = db ?? cur();
      d.dict.set(key, value);
      touchWatchedKey(node, d.id, key);
    },
    dbDelete(key, db) {
      const d = db ?? cur();
      d.expires.delete(key);
      const existed = d.dict.delete(key);
      if (existed) touchWatchedKey(node, d.id, key);
      return existed;
    },
    getExpire(key, db) {
      return (db ?? cur()).expires.get(key) ?? -1;
    },
    setExpire(key, whenMs, db) {
      const d = db ?? cur();
      d.expires.set(key, whenMs);
      touchWatchedKey(node, d.id, key);
    },
    removeExpire(key, db) {
      const d = db ?? cur();
      const had = d.expires.delete(key);
      if (had) touchWatchedKey(node, d.id, key);
      return had;
    },
    dirty(n = 1) {
      node.dirty += n;
    },
    rewrite(next) {
      cmd.rewritten = next;
    },
    alsoPropagate(next, dbid) {
      frame.ops.push({ dbid: dbid ?? client.dbIndex, argv: next });
    },
    forcePropagation() {
      cmd.force = true;
    },
    preventPropagation() {
      cmd.prevent = true;
    },
  };
}
