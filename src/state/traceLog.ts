// Everything the engine reported in this session, kept on the page so the
// views are functions of (trace, playback time): the canvas draws the
// messages in flight at `viewMs`, the space-time diagram draws the ones in its
// window, the timeline marks the notable ones. Lives outside React state
// (it grows to many thousands of events); `version` tells views to redraw.

import type { MsgKind, TraceEvent } from '../engine/trace';

type MsgTrace = Extract<TraceEvent, { t: 'msg' }>;

/** A message on the wire, as the views draw it. */
export interface MsgRecord {
  id: number;
  from: string;
  to: string;
  conn: number;
  kind: MsgKind;
  text: string;
  bytes: number;
  sentMs: number;
  /** When it arrives. A message caught by a cut link is sent again at heal; this is then the later arrival. */
  deliverMs: number;
  /** Set when its connection closed before it arrived: it vanishes at this time. */
  droppedMs: number | null;
  offset?: number;
}

/** A trace event other than a message, with the time it happened. */
export type StateEvent = Exclude<TraceEvent, { t: 'msg' } | { t: 'msg-dropped' }>;

function timeOf(e: TraceEvent): number {
  return e.t === 'msg' ? e.sentMs : e.atMs;
}

export class TraceLog {
  /** Messages ordered by sentMs (ties: by arrival order). */
  readonly msgs: MsgRecord[] = [];
  /** Every other event, ordered by time. */
  readonly events: StateEvent[] = [];
  private byId = new Map<number, MsgRecord>();
  /** The longest time any message spent on the wire, to bound in-flight searches. */
  private maxFlightMs = 0;
  version = 0;

  clear(): void {
    this.msgs.length = 0;
    this.events.length = 0;
    this.byId.clear();
    this.maxFlightMs = 0;
    this.version++;
  }

  add(batch: readonly TraceEvent[]): void {
    if (batch.length === 0) return;
    for (const e of batch) {
      if (e.t === 'msg') this.addMsg(e);
      else if (e.t === 'msg-dropped') {
        const m = this.byId.get(e.id);
        if (m && m.droppedMs === null) m.droppedMs = e.atMs;
      } else insertSorted(this.events, e, (x) => x.atMs);
    }
    this.version++;
  }

  private addMsg(e: MsgTrace): void {
    const known = this.byId.get(e.id);
    if (known) {
      // Held by a cut and sent again when the link healed: same message, later arrival.
      known.deliverMs = e.deliverMs;
      this.maxFlightMs = Math.max(this.maxFlightMs, known.deliverMs - known.sentMs);
      return;
    }
    const rec: MsgRecord = {
      id: e.id,
      from: e.from,
      to: e.to,
      conn: e.conn,
      kind: e.kind,
      text: e.text,
      bytes: e.bytes,
      sentMs: e.sentMs,
      deliverMs: e.deliverMs,
      droppedMs: null,
      ...(e.offset !== undefined ? { offset: e.offset } : {}),
    };
    this.byId.set(e.id, rec);
    this.maxFlightMs = Math.max(this.maxFlightMs, rec.deliverMs - rec.sentMs);
    insertSorted(this.msgs, rec, (m) => m.sentMs);
  }

  /** Forget what happened after `ms` (history was rewritten by a branch). */
  truncateAfter(ms: number): void {
    const keepMsgs = this.msgs.filter((m) => m.sentMs <= ms);
    this.msgs.length = 0;
    this.msgs.push(...keepMsgs);
    this.byId = new Map(keepMsgs.map((m) => [m.id, m]));
    for (const m of keepMsgs) if (m.droppedMs !== null && m.droppedMs > ms) m.droppedMs = null;
    let k = this.events.length;
    while (k > 0 && this.events[k - 1].atMs > ms) k--;
    this.events.length = k;
    this.version++;
  }

  /** Messages on the wire at `ms`: sent at or before it, not yet delivered or dropped. */
  inFlightAt(ms: number, out: MsgRecord[] = []): MsgRecord[] {
    out.length = 0;
    const from = lowerBound(this.msgs, ms - this.maxFlightMs, (m) => m.sentMs);
    const to = upperBound(this.msgs, ms, (m) => m.sentMs);
    for (let i = from; i < to; i++) {
      const m = this.msgs[i];
      if (m.deliverMs > ms && (m.droppedMs === null || m.droppedMs > ms)) out.push(m);
    }
    return out;
  }

  /** Messages that were on the wire at some moment of [fromMs, toMs] (for the space-time diagram). */
  msgsOverlapping(fromMs: number, toMs: number): MsgRecord[] {
    const start = lowerBound(this.msgs, fromMs - this.maxFlightMs, (m) => m.sentMs);
    const end = upperBound(this.msgs, toMs, (m) => m.sentMs);
    const out: MsgRecord[] = [];
    for (let i = start; i < end; i++) {
      const m = this.msgs[i];
      if (Math.min(m.deliverMs, m.droppedMs ?? Number.POSITIVE_INFINITY) >= fromMs) out.push(m);
    }
    return out;
  }

  /** State events with fromMs <= atMs <= toMs. */
  eventsBetween(fromMs: number, toMs: number): StateEvent[] {
    return this.events.slice(lowerBound(this.events, fromMs, (e) => e.atMs), upperBound(this.events, toMs, (e) => e.atMs));
  }

  /** The first moment after `ms` at which something is sent, delivered or changes; null when nothing is known. */
  nextMomentAfter(ms: number): number | null {
    let best = Number.POSITIVE_INFINITY;
    const e = this.events[upperBound(this.events, ms, (x) => x.atMs)];
    if (e) best = e.atMs;
    const i = upperBound(this.msgs, ms, (m) => m.sentMs);
    if (i < this.msgs.length) best = Math.min(best, this.msgs[i].sentMs);
    for (const m of this.inFlightAt(ms)) best = Math.min(best, m.droppedMs ?? m.deliverMs, m.deliverMs);
    return Number.isFinite(best) ? best : null;
  }
}

export { timeOf as traceTimeOf };

function insertSorted<T>(list: T[], item: T, key: (x: T) => number): void {
  const k = key(item);
  if (list.length === 0 || key(list[list.length - 1]) <= k) {
    list.push(item);
    return;
  }
  list.splice(upperBound(list, k, key), 0, item);
}

/** First index whose key is >= k. */
export function lowerBound<T>(list: readonly T[], k: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > k. */
export function upperBound<T>(list: readonly T[], k: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
