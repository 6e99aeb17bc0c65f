// The replica side of replication (Redis' replication.c, replica half): the
// link state machine connect -> connecting -> handshake -> transfer ->
// connected, PSYNC with the cached master, loading the RDB, applying the
// stream and proxying it unchanged to sub-replicas, and REPLCONF ACK.
//
// Handshake, as Redis 7.0 sends it:
//   PING                                  -> +PONG
//   REPLCONF listening-port <port>        -> +OK   (pipelined with the next)
//   REPLCONF capa eof capa psync2         -> +OK
//   PSYNC <replid> <offset+1> | PSYNC ? -1 -> +FULLRESYNC <replid> <offset> | +CONTINUE <replid>

import { argvByteLength } from '../resp/encode';
import type { Reply } from '../resp/reply';
import { closeConn, openConn, sendMsg } from '../net/network';
import { cfgBool, cfgInt } from '../server/config';
import { hasPersistence } from '../persistence/rdb';
import { disconnectAllBlockedClients } from '../server/blocking';
import { createClient, freeClient } from '../server/clients';
import { dbsFromImage } from '../server/db';
import { keysIn as keysInImage } from '../persistence/disk';
import { processCommand } from '../server/dispatch';
import type { NodeState, ReplLinkState } from '../server/types';
import type { NetMsg, WorldState } from '../world-state';
import { createBacklog } from './backlog';
import { ZERO_ID, clearReplicationId2, disconnectSlaves, feedStream, shiftReplicationId, traceReplid } from './master';

export function roleLinkState(s: ReplLinkState): string {
  switch (s) {
    case 'none':
    case 'connect':
    case 'connecting':
    case 'transfer':
    case 'connected':
      return s === 'transfer' ? 'sync' : s;
    default:
      return 'handshake';
  }
}

function setLinkState(w: WorldState, node: NodeState, s: ReplLinkState): void {
  const before = roleLinkState(node.repl.linkState);
  node.repl.linkState = s;
  if (w.traceOn && roleLinkState(s) !== before) w.trace.push({ t: 'link-state', node: node.name, state: roleLinkState(s), atMs: w.nowMs });
}

function hs(w: WorldState, node: NodeState, argv: string[]): void {
  sendMsg(w, node.repl.masterConn, 0, 'handshake', argv.join(' '), argvByteLength(argv), { t: 'cmd', argv, offset: 0 });
}

export function connectWithMaster(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  if (repl.masterHost === null) return;
  // A host name that does not resolve fails connConnect at once ("Unable to
  // connect to MASTER: Invalid argument"): the state stays `connect` and the
  // cron tries again each second. Only IP literals and localhost resolve here.
  if (!resolvable(repl.masterHost)) return;
  repl.masterConn = openConn(w, node.name, repl.masterHost, repl.masterPort);
  repl.handshakeLastIoMs = w.nowMs;
  setLinkState(w, node, 'connecting');
}

function resolvable(host: string): boolean {
  return host.toLowerCase() === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (host.includes(':') && /^[0-9a-f:.]+$/i.test(host));
}

/** cancelReplicationHandshake: drop a connection in progress; the cron reconnects. */
export function cancelHandshake(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  if (repl.linkState === 'connected' || repl.linkState === 'none' || repl.linkState === 'connect') return;
  if (repl.masterConn) closeConn(w, repl.masterConn, 0, 'handshake cancelled');
  repl.masterConn = 0;
  repl.transfer = null;
  setLinkState(w, node, 'connect');
}

/** freeClient(server.master): keep its replid/offset as the cached master for the next PSYNC. */
function cacheMaster(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  const m = repl.master;
  if (!m) return;
  repl.cachedMaster = { replid: m.replid, reploff: m.reploff, dbIndex: node.clients[m.clientId]?.dbIndex ?? 0 };
  closeConn(w, m.conn, 0, 'master link closed');
  freeClient(node, m.clientId);
  repl.master = null;
  repl.masterConn = 0;
}

/** replicationHandleMasterDisconnection: link down, reconnect at once. */
function handleMasterDisconnection(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  repl.linkDownSinceMs = w.nowMs;
  setLinkState(w, node, 'connect');
  if (repl.masterHost !== null) connectWithMaster(w, node);
}

/** The master client goes away (CLIENT KILL TYPE master, timeout, connection reset). */
export function dropMasterLink(w: WorldState, node: NodeState): void {
  if (!node.repl.master) return;
  cacheMaster(w, node);
  handleMasterDisconnection(w, node);
}

/** REPLICAOF host port (replicationSetMaster). */
export function replicationSetMaster(w: WorldState, node: NodeState, host: string, port: number): void {
  const repl = node.repl;
  const wasMaster = repl.masterHost === null;
  if (repl.master) {
    // freeClient(server.master) -> replicationHandleMasterDisconnection: the link is down from now.
    cacheMaster(w, node);
    repl.linkDownSinceMs = w.nowMs;
  }
  unblockAllClients(w, node);
  repl.masterHost = host;
  repl.masterPort = port;
  node.config.replicaof = `${host} ${port}`;
  cancelHandshake(w, node);
  if (wasMaster) {
    // A master turning replica synthesizes a cached master from its own history,
    // so its first PSYNC names its own replid (and usually fails: sync_partial_err).
    repl.cachedMaster = { replid: repl.replid, reploff: repl.offset, dbIndex: 0 };
    repl.linkDownSinceMs = -1;
  }
  if (w.traceOn) w.trace.push({ t: 'role', node: node.name, role: 'slave', masterName: masterNameOf(w, host, port), atMs: w.nowMs });
  setLinkState(w, node, 'connect');
  connectWithMaster(w, node);
}

/** REPLICAOF NO ONE (replicationUnsetMaster). */
export function replicationUnsetMaster(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  if (repl.masterHost === null) return;
  repl.masterHost = null;
  node.config.replicaof = '';
  if (repl.master) {
    closeConn(w, repl.master.conn, 0, 'promoted');
    freeClient(node, repl.master.clientId);
    repl.master = null;
  }
  repl.cachedMaster = null;
  cancelHandshake(w, node);
  repl.masterConn = 0;
  shiftReplicationId(w, node);
  disconnectSlaves(w, node, 'replication id changed');
  setLinkState(w, node, 'none');
  repl.slaveseldb = -1;
  repl.noReplicasSinceMs = w.nowMs;
  repl.linkDownSinceMs = -1;
  if (w.traceOn) w.trace.push({ t: 'role', node: node.name, role: 'master', masterName: null, atMs: w.nowMs });
}

/** disconnectAllBlockedClients: clients in WAIT or blocked on keys get -UNBLOCKED. */
function unblockAllClients(w: WorldState, node: NodeState): void {
  disconnectAllBlockedClients(w, node);
}

export function masterNameOf(w: WorldState, host: string, port: number): string | null {
  for (const name of w.nodeOrder) {
    const n = w.nodes[name];
    if (n.port === port && (n.host === host || host === 'localhost')) return name;
  }
  return null;
}

/** The TCP connection to the master is up: start the handshake with PING. */
export function onMasterConnEstablished(w: WorldState, node: NodeState): void {
  node.repl.handshakeLastIoMs = w.nowMs;
  setLinkState(w, node, 'receive_ping_reply');
  hs(w, node, ['PING']);
}

export function onMasterConnRefused(w: WorldState, node: NodeState): void {
  node.repl.masterConn = 0;
  setLinkState(w, node, 'connect');
}

/** Our connection to the master was closed by the other end. */
export function onMasterConnClosed(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  if (repl.linkState === 'connected') {
    dropMasterLink(w, node);
    return;
  }
  repl.masterConn = 0;
  repl.transfer = null;
  setLinkState(w, node, 'connect');
}

function isError(r: Reply): boolean {
  return r.t === 'error';
}

/** A reply or payload from the master during the handshake, transfer or stream. */
export function onFromMaster(w: WorldState, node: NodeState, msg: NetMsg): void {
  const repl = node.repl;
  const p = msg.payload;
  repl.handshakeLastIoMs = w.nowMs;
  if (p.t === 'newline') {
    if (repl.transfer) repl.transfer.lastIoMs = w.nowMs;
    return;
  }
  switch (repl.linkState) {
    case 'receive_ping_reply': {
      if (p.t !== 'reply') return;
      const r = p.reply;
      if (isError(r) && r.t === 'error' && !/^(NOAUTH|NOPERM|ERR operation not permitted)/.test(r.s)) {
        cancelHandshake(w, node);
        return;
      }
      const expect: string[] = [];
      const auth = node.config.masterauth ?? '';
      if (auth) {
        const user = node.config.masteruser ?? '';
        hs(w, node, user ? ['AUTH', user, auth] : ['AUTH', auth]);
        expect.push('receive_auth_reply');
      }
      const announcePort = cfgInt(node.config, 'replica-announce-port');
      hs(w, node, ['REPLCONF', 'listening-port', String(announcePort || node.port)]);
      expect.push('receive_port_reply');
      const announceIp = node.config['replica-announce-ip'] ?? '';
      if (announceIp) {
        hs(w, node, ['REPLCONF', 'ip-address', announceIp]);
        expect.push('receive_ip_reply');
      }
      hs(w, node, ['REPLCONF', 'capa', 'eof', 'capa', 'psync2']);
      expect.push('receive_capa_reply');
      repl.handshakeExpect = expect;
      setLinkState(w, node, expect[0] as ReplLinkState);
      return;
    }
    case 'receive_auth_reply':
    case 'receive_port_reply':
    case 'receive_ip_reply':
    case 'receive_capa_reply': {
      if (p.t !== 'reply') return;
      if (repl.linkState === 'receive_auth_reply' && isError(p.reply)) {
        cancelHandshake(w, node);
        return;
      }
      repl.handshakeExpect.shift();
      if (repl.handshakeExpect.length > 0) {
        setLinkState(w, node, repl.handshakeExpect[0] as ReplLinkState);
        return;
      }
      const cm = repl.cachedMaster;
      const argv = cm ? ['PSYNC', cm.replid, String(cm.reploff + 1)] : ['PSYNC', '?', '-1'];
      if (repl.psyncFailover) argv.push('FAILOVER');
      hs(w, node, argv);
      setLinkState(w, node, 'receive_psync_reply');
      return;
    }
    case 'receive_psync_reply': {
      if (p.t !== 'reply') return;
      onPsyncReply(w, node, p.reply);
      return;
    }
    case 'transfer': {
      if (p.t !== 'rdb' || !repl.transfer) return;
      const t = repl.transfer;
      t.lastIoMs = w.nowMs;
      if (t.totalBytes === -1) t.totalBytes = p.eof ? 0 : p.total;
      t.readBytes += msg.bytes;
      node.stats.netReplInputBytes += msg.bytes;
      if (p.last && p.image) readSyncBulkPayload(w, node, p.image, p.eof, p.streamDb);
      return;
    }
    case 'connected': {
      if (p.t !== 'cmd') return;
      applyFromMaster(w, node, p.argv, msg.bytes, msg.kind);
      return;
    }
    default:
      return;
  }
}

function onPsyncReply(w: WorldState, node: NodeState, r: Reply): void {
  const repl = node.repl;
  if (r.t === 'status' && r.s.startsWith('FULLRESYNC')) {
    // The cached master survives until the payload is loaded: a transfer
    // broken off midway retries PSYNC with it (replicationAttachToNewMaster).
    const [, id, off] = r.s.split(' ');
    repl.transfer = { totalBytes: -1, readBytes: 0, lastIoMs: w.nowMs, fullresyncReplid: id, fullresyncOffset: Number(off) };
    repl.psyncFailover = false;
    setLinkState(w, node, 'transfer');
    return;
  }
  if (r.t === 'status' && r.s.startsWith('CONTINUE')) {
    const newId = r.s.split(' ')[1];
    const cm = repl.cachedMaster;
    if (!cm) {
      cancelHandshake(w, node);
      return;
    }
    if (newId && newId !== cm.replid) {
      // The master's history id changed (it was promoted): keep the old one as replid2.
      repl.replid2 = cm.replid;
      repl.secondOffset = repl.offset + 1;
      repl.replid = newId;
      traceReplid(w, node);
      disconnectSlaves(w, node, 'master replication id changed');
    }
    const client = createClient(node, 'master', repl.masterConn);
    client.dbIndex = cm.dbIndex;
    repl.master = { clientId: client.id, conn: repl.masterConn, replid: newId || cm.replid, reploff: cm.reploff, readReploff: cm.reploff, lastInteractionMs: w.nowMs, unproxied: [] };
    repl.cachedMaster = null;
    repl.psyncFailover = false;
    if (!repl.backlog) repl.backlog = createBacklog(repl.offset);
    repl.linkDownSinceMs = 0;
    setLinkState(w, node, 'connected');
    return;
  }
  // -NOMASTERLINK, -LOADING: try later; anything else: give up this attempt too.
  cancelHandshake(w, node);
}

/** readSyncBulkPayload: drop our data and our sub-replicas, load the master's RDB, go online. */
function readSyncBulkPayload(w: WorldState, node: NodeState, image: import('../server/db').DbImage[], eof: boolean, streamDb: number): void {
  const repl = node.repl;
  const t = repl.transfer!;
  repl.cachedMaster = null;
  disconnectSlaves(w, node, 'full resync with new master');
  repl.backlog = null;
  // useDisklessLoad: swapdb always, on-empty-db when we hold no keys; then no file is written.
  const loadMode = node.config['repl-diskless-load'];
  const disklessLoad = loadMode === 'swapdb' || (loadMode === 'on-empty-db' && node.dbs.every((d) => d.dict.size === 0));
  node.dbs = dbsFromImage(image, node.config);
  node.lastLoadKeysLoaded = keysInImage(image);
  if (!disklessLoad) {
    // Disk-based loading keeps the payload as dump.rdb, unless a node without
    // persistence is told to delete it (rdb-del-sync-files yes).
    const deleteIt = cfgBool(node.config, 'rdb-del-sync-files') && !hasPersistence(node);
    node.disk.rdb = deleteIt ? null : { image, replInfo: { replid: t.fullresyncReplid, offset: t.fullresyncOffset, streamDb }, savedAtMs: w.nowMs, keys: node.lastLoadKeysLoaded, bytes: t.readBytes, forSync: false };
  }
  const client = createClient(node, 'master', repl.masterConn);
  client.dbIndex = streamDb;
  repl.master = { clientId: client.id, conn: repl.masterConn, replid: t.fullresyncReplid, reploff: t.fullresyncOffset, readReploff: t.fullresyncOffset, lastInteractionMs: w.nowMs, unproxied: [] };
  repl.replid = t.fullresyncReplid;
  repl.offset = t.fullresyncOffset;
  clearReplicationId2(node);
  traceReplid(w, node);
  repl.backlog = createBacklog(repl.offset);
  repl.transfer = null;
  repl.linkDownSinceMs = 0;
  setLinkState(w, node, 'connected');
  if (w.traceOn) w.trace.push({ t: 'persist', node: node.name, what: 'rdb-loaded', keys: node.lastLoadKeysLoaded, atMs: w.nowMs });
  if (eof) sendAck(w, node);
}

export function sendAck(w: WorldState, node: NodeState): void {
  const m = node.repl.master;
  if (!m) return;
  const argv = ['REPLCONF', 'ACK', String(m.reploff)];
  sendMsg(w, m.conn, 0, 'ack', `REPLCONF ACK ${m.reploff}`, argvByteLength(argv), { t: 'cmd', argv, offset: 0 });
}

/** One command of the master's stream: apply it, then proxy the same bytes to our sub-replicas. */
function applyFromMaster(w: WorldState, node: NodeState, argv: string[], bytes: number, kind: string): void {
  const repl = node.repl;
  const m = repl.master;
  if (!m) return;
  m.readReploff += bytes;
  m.lastInteractionMs = w.nowMs;
  node.stats.netReplInputBytes += bytes;
  const client = node.clients[m.clientId];
  const streamKind = kind === 'ping' ? 'ping' : kind === 'getack' ? 'getack' : 'stream';
  if (streamKind === 'getack') sendAck(w, node);
  else if (streamKind === 'stream' && client) processCommand(w, node, client, argv);
  // Inside a MULTI from the master the applied offset moves only at EXEC.
  if (client?.multi) {
    m.unproxied.push({ argv, kind: streamKind });
    return;
  }
  m.reploff = m.readReploff;
  if (m.unproxied.length) {
    const items = m.unproxied;
    m.unproxied = [];
    for (const it of items) feedStream(w, node, it.argv, it.kind);
  }
  feedStream(w, node, argv, streamKind);
}

/** Replica half of replicationCron. */
export function replicaCron(w: WorldState, node: NodeState): void {
  const repl = node.repl;
  if (repl.masterHost === null) return;
  const timeoutMs = cfgInt(node.config, 'repl-timeout') * 1000;
  const s = repl.linkState;
  if ((s === 'connecting' || (s !== 'connect' && s !== 'connected' && s !== 'transfer' && s !== 'none')) && w.nowMs - repl.handshakeLastIoMs > timeoutMs) {
    cancelHandshake(w, node);
  }
  if (repl.linkState === 'transfer' && repl.transfer && w.nowMs - repl.transfer.lastIoMs > timeoutMs) cancelHandshake(w, node);
  if (repl.linkState === 'connected' && repl.master && w.nowMs - repl.master.lastInteractionMs > timeoutMs) {
    dropMasterLink(w, node);
  }
  if (repl.linkState === 'connect') connectWithMaster(w, node);
  if (repl.master) sendAck(w, node);
}

export { ZERO_ID };
