// The embedding message API (docs/embedding.md): what a course page may send
// an embedded lab with postMessage, and what the lab sends back. Everything
// that arrives is checked here, as plain data, before the lab acts on it:
// messages that are not ours are ignored, ours that are malformed get an
// `replica-lab:error` with the reason.

import type { NodeView } from '../engine/api';
import { PRESETS, type Preset } from '../worker/protocol';

/** Bumped when a message changes shape; sent in `replica-lab:ready`. */
export const EMBED_API_VERSION = 1;

const PREFIX = 'replica-lab:';
/** As much as the `?scenario=` URL parameter would carry, and then some: a course page may send a long setup. */
export const MAX_SCENARIO_CHARS = 100_000;
/** A command a person would type; longer lines are not a console's business. */
export const MAX_COMMAND_CHARS = 10_000;
const NODE_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The sender's own tag for a request, echoed in the answer (a string or a number). */
export type RequestId = string | number;

export type LoadWhat = { lesson: string } | { scenario: string } | { preset: Preset };

export type Inbound =
  /** "Are you there?": answered with `ready` (once the engine is up) and the height, so a page whose script came late still learns both. */
  | { type: 'replica-lab:hello'; id?: RequestId }
  | { type: 'replica-lab:load'; id?: RequestId; what: LoadWhat }
  | { type: 'replica-lab:command'; id?: RequestId; node: string; command: string }
  | { type: 'replica-lab:step'; id?: RequestId }
  | { type: 'replica-lab:state'; id?: RequestId };

export type ErrorReason = 'bad-message' | 'unknown-type' | 'unknown-lesson' | 'unknown-node' | 'bad-command' | 'load-failed' | 'cancelled' | 'lost' | 'timeout';

export interface NodeState {
  name: string;
  role: 'master' | 'replica' | 'sentinel';
  up: boolean;
  /** The replica link state as ROLE prints it (none, connect, connecting, handshake, sync, connected). */
  linkState: string;
  /** The node it replicates from, or null. */
  master: string | null;
  offset: number;
  keys: number;
}

export interface LessonStatus {
  id: string;
  /** The step being taken, counted from 0. */
  step: number;
  stepId: string;
  steps: number;
  passed: boolean;
}

export interface LabStatus {
  /** Virtual ms since the world began, at the moment the lab shows (the playback clock). */
  viewMs: number;
  /** Virtual ms since the world began, at the newest moment simulated. */
  headMs: number;
  playing: boolean;
  nodes: NodeState[];
  lesson: LessonStatus | null;
}

export type Outbound =
  | { type: 'replica-lab:ready'; version: number }
  | { type: 'replica-lab:resize'; height: number }
  | ({ type: 'replica-lab:loaded'; id?: RequestId } & LoadWhat)
  | { type: 'replica-lab:reply'; id?: RequestId; node: string; command: string; output: string; error: boolean }
  | ({ type: 'replica-lab:state'; id?: RequestId } & LabStatus)
  | { type: 'replica-lab:error'; id?: RequestId; reason: ErrorReason; message: string };

/** What to do with one incoming message's data. */
export type Parsed =
  /** Not a replica-lab message (another script's traffic): say nothing. */
  | { kind: 'ignore' }
  /** Ours, but not understood: answer with an error (to an allowed origin only). */
  | { kind: 'invalid'; id?: RequestId; reason: 'bad-message' | 'unknown-type'; message: string }
  | { kind: 'ok'; msg: Inbound };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function requestId(x: unknown): RequestId | undefined | null {
  if (x === undefined) return undefined;
  if (typeof x === 'string' && x.length <= 100) return x;
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  return null;
}

export function parseInbound(data: unknown): Parsed {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return { kind: 'ignore' };
  const id = requestId(data.id);
  if (id === null) return { kind: 'invalid', reason: 'bad-message', message: 'id must be a string (up to 100 characters) or a number' };
  const withId = id === undefined ? {} : { id };
  const bad = (message: string): Parsed => ({ kind: 'invalid', ...withId, reason: 'bad-message', message });
  switch (data.type) {
    case 'replica-lab:load': {
      const given = (['lesson', 'scenario', 'preset'] as const).filter((k) => data[k] !== undefined);
      if (given.length !== 1) return bad('load takes exactly one of lesson, scenario or preset');
      if (data.lesson !== undefined) {
        if (typeof data.lesson !== 'string' || !LESSON_ID.test(data.lesson)) return bad('lesson must be a lesson id such as "what-is-replication"');
        return { kind: 'ok', msg: { type: 'replica-lab:load', ...withId, what: { lesson: data.lesson } } };
      }
      if (data.scenario !== undefined) {
        if (typeof data.scenario !== 'string' || data.scenario.trim() === '') return bad('scenario must be the text of a .scn file');
        if (data.scenario.length > MAX_SCENARIO_CHARS) return bad(`scenario is ${data.scenario.length} characters; at most ${MAX_SCENARIO_CHARS}`);
        return { kind: 'ok', msg: { type: 'replica-lab:load', ...withId, what: { scenario: data.scenario } } };
      }
      if (typeof data.preset !== 'string' || !(PRESETS as readonly string[]).includes(data.preset)) return bad(`preset must be one of ${PRESETS.join(', ')}`);
      return { kind: 'ok', msg: { type: 'replica-lab:load', ...withId, what: { preset: data.preset as Preset } } };
    }
    case 'replica-lab:command':
      if (typeof data.node !== 'string' || !NODE_NAME.test(data.node)) return bad('node must be a node name such as "m" or "r1"');
      if (typeof data.command !== 'string' || data.command.trim() === '') return bad('command must be a non-empty line such as "SET k v"');
      if (data.command.length > MAX_COMMAND_CHARS) return bad(`command is ${data.command.length} characters; at most ${MAX_COMMAND_CHARS}`);
      return { kind: 'ok', msg: { type: 'replica-lab:command', ...withId, node: data.node, command: data.command } };
    case 'replica-lab:hello':
      return { kind: 'ok', msg: { type: 'replica-lab:hello', ...withId } };
    case 'replica-lab:step':
      return { kind: 'ok', msg: { type: 'replica-lab:step', ...withId } };
    case 'replica-lab:state':
      return { kind: 'ok', msg: { type: 'replica-lab:state', ...withId } };
    default:
      return { kind: 'invalid', ...withId, reason: 'unknown-type', message: `unknown message type ${JSON.stringify(data.type.slice(0, 60))}; known: hello, load, command, step, state` };
  }
}

/** A node as the state message reports it (role in the diagram's words). */
export function nodeState(n: NodeView): NodeState {
  return {
    name: n.name,
    role: n.sentinel ? 'sentinel' : n.role === 'master' ? 'master' : 'replica',
    up: n.up,
    linkState: n.linkState,
    master: n.masterName,
    offset: n.offset,
    keys: n.keys,
  };
}

export interface LabSnapshot {
  originMs: number;
  viewMs: number;
  headMs: number;
  playing: boolean;
  nodes: readonly NodeView[];
}

export interface LessonSnapshot {
  lesson: { id: string; steps: readonly { id: string }[] };
  step: number;
  passed: boolean;
}

export function labStatus(lab: LabSnapshot, lesson: LessonSnapshot | null): LabStatus {
  return {
    viewMs: lab.viewMs - lab.originMs,
    headMs: lab.headMs - lab.originMs,
    playing: lab.playing,
    nodes: lab.nodes.map(nodeState),
    lesson: lesson
      ? { id: lesson.lesson.id, step: lesson.step, stepId: lesson.lesson.steps[lesson.step]?.id ?? '', steps: lesson.lesson.steps.length, passed: lesson.passed }
      : null,
  };
}
