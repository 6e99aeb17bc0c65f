// The marks on the timeline's track, as pure data: what the person did (their
// timed inputs) and the notable things Redis did (full/partial sync, role
// changes, nodes going down/up, rejected commands), merged into one marker
// when they would overlap at the track's width.
//
// Cost: the trace grows to millions of events (every command and reply is
// one), so `TraceMarks` scans only what was added since the last call, and
// the merge distance is a power of two of ms — it changes only when the
// session doubles in length or the track is resized, not on every frame.

import type { Input, TimedInput } from '../../engine/api';
import type { StateEvent } from '../../state/traceLog';
import type { TimelineText } from './text';

export type InputMarkKind = 'command' | 'fault' | 'topology' | 'network';
export type TraceMarkKind = 'sync-full' | 'sync-partial' | 'role' | 'down' | 'up' | 'rejected';
export type MarkKind = InputMarkKind | TraceMarkKind;

export const INPUT_KINDS: readonly InputMarkKind[] = ['command', 'fault', 'topology', 'network'];
export const TRACE_KINDS: readonly TraceMarkKind[] = ['sync-full', 'sync-partial', 'role', 'down', 'up', 'rejected'];

/** When marks merge, the marker shows the kind that matters most (a crash over the commands around it). */
const IMPORTANCE: Record<MarkKind, number> = {
  fault: 10,
  topology: 8,
  network: 7,
  command: 6,
  down: 9,
  role: 8,
  'sync-full': 7,
  'sync-partial': 6,
  rejected: 5,
  up: 4,
};

export type Mark =
  | { row: 'input'; atMs: number; kind: InputMarkKind; input: Input }
  | { row: 'trace'; atMs: number; kind: TraceMarkKind; event: StateEvent };

/** The marker kind of one of the person's inputs; null for bookkeeping inputs (a console connecting). */
export function inputKind(input: Input): InputMarkKind | null {
  switch (input.t) {
    case 'command':
      return 'command';
    case 'crash':
    case 'restart':
    case 'wipe-disk':
      return 'fault';
    case 'node':
    case 'sentinel':
    case 'remove':
      return 'topology';
    case 'link':
    case 'partition':
    case 'reset':
    case 'heal':
    case 'default-link':
      return 'network';
    case 'connect':
      return null;
  }
}

/** The marker kind of a trace event; null for the ones not worth a mark (every command, reply, link state…). */
export function traceKind(e: StateEvent): TraceMarkKind | null {
  switch (e.t) {
    case 'sync':
      return e.kind === 'full' ? 'sync-full' : 'sync-partial';
    case 'role':
      return 'role';
    case 'node-down':
      return 'down';
    case 'node-up':
      return 'up';
    case 'rejected':
      return 'rejected';
    default:
      return null;
  }
}

/** The person's inputs as marks, in time order; inputs before the timeline's 0 (the world's setup) are left out. */
export function marksFromInputs(inputs: readonly TimedInput[], originMs: number): Mark[] {
  const out: Mark[] = [];
  for (const ti of inputs) {
    const kind = inputKind(ti.input);
    if (kind !== null && ti.atMs >= originMs) out.push({ row: 'input', atMs: ti.atMs, kind, input: ti.input });
  }
  out.sort((a, b) => a.atMs - b.atMs);
  return out;
}

/** How many of the inputs a branch at `atMs` discards (the ones with a mark: what the person did). */
export function inputsAfter(inputs: readonly TimedInput[], atMs: number): number {
  let n = 0;
  for (const ti of inputs) if (ti.atMs > atMs && inputKind(ti.input) !== null) n++;
  return n;
}

/**
 * Marks of the notable trace events, kept up to date incrementally. The
 * trace log's event list is sorted and only grows at the end while live; a
 * branch truncates it and a new world clears it. The element we scanned last
 * is still in its place only if nothing before it changed, so that is the
 * test for "just scan the new tail".
 */
export class TraceMarks {
  private scanned = 0;
  private last: StateEvent | undefined;
  private marks: Mark[] = [];
  private version = Number.NaN;

  /**
   * The marks of `events`; the same array as last time when no new mark
   * appeared. `version` (the trace log's) skips even the check when nothing
   * changed, so this can be called on every render.
   */
  update(events: readonly StateEvent[], version: number): readonly Mark[] {
    if (version === this.version) return this.marks;
    this.version = version;
    const appendOnly = this.scanned <= events.length && (this.scanned === 0 || events[this.scanned - 1] === this.last);
    let added: Mark[] | null = null;
    let from = this.scanned;
    if (!appendOnly) {
      from = 0;
      added = [];
    }
    for (let i = from; i < events.length; i++) {
      const e = events[i];
      const kind = traceKind(e);
      if (kind === null) continue;
      added ??= [...this.marks];
      added.push({ row: 'trace', atMs: e.atMs, kind, event: e });
    }
    if (added !== null) this.marks = added;
    this.scanned = events.length;
    this.last = events[events.length - 1];
    return this.marks;
  }
}

/**
 * The merge distance: two marks closer than `minGapPx` on a track of
 * `widthPx` showing `spanMs` share a marker. Rounded up to a power of two so
 * it stays put while a live session grows (60 s on 600 px with 10 px → 1000
 * ms needed → 1024 ms, until the session reaches 61.44 s).
 */
export function mergeGapMs(spanMs: number, widthPx: number, minGapPx: number): number {
  const need = (Math.max(1, spanMs) * minGapPx) / Math.max(1, widthPx);
  return 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, need))));
}

/** One marker on the track: one mark, or several that were too close to tell apart. */
export interface MarkerGroup {
  /** Where the marker sits and where clicking it seeks: the first mark's time. */
  atMs: number;
  row: Mark['row'];
  /** The most important kind among the marks. */
  kind: MarkKind;
  marks: Mark[];
}

/**
 * Merge time-ordered marks of one row: a marker starts at a mark and takes
 * every following mark less than `gapMs` after its start. Marker starts are
 * therefore at least `gapMs` apart, so markers never overlap.
 */
export function groupMarks(marks: readonly Mark[], gapMs: number): MarkerGroup[] {
  const out: MarkerGroup[] = [];
  let cur: MarkerGroup | null = null;
  for (const m of marks) {
    if (cur && m.atMs - cur.atMs < gapMs && m.row === cur.row) {
      cur.marks.push(m);
      if (IMPORTANCE[m.kind] > IMPORTANCE[cur.kind]) cur.kind = m.kind;
      continue;
    }
    cur = { atMs: m.atMs, row: m.row, kind: m.kind, marks: [m] };
    out.push(cur);
  }
  return out;
}

/** Both rows' markers in time order (the order keyboard users move through them). */
export function mergeRows(a: readonly MarkerGroup[], b: readonly MarkerGroup[]): MarkerGroup[] {
  const out: MarkerGroup[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].atMs <= b[j].atMs)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

function shortArgv(argv: readonly string[], max = 40): string {
  const s = argv.join(' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function propsText(props: Extract<Input, { t: 'link' }>['props'], t: TimelineText): string {
  const parts: string[] = [];
  if (props.latencyMs !== undefined) parts.push(t.latency(props.latencyMs));
  if (props.bytesPerMs !== undefined) parts.push(t.bandwidth(props.bytesPerMs));
  if (props.loss !== undefined) parts.push(t.loss(props.loss));
  return parts.join(', ');
}

/** What one mark says, for its tooltip: "m: SET k v", "crash r1", "full sync m → r1". */
export function markLabel(mark: Mark, t: TimelineText): string {
  if (mark.row === 'input') {
    const i = mark.input;
    switch (i.t) {
      case 'command':
        return `${i.node}: ${shortArgv(i.argv)}`;
      case 'crash':
        return t.crash(i.node);
      case 'restart':
        return t.restart(i.node);
      case 'wipe-disk':
        return t.wipeDisk(i.node);
      case 'node':
        return t.addNode(i.name);
      case 'sentinel':
        return t.addSentinel(i.name);
      case 'remove':
        return t.removeNode(i.node);
      case 'link':
        if (i.props.cut !== undefined && propsText(i.props, t) === '') return i.props.cut ? t.cut(i.a, i.b) : t.heal(i.a, i.b);
        return t.linkProps(i.a, i.b, propsText(i.props, t));
      case 'default-link':
        return t.defaultLink(propsText(i.props, t));
      case 'partition':
        return t.partition(i.groups.map((g) => `[${g.join(' ')}]`).join(' | '));
      case 'reset':
        return t.reset(i.a, i.b);
      case 'heal':
        return t.healAll;
      case 'connect':
        return i.node;
    }
  }
  const e = mark.event;
  switch (e.t) {
    case 'sync':
      return e.kind === 'full' ? t.fullSync(e.node, e.replica) : t.partialSync(e.node, e.replica);
    case 'role':
      return e.role === 'master' ? t.becameMaster(e.node) : t.becameReplica(e.node, e.masterName);
    case 'node-down':
      return t.nodeDown(e.node);
    case 'node-up':
      return t.nodeUp(e.node);
    case 'rejected':
      return t.rejected(e.node, shortArgv(e.argv, 24), e.error.split(' ')[0]);
    default:
      return e.t;
  }
}

/** The tooltip of a marker: its marks' labels, one a line, the first `max` of them. */
export function groupLabel(g: MarkerGroup, t: TimelineText, at: string, max = 6): string {
  if (g.marks.length === 1) return `${markLabel(g.marks[0], t)} · ${at}`;
  const lines = [t.groupTitle(g.marks.length, at), ...g.marks.slice(0, max).map((m) => markLabel(m, t))];
  if (g.marks.length > max) lines.push(t.moreMarks(g.marks.length - max));
  return lines.join('\n');
}
