// The keyspace and propagation primitives a command handler runs with: the
// engine's version of Redis' lookupKey*/setKey/dbDelete and of call()'s
// propagation bookkeeping (dirty counter, rewritten argv, also_propagate).

import type { Exec } from '../commands/types';
import type { WorldState } from '../world-state';
import type { RObj, RedisDb } from './db';
import { signalReady } from './blocking';
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
  // A deleted stream wakes the XREADGROUP clients blocked on it.
  if (db.dict.get(key)?.type === 'stream') signalReady(node, db.id, key, 'stream');
  db.dict.delete(key);
  db.expires.delete(key);
  touchWatchedKey(node, db.id, key);
  node.stats.expiredKeys++;
  const lazy = node.config['lazyfree-lazy-expire'] === 'yes';
  const del = [lazy ? 'UNLINK' : 'DEL', key];
  if (frame) frame.ops.push({ dbid: db.id, argv: del });
  return true;
}

/** The Exec a handler runs with. A class, so no closures are made per command. */
class ExecImpl implements Exec {
  constructor(
    readonly world: WorldState,
    readonly node: NodeState,
    readonly client: ClientState,
    readonly argv: string[],
    private readonly frame: CallFrame,
    private readonly cmd: CommandFrame,
  ) {}

  get db(): RedisDb {
    return this.node.dbs[this.client.dbIndex];
  }

  get nowMs(): number {
    return this.world.nowMs;
  }

  private lookup(key: string, db: RedisDb | undefined, forWrite: boolean): RObj | undefined {
    const node = this.node;
    const d = db ?? this.node.dbs[this.client.dbIndex];
    const v = d.dict.get(key);
    if (v === undefined) {
      if (!forWrite) node.stats.keyspaceMisses++;
      return undefined;
    }
    if (d.expires.size !== 0 && expireIfNeeded(this.world, node, this.client, d, key, forWrite, this.frame)) {
      if (!forWrite) node.stats.keyspaceMisses++;
      return undefined;
    }
    if (!forWrite) node.stats.keyspaceHits++;
    else if (node.watchCount) this.cmd.writeKeys.push([d.id, key]);
    return v;
  }

  lookupRead(key: string, db?: RedisDb): RObj | undefined {
    return this.lookup(key, db, false);
  }

  lookupWrite(key: string, db?: RedisDb): RObj | undefined {
    return this.lookup(key, db, true);
  }

  setKey(key: string, value: RObj, keepTtl?: boolean, db?: RedisDb): void {
    const d = db ?? this.db;
    const old = d.dict.get(key);
    d.dict.set(key, value);
    if (!keepTtl && d.expires.size !== 0) d.expires.delete(key);
    touchWatchedKey(this.node, d.id, key);
    // dbAdd signals a new list, zset or stream to clients blocked on the key; dbOverwrite only a replaced stream.
    if (old === undefined) signalReady(this.node, d.id, key, value.type);
    else if (old.type === 'stream') signalReady(this.node, d.id, key, 'stream');
  }

  dbAdd(key: string, value: RObj, db?: RedisDb): void {
    const d = db ?? this.db;
    d.dict.set(key, value);
    touchWatchedKey(this.node, d.id, key);
    signalReady(this.node, d.id, key, value.type);
  }

  dbDelete(key: string, db?: RedisDb): boolean {
    const d = db ?? this.db;
    d.expires.delete(key);
    if (d.dict.get(key)?.type === 'stream') signalReady(this.node, d.id, key, 'stream');
    const existed = d.dict.delete(key);
    if (existed) touchWatchedKey(this.node, d.id, key);
    return existed;
  }

  getExpire(key: string, db?: RedisDb): number {
    return (db ?? this.db).expires.get(key) ?? -1;
  }

  setExpire(key: string, whenMs: number, db?: RedisDb): void {
    const d = db ?? this.db;
    d.expires.set(key, whenMs);
    touchWatchedKey(this.node, d.id, key);
  }

  removeExpire(key: string, db?: RedisDb): boolean {
    const d = db ?? this.db;
    const had = d.expires.delete(key);
    if (had) touchWatchedKey(this.node, d.id, key);
    return had;
  }

  dirty(n = 1): void {
    this.node.dirty += n;
  }

  rewrite(next: string[]): void {
    this.cmd.rewritten = next;
  }

  alsoPropagate(next: string[], dbid?: number): void {
    this.frame.ops.push({ dbid: dbid ?? this.client.dbIndex, argv: next });
  }

  forcePropagation(): void {
    this.cmd.force = true;
  }

  preventPropagation(): void {
    this.cmd.prevent = true;
  }
}

export function makeExec(w: WorldState, node: NodeState, client: ClientState, argv: string[], frame: CallFrame, cmd: CommandFrame): Exec {
  return new ExecImpl(w, node, client, argv, frame, cmd);
}
