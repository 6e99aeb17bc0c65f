// Sentinel instances and configuration: creating instances (createSentinelRedisInstance),
// looking them up, the event notifications (sentinelEvent: log line, Pub/Sub
// message on the Sentinel, trace event here) and the config file that keeps
// what Sentinel learned across restarts (sentinelFlushConfig / config loading).

import { publishMessage } from '../commands/pubsub';
import { closeConn } from '../net/network';
import type { NodeState } from '../server/types';
import type { WorldState } from '../world-state';
import {
  FAILOVER_NONE,
  FAILOVER_RECONF_SLAVES,
  SENTINEL_DEFAULT_DOWN_AFTER,
  SENTINEL_DEFAULT_FAILOVER_TIMEOUT,
  SENTINEL_DEFAULT_PARALLEL_SYNCS,
  SENTINEL_DEFAULT_SLAVE_PRIORITY,
  SRI_FAILOVER_IN_PROGRESS,
  SRI_MASTER,
  SRI_SENTINEL,
  SRI_SLAVE,
  type SentinelConf,
  type SentinelConn,
  type SentinelInstance,
  type SentinelLink,
  type SentinelMasterConf,
  type SentinelState,
} from './types';

/** What every Sentinel routine needs: the world, the Sentinel process and its state. */
export interface Ctx {
  w: WorldState;
  node: NodeState;
  s: SentinelState;
}

export function ctxOf(w: WorldState, node: NodeState): Ctx {
  if (!node.sentinel) throw new Error(`${node.name} is not a Sentinel`);
  return { w, node, s: node.sentinel };
}

export interface Addr {
  host: string;
  port: number;
}

/** createSentinelAddr resolves names: the simulation only knows `localhost` besides IPs. */
export function normHost(host: string): string {
  return host.toLowerCase() === 'localhost' ? '127.0.0.1' : host;
}

/** sentinelAddrOrHostnameEqual */
export function addrEqual(a: Addr, b: Addr): boolean {
  return a.port === b.port && normHost(a.host).toLowerCase() === normHost(b.host).toLowerCase();
}

/** sentinelAddrEqualsHostname: the address' ip against a host name reported in INFO. */
export function addrEqualsHost(a: Addr, host: string | null): boolean {
  if (host === null) return false;
  return normHost(a.host).toLowerCase() === normHost(host).toLowerCase();
}

export function emptyConn(): SentinelConn {
  return { id: 0, established: false, out: [], callbacks: [] };
}

/** createInstanceLink: act_ping_time starts at "now" so an instance never reached still times out. */
function createLink(now: number): SentinelLink {
  return {
    disconnected: true,
    pendingCommands: 0,
    cc: emptyConn(),
    pc: emptyConn(),
    ccConnMs: 0,
    pcConnMs: 0,
    pcLastActivityMs: 0,
    lastAvailMs: now,
    actPingMs: now,
    lastPingMs: 0,
    lastPongMs: now,
    lastReconnMs: 0,
  };
}

/**
 * createSentinelRedisInstance. A replica is named `ip:port`; returns null for a
 * duplicate (a master name, a replica address or a Sentinel id already known).
 */
export function createInstance(
  now: number,
  s: SentinelState,
  flags: number,
  name: string,
  host: string,
  port: number,
  quorum: number,
  master: SentinelInstance | null,
): SentinelInstance | null {
  const h = normHost(host);
  const sdsname = flags & SRI_SLAVE ? `${h}:${port}` : name;
  const table = flags & SRI_MASTER ? s.masters : flags & SRI_SLAVE ? master!.slaves : master!.sentinels;
  if (table.some((x) => x.name === sdsname)) return null;
  const ri: SentinelInstance = {
    flags,
    name: sdsname,
    runid: null,
    configEpoch: 0,
    host: h,
    port,
    link: createLink(now),
    lastPubMs: now,
    lastHelloMs: now,
    lastMasterDownReplyMs: now,
    sDownSinceMs: 0,
    oDownSinceMs: 0,
    downAfterMs: master ? master.downAfterMs : SENTINEL_DEFAULT_DOWN_AFTER,
    masterRebootDownAfterMs: 0,
    masterRebootSinceMs: 0,
    infoRefreshMs: 0,
    roleReported: flags & (SRI_MASTER | SRI_SLAVE),
    roleReportedMs: now,
    slaveConfChangeMs: now,
    sentinels: [],
    slaves: [],
    quorum,
    parallelSyncs: SENTINEL_DEFAULT_PARALLEL_SYNCS,
    authPass: null,
    authUser: null,
    masterLinkDownMs: 0,
    slavePriority: SENTINEL_DEFAULT_SLAVE_PRIORITY,
    replicaAnnounced: 1,
    slaveReconfSentMs: 0,
    slaveMasterHost: null,
    slaveMasterPort: 0,
    slaveMasterLinkUp: false,
    slaveReplOffset: 0,
    leader: null,
    leaderEpoch: 0,
    failoverEpoch: 0,
    failoverState: FAILOVER_NONE,
    failoverStateChangeMs: 0,
    failoverStartMs: 0,
    failoverTimeoutMs: SENTINEL_DEFAULT_FAILOVER_TIMEOUT,
    promotedSlave: null,
  };
  table.push(ri);
  return ri;
}

export function getMaster(s: SentinelState, name: string): SentinelInstance | undefined {
  return s.masters.find((m) => m.name === name);
}

export function lookupSlave(master: SentinelInstance, host: string, port: number): SentinelInstance | undefined {
  const key = `${normHost(host)}:${port}`;
  return master.slaves.find((x) => x.name === key);
}

export function promotedSlaveOf(master: SentinelInstance): SentinelInstance | undefined {
  return master.promotedSlave === null ? undefined : master.slaves.find((x) => x.name === master.promotedSlave);
}

/**
 * sentinelGetCurrentMasterAddress: once the promoted replica acknowledged its
 * new role (state RECONF_SLAVES or later), its address is the master's.
 */
export function currentMasterAddr(master: SentinelInstance): Addr {
  const p = promotedSlaveOf(master);
  if (master.flags & SRI_FAILOVER_IN_PROGRESS && p && master.failoverState >= FAILOVER_RECONF_SLAVES) return p;
  return master;
}

export function typeStr(ri: SentinelInstance): string {
  if (ri.flags & SRI_MASTER) return 'master';
  if (ri.flags & SRI_SLAVE) return 'slave';
  if (ri.flags & SRI_SENTINEL) return 'sentinel';
  return 'unknown';
}

/** The `%@` prefix of sentinelEvent: `<type> <name> <ip> <port>` [`@ <master> <ip> <port>`]. */
export function at(ri: SentinelInstance, master: SentinelInstance | null): string {
  const me = `${typeStr(ri)} ${ri.name} ${ri.host} ${ri.port}`;
  if (ri.flags & SRI_MASTER || !master) return me;
  return `${me} @ ${master.name} ${master.host} ${master.port}`;
}

/**
 * sentinelEvent: logged, published on the Sentinel's own Pub/Sub channel named
 * after the event (what clients of Sentinel subscribe to), and traced.
 */
export function sentinelEvent(c: Ctx, type: string, text: string): void {
  const { w, node } = c;
  if (w.traceOn) w.trace.push({ t: 'sentinel', node: node.name, event: type, text, atMs: w.nowMs });
  publishMessage(w, node, type, text);
}

/** Close one connection of a link from our side (instanceLinkCloseConnection). */
export function closeLinkConn(c: Ctx, link: SentinelLink, which: 'cc' | 'pc'): void {
  const conn = link[which];
  if (conn.id === 0) return;
  closeConn(c.w, conn.id, 0, 'closed by Sentinel');
  link[which] = emptyConn();
  if (which === 'cc') link.pendingCommands = 0;
  link.disconnected = true;
}

/** releaseSentinelRedisInstance: an instance forgotten closes its connections (its own and its children's). */
export function releaseInstance(c: Ctx, ri: SentinelInstance): void {
  for (const x of ri.slaves) releaseInstance(c, x);
  for (const x of ri.sentinels) releaseInstance(c, x);
  closeLinkConn(c, ri.link, 'cc');
  closeLinkConn(c, ri.link, 'pc');
}

/** Fresh instances from the config file, as a Sentinel process builds them when it starts. */
export function loadConfig(now: number, s: SentinelState): void {
  s.masters = [];
  s.myid = s.conf.myid;
  s.currentEpoch = s.conf.currentEpoch;
  for (const mc of s.conf.masters) {
    const m = createInstance(now, s, SRI_MASTER, mc.name, mc.host, mc.port, mc.quorum, null);
    if (!m) continue;
    m.downAfterMs = mc.downAfterMs;
    m.failoverTimeoutMs = mc.failoverTimeoutMs;
    m.parallelSyncs = mc.parallelSyncs;
    m.masterRebootDownAfterMs = mc.masterRebootDownAfterMs;
    m.authPass = mc.authPass;
    m.authUser = mc.authUser;
    m.configEpoch = mc.configEpoch;
    if (m.configEpoch > s.currentEpoch) s.currentEpoch = m.configEpoch;
    m.leaderEpoch = mc.leaderEpoch;
    for (const [h, p] of mc.knownReplicas) createInstance(now, s, SRI_SLAVE, '', h, p, m.quorum, m);
    for (const [h, p, runid] of mc.knownSentinels) {
      const si = createInstance(now, s, SRI_SENTINEL, runid, h, p, m.quorum, m);
      if (si) si.runid = runid;
    }
  }
}

/** sentinelFlushConfig: what rewriteConfigSentinelOption would write. */
export function flushConfig(s: SentinelState): void {
  const masters: SentinelMasterConf[] = s.masters.map((m) => {
    const addr = currentMasterAddr(m);
    return {
      name: m.name,
      host: addr.host,
      port: addr.port,
      quorum: m.quorum,
      downAfterMs: m.downAfterMs,
      failoverTimeoutMs: m.failoverTimeoutMs,
      parallelSyncs: m.parallelSyncs,
      masterRebootDownAfterMs: m.masterRebootDownAfterMs,
      authPass: m.authPass,
      authUser: m.authUser,
      configEpoch: m.configEpoch,
      leaderEpoch: m.leaderEpoch,
      // A replica already promoted is written with the old master's address.
      knownReplicas: m.slaves.map((x): [string, number] => (addrEqual(x, addr) ? [m.host, m.port] : [x.host, x.port])),
      knownSentinels: m.sentinels.filter((x) => x.runid !== null).map((x): [string, number, string] => [x.host, x.port, x.runid!]),
    };
  });
  s.conf = { myid: s.myid, currentEpoch: s.currentEpoch, masters };
}

/** The config a `sentinel monitor` line plus its options give, checked as sentinelHandleConfiguration does. */
export function initialConf(masterName: string, host: string, port: number, quorum: number, options: [string, string][]): SentinelConf | string {
  if (!(quorum > 0)) return 'Quorum must be 1 or greater.';
  if (port < 0 || port > 65535) return 'Invalid port number.';
  // resolve-hostnames is no by default: the address must be an IP.
  if (!isIPv4(host)) return "Can't resolve instance hostname.";
  const m: SentinelMasterConf = {
    name: masterName,
    host: normHost(host),
    port,
    quorum,
    downAfterMs: SENTINEL_DEFAULT_DOWN_AFTER,
    failoverTimeoutMs: SENTINEL_DEFAULT_FAILOVER_TIMEOUT,
    parallelSyncs: SENTINEL_DEFAULT_PARALLEL_SYNCS,
    masterRebootDownAfterMs: 0,
    authPass: null,
    authUser: null,
    configEpoch: 0,
    leaderEpoch: 0,
    knownReplicas: [],
    knownSentinels: [],
  };
  for (const [name, value] of options) {
    const n = atoi(value);
    switch (name.toLowerCase()) {
      case 'down-after-milliseconds':
        if (n <= 0) return 'negative or zero time parameter.';
        m.downAfterMs = n;
        break;
      case 'failover-timeout':
        if (n <= 0) return 'negative or zero time parameter.';
        m.failoverTimeoutMs = n;
        break;
      case 'parallel-syncs':
        m.parallelSyncs = n;
        break;
      case 'master-reboot-down-after-period':
        if (n < 0) return 'negative time parameter.';
        m.masterRebootDownAfterMs = n;
        break;
      case 'auth-pass':
        m.authPass = value;
        break;
      case 'auth-user':
        m.authUser = value;
        break;
      default:
        return 'Unrecognized sentinel configuration statement.';
    }
  }
  return { myid: '', currentEpoch: 0, masters: [m] };
}

/** inet_pton(AF_INET): what anetResolve accepts with ANET_IP_ONLY (IPv6 is not simulated). */
export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255);
}

/** C atoi: leading digits, 0 when none. */
export function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number.parseInt(m[1], 10) : 0;
}

/**
 * sentinelResetMaster: forget replicas (and Sentinels unless told not to),
 * drop the connections, clear runtime flags and the failover, so that a new
 * failover may start at once.
 */
export function resetMaster(c: Ctx, ri: SentinelInstance, keepSentinels: boolean, generateEvent: boolean): void {
  const now = c.w.nowMs;
  for (const x of ri.slaves) releaseInstance(c, x);
  ri.slaves = [];
  if (!keepSentinels) {
    for (const x of ri.sentinels) releaseInstance(c, x);
    ri.sentinels = [];
  }
  closeLinkConn(c, ri.link, 'cc');
  closeLinkConn(c, ri.link, 'pc');
  ri.flags &= SRI_MASTER;
  ri.leader = null;
  ri.failoverState = FAILOVER_NONE;
  ri.failoverStateChangeMs = 0;
  ri.failoverStartMs = 0;
  ri.promotedSlave = null;
  ri.runid = null;
  ri.slaveMasterHost = null;
  ri.link.actPingMs = now;
  ri.link.lastPingMs = 0;
  ri.link.lastAvailMs = now;
  ri.link.lastPongMs = now;
  ri.roleReportedMs = now;
  ri.roleReported = SRI_MASTER;
  if (generateEvent) sentinelEvent(c, '+reset-master', at(ri, null));
}

/**
 * sentinelResetMasterAndChangeAddress (+switch-master): the master gets the
 * new address; the replicas are forgotten and re-added by address, the old
 * master among them, so that it is watched and reconfigured when it returns.
 */
export function resetMasterAndChangeAddress(c: Ctx, master: SentinelInstance, host: string, port: number): void {
  const newAddr: Addr = { host: normHost(host), port };
  const slaves: Addr[] = [];
  for (const x of master.slaves) if (!addrEqual(x, newAddr)) slaves.push({ host: x.host, port: x.port });
  if (!addrEqual(newAddr, master)) slaves.push({ host: master.host, port: master.port });
  resetMaster(c, master, true, false);
  master.host = newAddr.host;
  master.port = newAddr.port;
  master.oDownSinceMs = 0;
  master.sDownSinceMs = 0;
  for (const a of slaves) {
    const slave = createInstance(c.w.nowMs, c.s, SRI_SLAVE, '', a.host, a.port, master.quorum, master);
    if (slave) sentinelEvent(c, '+slave', at(slave, master));
  }
  flushConfig(c.s);
}
