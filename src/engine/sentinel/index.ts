// Redis Sentinel as a process of the simulated world: its state is created
// from a `sentinel monitor` line, (re)built from its config file at every
// start, driven by sentinelTimer (run from serverCron at a random hz, as
// Redis does to desynchronise Sentinels), and fed by the events of the
// connections it opened (established, refused or closed, replies).

import type { Reply } from '../resp/reply';
import type { NodeState } from '../server/types';
import { nextU32, randomHexId } from '../sim/prng';
import type { NetMsg, WorldState } from '../world-state';
import { failoverStateMachine, startFailoverIfNeeded, switchToPromotedSlave } from './failover';
import { connEstablished, reconnectInstance } from './link';
import {
  askMasterStateToOtherSentinels,
  checkObjectivelyDown,
  checkSubjectivelyDown,
  onHelloMessage,
  onIsMasterDownReply,
  onPingReply,
  onPublishReply,
  refreshInstanceInfo,
  sendPeriodicCommands,
} from './monitor';
import { type Ctx, at, ctxOf, emptyConn, flushConfig, initialConf, loadConfig, sentinelEvent } from './state';
import { FAILOVER_UPDATE_CONFIG, SRI_MASTER, type SentinelConn, type SentinelInstance, type SentinelLink, type SentinelState } from './types';

export { sentinelCommandTable } from './commands';

/** The state of a Sentinel monitoring one master, or an error text as Sentinel prints it for a bad config. */
export function createSentinelState(masterName: string, host: string, port: number, quorum: number, options: [string, string][]): SentinelState | string {
  const conf = initialConf(masterName, host, port, quorum, options);
  if (typeof conf === 'string') return conf;
  return { conf, myid: '', currentEpoch: 0, masters: [], simFailureFlags: 0 };
}

/**
 * A Sentinel process starts: the instances come from its config file (the
 * monitor line, then what it learned and flushed), a first start picks the
 * Sentinel id and saves it (sentinelIsRunning), and +monitor is announced.
 */
export function sentinelStart(w: WorldState, node: NodeState): void {
  const c = ctxOf(w, node);
  loadConfig(w.nowMs, c.s);
  c.s.simFailureFlags = 0;
  if (c.s.myid === '') {
    c.s.myid = randomHexId(w.prng);
    flushConfig(c.s);
  }
  for (const m of c.s.masters) sentinelEvent(c, '+monitor', `${at(m, null)} quorum ${m.quorum}`);
}

/** sentinelHandleRedisInstance */
function handleInstance(c: Ctx, ri: SentinelInstance, m: SentinelInstance): void {
  reconnectInstance(c, ri, m);
  sendPeriodicCommands(c, ri, m);
  checkSubjectivelyDown(c, ri, m);
  if (ri.flags & SRI_MASTER) {
    checkObjectivelyDown(c, ri);
    if (startFailoverIfNeeded(c, ri)) askMasterStateToOtherSentinels(c, ri, true);
    failoverStateMachine(c, ri);
    askMasterStateToOtherSentinels(c, ri, false);
  }
}

/**
 * sentinelTimer: every master, then its replicas and Sentinels; a master
 * whose failover reached update-config switches to the promoted replica
 * after the walk. Returns the delay to the next run: serverCron runs every
 * 1000/hz ms and Sentinel sets hz = 10 + rand() % 10 after each run.
 */
export function sentinelTimer(w: WorldState, node: NodeState): number {
  const c = ctxOf(w, node);
  let switchTo: SentinelInstance | null = null;
  for (const m of [...c.s.masters]) {
    if (!node.up) break;
    handleInstance(c, m, m);
    for (const ri of [...m.slaves]) if (node.up && m.slaves.includes(ri)) handleInstance(c, ri, m);
    for (const ri of [...m.sentinels]) if (node.up && m.sentinels.includes(ri)) handleInstance(c, ri, m);
    if (m.failoverState === FAILOVER_UPDATE_CONFIG) switchTo = m;
  }
  if (switchTo && node.up) switchToPromotedSlave(c, switchTo);
  const hz = 10 + (nextU32(w.prng) % 10);
  return Math.floor(1000 / hz);
}

interface Found {
  ri: SentinelInstance;
  m: SentinelInstance;
  link: SentinelLink;
  which: 'cc' | 'pc';
  conn: SentinelConn;
}

function findConn(s: SentinelState, connId: number): Found | null {
  for (const m of s.masters) {
    for (const ri of [m, ...m.slaves, ...m.sentinels]) {
      if (ri.link.cc.id === connId) return { ri, m, link: ri.link, which: 'cc', conn: ri.link.cc };
      if (ri.link.pc.id === connId) return { ri, m, link: ri.link, which: 'pc', conn: ri.link.pc };
    }
  }
  return null;
}

/** Whether a connection is one of this Sentinel's links. */
export function isSentinelConn(node: NodeState, connId: number): boolean {
  return !!node.sentinel && findConn(node.sentinel, connId) !== null;
}

export function sentinelConnEstablished(w: WorldState, node: NodeState, connId: number): void {
  const c = ctxOf(w, node);
  const f = findConn(c.s, connId);
  if (f) connEstablished(c, f.conn);
}

/**
 * The connection was refused or closed by the peer (instanceLinkConnectionError):
 * the context is gone, the link is marked disconnected and reconnected by the
 * timer. Pending replies are dropped with it; the pending count stays, as in Redis.
 */
export function sentinelConnLost(w: WorldState, node: NodeState, connId: number): void {
  const c = ctxOf(w, node);
  const f = findConn(c.s, connId);
  if (!f) return;
  f.link[f.which] = emptyConn();
  f.link.disconnected = true;
}

/** A reply (or a Pub/Sub message) arrived on one of our links. */
export function sentinelOnMessage(w: WorldState, node: NodeState, connId: number, msg: NetMsg): void {
  if (msg.payload.t !== 'reply') return;
  const c = ctxOf(w, node);
  const f = findConn(c.s, connId);
  if (!f) return;
  const r: Reply = msg.payload.reply;
  if (f.which === 'pc') {
    // Replies to CLIENT SETNAME first; then everything is for the hello receiver (subscribe confirmation, messages).
    if (r.t !== 'array' && f.conn.callbacks.length) {
      f.conn.callbacks.shift();
      f.link.pendingCommands--;
      return;
    }
    onHelloMessage(c, f.ri, r);
    return;
  }
  const cb = f.conn.callbacks.shift();
  if (!cb) return;
  f.link.pendingCommands--;
  switch (cb) {
    case 'ping':
      onPingReply(c, f.ri, r);
      return;
    case 'info':
      if (r.t === 'bulk') refreshInstanceInfo(c, f.ri, f.m, r.s);
      return;
    case 'publish':
      onPublishReply(c, f.ri, r);
      return;
    case 'is-master-down':
      onIsMasterDownReply(c, f.ri, r);
      return;
    case 'discard':
      return;
  }
}
