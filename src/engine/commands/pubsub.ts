// Pub/Sub (pubsub.c, Redis 7.0):
// - PUBLISH delivers `message` pushes to the subscribers of the channel and
//   `pmessage` pushes to the clients whose pattern matches it, and is
//   propagated to replicas (publishCommand calls forceCommandPropagation with
//   PROPAGATE_REPL outside cluster mode), so a replica's subscribers see what
//   was published on its master: that is how Sentinels monitoring only a
//   replica still hear each other's hellos, and why hellos move offsets;
// - SUBSCRIBE / UNSUBSCRIBE on channels, PSUBSCRIBE / PUNSUBSCRIBE on glob
//   patterns, each answered by one push per channel or pattern with the
//   client's count of channels plus patterns (no shard channels);
// - PUBSUB CHANNELS / NUMSUB / NUMPAT / SHARDCHANNELS / SHARDNUMSUB / HELP;
// - a RESP2 client with subscriptions may only run the subscribe commands,
//   PING (answered ["pong", arg]), QUIT and RESET (dispatch.ts refuses the
//   rest); a RESP3 client may run anything, its pushes arrive as `>` frames;
// - the `pubsub` client type of CLIENT KILL, and CLIENT KILL of clients on a
//   network connection (Sentinel's links): the connection is closed.
// Channels and patterns are kept per client, in subscription order; the
// server-wide views (who gets a message, PUBSUB CHANNELS) walk the clients in
// id order, where Redis walks hash tables in an order of its own.

import { closeConn } from '../net/network';
import { type Reply, bulk, err, int } from '../resp/reply';
import { freeClient } from '../server/clients';
import type { ClientState, NodeState } from '../server/types';
import type { WorldState } from '../world-state';
import type { CommandSpec, Exec, HandlerResult } from './types';
import { BLOCKED } from './types';
import { stringMatch } from './util';

type Deliver = (w: WorldState, node: NodeState, client: ClientState, r: Reply) => void;

let deliver: Deliver | null = null;

/** How a push reaches a client (its reply list or its connection); set once by world.ts, never part of the state. */
export function setPubsubDeliver(fn: Deliver): void {
  deliver = fn;
}

function subsOf(c: ClientState): string[] {
  return c.subs ?? [];
}

function psubsOf(c: ClientState): string[] {
  return c.psubs ?? [];
}

/** clientSubscriptionsCount: channels plus patterns. */
function subscriptionCount(c: ClientState): number {
  return subsOf(c).length + psubsOf(c).length;
}

/** CLIENT_PUBSUB: the client has a channel or a pattern. */
export function isPubsubClient(c: ClientState): boolean {
  return subscriptionCount(c) > 0;
}

/** A Pub/Sub push: `>` in RESP3, an array in RESP2. */
function pushOf(items: Reply[]): Reply {
  return { t: 'push', a: items };
}

/** Distinct patterns subscribed on the node, in order of first subscription by client id. */
function serverPatterns(node: NodeState): Map<string, ClientState[]> {
  const pats = new Map<string, ClientState[]>();
  for (const c of Object.values(node.clients)) {
    for (const p of psubsOf(c)) {
      const list = pats.get(p);
      if (list) list.push(c);
      else pats.set(p, [c]);
    }
  }
  return pats;
}

/** pubsubPublishMessage: `message` to the channel's subscribers, `pmessage` per matching pattern; returns their number. */
export function publishMessage(w: WorldState, node: NodeState, channel: string, message: string): number {
  let receivers = 0;
  for (const c of Object.values(node.clients)) {
    if (!c.subs?.includes(channel)) continue;
    deliver?.(w, node, c, pushOf([bulk('message'), bulk(channel), bulk(message)]));
    receivers++;
  }
  for (const [pattern, clients] of serverPatterns(node)) {
    if (!stringMatch(pattern, channel, false)) continue;
    for (const c of clients) {
      deliver?.(w, node, c, pushOf([bulk('pmessage'), bulk(pattern), bulk(channel), bulk(message)]));
      receivers++;
    }
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
  const replies: Reply[] = [];
  for (const ch of x.argv.slice(1)) {
    const subs = subsOf(c);
    if (!subs.includes(ch)) c.subs = [...subs, ch];
    replies.push(pushOf([bulk('subscribe'), bulk(ch), int(subscriptionCount(c))]));
  }
  return lastAfterPushes(x, replies);
};

/** UNSUBSCRIBE [channel ...]: one push per channel; without channels, every channel (or one push with a null channel). */
const unsubscribe = (x: Exec): Reply => {
  const c = x.client;
  const chans = x.argv.length > 1 ? x.argv.slice(1) : subsOf(c).slice();
  const replies: Reply[] = [];
  for (const ch of chans) {
    const left = subsOf(c).filter((s) => s !== ch);
    c.subs = left.length ? left : undefined;
    replies.push(pushOf([bulk('unsubscribe'), bulk(ch), int(subscriptionCount(c))]));
  }
  if (replies.length === 0) replies.push(pushOf([bulk('unsubscribe'), bulk(null), int(subscriptionCount(c))]));
  return lastAfterPushes(x, replies);
};

/** PSUBSCRIBE: one `psubscribe` push per pattern. */
const psubscribe = (x: Exec): Reply => {
  const c = x.client;
  const replies: Reply[] = [];
  for (const pat of x.argv.slice(1)) {
    const psubs = psubsOf(c);
    if (!psubs.includes(pat)) c.psubs = [...psubs, pat];
    replies.push(pushOf([bulk('psubscribe'), bulk(pat), int(subscriptionCount(c))]));
  }
  return lastAfterPushes(x, replies);
};

/** PUNSUBSCRIBE [pattern ...] */
const punsubscribe = (x: Exec): Reply => {
  const c = x.client;
  const pats = x.argv.length > 1 ? x.argv.slice(1) : psubsOf(c).slice();
  const replies: Reply[] = [];
  for (const pat of pats) {
    const left = psubsOf(c).filter((p) => p !== pat);
    c.psubs = left.length ? left : undefined;
    replies.push(pushOf([bulk('punsubscribe'), bulk(pat), int(subscriptionCount(c))]));
  }
  if (replies.length === 0) replies.push(pushOf([bulk('punsubscribe'), bulk(null), int(subscriptionCount(c))]));
  return lastAfterPushes(x, replies);
};

/** A command that answers several pushes: all but the last go out now, the last is the command's reply. */
function lastAfterPushes(x: Exec, replies: Reply[]): Reply {
  for (let i = 0; i < replies.length - 1; i++) deliver?.(x.world, x.node, x.client, replies[i]);
  return replies[replies.length - 1];
}

/** channelList: the active channels, matching the pattern when one is given. */
function channelList(x: Exec, pattern: string | undefined): Reply {
  const seen = new Set<string>();
  for (const c of Object.values(x.node.clients)) for (const ch of subsOf(c)) if (pattern === undefined || stringMatch(pattern, ch, false)) seen.add(ch);
  return { t: 'array', a: [...seen].map((ch) => bulk(ch)) };
}

const PUBSUB_HELP = [
  'PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
  'HELP',
  '    Prints this help.',
];

const SUBCOMMAND_SYNTAX = (x: Exec): Reply => err(`ERR unknown subcommand or wrong number of arguments for '${x.argv[1]}'. Try PUBSUB HELP.`);

const PUBSUB_FLAGS = { stale: true } as const;

const pubsubContainer: CommandSpec = {
  name: 'pubsub',
  arity: -2,
  flags: {},
  subcommands: {
    channels: { name: 'channels', arity: -2, flags: PUBSUB_FLAGS, handler: (x) => (x.argv.length > 3 ? SUBCOMMAND_SYNTAX(x) : channelList(x, x.argv[2])) },
    numsub: {
      name: 'numsub',
      arity: -2,
      flags: PUBSUB_FLAGS,
      handler: (x) => {
        const out: Reply[] = [];
        const clients = Object.values(x.node.clients);
        for (const ch of x.argv.slice(2)) out.push(bulk(ch), int(clients.filter((c) => subsOf(c).includes(ch)).length));
        return { t: 'array', a: out };
      },
    },
    numpat: { name: 'numpat', arity: 2, flags: PUBSUB_FLAGS, handler: (x) => int(serverPatterns(x.node).size) },
    // Shard channels are not simulated: there are none.
    shardchannels: { name: 'shardchannels', arity: -2, flags: PUBSUB_FLAGS, handler: (x) => (x.argv.length > 3 ? SUBCOMMAND_SYNTAX(x) : { t: 'array', a: [] }) },
    shardnumsub: {
      name: 'shardnumsub',
      arity: -2,
      flags: PUBSUB_FLAGS,
      handler: (x) => ({ t: 'array', a: x.argv.slice(2).flatMap((ch) => [bulk(ch), int(0)]) }),
    },
    help: { name: 'help', arity: 2, flags: PUBSUB_FLAGS, handler: () => ({ t: 'array', a: PUBSUB_HELP.map((s) => ({ t: 'status', s })) }) },
  },
};

export const pubsubCommands: CommandSpec[] = [
  { name: 'publish', arity: 3, flags: { stale: true, mayReplicate: true }, handler: publish },
  { name: 'subscribe', arity: -2, flags: { stale: true }, handler: subscribe },
  { name: 'unsubscribe', arity: -1, flags: { stale: true }, handler: unsubscribe },
  { name: 'psubscribe', arity: -2, flags: { stale: true }, handler: psubscribe },
  { name: 'punsubscribe', arity: -1, flags: { stale: true }, handler: punsubscribe },
  pubsubContainer,
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
    const isPubsub = isPubsubClient(c);
    if (type === 'pubsub' ? !isPubsub : type === 'normal' && isPubsub) continue;
    // Local clients of type normal were handled by the inner handler.
    if (!c.conn && !isPubsub) continue;
    if (c.conn) closeConn(x.world, c.conn, 1, 'CLIENT KILL');
    freeClient(x.node, c.id);
    killed++;
  }
  return int(Number(r.n) + killed);
}
