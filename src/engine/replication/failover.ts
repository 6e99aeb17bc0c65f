// FAILOVER (Redis 6.2+): the master pauses writes, waits until a replica has
// acknowledged its whole stream, turns itself into a replica of it and sends
// `PSYNC <replid> <offset+1> FAILOVER`, which makes the target promote itself.
// States: no-failover -> waiting-for-sync -> failover-in-progress -> no-failover.

import { type Reply, E, OK, err } from '../resp/reply';
import { processCommand } from '../server/dispatch';
import type { NodeState } from '../server/types';
import { heapPush } from '../sim/scheduler';
import type { WorldState } from '../world-state';
import { replicationSetMaster, replicationUnsetMaster } from './replica';

function parseLong(s: string): number | null {
  if (!/^-?(0|[1-9][0-9]*)$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

function replicaByAddr(node: NodeState, host: string, port: number) {
  return node.repl.replicas.find((r) => r.ip.toLowerCase() === host.toLowerCase() && r.listeningPort === port);
}

/** clearFailoverState: back to no-failover and unpause the held writes. */
function clearFailoverState(w: WorldState, node: NodeState): void {
  node.repl.failover = { state: 'no-failover', targetHost: null, targetPort: 0, endMs: 0, force: false, targetName: null };
  node.repl.psyncFailover = false;
  for (const c of Object.values(node.clients)) {
    if (c.blocked?.t !== 'paused') continue;
    const argv = c.blocked.argv;
    c.blocked = null;
    processCommand(w, node, c, argv);
  }
}

export function abortFailover(w: WorldState, node: NodeState): void {
  if (node.repl.failover.state === 'no-failover') return;
  if (node.repl.failover.state === 'failover-in-progress') replicationUnsetMaster(w, node);
  clearFailoverState(w, node);
}

export function failoverCommand(w: WorldState, node: NodeState, argv: string[]): Reply {
  const f = node.repl.failover;
  if (argv.length === 2 && argv[1].toLowerCase() === 'abort') {
    if (f.state === 'no-failover') return err('ERR No failover in progress.');
    abortFailover(w, node);
    return OK;
  }
  let timeoutMs = 0;
  let force = false;
  let host: string | null = null;
  let port = 0;
  for (let j = 1; j < argv.length; j++) {
    const a = argv[j].toLowerCase();
    if (a === 'timeout' && j + 1 < argv.length && timeoutMs === 0) {
      const t = parseLong(argv[j + 1]);
      if (t === null) return err(E.notInt);
      if (t <= 0) return err('ERR FAILOVER timeout must be greater than 0');
      timeoutMs = t;
      j++;
    } else if (a === 'to' && j + 2 < argv.length && host === null) {
      const p = parseLong(argv[j + 2]);
      if (p === null) return err(E.notInt);
      host = argv[j + 1];
      port = p;
      j += 2;
    } else if (a === 'force' && !force) {
      force = true;
    } else {
      return err(E.syntax);
    }
  }
  if (f.state !== 'no-failover') return err('ERR FAILOVER already in progress.');
  if (node.repl.masterHost !== null) return err('ERR FAILOVER is not valid when server is a replica.');
  if (node.repl.replicas.length === 0) return err('ERR FAILOVER requires connected replicas.');
  if (force && (!timeoutMs || host === null)) return err('ERR FAILOVER with force option requires both a timeout and target HOST and IP.');
  let targetName: string | null = null;
  if (host !== null) {
    const r = replicaByAddr(node, host, port);
    if (!r) return err('ERR FAILOVER target HOST and PORT is not a replica.');
    if (r.state !== 'online') return err('ERR FAILOVER target replica is not online.');
    targetName = r.peer;
  }
  node.repl.failover = { state: 'waiting-for-sync', targetHost: host, targetPort: port, endMs: timeoutMs ? w.nowMs + timeoutMs : 0, force, targetName };
  if (timeoutMs) heapPush(w.heap, w.nowMs + timeoutMs, { t: 'failover-timeout', node: node.name, epoch: node.epoch });
  if (w.traceOn) w.trace.push({ t: 'link-state', node: node.name, state: 'failover:waiting-for-sync', atMs: w.nowMs });
  // beforeSleep runs updateFailoverStatus right after this command: a replica
  // that has already acknowledged everything is handed over at once.
  updateFailoverStatus(w, node);
  return OK;
}

function beginHandover(w: WorldState, node: NodeState, host: string, port: number): void {
  node.repl.failover.state = 'failover-in-progress';
  node.repl.psyncFailover = true;
  replicationSetMaster(w, node, host, port);
  node.repl.psyncFailover = true;
}

/** updateFailoverStatus: called from the cron and after every ACK (Redis: beforeSleep). */
export function updateFailoverStatus(w: WorldState, node: NodeState): void {
  const f = node.repl.failover;
  if (f.state !== 'waiting-for-sync') return;
  if (f.endMs && f.endMs <= w.nowMs) {
    if (f.force && f.targetHost !== null) beginHandover(w, node, f.targetHost, f.targetPort);
    else abortFailover(w, node);
    return;
  }
  let target = f.targetHost !== null ? replicaByAddr(node, f.targetHost, f.targetPort) : undefined;
  if (f.targetHost === null) {
    target = node.repl.replicas.find((r) => r.ackOffset === node.repl.offset);
    if (target) {
      f.targetHost = target.ip;
      f.targetPort = target.listeningPort;
      f.targetName = target.peer;
    }
  }
  if (target && target.ackOffset === node.repl.offset) beginHandover(w, node, f.targetHost!, f.targetPort);
}

/** The old master got the target's answer to PSYNC ... FAILOVER. */
export function onFailoverPsyncReply(w: WorldState, node: NodeState, r: Reply): void {
  if (node.repl.failover.state !== 'failover-in-progress') return;
  if (r.t === 'status' && (r.s.startsWith('CONTINUE') || r.s.startsWith('FULLRESYNC'))) {
    clearFailoverState(w, node);
    return;
  }
  // Rejected: become a master again.
  abortFailover(w, node);
}
