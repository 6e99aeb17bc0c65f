// The state of a simulated Redis Sentinel, as plain data (it is cloned with
// the world for snapshots). It mirrors sentinel.c of Redis 7.0.15: one
// `SentinelInstance` per monitored master, with the replicas and the other
// Sentinels it learned about, each with its `instanceLink` (the command and
// Pub/Sub connections and the ping bookkeeping used for failure detection).
// Pointers of the C structs become names: a replica knows its master by the
// master it is stored in, the promoted replica is kept by name.

/** Instance flags (SRI_* in sentinel.c), kept as a bit set like Redis does. */
export const SRI_MASTER = 1 << 0;
export const SRI_SLAVE = 1 << 1;
export const SRI_SENTINEL = 1 << 2;
export const SRI_S_DOWN = 1 << 3;
export const SRI_O_DOWN = 1 << 4;
export const SRI_MASTER_DOWN = 1 << 5;
export const SRI_FAILOVER_IN_PROGRESS = 1 << 6;
export const SRI_PROMOTED = 1 << 7;
export const SRI_RECONF_SENT = 1 << 8;
export const SRI_RECONF_INPROG = 1 << 9;
export const SRI_RECONF_DONE = 1 << 10;
export const SRI_FORCE_FAILOVER = 1 << 11;
export const SRI_SCRIPT_KILL_SENT = 1 << 12;
export const SRI_MASTER_REBOOT = 1 << 13;

/** Failover states (SENTINEL_FAILOVER_STATE_*), in Redis' numeric order: comparisons like `>= RECONF_SLAVES` are used. */
export const FAILOVER_NONE = 0;
export const FAILOVER_WAIT_START = 1;
export const FAILOVER_SELECT_SLAVE = 2;
export const FAILOVER_SEND_SLAVEOF_NOONE = 3;
export const FAILOVER_WAIT_PROMOTION = 4;
export const FAILOVER_RECONF_SLAVES = 5;
export const FAILOVER_UPDATE_CONFIG = 6;

/** Fixed timers of sentinel.c (ms). */
export const SENTINEL_INFO_PERIOD = 10_000;
export const SENTINEL_PING_PERIOD = 1000;
export const SENTINEL_ASK_PERIOD = 1000;
export const SENTINEL_PUBLISH_PERIOD = 2000;
export const SENTINEL_DEFAULT_DOWN_AFTER = 30_000;
export const SENTINEL_DEFAULT_FAILOVER_TIMEOUT = 180_000;
export const SENTINEL_SLAVE_RECONF_TIMEOUT = 10_000;
export const SENTINEL_MIN_LINK_RECONNECT_PERIOD = 15_000;
export const SENTINEL_ELECTION_TIMEOUT = 10_000;
export const SENTINEL_MAX_PENDING_COMMANDS = 100;
/** Upper bound (exclusive) of the random delay added to a failover start time: rand() % SENTINEL_MAX_DESYNC. */
export const SENTINEL_MAX_DESYNC = 1000;
export const SENTINEL_DEFAULT_SLAVE_PRIORITY = 100;
export const SENTINEL_DEFAULT_PARALLEL_SYNCS = 1;
/** SENTINEL SIMULATE-FAILURE flags. */
export const SIMFAILURE_CRASH_AFTER_ELECTION = 1 << 0;
export const SIMFAILURE_CRASH_AFTER_PROMOTION = 1 << 1;
export const SENTINEL_HELLO_CHANNEL = '__sentinel__:hello';

/**
 * What to do with the reply of a command sent on a link (the hiredis callback
 * of each request, matched to replies in order).
 */
export type SentinelCallback = 'ping' | 'info' | 'publish' | 'discard' | 'is-master-down';

/** One of the two hiredis connections of a link. */
export interface SentinelConn {
  /** Connection id in the world, 0 when there is none (the C pointer is NULL). */
  id: number;
  /** The TCP handshake completed: commands written before are still in `out` (hiredis buffers them). */
  established: boolean;
  out: string[][];
  /** Reply callbacks, oldest first. */
  callbacks: SentinelCallback[];
}

/** instanceLink: the connections to an instance and what failure detection needs. */
export interface SentinelLink {
  /** Non-zero if cc or pc must be (re)connected. */
  disconnected: boolean;
  pendingCommands: number;
  cc: SentinelConn;
  pc: SentinelConn;
  ccConnMs: number;
  pcConnMs: number;
  pcLastActivityMs: number;
  /** Last valid PING reply (PONG, LOADING, MASTERDOWN). */
  lastAvailMs: number;
  /** Time the oldest unanswered PING was sent, 0 when none is pending. */
  actPingMs: number;
  lastPingMs: number;
  /** Last PING reply of any kind. */
  lastPongMs: number;
  lastReconnMs: number;
}

export interface SentinelInstance {
  flags: number;
  /** Master name; `ip:port` for a replica; the run id for a Sentinel. */
  name: string;
  runid: string | null;
  configEpoch: number;
  host: string;
  port: number;
  link: SentinelLink;
  lastPubMs: number;
  lastHelloMs: number;
  lastMasterDownReplyMs: number;
  sDownSinceMs: number;
  oDownSinceMs: number;
  downAfterMs: number;
  masterRebootDownAfterMs: number;
  masterRebootSinceMs: number;
  /** Time of the last INFO reply, 0 = never. */
  infoRefreshMs: number;
  /** SRI_MASTER or SRI_SLAVE, as the instance's INFO last said. */
  roleReported: number;
  roleReportedMs: number;
  slaveConfChangeMs: number;

  // Master specific.
  sentinels: SentinelInstance[];
  slaves: SentinelInstance[];
  quorum: number;
  parallelSyncs: number;
  /** auth-pass / auth-user: sent with AUTH on every connection to the master and its replicas. */
  authPass: string | null;
  authUser: string | null;

  // Replica specific.
  masterLinkDownMs: number;
  slavePriority: number;
  replicaAnnounced: number;
  slaveReconfSentMs: number;
  slaveMasterHost: string | null;
  slaveMasterPort: number;
  slaveMasterLinkUp: boolean;
  slaveReplOffset: number;

  // Failover. For a master: the leader it voted for; for a Sentinel: the leader that Sentinel voted for.
  leader: string | null;
  leaderEpoch: number;
  failoverEpoch: number;
  failoverState: number;
  failoverStateChangeMs: number;
  failoverStartMs: number;
  failoverTimeoutMs: number;
  /** Name (ip:port) of the replica chosen for promotion. */
  promotedSlave: string | null;
}

/** One monitored master as the config file holds it (what survives a restart). */
export interface SentinelMasterConf {
  name: string;
  host: string;
  port: number;
  quorum: number;
  downAfterMs: number;
  failoverTimeoutMs: number;
  parallelSyncs: number;
  masterRebootDownAfterMs: number;
  authPass: string | null;
  authUser: string | null;
  configEpoch: number;
  leaderEpoch: number;
  knownReplicas: [string, number][];
  /** [ip, port, runid] */
  knownSentinels: [string, number, string][];
}

/** sentinel.conf as Sentinel rewrites it on every state change (sentinelFlushConfig). */
export interface SentinelConf {
  /** Empty until the first start picks one. */
  myid: string;
  currentEpoch: number;
  masters: SentinelMasterConf[];
}

export interface SentinelState {
  conf: SentinelConf;
  myid: string;
  currentEpoch: number;
  masters: SentinelInstance[];
  /** SENTINEL SIMULATE-FAILURE flags (1: crash after election, 2: crash after promotion). */
  simFailureFlags: number;
}
