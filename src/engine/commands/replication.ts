// Replication commands: REPLICAOF/SLAVEOF, ROLE, WAIT, FAILOVER, and the
// internal REPLCONF, PSYNC and SYNC a replica sends during its handshake.

import { E, OK, type Reply, array, bulk, bulks, err, int, status } from '../resp/reply';
import { countAcks, isMasterRole, onReplconfAck, psyncCommand, replicationFeedSlaves, findReplica } from '../replication/master';
import { failoverCommand, updateFailoverStatus } from '../replication/failover';
import { replicationSetMaster, replicationUnsetMaster, roleLinkState } from '../replication/replica';
import { heapPush } from '../sim/scheduler';
import type { CommandSpec, Exec, HandlerResult } from './types';
import { BLOCKED } from './types';

function parseLong(s: string): number | null {
  if (!/^-?(0|[1-9][0-9]*)$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

const replicaof = (x: Exec): Reply => {
  const node = x.node;
  if (node.repl.failover.state !== 'no-failover') return err('ERR REPLICAOF not allowed while failing over.');
  if (x.argv[1].toLowerCase() === 'no' && x.argv[2].toLowerCase() === 'one') {
    if (node.repl.masterHost !== null) replicationUnsetMaster(x.world, node);
    return OK;
  }
  if (x.client.kind === 'replica') return err('ERR Command is not valid when client is a replica.');
  const port = parseLong(x.argv[2]);
  if (port === null || port < 0 || port > 65535) return err('ERR Invalid master port');
  const host = x.argv[1];
  if (node.repl.masterHost !== null && node.repl.masterHost.toLowerCase() === host.toLowerCase() && node.repl.masterPort === port) {
    return status('OK Already connected to specified master');
  }
  replicationSetMaster(x.world, node, host, port);
  return OK;
};

/** ROLE: master -> [master, offset, [[ip, port, ack]...]] (bulk strings); replica -> [slave, host, port, state, offset] (integers). */
const role = (x: Exec): Reply => {
  const repl = x.node.repl;
  if (isMasterRole(x.node)) {
    const online = repl.replicas.filter((r) => r.state === 'online');
    return array([bulk('master'), int(repl.offset), array(online.map((r) => bulks([r.ip, String(r.listeningPort), String(r.ackOffset)])))]);
  }
  const offset = repl.master ? repl.master.reploff : -1;
  return array([bulk('slave'), bulk(repl.masterHost), int(repl.masterPort), bulk(roleLinkState(repl.linkState)), int(offset)]);
};

const WAIT_ON_REPLICA =
  'ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.';

const wait = (x: Exec): HandlerResult => {
  const node = x.node;
  if (!isMasterRole(node)) return err(WAIT_ON_REPLICA);
  const numReplicas = parseLong(x.argv[1]);
  if (numReplicas === null) return err(E.notInt);
  const timeout = parseLong(x.argv[2]);
  if (timeout === null) return err('ERR timeout is not an integer or out of range');
  if (timeout < 0) return err('ERR timeout is negative');
  const target = x.client.woff;
  const acked = countAcks(node, target);
  if (x.client.multi || acked >= numReplicas) return int(acked);
  x.client.blocked = { t: 'wait', numReplicas, timeoutAtMs: timeout > 0 ? x.nowMs + timeout : 0, targetOffset: target };
  if (timeout > 0) heapPush(x.world.heap, x.nowMs + timeout, { t: 'wait-timeout', node: node.name, epoch: node.epoch, client: x.client.id });
  x.client.woff = node.repl.offset;
  // beforeSleep asks every replica for an ACK once (REPLCONF GETACK *, 37 bytes in the stream).
  replicationFeedSlaves(x.world, node, node.repl.slaveseldb, ['REPLCONF', 'GETACK', '*'], 'getack');
  return BLOCKED;
};

const replconf = (x: Exec): HandlerResult => {
  const a = x.argv;
  if (a.length % 2 === 0) return err(E.syntax);
  const c = x.client;
  for (let i = 1; i < a.length; i += 2) {
    const opt = a[i].toLowerCase();
    const val = a[i + 1];
    if (opt === 'listening-port') {
      const p = parseLong(val);
      if (p === null) return err(E.notInt);
      if (c.peer) c.peer.listeningPort = p;
    } else if (opt === 'ip-address') {
      if (c.peer) c.peer.ip = val;
    } else if (opt === 'capa') {
      if (c.peer && val.toLowerCase() === 'eof') c.peer.capaEof = true;
      if (c.peer && val.toLowerCase() === 'psync2') c.peer.capaPsync2 = true;
    } else if (opt === 'ack') {
      // REPLCONF ACK gets no reply; only a replica link's ACK counts.
      const r = findReplica(x.node, c.id);
      const off = parseLong(val);
      if (r && off !== null) {
        onReplconfAck(x.world, x.node, r, off);
        updateFailoverStatus(x.world, x.node);
      }
      return BLOCKED;
    } else if (opt === 'getack') {
      return BLOCKED;
    } else if (opt === 'rdb-only' || opt === 'rdb-filter-only') {
      // accepted, no effect in the simulation
    } else {
      return err(`ERR Unrecognized REPLCONF option: ${a[i]}`);
    }
  }
  return OK;
};

const psync = (x: Exec): HandlerResult => {
  const peer = x.client.peer ?? { node: '', ip: '127.0.0.1', listeningPort: 0, capaEof: false, capaPsync2: false };
  const r = psyncCommand(x.world, x.node, x.client, x.argv, { peer: peer.node, ip: peer.ip, listeningPort: peer.listeningPort, capaEof: peer.capaEof, capaPsync2: peer.capaPsync2 });
  return r ?? BLOCKED;
};

const failover = (x: Exec): Reply => failoverCommand(x.world, x.node, x.argv);

export const replicationCommands: CommandSpec[] = [
  { name: 'replicaof', arity: 3, flags: { admin: true, stale: true }, handler: replicaof },
  { name: 'slaveof', arity: 3, flags: { admin: true, stale: true }, handler: replicaof },
  { name: 'role', arity: 1, flags: { stale: true }, handler: role },
  { name: 'wait', arity: 3, flags: {}, handler: wait },
  { name: 'failover', arity: -1, flags: { admin: true, stale: true }, handler: failover },
  { name: 'replconf', arity: -1, flags: { admin: true, stale: true }, handler: replconf },
  { name: 'psync', arity: -3, flags: { admin: true, noMulti: true }, handler: psync },
  { name: 'sync', arity: 1, flags: { admin: true, noMulti: true }, handler: psync },
];
