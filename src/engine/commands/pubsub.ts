// Pub/Sub as far as replication and Sentinel need it (pubsub.c, Redis 7.0):
// - PUBLISH delivers `message` pushes to the subscribers of this node and is
//   propagated to replicas (publishCommand calls forceCommandPropagation with
//   PROPAGATE_REPL outside cluster mode), so a replica's subscribers see what
//   was published on its master: that is how Sentinels monitoring only a
//   replica still hear each other's hellos, and why hellos move offsets;
// - SUBSCRIBE / UNSUBSCRIBE on channels (no patterns, no shard channels);
// - the `pubsub` client type of CLIENT KILL, and CLIENT KILL of clients on a
//   network connection (Sentinel's links): the connection is closed.
// Simplified: a subscribed client is not restricted to the subscribe commands.

import { closeConn } from '../net/network';
import { type Reply, array, bulk, int } from '../resp/reply';
import { freeClient } from '../server/clients';
import type { ClientState, NodeState } from '../server/types';
import type { WorldState } from '../world-state';
import type { CommandSpec, Exec, HandlerResult } from './types';
import { BLOCKED } from './types';

type Deliver = (w: WorldState, node: NodeState, client: ClientState, r: Reply) => void;

let deliver: Deliver | null = null;

/** How a push reaches a client (its reply list or its connection); set once by world.ts, never part of the state. */
export function setPubsubDeliver(fn: Deliver): void {
  deliver = fn;
}

function subsOf(c: ClientState): string[] {
  return c.subs ?? [];
}

/** pubsubPublishMessage: a `message` push to every subscriber of the channel; returns their number. */
export function publishMessage(w: WorldState, node: NodeState, channel: string, message: string): number {
  let receivers = 0;
  for (const c of Object.values(node.clients)) {
    if (!c.subs?.includes(channel)) continue;
    deliver?.(w, node, c, array([bulk('message'), bulk(channel), bulk(message)]));
    receivers++;
  }
  return receivers;
}

const publish = (x: Exec): Reply => {
  const n = publishMessage(x.world, x.node, x.argv[1], x.argv[2]);
  x.forcePropagation();
  return int(n);
};

/** SUBSCRIBE: one `subscribe` push per channel with the client's subscription count. */
const subscribe = (x: Exec): Reply => {
  const c = x.client;
  const subs = subsOf(c).slice();
  const replies: Reply[] = [];
  for (const ch of x.argv.slice(1)) {
    if (!subs.includes(ch)) subs.push(ch);
    replies.push(array([bulk('subscribe'), bulk(ch), int(subs.length)]));
  }
  c.subs = subs;
  return lastAfterPushes(x, replies);
};

const unsubscribe = (x: Exec): Reply => {
  const c = x.client;
  let subs = subsOf(c).slice();
  const chans = x.argv.length > 1 ? x.argv.slice(1) : subs.slice();
  if (chans.length === 0) return array([bulk('unsubscribe'), bulk(null), int(0)]);
  const replies: Reply[] = [];
  for (const ch of chans) {
    subs = subs.filter((s) => s !== ch);
    replies.push(array([bulk('unsubscribe'), bulk(ch), int(subs.length)]));
  }
  c.subs = subs.length ? subs : undefined;
  return lastAfterPushes(x, replies);
};

/** A command that answers several pushes: all but the last go out now, the last is the command's reply. */
function lastAfterPushes(x: Exec, replies: Reply[]): Reply {
  for (let i = 0; i < replies.length - 1; i++) deliver?.(x.world, x.node, x.client, replies[i]);
  return replies[replies.length - 1];
}

export const pubsubCommands: CommandSpec[] = [
  { name: 'publish', arity: 3, flags: { stale: true, mayReplicate: true }, handler: publish },
  { name: 'subscribe', arity: -2, flags: { stale: true }, handler: subscribe },
  { name: 'unsubscribe', arity: -1, flags: { stale: true }, handler: unsubscribe },
];

/**
 * CLIENT KILL on top of the server family's handler, which kills local
 * clients: also clients on a connection (their socket is closed, the peer
 * sees it) and clients of type `pubsub` (those with subscriptions). With
 * SKIPME yes (the default) the calling client survives.
 */
export function clientKillHook(x: Exec, inner: (x: Exec) => HandlerResult): HandlerResult {
  const r = inner(x);
  if (r === BLOCKED || r.t !== 'int' || x.argv.length === 3) return r;
  let type: string | null = null;
  let id: number | null = null;
  for (let i = 2; i + 1 < x.argv.length; i += 2) {
    const opt = x.argv[i].toLowerCase();
    if (opt === 'type') type = x.argv[i + 1].toLowerCase();
    else if (opt === 'id') id = Number(x.argv[i + 1]);
  }
  if (type === 'slave') type = 'replica';
  if (type !== null && type !== 'normal' && type !== 'pubsub') return r;
  if (type === null && id === null) return r;
  let killed = 0;
  for (const c of Object.values(x.node.clients)) {
    if (c === x.client || c.kind !== 'normal') continue;
    if (id !== null && c.id !== id) continue;
    const isPubsub = subsOf(c).length > 0;
    if (type === 'pubsub' ? !isPubsub : type === 'normal' && isPubsub) continue;
    // Local clients of type normal were handled by the inner handler.
    if (!c.conn && !isPubsub) continue;
    if (c.conn) closeConn(x.world, c.conn, 1, 'CLIENT KILL');
    freeClient(x.node, c.id);
    killed++;
  }
  return int(Number(r.n) + killed);
}
