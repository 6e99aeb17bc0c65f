// INFO, laid out field by field as Redis 7.0's genRedisInfoString prints it.
// The fields a learner reads (replication, persistence, keyspace, sync
// counters) are exact; timings and memory figures are plausible stand-ins.

import { clientsInTimeoutTable } from '../server/blocking';
import { cfgBool, cfgInt } from '../server/config';
import type { CommandStat, NodeState } from '../server/types';
import type { WorldState } from '../world-state';

/** The default sections (`module_list` prints `# Modules`). */
const DEFAULT_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'module_list', 'errorstats', 'cluster', 'keyspace'];
const EVERYTHING = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'commandstats', 'errorstats', 'latencystats', 'cluster', 'keyspace'];

const sec = (ms: number): number => Math.floor(ms / 1000);

/** `# Server`; Sentinel prints the same section with its own mode and config file. */
export function serverSection(w: WorldState, n: NodeState, mode = 'standalone', configFile = ''): string {
  const up = w.nowMs - n.startedAtMs;
  return [
    '# Server',
    'redis_version:7.0.15',
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    'redis_build_id:replica-lab',
    `redis_mode:${mode}`,
    'os:Replica Lab simulation',
    'arch_bits:64',
    'monotonic_clock:POSIX clock_gettime',
    'multiplexing_api:epoll',
    'atomicvar_api:c11-builtin',
    'gcc_version:12.2.0',
    'process_id:1',
    'process_supervised:no',
    `run_id:${n.runId}`,
    `tcp_port:${n.port}`,
    `server_time_usec:${w.nowMs * 1000}`,
    `uptime_in_seconds:${sec(up)}`,
    `uptime_in_days:${Math.floor(up / 86_400_000)}`,
    'hz:10',
    'configured_hz:10',
    `lru_clock:${sec(w.nowMs) % 16777216}`,
    'executable:/usr/bin/redis-server',
    `config_file:${configFile}`,
    'io_threads_active:0',
  ].join('\r\n');
}

/** `# Clients`; Sentinel prints the same section for its own connections. */
export function clientsSection(connected: number, blocked: number, inTimeoutTable = 0): string {
  return ['# Clients', `connected_clients:${connected}`, 'cluster_connections:0', 'maxclients:10000', 'client_recent_max_input_buffer:0', 'client_recent_max_output_buffer:0', `blocked_clients:${blocked}`, 'tracking_clients:0', `clients_in_timeout_table:${inTimeoutTable}`].join('\r\n');
}

function nodeClientsSection(n: NodeState): string {
  const normal = Object.values(n.clients).filter((c) => c.kind === 'normal');
  // blocked_clients counts WAIT, writes held by a FAILOVER pause and clients blocked on keys.
  return clientsSection(normal.length, normal.filter((c) => c.blocked).length, clientsInTimeoutTable(n));
}

function memorySection(n: NodeState): string {
  let keys = 0;
  for (const db of n.dbs) keys += db.dict.size;
  const used = 870_000 + keys * 64;
  return ['# Memory', `used_memory:${used}`, `used_memory_human:${(used / 1024 / 1024).toFixed(2)}M`, `used_memory_rss:${used + 4_000_000}`, 'maxmemory:0', 'maxmemory_human:0B', 'maxmemory_policy:noeviction', 'mem_fragmentation_ratio:1.00', 'mem_allocator:jemalloc-5.3.0', 'lazyfree_pending_objects:0'].join('\r\n');
}

function persistenceSection(w: WorldState, n: NodeState): string {
  const bg = n.bgsave;
  const aof = cfgBool(n.config, 'appendonly');
  const lines = [
    '# Persistence',
    'loading:0',
    'async_loading:0',
    'current_cow_peak:0',
    'current_cow_size:0',
    'current_cow_size_age:0',
    'current_fork_perc:0.00',
    'current_save_keys_processed:0',
    'current_save_keys_total:0',
    `rdb_changes_since_last_save:${n.dirty}`,
    `rdb_bgsave_in_progress:${bg ? 1 : 0}`,
    `rdb_last_save_time:${sec(n.lastSaveMs)}`,
    `rdb_last_bgsave_status:${n.lastBgsaveOk ? 'ok' : 'err'}`,
    `rdb_last_bgsave_time_sec:${n.lastBgsaveSec}`,
    `rdb_current_bgsave_time_sec:${bg ? sec(w.nowMs - bg.startMs) : -1}`,
    `rdb_saves:${n.rdbSaves}`,
    'rdb_last_cow_size:0',
    'rdb_last_load_keys_expired:0',
    `rdb_last_load_keys_loaded:${n.lastLoadKeysLoaded}`,
    `aof_enabled:${aof ? 1 : 0}`,
    'aof_rewrite_in_progress:0',
    'aof_rewrite_scheduled:0',
    'aof_last_rewrite_time_sec:-1',
    'aof_current_rewrite_time_sec:-1',
    'aof_last_bgrewrite_status:ok',
    'aof_rewrites:0',
    'aof_rewrites_consecutive_failures:0',
    'aof_last_write_status:ok',
    'aof_last_cow_size:0',
    'module_fork_in_progress:0',
    'module_fork_last_cow_size:0',
  ];
  if (aof) lines.push('aof_current_size:0', 'aof_base_size:0', 'aof_pending_rewrite:0', 'aof_buffer_length:0', 'aof_pending_bio_fsync:0', 'aof_delayed_fsync:0');
  return lines.join('\r\n');
}

function statsSection(n: NodeState): string {
  const s = n.stats;
  return [
    '# Stats',
    `total_connections_received:${s.totalConnectionsReceived}`,
    `total_commands_processed:${s.totalCommandsProcessed}`,
    'instantaneous_ops_per_sec:0',
    'total_net_input_bytes:0',
    'total_net_output_bytes:0',
    `total_net_repl_input_bytes:${s.netReplInputBytes}`,
    `total_net_repl_output_bytes:${s.netReplOutputBytes}`,
    'instantaneous_input_kbps:0.00',
    'instantaneous_output_kbps:0.00',
    'instantaneous_input_repl_kbps:0.00',
    'instantaneous_output_repl_kbps:0.00',
    `rejected_connections:${s.rejectedConnections}`,
    `sync_full:${s.syncFull}`,
    `sync_partial_ok:${s.syncPartialOk}`,
    `sync_partial_err:${s.syncPartialErr}`,
    `expired_keys:${s.expiredKeys}`,
    'expired_stale_perc:0.00',
    'expired_time_cap_reached_count:0',
    'expire_cycle_cpu_milliseconds:0',
    'evicted_keys:0',
    'evicted_clients:0',
    'total_eviction_exceeded_time:0',
    'current_eviction_exceeded_time:0',
    `keyspace_hits:${s.keyspaceHits}`,
    `keyspace_misses:${s.keyspaceMisses}`,
    'pubsub_channels:0',
    'pubsub_patterns:0',
    'pubsubshard_channels:0',
    'latest_fork_usec:0',
    `total_forks:${s.totalForks}`,
    'migrate_cached_sockets:0',
    'slave_expires_tracked_keys:0',
    'active_defrag_hits:0',
    'active_defrag_misses:0',
    'active_defrag_key_hits:0',
    'active_defrag_key_misses:0',
    'total_active_defrag_time:0',
    'current_active_defrag_time:0',
    'tracking_total_keys:0',
    'tracking_total_items:0',
    'tracking_total_prefixes:0',
    'unexpected_error_replies:0',
    `total_error_replies:${s.totalErrorReplies}`,
    'dump_payload_sanitizations:0',
    'total_reads_processed:0',
    'total_writes_processed:0',
    'io_threaded_reads_processed:0',
    'io_threaded_writes_processed:0',
    'reply_buffer_shrinks:0',
    'reply_buffer_expands:0',
  ].join('\r\n');
}

/** The `# Replication` section, field for field as Redis 7.0 prints it. */
export function replicationSection(w: WorldState, n: NodeState): string {
  const repl = n.repl;
  const nowS = sec(w.nowMs);
  const lines = ['# Replication', `role:${repl.masterHost === null ? 'master' : 'slave'}`];
  if (repl.masterHost !== null) {
    const m = repl.master;
    const cm = repl.cachedMaster;
    const reploff = m ? m.reploff : cm ? cm.reploff : 1;
    const readoff = m ? m.readReploff : cm ? cm.reploff : 1;
    lines.push(
      `master_host:${repl.masterHost}`,
      `master_port:${repl.masterPort}`,
      `master_link_status:${repl.linkState === 'connected' ? 'up' : 'down'}`,
      `master_last_io_seconds_ago:${m ? nowS - sec(m.lastInteractionMs) : -1}`,
      `master_sync_in_progress:${repl.linkState === 'transfer' ? 1 : 0}`,
      `slave_read_repl_offset:${readoff}`,
      `slave_repl_offset:${reploff}`,
    );
    if (repl.linkState === 'transfer' && repl.transfer) {
      const t = repl.transfer;
      const perc = t.totalBytes ? (t.readBytes / t.totalBytes) * 100 : 0;
      lines.push(
        `master_sync_total_bytes:${t.totalBytes}`,
        `master_sync_read_bytes:${t.readBytes}`,
        `master_sync_left_bytes:${t.totalBytes - t.readBytes}`,
        `master_sync_perc:${perc.toFixed(2)}`,
        `master_sync_last_io_seconds_ago:${nowS - sec(t.lastIoMs)}`,
      );
    }
    if (repl.linkState !== 'connected') {
      lines.push(`master_link_down_since_seconds:${repl.linkDownSinceMs > 0 ? nowS - sec(repl.linkDownSinceMs) : -1}`);
    }
    lines.push(`slave_priority:${n.config['replica-priority']}`, `slave_read_only:${cfgBool(n.config, 'replica-read-only') ? 1 : 0}`, `replica_announced:${cfgBool(n.config, 'replica-announced') ? 1 : 0}`);
  }
  lines.push(`connected_slaves:${repl.replicas.length}`);
  if (cfgInt(n.config, 'min-replicas-to-write') && cfgInt(n.config, 'min-replicas-max-lag')) lines.push(`min_slaves_good_slaves:${repl.goodReplicas}`);
  repl.replicas.forEach((r, i) => {
    const state = r.state === 'wait_bgsave_start' || r.state === 'wait_bgsave_end' ? 'wait_bgsave' : r.state;
    const lag = r.state === 'online' ? nowS - sec(r.ackTimeMs) : 0;
    lines.push(`slave${i}:ip=${r.ip},port=${r.listeningPort},state=${state},offset=${r.ackOffset},lag=${lag}`);
  });
  const b = repl.backlog;
  lines.push(
    `master_failover_state:${repl.failover.state}`,
    `master_replid:${repl.replid}`,
    `master_replid2:${repl.replid2}`,
    `master_repl_offset:${repl.offset}`,
    `second_repl_offset:${repl.secondOffset}`,
    `repl_backlog_active:${b ? 1 : 0}`,
    `repl_backlog_size:${cfgInt(n.config, 'repl-backlog-size')}`,
    `repl_backlog_first_byte_offset:${b ? b.offset : 0}`,
    `repl_backlog_histlen:${b ? b.histlen : 0}`,
  );
  return lines.join('\r\n');
}

function cpuSection(w: WorldState, n: NodeState): string {
  const up = (w.nowMs - n.startedAtMs) / 1000;
  return ['# CPU', `used_cpu_sys:${(up * 0.001).toFixed(6)}`, `used_cpu_user:${(up * 0.002).toFixed(6)}`, 'used_cpu_sys_children:0.000000', 'used_cpu_user_children:0.000000', 'used_cpu_sys_main_thread:0.000000', 'used_cpu_user_main_thread:0.000000'].join('\r\n');
}

function keyspaceSection(w: WorldState, n: NodeState): string {
  const lines = ['# Keyspace'];
  for (const db of n.dbs) {
    if (db.dict.size === 0) continue;
    let ttlSum = 0;
    for (const when of db.expires.values()) ttlSum += Math.max(0, when - w.nowMs);
    const avg = db.expires.size ? Math.floor(ttlSum / db.expires.size) : 0;
    lines.push(`db${db.id}:keys=${db.dict.size},expires=${db.expires.size},avg_ttl=${avg}`);
  }
  return lines.join('\r\n');
}

function section(w: WorldState, n: NodeState, name: string): string | null {
  switch (name) {
    case 'server':
      return serverSection(w, n);
    case 'clients':
      return nodeClientsSection(n);
    case 'memory':
      return memorySection(n);
    case 'persistence':
      return persistenceSection(w, n);
    case 'stats':
      return statsSection(n);
    case 'replication':
      return replicationSection(w, n);
    case 'cpu':
      return cpuSection(w, n);
    case 'modules':
      return '# Modules';
    case 'commandstats':
      return commandstatsSection(n);
    case 'errorstats':
      return errorstatsSection(n);
    case 'latencystats':
      return latencystatsSection(n);
    case 'cluster':
      return '# Cluster\r\ncluster_enabled:0';
    case 'keyspace':
      return keyspaceSection(w, n);
    default:
      return null;
  }
}

/** Commands that ran or were refused, by full name (Redis walks its command table in an order of its own). */
function commandsRun(n: NodeState): [string, CommandStat][] {
  return Object.entries(n.stats.commands ?? {}).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** `# Commandstats`: calls and failures are counted; each call is taken to cost one microsecond. */
function commandstatsSection(n: NodeState): string {
  const lines = ['# Commandstats'];
  for (const [name, st] of commandsRun(n)) {
    lines.push(`cmdstat_${name}:calls=${st.calls},usec=${st.calls},usec_per_call=${st.calls ? '1.00' : '0.00'},rejected_calls=${st.rejected},failed_calls=${st.failed}`);
  }
  return lines.join('\r\n');
}

function errorstatsSection(n: NodeState): string {
  const lines = ['# Errorstats'];
  for (const [code, count] of Object.entries(n.stats.errors ?? {})) lines.push(`errorstat_${code}:count=${count}`);
  return lines.join('\r\n');
}

/** `# Latencystats`: the percentiles of a command that ran (every call taken as one microsecond). */
function latencystatsSection(n: NodeState): string {
  const lines = ['# Latencystats'];
  for (const [name, st] of commandsRun(n)) if (st.calls > 0) lines.push(`latency_percentiles_usec_${name}:p50=1.003,p99=1.003,p99.9=1.003`);
  return lines.join('\r\n');
}

/**
 * INFO [section ...] (genInfoSectionDict, 7.0): any number of section names
 * (case-insensitive), `default` for the default sections, `all` for every
 * section, `everything` for every section and the modules' own; no argument
 * is `default`. Sections come in the server's fixed order, each once, joined
 * by an empty line; the payload ends with CRLF.
 */
export function infoString(w: WorldState, n: NodeState, args: string[]): string {
  const asked = new Set<string>();
  let all = false;
  const addDefaults = (): void => {
    for (const s of DEFAULT_SECTIONS) asked.add(s);
  };
  if (args.length === 0) addDefaults();
  for (const a of args) {
    const name = a.toLowerCase();
    if (name === 'default') addDefaults();
    else if (name === 'all' || name === 'everything') all = true;
    else asked.add(name);
  }
  const parts: string[] = [];
  for (const s of EVERYTHING) {
    if (!(all || asked.has(s) || (s === 'modules' && asked.has('module_list')))) continue;
    const text = section(w, n, s);
    if (text !== null) parts.push(text);
  }
  return parts.length ? `${parts.join('\r\n\r\n')}\r\n` : '';
}
