// Behaviour of a node's configuration: CONFIG GET, CONFIG SET and the startup
// options. Every expected reply below was observed on a real Redis 7.0.15
// (Debian build, redis-cli against 127.0.0.1) or is quoted from the project's
// replication reference (sections 1.2 and 1.2a, also verified on 7.0.15).

import { describe, expect, it } from 'vitest';
import {
  applyBootConfig,
  type Config,
  cfgBool,
  cfgInt,
  cfgReplicaOf,
  cfgSavePoints,
  configGet,
  configSet,
  defaultConfig,
} from '../src/engine/server/config';

const PORT = 7000;

function fresh(): Config {
  return defaultConfig(PORT);
}

/** A node started with these options; fails the test if Redis would refuse to start. */
function booted(...pairs: [string, string][]): Config {
  const cfg = fresh();
  expect(applyBootConfig(cfg, pairs)).toBeNull();
  return cfg;
}

/** The reason a node refuses to start with these options. */
function bootError(...pairs: [string, string][]): string | null {
  return applyBootConfig(fresh(), pairs);
}

const get = (cfg: Config, ...patterns: string[]): string[] => configGet(cfg, patterns);

/** CONFIG GET of one plain name: its value. */
const value = (cfg: Config, name: string): string | undefined => configGet(cfg, [name])[1];

/** CONFIG SET, as the reply text: "OK" or the error line. */
function set(cfg: Config, ...args: string[]): string {
  const r = configSet(cfg, args);
  return r.ok ? 'OK' : r.error;
}

/** Redis lists glob matches in hash order: compare them as a set of pairs. */
function pairs(flat: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(`${flat[i]}=${flat[i + 1]}`);
  return out.sort();
}

const failed = (name: string, reason: string): string => `ERR CONFIG SET failed (possibly related to argument '${name}') - ${reason}`;

// `CONFIG GET *` on redis-server 7.0.15 (Debian), all 188 parameters and aliases
// whose default does not depend on the host (bind, dir, save and port are
// checked separately). name|value, one per line.
const REAL_DEFAULTS = `
acl-pubsub-default|resetchannels
aclfile|
acllog-max-len|128
active-defrag-cycle-max|25
active-defrag-cycle-min|1
active-defrag-ignore-bytes|104857600
active-defrag-max-scan-fields|1000
active-defrag-threshold-lower|10
active-defrag-threshold-upper|100
active-expire-effort|1
activedefrag|no
activerehashing|yes
always-show-logo|no
aof-disable-auto-gc|no
aof-load-truncated|yes
aof-rewrite-incremental-fsync|yes
aof-timestamp-enabled|no
aof-use-rdb-preamble|yes
aof_rewrite_cpulist|
appenddirname|appendonlydir
appendfilename|appendonly.aof
appendfsync|everysec
appendonly|no
auto-aof-rewrite-min-size|67108864
auto-aof-rewrite-percentage|100
bgsave_cpulist|
bind-source-addr|
bio_cpulist|
busy-reply-threshold|5000
client-output-buffer-limit|normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60
client-query-buffer-limit|1073741824
cluster-allow-pubsubshard-when-down|yes
cluster-allow-reads-when-down|no
cluster-allow-replica-migration|yes
cluster-announce-bus-port|0
cluster-announce-hostname|
cluster-announce-ip|
cluster-announce-port|0
cluster-announce-tls-port|0
cluster-config-file|nodes.conf
cluster-enabled|no
cluster-link-sendbuf-limit|0
cluster-migration-barrier|1
cluster-node-timeout|15000
cluster-port|0
cluster-preferred-endpoint-type|ip
cluster-replica-no-failover|no
cluster-replica-validity-factor|10
cluster-require-full-coverage|yes
cluster-slave-no-failover|no
cluster-slave-validity-factor|10
crash-log-enabled|yes
crash-memcheck-enabled|yes
daemonize|no
databases|16
dbfilename|dump.rdb
disable-thp|yes
dynamic-hz|yes
enable-debug-command|no
enable-module-command|no
enable-protected-configs|no
hash-max-listpack-entries|512
hash-max-listpack-value|64
hash-max-ziplist-entries|512
hash-max-ziplist-value|64
hll-sparse-max-bytes|3000
hz|10
ignore-warnings|
io-threads|1
io-threads-do-reads|no
jemalloc-bg-thread|yes
latency-monitor-threshold|0
latency-tracking|yes
latency-tracking-info-percentiles|50 99 99.9
lazyfree-lazy-eviction|no
lazyfree-lazy-expire|no
lazyfree-lazy-server-del|no
lazyfree-lazy-user-del|no
lazyfree-lazy-user-flush|no
lfu-decay-time|1
lfu-log-factor|10
list-compress-depth|0
list-max-listpack-size|-2
list-max-ziplist-size|-2
logfile|
loglevel|notice
lua-time-limit|5000
masterauth|
masteruser|
maxclients|10000
maxmemory|0
maxmemory-clients|0
maxmemory-eviction-tenacity|10
maxmemory-policy|noeviction
maxmemory-samples|5
min-replicas-max-lag|10
min-replicas-to-write|0
min-slaves-max-lag|10
min-slaves-to-write|0
no-appendfsync-on-rewrite|no
notify-keyspace-events|
oom-score-adj|no
oom-score-adj-values|0 200 800
pidfile|
proc-title-template|{title} {listen-addr} {server-mode}
propagation-error-behavior|ignore
protected-mode|yes
proto-max-bulk-len|536870912
rdb-del-sync-files|no
rdb-save-incremental-fsync|yes
rdbchecksum|yes
rdbcompression|yes
repl-backlog-size|1048576
repl-backlog-ttl|3600
repl-disable-tcp-nodelay|no
repl-diskless-load|disabled
repl-diskless-sync|yes
repl-diskless-sync-delay|5
repl-diskless-sync-max-replicas|0
repl-ping-replica-period|10
repl-ping-slave-period|10
repl-timeout|60
replica-announce-ip|
replica-announce-port|0
replica-announced|yes
replica-ignore-disk-write-errors|no
replica-ignore-maxmemory|yes
replica-lazy-flush|no
replica-priority|100
replica-read-only|yes
replica-serve-stale-data|yes
replicaof|
requirepass|
sanitize-dump-payload|no
server_cpulist|
set-max-intset-entries|512
set-proc-title|yes
shutdown-on-sigint|default
shutdown-on-sigterm|default
shutdown-timeout|10
slave-announce-ip|
slave-announce-port|0
slave-ignore-maxmemory|yes
slave-lazy-flush|no
slave-priority|100
slave-read-only|yes
slave-serve-stale-data|yes
slaveof|
slowlog-log-slower-than|10000
slowlog-max-len|128
socket-mark-id|0
stop-writes-on-bgsave-error|yes
stream-node-max-bytes|4096
stream-node-max-entries|100
supervised|no
syslog-enabled|no
syslog-facility|local0
syslog-ident|redis
tcp-backlog|511
tcp-keepalive|300
timeout|0
tls-auth-clients|yes
tls-ca-cert-dir|
tls-ca-cert-file|
tls-cert-file|
tls-ciphers|
tls-ciphersuites|
tls-client-cert-file|
tls-client-key-file|
tls-client-key-file-pass|
tls-cluster|no
tls-dh-params-file|
tls-key-file|
tls-key-file-pass|
tls-port|0
tls-prefer-server-ciphers|no
tls-protocols|
tls-replication|no
tls-session-cache-size|20480
tls-session-cache-timeout|300
tls-session-caching|yes
tracking-table-max-keys|1000000
unixsocket|
unixsocketperm|0
zset-max-listpack-entries|128
zset-max-listpack-value|64
zset-max-ziplist-entries|128
zset-max-ziplist-value|64
`;

describe('defaults', () => {
  it('CONFIG GET * lists every Redis 7.0.15 parameter and alias with its default value', () => {
    const expected = REAL_DEFAULTS.trim()
      .split('\n')
      .map((l) => l.replace('|', '='));
    expected.push('bind=* -::*', 'dir=/data', `port=${PORT}`, 'save=3600 1 300 100 60 10000');
    expect(pairs(get(fresh(), '*'))).toEqual(expected.sort());
  });

  it('CONFIG GET * returns 192 names without duplicates', () => {
    const names = get(fresh(), '*').filter((_, i) => i % 2 === 0);
    expect(names.length).toBe(192);
    expect(new Set(names).size).toBe(192);
  });

  it('the replication defaults are those of the reference table', () => {
    const cfg = fresh();
    expect(pairs(get(cfg, 'replica-read-only', 'repl-diskless-sync', 'repl-diskless-load', 'repl-backlog-size', 'repl-backlog-ttl'))).toEqual([
      'repl-backlog-size=1048576',
      'repl-backlog-ttl=3600',
      'repl-diskless-load=disabled',
      'repl-diskless-sync=yes',
      'replica-read-only=yes',
    ]);
    expect(value(cfg, 'save')).toBe('3600 1 300 100 60 10000');
    expect(value(cfg, 'min-replicas-max-lag')).toBe('10');
    expect(value(cfg, 'repl-diskless-sync-delay')).toBe('5');
  });

  it('CONFIG GET replicaof prints an empty string on a master', () => {
    expect(get(fresh(), 'replicaof')).toEqual(['replicaof', '']);
  });

  it('the port is the one the node was created with', () => {
    expect(get(defaultConfig(6390), 'port')).toEqual(['port', '6390']);
  });
});

describe('CONFIG GET', () => {
  it('an alias asked by name is echoed as asked', () => {
    expect(get(fresh(), 'slave-read-only')).toEqual(['slave-read-only', 'yes']);
  });

  it('a glob over aliases returns the alias names', () => {
    expect(pairs(get(fresh(), 'min-slaves*'))).toEqual(['min-slaves-max-lag=10', 'min-slaves-to-write=0']);
  });

  it('an unknown name gives an empty list', () => {
    expect(get(fresh(), 'nosuch')).toEqual([]);
  });

  it('a plain name is matched case-insensitively and echoed in the case it was typed', () => {
    expect(get(fresh(), 'PORT')).toEqual(['PORT', String(PORT)]);
  });

  it('the same name asked twice in different cases is listed once, as first typed', () => {
    expect(get(fresh(), 'PORT', 'port')).toEqual(['PORT', String(PORT)]);
    expect(get(fresh(), 'port', 'PORT')).toEqual(['port', String(PORT)]);
    expect(get(fresh(), 'PORT', 'p*t')).toEqual(['PORT', String(PORT)]);
  });

  it('several patterns in one CONFIG GET are all answered', () => {
    expect(pairs(get(fresh(), 'repl-t*', 'min-s*'))).toEqual(['min-slaves-max-lag=10', 'min-slaves-to-write=0', 'repl-timeout=60']);
  });

  it('glob ? matches one character, case-insensitively, and the answer uses the real name', () => {
    expect(get(fresh(), 'REPL-TIM?OUT')).toEqual(['repl-timeout', '60']);
  });

  it('glob character classes select names', () => {
    expect(pairs(get(fresh(), 'repl-[a-d]*'))).toEqual([
      'repl-backlog-size=1048576',
      'repl-backlog-ttl=3600',
      'repl-disable-tcp-nodelay=no',
      'repl-diskless-load=disabled',
      'repl-diskless-sync-delay=5',
      'repl-diskless-sync-max-replicas=0',
      'repl-diskless-sync=yes',
    ]);
  });

  it('hidden parameters are left out of globs but answer to their exact name', () => {
    expect(pairs(get(fresh(), '*delay*'))).toEqual(['repl-disable-tcp-nodelay=no', 'repl-diskless-sync-delay=5']);
    expect(get(fresh(), 'key-load-delay')).toEqual(['key-load-delay', '0']);
  });

  // Redis answers in hash order, which changes between processes; the simulation
  // answers plain names in the order asked and globs in config.c's table order.
  it('plain names come in the order asked and a glob in table order, aliases after their parameter', () => {
    expect(get(fresh(), 'replica-read-only', 'slave-read-only')).toEqual(['replica-read-only', 'yes', 'slave-read-only', 'yes']);
    expect(get(fresh(), '*-read-only')).toEqual(['replica-read-only', 'yes', 'slave-read-only', 'yes']);
  });
});

describe('CONFIG SET errors', () => {
  it('an odd number of arguments is a syntax error', () => {
    expect(set(fresh(), 'repl-timeout', '5', 'hz')).toBe('ERR syntax error');
  });

  it('an unknown parameter is reported as typed', () => {
    expect(set(fresh(), 'FOO', '1')).toBe("ERR Unknown option or number of arguments for CONFIG SET - 'FOO'");
  });

  it('an unknown name is reported before a bad value of an earlier pair', () => {
    expect(set(fresh(), 'repl-timeout', 'abc', 'FOO', '1')).toBe("ERR Unknown option or number of arguments for CONFIG SET - 'FOO'");
  });

  it('replicaof is immutable, reported with the name as typed', () => {
    expect(set(fresh(), 'replicaof', 'x')).toBe(failed('replicaof', "can't set immutable config"));
    expect(set(fresh(), 'REPLICAOF', 'x')).toBe(failed('REPLICAOF', "can't set immutable config"));
    expect(set(fresh(), 'replicaof', 'no one')).toBe(failed('replicaof', "can't set immutable config"));
  });

  it('the first problem among the names wins', () => {
    expect(set(fresh(), 'replicaof', 'x', 'foo', '1')).toBe(failed('replicaof', "can't set immutable config"));
    expect(set(fresh(), 'foo', '1', 'replicaof', 'x')).toBe("ERR Unknown option or number of arguments for CONFIG SET - 'foo'");
  });

  it('the same parameter twice is a duplicate parameter, named as typed the second time', () => {
    expect(set(fresh(), 'replica-read-only', 'yes', 'replica-read-only', 'no')).toBe(failed('replica-read-only', 'duplicate parameter'));
    expect(set(fresh(), 'replica-read-only', 'yes', 'REPLICA-READ-ONLY', 'no')).toBe(failed('REPLICA-READ-ONLY', 'duplicate parameter'));
  });

  it('a parameter and its alias in one CONFIG SET are not duplicates: the last one wins', () => {
    const cfg = fresh();
    expect(set(cfg, 'slave-read-only', 'yes', 'replica-read-only', 'no')).toBe('OK');
    expect(value(cfg, 'replica-read-only')).toBe('no');
  });

  it("a yes/no parameter refuses other words, naming the alias in lower case", () => {
    expect(set(fresh(), 'SLAVE-READ-ONLY', 'maybe')).toBe(failed('slave-read-only', "argument must be 'yes' or 'no'"));
    expect(set(fresh(), 'appendonly', 'on')).toBe(failed('appendonly', "argument must be 'yes' or 'no'"));
  });

  it('an integer parameter refuses text', () => {
    expect(set(fresh(), 'Repl-Timeout', 'x')).toBe(failed('repl-timeout', "argument couldn't be parsed into an integer"));
    expect(set(fresh(), 'min-replicas-to-write', 'abc')).toBe(failed('min-replicas-to-write', "argument couldn't be parsed into an integer"));
    expect(set(fresh(), 'replica-priority', 'abc')).toBe(failed('replica-priority', "argument couldn't be parsed into an integer"));
  });

  it('integer parameters refuse values outside their bounds', () => {
    const cfg = fresh();
    expect(set(cfg, 'repl-timeout', '0')).toBe(failed('repl-timeout', 'argument must be between 1 and 2147483647 inclusive'));
    expect(set(cfg, 'repl-ping-replica-period', '0')).toBe(failed('repl-ping-replica-period', 'argument must be between 1 and 2147483647 inclusive'));
    expect(set(cfg, 'repl-backlog-ttl', '-1')).toBe(failed('repl-backlog-ttl', 'argument must be between 0 and 9223372036854775807 inclusive'));
    expect(set(cfg, 'min-replicas-to-write', '-1')).toBe(failed('min-replicas-to-write', 'argument must be between 0 and 2147483647 inclusive'));
    expect(set(cfg, 'min-replicas-max-lag', '-1')).toBe(failed('min-replicas-max-lag', 'argument must be between 0 and 2147483647 inclusive'));
    expect(set(cfg, 'replica-announce-port', '65536')).toBe(failed('replica-announce-port', 'argument must be between 0 and 65535 inclusive'));
    expect(set(cfg, 'hz', '-1')).toBe(failed('hz', 'argument must be between 0 and 2147483647 inclusive'));
  });

  it('unsigned parameters see a negative value as a huge one', () => {
    expect(set(fresh(), 'maxclients', '-1')).toBe(failed('maxclients', 'argument must be between 1 and 4294967295 inclusive'));
    expect(set(fresh(), 'maxclients', '0')).toBe(failed('maxclients', 'argument must be between 1 and 4294967295 inclusive'));
  });

  it('memory parameters refuse a sign or words', () => {
    expect(set(fresh(), 'repl-backlog-size', '-1')).toBe(failed('repl-backlog-size', 'argument must be a memory value'));
    expect(set(fresh(), 'repl-backlog-size', 'abc')).toBe(failed('repl-backlog-size', 'argument must be a memory value'));
    expect(set(fresh(), 'repl-backlog-size', '+5')).toBe(failed('repl-backlog-size', 'argument must be a memory value'));
    expect(set(fresh(), 'maxmemory', '-1')).toBe(failed('maxmemory', 'argument must be a memory value'));
  });

  it('repl-backlog-size 0, an empty value, a bare unit and an overflow are out of range', () => {
    const range = failed('repl-backlog-size', 'argument must be between 1 and 9223372036854775807 inclusive');
    for (const v of ['0', '', 'mb', '99999999999999999999', '9223372036854775808']) expect(set(fresh(), 'repl-backlog-size', v)).toBe(range);
  });

  it('an enum parameter lists its accepted words', () => {
    expect(set(fresh(), 'repl-diskless-load', 'foo')).toBe(
      failed('repl-diskless-load', 'argument(s) must be one of the following: disabled, on-empty-db, swapdb'),
    );
    expect(set(fresh(), 'loglevel', 'foo')).toBe(failed('loglevel', 'argument(s) must be one of the following: debug, verbose, notice, warning'));
  });

  it('save refuses odd counts, seconds below 1 and negative changes', () => {
    const invalid = failed('save', 'Invalid save parameters');
    for (const v of ['3600 1 ', '100 1 200', '0 1', '1 -1']) expect(set(fresh(), 'save', v)).toBe(invalid);
  });

  it('dir and dbfilename are protected configs', () => {
    expect(set(fresh(), 'dir', '/tmp')).toBe(failed('dir', "can't set protected config"));
    expect(set(fresh(), 'dbfilename', 'x.rdb')).toBe(failed('dbfilename', "can't set protected config"));
  });

  it('immutable parameters other than replicaof are refused too', () => {
    expect(set(fresh(), 'unixsocketperm', '700')).toBe(failed('unixsocketperm', "can't set immutable config"));
    expect(set(fresh(), 'appendfilename', 'x')).toBe(failed('appendfilename', "can't set immutable config"));
  });

  it('activedefrag cannot be enabled on a build without the Redis jemalloc', () => {
    expect(set(fresh(), 'activedefrag', 'yes')).toBe(
      failed(
        'activedefrag',
        'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution',
      ),
    );
    expect(set(fresh(), 'activedefrag', 'no')).toBe('OK');
  });

  it('maxmemory-clients takes bytes or a percentage of at most 100', () => {
    expect(set(fresh(), 'maxmemory-clients', '-5')).toBe(failed('maxmemory-clients', 'argument must be a memory or percent value'));
    expect(set(fresh(), 'maxmemory-clients', '-5%')).toBe(failed('maxmemory-clients', 'argument must be a memory or percent value'));
    expect(set(fresh(), 'maxmemory-clients', '200%')).toBe(failed('maxmemory-clients', 'percentage argument must be less or equal to 100'));
    expect(set(fresh(), 'maxmemory-clients', '9223372036854775808')).toBe(
      failed('maxmemory-clients', 'percentage argument must be less or equal to 100'),
    );
  });

  it('notify-keyspace-events refuses an unknown class', () => {
    expect(set(fresh(), 'notify-keyspace-events', 'Q')).toBe(
      failed('notify-keyspace-events', "Invalid event class character. Use 'Ag$lshzxeKEtmdn'."),
    );
  });

  it('client-output-buffer-limit checks the groups of four', () => {
    expect(set(fresh(), 'client-output-buffer-limit', 'master 1 2 3')).toBe(
      failed('client-output-buffer-limit', 'Invalid client class specified in buffer limit configuration.'),
    );
    expect(set(fresh(), 'client-output-buffer-limit', 'normal 1 2')).toBe(
      failed('client-output-buffer-limit', 'Wrong number of arguments in buffer limit configuration.'),
    );
    const bad = failed('client-output-buffer-limit', 'Error in hard, soft or soft_seconds setting in buffer limit configuration.');
    expect(set(fresh(), 'client-output-buffer-limit', 'normal 1 2 -3')).toBe(bad);
    expect(set(fresh(), 'client-output-buffer-limit', 'normal 1 2 2147483648')).toBe(bad);
  });

  it('latency-tracking-info-percentiles refuses non-numbers and values outside 0..100', () => {
    const invalid = failed('latency-tracking-info-percentiles', 'Invalid latency-tracking-info-percentiles parameters');
    const range = failed('latency-tracking-info-percentiles', 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]');
    for (const v of ['abc', '1e-400', 'nan', ' 5', '5 ']) expect(set(fresh(), 'latency-tracking-info-percentiles', v)).toBe(invalid);
    for (const v of ['101', 'inf']) expect(set(fresh(), 'latency-tracking-info-percentiles', v)).toBe(range);
  });

  it('shutdown-on-sigint refuses save with nosave and unknown words', () => {
    expect(set(fresh(), 'shutdown-on-sigint', 'save nosave')).toBe(
      failed('shutdown-on-sigint', "shutdown options SAVE and NOSAVE can't be used simultaneously"),
    );
    const list = failed('shutdown-on-sigint', 'argument(s) must be one of the following: default, save, nosave, now, force');
    expect(set(fresh(), 'shutdown-on-sigint', 'foo')).toBe(list);
    expect(set(fresh(), 'shutdown-on-sigint', '')).toBe(list);
  });

  it('oom-score-adj-values needs three values within -2000..2000', () => {
    expect(set(fresh(), 'oom-score-adj-values', '1 2')).toBe(failed('oom-score-adj-values', 'wrong number of arguments'));
    expect(set(fresh(), 'oom-score-adj-values', '0 200  800')).toBe(failed('oom-score-adj-values', 'wrong number of arguments'));
    expect(set(fresh(), 'oom-score-adj-values', '0 200 3000')).toBe(
      failed('oom-score-adj-values', 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.'),
    );
  });

  it('proc-title-template must expand to something with known variables', () => {
    const bad = failed('proc-title-template', 'template format is invalid or contains unknown variables');
    expect(set(fresh(), 'proc-title-template', '{title}')).toBe(bad);
    expect(set(fresh(), 'proc-title-template', '{foo}')).toBe(bad);
    const cfg = fresh();
    expect(set(cfg, 'proc-title-template', 'x {{ y')).toBe('OK');
    expect(value(cfg, 'proc-title-template')).toBe('x {{ y');
  });

  it('cluster-announce-hostname allows only letters, digits, hyphens and dots', () => {
    expect(set(fresh(), 'cluster-announce-hostname', 'a_b')).toBe(
      failed('cluster-announce-hostname', 'Hostnames may only contain alphanumeric characters, hyphens or dots'),
    );
    const cfg = fresh();
    expect(set(cfg, 'cluster-announce-hostname', 'a.b-c')).toBe('OK');
    expect(value(cfg, 'cluster-announce-hostname')).toBe('a.b-c');
  });

  it('bind refuses an address the host does not have, or an empty one from a double space', () => {
    expect(set(fresh(), 'bind', '1.2.3.4')).toBe(failed('bind', 'Failed to bind to specified addresses.'));
    expect(set(fresh(), 'bind', '127.0.0.1  ::1')).toBe(failed('bind', 'Failed to bind to specified addresses.'));
  });

  it('TLS cannot be turned on without certificate files, blamed on the first TLS parameter set', () => {
    const tls = 'Unable to update TLS configuration. Check server logs.';
    expect(set(fresh(), 'tls-replication', 'yes')).toBe(failed('tls-replication', tls));
    expect(set(fresh(), 'tls-cluster', 'yes')).toBe(failed('tls-cluster', tls));
    expect(set(fresh(), 'tls-port', '7950')).toBe(failed('tls-port', tls));
    const cfg = fresh();
    expect(set(cfg, 'tls-cert-file', '/y', 'tls-replication', 'yes')).toBe(failed('tls-cert-file', tls));
    expect(value(cfg, 'tls-cert-file')).toBe('');
  });

  // shared.loadingerr, given precedence over other errors in configSetCommand (config.c).
  it('a node loading its dataset refuses appendonly with a LOADING error', () => {
    const r = configSet(fresh(), ['appendonly', 'yes'], { loading: true });
    expect(r).toEqual({ ok: false, error: 'LOADING Redis is loading the dataset in memory' });
  });
});

describe('CONFIG SET values', () => {
  it('CONFIG SET repl-backlog-size below 16384 is raised to 16384', () => {
    for (const v of ['1', '16383']) {
      const cfg = fresh();
      expect(set(cfg, 'repl-backlog-size', v)).toBe('OK');
      expect(value(cfg, 'repl-backlog-size')).toBe('16384');
    }
  });

  it('CONFIG SET repl-backlog-size takes units and reads back in bytes', () => {
    const cfg = fresh();
    expect(set(cfg, 'repl-backlog-size', '16383')).toBe('OK');
    expect(set(cfg, 'repl-backlog-size', '1MB')).toBe('OK');
    expect(value(cfg, 'repl-backlog-size')).toBe('1048576');
  });

  it('CONFIG SET hz is capped to 1..500', () => {
    const cfg = fresh();
    expect(set(cfg, 'hz', '1000')).toBe('OK');
    expect(value(cfg, 'hz')).toBe('500');
    expect(set(cfg, 'hz', '0')).toBe('OK');
    expect(value(cfg, 'hz')).toBe('1');
  });

  it('yes/no and enum words are case-insensitive and read back in lower case', () => {
    const cfg = fresh();
    expect(set(cfg, 'appendonly', 'YES', 'loglevel', 'WARNING')).toBe('OK');
    expect(value(cfg, 'appendonly')).toBe('yes');
    expect(value(cfg, 'loglevel')).toBe('warning');
  });

  it('oom-score-adj relative reads back as yes, the first name with that value', () => {
    const cfg = fresh();
    expect(set(cfg, 'oom-score-adj', 'relative')).toBe('OK');
    expect(value(cfg, 'oom-score-adj')).toBe('yes');
  });

  it('save takes pairs, wraps changes at 2^32, accepts a sign, and "" disables it', () => {
    const cfg = fresh();
    expect(set(cfg, 'save', '3600 1')).toBe('OK');
    expect(value(cfg, 'save')).toBe('3600 1');
    expect(set(cfg, 'save', '1 4294967297')).toBe('OK');
    expect(value(cfg, 'save')).toBe('1 1');
    expect(set(cfg, 'save', '+5 1')).toBe('OK');
    expect(value(cfg, 'save')).toBe('5 1');
    expect(set(cfg, 'save', '')).toBe('OK');
    expect(value(cfg, 'save')).toBe('');
    expect(cfgSavePoints(cfg)).toEqual([]);
  });

  it('maxmemory-clients reads back a percentage, 0% as 0, and a wrapped 2^64-1 as 1%', () => {
    const cfg = fresh();
    expect(set(cfg, 'maxmemory-clients', '10%')).toBe('OK');
    expect(value(cfg, 'maxmemory-clients')).toBe('10%');
    expect(set(cfg, 'maxmemory-clients', '0%')).toBe('OK');
    expect(value(cfg, 'maxmemory-clients')).toBe('0');
    expect(set(cfg, 'maxmemory-clients', '18446744073709551615')).toBe('OK');
    expect(value(cfg, 'maxmemory-clients')).toBe('1%');
  });

  it('maxmemory accepts the full unsigned 64-bit range', () => {
    const cfg = fresh();
    expect(set(cfg, 'maxmemory', '18446744073709551615')).toBe('OK');
    expect(value(cfg, 'maxmemory')).toBe('18446744073709551615');
  });

  it('notify-keyspace-events reads back in canonical order, and A hides n', () => {
    const cases: [string, string][] = [
      ['KEA', 'AKE'],
      ['Exgm', 'gxEm'],
      ['An', 'A'],
      ['gn', 'gn'],
      ['KEAnm', 'AKEm'],
      ['Kd$', '$dK'],
      ['tdlzhsxeg$', 'A'],
      ['', ''],
    ];
    for (const [input, out] of cases) {
      const cfg = fresh();
      expect(set(cfg, 'notify-keyspace-events', input)).toBe('OK');
      expect(value(cfg, 'notify-keyspace-events')).toBe(out);
    }
  });

  it('client-output-buffer-limit changes only the classes named, replica meaning slave', () => {
    const cfg = fresh();
    expect(set(cfg, 'client-output-buffer-limit', 'normal 1 2 3')).toBe('OK');
    expect(value(cfg, 'client-output-buffer-limit')).toBe('normal 1 2 3 slave 268435456 67108864 60 pubsub 33554432 8388608 60');
    expect(set(cfg, 'client-output-buffer-limit', 'replica 1mb 2kb 3 normal 0 0 0')).toBe('OK');
    expect(value(cfg, 'client-output-buffer-limit')).toBe('normal 0 0 0 slave 1048576 2048 3 pubsub 33554432 8388608 60');
    expect(set(cfg, 'client-output-buffer-limit', '')).toBe('OK');
    expect(value(cfg, 'client-output-buffer-limit')).toBe('normal 0 0 0 slave 1048576 2048 3 pubsub 33554432 8388608 60');
  });

  it('client-output-buffer-limit seconds wrap at 2^32 and an empty one is 0', () => {
    const cfg = fresh();
    expect(set(cfg, 'client-output-buffer-limit', 'normal 1 2 4294967296')).toBe('OK');
    expect(value(cfg, 'client-output-buffer-limit')).toBe('normal 1 2 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60');
    expect(set(cfg, 'client-output-buffer-limit', 'normal 1 2 ')).toBe('OK');
    expect(value(cfg, 'client-output-buffer-limit')).toBe('normal 1 2 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60');
  });

  it('latency-tracking-info-percentiles reads back trimmed %f numbers', () => {
    const cases: [string, string][] = [
      ['50 99.99 100', '50 99.99 100'],
      ['1e1 0.5 50.0', '10 0.5 50'],
      ['0x10', '16'],
      ['-0', '-0'],
      ['1e-320', '0'],
      ['.5', '0.5'],
      ['5.', '5'],
      ['', ''],
    ];
    for (const [input, out] of cases) {
      const cfg = fresh();
      expect(set(cfg, 'latency-tracking-info-percentiles', input)).toBe('OK');
      expect(value(cfg, 'latency-tracking-info-percentiles')).toBe(out);
    }
  });

  it('shutdown-on-sigint combines flags and reads them back in table order', () => {
    const cfg = fresh();
    expect(set(cfg, 'shutdown-on-sigint', 'NOW nosave')).toBe('OK');
    expect(value(cfg, 'shutdown-on-sigint')).toBe('nosave now');
    expect(set(cfg, 'shutdown-on-sigint', 'default save')).toBe('OK');
    expect(value(cfg, 'shutdown-on-sigint')).toBe('save');
    expect(set(cfg, 'shutdown-on-sigint', 'default')).toBe('OK');
    expect(value(cfg, 'shutdown-on-sigint')).toBe('default');
  });

  it('oom-score-adj-values reads back as integers', () => {
    const cfg = fresh();
    expect(set(cfg, 'oom-score-adj-values', '-1 2 +3')).toBe('OK');
    expect(value(cfg, 'oom-score-adj-values')).toBe('-1 2 3');
  });

  it('bind takes loopback and wildcard addresses, and optional ones it cannot bind', () => {
    const cfg = fresh();
    expect(set(cfg, 'bind', 'localhost')).toBe('OK');
    expect(value(cfg, 'bind')).toBe('localhost');
    expect(set(cfg, 'bind', '-1.2.3.4 127.0.0.1')).toBe('OK');
    expect(value(cfg, 'bind')).toBe('-1.2.3.4 127.0.0.1');
    expect(set(cfg, 'bind', '* -::*')).toBe('OK');
  });

  it('changed lists the canonical names whose value changed', () => {
    const cfg = fresh();
    const r = configSet(cfg, ['min-slaves-to-write', '2', 'repl-timeout', '60', 'repl-backlog-size', '2mb']);
    expect(r).toEqual({ ok: true, changed: ['min-replicas-to-write', 'repl-backlog-size'] });
  });
});

describe('CONFIG SET is all-or-nothing', () => {
  it('a refused value leaves every earlier pair unapplied', () => {
    const cfg = fresh();
    expect(set(cfg, 'repl-timeout', '5', 'repl-ping-replica-period', '0')).toBe(
      failed('repl-ping-replica-period', 'argument must be between 1 and 2147483647 inclusive'),
    );
    expect(value(cfg, 'repl-timeout')).toBe('60');
  });

  it('a refused special value keeps the previous one', () => {
    const cfg = fresh();
    expect(set(cfg, 'latency-tracking-info-percentiles', '50 99.99 100')).toBe('OK');
    expect(set(cfg, 'latency-tracking-info-percentiles', '101')).not.toBe('OK');
    expect(value(cfg, 'latency-tracking-info-percentiles')).toBe('50 99.99 100');
  });

  it('a failing apply step (bind) undoes the other pairs', () => {
    const cfg = fresh();
    expect(set(cfg, 'maxmemory', '1gb', 'bind', '1.2.3.4')).toBe(failed('bind', 'Failed to bind to specified addresses.'));
    expect(value(cfg, 'maxmemory')).toBe('0');
    expect(value(cfg, 'bind')).toBe('* -::*');
  });
});

describe('protected configs when enable-protected-configs is yes', () => {
  const node = (): Config => booted(['enable-protected-configs', 'yes'], ['dir', '/tmp']);

  it('dir must exist on the host', () => {
    expect(set(node(), 'dir', '/nonexistent')).toBe(failed('dir', 'No such file or directory'));
    expect(set(node(), 'dir', '')).toBe(failed('dir', 'No such file or directory'));
    expect(set(node(), 'dir', '/etc/passwd')).toBe(failed('dir', 'Not a directory'));
  });

  it('dir is resolved like chdir and read back as the absolute directory', () => {
    const cfg = node();
    expect(set(cfg, 'dir', '../tmp/./')).toBe('OK');
    expect(value(cfg, 'dir')).toBe('/tmp');
  });

  it('dbfilename must be a file name, and may be empty', () => {
    const cfg = node();
    expect(set(cfg, 'dbfilename', 'a/b')).toBe(failed('dbfilename', "dbfilename can't be a path, just a filename"));
    expect(set(cfg, 'dbfilename', 'a\\b')).toBe(failed('dbfilename', "dbfilename can't be a path, just a filename"));
    expect(set(cfg, 'dbfilename', '')).toBe('OK');
    expect(value(cfg, 'dbfilename')).toBe('');
  });

  it('dir twice is a duplicate parameter', () => {
    expect(set(node(), 'dir', '/tmp', 'dir', '/')).toBe(failed('dir', 'duplicate parameter'));
  });
});

describe('startup configuration', () => {
  it('an unknown directive stops the server', () => {
    expect(bootError(['foo', 'bar'])).toBe('Bad directive or wrong number of arguments');
    expect(bootError(['rename-command', 'GET'])).toBe('Bad directive or wrong number of arguments');
  });

  it('a bad value stops the server with the same reason CONFIG SET gives', () => {
    expect(bootError(['repl-timeout', '0'])).toBe('argument must be between 1 and 2147483647 inclusive');
    expect(bootError(['repl-backlog-size', 'abc'])).toBe('argument must be a memory value');
    expect(bootError(['slave-read-only', 'maybe'])).toBe("argument must be 'yes' or 'no'");
    expect(bootError(['save', '1 2 3'])).toBe('Invalid save parameters');
    expect(bootError(['save', '0 1'])).toBe('Invalid save parameters');
    expect(bootError(['proc-title-template', '{title}'])).toBe('template format is invalid or contains unknown variables');
    expect(bootError(['bind', 'a b c d e f g h i j k l m n o p q'])).toBe('Too many bind addresses specified.');
  });

  it('replicaof needs a host and a port in range', () => {
    expect(bootError(['replicaof', '127.0.0.1'])).toBe('wrong number of arguments');
    expect(bootError(['replicaof', '127.0.0.1 99999'])).toBe('Invalid master port');
  });

  it('unixsocketperm is octal', () => {
    expect(bootError(['unixsocketperm', '800'])).toBe("argument couldn't be parsed as an octal number");
    expect(bootError(['unixsocketperm', '1777'])).toBe('argument must be between 0 and 777 inclusive');
    expect(bootError(['unixsocketperm', '-1'])).toBe('argument must be between 0 and 777 inclusive');
  });

  it('a missing dir or log file directory stops the server', () => {
    expect(bootError(['dir', '/nonexistent'])).toBe('No such file or directory');
    expect(bootError(['logfile', '/nonexist/x.log'])).toBe("Can't open the log file: No such file or directory");
  });

  it('activedefrag yes stops the server', () => {
    expect(bootError(['activedefrag', 'yes'])).toBe(
      'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution',
    );
  });

  it('replicaof is refused in cluster mode', () => {
    expect(bootError(['cluster-enabled', 'yes'], ['replicaof', '127.0.0.1 6379'])).toBe('replicaof directive not allowed in cluster mode');
  });

  it('TLS cannot start without certificates', () => {
    expect(bootError(['tls-port', '7950'])).toBe('Failed to configure TLS. Check logs for more info.');
    expect(bootError(['tls-replication', 'yes'])).toBe('Failed to configure TLS. Check logs for more info.');
  });

  it('a node that cannot listen does not start', () => {
    expect(bootError(['bind', '1.2.3.4'])).toBe(`Failed listening on port ${PORT} (TCP), aborting.`);
    expect(bootError(['bind', ''])).toBe('Configured to not listen anywhere, exiting.');
    expect(bootError(['port', '0'])).toBe('Configured to not listen anywhere, exiting.');
    expect(bootError(['bind', '-1.2.3.4'])).toBe('Configured to not listen anywhere, exiting.');
  });

  it('include, loadmodule and module configs fail: the host has no such files', () => {
    expect(bootError(['include', '/nonexist'])).toBe("Fatal error, can't open config file '/nonexist': No such file or directory");
    expect(bootError(['foo.bar', '1'])).toBe('Module Configuration detected without loadmodule directive or no ApplyConfig call: aborting');
  });

  it('deprecated directives are accepted and ignored', () => {
    const cfg = booted(['lua-replicate-commands', 'yes'], ['list-max-ziplist-entries', '5']);
    expect(value(cfg, 'list-max-listpack-size')).toBe('-2');
  });

  it('startup repl-backlog-size is kept below 16384, unlike CONFIG SET', () => {
    const cfg = booted(['repl-backlog-size', '100']);
    expect(value(cfg, 'repl-backlog-size')).toBe('100');
    expect(cfgInt(cfg, 'repl-backlog-size')).toBe(100);
  });

  it('CONFIG SET of the same small startup backlog changes nothing, another value is raised to 16384', () => {
    const cfg = booted(['repl-backlog-size', '100']);
    expect(set(cfg, 'repl-backlog-size', '100')).toBe('OK');
    expect(value(cfg, 'repl-backlog-size')).toBe('100');
    expect(set(cfg, 'repl-backlog-size', '200')).toBe('OK');
    expect(value(cfg, 'repl-backlog-size')).toBe('16384');
  });

  it('startup memory values read back in bytes', () => {
    const cfg = booted(['repl-backlog-size', '1mb'], ['maxmemory', '1gb']);
    expect(value(cfg, 'repl-backlog-size')).toBe('1048576');
    expect(value(cfg, 'maxmemory')).toBe('1073741824');
  });

  it('startup values read back like Redis prints them', () => {
    const cfg = booted(
      ['dir', '/tmp/'],
      ['hz', '1000'],
      ['replicaof', '127.0.0.1 0007'],
      ['maxmemory-clients', '10%'],
      ['min-slaves-to-write', '2'],
      ['client-output-buffer-limit', 'normal 1 2 3'],
      ['notify-keyspace-events', 'KEA'],
      ['unixsocketperm', '700'],
      ['REPL-TIMEOUT', '5'],
      ['slave-serve-stale-data', 'no'],
      ['loglevel', 'WARNING'],
    );
    expect(pairs(get(cfg, 'dir', 'hz', 'replicaof', 'maxmemory-clients', 'min-replicas-to-write', 'client-output-buffer-limit'))).toEqual([
      'client-output-buffer-limit=normal 1 2 3 slave 268435456 67108864 60 pubsub 33554432 8388608 60',
      'dir=/tmp',
      'hz=500',
      'maxmemory-clients=10%',
      'min-replicas-to-write=2',
      'replicaof=127.0.0.1 7',
    ]);
    expect(pairs(get(cfg, 'notify-keyspace-events', 'unixsocketperm', 'repl-timeout', 'replica-serve-stale-data', 'loglevel'))).toEqual([
      'loglevel=warning',
      'notify-keyspace-events=AKE',
      'repl-timeout=5',
      'replica-serve-stale-data=no',
      'unixsocketperm=700',
    ]);
  });

  it('startup save lines: the first replaces the defaults, later ones append, "" clears', () => {
    expect(value(booted(['save', '60 1'], ['save', '30 2']), 'save')).toBe('60 1 30 2');
    expect(value(booted(['save', ''], ['save', '60 1']), 'save')).toBe('60 1');
    expect(value(booted(['save', '60 1'], ['save', '']), 'save')).toBe('');
    expect(value(booted(['save', '  ']), 'save')).toBe('');
    expect(value(booted(['save', '60 1'], ['save', '30  2']), 'save')).toBe('60 1 30 2');
  });

  it('replicaof at startup makes CONFIG GET replicaof print host and port; slaveof is the same', () => {
    const cfg = booted(['slaveof', '10.0.0.5 6380']);
    expect(get(cfg, 'replicaof')).toEqual(['replicaof', '10.0.0.5 6380']);
    expect(get(cfg, 'slaveof')).toEqual(['slaveof', '10.0.0.5 6380']);
    expect(cfgReplicaOf(cfg)).toEqual({ host: '10.0.0.5', port: 6380 });
    expect(value(booted(['replicaof', '10.0.0.5 6380'], ['replicaof', 'no one']), 'replicaof')).toBe('');
  });
});

describe('typed getters', () => {
  it('read defaults, aliases and changes', () => {
    const cfg = fresh();
    expect(cfgInt(cfg, 'repl-backlog-size')).toBe(1048576);
    expect(cfgInt(cfg, 'min-slaves-max-lag')).toBe(10);
    expect(cfgBool(cfg, 'replica-read-only')).toBe(true);
    expect(cfgBool(cfg, 'appendonly')).toBe(false);
    expect(cfgReplicaOf(cfg)).toBeNull();
    expect(cfgSavePoints(cfg)).toEqual([
      { seconds: 3600, changes: 1 },
      { seconds: 300, changes: 100 },
      { seconds: 60, changes: 10000 },
    ]);
    expect(set(cfg, 'slave-read-only', 'no', 'repl-timeout', '7')).toBe('OK');
    expect(cfgBool(cfg, 'replica-read-only')).toBe(false);
    expect(cfgInt(cfg, 'repl-timeout')).toBe(7);
  });
});
