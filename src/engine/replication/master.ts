// The master side of replication (Redis' replication.c, master half):
// feeding the stream into the backlog and to replicas, PSYNC handling with
// full and partial resynchronization, the RDB transfer (disk or diskless),
// REPLCONF ACK, WAIT and min-replicas-to-write bookkeeping.

import { argvByteLength, byteLength } from '../resp/encode';
import { type Reply, err, int, status } from '../resp/reply';
import { closeConn, sendMsg } from '../net/network';
import { heapPush } from '../sim/scheduler';
import { randomHexId } from '../sim/prng';
import { imageOfDbs } from '../server/db';
import type { BgsaveState, ClientState, NodeState, PendingStreamItem, ReplInfo, ReplicaLink } from '../server/types';
import { cfgBool, cfgInt } from '../server/config';
import { childNoticedAtMs, keysIn, rdbSizeOf } from '../persistence/disk';
import type { MsgKind } from '../trace';
import type { WorldState } from '../world-state';
import { type BacklogItem, backlogFeed, backlogItemsFrom, backlogTrim, commandPieces, createBacklog } from './backlog';

export const ZERO_ID = '0000000000000000000000000000000000000000';

/** Bytes of one RDB chunk on the wire (an animation frame's worth of payload). */
export const RDB_CHUNK_BYTES = 16 * 1024;

export function isMasterRole(node: NodeState): boolean {
  return node.repl.masterHost === null;
}

export function changeReplicationId(w: WorldState, node: NodeState): void {
  node.repl.replid = randomHexId(w.prng);
  traceReplid(w, node);
}

export function clearReplicationId2(node: NodeState): void {
  node.repl.replid2 = ZERO_ID;
  node.repl.secondOffset = -1;
}

/** shiftReplicationId: the current history becomes replid2, valid up to offset+1. */
export function shiftReplicationId(w: WorldState, node: NodeState): void {
  node.repl.replid2 = node.repl.replid;
  node.repl.secondOffset = node.repl.offset + 1;
  changeReplicationId(w, node);
}

export function traceReplid(w: WorldState, node: NodeState): void {
  if (w.traceOn) w.trace.push({ t: 'replid', node: node.name, replid: node.repl.replid, replid2: node.repl.replid2, atMs: w.nowMs });
}

function kindText(argv: readonly string[]): string {
  const s = argv.join(' ');
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Replicas whose output still starts before the tail of the backlog pin blocks from that offset. */
function pinnedFrom(node: NodeState): number {
  let min = Number.POSITIVE_INFINITY;
  for (const r of node.repl.replicas) {
    if (r.state === 'wait_bgsave_start') continue;
    if (r.sentOffset < node.repl.offset) min = Math.min(min, r.sentOffset + 1);
  }
  return min;
}

export function trimBacklog(node: NodeState): void {
  const b = node.repl.backlog;
  if (!b) return;
  backlogTrim(b, node.repl.offset, cfgInt(node.config, 'repl-backlog-size'), pinnedFrom(node));
}

function streamsNow(r: ReplicaLink): boolean {
  return r.state === 'online' && !r.startStreamOnAck;
}

function sendStreamItem(w: WorldState, node: NodeState, r: ReplicaLink, it: PendingStreamItem): void {
  node.stats.netReplOutputBytes += it.bytes;
  sendMsg(w, r.conn, 1, it.kind, it.text, it.bytes, { t: 'cmd', argv: it.argv, offset: it.offset });
  r.sentOffset = it.offset;
}

/**
 * Append one command to this node's stream: the backlog grows, and each
 * replica gets it now (online) or keeps it in its output buffer (waiting for
 * its RDB). Used by a top-level master (replicationFeedSlaves) and by a
 * replica proxying its master's stream (replicationFeedStreamFromMasterStream).
 */
export function feedStream(w: WorldState, node: NodeState, argv: string[], kind: 'stream' | 'ping' | 'getack'): void {
  const repl = node.repl;
  if (!repl.backlog) return;
  const bytes = argvByteLength(argv);
  const item: BacklogItem = { start: repl.offset + 1, bytes, argv, kind };
  const backlogSize = cfgInt(node.config, 'repl-backlog-size');
  // Only a piece longer than 16 KB changes how blocks are cut; smaller commands feed as one run.
  const pieces = bytes <= 16 * 1024 ? null : commandPieces(argv, byteLength);
  const added = backlogFeed(repl.backlog, item, pieces, repl.offset, backlogSize);
  repl.offset += bytes;
  const pending: PendingStreamItem = { argv, text: repl.replicas.length ? kindText(argv) : '', bytes, offset: repl.offset, kind };
  for (const r of repl.replicas) {
    if (r.state === 'wait_bgsave_start') continue;
    if (streamsNow(r) && r.pending.length === 0) sendStreamItem(w, node, r, pending);
    else r.pending.push(pending);
  }
  // Redis trims when a new block was added, and when a replica's output moves on.
  const b = repl.backlog;
  if (added || (b.blocks.length > 1 && b.histlen - b.blocks[0].size > backlogSize)) trimBacklog(node);
}

/** replicationFeedSlaves for a master: SELECT first when the db changes. */
export function replicationFeedSlaves(w: WorldState, node: NodeState, dbid: number, argv: string[], kind: 'stream' | 'ping' | 'getack' = 'stream'): void {
  const repl = node.repl;
  if (repl.masterHost !== null) return;
  if (!repl.backlog && repl.replicas.length === 0) return;
  if (dbid >= 0 && repl.slaveseldb !== dbid) {
    feedStream(w, node, ['SELECT', String(dbid)], 'stream');
    repl.slaveseldb = dbid;
  }
  feedStream(w, node, argv, kind);
}

/** Send what a replica's output buffer holds (after its RDB, or on its first ACK). */
export function flushPending(w: WorldState, node: NodeState, r: ReplicaLink): void {
  if (!streamsNow(r)) return;
  const items = r.pending;
  r.pending = [];
  for (const it of items) sendStreamItem(w, node, r, it);
  trimBacklog(node);
}

export function findReplica(node: NodeState, clientId: number): ReplicaLink | undefined {
  return node.repl.replicas.find((r) => r.clientId === clientId);
}

/** A replica's connection went away: forget it (freeClient on a replica client). */
export function removeReplica(w: WorldState, node: NodeState, clientId: number, reason: string): void {
  const idx = node.repl.replicas.findIndex((r) => r.clientId === clientId);
  if (idx < 0) return;
  const r = node.repl.replicas[idx];
  node.repl.replicas.splice(idx, 1);
  closeConn(w, r.conn, 1, reason);
  delete node.clients[clientId];
  if (node.repl.replicas.length === 0) node.repl.noReplicasSinceMs = w.nowMs;
  refreshGoodSlavesCount(w, node);
  trimBacklog(node);
  // A diskless transfer loses a target; if none is left the child is killed.
  if (node.bgsave && node.bgsave.target === 'socket') {
    node.bgsave.replicaClientIds = node.bgsave.replicaClientIds.filter((id) => id !== clientId);
  }
}

/** disconnectSlaves: every replica is dropped (they reconnect and usually resync partially). */
export function disconnectSlaves(w: WorldState, node: NodeState, reason: string): void {
  for (const r of [...node.repl.replicas]) removeReplica(w, node, r.clientId, reason);
}

export function refreshGoodSlavesCount(w: WorldState, node: NodeState): void {
  const toWrite = cfgInt(node.config, 'min-replicas-to-write');
  const maxLag = cfgInt(node.config, 'min-replicas-max-lag');
  if (!toWrite || !maxLag) return;
  const nowS = Math.floor(w.nowMs / 1000);
  let good = 0;
  for (const r of node.repl.replicas) {
    const lag = nowS - Math.floor(r.ackTimeMs / 1000);
    if (r.state === 'online' && lag <= maxLag) good++;
  }
  node.repl.goodReplicas = good;
}

export function goodReplicasOk(node: NodeState): boolean {
  const toWrite = cfgInt(node.config, 'min-replicas-to-write');
  const maxLag = cfgInt(node.config, 'min-replicas-max-lag');
  return node.repl.masterHost !== null || !maxLag || !toWrite || node.repl.goodReplicas >= toWrite;
}

// ---------------------------------------------------------------------------
// PSYNC

/**
 * masterTryPartialResynchronization. Worked example: the replica asks
 * `PSYNC <replid> 51` after reading 50 bytes; the backlog holds offsets
 * 1..77, so the master answers +CONTINUE and sends bytes 51..77 again.
 */
function tryPartialResync(w: WorldState, node: NodeState, client: ClientState, r: ReplicaLink, reqId: string, reqOff: number): boolean {
  const repl = node.repl;
  const idLower = reqId.toLowerCase();
  const idOk = idLower === repl.replid || (idLower === repl.replid2 && reqOff <= repl.secondOffset);
  const b = repl.backlog;
  if (!idOk || !b || reqOff < b.offset || reqOff > b.offset + b.histlen) return false;
  const items = backlogItemsFrom(b, reqOff);
  if (items === null) return false;
  client.kind = 'replica';
  r.state = 'online';
  r.ackTimeMs = w.nowMs;
  r.startStreamOnAck = false;
  r.sentOffset = reqOff - 1;
  repl.replicas.push(r);
  repl.noReplicasSinceMs = -1;
  const reply = r.capaPsync2 ? `+CONTINUE ${repl.replid}` : '+CONTINUE';
  sendMsg(w, r.conn, 1, 'handshake', reply, reply.length + 2, { t: 'reply', reply: status(reply.slice(1)) });
  node.stats.syncPartialOk++;
  for (const it of items) sendStreamItem(w, node, r, { argv: it.argv, text: kindText(it.argv), bytes: it.bytes, offset: it.start + it.bytes - 1, kind: it.kind });
  if (w.traceOn) w.trace.push({ t: 'sync', node: node.name, kind: 'partial', replica: r.peer, atMs: w.nowMs });
  refreshGoodSlavesCount(w, node);
  return true;
}

export interface PsyncPeer {
  peer: string;
  ip: string;
  listeningPort: number;
  capaEof: boolean;
  capaPsync2: boolean;
}

/** syncCommand for PSYNC (SYNC is PSYNC ? -1 without +FULLRESYNC). Returns a reply only for errors. */
export function psyncCommand(w: WorldState, node: NodeState, client: ClientState, argv: string[], peerInfo: PsyncPeer): Reply | null {
  const repl = node.repl;
  if (client.kind === 'replica') return null;
  if (repl.failover.state !== 'no-failover') return err("NOMASTERLINK Can't SYNC while failing over");
  if (argv[0].toLowerCase() === 'psync' && argv.length > 3 && argv[3].toLowerCase() === 'failover') {
    if (repl.masterHost === null) return err("ERR PSYNC FAILOVER can't be sent to a master.");
    if (argv[1].toLowerCase() !== repl.replid) return err('ERR PSYNC FAILOVER replid must match my replid.');
    unsetMasterHook(w, node);
  }
  if (repl.masterHost !== null && repl.linkState !== 'connected') return err("NOMASTERLINK Can't SYNC while not connected with my master");
  const r: ReplicaLink = {
    clientId: client.id,
    conn: client.conn,
    peer: peerInfo.peer,
    ip: peerInfo.ip,
    listeningPort: peerInfo.listeningPort,
    capaEof: peerInfo.capaEof,
    capaPsync2: peerInfo.capaPsync2,
    state: 'wait_bgsave_start',
    ackOffset: 0,
    ackTimeMs: w.nowMs,
    lastInteractionMs: w.nowMs,
    pending: [],
    startStreamOnAck: false,
    refBlock: 0,
    psyncInitialOffset: 0,
    sentOffset: 0,
  };
  const isPsync = argv[0].toLowerCase() === 'psync';
  if (isPsync) {
    const reqOff = Number(argv[2]);
    if (Number.isInteger(reqOff) && tryPartialResync(w, node, client, r, argv[1], reqOff)) return null;
    if (argv[1] !== '?') node.stats.syncPartialErr++;
  }
  node.stats.syncFull++;
  client.kind = 'replica';
  repl.replicas.push(r);
  repl.noReplicasSinceMs = -1;
  if (w.traceOn) w.trace.push({ t: 'sync', node: node.name, kind: 'full', replica: r.peer, atMs: w.nowMs });
  // The first replica of a master without a backlog starts a new history.
  if (repl.replicas.length === 1 && !repl.backlog) {
    changeReplicationId(w, node);
    clearReplicationId2(node);
    repl.backlog = createBacklog(repl.offset);
  }
  const bg = node.bgsave;
  if (bg && bg.target === 'disk') {
    // A disk BGSAVE is running: attach to it if another replica already collects the diff.
    const other = repl.replicas.find((o) => o !== r && o.state === 'wait_bgsave_end');
    if (other) {
      r.pending = [...other.pending];
      r.sentOffset = other.sentOffset;
      setupFullResync(w, node, r, other.psyncInitialOffset);
    }
  } else if (!bg) {
    const diskless = cfgBool(node.config, 'repl-diskless-sync');
    if (!diskless || cfgInt(node.config, 'repl-diskless-sync-delay') === 0) startBgsaveForReplication(w, node);
  }
  return null;
}

/** replicationSetupSlaveForFullResync: +FULLRESYNC <replid> <offset>, SELECT forced next. */
function setupFullResync(w: WorldState, node: NodeState, r: ReplicaLink, offset: number): void {
  r.psyncInitialOffset = offset;
  r.state = 'wait_bgsave_end';
  r.sentOffset = offset;
  node.repl.slaveseldb = -1;
  const text = `+FULLRESYNC ${node.repl.replid} ${offset}`;
  sendMsg(w, r.conn, 1, 'handshake', text, text.length + 2, { t: 'reply', reply: status(text.slice(1)) });
}

/** Time a fork child needs to write an RDB of n bytes to disk. */
function rdbWriteMs(bytes: number): number {
  return 1 + Math.ceil(bytes / 200_000);
}

/** startBgsaveForReplication: fork once for every replica waiting to start. */
export function startBgsaveForReplication(w: WorldState, node: NodeState): void {
  const waiting = node.repl.replicas.filter((r) => r.state === 'wait_bgsave_start');
  if (waiting.length === 0 || node.bgsave) return;
  const socket = cfgBool(node.config, 'repl-diskless-sync') && waiting.every((r) => r.capaEof);
  const image = imageOfDbs(node.dbs);
  const rdbBytes = rdbSizeOf(image, byteLength);
  node.stats.totalForks++;
  const replInfo: ReplInfo = { replid: node.repl.replid, offset: node.repl.offset, streamDb: Math.max(0, node.repl.slaveseldb) };
  for (const r of waiting) setupFullResync(w, node, r, node.repl.offset);
  if (socket) {
    // The child writes the payload straight into every socket: $EOF:<mark> + RDB + <mark>.
    let doneMs = w.nowMs + 1;
    for (const r of waiting) {
      const total = rdbBytes + 46 + 40;
      sendRdbChunks(w, node, r, total, true, image, replInfo);
      const conn = w.conns[r.conn];
      if (conn) doneMs = Math.max(doneMs, Math.ceil(conn.dirs[1].freeAtMs) + 1);
    }
    node.bgsave = { fork: node.stats.totalForks, target: 'socket', startMs: w.nowMs, endMs: doneMs, image: [], replInfo, dirtyAtStart: node.dirty, replicaClientIds: waiting.map((r) => r.clientId), rdbBytes };
    heapPush(w.heap, childNoticedAtMs(node.startedAtMs, doneMs), { t: 'bgsave-done', node: node.name, epoch: node.epoch, fork: node.stats.totalForks });
  } else {
    node.rdbSaves++;
    const endMs = w.nowMs + rdbWriteMs(rdbBytes);
    node.bgsave = { fork: node.stats.totalForks, target: 'disk', startMs: w.nowMs, endMs, image, replInfo, dirtyAtStart: node.dirty, replicaClientIds: [], rdbBytes };
    heapPush(w.heap, childNoticedAtMs(node.startedAtMs, endMs), { t: 'bgsave-done', node: node.name, epoch: node.epoch, fork: node.stats.totalForks });
  }
}

function sendRdbChunks(w: WorldState, node: NodeState, r: ReplicaLink, total: number, eof: boolean, image: ReturnType<typeof imageOfDbs>, replInfo: ReplInfo): void {
  let sent = 0;
  let seq = 0;
  const keys = keysIn(image);
  do {
    const n = Math.min(RDB_CHUNK_BYTES, total - sent);
    sent += n;
    const last = sent >= total;
    const text = `RDB ${sent}/${total} B${last ? ` · ${keys} keys` : ''}`;
    sendMsg(w, r.conn, 1, 'rdb', text, n, { t: 'rdb', seq: seq++, total, eof, last, image: last ? image : null, replid: replInfo.replid, offset: replInfo.offset, streamDb: replInfo.streamDb });
    node.stats.netReplOutputBytes += n;
  } while (sent < total);
}

/** The fork child finished (updateSlavesWaitingBgsave). */
export function onBgsaveDone(w: WorldState, node: NodeState, writeRdb: (node: NodeState, bg: BgsaveState) => void): void {
  const bg = node.bgsave;
  if (!bg) return;
  node.bgsave = null;
  if (bg.target === 'socket') {
    for (const id of bg.replicaClientIds) {
      const r = findReplica(node, id);
      if (r?.state !== 'wait_bgsave_end') continue;
      // Online, but the stream is held until the replica's first ACK says it loaded the payload.
      r.state = 'online';
      r.startStreamOnAck = true;
      r.ackTimeMs = w.nowMs;
    }
  } else {
    writeRdb(node, bg);
    const bytes = bg.rdbBytes;
    for (const r of node.repl.replicas) {
      if (r.state !== 'wait_bgsave_end') continue;
      r.state = 'send_bulk';
      const total = bytes + `$${bytes}\r\n`.length;
      sendRdbChunks(w, node, r, total, false, bg.image, bg.replInfo ?? { replid: node.repl.replid, offset: r.psyncInitialOffset, streamDb: 0 });
      const conn = w.conns[r.conn];
      const at = conn ? Math.ceil(conn.dirs[1].freeAtMs) : w.nowMs;
      heapPush(w.heap, Math.max(at, w.nowMs), { t: 'bulk-sent', node: node.name, epoch: node.epoch, client: r.clientId });
    }
  }
  refreshGoodSlavesCount(w, node);
  // Replicas that arrived meanwhile get the next fork (from the cron for diskless).
  if (node.repl.replicas.some((r) => r.state === 'wait_bgsave_start')) {
    if (!cfgBool(node.config, 'repl-diskless-sync') || cfgInt(node.config, 'repl-diskless-sync-delay') === 0) startBgsaveForReplication(w, node);
  }
}

/** A disk-target payload was fully written to a replica: replicaPutOnline, the stream flows at once. */
export function onBulkSent(w: WorldState, node: NodeState, clientId: number): void {
  const r = findReplica(node, clientId);
  if (r?.state !== 'send_bulk') return;
  r.state = 'online';
  r.ackTimeMs = w.nowMs;
  r.startStreamOnAck = false;
  flushPending(w, node, r);
  refreshGoodSlavesCount(w, node);
}

/** REPLCONF ACK <offset> from a replica. */
export function onReplconfAck(w: WorldState, node: NodeState, r: ReplicaLink, offset: number): void {
  // The ACK may come before the cron noticed the diskless child exit: check now.
  const bg = node.bgsave;
  if (r.state === 'wait_bgsave_end' && bg?.target === 'socket' && bg.endMs <= w.nowMs) onBgsaveDone(w, node, () => {});
  if (offset > r.ackOffset) r.ackOffset = offset;
  r.ackTimeMs = w.nowMs;
  r.lastInteractionMs = w.nowMs;
  if (r.startStreamOnAck && r.state === 'online') {
    r.startStreamOnAck = false;
    flushPending(w, node, r);
    refreshGoodSlavesCount(w, node);
  }
  processClientsWaitingReplicas(w, node);
}

/** replicationCountAcksByOffset */
export function countAcks(node: NodeState, offset: number): number {
  let n = 0;
  for (const r of node.repl.replicas) if (r.state === 'online' && r.ackOffset >= offset) n++;
  return n;
}

export function processClientsWaitingReplicas(w: WorldState, node: NodeState): void {
  for (const c of Object.values(node.clients)) {
    const b = c.blocked;
    if (b?.t !== 'wait') continue;
    const n = countAcks(node, b.targetOffset);
    if (n >= b.numReplicas) {
      c.blocked = null;
      replyHook(w, node, c, int(n));
    }
  }
}

export function waitTimeout(w: WorldState, node: NodeState, clientId: number): void {
  const c = node.clients[clientId];
  // The client may be gone (its connection closed, CLIENT KILL) before its timeout.
  if (c?.blocked?.t !== 'wait') return;
  if (c.blocked.timeoutAtMs === 0 || c.blocked.timeoutAtMs > w.nowMs) return;
  const n = countAcks(node, c.blocked.targetOffset);
  c.blocked = null;
  replyHook(w, node, c, int(n));
}

/** Master half of replicationCron. */
export function masterCron(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  const period = cfgInt(node.config, 'repl-ping-replica-period');
  if (node.replCronLoops % period === 0 && repl.replicas.length > 0) {
    const pausedWithTimeout = repl.failover.state !== 'no-failover' && repl.failover.endMs > 0;
    if (!pausedWithTimeout) replicationFeedSlaves(w, node, repl.slaveseldb, ['ping'], 'ping');
  }
  for (const r of repl.replicas) {
    const presync = r.state === 'wait_bgsave_start' || (r.state === 'wait_bgsave_end' && node.bgsave?.target !== 'socket');
    if (presync) sendMsg(w, r.conn, 1, 'newline', '\\n', 1, { t: 'newline' });
  }
  const timeoutS = cfgInt(node.config, 'repl-timeout');
  const nowS = Math.floor(w.nowMs / 1000);
  for (const r of [...repl.replicas]) {
    if (r.state === 'online' && nowS - Math.floor(r.ackTimeMs / 1000) > timeoutS) removeReplica(w, node, r.clientId, 'timeout');
  }
  const ttl = cfgInt(node.config, 'repl-backlog-ttl');
  if (repl.replicas.length === 0 && ttl && repl.backlog && repl.masterHost === null && repl.noReplicasSinceMs >= 0) {
    if (nowS - Math.floor(repl.noReplicasSinceMs / 1000) > ttl) {
      changeReplicationId(w, node);
      clearReplicationId2(node);
      repl.backlog = null;
    }
  }
  // shouldStartChildReplication
  if (!node.bgsave) {
    let waiting = 0;
    let maxIdleS = 0;
    for (const r of repl.replicas) {
      if (r.state !== 'wait_bgsave_start') continue;
      waiting++;
      maxIdleS = Math.max(maxIdleS, nowS - Math.floor(r.lastInteractionMs / 1000));
    }
    const maxReplicas = cfgInt(node.config, 'repl-diskless-sync-max-replicas');
    if (waiting && (!cfgBool(node.config, 'repl-diskless-sync') || (maxReplicas > 0 && waiting >= maxReplicas) || maxIdleS >= cfgInt(node.config, 'repl-diskless-sync-delay'))) {
      startBgsaveForReplication(w, node);
    }
  }
  refreshGoodSlavesCount(w, node);
}

// Hooks into the server layer, installed by world.ts (avoids an import cycle).
let replyHook: (w: WorldState, node: NodeState, c: ClientState, r: Reply) => void = () => {};
let unsetMasterHook: (w: WorldState, node: NodeState) => void = () => {};
export function setMasterHooks(reply: typeof replyHook, unsetMaster: typeof unsetMasterHook): void {
  replyHook = reply;
  unsetMasterHook = unsetMaster;
}

export type { MsgKind };
