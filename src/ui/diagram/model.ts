// What the diagram draws, derived from the engine's NodeView / LinkView and
// the trace (never computed replication): the links with their state, how far
// each replica is behind its master, and the bytes per second on each link.

import type { LinkProps, NodeView } from '../../engine/api';
import type { MsgRecord } from '../../state/traceLog';
import type { LinkView } from '../../worker/protocol';

/** How a replication link looks: ROLE's link states, grouped as a learner sees them. */
export type LinkVisual = 'connecting' | 'handshake' | 'sync' | 'connected' | 'down';

export interface DiagramLink {
  /** Stable React key. */
  key: string;
  /** Replication: a is the master, b the replica (the stream flows a → b). Network only: as reported. */
  a: string;
  b: string;
  kind: 'replication' | 'network';
  /** Replication links only. */
  state: LinkVisual | null;
  props: LinkProps;
  /** Latency, bandwidth or loss differ from the default. */
  tuned: boolean;
  /** The replica's RDB transfer during a full sync. */
  sync: { readBytes: number; totalBytes: number } | null;
}

/** One name for the unordered pair {a, b}. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function samePair(x: { a: string; b: string } | null, a: string, b: string): boolean {
  return x !== null && ((x.a === a && x.b === b) || (x.a === b && x.b === a));
}

/**
 * A replica's link as drawn. A link is down when either end is not running,
 * whatever the replica last believed; `connect` (waiting for the next
 * replicationCron to dial) counts as connecting.
 */
export function linkVisual(replica: NodeView, master: NodeView | undefined): LinkVisual {
  if (!replica.up || (master && !master.up)) return 'down';
  switch (replica.linkState) {
    case 'connected':
      return 'connected';
    case 'sync':
      return 'sync';
    case 'handshake':
      return 'handshake';
    case 'connect':
    case 'connecting':
      return 'connecting';
    default:
      return 'down';
  }
}

function isTuned(p: LinkProps, d: LinkProps): boolean {
  return p.latencyMs !== d.latencyMs || p.bytesPerMs !== d.bytesPerMs || p.loss !== d.loss;
}

/**
 * Every link to draw: one per replica whose master is in the diagram, plus a
 * plain network line for any other pair the engine reported as cut or tuned
 * (so a cut between a Sentinel and a master is visible and clickable too).
 * `defaults` is the network of every pair the engine did not list (the
 * frame's defaultLink): a link with those settings shows no latency label.
 */
export function diagramLinks(nodes: readonly NodeView[], links: readonly LinkView[], defaults: LinkProps): DiagramLink[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const props = new Map(links.map((l) => [pairKey(l.a, l.b), l]));
  const out: DiagramLink[] = [];
  const seen = new Set<string>();
  for (const n of nodes) {
    if (n.sentinel || n.role !== 'slave' || n.masterName === null || n.masterName === n.name) continue;
    const master = byName.get(n.masterName);
    if (!master) continue;
    const key = pairKey(master.name, n.name);
    // Two nodes replicating from each other (a moment of REPLICAOF cycle): one line is enough.
    if (seen.has(key)) continue;
    seen.add(key);
    const p = props.get(key) ?? defaults;
    out.push({
      key: `repl:${master.name}>${n.name}`,
      a: master.name,
      b: n.name,
      kind: 'replication',
      state: linkVisual(n, master),
      props: { latencyMs: p.latencyMs, bytesPerMs: p.bytesPerMs, loss: p.loss, cut: p.cut },
      tuned: isTuned(p, defaults),
      sync: n.syncProgress,
    });
  }
  for (const l of links) {
    const key = pairKey(l.a, l.b);
    if (seen.has(key) || !byName.has(l.a) || !byName.has(l.b) || l.a === l.b) continue;
    if (!l.cut && !isTuned(l, defaults)) continue;
    seen.add(key);
    out.push({
      key: `net:${key}`,
      a: l.a,
      b: l.b,
      kind: 'network',
      state: null,
      props: { latencyMs: l.latencyMs, bytesPerMs: l.bytesPerMs, loss: l.loss, cut: l.cut },
      tuned: isTuned(l, defaults),
      sync: null,
    });
  }
  return out;
}

export interface ReplicaStatus {
  /** Time since the master last heard this replica's ACK, as the master reports it. */
  lagMs: number | null;
  /** master.offset − replica.offset (never negative). */
  behindBytes: number | null;
}

export function replicaStatus(replica: NodeView, master: NodeView | undefined): ReplicaStatus {
  if (replica.role !== 'slave' || !master) return { lagMs: null, behindBytes: null };
  const entry = master.replicas.find((r) => r.name === replica.name);
  return {
    lagMs: entry ? entry.lagMs : null,
    behindBytes: Math.max(0, master.offset - replica.offset),
  };
}

/**
 * Fraction (0..1) of the gap bar to fill for `behindBytes`. The scale is the
 * largest gap in the diagram but at least 1 KB, so 27 bytes behind is a
 * sliver, not a full bar, and the bar is comparable between replicas.
 */
export function gapFraction(behindBytes: number, largestBehind: number): number {
  if (behindBytes <= 0) return 0;
  return Math.min(1, behindBytes / Math.max(1024, largestBehind));
}

/**
 * Bytes per second delivered on each pair of nodes (both directions) over the
 * second of virtual time ending at `viewMs`. `msgs` must hold at least every
 * message overlapping that window (TraceLog.msgsOverlapping does).
 */
export function throughputByPair(msgs: readonly MsgRecord[], viewMs: number, windowMs = 1000): Map<string, number> {
  const out = new Map<string, number>();
  const from = viewMs - windowMs;
  for (const m of msgs) {
    if (m.deliverMs <= from || m.deliverMs > viewMs) continue;
    if (m.droppedMs !== null && m.droppedMs <= m.deliverMs) continue;
    const key = pairKey(m.from, m.to);
    out.set(key, (out.get(key) ?? 0) + m.bytes);
  }
  if (windowMs !== 1000) for (const [k, v] of out) out.set(k, (v * 1000) / windowMs);
  return out;
}
