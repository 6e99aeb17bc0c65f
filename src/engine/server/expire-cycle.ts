// activeExpireCycle: a master deletes keys whose time has passed without
// waiting for a client to touch them, and propagates each deletion as its own
// DEL (no MULTI around it). Redis samples keys; with the small keyspaces of a
// lesson every expired key is found within a cycle or two, so the simulation
// removes all of them on each 100 ms cron tick. Replicas never expire keys.

import { touchWatchedKey } from './clients';
import { isReplica, writesPaused } from './exec';
import type { NodeState } from './types';
import type { WorldState } from '../world-state';
import { replicationFeedSlaves } from '../replication/master';

export function activeExpireCycle(w: WorldState, node: NodeState): void {
  if (!node.activeExpireEnabled || isReplica(node) || writesPaused(node)) return;
  const lazy = node.config['lazyfree-lazy-expire'] === 'yes';
  for (const db of node.dbs) {
    if (db.expires.size === 0) continue;
    let expired: string[] | null = null;
    for (const [key, when] of db.expires) {
      if (w.nowMs > when) (expired ??= []).push(key);
    }
    if (!expired) continue;
    for (const key of expired) {
      db.dict.delete(key);
      db.expires.delete(key);
      touchWatchedKey(node, db.id, key);
      node.stats.expiredKeys++;
      replicationFeedSlaves(w, node, db.id, [lazy ? 'UNLINK' : 'DEL', key]);
    }
  }
}
