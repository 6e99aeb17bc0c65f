// Process lifecycle of a simulated redis-server: start (with what it loads
// from its disk), crash (SIGKILL: memory gone, files stay) and restart.

import { closeConn } from '../net/network';
import { createBacklog } from '../replication/backlog';
import { ZERO_ID, traceReplid } from '../replication/master';
import { randomHexId } from '../sim/prng';
import { heapPush } from '../sim/scheduler';
import { emptyDisk, keysIn } from '../persistence/disk';
import type { WorldState } from '../world-state';
import { applyBootConfig, cfgBool, cfgReplicaOf, defaultConfig } from './config';
import { createDbs, dbsFromImage, imageOfDbs } from './db';
import type { NodeState, NodeStats } from './types';

function zeroStats(): NodeStats {
  return {
    syncFull: 0,
    syncPartialOk: 0,
    syncPartialErr: 0,
    expiredKeys: 0,
    totalConnectionsReceived: 0,
    totalCommandsProcessed: 0,
    rejectedConnections: 0,
    keyspaceHits: 0,
    keyspaceMisses: 0,
    totalErrorReplies: 0,
    totalForks: 0,
    netReplOutputBytes: 0,
    netReplInputBytes: 0,
  };
}

/** A node as created by a `node` line; it is started separately. Returns an error text for a bad config. */
export function createNode(w: WorldState, name: string, host: string, port: number, boot: [string, string][]): NodeState | string {
  const config = defaultConfig(port);
  const bad = applyBootConfig(config, boot);
  if (bad) return bad;
  const node: NodeState = {
    name,
    host,
    port,
    up: false,
    epoch: 0,
    startedAtMs: w.nowMs,
    runId: '',
    bootConfig: boot,
    config,
    dbs: createDbs(),
    clients: {},
    nextClientId: 1,
    dirty: 0,
    lastSaveMs: w.nowMs,
    lastBgsaveOk: true,
    lastBgsaveSec: -1,
    rdbSaves: 0,
    bgsave: null,
    bgsaveScheduled: false,
    stats: zeroStats(),
    cronloops: 0,
    replCronLoops: 0,
    repl: {
      replid: ZERO_ID,
      replid2: ZERO_ID,
      offset: 0,
      secondOffset: -1,
      backlog: null,
      slaveseldb: -1,
      replicas: [],
      noReplicasSinceMs: 0,
      masterHost: null,
      masterPort: 0,
      linkState: 'none',
      masterConn: 0,
      master: null,
      cachedMaster: null,
      transfer: null,
      linkDownSinceMs: -1,
      handshakeLastIoMs: 0,
      handshakeExpect: [],
      psyncFailover: false,
      failover: { state: 'no-failover', targetHost: null, targetPort: 0, endMs: 0, force: false, targetName: null },
      goodReplicas: 0,
    },
    disk: emptyDisk(),
    lastLoadKeysLoaded: 0,
    watchCount: 0,
    activeExpireEnabled: true,
  };
  return node;
}

/**
 * Start the process: fresh memory, config from the node line, data from disk
 * (the AOF when appendonly is yes, else dump.rdb), replication ids as
 * loadDataFromDisk sets them.
 */
export function startNode(w: WorldState, node: NodeState): void {
  const config = defaultConfig(node.port);
  applyBootConfig(config, node.bootConfig);
  node.config = config;
  node.up = true;
  node.epoch++;
  node.startedAtMs = w.nowMs;
  node.runId = randomHexId(w.prng);
  node.clients = {};
  node.watchCount = 0;
  node.activeExpireEnabled = true;
  node.dirty = 0;
  node.lastSaveMs = w.nowMs;
  node.lastBgsaveOk = true;
  node.lastBgsaveSec = -1;
  node.rdbSaves = 0;
  node.bgsave = null;
  node.stats = zeroStats();
  node.cronloops = 0;
  node.replCronLoops = 0;
  node.lastLoadKeysLoaded = 0;
  const repl = node.repl;
  repl.replid = randomHexId(w.prng);
  repl.replid2 = ZERO_ID;
  repl.offset = 0;
  repl.secondOffset = -1;
  repl.backlog = null;
  repl.slaveseldb = -1;
  repl.replicas = [];
  repl.noReplicasSinceMs = w.nowMs;
  repl.master = null;
  repl.cachedMaster = null;
  repl.transfer = null;
  repl.masterConn = 0;
  repl.linkDownSinceMs = -1;
  repl.handshakeExpect = [];
  repl.psyncFailover = false;
  repl.failover = { state: 'no-failover', targetHost: null, targetPort: 0, endMs: 0, force: false, targetName: null };
  repl.goodReplicas = 0;
  const ro = cfgReplicaOf(config);
  repl.masterHost = ro ? ro.host : null;
  repl.masterPort = ro ? ro.port : 0;
  repl.linkState = ro ? 'connect' : 'none';

  let what: 'rdb-loaded' | 'aof-loaded' | 'empty-start' = 'empty-start';
  if (cfgBool(config, 'appendonly') && node.disk.aof) {
    node.dbs = dbsFromImage(node.disk.aof, node.config);
    node.lastLoadKeysLoaded = keysIn(node.disk.aof);
    what = 'aof-loaded';
  } else if (node.disk.rdb) {
    const rdb = node.disk.rdb;
    node.dbs = dbsFromImage(rdb.image, node.config);
    node.lastLoadKeysLoaded = rdb.keys;
    what = 'rdb-loaded';
    if (rdb.replInfo) {
      if (repl.masterHost === null) {
        // A master keeps the saved history as replid2 and has a backlog at once,
        // so its replicas can continue with a partial resync.
        repl.replid2 = rdb.replInfo.replid;
        repl.secondOffset = rdb.replInfo.offset + 1;
        repl.offset = rdb.replInfo.offset;
        repl.backlog = createBacklog(repl.offset);
      } else {
        repl.replid = rdb.replInfo.replid;
        repl.offset = rdb.replInfo.offset;
        repl.cachedMaster = { replid: rdb.replInfo.replid, reploff: rdb.replInfo.offset, dbIndex: rdb.replInfo.streamDb };
      }
    }
  } else {
    node.dbs = createDbs();
  }
  if (w.traceOn) {
    w.trace.push({ t: 'node-up', node: node.name, atMs: w.nowMs });
    w.trace.push({ t: 'persist', node: node.name, what, keys: node.lastLoadKeysLoaded, atMs: w.nowMs });
    traceReplid(w, node);
  }
  // serverCron's first run comes right after start; it runs replicationCron then.
  heapPush(w.heap, w.nowMs + 1, { t: 'cron', node: node.name, epoch: node.epoch });
}

/** SIGKILL: connections reset by the kernel, memory lost, disk kept (the AOF holds every write so far). */
export function crashNode(w: WorldState, node: NodeState): void {
  if (!node.up) return;
  if (cfgBool(node.config, 'appendonly')) node.disk.aof = imageOfDbs(node.dbs);
  for (const id of Object.keys(w.conns)) {
    const conn = w.conns[Number(id)];
    if (!conn) continue;
    if (conn.ends[0] === node.name && conn.epochs[0] === node.epoch) closeConn(w, conn.id, 0, 'process killed');
    else if (conn.ends[1] === node.name && conn.epochs[1] === node.epoch) closeConn(w, conn.id, 1, 'process killed');
  }
  node.up = false;
  node.epoch++;
  node.clients = {};
  node.bgsave = null;
  node.repl.replicas = [];
  node.repl.master = null;
  node.repl.masterConn = 0;
  node.dbs = createDbs();
  if (w.traceOn) w.trace.push({ t: 'node-down', node: node.name, atMs: w.nowMs });
}

/** The disk is gone too (a container recreated without a volume). */
export function wipeDisk(node: NodeState): void {
  node.disk = emptyDisk();
}
