// The acting half of Sentinel (sentinel.c): leader election by epochs and
// votes, the choice of the replica to promote, and the failover state machine
// (wait-start -> select-slave -> send-slaveof-noone -> wait-promotion ->
// reconf-slaves -> update-config / switch-master).

import { nextU32 } from '../sim/prng';
import { sendSlaveOf } from './link';
import { simulatedCrash } from './monitor';
import { type Ctx, at, flushConfig, promotedSlaveOf, resetMasterAndChangeAddress, sentinelEvent } from './state';
import {
  FAILOVER_NONE,
  FAILOVER_RECONF_SLAVES,
  FAILOVER_SELECT_SLAVE,
  FAILOVER_SEND_SLAVEOF_NOONE,
  FAILOVER_UPDATE_CONFIG,
  FAILOVER_WAIT_PROMOTION,
  FAILOVER_WAIT_START,
  SENTINEL_ELECTION_TIMEOUT,
  SENTINEL_INFO_PERIOD,
  SENTINEL_MAX_DESYNC,
  SENTINEL_PING_PERIOD,
  SENTINEL_SLAVE_RECONF_TIMEOUT,
  SIMFAILURE_CRASH_AFTER_ELECTION,
  SRI_FAILOVER_IN_PROGRESS,
  SRI_FORCE_FAILOVER,
  SRI_O_DOWN,
  SRI_PROMOTED,
  SRI_RECONF_DONE,
  SRI_RECONF_INPROG,
  SRI_RECONF_SENT,
  SRI_S_DOWN,
  type SentinelInstance,
} from './types';

/** rand() % SENTINEL_MAX_DESYNC, from the world's seeded generator. */
function desync(c: Ctx): number {
  return nextU32(c.w.prng) % SENTINEL_MAX_DESYNC;
}

/**
 * sentinelVoteLeader: one vote per epoch, to the first Sentinel that asks
 * (adopting a greater epoch first). Returns the leader voted for in
 * `leaderEpoch`, or null.
 */
export function voteLeader(c: Ctx, master: SentinelInstance, reqEpoch: number, reqRunid: string): { leader: string | null; leaderEpoch: number } {
  const s = c.s;
  if (reqEpoch > s.currentEpoch) {
    s.currentEpoch = reqEpoch;
    flushConfig(s);
    sentinelEvent(c, '+new-epoch', String(s.currentEpoch));
  }
  if (master.leaderEpoch < reqEpoch && s.currentEpoch <= reqEpoch) {
    master.leader = reqRunid;
    master.leaderEpoch = s.currentEpoch;
    flushConfig(s);
    sentinelEvent(c, '+vote-for-leader', `${master.leader} ${master.leaderEpoch}`);
    // Having voted for another Sentinel, do not start a failover of our own for a while.
    if (master.leader.toLowerCase() !== s.myid.toLowerCase()) master.failoverStartMs = c.w.nowMs + desync(c);
  }
  return { leader: master.leader, leaderEpoch: master.leaderEpoch };
}

/**
 * sentinelGetLeader: the winner needs the absolute majority of the known
 * Sentinels (plus us) and at least `quorum` votes. Our own vote goes to the
 * most voted Sentinel, or to ourselves when nobody voted yet.
 */
export function getLeader(c: Ctx, master: SentinelInstance, epoch: number): string | null {
  const counters = new Map<string, number>();
  const incr = (id: string): number => {
    const n = (counters.get(id) ?? 0) + 1;
    counters.set(id, n);
    return n;
  };
  const voters = master.sentinels.length + 1;
  for (const ri of master.sentinels) if (ri.leader !== null && ri.leaderEpoch === c.s.currentEpoch) incr(ri.leader);
  let winner: string | null = null;
  let maxVotes = 0;
  for (const [id, votes] of counters) {
    if (votes > maxVotes) {
      maxVotes = votes;
      winner = id;
    }
  }
  const my = voteLeader(c, master, epoch, winner ?? c.s.myid);
  if (my.leader !== null && my.leaderEpoch === epoch) {
    const votes = incr(my.leader);
    if (votes > maxVotes) {
      maxVotes = votes;
      winner = my.leader;
    }
  }
  const votersQuorum = Math.floor(voters / 2) + 1;
  if (winner !== null && (maxVotes < votersQuorum || maxVotes < master.quorum)) winner = null;
  return winner;
}

/** sentinelStartFailover: a new epoch, and a start time with up to 1 s of random delay. */
export function startFailover(c: Ctx, master: SentinelInstance): void {
  master.failoverState = FAILOVER_WAIT_START;
  master.flags |= SRI_FAILOVER_IN_PROGRESS;
  master.failoverEpoch = ++c.s.currentEpoch;
  sentinelEvent(c, '+new-epoch', String(c.s.currentEpoch));
  sentinelEvent(c, '+try-failover', at(master, null));
  master.failoverStartMs = c.w.nowMs + desync(c);
  master.failoverStateChangeMs = c.w.nowMs;
}

/** sentinelStartFailoverIfNeeded: ODOWN, no failover running, none attempted in the last 2 x failover-timeout. */
export function startFailoverIfNeeded(c: Ctx, master: SentinelInstance): boolean {
  if (!(master.flags & SRI_O_DOWN)) return false;
  if (master.flags & SRI_FAILOVER_IN_PROGRESS) return false;
  if (c.w.nowMs - master.failoverStartMs < master.failoverTimeoutMs * 2) return false;
  startFailover(c, master);
  return true;
}

/**
 * compareSlavesForPromotion: lower replica-priority, then greater processed
 * offset, then the lexicographically smaller run id (case-insensitive; none last).
 */
function compareSlaves(a: SentinelInstance, b: SentinelInstance): number {
  if (a.slavePriority !== b.slavePriority) return a.slavePriority - b.slavePriority;
  if (a.slaveReplOffset > b.slaveReplOffset) return -1;
  if (a.slaveReplOffset < b.slaveReplOffset) return 1;
  if (a.runid === null && b.runid === null) return 0;
  if (a.runid === null) return 1;
  if (b.runid === null) return -1;
  const x = a.runid.toLowerCase();
  const y = b.runid.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * sentinelSelectSlave: replicas that are up, connected, answered PING in the
 * last 5 s, sent INFO recently (5 s while the master is down, else 30 s),
 * whose link to the master has not been down much longer than the master,
 * and whose priority is not 0.
 */
export function selectSlave(c: Ctx, master: SentinelInstance): SentinelInstance | null {
  const now = c.w.nowMs;
  let maxMasterDownTime = 0;
  if (master.flags & SRI_S_DOWN) maxMasterDownTime += now - master.sDownSinceMs;
  maxMasterDownTime += master.downAfterMs * 10;
  const ok: SentinelInstance[] = [];
  for (const slave of master.slaves) {
    if (slave.flags & (SRI_S_DOWN | SRI_O_DOWN)) continue;
    if (slave.link.disconnected) continue;
    if (now - slave.link.lastAvailMs > SENTINEL_PING_PERIOD * 5) continue;
    if (slave.slavePriority === 0) continue;
    const infoValidity = master.flags & SRI_S_DOWN ? SENTINEL_PING_PERIOD * 5 : SENTINEL_INFO_PERIOD * 3;
    if (now - slave.infoRefreshMs > infoValidity) continue;
    if (slave.masterLinkDownMs > maxMasterDownTime) continue;
    ok.push(slave);
  }
  if (ok.length === 0) return null;
  ok.sort(compareSlaves);
  return ok[0];
}

/** sentinelAbortFailover: only possible before the promoted replica acknowledged its new role. */
export function abortFailover(c: Ctx, ri: SentinelInstance): void {
  ri.flags &= ~(SRI_FAILOVER_IN_PROGRESS | SRI_FORCE_FAILOVER);
  ri.failoverState = FAILOVER_NONE;
  ri.failoverStateChangeMs = c.w.nowMs;
  const p = promotedSlaveOf(ri);
  if (p) p.flags &= ~SRI_PROMOTED;
  ri.promotedSlave = null;
}

function failoverWaitStart(c: Ctx, ri: SentinelInstance): void {
  const leader = getLeader(c, ri, ri.failoverEpoch);
  const isLeader = leader !== null && leader.toLowerCase() === c.s.myid.toLowerCase();
  if (!isLeader && !(ri.flags & SRI_FORCE_FAILOVER)) {
    const electionTimeout = Math.min(SENTINEL_ELECTION_TIMEOUT, ri.failoverTimeoutMs);
    if (c.w.nowMs - ri.failoverStartMs > electionTimeout) {
      sentinelEvent(c, '-failover-abort-not-elected', at(ri, null));
      abortFailover(c, ri);
    }
    return;
  }
  sentinelEvent(c, '+elected-leader', at(ri, null));
  if (c.s.simFailureFlags & SIMFAILURE_CRASH_AFTER_ELECTION) {
    simulatedCrash(c);
    return;
  }
  ri.failoverState = FAILOVER_SELECT_SLAVE;
  ri.failoverStateChangeMs = c.w.nowMs;
  sentinelEvent(c, '+failover-state-select-slave', at(ri, null));
}

function failoverSelectSlave(c: Ctx, ri: SentinelInstance): void {
  const slave = selectSlave(c, ri);
  if (!slave) {
    sentinelEvent(c, '-failover-abort-no-good-slave', at(ri, null));
    abortFailover(c, ri);
    return;
  }
  sentinelEvent(c, '+selected-slave', at(slave, ri));
  slave.flags |= SRI_PROMOTED;
  ri.promotedSlave = slave.name;
  ri.failoverState = FAILOVER_SEND_SLAVEOF_NOONE;
  ri.failoverStateChangeMs = c.w.nowMs;
  sentinelEvent(c, '+failover-state-send-slaveof-noone', at(slave, ri));
}

function failoverSendSlaveOfNoOne(c: Ctx, ri: SentinelInstance): void {
  const p = promotedSlaveOf(ri);
  if (!p) return;
  // Retried at every tick while the replica is unreachable, until the timeout.
  if (p.link.disconnected) {
    if (c.w.nowMs - ri.failoverStateChangeMs > ri.failoverTimeoutMs) {
      sentinelEvent(c, '-failover-abort-slave-timeout', at(ri, null));
      abortFailover(c, ri);
    }
    return;
  }
  if (!sendSlaveOf(c, p, null)) return;
  sentinelEvent(c, '+failover-state-wait-promotion', at(p, ri));
  ri.failoverState = FAILOVER_WAIT_PROMOTION;
  ri.failoverStateChangeMs = c.w.nowMs;
}

/** The promotion itself is noticed in the replica's INFO (refreshInstanceInfo); here only the timeout. */
function failoverWaitPromotion(c: Ctx, ri: SentinelInstance): void {
  if (c.w.nowMs - ri.failoverStateChangeMs > ri.failoverTimeoutMs) {
    sentinelEvent(c, '-failover-abort-slave-timeout', at(ri, null));
    abortFailover(c, ri);
  }
}

/** sentinelFailoverDetectEnd: done when every reachable replica is reconfigured, or at the failover timeout. */
function failoverDetectEnd(c: Ctx, master: SentinelInstance): void {
  const elapsed = c.w.nowMs - master.failoverStateChangeMs;
  const p = promotedSlaveOf(master);
  if (!p || p.flags & SRI_S_DOWN) return;
  let notReconfigured = 0;
  for (const slave of master.slaves) {
    if (slave.flags & (SRI_PROMOTED | SRI_RECONF_DONE)) continue;
    if (slave.flags & SRI_S_DOWN) continue;
    notReconfigured++;
  }
  let timeout = false;
  if (elapsed > master.failoverTimeoutMs) {
    notReconfigured = 0;
    timeout = true;
    sentinelEvent(c, '+failover-end-for-timeout', at(master, null));
  }
  if (notReconfigured === 0) {
    sentinelEvent(c, '+failover-end', at(master, null));
    master.failoverState = FAILOVER_UPDATE_CONFIG;
    master.failoverStateChangeMs = c.w.nowMs;
  }
  // On timeout, a best-effort SLAVEOF to the replicas never reached.
  if (timeout) {
    for (const slave of master.slaves) {
      if (slave.flags & (SRI_PROMOTED | SRI_RECONF_DONE | SRI_RECONF_SENT)) continue;
      if (slave.link.disconnected) continue;
      if (sendSlaveOf(c, slave, p)) {
        sentinelEvent(c, '+slave-reconf-sent-be', at(slave, master));
        slave.flags |= SRI_RECONF_SENT;
      }
    }
  }
}

/** sentinelFailoverReconfNextSlave: SLAVEOF <new master> to at most parallel-syncs replicas at a time. */
function failoverReconfNextSlave(c: Ctx, master: SentinelInstance): void {
  const now = c.w.nowMs;
  const p = promotedSlaveOf(master);
  let inProgress = 0;
  for (const slave of master.slaves) if (slave.flags & (SRI_RECONF_SENT | SRI_RECONF_INPROG)) inProgress++;
  for (const slave of master.slaves) {
    if (inProgress >= master.parallelSyncs) break;
    if (slave.flags & (SRI_PROMOTED | SRI_RECONF_DONE)) continue;
    // A replica stuck in reconf-sent counts as done: the config is fixed later if needed.
    if (slave.flags & SRI_RECONF_SENT && now - slave.slaveReconfSentMs > SENTINEL_SLAVE_RECONF_TIMEOUT) {
      sentinelEvent(c, '-slave-reconf-sent-timeout', at(slave, master));
      slave.flags &= ~SRI_RECONF_SENT;
      slave.flags |= SRI_RECONF_DONE;
    }
    if (slave.flags & (SRI_RECONF_SENT | SRI_RECONF_INPROG)) continue;
    if (slave.link.disconnected) continue;
    if (p && sendSlaveOf(c, slave, p)) {
      slave.flags |= SRI_RECONF_SENT;
      slave.slaveReconfSentMs = now;
      sentinelEvent(c, '+slave-reconf-sent', at(slave, master));
      inProgress++;
    }
  }
  failoverDetectEnd(c, master);
}

/** sentinelFailoverSwitchToPromotedSlave (+switch-master). */
export function switchToPromotedSlave(c: Ctx, master: SentinelInstance): void {
  const ref = promotedSlaveOf(master) ?? master;
  sentinelEvent(c, '+switch-master', `${master.name} ${master.host} ${master.port} ${ref.host} ${ref.port}`);
  resetMasterAndChangeAddress(c, master, ref.host, ref.port);
}

export function failoverStateMachine(c: Ctx, ri: SentinelInstance): void {
  if (!(ri.flags & SRI_FAILOVER_IN_PROGRESS)) return;
  switch (ri.failoverState) {
    case FAILOVER_WAIT_START:
      failoverWaitStart(c, ri);
      break;
    case FAILOVER_SELECT_SLAVE:
      failoverSelectSlave(c, ri);
      break;
    case FAILOVER_SEND_SLAVEOF_NOONE:
      failoverSendSlaveOfNoOne(c, ri);
      break;
    case FAILOVER_WAIT_PROMOTION:
      failoverWaitPromotion(c, ri);
      break;
    case FAILOVER_RECONF_SLAVES:
      failoverReconfNextSlave(c, ri);
      break;
  }
}

