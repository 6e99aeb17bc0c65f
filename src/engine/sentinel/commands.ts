// The command table of a process in Sentinel mode: only the commands Redis
// 7.0 flags CMD_SENTINEL exist (PING, INFO, ROLE, CLIENT, PUBLISH, SUBSCRIBE,
// SENTINEL...); every data command is an unknown command there. The SENTINEL
// subcommands and their replies follow sentinelCommand() and
// addReplySentinelRedisInstance() field by field.

import { clientsSection, serverSection } from '../commands/info';
import { commandTable } from '../commands/index';
import { pubsubCommands } from '../commands/pubsub';
import type { CommandSpec, CommandTable, Exec } from '../commands/types';
import { stringMatch } from '../commands/util';
import { E, OK, type Reply, array, bulk, err, int, status } from '../resp/reply';
import type { NodeState } from '../server/types';
import type { WorldState } from '../world-state';
import { selectSlave, startFailover, voteLeader } from './failover';
import { processHello } from './monitor';
import { type Ctx, at, closeLinkConn, createInstance, ctxOf, currentMasterAddr, flushConfig, getMaster, initialConf, isIPv4, releaseInstance, resetMaster, sentinelEvent } from './state';
import {
  FAILOVER_NONE,
  FAILOVER_RECONF_SLAVES,
  FAILOVER_SELECT_SLAVE,
  FAILOVER_SEND_SLAVEOF_NOONE,
  FAILOVER_UPDATE_CONFIG,
  FAILOVER_WAIT_PROMOTION,
  FAILOVER_WAIT_START,
  SENTINEL_DEFAULT_DOWN_AFTER,
  SENTINEL_DEFAULT_FAILOVER_TIMEOUT,
  SENTINEL_ELECTION_TIMEOUT,
  SENTINEL_HELLO_CHANNEL,
  SENTINEL_INFO_PERIOD,
  SENTINEL_ASK_PERIOD,
  SENTINEL_MIN_LINK_RECONNECT_PERIOD,
  SENTINEL_PING_PERIOD,
  SENTINEL_PUBLISH_PERIOD,
  SENTINEL_SLAVE_RECONF_TIMEOUT,
  SIMFAILURE_CRASH_AFTER_ELECTION,
  SIMFAILURE_CRASH_AFTER_PROMOTION,
  SRI_FAILOVER_IN_PROGRESS,
  SRI_FORCE_FAILOVER,
  SRI_MASTER,
  SRI_MASTER_DOWN,
  SRI_O_DOWN,
  SRI_PROMOTED,
  SRI_RECONF_DONE,
  SRI_RECONF_INPROG,
  SRI_RECONF_SENT,
  SRI_S_DOWN,
  SRI_SCRIPT_KILL_SENT,
  SRI_SENTINEL,
  SRI_SLAVE,
  type SentinelInstance,
} from './types';

const FAILOVER_STATE_NAMES: Record<number, string> = {
  [FAILOVER_NONE]: 'none',
  [FAILOVER_WAIT_START]: 'wait_start',
  [FAILOVER_SELECT_SLAVE]: 'select_slave',
  [FAILOVER_SEND_SLAVEOF_NOONE]: 'send_slaveof_noone',
  [FAILOVER_WAIT_PROMOTION]: 'wait_promotion',
  [FAILOVER_RECONF_SLAVES]: 'reconf_slaves',
  [FAILOVER_UPDATE_CONFIG]: 'update_config',
};

const NO_SUCH_MASTER = 'ERR No such master with that name';

/** addReplySentinelRedisInstance: a flat field/value list of bulk strings. */
function instanceReply(c: Ctx, ri: SentinelInstance): Reply {
  const now = c.w.nowMs;
  const f: [string, string][] = [];
  const add = (k: string, v: string | number): void => {
    f.push([k, String(v)]);
  };
  add('name', ri.name);
  add('ip', ri.host);
  add('port', ri.port);
  add('runid', ri.runid ?? '');
  const flags: string[] = [];
  if (ri.flags & SRI_S_DOWN) flags.push('s_down');
  if (ri.flags & SRI_O_DOWN) flags.push('o_down');
  if (ri.flags & SRI_MASTER) flags.push('master');
  if (ri.flags & SRI_SLAVE) flags.push('slave');
  if (ri.flags & SRI_SENTINEL) flags.push('sentinel');
  if (ri.link.disconnected) flags.push('disconnected');
  if (ri.flags & SRI_MASTER_DOWN) flags.push('master_down');
  if (ri.flags & SRI_FAILOVER_IN_PROGRESS) flags.push('failover_in_progress');
  if (ri.flags & SRI_PROMOTED) flags.push('promoted');
  if (ri.flags & SRI_RECONF_SENT) flags.push('reconf_sent');
  if (ri.flags & SRI_RECONF_INPROG) flags.push('reconf_inprog');
  if (ri.flags & SRI_RECONF_DONE) flags.push('reconf_done');
  if (ri.flags & SRI_FORCE_FAILOVER) flags.push('force_failover');
  if (ri.flags & SRI_SCRIPT_KILL_SENT) flags.push('script_kill_sent');
  add('flags', flags.join(','));
  add('link-pending-commands', ri.link.pendingCommands);
  add('link-refcount', 1);
  if (ri.flags & SRI_FAILOVER_IN_PROGRESS) add('failover-state', FAILOVER_STATE_NAMES[ri.failoverState] ?? 'unknown');
  add('last-ping-sent', ri.link.actPingMs ? now - ri.link.actPingMs : 0);
  add('last-ok-ping-reply', now - ri.link.lastAvailMs);
  add('last-ping-reply', now - ri.link.lastPongMs);
  if (ri.flags & SRI_S_DOWN) add('s-down-time', now - ri.sDownSinceMs);
  if (ri.flags & SRI_O_DOWN) add('o-down-time', now - ri.oDownSinceMs);
  add('down-after-milliseconds', ri.downAfterMs);
  if (ri.flags & (SRI_MASTER | SRI_SLAVE)) {
    add('info-refresh', ri.infoRefreshMs ? now - ri.infoRefreshMs : 0);
    add('role-reported', ri.roleReported === SRI_MASTER ? 'master' : 'slave');
    add('role-reported-time', now - ri.roleReportedMs);
  }
  if (ri.flags & SRI_MASTER) {
    add('config-epoch', ri.configEpoch);
    add('num-slaves', ri.slaves.length);
    add('num-other-sentinels', ri.sentinels.length);
    add('quorum', ri.quorum);
    add('failover-timeout', ri.failoverTimeoutMs);
    add('parallel-syncs', ri.parallelSyncs);
  }
  if (ri.flags & SRI_SLAVE) {
    add('master-link-down-time', ri.masterLinkDownMs);
    add('master-link-status', ri.slaveMasterLinkUp ? 'ok' : 'err');
    add('master-host', ri.slaveMasterHost ?? '?');
    add('master-port', ri.slaveMasterPort);
    add('slave-priority', ri.slavePriority);
    add('slave-repl-offset', ri.slaveReplOffset);
    add('replica-announced', ri.replicaAnnounced);
  }
  if (ri.flags & SRI_SENTINEL) {
    add('last-hello-message', now - ri.lastHelloMs);
    add('voted-leader', ri.leader ?? '?');
    add('voted-leader-epoch', ri.leaderEpoch);
  }
  // A map (setDeferredMapLen): a flat array in RESP2.
  return { t: 'map', a: f.flatMap(([k, v]) => [bulk(k), bulk(v)]) };
}

/** addReplyDictOfRedisInstances: replicas that do not announce themselves are left out. */
function instancesReply(c: Ctx, list: SentinelInstance[]): Reply {
  return array(list.filter((ri) => !(ri.flags & SRI_SLAVE && !ri.replicaAnnounced)).map((ri) => instanceReply(c, ri)));
}

/** sentinelIsQuorumReachable: usable = us + known Sentinels not down; voters = known + us. */
export function quorumReachable(m: SentinelInstance): { usable: number; noQuorum: boolean; noAuth: boolean } {
  let usable = 1;
  const voters = m.sentinels.length + 1;
  for (const ri of m.sentinels) if (!(ri.flags & (SRI_S_DOWN | SRI_O_DOWN))) usable++;
  return { usable, noQuorum: usable < m.quorum, noAuth: usable < Math.floor(voters / 2) + 1 };
}

function withMaster(x: Exec, fn: (c: Ctx, m: SentinelInstance) => Reply): Reply {
  const c = ctxOf(x.world, x.node);
  const m = getMaster(c.s, x.argv[2]);
  if (!m) return err(NO_SUCH_MASTER);
  return fn(c, m);
}

/** getLongFromObjectOrReply */
function parseLong(s: string): number | null {
  if (!/^-?(0|[1-9][0-9]*)$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

const ckquorum = (x: Exec): Reply =>
  withMaster(x, (_c, m) => {
    const q = quorumReachable(m);
    if (!q.noQuorum && !q.noAuth) return status(`OK ${q.usable} usable Sentinels. Quorum and failover authorization can be reached`);
    let e = `NOQUORUM ${q.usable} usable Sentinels. `;
    if (q.noQuorum) e += 'Not enough available Sentinels to reach the specified quorum for this master';
    if (q.noAuth) {
      if (q.noQuorum) e += '. ';
      e += 'Not enough available Sentinels to reach the majority and authorize a failover';
    }
    return err(e);
  });

const failover = (x: Exec): Reply =>
  withMaster(x, (c, m) => {
    if (m.flags & SRI_FAILOVER_IN_PROGRESS) return err('INPROG Failover already in progress');
    if (!selectSlave(c, m)) return err('NOGOODSLAVE No suitable replica to promote');
    startFailover(c, m);
    m.flags |= SRI_FORCE_FAILOVER;
    return OK;
  });

const getMasterAddrByName = (x: Exec): Reply => {
  const c = ctxOf(x.world, x.node);
  const m = getMaster(c.s, x.argv[2]);
  if (!m) return { t: 'nullarray' };
  const a = currentMasterAddr(m);
  return array([bulk(a.host), bulk(String(a.port))]);
};

/** SENTINEL IS-MASTER-DOWN-BY-ADDR ip port current-epoch runid|*: [down, leader, leader epoch]. */
const isMasterDownByAddr = (x: Exec): Reply => {
  const c = ctxOf(x.world, x.node);
  const port = parseLong(x.argv[3]);
  const reqEpoch = parseLong(x.argv[4]);
  if (port === null || reqEpoch === null) return err(E.notInt);
  const ri = c.s.masters.find((m) => m.host === x.argv[2] && m.port === port);
  const isDown = !!ri && (ri.flags & SRI_S_DOWN) !== 0 && (ri.flags & SRI_MASTER) !== 0;
  let leader: string | null = null;
  let leaderEpoch = 0;
  if (ri && x.argv[5] !== '*') {
    const v = voteLeader(c, ri, reqEpoch, x.argv[5]);
    leader = v.leader;
    leaderEpoch = v.leaderEpoch;
  }
  return array([int(isDown ? 1 : 0), bulk(leader ?? '*'), int(leaderEpoch)]);
};

const reset = (x: Exec): Reply => {
  const c = ctxOf(x.world, x.node);
  let n = 0;
  for (const m of c.s.masters) {
    if (stringMatch(x.argv[2], m.name, false)) {
      resetMaster(c, m, false, true);
      n++;
    }
  }
  // sentinelResetMaster does not rewrite the config file: the next change does.
  return int(n);
};

const monitor = (x: Exec): Reply => {
  const c = ctxOf(x.world, x.node);
  const quorum = parseLong(x.argv[5]);
  if (quorum === null) return err('ERR Invalid quorum');
  const port = parseLong(x.argv[4]);
  if (port === null) return err('ERR Invalid port');
  if (quorum <= 0) return err('ERR Quorum must be 1 or greater.');
  // resolve-hostnames is no: only IP addresses are accepted (anetResolve with ANET_IP_ONLY).
  if (!isIPv4(x.argv[3])) return err('ERR Invalid IP address or hostname specified');
  if (port < 0 || port > 65535) return err('ERR Invalid port number.');
  const conf = initialConf(x.argv[2], x.argv[3], port, quorum, []);
  if (typeof conf === 'string') return err(`ERR ${conf}`);
  const ri = createInstance(c.w.nowMs, c.s, SRI_MASTER, x.argv[2], x.argv[3], port, quorum, null);
  if (!ri) return err('ERR Duplicate master name.');
  flushConfig(c.s);
  sentinelEvent(c, '+monitor', `${at(ri, null)} quorum ${ri.quorum}`);
  return OK;
};

const remove = (x: Exec): Reply =>
  withMaster(x, (c, m) => {
    sentinelEvent(c, '-monitor', at(m, null));
    releaseInstance(c, m);
    c.s.masters = c.s.masters.filter((r) => r !== m);
    flushConfig(c.s);
    return OK;
  });

/** SENTINEL SET name option value ...: the options the simulation models change it, the others are accepted. */
const set = (x: Exec): Reply =>
  withMaster(x, (c, m) => {
    let changes = 0;
    let result: Reply = OK;
    for (let j = 3; j < x.argv.length; j++) {
      const option = x.argv[j];
      const more = x.argv.length - 1 - j;
      const opt = option.toLowerCase();
      const oldJ = j;
      if (['down-after-milliseconds', 'failover-timeout', 'parallel-syncs', 'quorum', 'master-reboot-down-after-period'].includes(opt) && more > 0) {
        const v = parseLong(x.argv[++j]);
        if (v === null || (opt === 'master-reboot-down-after-period' ? v < 0 : v <= 0)) {
          result = err(`ERR Invalid argument '${x.argv[j]}' for SENTINEL SET '${option}'`);
          break;
        }
        if (opt === 'down-after-milliseconds') {
          m.downAfterMs = v;
          for (const ri of [...m.slaves, ...m.sentinels]) ri.downAfterMs = v;
        } else if (opt === 'failover-timeout') m.failoverTimeoutMs = v;
        else if (opt === 'parallel-syncs') m.parallelSyncs = v;
        else if (opt === 'quorum') m.quorum = v;
        else m.masterRebootDownAfterMs = v;
      } else if ((opt === 'notification-script' || opt === 'client-reconfig-script') && more > 0) {
        // deny-scripts-reconfig is yes by default.
        result = err(
          'ERR Reconfiguration of scripts path is denied for security reasons. Check the deny-scripts-reconfig configuration directive in your Sentinel configuration',
        );
        break;
      } else if ((opt === 'auth-pass' || opt === 'auth-user') && more > 0) {
        const v = x.argv[++j];
        if (opt === 'auth-pass') m.authPass = v.length ? v : null;
        else m.authUser = v.length ? v : null;
        // dropInstanceConnections: reconnect with the new credentials.
        for (const ri of [m, ...m.slaves]) {
          closeLinkConn(c, ri.link, 'cc');
          closeLinkConn(c, ri.link, 'pc');
        }
      } else if (opt === 'rename-command' && more > 1) {
        j += 2;
      } else {
        result = err(`ERR Unknown option or number of arguments for SENTINEL SET '${option}'`);
        break;
      }
      changes++;
      const shown = opt === 'auth-pass' ? '******' : x.argv.slice(oldJ + 1, j + 1).join(' ');
      sentinelEvent(c, '+set', `${at(m, null)} ${option}${shown ? ` ${shown}` : ''}`);
    }
    if (changes) flushConfig(c.s);
    return result;
  });

const debug = (x: Exec): Reply => {
  if (x.argv.length === 2) {
    const pairs: [string, number][] = [
      ['INFO-PERIOD', SENTINEL_INFO_PERIOD],
      ['PING-PERIOD', SENTINEL_PING_PERIOD],
      ['ASK-PERIOD', SENTINEL_ASK_PERIOD],
      ['PUBLISH-PERIOD', SENTINEL_PUBLISH_PERIOD],
      ['DEFAULT-DOWN-AFTER', SENTINEL_DEFAULT_DOWN_AFTER],
      ['DEFAULT-FAILOVER-TIMEOUT', SENTINEL_DEFAULT_FAILOVER_TIMEOUT],
      ['TILT-TRIGGER', 2000],
      ['TILT-PERIOD', SENTINEL_PING_PERIOD * 30],
      ['SLAVE-RECONF-TIMEOUT', SENTINEL_SLAVE_RECONF_TIMEOUT],
      ['MIN-LINK-RECONNECT-PERIOD', SENTINEL_MIN_LINK_RECONNECT_PERIOD],
      ['ELECTION-TIMEOUT', SENTINEL_ELECTION_TIMEOUT],
      ['SCRIPT-MAX-RUNTIME', 60_000],
      ['SCRIPT-RETRY-DELAY', 30_000],
    ];
    return array(pairs.flatMap(([k, v]) => [bulk(k), bulk(String(v))]));
  }
  // The timers are fixed in the simulation.
  return err('ERR Changing the Sentinel timers is not supported by this simulation');
};

const simulateFailure = (x: Exec): Reply => {
  const c = ctxOf(x.world, x.node);
  c.s.simFailureFlags = 0;
  for (const a of x.argv.slice(2)) {
    const o = a.toLowerCase();
    if (o === 'crash-after-election') c.s.simFailureFlags |= SIMFAILURE_CRASH_AFTER_ELECTION;
    else if (o === 'crash-after-promotion') c.s.simFailureFlags |= SIMFAILURE_CRASH_AFTER_PROMOTION;
    else if (o === 'help') return array([bulk('crash-after-election'), bulk('crash-after-promotion')]);
    else return err('ERR Unknown failure simulation specified');
  }
  return OK;
};

const config = (x: Exec): Reply => {
  const sub = x.argv[2].toLowerCase();
  if (sub === 'get' && x.argv.length === 4) {
    const known: [string, string][] = [
      ['resolve-hostnames', 'no'],
      ['announce-hostnames', 'no'],
      ['announce-ip', ''],
      ['announce-port', '0'],
      ['sentinel-user', ''],
      ['sentinel-pass', ''],
      ['deny-scripts-reconfig', 'yes'],
    ];
    return { t: 'map', a: known.filter(([k]) => stringMatch(x.argv[3], k, true)).flatMap(([k, v]) => [bulk(k), bulk(v)]) };
  }
  if (sub === 'set' && x.argv.length === 5) return err(`ERR Invalid argument '${x.argv[4]}' to SENTINEL CONFIG SET`);
  return err('ERR Only SENTINEL CONFIG GET <option> / SET <option> <value> are supported.');
};

const infoCache = (x: Exec): Reply => {
  const c = ctxOf(x.world, x.node);
  const names = x.argv.slice(2);
  const masters = c.s.masters.filter((m) => names.includes(m.name));
  const now = c.w.nowMs;
  // Sentinel keeps the INFO text of every instance; the simulation keeps only when it came.
  const entry = (ri: SentinelInstance): Reply => array([int(ri.infoRefreshMs ? now - ri.infoRefreshMs : 0), bulk(null)]);
  return array(masters.flatMap((m) => [bulk(m.name), array([entry(m), ...m.slaves.map(entry)])]));
};

const SENTINEL_HELP = [
  'SENTINEL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CKQUORUM <master-name>',
  '    Check if the current Sentinel configuration is able to reach the quorum',
  '    needed to failover a master and the majority needed to authorize the',
  '    failover.',
  'CONFIG SET <param> <value>',
  '    Set a global Sentinel configuration parameter.',
  'CONFIG GET <param>',
  '    Get global Sentinel configuration parameter.',
  'DEBUG [<param> <value> ...]',
  '    Show a list of configurable time parameters and their values (milliseconds).',
  '    Or update current configurable parameters values (one or more).',
  'GET-MASTER-ADDR-BY-NAME <master-name>',
  '    Return the ip and port number of the master with that name.',
  'FAILOVER <master-name>',
  '    Manually failover a master node without asking for agreement from other',
  '    Sentinels',
  'FLUSHCONFIG',
  '    Force Sentinel to rewrite its configuration on disk, including the current',
  '    Sentinel state.',
  'INFO-CACHE <master-name>',
  '    Return last cached INFO output from masters and all its replicas.',
  'IS-MASTER-DOWN-BY-ADDR <ip> <port> <current-epoch> <runid>',
  "    Check if the master specified by ip:port is down from current Sentinel's",
  '    point of view.',
  'MASTER <master-name>',
  '    Show the state and info of the specified master.',
  'MASTERS',
  '    Show a list of monitored masters and their state.',
  'MONITOR <name> <ip> <port> <quorum>',
  '    Start monitoring a new master with the specified name, ip, port and quorum.',
  'MYID',
  '    Return the ID of the Sentinel instance.',
  'PENDING-SCRIPTS',
  '    Get pending scripts information.',
  'REMOVE <master-name>',
  "    Remove master from Sentinel's monitor list.",
  'REPLICAS <master-name>',
  '    Show a list of replicas for this master and their state.',
  'RESET <pattern>',
  '    Reset masters for specific master name matching this pattern.',
  'SENTINELS <master-name>',
  '    Show a list of Sentinel instances for this master and their state.',
  'SET <master-name> <option> <value> [<option> <value> ...]',
  '    Set configuration parameters for certain masters.',
  'SIMULATE-FAILURE [CRASH-AFTER-ELECTION] [CRASH-AFTER-PROMOTION] [HELP]',
  '    Simulate a Sentinel crash.',
  'HELP',
  '    Prints this help.',
];

const sub = (name: string, arity: number, handler: (x: Exec) => Reply): CommandSpec => ({ name, arity, flags: { admin: true, stale: true }, handler });

const sentinelSubcommands: CommandSpec[] = [
  sub('ckquorum', 3, ckquorum),
  sub('config', -3, config),
  sub('debug', -2, debug),
  sub('failover', 3, failover),
  sub('flushconfig', 2, (x) => {
    flushConfig(ctxOf(x.world, x.node).s);
    return OK;
  }),
  sub('get-master-addr-by-name', 3, getMasterAddrByName),
  sub('help', 2, () => array(SENTINEL_HELP.map((s) => status(s)))),
  sub('info-cache', -3, infoCache),
  sub('is-master-down-by-addr', 6, isMasterDownByAddr),
  sub('master', 3, (x) => withMaster(x, (c, m) => instanceReply(c, m))),
  sub('masters', 2, (x) => {
    const c = ctxOf(x.world, x.node);
    return instancesReply(c, c.s.masters);
  }),
  sub('monitor', 6, monitor),
  sub('myid', 2, (x) => bulk(ctxOf(x.world, x.node).s.myid)),
  sub('pending-scripts', 2, () => array([])),
  sub('remove', 3, remove),
  sub('replicas', 3, (x) => withMaster(x, (c, m) => instancesReply(c, m.slaves))),
  sub('reset', 3, reset),
  sub('sentinels', 3, (x) => withMaster(x, (c, m) => instancesReply(c, m.sentinels))),
  sub('set', -5, set),
  sub('simulate-failure', -3, simulateFailure),
  sub('slaves', 3, (x) => withMaster(x, (c, m) => instancesReply(c, m.slaves))),
];

// ---------------------------------------------------------------- INFO


function statsSection(n: NodeState): string {
  const s = n.stats;
  return [
    '# Stats',
    `total_connections_received:${s.totalConnectionsReceived}`,
    `total_commands_processed:${s.totalCommandsProcessed}`,
    'instantaneous_ops_per_sec:0',
    `rejected_connections:${s.rejectedConnections}`,
    'pubsub_channels:0',
    'pubsub_patterns:0',
    `total_error_replies:${s.totalErrorReplies}`,
  ].join('\r\n');
}

function cpuSection(w: WorldState, n: NodeState): string {
  const up = (w.nowMs - n.startedAtMs) / 1000;
  return ['# CPU', `used_cpu_sys:${(up * 0.001).toFixed(6)}`, `used_cpu_user:${(up * 0.002).toFixed(6)}`, 'used_cpu_sys_children:0.000000', 'used_cpu_user_children:0.000000'].join('\r\n');
}

/** sentinelInfoCommand: the sections server, clients, stats, cpu (in that order) and sentinel. */
const info = (x: Exec): Reply => {
  const c = ctxOf(x.world, x.node);
  const args = x.argv.slice(1).map((a) => a.toLowerCase());
  const all = args.includes('all') || args.includes('everything');
  const sections = new Set(args.length === 0 || all ? ['server', 'clients', 'cpu', 'stats', 'sentinel'] : args);
  if (args.includes('default')) for (const s of ['server', 'clients', 'cpu', 'stats', 'sentinel']) sections.add(s);
  const parts: string[] = [];
  if (sections.has('server')) parts.push(serverSection(c.w, c.node, 'sentinel', '/etc/redis/sentinel.conf'));
  if (sections.has('clients')) parts.push(clientsSection(Object.values(c.node.clients).length, 0));
  if (sections.has('stats')) parts.push(statsSection(c.node));
  if (sections.has('cpu')) parts.push(cpuSection(c.w, c.node));
  if (sections.has('sentinel')) {
    const lines = [
      '# Sentinel',
      `sentinel_masters:${c.s.masters.length}`,
      'sentinel_tilt:0',
      'sentinel_tilt_since_seconds:-1',
      'sentinel_running_scripts:0',
      'sentinel_scripts_queue_length:0',
      `sentinel_simulate_failure_flags:${c.s.simFailureFlags}`,
    ];
    c.s.masters.forEach((m, i) => {
      const st = m.flags & SRI_O_DOWN ? 'odown' : m.flags & SRI_S_DOWN ? 'sdown' : 'ok';
      lines.push(`master${i}:name=${m.name},status=${st},address=${m.host}:${m.port},slaves=${m.slaves.length},sentinels=${m.sentinels.length + 1}`);
    });
    parts.push(lines.join('\r\n'));
  }
  return bulk(parts.length ? `${parts.join('\r\n\r\n')}\r\n` : '');
};

/** Sentinel's PUBLISH only takes hello messages, which it processes at once (sentinelPublishCommand). */
const publish = (x: Exec): Reply => {
  if (x.argv[1] !== SENTINEL_HELLO_CHANNEL) return err('ERR Only HELLO messages are accepted by Sentinel instances.');
  processHello(ctxOf(x.world, x.node), x.argv[2]);
  return int(1);
};

const ping = (x: Exec): Reply => {
  if (x.argv.length > 2) return err(E.arity('ping'));
  return x.argv.length === 2 ? bulk(x.argv[1]) : status('PONG');
};

/** ROLE in Sentinel mode: ["sentinel", [monitored master names]]. */
const role = (x: Exec): Reply => array([bulk('sentinel'), array(ctxOf(x.world, x.node).s.masters.map((m) => bulk(m.name)))]);

function build(): CommandTable {
  const subcommands: Record<string, CommandSpec> = {};
  for (const s of sentinelSubcommands) subcommands[s.name] = s;
  const table: CommandTable = {
    ping: { name: 'ping', arity: -1, flags: {}, handler: ping },
    info: { name: 'info', arity: -1, flags: { stale: true }, handler: info },
    role: { name: 'role', arity: 1, flags: { stale: true }, handler: role },
    sentinel: { name: 'sentinel', arity: -2, flags: { admin: true }, subcommands },
    publish: { name: 'publish', arity: 3, flags: { stale: true }, handler: publish },
    client: commandTable.client,
  };
  for (const spec of pubsubCommands) if (spec.name !== 'publish') table[spec.name] = spec;
  return table;
}

export const sentinelCommandTable: CommandTable = build();
