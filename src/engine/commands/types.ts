// The contract between the command dispatcher (server/processCommand.ts) and
// the command handlers grouped by family in this folder.
//
// A handler receives an `Exec`: the arguments, the node and client it runs
// for, and the keyspace and propagation primitives of Redis' `call()`:
// - the command is propagated verbatim when it made the dataset dirty
//   (`x.dirty()`), as Redis does when `server.dirty` moved during the call;
// - `x.rewrite(argv)` replaces what is propagated (SET EX -> SET PXAT);
// - `x.alsoPropagate(argv)` queues extra commands (lazy-expire DELs);
// - `x.forcePropagation()` propagates even without a change (FLUSHDB on an
//   empty db), `x.preventPropagation()` propagates nothing of the command.
// More than one propagated op from one call is wrapped in MULTI/EXEC.

import type { Reply } from '../resp/reply';
import type { RObj, RedisDb } from '../server/db';
import type { ClientState, NodeState } from '../server/types';
import type { WorldState } from '../world-state';

/** Redis command flags that change how the dispatcher treats a command. */
export interface CommandFlags {
  /** CMD_WRITE: refused with READONLY on a read-only replica, gated by NOREPLICAS and FAILOVER pauses. */
  write?: boolean;
  /** CMD_STALE: allowed while a replica's link is down and replica-serve-stale-data is no. */
  stale?: boolean;
  /** CMD_NO_MULTI: refused inside MULTI ("ERR Command not allowed inside a transaction"). */
  noMulti?: boolean;
  /** CMD_MAY_REPLICATE: paused during FAILOVER like writes (PUBLISH, EVAL...). */
  mayReplicate?: boolean;
  /** CMD_ADMIN */
  admin?: boolean;
  /** CMD_NO_AUTH: allowed before AUTH when a password is required. */
  noAuth?: boolean;
  /**
   * CMD_TOUCHES_ARBITRARY_KEYS (SCAN, RANDOMKEY): the lazy-expire DELs such a
   * command causes when run directly are propagated one by one, not wrapped
   * in MULTI/EXEC.
   */
  touchesArbitraryKeys?: boolean;
  /** Not available in Sentinel mode (all data commands). */
  sentinelOnly?: boolean;
}

/** What a blocking command (WAIT) returns to say the client stays blocked. */
export const BLOCKED = Symbol('blocked');
export type HandlerResult = Reply | typeof BLOCKED;

export interface Exec {
  readonly world: WorldState;
  readonly node: NodeState;
  readonly client: ClientState;
  /** The arguments as the client sent them (argv[0] keeps the client's case). */
  readonly argv: string[];
  /** The client's currently selected database. */
  readonly db: RedisDb;
  /** Virtual unix time in ms. */
  readonly nowMs: number;

  /** lookupKeyRead: undefined when missing or logically expired (deletes and propagates DEL on a master). */
  lookupRead(key: string, db?: RedisDb): RObj | undefined;
  /** lookupKeyWrite: like lookupRead, but a writable replica also deletes an expired key locally. */
  lookupWrite(key: string, db?: RedisDb): RObj | undefined;
  /** setKey: add or overwrite; removes the TTL unless keepTtl. */
  setKey(key: string, value: RObj, keepTtl?: boolean, db?: RedisDb): void;
  /** dbAdd for a key known not to exist. */
  dbAdd(key: string, value: RObj, db?: RedisDb): void;
  /** dbDelete: removes key and TTL; true if the key existed. */
  dbDelete(key: string, db?: RedisDb): boolean;
  /** Absolute expire time in unix ms, or -1 when the key has none. */
  getExpire(key: string, db?: RedisDb): number;
  setExpire(key: string, whenMs: number, db?: RedisDb): void;
  /** removeExpire: true if a TTL was removed. */
  removeExpire(key: string, db?: RedisDb): boolean;

  /** server.dirty += n (default 1): the call changed the dataset. */
  dirty(n?: number): void;
  rewrite(argv: string[]): void;
  alsoPropagate(argv: string[], dbid?: number): void;
  forcePropagation(): void;
  preventPropagation(): void;
}

export interface CommandSpec {
  /** Lower-case name, as in Redis' command table. */
  name: string;
  /** Redis arity: N means exactly N arguments including the name, -N means at least N. */
  arity: number;
  flags: CommandFlags;
  /** getCommandFlags: flags that depend on the arguments (EVAL: the script's shebang); `flags` otherwise. */
  flagsFor?: (node: NodeState, argv: string[]) => CommandFlags;
  handler?: (x: Exec) => HandlerResult;
  /** Container commands (CONFIG, CLIENT): subcommands by lower-case name; arity counts the name and subcommand. */
  subcommands?: Record<string, CommandSpec>;
}

export type CommandTable = Record<string, CommandSpec>;
