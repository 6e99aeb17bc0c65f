// Client connections of a node (Redis' client struct, reduced to what the
// simulation needs).

import type { ClientKind, ClientState, NodeState } from './types';

export function createClient(node: NodeState, kind: ClientKind, conn: number): ClientState {
  const id = node.nextClientId++;
  const c: ClientState = { id, kind, dbIndex: 0, name: '', multi: null, multiDirty: false, woff: 0, blocked: null, replies: [], conn, peer: null, watched: [], casDirty: false, authenticated: !node.config.requirepass || kind === 'master' };
  node.clients[id] = c;
  node.stats.totalConnectionsReceived++;
  return c;
}

export function freeClient(node: NodeState, id: number): void {
  const c = node.clients[id];
  if (c) unwatchAll(node, c);
  delete node.clients[id];
}

export function unwatchAll(node: NodeState, c: ClientState): void {
  if (c.watched.length) node.watchCount--;
  c.watched = [];
  c.casDirty = false;
}

/** signalModifiedKey / touchWatchedKey: every client watching the key will fail its EXEC. */
export function touchWatchedKey(node: NodeState, dbid: number, key: string | null): void {
  if (node.watchCount === 0) return;
  for (const c of Object.values(node.clients)) {
    if (c.casDirty) continue;
    for (const [d, k] of c.watched) {
      if (d === dbid && (key === null || k === key)) {
        c.casDirty = true;
        break;
      }
    }
  }
}
