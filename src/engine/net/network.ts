// Connections between simulated processes, modelled like TCP: ordered,
// reliable byte streams over a link with latency, bandwidth and loss. A cut
// link holds the bytes (TCP keeps retransmitting) and delivers them once it
// heals; a crashed process' connections are reset by its kernel at once.

import type { LinkProps } from '../api';
import { nextFloat } from '../sim/prng';
import { heapPush } from '../sim/scheduler';
import type { MsgKind } from '../trace';
import type { Conn, NetMsg, NetPayload, WorldState } from '../world-state';
import { linkKey } from '../world-state';

/** Extra delay of a lost segment: TCP's minimum retransmission timeout. */
export const RETRANSMIT_MS = 200;

export const DEFAULT_LINK: LinkProps = { latencyMs: 1, bytesPerMs: 0, loss: 0, cut: false };

export function getLink(w: WorldState, a: string, b: string): LinkProps {
  return w.links[linkKey(a, b)] ?? w.defaultLink;
}

export function setLink(w: WorldState, a: string, b: string, props: Partial<LinkProps>): void {
  const key = linkKey(a, b);
  const before = getLink(w, a, b);
  const after = { ...before, ...props };
  w.links[key] = after;
  if (before.cut && !after.cut) healConns(w, a, b);
}

function findListener(w: WorldState, host: string, port: number): string | null {
  for (const name of w.nodeOrder) {
    const n = w.nodes[name];
    if (n.port === port && (n.host === host || host === 'localhost' || host.toLowerCase() === n.host)) return name;
  }
  return null;
}

/** Known host that is not a node: connecting to it gets no answer at all. */
function hostExists(w: WorldState, host: string): boolean {
  if (host === 'localhost') return true;
  for (const name of w.nodeOrder) if (w.nodes[name].host === host) return true;
  return false;
}

/**
 * Start a TCP connection from `from` to host:port. Returns the connection id;
 * the outcome arrives later as an 'established' or 'refused' event, or never
 * (unknown host, cut link): the caller's timeout handles that, as in Redis.
 */
export function openConn(w: WorldState, from: string, host: string, port: number): number {
  const id = w.nextConnId++;
  const target = findListener(w, host, port);
  const conn: Conn = {
    id,
    ends: [from, target ?? `${host}:${port}`],
    epochs: [w.nodes[from].epoch, target ? w.nodes[target].epoch : 0],
    open: [true, false],
    established: false,
    dirs: [
      { freeAtMs: 0, lastDeliverMs: 0, held: [] },
      { freeAtMs: 0, lastDeliverMs: 0, held: [] },
    ],
    acceptorClient: 0,
    link: linkKey(from, target ?? `${host}:${port}`),
  };
  w.conns[id] = conn;
  if (!target) {
    // Same host, nobody on that port: the kernel answers RST at once.
    if (hostExists(w, host)) heapPush(w.heap, w.nowMs + 1, { t: 'refused', conn: id });
    return id;
  }
  const link = getLink(w, from, target);
  if (link.cut) {
    conn.synOnCutAtMs = w.nowMs;
    return id;
  }
  synReaches(w, conn, target, w.nowMs);
  return id;
}

/** The connecting side learns the outcome of a SYN sent at `atMs` (SYN-ACK or RST) one latency later. */
function synReaches(w: WorldState, conn: Conn, target: string, atMs: number): void {
  const oneWay = Math.max(1, getLink(w, conn.ends[0], target).latencyMs);
  heapPush(w.heap, atMs + oneWay, { t: w.nodes[target].up ? 'established' : 'refused', conn: conn.id });
}

/**
 * Linux retransmits an unanswered SYN after 1, 3, 7, 15, 31 and 63 s
 * (initial RTO 1 s, doubling; tcp_syn_retries 6), then gives up at 127 s.
 * A connection started during a cut completes with the first retransmission
 * after the link heals.
 */
const SYN_RETRANSMIT_AFTER_MS = [1_000, 3_000, 7_000, 15_000, 31_000, 63_000];

function retransmitSyn(w: WorldState, conn: Conn): void {
  const first = conn.synOnCutAtMs;
  if (first === undefined || conn.established || !conn.open[0]) return;
  conn.synOnCutAtMs = undefined;
  const at = SYN_RETRANSMIT_AFTER_MS.map((d) => first + d).find((t) => t >= w.nowMs);
  if (at !== undefined && w.nodes[conn.ends[1]]) synReaches(w, conn, conn.ends[1], at);
}

/** The node at the receiving end of direction `dir`. */
export function receiverOf(conn: Conn, dir: 0 | 1): string {
  return conn.ends[dir === 0 ? 1 : 0];
}

export function sendMsg(w: WorldState, connId: number, dir: 0 | 1, kind: MsgKind, text: string, bytes: number, payload: NetPayload): void {
  const conn = w.conns[connId];
  if (!conn?.open[dir === 0 ? 0 : 1]) return;
  const msg: NetMsg = { id: w.nextMsgId++, kind, bytes, text, payload, sentMs: w.nowMs };
  transmit(w, conn, dir, msg);
}

function transmit(w: WorldState, conn: Conn, dir: 0 | 1, msg: NetMsg): void {
  const from = conn.ends[dir === 0 ? 0 : 1];
  const to = receiverOf(conn, dir);
  const link = w.links[conn.link] ?? w.defaultLink;
  const d = conn.dirs[dir];
  if (link.cut) {
    d.held.push(msg);
    return;
  }
  const start = Math.max(w.nowMs, d.freeAtMs);
  const txMs = link.bytesPerMs > 0 ? msg.bytes / link.bytesPerMs : 0;
  d.freeAtMs = start + txMs;
  let deliver = Math.ceil(start + txMs + link.latencyMs);
  if (link.loss > 0 && nextFloat(w.prng) < link.loss) deliver += RETRANSMIT_MS;
  if (deliver < d.lastDeliverMs) deliver = d.lastDeliverMs;
  d.lastDeliverMs = deliver;
  heapPush(w.heap, deliver, { t: 'deliver', conn: conn.id, dir, msg });
  if (w.traceOn) {
    w.trace.push({
      t: 'msg',
      id: msg.id,
      from,
      to,
      conn: conn.id,
      kind: msg.kind,
      text: msg.text,
      bytes: msg.bytes,
      sentMs: msg.sentMs,
      deliverMs: deliver,
      offset: msg.payload.t === 'cmd' && msg.payload.offset > 0 ? msg.payload.offset : undefined,
    });
  }
}

/** A message arrived while the link is cut (it was in flight when the cut happened): hold it. */
export function holdOnCutLink(w: WorldState, conn: Conn, dir: 0 | 1, msg: NetMsg): boolean {
  const link = getLink(w, conn.ends[0], conn.ends[1]);
  if (!link.cut) return false;
  conn.dirs[dir].held.push(msg);
  return true;
}

function healConns(w: WorldState, a: string, b: string): void {
  for (const id of Object.keys(w.conns)) {
    const conn = w.conns[Number(id)];
    const [x, y] = conn.ends;
    if (!((x === a && y === b) || (x === b && y === a))) continue;
    retransmitSyn(w, conn);
    for (const dir of [0, 1] as const) {
      const held = conn.dirs[dir].held;
      conn.dirs[dir].held = [];
      for (const msg of held) transmit(w, conn, dir, msg);
    }
    // A close that happened during the cut reaches the peer now (its next packet gets a RST).
    for (const side of [0, 1] as const) {
      if (!conn.open[side] && conn.open[side === 0 ? 1 : 0] && conn.established) {
        heapPush(w.heap, w.nowMs + Math.max(1, getLink(w, x, y).latencyMs), { t: 'closed', conn: conn.id, side: side === 0 ? 1 : 0, reason: 'reset' });
      }
    }
  }
}

/**
 * One end closes the connection. The other end learns it after the link
 * latency (FIN/RST), unless the link is cut: then it learns when it heals.
 */
export function closeConn(w: WorldState, connId: number, side: 0 | 1, reason: string): void {
  const conn = w.conns[connId];
  if (!conn?.open[side]) return;
  conn.open[side] = false;
  const other = side === 0 ? 1 : 0;
  if (w.traceOn) w.trace.push({ t: 'conn-close', conn: connId, from: conn.ends[0], to: conn.ends[1], atMs: w.nowMs, reason });
  if (conn.open[other] && conn.established) {
    const link = getLink(w, conn.ends[0], conn.ends[1]);
    if (!link.cut) heapPush(w.heap, w.nowMs + Math.max(1, link.latencyMs), { t: 'closed', conn: connId, side: other, reason });
  }
  if (!conn.open[0] && !conn.open[1]) delete w.conns[connId];
}

/**
 * A connection reset (a middlebox or a flapping interface): every connection
 * between a and b is closed at both ends, each end learning it after the
 * link latency.
 */
export function resetConns(w: WorldState, a: string, b: string): void {
  for (const id of Object.keys(w.conns)) {
    const conn = w.conns[Number(id)];
    if (!conn) continue;
    const [x, y] = conn.ends;
    if (!((x === a && y === b) || (x === b && y === a))) continue;
    const delay = Math.max(1, getLink(w, x, y).latencyMs);
    for (const side of [0, 1] as const) {
      if (conn.open[side]) heapPush(w.heap, w.nowMs + delay, { t: 'closed', conn: conn.id, side, reason: 'connection reset' });
    }
    if (!conn.established && conn.open[0]) heapPush(w.heap, w.nowMs + delay, { t: 'refused', conn: conn.id });
  }
}

/** Forget a connection entirely (both ends gone). */
export function dropConn(w: WorldState, connId: number): void {
  delete w.conns[connId];
}
