// Which of a node's settings go into its exported redis.conf, and how each is
// written. The lab runs every node on one simulated machine; a container on a
// compose network is a different place, so a few settings that are right in
// the lab would be wrong (or unsafe) there. Those are left out of the file,
// each with a comment saying why, never silently.

import { MULTI_ARG_CONFIGS } from '../engine/server/config';

/** Why a setting the learner chose is not written into the exported redis.conf. */
export type LeftOutReason =
  /** A file or a CPU of the lab's simulated machine (Redis refuses to start when a file's folder is missing). */
  | 'host-path'
  /** An address of the lab's simulated network: the compose network has its own. */
  | 'lab-address'
  /** Daemonising and syslog: in a container Redis runs in the foreground and logs to the container's output. */
  | 'container'
  /** A debugging knob of Redis' own test suite, which the lab uses to slow things down. */
  | 'test-knob'
  /** Opens commands or settings Redis keeps closed by default. */
  | 'unsafe'
  /** TLS needs certificate files that the export cannot provide. */
  | 'tls';

/** Settings the export writes itself (network, replication, persistence directory). */
export const WRITTEN_SEPARATELY: ReadonlySet<string> = new Set(['port', 'replicaof', 'slaveof', 'bind', 'dir', 'protected-mode']);

const LEFT_OUT: ReadonlyMap<string, LeftOutReason> = new Map<string, LeftOutReason>([
  ['logfile', 'host-path'],
  ['pidfile', 'host-path'],
  ['unixsocket', 'host-path'],
  ['unixsocketperm', 'host-path'],
  ['aclfile', 'host-path'],
  ['server_cpulist', 'host-path'],
  ['bio_cpulist', 'host-path'],
  ['aof_rewrite_cpulist', 'host-path'],
  ['bgsave_cpulist', 'host-path'],
  ['replica-announce-ip', 'lab-address'],
  ['replica-announce-port', 'lab-address'],
  ['bind-source-addr', 'lab-address'],
  ['cluster-announce-ip', 'lab-address'],
  ['cluster-announce-hostname', 'lab-address'],
  ['cluster-announce-port', 'lab-address'],
  ['cluster-announce-bus-port', 'lab-address'],
  ['cluster-announce-tls-port', 'lab-address'],
  ['daemonize', 'container'],
  ['supervised', 'container'],
  ['syslog-enabled', 'container'],
  ['syslog-ident', 'container'],
  ['syslog-facility', 'container'],
  ['rdb-key-save-delay', 'test-knob'],
  ['key-load-delay', 'test-knob'],
  ['watchdog-period', 'test-knob'],
  ['use-exit-on-panic', 'test-knob'],
  ['loading-process-events-interval-bytes', 'test-knob'],
  ['enable-debug-command', 'unsafe'],
  ['enable-module-command', 'unsafe'],
  ['enable-protected-configs', 'unsafe'],
]);

/** Why `name` is left out of the exported file, or null when it is written. */
export function leftOutReason(name: string): LeftOutReason | null {
  const key = name.toLowerCase();
  if (key.startsWith('tls-')) return 'tls';
  return LEFT_OUT.get(key) ?? null;
}

/** Settings that take several arguments: the engine's config table says which (MULTI_ARG_CONFIG in config.c). */
export const MULTI_ARG: ReadonlySet<string> = MULTI_ARG_CONFIGS;

/** Secrets: written, with a warning that whoever reads the file knows them. */
export const SECRETS: ReadonlySet<string> = new Set(['requirepass', 'masterauth']);

/**
 * A node persists when it writes RDB snapshots (`save` has points) or an
 * append-only file. Only then does its /data deserve a named volume.
 */
export function persists(config: readonly (readonly [string, string])[]): boolean {
  const get = (k: string): string | undefined => config.find(([n]) => n.toLowerCase() === k)?.[1];
  const save = get('save') ?? DEFAULT_SAVE;
  const aof = get('appendonly') ?? 'no';
  return save.trim() !== '' || aof === 'yes';
}

/** Redis 7.0's default save points (what a node has when the lab did not change `save`). */
export const DEFAULT_SAVE = '3600 1 300 100 60 10000';
