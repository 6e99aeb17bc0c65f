// The state of one simulated Redis process, as plain data (no closures, no
// class instances) so a whole world can be cloned for snapshots.

import type { Reply } from '../resp/reply';
import type { RedisDb } from './db';
import type { Backlog } from '../replication/backlog';
import type { DiskState } from '../persistence/disk';
import type { SentinelState } from '../sentinel/types';
import type { ScriptingState } from '../scripting/state';

export type ClientKind = 'normal' | 'master' | 'replica';

export interface BlockedWait {
  t: 'wait';
  numReplicas: number;
  /** Absolute virtual ms, or 0 for no timeout. */
  timeoutAtMs: number;
  targetOffset: number;
}

/** A command held while FAILOVER pauses writes (CLIENT PAUSE WRITE). */
export interface BlockedPaused {
  t: 'paused';
  argv: string[];
}

/**
 * A client blocked on keys (BLPOP, BLMOVE, BZPOPMIN, XREAD BLOCK...): its
 * command runs again when one of the keys becomes ready (server/blocking.ts).
 */
export interface BlockedKeys {
  t: 'keys';
  /** The keys waited on, without repeats, in the order the command named them. */
  keys: string[];
  dbIndex: number;
  /** Absolute virtual ms, or 0 for no timeout. */
  timeoutAtMs: number;
  /** The command, run again when a key is ready. */
  argv: string[];
  /** The answer on timeout or CLIENT UNBLOCK (a null array for every Redis 7.0 blocking command). */
  timeoutReply: Reply;
  /** The value type that can serve it (Redis' btype: BLOCKED_LIST, _ZSET, _STREAM). */
  btype: 'list' | 'zset' | 'stream';
  /** Order of blocking: clients waiting on one key are served first come, first served. */
  seq: number;
}

/**
 * Scripting (scripting/run.ts): 'script' is the client whose EVAL is running
 * across virtual time; 'postponed' a client whose command waits for a script
 * that has not timed out yet.
 */
export interface BlockedScript {
  t: 'script' | 'postponed';
}

/** A key that got data for clients blocked on it, served after the current command (server.ready_keys). */
export interface ReadyKey {
  db: number;
  key: string;
}

export interface ClientState {
  id: number;
  kind: ClientKind;
  dbIndex: number;
  name: string;
  /** Queued commands while in MULTI, null outside a transaction. */
  multi: string[][] | null;
  /** A queuing error happened inside MULTI: EXEC will answer EXECABORT. */
  multiDirty: boolean;
  /** The master offset after this client's previous command (the target of WAIT). */
  woff: number;
  blocked: BlockedWait | BlockedPaused | BlockedKeys | BlockedScript | null;
  /** Replies not yet read by whoever drives this client (scenario runner, console). */
  replies: Reply[];
  /** For a master link or replica link client: the connection id (0 for a local client). */
  conn: number;
  /** AUTH passed, or no password was required when the client connected. */
  authenticated: boolean;
  /** WATCHed keys as [db, key, expired-at-watch-time]. */
  watched: [number, string, boolean][];
  /** A watched key was touched: EXEC answers a null array. */
  casDirty: boolean;
  /** What a connecting replica told us with REPLCONF (listening-port, ip-address, capa). */
  peer: PeerInfo | null;
  /** CLIENT_SCRIPT: the fake client a script's redis.call runs commands with (scripting/run.ts). */
  script?: boolean;
  /** Pub/Sub: channels this client is subscribed to (absent when none). */
  subs?: string[];
  /** Pub/Sub: glob patterns this client is subscribed to, in subscription order (absent when none). */
  psubs?: string[];
  /** The protocol the client speaks (HELLO 3 / HELLO 2); absent means RESP2, Redis' default. */
  resp?: 2 | 3;
  /** CLIENT REPLY OFF, or SKIP for the command being run: replies are dropped, pushes still go out. */
  replyMode?: 'off' | 'skip';
  /** CLIENT REPLY SKIP was the command just run: the next command's reply is dropped. */
  replySkipNext?: boolean;
}

export interface PeerInfo {
  node: string;
  ip: string;
  listeningPort: number;
  capaEof: boolean;
  capaPsync2: boolean;
}

/** Master side: one attached replica (Redis' replica client). */
export type ReplicaState = 'wait_bgsave_start' | 'wait_bgsave_end' | 'send_bulk' | 'online';

export interface ReplicaLink {
  clientId: number;
  conn: number;
  /** The peer node name, for the view and the trace. */
  peer: string;
  ip: string;
  listeningPort: number;
  capaEof: boolean;
  capaPsync2: boolean;
  state: ReplicaState;
  ackOffset: number;
  ackTimeMs: number;
  lastInteractionMs: number;
  /** Stream bytes fed while the replica waits for its RDB, sent after it (Redis' output buffer). */
  pending: PendingStreamItem[];
  /** Diskless sync: the stream is held until the replica's first REPLCONF ACK. */
  startStreamOnAck: boolean;
  /** The backlog block this replica's unsent output starts in (pins it against trimming). */
  refBlock: number;
  /** The master offset at which this replica's RDB was taken (FULLRESYNC offset). */
  psyncInitialOffset: number;
  /** Offset of the last stream byte handed to this replica's connection. */
  sentOffset: number;
}

export interface PendingStreamItem {
  argv: string[];
  /** The label drawn on the packet (`SET k v`). */
  text: string;
  bytes: number;
  /** Offset of the last byte of this item. */
  offset: number;
  kind: 'stream' | 'ping' | 'getack';
}

/** Replica side link states, in Redis' order (`repl_state`). */
export type ReplLinkState =
  | 'none'
  | 'connect'
  | 'connecting'
  | 'receive_ping_reply'
  | 'send_handshake'
  | 'receive_auth_reply'
  | 'receive_port_reply'
  | 'receive_ip_reply'
  | 'receive_capa_reply'
  | 'receive_psync_reply'
  | 'transfer'
  | 'connected';

export interface MasterClientInfo {
  clientId: number;
  conn: number;
  replid: string;
  /** Processed offset (slave_repl_offset). */
  reploff: number;
  /** Read offset (slave_read_repl_offset). */
  readReploff: number;
  lastInteractionMs: number;
  /** Commands applied inside a MULTI from the master, proxied to sub-replicas at EXEC. */
  unproxied: { argv: string[]; kind: 'stream' | 'ping' | 'getack' }[];
}

export interface CachedMaster {
  replid: string;
  reploff: number;
  /** The db the master's stream had selected: a resumed stream continues in it. */
  dbIndex: number;
}

export interface TransferState {
  /** -1 until the `$<len>` line is read, 0 for an EOF-marked (diskless) payload. */
  totalBytes: number;
  readBytes: number;
  lastIoMs: number;
  fullresyncReplid: string;
  fullresyncOffset: number;
}

export interface FailoverState {
  state: 'no-failover' | 'waiting-for-sync' | 'failover-in-progress';
  targetHost: string | null;
  targetPort: number;
  /** 0 = no timeout. */
  endMs: number;
  force: boolean;
  /** The replica being handed over to (node name when known). */
  targetName: string | null;
}

export interface ReplState {
  replid: string;
  replid2: string;
  /** master_repl_offset */
  offset: number;
  /** second_repl_offset */
  secondOffset: number;
  backlog: Backlog | null;
  /** The db the stream last SELECTed (-1: next write emits SELECT). */
  slaveseldb: number;
  /** Replicas attached to this node, in the order INFO lists them. */
  replicas: ReplicaLink[];
  /** Time the last replica left (for repl-backlog-ttl), -1 while replicas are attached. */
  noReplicasSinceMs: number;

  // Replica side.
  masterHost: string | null;
  masterPort: number;
  linkState: ReplLinkState;
  /** The connection to the master during connect/handshake/transfer/connected. */
  masterConn: number;
  master: MasterClientInfo | null;
  cachedMaster: CachedMaster | null;
  transfer: TransferState | null;
  /** -1: never connected since becoming a replica. */
  linkDownSinceMs: number;
  /** Last I/O with the master during connect/handshake (repl-timeout). */
  handshakeLastIoMs: number;
  /** Handshake replies still expected, in order. */
  handshakeExpect: string[];
  /** PSYNC extra argument during an outgoing FAILOVER. */
  psyncFailover: boolean;
  failover: FailoverState;
  /** Good replicas for min-replicas-to-write. */
  goodReplicas: number;
}

export interface NodeStats {
  syncFull: number;
  syncPartialOk: number;
  syncPartialErr: number;
  expiredKeys: number;
  totalConnectionsReceived: number;
  totalCommandsProcessed: number;
  rejectedConnections: number;
  keyspaceHits: number;
  keyspaceMisses: number;
  totalErrorReplies: number;
  totalForks: number;
  netReplOutputBytes: number;
  netReplInputBytes: number;
  /** INFO commandstats: per command full name (`config|get`), absent until a command ran. */
  commands?: Record<string, CommandStat>;
  /** INFO errorstats: error replies by their code (`ERR`, `WRONGTYPE`), absent until an error. */
  errors?: Record<string, number>;
}

/** One command's counters (redisCommand's calls, rejected_calls, failed_calls). */
export interface CommandStat {
  calls: number;
  rejected: number;
  failed: number;
}

export interface BgsaveState {
  /** The fork's number (stats.totalForks right after it). */
  fork: number;
  /** Disk: writes dump.rdb. Socket: diskless replication transfer. */
  target: 'disk' | 'socket';
  startMs: number;
  endMs: number;
  /** Snapshot taken at fork time. */
  image: import('./db').DbImage[];
  /** Replication info saved with the image (disk target, when a backlog or master exists). */
  replInfo: ReplInfo | null;
  dirtyAtStart: number;
  /** For socket targets: the replicas being fed. */
  replicaClientIds: number[];
  /** Size of the payload in bytes. */
  rdbBytes: number;
}

export interface NodeState {
  name: string;
  host: string;
  port: number;
  up: boolean;
  /** Incremented on every start: stale timers and deliveries of an older life are ignored. */
  epoch: number;
  startedAtMs: number;
  runId: string;
  /** Config as given on the node line, replayed at each start. */
  bootConfig: [string, string][];
  /** Current config values, canonical names. */
  config: Record<string, string>;
  dbs: RedisDb[];
  clients: Record<number, ClientState>;
  nextClientId: number;
  dirty: number;
  lastSaveMs: number;
  lastBgsaveOk: boolean;
  /** rdb_last_bgsave_time_sec: how long the last fork child took (whole seconds of the clock), -1 before any. */
  lastBgsaveSec: number;
  rdbSaves: number;
  bgsave: BgsaveState | null;
  bgsaveScheduled: boolean;
  stats: NodeStats;
  cronloops: number;
  replCronLoops: number;
  repl: ReplState;
  disk: DiskState;
  /** DEBUG SET-ACTIVE-EXPIRE: whether the cron expires keys actively. */
  activeExpireEnabled: boolean;
  /** Clients with WATCHed keys (skip the touch bookkeeping when 0). */
  watchCount: number;
  /** Keys loaded from disk at the last start, for INFO persistence. */
  lastLoadKeysLoaded: number;
  /** Keys signalled as ready for blocked clients, served after the current command (absent or empty when none). */
  readyKeys?: ReadyKey[];
  /** SHUTDOWN waiting for lagging replicas (up to shutdown-timeout): when it gives up, and how to save. */
  shutdown?: { deadlineMs: number; nosave: boolean; save: boolean } | null;
  /** Present when this process runs in Sentinel mode (redis-server --sentinel): see sentinel/. */
  sentinel?: SentinelState;
  /** The script cache, the Lua PRNG and the running script (scripting/state.ts); absent until a script is used. */
  scripting?: ScriptingState;
}

/** Replication info an RDB carries in its aux fields (repl-id, repl-offset, repl-stream-db). */
export interface ReplInfo {
  replid: string;
  offset: number;
  streamDb: number;
}
