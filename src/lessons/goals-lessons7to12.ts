// Goal building blocks for lessons 7–12 (backups, link drops, the
// persistence-off trap, failover, network pitfalls, containers): questions
// about who follows whom, what went over a link, and what a node wrote to or
// read from its disk since the step began.

import { eventsOf, inSync } from './goals';
import type { GoalContext } from './types';

/** `replica` is a replica of `master`, connected and at its offset. */
export function follows(ctx: GoalContext, replica: string, master: string): boolean {
  return ctx.node(replica)?.masterName === master && inSync(ctx, replica);
}

/** `node` saved (rdb-saved) or loaded (rdb-loaded, aof-loaded) a data set of at least `minKeys` keys since the step began. */
export function persisted(ctx: GoalContext, node: string, what: 'rdb-saved' | 'rdb-loaded' | 'aof-loaded', minKeys = 1): boolean {
  return eventsOf(ctx, 'persist').some((e) => e.node === node && e.what === what && e.keys >= minKeys);
}

/** Bytes of RDB payload sent from `from` to `to` since the step began (a full sync's snapshot). */
export function rdbBytes(ctx: GoalContext, from: string, to: string): number {
  let n = 0;
  for (const m of ctx.msgs) if (m.from === from && m.to === to && m.kind === 'rdb') n += m.bytes;
  return n;
}

/** A handshake message `node` sent since the step began whose text matches (`PSYNC …`, `REPLCONF ip-address …`). */
export function handshakeSent(ctx: GoalContext, node: string, text: RegExp): RegExpExecArray | null {
  for (const m of ctx.msgs) {
    if (m.from !== node || m.kind !== 'handshake') continue;
    const found = text.exec(m.text);
    if (found) return found;
  }
  return null;
}

/**
 * After a partial resync of `replica`, its master sent it commands from the
 * backlog with the `+CONTINUE` (the writes it missed), not only keep-alive PINGs.
 */
export function backlogReplayed(ctx: GoalContext, replica: string): boolean {
  return eventsOf(ctx, 'sync').some(
    (e) => e.replica === replica && e.kind === 'partial' && ctx.msgs.some((m) => m.from === e.node && m.to === replica && m.kind === 'stream' && m.sentMs === e.atMs),
  );
}

/** How many times `node`'s replication link went to `connecting` since the step began (its connection attempts). */
export function connectAttempts(ctx: GoalContext, node: string): number {
  return eventsOf(ctx, 'link-state').filter((e) => e.node === node && e.state === 'connecting').length;
}
