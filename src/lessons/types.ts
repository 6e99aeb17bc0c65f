// A lesson is plain data (after Learn Git Branching's levels): localized
// text, a starting topology, and steps. Each step says what to do, checks a
// goal against what the engine reported (node views and the trace since the
// step began — so a goal can ask *how* something happened, e.g. "r1 did a
// partial resync"), offers hints, and carries a solution the app can play.
// Nothing in a lesson draws; nothing in a lesson computes replication.

import type { NodeView } from '../engine/api';
import type { ConsoleLine } from '../state/lab';
import type { MsgRecord, StateEvent } from '../state/traceLog';
import type { Fault, LinkView, Preset } from '../worker/protocol';

/** Text in every language the lab speaks. */
export interface Text {
  en: string;
  ko: string;
}

/** What a goal sees: the world now, and what happened since its step began. */
export interface GoalContext {
  nodes: readonly NodeView[];
  node(name: string): NodeView | undefined;
  links: readonly LinkView[];
  /** State events (sync, role, link-state, rejected, persist, node-down…) since the step began. */
  events: readonly StateEvent[];
  /** Messages sent since the step began. */
  msgs: readonly MsgRecord[];
  /** Console lines typed since the step began (with their replies once they arrived). */
  console: readonly ConsoleLine[];
  /** Virtual ms since the step began. */
  elapsedMs: number;
}

/** Something the app does when it plays a solution (or a test plays it). */
export type LessonAction =
  /** Type a line into a node's console. */
  | { do: 'command'; node: string; line: string }
  | { do: 'fault'; fault: Fault }
  /** Let this much virtual time pass. */
  | { do: 'wait'; ms: number };

export interface LessonStep {
  id: string;
  /** What to do, in a few sentences. `code` spans are written `like this`. */
  task: Text;
  goal(ctx: GoalContext): boolean;
  hints: Text[];
  /** Played by "Show me"; a test plays it and expects the goal to pass. */
  solution: LessonAction[];
  /** A plausible mistake; a test plays it and expects the goal NOT to pass. */
  wrong: LessonAction[];
  /** Shown when the goal passes: what just happened, in Redis terms. */
  explain: Text;
}

export interface Lesson {
  /** Stable, URL-safe: `?lesson=<id>`. */
  id: string;
  title: Text;
  /** One line for the lesson list. */
  summary: Text;
  /** The opening: what this lesson is about (a short paragraph or two). */
  intro: Text;
  setup: { preset: Preset } | { scenario: string };
  steps: LessonStep[];
  /** What to remember, when the last step is done. */
  outro: Text;
}
