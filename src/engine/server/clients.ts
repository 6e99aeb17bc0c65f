// Client connections of a node (Redis' client struct, reduced to what the
// simulation needs).

import type { ClientKind, ClientState, NodeState } from './types';

export function createClient(node: NodeState, kind: ClientKind, conn: number): ClientState {
  const id = node.nextClientId++;
  const c: ClientState = { id, kind, dbIndex: 0, name: '', multi: null, multiDirty: false, woff: 0, blocked: null, replies: [], conn, peer: null };
  node.clients[id] = c;
  node.stats.totalConnectionsReceived++;
  return c;
}

export function freeClient(node: NodeState, id: number): void {
  delete node.clients[id];
}
