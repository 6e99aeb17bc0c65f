// The messages between the page and the engine's Web Worker: one union per
// direction, discriminated by `type`. Both sides check `PROTOCOL_VERSION` in
// the hello/ready exchange, so a page cached from an older build never talks
// to a newer worker by accident (it gets an error message instead).

import type { NodeView } from '../engine/api';
import type { Reply } from '../engine/resp/reply';
import type { TraceEvent } from '../engine/trace';

/** Bump on any incompatible change to either union. */
export const PROTOCOL_VERSION = 1;

export type UiToEngine =
  /** First message: start a world with this seed and the default topology (m, r1, r2). */
  | { type: 'hello'; version: number; seed: number }
  /** Run one command on a node, as if typed into redis-cli connected to it. */
  | { type: 'command'; requestId: number; node: string; argv: string[] }
  /** Let virtual time run with the wall clock, `speed` virtual ms per wall ms. */
  | { type: 'play'; speed: number }
  | { type: 'pause' }
  /** Run virtual time forward by `ms` at once (stepping while paused). */
  | { type: 'advance'; ms: number }
  /** Replace the world with one that has played this scenario (.scn text). */
  | { type: 'load-scenario'; text: string; seed: number };

export type EngineToUi =
  /** The world exists; `nodes` is its first view. Sent after hello and after load-scenario. */
  | { type: 'ready'; version: number; nodes: NodeView[] }
  | { type: 'reply'; requestId: number; reply: Reply }
  /** What changed since the last frame: every node's view and the trace events that happened. */
  | { type: 'frame'; nowMs: number; nodes: NodeView[]; trace: TraceEvent[] }
  /**
   * Something the person should read: a bad message, a scenario that does not
   * parse, a node that refused a connection. `requestId` ties it to a command.
   */
  | { type: 'error'; message: string; requestId?: number };
