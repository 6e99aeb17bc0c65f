// RDB persistence of one node: SAVE, BGSAVE, save points, what a FLUSHALL
// writes, and what a node loads when it starts (rdb.c, server.c loadDataFromDisk).

import { byteLength } from '../resp/encode';
import { heapPush } from '../sim/scheduler';
import { cfgBool, cfgSavePoints } from '../server/config';
import { imageOfDbs } from '../server/db';
import type { BgsaveState, NodeState, ReplInfo } from '../server/types';
import type { WorldState } from '../world-state';
import { childNoticedAtMs, keysIn, rdbSizeOf } from './disk';

/** rdbPopulateSaveInfo: an RDB carries repl info when there is a backlog (master) or a master link (replica). */
export function replInfoForSave(node: NodeState): ReplInfo | null {
  const repl = node.repl;
  if (repl.masterHost === null) return repl.backlog ? { replid: repl.replid, offset: repl.offset, streamDb: Math.max(0, repl.slaveseldb) } : null;
  if (repl.master) return { replid: repl.master.replid, offset: repl.master.reploff, streamDb: node.clients[repl.master.clientId]?.dbIndex ?? 0 };
  if (repl.cachedMaster) return { replid: repl.cachedMaster.replid, offset: repl.cachedMaster.reploff, streamDb: repl.cachedMaster.dbIndex };
  return null;
}

export function hasPersistence(node: NodeState): boolean {
  return cfgSavePoints(node.config).length > 0 || cfgBool(node.config, 'appendonly');
}

/** SAVE: write dump.rdb synchronously. */
export function rdbSave(w: WorldState, node: NodeState): void {
  const image = imageOfDbs(node.dbs);
  node.disk.rdb = { image, replInfo: replInfoForSave(node), savedAtMs: w.nowMs, keys: keysIn(image), bytes: rdbSizeOf(image, byteLength), forSync: false };
  node.dirty = 0;
  node.lastSaveMs = w.nowMs;
  node.lastBgsaveOk = true;
  node.rdbSaves++;
  if (w.traceOn) w.trace.push({ t: 'persist', node: node.name, what: 'rdb-saved', keys: keysIn(image), atMs: w.nowMs });
}

/** BGSAVE: fork a child that writes a point-in-time copy. */
export function rdbSaveBackground(w: WorldState, node: NodeState): void {
  const image = imageOfDbs(node.dbs);
  const bytes = rdbSizeOf(image, byteLength);
  node.rdbSaves++;
  node.stats.totalForks++;
  const endMs = w.nowMs + 1 + Math.ceil(bytes / 200_000);
  node.bgsave = { fork: node.stats.totalForks, target: 'disk', startMs: w.nowMs, endMs, image, replInfo: replInfoForSave(node), dirtyAtStart: node.dirty, replicaClientIds: [], rdbBytes: bytes };
  heapPush(w.heap, childNoticedAtMs(node.startedAtMs, endMs), { t: 'bgsave-done', node: node.name, epoch: node.epoch, fork: node.stats.totalForks });
}

/** The child of a disk BGSAVE exited: the file is in place. */
export function writeBgsaveResult(w: WorldState, node: NodeState, bg: BgsaveState, forSync: boolean): void {
  if (bg.target !== 'disk') return;
  node.disk.rdb = { image: bg.image, replInfo: bg.replInfo, savedAtMs: w.nowMs, keys: keysIn(bg.image), bytes: bg.rdbBytes, forSync };
  node.dirty -= bg.dirtyAtStart;
  if (node.dirty < 0) node.dirty = 0;
  node.lastSaveMs = w.nowMs;
  node.lastBgsaveOk = true;
  if (w.traceOn) w.trace.push({ t: 'persist', node: node.name, what: 'rdb-saved', keys: keysIn(bg.image), atMs: w.nowMs });
}

/**
 * removeRDBUsedToSyncReplicas: with rdb-del-sync-files yes, a node without
 * persistence deletes the dump.rdb a disk-based full sync left behind, once
 * no replica still needs it.
 */
export function removeRdbUsedToSyncReplicas(node: NodeState): void {
  if (!cfgBool(node.config, 'rdb-del-sync-files') || hasPersistence(node)) return;
  if (!node.disk.rdb?.forSync) return;
  if (node.repl.replicas.some((r) => r.state !== 'online')) return;
  node.disk.rdb = null;
}

/** serverCron: start a BGSAVE when a save point is reached (changes >= N and seconds elapsed). */
export function checkSavePoints(w: WorldState, node: NodeState): void {
  if (node.bgsave) return;
  for (const sp of cfgSavePoints(node.config)) {
    if (node.dirty >= sp.changes && w.nowMs - node.lastSaveMs > sp.seconds * 1000) {
      rdbSaveBackground(w, node);
      return;
    }
  }
}

/** FLUSHALL with save points writes an (empty) RDB at once (flushAllDataAndResetRDB). */
export function afterFlushall(w: WorldState, node: NodeState): void {
  if (cfgSavePoints(node.config).length === 0) return;
  node.bgsave = null;
  const rdbSaves = node.rdbSaves;
  rdbSave(w, node);
  node.rdbSaves = rdbSaves;
  node.dirty++; // FLUSHALL itself still counts as a change to propagate.
}
