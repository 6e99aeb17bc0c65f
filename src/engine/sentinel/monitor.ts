// The monitoring half of Sentinel (sentinel.c): periodic PING / INFO / hello
// PUBLISH, what the replies teach (INFO parsing: run id, role, replicas, link
// state, priority, offset; the acting half that promotes, converts and fixes
// replicas), the hello messages that make Sentinels discover each other and
// spread new configurations, and the SDOWN / ODOWN checks.

import type { Reply } from '../resp/reply';
import { crashNode } from '../server/node';
import { connSend, sendPing, sendSlaveOf } from './link';
import {
  type Ctx,
  addrEqual,
  addrEqualsHost,
  at,
  atoi,
  closeLinkConn,
  createInstance,
  flushConfig,
  getMaster,
  lookupSlave,
  currentMasterAddr,
  promotedSlaveOf,
  resetMasterAndChangeAddress,
  sentinelEvent,
} from './state';
import {
  FAILOVER_NONE,
  FAILOVER_RECONF_SLAVES,
  FAILOVER_WAIT_PROMOTION,
  SENTINEL_ASK_PERIOD,
  SENTINEL_HELLO_CHANNEL,
  SENTINEL_INFO_PERIOD,
  SENTINEL_MAX_PENDING_COMMANDS,
  SENTINEL_MIN_LINK_RECONNECT_PERIOD,
  SENTINEL_PING_PERIOD,
  SENTINEL_PUBLISH_PERIOD,
  SRI_FAILOVER_IN_PROGRESS,
  SRI_MASTER,
  SRI_MASTER_DOWN,
  SRI_MASTER_REBOOT,
  SRI_O_DOWN,
  SRI_PROMOTED,
  SIMFAILURE_CRASH_AFTER_PROMOTION,
  SRI_RECONF_DONE,
  SRI_RECONF_INPROG,
  SRI_RECONF_SENT,
  SRI_S_DOWN,
  SRI_SCRIPT_KILL_SENT,
  SRI_SENTINEL,
  SRI_SLAVE,
  type SentinelInstance,
} from './types';

/** sentinelSendHello: `ip,port,myid,current_epoch,master_name,master_ip,master_port,master_config_epoch` on __sentinel__:hello. */
export function sendHello(c: Ctx, ri: SentinelInstance, m: SentinelInstance): boolean {
  const master = ri.flags & SRI_MASTER ? ri : m;
  const addr = currentMasterAddr(master);
  if (ri.link.disconnected) return false;
  // The announced ip is the local address of the command connection: the Sentinel's own.
  const payload = `${c.node.host},${c.node.port},${c.s.myid},${c.s.currentEpoch},${master.name},${addr.host},${addr.port},${master.configEpoch}`;
  if (!connSend(c, ri.link.cc, ['PUBLISH', SENTINEL_HELLO_CHANNEL, payload], 'publish')) return false;
  ri.link.pendingCommands++;
  return true;
}

/** sentinelSendPeriodicCommands: INFO (10 s, or 1 s for replicas of a failing master), PING (1 s), hello (2 s). */
export function sendPeriodicCommands(c: Ctx, ri: SentinelInstance, m: SentinelInstance): void {
  const now = c.w.nowMs;
  const link = ri.link;
  if (link.disconnected) return;
  if (link.pendingCommands >= SENTINEL_MAX_PENDING_COMMANDS) return;
  let infoPeriod = SENTINEL_INFO_PERIOD;
  if (ri.flags & SRI_SLAVE && (m.flags & (SRI_O_DOWN | SRI_FAILOVER_IN_PROGRESS) || ri.masterLinkDownMs !== 0)) infoPeriod = 1000;
  const pingPeriod = Math.min(ri.downAfterMs, SENTINEL_PING_PERIOD);
  if ((ri.flags & SRI_SENTINEL) === 0 && (ri.infoRefreshMs === 0 || now - ri.infoRefreshMs > infoPeriod)) {
    if (connSend(c, link.cc, ['INFO'], 'info')) link.pendingCommands++;
  }
  if (now - link.lastPongMs > pingPeriod && now - link.lastPingMs > Math.floor(pingPeriod / 2)) sendPing(c, ri);
  if (now - ri.lastPubMs > SENTINEL_PUBLISH_PERIOD) sendHello(c, ri, m);
}

/** sentinelPingReplyCallback: PONG, LOADING and MASTERDOWN prove the instance alive. */
export function onPingReply(c: Ctx, ri: SentinelInstance, r: Reply): void {
  const link = ri.link;
  const now = c.w.nowMs;
  if (r.t === 'status' || r.t === 'error') {
    if (r.s.startsWith('PONG') || r.s.startsWith('LOADING') || r.s.startsWith('MASTERDOWN')) {
      link.lastAvailMs = now;
      link.actPingMs = 0;
      if (ri.flags & SRI_MASTER_REBOOT && r.s.startsWith('PONG')) ri.flags &= ~SRI_MASTER_REBOOT;
    } else if (r.s.startsWith('BUSY') && ri.flags & SRI_S_DOWN && !(ri.flags & SRI_SCRIPT_KILL_SENT)) {
      if (connSend(c, link.cc, ['SCRIPT', 'KILL'], 'discard')) link.pendingCommands++;
      ri.flags |= SRI_SCRIPT_KILL_SENT;
    }
  }
  link.lastPongMs = now;
}

/** sentinelPublishReplyCallback: only a hello actually published counts (else it is retried at the next tick). */
export function onPublishReply(c: Ctx, ri: SentinelInstance, r: Reply): void {
  if (r.t !== 'error') ri.lastPubMs = c.w.nowMs;
}

/** sentinelMasterLooksSane */
function masterLooksSane(c: Ctx, master: SentinelInstance): boolean {
  return (
    (master.flags & SRI_MASTER) !== 0 &&
    master.roleReported === SRI_MASTER &&
    (master.flags & (SRI_S_DOWN | SRI_O_DOWN)) === 0 &&
    c.w.nowMs - master.infoRefreshMs < SENTINEL_INFO_PERIOD * 2
  );
}

/** sentinelRedisInstanceNoDownFor */
function noDownFor(c: Ctx, ri: SentinelInstance, ms: number): boolean {
  const mostRecent = Math.max(ri.sDownSinceMs, ri.oDownSinceMs);
  return mostRecent === 0 || c.w.nowMs - mostRecent > ms;
}

/** sentinelForceHelloUpdateForMaster: make every hello of this master due at the next tick. */
export function forceHelloUpdate(master: SentinelInstance): void {
  const back = (ri: SentinelInstance): void => {
    if (ri.lastPubMs >= SENTINEL_PUBLISH_PERIOD + 1) ri.lastPubMs -= SENTINEL_PUBLISH_PERIOD + 1;
  };
  back(master);
  master.sentinels.forEach(back);
  master.slaves.forEach(back);
}

/** sentinelRefreshInstanceInfo: parse an INFO reply line by line, then act on what changed. */
export function refreshInstanceInfo(c: Ctx, ri: SentinelInstance, m: SentinelInstance, info: string): void {
  const now = c.w.nowMs;
  ri.masterLinkDownMs = 0;
  let role = 0;
  for (const l of info.split('\r\n')) {
    if (l.length >= 47 && l.startsWith('run_id:')) {
      const id = l.slice(7, 47);
      if (ri.runid === null) ri.runid = id;
      else if (ri.runid !== id) {
        sentinelEvent(c, '+reboot', at(ri, m));
        if (ri.flags & SRI_MASTER && ri.masterRebootDownAfterMs !== 0) {
          ri.flags |= SRI_MASTER_REBOOT;
          ri.masterRebootSinceMs = now;
        }
        ri.runid = id;
      }
    }
    if (ri.flags & SRI_MASTER && l.length >= 7 && l.startsWith('slave') && l[5] >= '0' && l[5] <= '9') {
      const ipAt = l.indexOf('ip=');
      const portAt = l.indexOf('port=');
      if (ipAt >= 0 && portAt >= 0) {
        const ip = l.slice(ipAt + 3).split(',')[0];
        const port = atoi(l.slice(portAt + 5).split(',')[0]);
        if (!lookupSlave(ri, ip, port)) {
          const slave = createInstance(now, c.s, SRI_SLAVE, '', ip, port, ri.quorum, ri);
          if (slave) {
            sentinelEvent(c, '+slave', at(slave, ri));
            flushConfig(c.s);
          }
        }
      }
    }
    if (l.length >= 32 && l.startsWith('master_link_down_since_seconds')) ri.masterLinkDownMs = atoi(l.slice(31)) * 1000;
    if (l.startsWith('role:master')) role = SRI_MASTER;
    else if (l.startsWith('role:slave')) role = SRI_SLAVE;
    if (role === SRI_SLAVE) {
      if (l.length >= 12 && l.startsWith('master_host:')) {
        const h = l.slice(12);
        if (ri.slaveMasterHost === null || h.toLowerCase() !== ri.slaveMasterHost.toLowerCase()) {
          ri.slaveMasterHost = h;
          ri.slaveConfChangeMs = now;
        }
      }
      if (l.length >= 12 && l.startsWith('master_port:')) {
        const p = atoi(l.slice(12));
        if (ri.slaveMasterPort !== p) {
          ri.slaveMasterPort = p;
          ri.slaveConfChangeMs = now;
        }
      }
      if (l.length >= 19 && l.startsWith('master_link_status:')) ri.slaveMasterLinkUp = l.slice(19).toLowerCase() === 'up';
      if (l.length >= 15 && l.startsWith('slave_priority:')) ri.slavePriority = atoi(l.slice(15));
      if (l.length >= 18 && l.startsWith('slave_repl_offset:')) ri.slaveReplOffset = atoi(l.slice(18));
      if (l.length >= 18 && l.startsWith('replica_announced:')) ri.replicaAnnounced = atoi(l.slice(18));
    }
  }
  ri.infoRefreshMs = now;

  // ---- Acting half.
  if (role !== ri.roleReported) {
    ri.roleReportedMs = now;
    ri.roleReported = role;
    if (role === SRI_SLAVE) ri.slaveConfChangeMs = now;
    const coherent = (ri.flags & (SRI_MASTER | SRI_SLAVE)) === role;
    sentinelEvent(c, coherent ? '+role-change' : '-role-change', `${at(ri, m)} new reported role is ${role === SRI_MASTER ? 'master' : 'slave'}`);
  }

  // A master that claims to be a replica: nothing to do, it will be seen as down after a while.

  if (ri.flags & SRI_SLAVE && role === SRI_MASTER) {
    if (ri.flags & SRI_PROMOTED && m.flags & SRI_FAILOVER_IN_PROGRESS && m.failoverState === FAILOVER_WAIT_PROMOTION) {
      // The promoted replica is a master now: the failover epoch becomes the
      // master's config epoch, which makes the other Sentinels adopt it.
      m.configEpoch = m.failoverEpoch;
      m.failoverState = FAILOVER_RECONF_SLAVES;
      m.failoverStateChangeMs = now;
      flushConfig(c.s);
      sentinelEvent(c, '+promoted-slave', at(ri, m));
      if (c.s.simFailureFlags & SIMFAILURE_CRASH_AFTER_PROMOTION) {
        simulatedCrash(c);
        return;
      }
      sentinelEvent(c, '+failover-state-reconf-slaves', at(m, null));
      forceHelloUpdate(m);
    } else {
      // A replica turned master on its own: make it a replica again, after
      // giving the leader time to announce a new configuration.
      const wait = SENTINEL_PUBLISH_PERIOD * 4;
      if (!(ri.flags & SRI_PROMOTED) && masterLooksSane(c, m) && noDownFor(c, ri, wait) && now - ri.roleReportedMs > wait) {
        if (sendSlaveOf(c, ri, m)) sentinelEvent(c, '+convert-to-slave', at(ri, m));
      }
    }
  }

  // Replicas replicating from a wrong master are fixed once the config is stable.
  if (ri.flags & SRI_SLAVE && role === SRI_SLAVE && (ri.slaveMasterPort !== m.port || !addrEqualsHost(m, ri.slaveMasterHost))) {
    const wait = m.failoverTimeoutMs;
    if (masterLooksSane(c, m) && noDownFor(c, ri, wait) && now - ri.slaveConfChangeMs > wait) {
      if (sendSlaveOf(c, ri, m)) sentinelEvent(c, '+fix-slave-config', at(ri, m));
    }
  }

  // A replica being reconfigured by the failover moves forward.
  if (ri.flags & SRI_SLAVE && role === SRI_SLAVE && ri.flags & (SRI_RECONF_SENT | SRI_RECONF_INPROG)) {
    const p = promotedSlaveOf(m);
    if (ri.flags & SRI_RECONF_SENT && p && ri.slaveMasterHost !== null && addrEqualsHost(p, ri.slaveMasterHost) && ri.slaveMasterPort === p.port) {
      ri.flags &= ~SRI_RECONF_SENT;
      ri.flags |= SRI_RECONF_INPROG;
      sentinelEvent(c, '+slave-reconf-inprog', at(ri, m));
    }
    if (ri.flags & SRI_RECONF_INPROG && ri.slaveMasterLinkUp) {
      ri.flags &= ~SRI_RECONF_INPROG;
      ri.flags |= SRI_RECONF_DONE;
      sentinelEvent(c, '+slave-reconf-done', at(ri, m));
    }
  }
}

/** SENTINEL SIMULATE-FAILURE: the process exits (sentinelSimFailureCrash, exit(99)); its config file stays. */
export function simulatedCrash(c: Ctx): void {
  crashNode(c.w, c.node);
}

/**
 * sentinelProcessHelloMessage: learn (or re-address) the Sentinel that sent
 * it, adopt a greater current epoch, and switch to the master it announces
 * when its config epoch is newer than ours.
 */
export function processHello(c: Ctx, hello: string): void {
  const token = hello.split(',');
  if (token.length !== 8) return;
  const master = getMaster(c.s, token[4]);
  if (!master) return;
  const now = c.w.nowMs;
  const port = atoi(token[1]);
  const masterPort = atoi(token[6]);
  const currentEpoch = atoi(token[3]);
  const masterConfigEpoch = atoi(token[7]);
  const ip = token[0];
  const runid = token[2];
  let si = master.sentinels.find((x) => x.runid === runid && addrEqual(x, { host: ip, port }));
  if (!si) {
    // An address change: forget the same Sentinel under its old address.
    const before = master.sentinels.length;
    master.sentinels = master.sentinels.filter((x) => x.runid !== runid);
    const removed = before - master.sentinels.length;
    if (removed) {
      sentinelEvent(c, '+sentinel-address-switch', `${at(master, null)} ip ${ip} port ${port} for ${runid}`);
    } else {
      const other = master.sentinels.find((x) => addrEqual(x, { host: ip, port }));
      if (other) {
        // Another Sentinel id at the same address: that one is obsolete.
        sentinelEvent(c, '+sentinel-invalid-addr', at(other, master));
        const obsolete = other.runid;
        for (const m of c.s.masters) {
          for (const x of m.sentinels) if (x.runid === obsolete) closeLinkConn(c, x.link, 'cc');
          m.sentinels = m.sentinels.filter((x) => x.runid !== obsolete);
        }
      }
    }
    const created = createInstance(now, c.s, SRI_SENTINEL, runid, ip, port, master.quorum, master);
    if (created) {
      if (!removed) sentinelEvent(c, '+sentinel', at(created, master));
      created.runid = runid;
      flushConfig(c.s);
      si = created;
    }
  }
  if (currentEpoch > c.s.currentEpoch) {
    c.s.currentEpoch = currentEpoch;
    flushConfig(c.s);
    sentinelEvent(c, '+new-epoch', String(currentEpoch));
  }
  if (si && master.configEpoch < masterConfigEpoch) {
    master.configEpoch = masterConfigEpoch;
    if (masterPort !== master.port || !addrEqualsHost(master, token[5])) {
      sentinelEvent(c, '+config-update-from', at(si, master));
      sentinelEvent(c, '+switch-master', `${master.name} ${master.host} ${master.port} ${token[5]} ${masterPort}`);
      resetMasterAndChangeAddress(c, master, token[5], masterPort);
    }
  }
  if (si) si.lastHelloMs = now;
}

/** sentinelReceiveHelloMessages: every message on the Pub/Sub link proves it alive; our own hellos are skipped. */
export function onHelloMessage(c: Ctx, ri: SentinelInstance, r: Reply): void {
  ri.link.pcLastActivityMs = c.w.nowMs;
  if (r.t !== 'array' || r.a.length !== 3) return;
  const [kind, , payload] = r.a;
  if (kind.t !== 'bulk' || r.a[1].t !== 'bulk' || payload.t !== 'bulk' || kind.s !== 'message') return;
  if (payload.s.includes(c.s.myid)) return;
  processHello(c, payload.s);
}

/** sentinelReceiveIsMasterDownReply: [down 0|1, leader runid or *, leader epoch]. */
export function onIsMasterDownReply(c: Ctx, ri: SentinelInstance, r: Reply): void {
  if (r.t !== 'array' || r.a.length !== 3) return;
  const [down, leader, epoch] = r.a;
  if (down.t !== 'int' || leader.t !== 'bulk' || epoch.t !== 'int') return;
  ri.lastMasterDownReplyMs = c.w.nowMs;
  if (Number(down.n) === 1) ri.flags |= SRI_MASTER_DOWN;
  else ri.flags &= ~SRI_MASTER_DOWN;
  if (leader.s !== '*') {
    ri.leader = leader.s;
    ri.leaderEpoch = Number(epoch.n);
  }
}

/** sentinelCheckSubjectivelyDown (with the reconnection of idle links). */
export function checkSubjectivelyDown(c: Ctx, ri: SentinelInstance, m: SentinelInstance): void {
  const now = c.w.nowMs;
  const link = ri.link;
  let elapsed = 0;
  if (link.actPingMs) elapsed = now - link.actPingMs;
  else if (link.disconnected) elapsed = now - link.lastAvailMs;
  const half = Math.floor(ri.downAfterMs / 2);
  // A command link with a PING pending for half the timeout is reconnected.
  if (link.cc.id !== 0 && now - link.ccConnMs > SENTINEL_MIN_LINK_RECONNECT_PERIOD && link.actPingMs !== 0 && now - link.actPingMs > half && now - link.lastPongMs > half) {
    closeLinkConn(c, link, 'cc');
  }
  // A Pub/Sub link silent for three hello periods too.
  if (link.pc.id !== 0 && now - link.pcConnMs > SENTINEL_MIN_LINK_RECONNECT_PERIOD && now - link.pcLastActivityMs > SENTINEL_PUBLISH_PERIOD * 3) {
    closeLinkConn(c, link, 'pc');
  }
  const down =
    elapsed > ri.downAfterMs ||
    (ri.flags & SRI_MASTER && ri.roleReported === SRI_SLAVE && now - ri.roleReportedMs > ri.downAfterMs + SENTINEL_INFO_PERIOD * 2) ||
    (ri.flags & SRI_MASTER_REBOOT && now - ri.masterRebootSinceMs > ri.masterRebootDownAfterMs);
  if (down) {
    if ((ri.flags & SRI_S_DOWN) === 0) {
      sentinelEvent(c, '+sdown', at(ri, m));
      ri.sDownSinceMs = now;
      ri.flags |= SRI_S_DOWN;
    }
  } else if (ri.flags & SRI_S_DOWN) {
    sentinelEvent(c, '-sdown', at(ri, m));
    ri.flags &= ~(SRI_S_DOWN | SRI_SCRIPT_KILL_SENT);
  }
}

/** sentinelCheckObjectivelyDown: SDOWN here plus enough Sentinels that answered "down" reach the quorum. */
export function checkObjectivelyDown(c: Ctx, master: SentinelInstance): void {
  let quorum = 0;
  let odown = false;
  if (master.flags & SRI_S_DOWN) {
    quorum = 1;
    for (const ri of master.sentinels) if (ri.flags & SRI_MASTER_DOWN) quorum++;
    if (quorum >= master.quorum) odown = true;
  }
  if (odown) {
    if ((master.flags & SRI_O_DOWN) === 0) {
      sentinelEvent(c, '+odown', `${at(master, null)} #quorum ${quorum}/${master.quorum}`);
      master.flags |= SRI_O_DOWN;
      master.oDownSinceMs = c.w.nowMs;
    }
  } else if (master.flags & SRI_O_DOWN) {
    sentinelEvent(c, '-odown', at(master, null));
    master.flags &= ~SRI_O_DOWN;
  }
}

/**
 * sentinelAskMasterStateToOtherSentinels: while the master looks down, ask
 * the others every second; during a failover the question also asks for a vote.
 */
export function askMasterStateToOtherSentinels(c: Ctx, master: SentinelInstance, forced: boolean): void {
  const now = c.w.nowMs;
  for (const ri of master.sentinels) {
    const elapsed = now - ri.lastMasterDownReplyMs;
    if (elapsed > SENTINEL_ASK_PERIOD * 5) {
      ri.flags &= ~SRI_MASTER_DOWN;
      ri.leader = null;
    }
    if ((master.flags & SRI_S_DOWN) === 0) continue;
    if (ri.link.disconnected) continue;
    if (!forced && now - ri.lastMasterDownReplyMs < SENTINEL_ASK_PERIOD) continue;
    const argv = ['SENTINEL', 'is-master-down-by-addr', master.host, String(master.port), String(c.s.currentEpoch), master.failoverState > FAILOVER_NONE ? c.s.myid : '*'];
    if (connSend(c, ri.link.cc, argv, 'is-master-down')) ri.link.pendingCommands++;
  }
}

