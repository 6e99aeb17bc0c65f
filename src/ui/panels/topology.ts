// The rules of the topology bar, from the engine's NodeView only.

import type { NodeView } from '../../engine/api';

import { MAX_NODES } from '../../worker/protocol';

export { MAX_NODES };

/** Why a node cannot be added now, or null. */
export function addNodeBlock(nodes: readonly NodeView[]): 'full' | null {
  return nodes.length >= MAX_NODES ? 'full' : null;
}

/** Nodes a new replica can replicate from (any redis-server, master first: chained replicas are allowed, Sentinels hold no data). */
export function replicaSources(nodes: readonly NodeView[]): string[] {
  const redis = nodes.filter((n) => !n.sentinel);
  return [...redis.filter((n) => n.role === 'master'), ...redis.filter((n) => n.role !== 'master')].map((n) => n.name);
}
