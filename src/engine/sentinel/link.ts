// The links of a Sentinel to its instances (sentinelReconnectInstance and the
// hiredis async contexts): a command connection for every instance, plus a
// Pub/Sub connection subscribed to __sentinel__:hello for masters and
// replicas. Commands are plain messages on simulated TCP connections; their
// replies come back in order and are matched with the callback queued at send
// time, as hiredis does.

import { openConn, sendMsg } from '../net/network';
import { argvByteLength } from '../resp/encode';
import { type Addr, type Ctx, emptyConn } from './state';
import { SENTINEL_HELLO_CHANNEL, SENTINEL_PING_PERIOD, SRI_MASTER, SRI_SENTINEL, SRI_SLAVE, type SentinelCallback, type SentinelConn, type SentinelInstance } from './types';

/** redisAsyncCommand: written now if connected, else when the TCP handshake completes. False without a context. */
export function connSend(c: Ctx, conn: SentinelConn, argv: string[], cb: SentinelCallback | null): boolean {
  if (conn.id === 0) return false;
  if (cb) conn.callbacks.push(cb);
  if (!conn.established) {
    conn.out.push(argv);
    return true;
  }
  writeCmd(c, conn.id, argv);
  return true;
}

function writeCmd(c: Ctx, connId: number, argv: string[]): void {
  sendMsg(c.w, connId, 0, 'handshake', argv.join(' '), argvByteLength(argv), { t: 'cmd', argv, offset: 0 });
}

/** The connection completed: flush what hiredis buffered. */
export function connEstablished(c: Ctx, conn: SentinelConn): void {
  conn.established = true;
  const out = conn.out;
  conn.out = [];
  for (const argv of out) writeCmd(c, conn.id, argv);
}

/** sentinelSetClientName: CLIENT SETNAME sentinel-<first 8 chars of myid>-<cmd|pubsub>. */
function setClientName(c: Ctx, ri: SentinelInstance, conn: SentinelConn, type: 'cmd' | 'pubsub'): void {
  if (connSend(c, conn, ['CLIENT', 'SETNAME', `sentinel-${c.s.myid.slice(0, 8)}-${type}`], 'discard')) ri.link.pendingCommands++;
}

/**
 * sentinelSendAuthIfNeeded: masters and replicas get the master's auth-pass
 * (and auth-user). Sentinels here have no password of their own.
 */
function sendAuthIfNeeded(c: Ctx, ri: SentinelInstance, m: SentinelInstance, conn: SentinelConn): void {
  if (!(ri.flags & (SRI_MASTER | SRI_SLAVE)) || m.authPass === null) return;
  const argv = m.authUser === null ? ['AUTH', m.authPass] : ['AUTH', m.authUser, m.authPass];
  if (connSend(c, conn, argv, 'discard')) ri.link.pendingCommands++;
}

/** sentinelSendPing: act_ping_time keeps the time of the oldest unanswered PING. */
export function sendPing(c: Ctx, ri: SentinelInstance): boolean {
  if (!connSend(c, ri.link.cc, ['PING'], 'ping')) return false;
  const link = ri.link;
  link.pendingCommands++;
  link.lastPingMs = c.w.nowMs;
  if (link.actPingMs === 0) link.actPingMs = link.lastPingMs;
  return true;
}

/** sentinelReconnectInstance: at most one attempt per second while a connection is missing. */
export function reconnectInstance(c: Ctx, ri: SentinelInstance, m: SentinelInstance): void {
  const link = ri.link;
  if (!link.disconnected) return;
  if (ri.port === 0) return;
  const now = c.w.nowMs;
  if (now - link.lastReconnMs < SENTINEL_PING_PERIOD) return;
  link.lastReconnMs = now;
  if (link.cc.id === 0) {
    link.cc = { ...emptyConn(), id: openConn(c.w, c.node.name, ri.host, ri.port) };
    link.pendingCommands = 0;
    link.ccConnMs = now;
    sendAuthIfNeeded(c, ri, m, link.cc);
    setClientName(c, ri, link.cc, 'cmd');
    // Send a PING ASAP when reconnecting.
    sendPing(c, ri);
  }
  if (ri.flags & (SRI_MASTER | SRI_SLAVE) && link.pc.id === 0) {
    link.pc = { ...emptyConn(), id: openConn(c.w, c.node.name, ri.host, ri.port) };
    link.pcConnMs = now;
    sendAuthIfNeeded(c, ri, m, link.pc);
    setClientName(c, ri, link.pc, 'pubsub');
    // The SUBSCRIBE has no reply callback of its own: every later message of the connection goes to the hello receiver.
    connSend(c, link.pc, ['SUBSCRIBE', SENTINEL_HELLO_CHANNEL], null);
  }
  // Connected as soon as the contexts exist (the TCP outcome comes later).
  if (link.cc.id !== 0 && (ri.flags & SRI_SENTINEL || link.pc.id !== 0)) link.disconnected = false;
}

/**
 * sentinelSendSlaveOf: MULTI, SLAVEOF host port (NO ONE), CONFIG REWRITE,
 * CLIENT KILL TYPE normal, CLIENT KILL TYPE pubsub, EXEC. The replies are
 * ignored: Sentinel watches the effect in the next INFO.
 */
export function sendSlaveOf(c: Ctx, ri: SentinelInstance, addr: Addr | null): boolean {
  const cc = ri.link.cc;
  if (cc.id === 0) return false;
  const host = addr ? addr.host : 'NO';
  const port = addr ? String(addr.port) : 'ONE';
  const cmds = [['MULTI'], ['SLAVEOF', host, port], ['CONFIG', 'REWRITE'], ['CLIENT', 'KILL', 'TYPE', 'normal'], ['CLIENT', 'KILL', 'TYPE', 'pubsub'], ['EXEC']];
  for (const argv of cmds) {
    connSend(c, cc, argv, 'discard');
    ri.link.pendingCommands++;
  }
  return true;
}
