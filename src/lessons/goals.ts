// Building blocks for lesson goals: short, named questions about the lab
// ("did the learner run GET on r1 and see the value?", "is r1 in sync with
// its master?"), so each lesson's goals read like the lesson's text.

import type { NodeView } from '../engine/api';
import type { StateEvent } from '../state/traceLog';
import type { GoalContext } from './types';

/** The first console line on `node` whose command matches `command` and whose reply arrived and matches `reply`. */
export function ran(ctx: GoalContext, node: string, command: RegExp, reply: RegExp = /[\s\S]*/): boolean {
  return ctx.console.some((l) => l.node === node && command.test(l.input) && l.output !== null && reply.test(l.output));
}

/** A replica connected to its master and at the master's offset. */
export function inSync(ctx: GoalContext, replica: string): boolean {
  const r = ctx.node(replica);
  if (!r?.up || r.role !== 'slave' || r.linkState !== 'connected' || r.masterName === null) return false;
  const m = ctx.node(r.masterName);
  return !!m && m.up && m.offset === r.offset;
}

export function roleOf(ctx: GoalContext, node: string): NodeView['role'] | 'down' | undefined {
  const n = ctx.node(node);
  if (!n) return undefined;
  return n.up ? n.role : 'down';
}

/** Events of one kind since the step began. */
export function eventsOf<K extends StateEvent['t']>(ctx: GoalContext, t: K): Extract<StateEvent, { t: K }>[] {
  return ctx.events.filter((e): e is Extract<StateEvent, { t: K }> => e.t === t);
}

/** A full or partial resync of `replica` happened since the step began. */
export function resynced(ctx: GoalContext, replica: string, kind: 'full' | 'partial'): boolean {
  return eventsOf(ctx, 'sync').some((e) => e.replica === replica && e.kind === kind);
}

/** A write refused with this error (READONLY, NOREPLICAS, MASTERDOWN…) on `node` since the step began. */
export function refused(ctx: GoalContext, node: string, error: string): boolean {
  return eventsOf(ctx, 'rejected').some((e) => e.node === node && e.error.startsWith(error));
}
