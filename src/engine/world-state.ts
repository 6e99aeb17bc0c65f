// The whole simulation as plain data: nodes, connections, the event queue,
// the PRNG and the clock. Cloning this object (structuredClone) is a snapshot.

import type { LinkProps } from './api';
import type { Reply } from './resp/reply';
import type { DbImage } from './server/db';
import type { NodeState } from './server/types';
import type { HeapState } from './sim/scheduler';
import type { PrngState } from './sim/prng';
import type { MsgKind, TraceEvent } from './trace';

/** What travels on a connection. `bytes` is what it costs on the wire. */
export type NetPayload =
  /** A command: handshake commands, REPLCONF ACK, or a command of the replication stream. */
  | { t: 'cmd'; argv: string[]; offset: number }
  | { t: 'reply'; reply: Reply }
  /** The "\n" keep-alive sent to a replica waiting for its RDB. */
  | { t: 'newline' }
  /** A piece of the RDB payload; the last piece carries the data. */
  | { t: 'rdb'; seq: number; total: number; eof: boolean; last: boolean; image: DbImage[] | null; replid: string; offset: number; streamDb: number };

export interface NetMsg {
  id: number;
  kind: MsgKind;
  bytes: number;
  text: string;
  payload: NetPayload;
  sentMs: number;
}

export interface ConnDir {
  /** When the sender's side of the pipe is free again (bandwidth). */
  freeAtMs: number;
  /** Delivery time of the last message, to keep TCP's order. */
  lastDeliverMs: number;
  /** Messages sent while the link was cut, resent when it heals. */
  held: NetMsg[];
}

export interface Conn {
  id: number;
  /** [initiator, acceptor] node names. Direction 0 flows initiator -> acceptor. */
  ends: [string, string];
  /** The process lives (NodeState.epoch) each end had when the connection was made. */
  epochs: [number, number];
  /** Whether each end still considers the connection open. */
  open: [boolean, boolean];
  /** True once the TCP handshake completed. */
  established: boolean;
  dirs: [ConnDir, ConnDir];
  /** The client id the acceptor created for this connection. */
  acceptorClient: number;
  /** Key of the link it runs over in WorldState.links (linkKey of its ends). */
  link: string;
  /** When the first SYN went out over a cut link (it is retransmitted until the link heals). */
  synOnCutAtMs?: number;
}

export type SimEvent =
  | { t: 'cron'; node: string; epoch: number }
  | { t: 'deliver'; conn: number; dir: 0 | 1; msg: NetMsg }
  | { t: 'established'; conn: number }
  | { t: 'refused'; conn: number }
  | { t: 'closed'; conn: number; side: 0 | 1; reason: string }
  /** `fork`: which child (stats.totalForks when it was forked), so a stale notice never ends a later one. */
  | { t: 'bgsave-done'; node: string; epoch: number; fork: number }
  | { t: 'bulk-sent'; node: string; epoch: number; client: number }
  | { t: 'wait-timeout'; node: string; epoch: number; client: number }
  /** SHUTDOWN: the process exits once the command that asked for it has run. */
  | { t: 'shutdown'; node: string; epoch: number }
  /** A client blocked on keys (BLPOP...) reaches its timeout. */
  | { t: 'block-timeout'; node: string; epoch: number; client: number }
  | { t: 'failover-timeout'; node: string; epoch: number }
  /** A script running across virtual time: its time-out, its next virtual ms, or its end (scripting/run.ts). */
  | { t: 'script'; node: string; epoch: number; run: number };

export interface WorldState {
  seed: number;
  nowMs: number;
  /** The unix ms virtual time started at (EPOCH_MS unless the world was told otherwise). */
  originMs: number;
  prng: PrngState;
  heap: HeapState<SimEvent>;
  nodes: Record<string, NodeState>;
  nodeOrder: string[];
  conns: Record<number, Conn>;
  nextConnId: number;
  nextMsgId: number;
  nextPort: number;
  links: Record<string, LinkProps>;
  defaultLink: LinkProps;
  trace: TraceEvent[];
  traceOn: boolean;
}

/** Virtual time starts at a fixed unix time, so absolute expire times have 13 digits as in Redis. */
export const EPOCH_MS = 1_767_225_600_000; // 2026-01-01T00:00:00Z

export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
