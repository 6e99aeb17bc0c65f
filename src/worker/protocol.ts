// The messages between the page and the engine's Web Worker: one union per
// direction, discriminated by `type`. Both sides check `PROTOCOL_VERSION` in
// the hello/ready exchange, so a page cached from an older build never talks
// to a newer worker by accident (it gets an error message instead).
//
// Time: every `…Ms` field is the engine's virtual clock (absolute virtual ms;
// `originMs` in `ready` is the moment the world began). The worker keeps the
// whole session (seed + timed inputs + snapshots): the page shows it at the
// playback time `viewMs`, which is the newest simulated time `headMs` while
// live, or earlier after a seek (time travel). Acting in the past needs a
// `branch` first, which discards everything after `viewMs`.

import type { Input, LinkProps, NodeView, TimedInput } from '../engine/api';
import type { Reply } from '../engine/resp/reply';
import type { TraceEvent } from '../engine/trace';

/** Bump on any incompatible change to either union. */
export const PROTOCOL_VERSION = 2;

/** The lab holds at most this many nodes (Sentinels included): beyond it the diagram stops being readable. */
export const MAX_NODES = 12;

/** Ready-made topologies (DEFAULT: m + r1 + r2). */
export type Preset = 'default' | 'chain' | 'compose-pair';
export const PRESETS: readonly Preset[] = ['default', 'chain', 'compose-pair'];

/** A session as a share link carries it: replaying `inputs` on `seed` gives the same world. */
export interface SharedSession {
  seed: number;
  inputs: TimedInput[];
  /** Where the playback stood, absolute virtual ms. */
  viewMs: number;
  /** How far the session had run (absolute virtual ms); at least the last input's time. */
  headMs: number;
}

/**
 * Faults and topology changes a person makes by clicking. Promote, REPLICAOF
 * and FAILOVER are not here: they are Redis commands, sent with `command` so
 * the node's console shows them and their replies.
 */
export type Fault =
  | { kind: 'crash'; node: string }
  | { kind: 'restart'; node: string }
  | { kind: 'wipe-disk'; node: string }
  /** Cut (or heal) the network between two nodes; TCP holds the bytes until healed. */
  | { kind: 'cut'; a: string; b: string; cut: boolean }
  /** Latency / bandwidth / loss of the network between two nodes. */
  | { kind: 'link'; a: string; b: string; props: Partial<Omit<LinkProps, 'cut'>> }
  /** Heal every cut link. */
  | { kind: 'heal-all' }
  /** Start a new node: a master (replicaOf null) or a replica of an existing node. Name chosen by the engine when omitted. */
  | { kind: 'add-node'; name?: string; replicaOf: string | null }
  /** Stop a node and take it off the diagram. */
  | { kind: 'remove-node'; node: string };

/** A node as a configuration: what export writes to redis.conf, and what import loads. */
export interface TopologyNode {
  name: string;
  port: number;
  /** The node it replicates from (a name in the same topology), or null for a master. */
  replicaOf: string | null;
  /** Settings that differ from Redis 7.0's defaults (without port, replicaof, bind, dir). */
  config: [string, string][];
}

export type UiToEngine =
  /** First message: start a world (a preset, or a shared session). */
  | { type: 'hello'; version: number; seed: number; preset?: Preset; session?: SharedSession }
  /** Run one command on a node, as if typed into redis-cli connected to it. */
  | { type: 'command'; requestId: number; node: string; argv: string[] }
  | { type: 'fault'; fault: Fault }
  /** Start playing at `speed` virtual ms per wall ms (0.1 … 50). */
  | { type: 'play'; speed: number }
  | { type: 'pause' }
  /**
   * Sent once per animation frame while playing (never more than one
   * unanswered): advance the playback clock by `wallMs` × speed and answer
   * with one `frame`. A hidden tab sends no ticks, so the simulation waits.
   */
  | { type: 'tick'; wallMs: number }
  /** Move the playback clock to the next moment something happens (a message sent or delivered, a state change). */
  | { type: 'step' }
  /** Run virtual time forward by `ms` at once (tests, lessons). */
  | { type: 'advance'; ms: number }
  /** Time travel: show the world at `atMs` (between the origin and `headMs`). */
  | { type: 'seek'; atMs: number }
  /** Continue from `viewMs`: the inputs after it are discarded (a new branch of history). */
  | { type: 'branch' }
  /** Which node's INFO the page shows (null: none); frames then carry it when it changed. */
  | { type: 'watch-info'; node: string | null }
  /** Replace the world with one that has played this scenario (.scn text). */
  | { type: 'load-scenario'; text: string; seed: number }
  | { type: 'load-preset'; preset: Preset; seed: number }
  /** Ask for the session (seed + inputs) to put in a share link; answered with `session`. */
  | { type: 'export-session'; requestId: number }
  /** Ask for the nodes as configurations (export); answered with `topology`. */
  | { type: 'export-topology'; requestId: number }
  /** Replace the world with these nodes (import): masters first, then replicas, in sync before the page shows them. */
  | { type: 'load-topology'; seed: number; nodes: { name: string; replicaOf: string | null; config: [string, string][] }[] };

/** Network properties between two nodes; sent for replication links and for any pair that differs from the default. */
export interface LinkView extends LinkProps {
  a: string;
  b: string;
}

export interface FrameMsg {
  type: 'frame';
  /** The playback clock: the world shown is the world at this virtual ms. */
  viewMs: number;
  /** The newest simulated moment; `viewMs < headMs` means the page shows the past. */
  headMs: number;
  playing: boolean;
  speed: number;
  nodes: NodeView[];
  links: LinkView[];
  /** The network of every pair not listed in `links`. */
  defaultLink: LinkProps;
  /**
   * Trace events that are new to the session since the last frame (only
   * while live: replaying the past adds nothing new). The page keeps them
   * all; it draws the messages in flight at `viewMs` from them.
   */
  trace: TraceEvent[];
  /** After a branch: the page drops its trace events later than this (history was rewritten). */
  truncateAfterMs?: number;
  /** INFO (all sections) of the watched node, when it changed since the last frame. */
  info?: { node: string; text: string };
  /** Timeline markers for inputs (what the person did), complete list, when it changed. */
  inputs?: TimedInput[];
}

export type EngineToUi =
  /** A new world exists (after hello, load-scenario, load-preset). The page clears its trace. */
  | { type: 'ready'; version: number; originMs: number; seed: number; nodes: NodeView[] }
  | { type: 'reply'; requestId: number; reply: Reply }
  | FrameMsg
  | { type: 'session'; requestId: number; session: SharedSession }
  | { type: 'topology'; requestId: number; nodes: TopologyNode[] }
  /**
   * Something the person should read: a bad message, a scenario that does not
   * parse, a node that refused a connection. `requestId` ties it to a command.
   */
  | { type: 'error'; message: string; requestId?: number };

export type { Input, TimedInput };
