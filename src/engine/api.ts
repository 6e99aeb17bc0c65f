// The public face of the engine, used by the scenario runner, the Web Worker
// host, tests and benchmarks. Everything here is deterministic: the same seed
// and the same inputs give the same replies and the same trace.

import type { Reply } from './resp/reply';
import type { TraceEvent } from './trace';

export interface NodeAddress {
  name: string;
  host: string;
  port: number;
}

/** Properties of the network between two nodes (both directions). */
export interface LinkProps {
  latencyMs: number;
  /** Bytes per virtual ms; 0 means unlimited. */
  bytesPerMs: number;
  /** Per-message probability (0..1) of a TCP retransmission, which delays it by `retransmitMs`. */
  loss: number;
  /** A cut link delivers nothing until healed (TCP keeps the bytes and resends them). */
  cut: boolean;
}

/** External inputs: a session is `seed` + a list of these, each at a virtual time. */
export type Input =
  | { t: 'node'; name: string; config: [string, string][] }
  /** Start a Redis Sentinel monitoring host:port under masterName (options: down-after-milliseconds, failover-timeout, parallel-syncs). */
  | { t: 'sentinel'; name: string; masterName: string; host: string; port: number; quorum: number; options: [string, string][] }
  /** Open a client connection (its id is the next client id of that node). */
  | { t: 'connect'; node: string }
  | { t: 'command'; node: string; argv: string[]; client?: number }
  | { t: 'crash'; node: string }
  | { t: 'restart'; node: string }
  | { t: 'wipe-disk'; node: string }
  | { t: 'link'; a: string; b: string; props: Partial<LinkProps> }
  | { t: 'partition'; groups: string[][] }
  /** Reset every TCP connection between two nodes (both ends see it closed). */
  | { t: 'reset'; a: string; b: string }
  | { t: 'heal' }
  /** Network properties of every pair of nodes not given its own with `link` (the lab uses a visible latency). */
  | { t: 'default-link'; props: Partial<LinkProps> }
  /** Stop a node's process and take it out of the world (its name is not reused). */
  | { t: 'remove'; node: string };

export interface TimedInput {
  atMs: number;
  input: Input;
}

/** A short view of a node for drawing (the UI never computes replication itself). */
export interface NodeView {
  name: string;
  host: string;
  port: number;
  up: boolean;
  role: 'master' | 'slave';
  /** Replica link state as ROLE prints it: none, connect, connecting, handshake, sync, connected. */
  linkState: string;
  masterName: string | null;
  replid: string;
  offset: number;
  keys: number;
  persistence: 'rdb' | 'aof' | 'rdb+aof' | 'none';
  replicas: { name: string; state: string; ackOffset: number; lagMs: number }[];
  syncProgress: { readBytes: number; totalBytes: number } | null;
  /** A Redis Sentinel process (role and replication fields do not apply). */
  sentinel?: boolean;
}

export interface EngineApi {
  readonly nowMs: number;
  addNode(name: string, config: [string, string][]): NodeAddress;
  /** Open a client connection on a node (like connecting redis-cli). */
  connect(node: string): number;
  /** Send a command on a client; the reply is collected with takeReply once it exists. */
  send(node: string, client: number, argv: string[]): void;
  takeReply(node: string, client: number): Reply | undefined;
  crash(node: string): void;
  restart(node: string): void;
  advance(ms: number): void;
  drainTrace(): TraceEvent[];
  views(): NodeView[];
}
