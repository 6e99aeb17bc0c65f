// The configuration of one node, as Redis 7.0.15 keeps it (src/config.c).
//
// A node's config is a Record keyed by canonical parameter name whose values
// are exactly what CONFIG GET prints. The table below is config.c's
// `static_configs` in source order (the TLS block included: Debian and most
// builds ship with TLS), with each parameter's alias, type, default, bounds
// and flags. Setting a value goes through a port of the type's set function
// (boolConfigSet, numericConfigSet, enumConfigSet, setConfigSaveOption...),
// shared by startup (loadServerConfigFromString) and CONFIG SET
// (configSetCommand), so both refuse the same values with the same words.
//
// The simulated host has no real filesystem or network stack; the few places
// where Redis asks the OS (chdir for `dir`, fopen for `logfile`, bind(2),
// loading TLS certificates) are answered by a small model of a host on
// 127.0.0.1 described next to each use.

import { asciiLower, LLONG_MAX, LLONG_MIN, string2ll, stringMatch } from '../commands/util';

export type Config = Record<string, string>;

// ---------------------------------------------------------------------------
// Bounds (limits.h on x86-64 Linux).

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const UINT_MAX = 4294967295n;
const LONG_MAX = LLONG_MAX;
const ULLONG_MAX = 18446744073709551615n;
const SSIZE_MAX = LLONG_MAX;
const U64 = 1n << 64n;

const MB = 1024n * 1024n;

/** resizeReplicationBacklog (replication.c): CONFIG SET never leaves the backlog below 16kb. */
export const REPL_BACKLOG_MIN_SIZE = 16384;
const CONFIG_MIN_HZ = 1n;
const CONFIG_MAX_HZ = 500n;
const CONFIG_BINDADDR_MAX = 16;
const NET_HOST_STR_LEN = 256;

// ---------------------------------------------------------------------------
// The table.

const IMMUTABLE = 1;
const PROTECTED = 2;
const DENY_LOADING = 4;
const HIDDEN = 8;
const MULTI_ARG = 16;
/** set() reports a change even when the value is the same, so the apply step runs. */
const VOLATILE = 32;

/** The apply callbacks of config.c that matter to a simulated node. */
type Apply = 'hz' | 'backlog' | 'bind' | 'tls' | 'tlsPort';

type SetResult = { value: string } | { error: string };

interface SetCtx {
  /** Reading the startup configuration (config.c's reading_config_file). */
  boot: boolean;
  /** Startup only: a `save` line was seen already, later ones append. */
  saveLoaded: boolean;
  /** The values as they are while this set runs (earlier pairs already set). */
  cfg: Config;
}

interface Base {
  name: string;
  alias?: string;
  flags: number;
  apply?: Apply;
}

interface BoolSpec extends Base {
  type: 'bool';
  def: boolean;
  check?: (v: boolean) => string | null;
}

interface StringSpec extends Base {
  type: 'string';
  def: string;
  check?: (v: string, cfg: Config) => string | null;
}

interface EnumSpec extends Base {
  type: 'enum';
  values: readonly (readonly [string, number])[];
  def: number;
  check?: (v: number) => string | null;
}

/** The C type a numeric config is stored in: unsigned ones are bound-checked as unsigned. */
type CType = 'int' | 'uint' | 'long' | 'ulong' | 'llong' | 'ullong' | 'size_t' | 'ssize_t' | 'off_t' | 'time_t';
/** INTEGER_CONFIG, MEMORY_CONFIG, OCTAL_CONFIG, MEMORY_CONFIG | PERCENT_CONFIG. */
type NumFormat = 'integer' | 'memory' | 'octal' | 'memoryPercent';

interface NumSpec extends Base {
  type: 'numeric';
  ctype: CType;
  lo: bigint;
  hi: bigint;
  def: bigint;
  fmt: NumFormat;
}

interface SpecialSpec extends Base {
  type: 'special';
  def: (port: number) => string;
  set: (argv: string[], cur: string, ctx: SetCtx) => SetResult;
}

type Spec = BoolSpec | StringSpec | EnumSpec | NumSpec | SpecialSpec;

const bool = (name: string, alias: string | undefined, flags: number, def: boolean, extra: Partial<BoolSpec> = {}): BoolSpec => ({
  type: 'bool',
  name,
  alias,
  flags,
  def,
  ...extra,
});

const str = (name: string, alias: string | undefined, flags: number, def: string, extra: Partial<StringSpec> = {}): StringSpec => ({
  type: 'string',
  name,
  alias,
  flags,
  def,
  ...extra,
});

const enm = (
  name: string,
  flags: number,
  values: readonly (readonly [string, number])[],
  def: number,
  extra: Partial<EnumSpec> = {},
): EnumSpec => ({ type: 'enum', name, flags, values, def, ...extra });

const num = (
  ctype: CType,
  name: string,
  alias: string | undefined,
  flags: number,
  lo: bigint,
  hi: bigint,
  def: bigint,
  fmt: NumFormat = 'integer',
  apply?: Apply,
): NumSpec => ({ type: 'numeric', ctype, name, alias, flags, lo, hi, def, fmt, apply });

// Enum tables (config.c), in their declaration order: that order is the one of
// the "must be one of the following" list and decides which name CONFIG GET
// prints when two names share a value (oom-score-adj "relative" reads "yes").
const MAXMEMORY_POLICY = [
  ['volatile-lru', (0 << 8) | 1],
  ['volatile-lfu', (1 << 8) | 2],
  ['volatile-random', 3 << 8],
  ['volatile-ttl', 2 << 8],
  ['allkeys-lru', (4 << 8) | 1 | 4],
  ['allkeys-lfu', (5 << 8) | 2 | 4],
  ['allkeys-random', (6 << 8) | 4],
  ['noeviction', 7 << 8],
] as const;
const SYSLOG_FACILITY = [
  ['user', 8],
  ['local0', 128],
  ['local1', 136],
  ['local2', 144],
  ['local3', 152],
  ['local4', 160],
  ['local5', 168],
  ['local6', 176],
  ['local7', 184],
] as const;
const LOGLEVEL = [
  ['debug', 0],
  ['verbose', 1],
  ['notice', 2],
  ['warning', 3],
] as const;
const SUPERVISED = [
  ['upstart', 3],
  ['systemd', 2],
  ['auto', 1],
  ['no', 0],
] as const;
const AOF_FSYNC = [
  ['everysec', 2],
  ['always', 1],
  ['no', 0],
] as const;
const SHUTDOWN_ON_SIG = [
  ['default', 0],
  ['save', 1],
  ['nosave', 2],
  ['now', 4],
  ['force', 8],
] as const;
const REPL_DISKLESS_LOAD = [
  ['disabled', 0],
  ['on-empty-db', 1],
  ['swapdb', 2],
] as const;
const TLS_AUTH_CLIENTS = [
  ['no', 0],
  ['yes', 1],
  ['optional', 2],
] as const;
const OOM_SCORE_ADJ = [
  ['no', 0],
  ['yes', 1],
  ['relative', 1],
  ['absolute', 2],
] as const;
const ACL_PUBSUB_DEFAULT = [
  ['allchannels', 8],
  ['resetchannels', 0],
] as const;
const SANITIZE_DUMP_PAYLOAD = [
  ['no', 0],
  ['yes', 1],
  ['clients', 2],
] as const;
const PROTECTED_ACTION = [
  ['no', 0],
  ['yes', 1],
  ['local', 2],
] as const;
const CLUSTER_PREFERRED_ENDPOINT_TYPE = [
  ['ip', 0],
  ['hostname', 1],
  ['unknown-endpoint', 2],
] as const;
const PROPAGATION_ERROR_BEHAVIOR = [
  ['ignore', 0],
  ['panic', 1],
  ['panic-on-replicas', 2],
] as const;

const M = 0; // MODIFIABLE_CONFIG
const I = IMMUTABLE;
const H = HIDDEN;

// isValidActiveDefrag (config.c): the Debian/distribution builds link the
// system jemalloc, which lacks the defrag hint, so HAVE_DEFRAG is off and
// `activedefrag yes` is refused (verified 7.0.15).
const noActiveDefrag = (v: boolean): string | null =>
  v
    ? 'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution'
    : null;

// pathIsBaseName (util.c): neither '/' nor '\'.
const isBaseName = (v: string): boolean => !v.includes('/') && !v.includes('\\');

const SPECS: readonly Spec[] = [
  /* Bool configs */
  bool('rdbchecksum', undefined, I, true),
  bool('daemonize', undefined, I, false),
  bool('io-threads-do-reads', undefined, I, false),
  bool('always-show-logo', undefined, I, false),
  bool('protected-mode', undefined, M, true),
  bool('rdbcompression', undefined, M, true),
  bool('rdb-del-sync-files', undefined, M, false),
  bool('activerehashing', undefined, M, true),
  bool('stop-writes-on-bgsave-error', undefined, M, true),
  bool('set-proc-title', undefined, I, true),
  bool('dynamic-hz', undefined, M, true),
  bool('lazyfree-lazy-eviction', undefined, M, false),
  bool('lazyfree-lazy-expire', undefined, M, false),
  bool('lazyfree-lazy-server-del', undefined, M, false),
  bool('lazyfree-lazy-user-del', undefined, M, false),
  bool('lazyfree-lazy-user-flush', undefined, M, false),
  bool('repl-disable-tcp-nodelay', undefined, M, false),
  bool('repl-diskless-sync', undefined, M, true),
  bool('aof-rewrite-incremental-fsync', undefined, M, true),
  bool('no-appendfsync-on-rewrite', undefined, M, false),
  bool('cluster-require-full-coverage', undefined, M, true),
  bool('rdb-save-incremental-fsync', undefined, M, true),
  bool('aof-load-truncated', undefined, M, true),
  bool('aof-use-rdb-preamble', undefined, M, true),
  bool('aof-timestamp-enabled', undefined, M, false),
  bool('cluster-replica-no-failover', 'cluster-slave-no-failover', M, false),
  bool('replica-lazy-flush', 'slave-lazy-flush', M, false),
  bool('replica-serve-stale-data', 'slave-serve-stale-data', M, true),
  bool('replica-read-only', 'slave-read-only', M, true),
  bool('replica-ignore-maxmemory', 'slave-ignore-maxmemory', M, true),
  bool('jemalloc-bg-thread', undefined, M, true),
  bool('activedefrag', undefined, M, false, { check: noActiveDefrag }),
  bool('syslog-enabled', undefined, I, false),
  bool('cluster-enabled', undefined, I, false),
  bool('appendonly', undefined, DENY_LOADING, false),
  bool('cluster-allow-reads-when-down', undefined, M, false),
  bool('cluster-allow-pubsubshard-when-down', undefined, M, true),
  bool('crash-log-enabled', undefined, M, true),
  bool('crash-memcheck-enabled', undefined, M, true),
  bool('use-exit-on-panic', undefined, H, false),
  bool('disable-thp', undefined, I, true),
  bool('cluster-allow-replica-migration', undefined, M, true),
  bool('replica-announced', undefined, M, true),
  bool('latency-tracking', undefined, M, true),
  bool('aof-disable-auto-gc', undefined, M, false),
  bool('replica-ignore-disk-write-errors', undefined, M, false),

  /* String configs (both createStringConfig and createSDSConfig) */
  str('aclfile', undefined, I, ''),
  str('unixsocket', undefined, I, ''),
  str('pidfile', undefined, I, ''),
  str('replica-announce-ip', 'slave-announce-ip', M, ''),
  str('masteruser', undefined, M, ''),
  str('cluster-announce-ip', undefined, M, ''),
  str('cluster-config-file', undefined, I, 'nodes.conf'),
  str('cluster-announce-hostname', undefined, M, '', { check: checkAnnouncedHostname }),
  str('syslog-ident', undefined, I, 'redis'),
  str('dbfilename', undefined, PROTECTED, 'dump.rdb', {
    check: (v) => (isBaseName(v) ? null : "dbfilename can't be a path, just a filename"),
  }),
  str('appendfilename', undefined, I, 'appendonly.aof', {
    check: (v) =>
      v === '' ? "appendfilename can't be empty" : isBaseName(v) ? null : "appendfilename can't be a path, just a filename",
  }),
  str('appenddirname', undefined, I, 'appendonlydir', {
    check: (v) =>
      v === '' ? "appenddirname can't be empty" : isBaseName(v) ? null : "appenddirname can't be a path, just a dirname",
  }),
  str('server_cpulist', undefined, I, ''),
  str('bio_cpulist', undefined, I, ''),
  str('aof_rewrite_cpulist', undefined, I, ''),
  str('bgsave_cpulist', undefined, I, ''),
  str('ignore-warnings', undefined, M, ''),
  str('proc-title-template', undefined, M, '{title} {listen-addr} {server-mode}', {
    check: (v, cfg) => (validProcTitleTemplate(v, cfg) ? null : 'template format is invalid or contains unknown variables'),
  }),
  str('bind-source-addr', undefined, M, ''),
  str('logfile', undefined, I, ''),
  str('masterauth', undefined, M, ''),
  str('requirepass', undefined, M, ''),

  /* Enum configs */
  enm('supervised', I, SUPERVISED, 0),
  enm('syslog-facility', I, SYSLOG_FACILITY, 128),
  enm('repl-diskless-load', DENY_LOADING, REPL_DISKLESS_LOAD, 0),
  enm('loglevel', M, LOGLEVEL, 2),
  enm('maxmemory-policy', M, MAXMEMORY_POLICY, 7 << 8),
  enm('appendfsync', M, AOF_FSYNC, 2),
  enm('oom-score-adj', M, OOM_SCORE_ADJ, 0),
  enm('acl-pubsub-default', M, ACL_PUBSUB_DEFAULT, 0),
  enm('sanitize-dump-payload', M, SANITIZE_DUMP_PAYLOAD, 0),
  enm('enable-protected-configs', I, PROTECTED_ACTION, 0),
  enm('enable-debug-command', I, PROTECTED_ACTION, 0),
  enm('enable-module-command', I, PROTECTED_ACTION, 0),
  enm('cluster-preferred-endpoint-type', M, CLUSTER_PREFERRED_ENDPOINT_TYPE, 0),
  enm('propagation-error-behavior', M, PROPAGATION_ERROR_BEHAVIOR, 0),
  enm('shutdown-on-sigint', MULTI_ARG, SHUTDOWN_ON_SIG, 0, { check: checkShutdownFlags }),
  enm('shutdown-on-sigterm', MULTI_ARG, SHUTDOWN_ON_SIG, 0, { check: checkShutdownFlags }),

  /* Integer configs */
  num('int', 'databases', undefined, I, 1n, INT_MAX, 16n),
  num('int', 'port', undefined, M, 0n, 65535n, 6379n),
  num('int', 'io-threads', undefined, I, 1n, 128n, 1n),
  num('int', 'auto-aof-rewrite-percentage', undefined, M, 0n, INT_MAX, 100n),
  num('int', 'cluster-replica-validity-factor', 'cluster-slave-validity-factor', M, 0n, INT_MAX, 10n),
  num('int', 'list-max-listpack-size', 'list-max-ziplist-size', M, INT_MIN, INT_MAX, -2n),
  num('int', 'tcp-keepalive', undefined, M, 0n, INT_MAX, 300n),
  num('int', 'cluster-migration-barrier', undefined, M, 0n, INT_MAX, 1n),
  num('int', 'active-defrag-cycle-min', undefined, M, 1n, 99n, 1n),
  num('int', 'active-defrag-cycle-max', undefined, M, 1n, 99n, 25n),
  num('int', 'active-defrag-threshold-lower', undefined, M, 0n, 1000n, 10n),
  num('int', 'active-defrag-threshold-upper', undefined, M, 0n, 1000n, 100n),
  num('int', 'lfu-log-factor', undefined, M, 0n, INT_MAX, 10n),
  num('int', 'lfu-decay-time', undefined, M, 0n, INT_MAX, 1n),
  num('int', 'replica-priority', 'slave-priority', M, 0n, INT_MAX, 100n),
  num('int', 'repl-diskless-sync-delay', undefined, M, 0n, INT_MAX, 5n),
  num('int', 'maxmemory-samples', undefined, M, 1n, INT_MAX, 5n),
  num('int', 'maxmemory-eviction-tenacity', undefined, M, 0n, 100n, 10n),
  num('int', 'timeout', undefined, M, 0n, INT_MAX, 0n),
  num('int', 'replica-announce-port', 'slave-announce-port', M, 0n, 65535n, 0n),
  num('int', 'tcp-backlog', undefined, I, 0n, INT_MAX, 511n),
  num('int', 'cluster-port', undefined, I, 0n, 65535n, 0n),
  num('int', 'cluster-announce-bus-port', undefined, M, 0n, 65535n, 0n),
  num('int', 'cluster-announce-port', undefined, M, 0n, 65535n, 0n),
  num('int', 'cluster-announce-tls-port', undefined, M, 0n, 65535n, 0n),
  num('int', 'repl-timeout', undefined, M, 1n, INT_MAX, 60n),
  num('int', 'repl-ping-replica-period', 'repl-ping-slave-period', M, 1n, INT_MAX, 10n),
  num('int', 'list-compress-depth', undefined, M, 0n, INT_MAX, 0n),
  num('int', 'rdb-key-save-delay', undefined, H, INT_MIN, INT_MAX, 0n),
  num('int', 'key-load-delay', undefined, H, INT_MIN, INT_MAX, 0n),
  num('int', 'active-expire-effort', undefined, M, 1n, 10n, 1n),
  num('int', 'hz', undefined, M, 0n, INT_MAX, 10n, 'integer', 'hz'),
  num('int', 'min-replicas-to-write', 'min-slaves-to-write', M, 0n, INT_MAX, 0n),
  num('int', 'min-replicas-max-lag', 'min-slaves-max-lag', M, 0n, INT_MAX, 10n),
  num('int', 'watchdog-period', undefined, H, 0n, INT_MAX, 0n),
  num('int', 'shutdown-timeout', undefined, M, 0n, INT_MAX, 10n),
  num('int', 'repl-diskless-sync-max-replicas', undefined, M, 0n, INT_MAX, 0n),

  /* Unsigned int configs */
  num('uint', 'maxclients', undefined, M, 1n, UINT_MAX, 10000n),
  num('uint', 'unixsocketperm', undefined, I, 0n, 0o777n, 0n, 'octal'),
  num('uint', 'socket-mark-id', undefined, I, 0n, UINT_MAX, 0n),

  /* Unsigned long configs */
  num('ulong', 'active-defrag-max-scan-fields', undefined, M, 1n, LONG_MAX, 1000n),
  num('ulong', 'slowlog-max-len', undefined, M, 0n, LONG_MAX, 128n),
  num('ulong', 'acllog-max-len', undefined, M, 0n, LONG_MAX, 128n),

  /* Long long configs */
  num('llong', 'busy-reply-threshold', 'lua-time-limit', M, 0n, LONG_MAX, 5000n),
  num('llong', 'cluster-node-timeout', undefined, M, 0n, LLONG_MAX, 15000n),
  num('llong', 'slowlog-log-slower-than', undefined, M, -1n, LLONG_MAX, 10000n),
  num('llong', 'latency-monitor-threshold', undefined, M, 0n, LLONG_MAX, 0n),
  num('llong', 'proto-max-bulk-len', undefined, M, MB, LONG_MAX, 512n * MB, 'memory'),
  num('llong', 'stream-node-max-entries', undefined, M, 0n, LLONG_MAX, 100n),
  num('llong', 'repl-backlog-size', undefined, M, 1n, LLONG_MAX, MB, 'memory', 'backlog'),

  /* Unsigned long long configs */
  num('ullong', 'maxmemory', undefined, M, 0n, ULLONG_MAX, 0n, 'memory'),
  num('ullong', 'cluster-link-sendbuf-limit', undefined, M, 0n, ULLONG_MAX, 0n, 'memory'),

  /* Size_t configs */
  num('size_t', 'hash-max-listpack-entries', 'hash-max-ziplist-entries', M, 0n, LONG_MAX, 512n),
  num('size_t', 'set-max-intset-entries', undefined, M, 0n, LONG_MAX, 512n),
  num('size_t', 'zset-max-listpack-entries', 'zset-max-ziplist-entries', M, 0n, LONG_MAX, 128n),
  num('size_t', 'active-defrag-ignore-bytes', undefined, M, 1n, LLONG_MAX, 100n * MB, 'memory'),
  num('size_t', 'hash-max-listpack-value', 'hash-max-ziplist-value', M, 0n, LONG_MAX, 64n, 'memory'),
  num('size_t', 'stream-node-max-bytes', undefined, M, 0n, LONG_MAX, 4096n, 'memory'),
  num('size_t', 'zset-max-listpack-value', 'zset-max-ziplist-value', M, 0n, LONG_MAX, 64n, 'memory'),
  num('size_t', 'hll-sparse-max-bytes', undefined, M, 0n, LONG_MAX, 3000n, 'memory'),
  num('size_t', 'tracking-table-max-keys', undefined, M, 0n, LONG_MAX, 1000000n),
  num('size_t', 'client-query-buffer-limit', undefined, M, MB, LONG_MAX, 1024n * MB, 'memory'),
  num('ssize_t', 'maxmemory-clients', undefined, M, -100n, SSIZE_MAX, 0n, 'memoryPercent'),

  /* Other configs */
  num('time_t', 'repl-backlog-ttl', undefined, M, 0n, LONG_MAX, 3600n),
  num('off_t', 'auto-aof-rewrite-min-size', undefined, M, 0n, LLONG_MAX, 64n * MB, 'memory'),
  num('off_t', 'loading-process-events-interval-bytes', undefined, H, 1024n, INT_MAX, 2n * MB),

  /* TLS (USE_OPENSSL) */
  num('int', 'tls-port', undefined, M, 0n, 65535n, 0n, 'integer', 'tlsPort'),
  num('int', 'tls-session-cache-size', undefined, M, 0n, INT_MAX, 20n * 1024n, 'integer', 'tls'),
  num('int', 'tls-session-cache-timeout', undefined, M, 0n, INT_MAX, 300n, 'integer', 'tls'),
  bool('tls-cluster', undefined, M, false, { apply: 'tls' }),
  bool('tls-replication', undefined, M, false, { apply: 'tls' }),
  enm('tls-auth-clients', M, TLS_AUTH_CLIENTS, 1),
  bool('tls-prefer-server-ciphers', undefined, M, false, { apply: 'tls' }),
  bool('tls-session-caching', undefined, M, true, { apply: 'tls' }),
  str('tls-cert-file', undefined, VOLATILE, '', { apply: 'tls' }),
  str('tls-key-file', undefined, VOLATILE, '', { apply: 'tls' }),
  str('tls-key-file-pass', undefined, M, '', { apply: 'tls' }),
  str('tls-client-cert-file', undefined, VOLATILE, '', { apply: 'tls' }),
  str('tls-client-key-file', undefined, VOLATILE, '', { apply: 'tls' }),
  str('tls-client-key-file-pass', undefined, M, '', { apply: 'tls' }),
  str('tls-dh-params-file', undefined, VOLATILE, '', { apply: 'tls' }),
  str('tls-ca-cert-file', undefined, VOLATILE, '', { apply: 'tls' }),
  str('tls-ca-cert-dir', undefined, VOLATILE, '', { apply: 'tls' }),
  str('tls-protocols', undefined, M, '', { apply: 'tls' }),
  str('tls-ciphers', undefined, M, '', { apply: 'tls' }),
  str('tls-ciphersuites', undefined, M, '', { apply: 'tls' }),

  /* Special configs */
  { type: 'special', name: 'dir', flags: PROTECTED | DENY_LOADING, def: () => '/data', set: setDir },
  { type: 'special', name: 'save', flags: MULTI_ARG, def: () => '3600 1 300 100 60 10000', set: setSave },
  {
    type: 'special',
    name: 'client-output-buffer-limit',
    flags: MULTI_ARG,
    def: () => 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60',
    set: setClientOutputBufferLimit,
  },
  { type: 'special', name: 'oom-score-adj-values', flags: MULTI_ARG, def: () => '0 200 800', set: setOomScoreAdjValues },
  { type: 'special', name: 'notify-keyspace-events', flags: M, def: () => '', set: setNotifyKeyspaceEvents },
  { type: 'special', name: 'bind', flags: MULTI_ARG, def: () => '* -::*', set: setBind, apply: 'bind' },
  { type: 'special', name: 'replicaof', alias: 'slaveof', flags: IMMUTABLE | MULTI_ARG, def: () => '', set: setReplicaOf },
  {
    type: 'special',
    name: 'latency-tracking-info-percentiles',
    flags: MULTI_ARG,
    def: () => '50 99 99.9',
    set: setLatencyPercentiles,
  },
];

/**
 * The runtime dictionary of config.c (registerConfigValue): every name and
 * every alias is its own entry, looked up case-insensitively. Two entries of
 * one parameter are distinct for CONFIG SET's duplicate check and both show
 * up in a CONFIG GET glob.
 */
interface Entry {
  key: string;
  spec: Spec;
}

const ENTRIES: readonly Entry[] = SPECS.flatMap((spec) =>
  spec.alias ? [{ key: spec.name, spec }, { key: spec.alias, spec }] : [{ key: spec.name, spec }],
);
const BY_KEY: ReadonlyMap<string, Entry> = new Map(ENTRIES.map((e) => [e.key, e]));

function lookup(name: string): Entry | undefined {
  return BY_KEY.get(asciiLower(name));
}

/** Every canonical parameter name, in config.c's table order. */
export const CONFIG_NAMES: readonly string[] = SPECS.map((s) => s.name);

/**
 * Parameters that take several arguments (MULTI_ARG_CONFIG in config.c):
 * CONFIG GET joins them with spaces, redis.conf lists them as separate words
 * (`save 3600 1 300 100`). Export and import read them from here.
 */
export const MULTI_ARG_CONFIGS: ReadonlySet<string> = new Set(SPECS.filter((s) => (s.flags & MULTI_ARG) !== 0).map((s) => s.name));

// ---------------------------------------------------------------------------
// C parsing helpers.

/** isspace() in the C locale. */
function isCSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/**
 * strtoll(s, &end, base) for base 8 or 10: leading blanks and a sign are
 * skipped, the value saturates at LLONG_MIN/LLONG_MAX (ERANGE), and `end` is
 * 0 when no digit was read (endptr left at the start of the string), so the
 * usual `*end == '\0'` test accepts "" as 0 but refuses "  " or "+".
 */
function strtoll(s: string, base: 8n | 10n): { value: bigint; end: number; overflow: boolean } {
  let i = 0;
  while (i < s.length && isCSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const start = i;
  let v = 0n;
  while (i < s.length && isDigit(s[i]) && BigInt(s.charCodeAt(i) - 48) < base) {
    v = v * base + BigInt(s.charCodeAt(i) - 48);
    i++;
  }
  if (i === start) return { value: 0n, end: 0, overflow: false };
  if (neg) v = -v;
  if (v > LLONG_MAX) return { value: LLONG_MAX, end: i, overflow: true };
  if (v < LLONG_MIN) return { value: LLONG_MIN, end: i, overflow: true };
  return { value: v, end: i, overflow: false };
}

/** strtoll(s, &eptr, 10) followed by the usual `*eptr == '\0'` test; null when it fails. */
function strtollWhole(s: string): bigint | null {
  const r = strtoll(s, 10n);
  return r.end === s.length ? r.value : null;
}

const MEM_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['', 1n],
  ['b', 1n],
  ['k', 1000n],
  ['kb', 1024n],
  ['m', 1000n * 1000n],
  ['mb', 1024n * 1024n],
  ['g', 1000n * 1000n * 1000n],
  ['gb', 1024n * 1024n * 1024n],
]);

/**
 * memtoull (util.c): digits then an optional unit. No sign or blanks are
 * allowed, an empty digit run reads as 0 ("" and "mb" are 0), an overlong
 * number saturates at ULLONG_MAX (strtoull) and the multiplication wraps
 * around like C unsigned arithmetic. Null when refused.
 */
function memtoull(s: string): bigint | null {
  if (s.startsWith('-')) return null;
  let i = 0;
  while (i < s.length && isDigit(s[i])) i++;
  const mul = MEM_UNITS.get(asciiLower(s.slice(i)));
  if (mul === undefined) return null;
  if (i >= 128) return null;
  let v = i === 0 ? 0n : BigInt(s.slice(0, i));
  if (v > ULLONG_MAX) v = ULLONG_MAX;
  return (v * mul) % U64;
}

/** string2d (util.c): strtod over the whole string, no leading blank, no NaN, no overflow/underflow. */
function string2d(s: string): number | null {
  if (s.length === 0 || isCSpace(s[0])) return null;
  if (/^[+-]?nan(\([0-9A-Za-z_]*\))?$/i.test(s)) return null;
  if (/^[+-]?inf(inity)?$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(s);
  if (hex) {
    const int = hex[2];
    const frac = hex[3] ?? '';
    if (int === '' && frac === '') return null;
    const mant = Number.parseInt(int + frac || '0', 16);
    const v = mant * 2 ** (Number(hex[4] ?? '0') - 4 * frac.length);
    if (!Number.isFinite(v) || (v === 0 && /[1-9a-fA-F]/.test(int + frac))) return null;
    return hex[1] === '-' ? -v : v;
  }
  const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.exec(s);
  if (!m) return null;
  const v = Number(s);
  // ERANGE: overflow to HUGE_VAL, or underflow all the way to zero.
  if (!Number.isFinite(v) || (v === 0 && /[1-9]/.test(m[1]))) return null;
  return v;
}

/** printf("%f") then trimDoubleString (util.c): "99.990000" -> "99.99", "100.000000" -> "100". */
function formatPercentile(v: number): string {
  let s = Object.is(v, -0) ? '-0.000000' : v.toFixed(6);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/**
 * sdssplitargs (sds.c): words separated by blanks; "double quotes" take the
 * escapes \n \r \t \b \a \xHH and \<any>; 'single quotes' take only \'. A
 * closing quote must be followed by a blank or the end. Null on unbalanced
 * quotes (Redis: "Unbalanced quotes in configuration line"). Used for config
 * values and, by the importer, for whole redis.conf lines.
 */
export function sdssplitargs(line: string): string[] | null {
  const out: string[] = [];
  let p = 0;
  const at = (i: number): string => (i < line.length ? line[i] : '\0');
  const isHex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);
  for (;;) {
    while (p < line.length && isCSpace(line[p])) p++;
    if (p >= line.length) return out;
    let cur = '';
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inq) {
        if (c === '\\' && at(p + 1) === 'x' && isHex(at(p + 2)) && isHex(at(p + 3))) {
          cur += String.fromCharCode(Number.parseInt(at(p + 2) + at(p + 3), 16));
          p += 3;
        } else if (c === '\\' && p + 1 < line.length) {
          p++;
          const e = line[p];
          cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === '"') {
          if (p + 1 < line.length && !isCSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= line.length) {
          return null;
        } else {
          cur += c;
        }
      } else if (insq) {
        if (c === '\\' && at(p + 1) === "'") {
          p++;
          cur += "'";
        } else if (c === "'") {
          if (p + 1 < line.length && !isCSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= line.length) {
          return null;
        } else {
          cur += c;
        }
      } else if (p >= line.length || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\0') {
        // A NUL ends the word as it ends the C string.
        done = true;
      } else if (c === '"') {
        inq = true;
      } else if (c === "'") {
        insq = true;
      } else {
        cur += c;
      }
      if (p < line.length) p++;
    }
    out.push(cur);
  }
}

/** sdssplitlen(value, " "): what CONFIG SET feeds a multi-argument config; "" gives no argument. */
function splitOnSpaces(value: string): string[] {
  return value === '' ? [] : value.split(' ');
}

// ---------------------------------------------------------------------------
// Per-type set functions.

function setBool(spec: BoolSpec, argv: string[]): SetResult {
  const a = asciiLower(argv[0] ?? '');
  const yn = a === 'yes' ? true : a === 'no' ? false : null;
  if (yn === null) return { error: "argument must be 'yes' or 'no'" };
  const bad = spec.check?.(yn);
  if (bad) return { error: bad };
  return { value: yn ? 'yes' : 'no' };
}

function setString(spec: StringSpec, argv: string[], ctx: SetCtx): SetResult {
  const v = argv[0] ?? '';
  const bad = spec.check?.(v, ctx.cfg);
  if (bad) return { error: bad };
  return { value: v };
}

/** configEnumGetValue: one name, or for a multi-argument enum several OR-ed together. */
function enumValue(spec: EnumSpec, argv: string[]): number | null {
  const bitflags = (spec.flags & MULTI_ARG) !== 0;
  if (argv.length === 0 || (!bitflags && argv.length !== 1)) return null;
  let values = 0;
  for (const a of argv) {
    const lower = asciiLower(a);
    let matched = false;
    for (const [name, val] of spec.values) {
      if (name === lower) {
        values |= val;
        matched = true;
      }
    }
    if (!matched) return null;
  }
  return values;
}

/** configEnumGetName: the first exact match, else (bit flags) the names covering the bits. */
function enumName(spec: EnumSpec, values: number): string {
  const bitflags = (spec.flags & MULTI_ARG) !== 0;
  const names: string[] = [];
  let unmatched = values;
  for (const [name, val] of spec.values) {
    if (values === val) return name;
    if (bitflags && val && val === (unmatched & val)) {
      names.push(name);
      unmatched &= ~val;
    }
  }
  return names.length === 0 || unmatched ? 'unknown' : names.join(' ');
}

function setEnum(spec: EnumSpec, argv: string[]): SetResult {
  const v = enumValue(spec, argv);
  if (v === null) return { error: `argument(s) must be one of the following: ${spec.values.map(([n]) => n).join(', ')}` };
  const bad = spec.check?.(v);
  if (bad) return { error: bad };
  return { value: enumName(spec, v) };
}

function checkShutdownFlags(v: number): string | null {
  return v & 2 && v & 1 ? "shutdown options SAVE and NOSAVE can't be used simultaneously" : null;
}

const UNSIGNED: ReadonlySet<CType> = new Set<CType>(['ullong', 'uint', 'size_t']);

/** numericParseString: the value as the C `long long` the setter sees, or the refusal text. */
function parseNumeric(spec: NumSpec, s: string): bigint | string {
  if (spec.fmt === 'memory' || spec.fmt === 'memoryPercent') {
    const m = memtoull(s);
    if (m !== null) return BigInt.asIntN(64, m);
  }
  if (spec.fmt === 'memoryPercent' && s.length > 1 && s.endsWith('%')) {
    const p = string2ll(s.slice(0, -1));
    // Stored negated: -10 means 10%.
    if (p !== null && p >= 0n) return -p;
  }
  if (spec.fmt === 'octal') {
    const r = strtoll(s, 8n);
    if (!r.overflow && r.end === s.length) return r.value;
  }
  if (spec.fmt === 'integer') {
    const v = string2ll(s);
    if (v !== null) return v;
  }
  if (spec.fmt === 'memoryPercent') return 'argument must be a memory or percent value';
  if (spec.fmt === 'memory') return 'argument must be a memory value';
  if (spec.fmt === 'octal') return "argument couldn't be parsed as an octal number";
  return "argument couldn't be parsed into an integer";
}

/** numericBoundaryCheck: unsigned types compare as unsigned, so -1 is a huge number there. */
function checkBounds(spec: NumSpec, ll: bigint): string | null {
  if (UNSIGNED.has(spec.ctype)) {
    const u = BigInt.asUintN(64, ll);
    const lo = BigInt.asUintN(64, spec.lo);
    if (u > spec.hi || u < lo) {
      return spec.fmt === 'octal'
        ? `argument must be between ${lo.toString(8)} and ${spec.hi.toString(8)} inclusive`
        : `argument must be between ${lo} and ${spec.hi} inclusive`;
    }
    return null;
  }
  if (spec.fmt === 'memoryPercent' && ll < 0n) {
    return ll < spec.lo ? `percentage argument must be less or equal to ${-spec.lo}` : null;
  }
  if (ll > spec.hi || ll < spec.lo) return `argument must be between ${spec.lo} and ${spec.hi} inclusive`;
  return null;
}

/** numericConfigGet: how CONFIG GET prints the stored number. */
function formatNumeric(spec: NumSpec, v: bigint): string {
  if (spec.fmt === 'memoryPercent' && v < 0n) return `${-v}%`;
  if (spec.fmt === 'memory' || spec.fmt === 'memoryPercent') return BigInt.asUintN(64, v).toString();
  if (spec.fmt === 'octal') return BigInt.asUintN(64, v).toString(8);
  return v.toString();
}

function setNumeric(spec: NumSpec, argv: string[]): SetResult {
  const ll = parseNumeric(spec, argv[0] ?? '');
  if (typeof ll === 'string') return { error: ll };
  const bad = checkBounds(spec, ll);
  if (bad) return { error: bad };
  return { value: formatNumeric(spec, ll) };
}

function setSpec(spec: Spec, argv: string[], cur: string, ctx: SetCtx): SetResult {
  switch (spec.type) {
    case 'bool':
      return setBool(spec, argv);
    case 'string':
      return setString(spec, argv, ctx);
    case 'enum':
      return setEnum(spec, argv);
    case 'numeric':
      return setNumeric(spec, argv);
    case 'special':
      return spec.set(argv, cur, ctx);
  }
}

function defaultValue(spec: Spec, port: number): string {
  switch (spec.type) {
    case 'bool':
      return spec.def ? 'yes' : 'no';
    case 'string':
      return spec.def;
    case 'enum':
      return enumName(spec, spec.def);
    case 'numeric':
      return spec.name === 'port' ? String(port) : formatNumeric(spec, spec.def);
    case 'special':
      return spec.def(port);
  }
}

// ---------------------------------------------------------------------------
// Validity checks of string configs.

/** isValidAnnouncedHostname (config.c). */
function checkAnnouncedHostname(v: string): string | null {
  if (v.length >= NET_HOST_STR_LEN) return `Hostnames must be less than ${NET_HOST_STR_LEN} characters`;
  if (!/^[A-Za-z0-9.-]*$/.test(v)) return 'Hostnames may only contain alphanumeric characters, hyphens or dots';
  return null;
}

/**
 * validateProcTitleTemplate (server.c): sdstemplate expansion with an empty
 * {title} must succeed (known variables, balanced braces, "{{" for a brace)
 * and leave something once spaces are trimmed.
 */
function validProcTitleTemplate(t: string, cfg: Config): boolean {
  const variable = (name: string): string | null => {
    switch (name) {
      case 'title':
        return '';
      case 'listen-addr': {
        const port = cfg.port ?? '0';
        const tlsPort = cfg['tls-port'] ?? '0';
        if (port !== '0' || tlsPort !== '0') {
          const first = splitOnSpaces(cfg.bind ?? '')[0];
          return `${first || '*'}:${port !== '0' ? port : tlsPort}`;
        }
        return `unixsocket:${cfg.unixsocket ?? ''}`;
      }
      case 'server-mode':
        return cfg['cluster-enabled'] === 'yes' ? '[cluster]' : '';
      case 'config-file':
        // Nodes are started from the command line, without a config file.
        return '-';
      case 'port':
        return cfg.port ?? '0';
      case 'tls-port':
        return cfg['tls-port'] ?? '0';
      case 'unixsocket':
        return cfg.unixsocket ?? '';
      default:
        return null;
    }
  };
  let res = '';
  let p = 0;
  while (p < t.length) {
    const sv = t.indexOf('{', p);
    if (sv < 0) {
      res += t.slice(p);
      break;
    }
    res += t.slice(p, sv);
    if (sv + 1 >= t.length) return false;
    if (t[sv + 1] === '{') {
      res += '{';
      p = sv + 2;
      continue;
    }
    const ev = t.indexOf('}', sv + 1);
    if (ev < 0) return false;
    const value = variable(t.slice(sv + 1, ev));
    if (value === null) return false;
    res += value;
    p = ev + 1;
  }
  return res.replace(/^ +| +$/g, '') !== '';
}

// ---------------------------------------------------------------------------
// The simulated host's filesystem, for chdir (`dir`) and fopen (`logfile`).
// Redis refuses a `dir` that does not exist and a `logfile` it cannot open.

const HOST_DIRS: ReadonlySet<string> = new Set([
  '/',
  '/bin',
  '/data',
  '/dev',
  '/etc',
  '/home',
  '/root',
  '/run',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/local',
  '/usr/local/bin',
  '/var',
  '/var/lib',
  '/var/lib/redis',
  '/var/log',
  '/var/log/redis',
  '/var/run',
]);
const HOST_FILES: ReadonlySet<string> = new Set([
  '/dev/null',
  '/etc/hostname',
  '/etc/hosts',
  '/etc/passwd',
  '/usr/local/bin/redis-cli',
  '/usr/local/bin/redis-server',
]);

/** Walk `path` from `cwd` like the kernel: every step must be an existing directory. */
function resolveDir(cwd: string, path: string): { dir: string } | { errno: string } {
  if (path === '') return { errno: 'No such file or directory' };
  const parts = path.startsWith('/') ? [] : cwd.split('/').filter((c) => c !== '');
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      parts.pop();
      continue;
    }
    const next = `/${[...parts, c].join('/')}`;
    if (HOST_FILES.has(next)) return { errno: 'Not a directory' };
    if (!HOST_DIRS.has(next)) return { errno: 'No such file or directory' };
    parts.push(c);
  }
  return { dir: `/${parts.join('/')}` };
}

/** fopen(path, "a") relative to `cwd`: null when it would open, else strerror. */
function openForAppend(cwd: string, path: string): string | null {
  const slash = path.lastIndexOf('/');
  const parent = slash < 0 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
  const last = path.slice(slash + 1);
  const where = resolveDir(cwd, parent);
  if ('errno' in where) return where.errno;
  if (last === '' || last === '.' || last === '..') return 'Is a directory';
  const full = `${where.dir === '/' ? '' : where.dir}/${last}`;
  return HOST_DIRS.has(full) ? 'Is a directory' : null;
}

// ---------------------------------------------------------------------------
// Special configs (config.c set*Option / get*Option).

function setDir(argv: string[], cur: string): SetResult {
  if (argv.length !== 1) return { error: 'wrong number of arguments' };
  const r = resolveDir(cur, argv[0]);
  return 'errno' in r ? { error: r.errno } : { value: r.dir };
}

/**
 * setConfigSaveOption. A single "" clears the save points. At startup the
 * first `save` line replaces the defaults and later lines append to it;
 * CONFIG SET always replaces. Seconds must be >= 1 and changes >= 0
 * (strtoll, so "+5" is 5); `changes` is an int, so it wraps at 2^32.
 */
function setSave(argv0: string[], cur: string, ctx: SetCtx): SetResult {
  let argv = argv0;
  let points = cur === '' ? [] : cur.split(' ');
  if (argv.length === 1 && argv[0] === '') {
    points = [];
    argv = [];
  }
  if (argv.length % 2 === 1) return { error: 'Invalid save parameters' };
  const parsed: bigint[] = [];
  for (let j = 0; j < argv.length; j++) {
    const v = strtollWhole(argv[j]);
    if (v === null || (j % 2 === 0 && v < 1n) || (j % 2 === 1 && v < 0n)) return { error: 'Invalid save parameters' };
    parsed.push(v);
  }
  if (!ctx.boot) {
    points = [];
  } else if (!ctx.saveLoaded) {
    ctx.saveLoaded = true;
    points = [];
  }
  for (let j = 0; j < parsed.length; j += 2) points.push(String(parsed[j]), String(BigInt.asIntN(32, parsed[j + 1])));
  return { value: points.join(' ') };
}

const OBUF_CLASSES = ['normal', 'slave', 'pubsub'] as const;

/**
 * updateClientOutputBufferLimit: groups of <class> <hard> <soft> <seconds>;
 * only the classes named change. `replica` is accepted for `slave`, `master`
 * is refused. The seconds go through an int, so they wrap at 2^32.
 */
function setClientOutputBufferLimit(argv: string[], cur: string): SetResult {
  if (argv.length % 4 !== 0) return { error: 'Wrong number of arguments in buffer limit configuration.' };
  const tok = cur.split(' ');
  const limits = OBUF_CLASSES.map((_, i) => tok.slice(i * 4 + 1, i * 4 + 4));
  for (let j = 0; j < argv.length; j += 4) {
    const name = asciiLower(argv[j]);
    const cls = name === 'replica' ? 1 : OBUF_CLASSES.indexOf(name as (typeof OBUF_CLASSES)[number]);
    if (cls < 0) return { error: 'Invalid client class specified in buffer limit configuration.' };
    const hard = memtoull(argv[j + 1]);
    const soft = memtoull(argv[j + 2]);
    const secs = strtoll(argv[j + 3], 10n);
    const seconds = BigInt.asIntN(32, secs.value);
    if (hard === null || soft === null || seconds < 0n || secs.end !== argv[j + 3].length) {
      return { error: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
    }
    limits[cls] = [hard.toString(), soft.toString(), seconds.toString()];
  }
  return { value: OBUF_CLASSES.map((c, i) => `${c} ${limits[i].join(' ')}`).join(' ') };
}

function setOomScoreAdjValues(argv: string[]): SetResult {
  if (argv.length !== 3) return { error: 'wrong number of arguments' };
  const out: string[] = [];
  for (const a of argv) {
    const v = strtoll(a, 10n);
    if (v.end !== a.length || v.value < -2000n || v.value > 2000n) {
      return { error: 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.' };
    }
    out.push(v.value.toString());
  }
  return { value: out.join(' ') };
}

// notify.c: keyspaceEventsStringToFlags / keyspaceEventsFlagsToString.
const NOTIFY: ReadonlyMap<string, number> = new Map([
  ['K', 1 << 0],
  ['E', 1 << 1],
  ['g', 1 << 2],
  ['$', 1 << 3],
  ['l', 1 << 4],
  ['s', 1 << 5],
  ['h', 1 << 6],
  ['z', 1 << 7],
  ['x', 1 << 8],
  ['e', 1 << 9],
  ['t', 1 << 10],
  ['m', 1 << 11],
  ['d', 1 << 13],
  ['n', 1 << 14],
]);
/** NOTIFY_ALL: every class but key-miss (m) and new-key (n). */
const NOTIFY_ALL = ['g', '$', 'l', 's', 'h', 'z', 'x', 'e', 't', 'd'].reduce((a, c) => a | NOTIFY.get(c)!, 0);

function keyspaceEventsToString(flags: number): string {
  let res = '';
  if ((flags & NOTIFY_ALL) === NOTIFY_ALL) {
    // The "A" branch prints no class letter, so a set 'n' is not shown
    // (`CONFIG SET notify-keyspace-events An` reads back "A", verified 7.0.15).
    res += 'A';
  } else {
    for (const c of ['g', '$', 'l', 's', 'h', 'z', 'x', 'e', 't', 'd', 'n']) if (flags & NOTIFY.get(c)!) res += c;
  }
  for (const c of ['K', 'E', 'm']) if (flags & NOTIFY.get(c)!) res += c;
  return res;
}

function setNotifyKeyspaceEvents(argv: string[]): SetResult {
  if (argv.length !== 1) return { error: 'wrong number of arguments' };
  let flags = 0;
  for (const c of argv[0]) {
    if (c === 'A') flags |= NOTIFY_ALL;
    else {
      const f = NOTIFY.get(c);
      if (f === undefined) return { error: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." };
      flags |= f;
    }
  }
  return { value: keyspaceEventsToString(flags) };
}

function setBind(argv: string[]): SetResult {
  if (argv.length > CONFIG_BINDADDR_MAX) return { error: 'Too many bind addresses specified.' };
  // A single empty argument means no address at all.
  const addrs = argv.length === 1 && argv[0] === '' ? [] : argv;
  return { value: addrs.join(' ') };
}

/**
 * setConfigReplicaOfOption: "<host> <port>" or "no one". The port goes
 * through strtol into an int (so it wraps at 2^32) and must land in 0..65535;
 * CONFIG GET prints it back with %d ("0007" reads "7").
 */
function setReplicaOf(argv: string[]): SetResult {
  if (argv.length !== 2) return { error: 'wrong number of arguments' };
  if (asciiLower(argv[0]) === 'no' && asciiLower(argv[1]) === 'one') return { value: '' };
  const r = strtoll(argv[1], 10n);
  const port = BigInt.asIntN(32, r.value);
  if (port < 0n || port > 65535n || r.end !== argv[1].length) return { error: 'Invalid master port' };
  return { value: `${argv[0]} ${port}` };
}

function setLatencyPercentiles(argv: string[]): SetResult {
  const items = argv.length === 1 && argv[0] === '' ? [] : argv;
  const out: string[] = [];
  for (const a of items) {
    const v = string2d(a);
    if (v === null) return { error: 'Invalid latency-tracking-info-percentiles parameters' };
    if (v > 100 || v < 0) return { error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' };
    out.push(formatPercentile(v));
  }
  return { value: out.join(' ') };
}

// ---------------------------------------------------------------------------
// The simulated host's network: every node runs on 127.0.0.1, so only the
// wildcard and loopback addresses can be bound. A leading '-' marks an
// address as optional: failing to bind it is not an error (listenToPort).

function bindable(addr: string): boolean {
  return (
    addr === '*' ||
    addr === '::*' ||
    addr === '0.0.0.0' ||
    addr === '::' ||
    addr === '::1' ||
    addr === 'localhost' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(addr)
  );
}

/** listenToPort over the `bind` value: how many sockets listen, or null when a mandatory address fails. */
function listenCount(bind: string): number | null {
  let n = 0;
  for (const raw of splitOnSpaces(bind)) {
    const optional = raw.startsWith('-');
    const addr = optional ? raw.slice(1) : raw;
    if (bindable(addr)) n++;
    else if (!optional) return null;
  }
  return n;
}

/** The TLS context needs certificate files the simulated host does not have. */
function tlsWanted(cfg: Config): boolean {
  return cfg['tls-port'] !== '0' || cfg['tls-replication'] === 'yes' || cfg['tls-cluster'] === 'yes';
}

const TLS_APPLY_ERROR = 'Unable to update TLS configuration. Check server logs.';

/** The apply step of CONFIG SET (the update and apply functions of config.c): may adjust or refuse. */
function runApply(apply: Apply, cfg: Config): string | null {
  switch (apply) {
    case 'hz': {
      // updateHZ: hz is a hint, out-of-range values are capped, not refused.
      const hz = BigInt(cfg.hz);
      cfg.hz = String(hz < CONFIG_MIN_HZ ? CONFIG_MIN_HZ : hz > CONFIG_MAX_HZ ? CONFIG_MAX_HZ : hz);
      return null;
    }
    case 'backlog':
      // updateReplBacklogSize -> resizeReplicationBacklog raises it to 16kb.
      if (BigInt(cfg['repl-backlog-size']) < BigInt(REPL_BACKLOG_MIN_SIZE)) cfg['repl-backlog-size'] = String(REPL_BACKLOG_MIN_SIZE);
      return null;
    case 'bind':
      // applyBind -> changeBindAddr re-listens on every address.
      if (cfg.port !== '0' && listenCount(cfg.bind) === null) return 'Failed to bind to specified addresses.';
      return null;
    case 'tls':
      return tlsWanted(cfg) ? TLS_APPLY_ERROR : null;
    case 'tlsPort':
      return TLS_APPLY_ERROR;
  }
}

// ---------------------------------------------------------------------------
// Public API.

/** A node's configuration before any startup option: Redis' defaults, `port` as given. */
export function defaultConfig(port: number): Config {
  const cfg: Config = {};
  for (const spec of SPECS) cfg[spec.name] = defaultValue(spec, port);
  return cfg;
}

/** Directives loadServerConfigFromString accepts and ignores (kept for old config files). */
const DEPRECATED: ReadonlySet<string> = new Set(['list-max-ziplist-entries', 'list-max-ziplist-value', 'lua-replicate-commands']);

/**
 * Apply the startup configuration, in order, like `redis-server --name value`
 * lines appended to a config file (loadServerConfigFromString, then the
 * listening checks of initServer). Returns the reason Redis gives when it
 * refuses to start, else null.
 *
 * Values go through the same set functions as CONFIG SET but none of CONFIG
 * SET's apply steps run: `repl-backlog-size 100` stays 100 (only `hz` is
 * capped, at the end of loading). Immutable and protected parameters may be
 * set here.
 */
export function applyBootConfig(cfg: Config, pairs: [string, string][]): string | null {
  const ctx: SetCtx = { boot: true, saveLoaded: false, cfg };
  for (const [rawName, value] of pairs) {
    const name = asciiLower(rawName);
    const entry = BY_KEY.get(name);
    if (entry) {
      const { spec } = entry;
      // A multi-argument option given as one non-empty string is split like a config line.
      const argv = spec.flags & MULTI_ARG && value !== '' ? (sdssplitargs(value) ?? []) : [value];
      const r = setSpec(spec, argv, cfg[spec.name], ctx);
      if ('error' in r) return r.error;
      cfg[spec.name] = r.value;
      continue;
    }
    if (DEPRECATED.has(name)) continue;
    if (name === 'include') return `Fatal error, can't open config file '${value}': No such file or directory`;
    if (name === 'loadmodule') return `Can't load module from ${value}: server aborting`;
    if (name === 'sentinel') return 'sentinel directive while not in sentinel mode';
    // A dotted name is a module's config; with no module loaded Redis aborts.
    if (name.includes('.')) return 'Module Configuration detected without loadmodule directive or no ApplyConfig call: aborting';
    // `rename-command` needs two arguments, and ACL `user` lines are not simulated.
    return 'Bad directive or wrong number of arguments';
  }
  if (cfg.logfile !== '') {
    const e = openForAppend(cfg.dir, cfg.logfile);
    if (e) return `Can't open the log file: ${e}`;
  }
  if (cfg['cluster-enabled'] === 'yes' && cfg.replicaof !== '') return 'replicaof directive not allowed in cluster mode';
  runApply('hz', cfg);
  // initServer
  if (tlsWanted(cfg)) return 'Failed to configure TLS. Check logs for more info.';
  let listening = 0;
  if (cfg.port !== '0') {
    const n = listenCount(cfg.bind);
    if (n === null) return `Failed listening on port ${cfg.port} (TCP), aborting.`;
    listening = n;
  }
  if (listening === 0 && cfg.unixsocket === '') return 'Configured to not listen anywhere, exiting.';
  return null;
}

/**
 * CONFIG GET pattern [pattern ...] as a flat name/value list. A plain name is
 * looked up case-insensitively and echoed as typed (an alias too); a glob
 * (any of `*?[`) matches, case-insensitively, every name and alias except the
 * hidden parameters. A name already listed, in any case, is not repeated.
 * Redis answers in hash-table order; here each glob lists in table order.
 */
export function configGet(cfg: Config, args: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const pattern of args) {
    if (!/[[*?]/.test(pattern)) {
      const key = asciiLower(pattern);
      if (seen.has(key)) continue;
      const entry = BY_KEY.get(key);
      if (entry) {
        seen.add(key);
        out.push(pattern, cfg[entry.spec.name] ?? '');
      }
      continue;
    }
    for (const entry of ENTRIES) {
      if (entry.spec.flags & HIDDEN || seen.has(entry.key)) continue;
      if (stringMatch(pattern, entry.key, true)) {
        seen.add(entry.key);
        out.push(entry.key, cfg[entry.spec.name] ?? '');
      }
    }
  }
  return out;
}

export interface ConfigSetOptions {
  /** The node is loading a dataset: parameters flagged DENY_LOADING are refused. */
  loading?: boolean;
  /**
   * The client is local (loopback or unix socket), which `enable-protected-configs local`
   * allows. Defaults to true: every simulated node and client is on 127.0.0.1.
   */
  localClient?: boolean;
}

export type ConfigSetResult = { ok: true; changed: string[] } | { ok: false; error: string };

/** addReplyErrorFormat: CR/LF cannot travel inside an error line. */
function errorLine(s: string): string {
  return s.replace(/^[\r\n]+|[\r\n]+$/g, '').replace(/[\r\n]/g, ' ');
}

/**
 * CONFIG SET name value [name value ...] (configSetCommand): all pairs are
 * checked first (unknown name, immutable, protected, loading, duplicate: the
 * first problem wins), then every value is set, then the apply steps run;
 * any failure leaves the configuration as it was. `changed` lists the
 * canonical names whose CONFIG GET value differs afterwards.
 */
export function configSet(cfg: Config, args: string[], opts: ConfigSetOptions = {}): ConfigSetResult {
  const fail = (error: string): ConfigSetResult => ({ ok: false, error: errorLine(error) });
  if (args.length % 2 === 1) return fail('ERR syntax error');

  const entries: Entry[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const typed = args[i];
    const entry = lookup(typed);
    if (!entry) return fail(`ERR Unknown option or number of arguments for CONFIG SET - '${typed}'`);
    const { flags } = entry.spec;
    const allowProtected =
      cfg['enable-protected-configs'] === 'yes' || (cfg['enable-protected-configs'] === 'local' && opts.localClient !== false);
    if (flags & IMMUTABLE || (flags & PROTECTED && !allowProtected)) {
      const why = flags & IMMUTABLE ? "can't set immutable config" : "can't set protected config";
      return fail(`ERR CONFIG SET failed (possibly related to argument '${typed}') - ${why}`);
    }
    if (opts.loading && flags & DENY_LOADING) return fail('LOADING Redis is loading the dataset in memory');
    // An alias and its parameter are different entries: setting both is no duplicate.
    if (entries.includes(entry)) return fail(`ERR CONFIG SET failed (possibly related to argument '${typed}') - duplicate parameter`);
    entries.push(entry);
  }

  const work: Config = { ...cfg };
  const ctx: SetCtx = { boot: false, saveLoaded: false, cfg: work };
  const applies: { apply: Apply; key: string }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { spec, key } = entries[i];
    const value = args[i * 2 + 1];
    const argv = spec.flags & MULTI_ARG ? splitOnSpaces(value) : [value];
    const before = work[spec.name];
    const r = setSpec(spec, argv, before, ctx);
    if ('error' in r) return fail(`ERR CONFIG SET failed (possibly related to argument '${key}') - ${r.error}`);
    work[spec.name] = r.value;
    // set() returns 1 (apply needed) on a change; special and volatile configs always do,
    // except oom-score-adj-values which compares.
    const setReturnedOne =
      r.value !== before || spec.flags & VOLATILE || (spec.type === 'special' && spec.name !== 'oom-score-adj-values');
    if (setReturnedOne && spec.apply && !applies.some((a) => a.apply === spec.apply)) applies.push({ apply: spec.apply, key });
  }
  for (const { apply, key } of applies) {
    const e = runApply(apply, work);
    if (e) return fail(`ERR CONFIG SET failed (possibly related to argument '${key}') - ${e}`);
  }

  const changed: string[] = [];
  for (const spec of SPECS) {
    if (work[spec.name] !== cfg[spec.name]) {
      changed.push(spec.name);
      cfg[spec.name] = work[spec.name];
    }
  }
  return { ok: true, changed };
}

function canonical(name: string): string {
  const entry = lookup(name);
  if (!entry) throw new Error(`unknown config parameter ${name}`);
  return entry.spec.name;
}

/** A numeric parameter as a number (aliases accepted). Percent values (maxmemory-clients "10%") read as NaN. */
export function cfgInt(cfg: Config, name: string): number {
  // Hot path: the engine asks by canonical name; aliases take the table lookup.
  const v = cfg[name];
  return Number(v !== undefined ? v : cfg[canonical(name)]);
}

/** A yes/no parameter (aliases accepted). */
export function cfgBool(cfg: Config, name: string): boolean {
  const v = cfg[name];
  return (v !== undefined ? v : cfg[canonical(name)]) === 'yes';
}

/** The RDB save points of `save`, in order; empty when saving is disabled. */
export function cfgSavePoints(cfg: Config): { seconds: number; changes: number }[] {
  const t = splitOnSpaces(cfg.save ?? '');
  const out: { seconds: number; changes: number }[] = [];
  for (let j = 0; j + 1 < t.length; j += 2) out.push({ seconds: Number(t[j]), changes: Number(t[j + 1]) });
  return out;
}

/** The master this node replicates from (`replicaof`), or null on a master. */
export function cfgReplicaOf(cfg: Config): { host: string; port: number } | null {
  const v = cfg.replicaof ?? '';
  const sp = v.lastIndexOf(' ');
  if (v === '' || sp < 0) return null;
  return { host: v.slice(0, sp), port: Number(v.slice(sp + 1)) };
}
