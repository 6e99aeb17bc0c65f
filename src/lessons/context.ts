// The view of the lab a lesson's goal is checked against: the store's node
// views and links now, and the trace and console since the step began.

import type { LabState } from '../state/lab';
import type { TraceLog } from '../state/traceLog';
import { lowerBound } from '../state/traceLog';
import type { GoalContext } from './types';

/** Where a step began: its virtual time and the first console line id that belongs to it. */
export interface StepStart {
  atMs: number;
  consoleId: number;
}

export function goalContext(s: LabState, trace: TraceLog, start: StepStart): GoalContext {
  const byName = new Map(s.nodes.map((n) => [n.name, n]));
  return {
    nodes: s.nodes,
    node: (name) => byName.get(name),
    links: s.links,
    events: trace.events.slice(lowerBound(trace.events, start.atMs, (e) => e.atMs)),
    msgs: trace.msgs.slice(lowerBound(trace.msgs, start.atMs, (m) => m.sentMs)),
    console: s.consoles.filter((l) => l.id >= start.consoleId),
    elapsedMs: s.viewMs - start.atMs,
  };
}
