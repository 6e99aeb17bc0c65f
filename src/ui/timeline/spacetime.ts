// The geometry of the space-time diagram, as pure functions: which window of
// virtual time is shown, where a time and a node land on the canvas, where a
// message's arrow runs and which part of it lies after "now", which arrow a
// pointer is on, and which labels fit. SpaceTimeDiagram.tsx only paints what
// these return.
//
// Layout: one vertical lane per node, lane i centred at width × (i + ½) / n;
// time flows downward; the "now" line (viewMs) sits at NOW_FRACTION of the
// height, so a 2 s window at 12.000 s shows 10.400 s … 12.400 s.

import type { MsgRecord } from '../../state/traceLog';

/** Window lengths offered by the zoom buttons (virtual ms). */
export const ZOOM_SPANS_MS = [250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000] as const;
export const DEFAULT_SPAN_MS = 2000;
/** Where the "now" line sits, as a fraction of the height from the top. */
export const NOW_FRACTION = 0.8;
/** Arrows drawn at most; beyond it the ones nearest to now are kept. */
export const MAX_ARROWS = 3000;

export interface Viewport {
  widthPx: number;
  heightPx: number;
  lanes: readonly string[];
  fromMs: number;
  toMs: number;
  nowMs: number;
}

export function makeViewport(widthPx: number, heightPx: number, lanes: readonly string[], nowMs: number, spanMs: number): Viewport {
  const fromMs = nowMs - spanMs * NOW_FRACTION;
  return { widthPx, heightPx, lanes, fromMs, toMs: fromMs + spanMs, nowMs };
}

export function timeToY(v: Viewport, ms: number): number {
  return ((ms - v.fromMs) / (v.toMs - v.fromMs)) * v.heightPx;
}

export function yToTime(v: Viewport, y: number): number {
  return v.fromMs + (y / v.heightPx) * (v.toMs - v.fromMs);
}

export function laneX(v: Viewport, index: number): number {
  return (v.widthPx * (index + 0.5)) / Math.max(1, v.lanes.length);
}

/** The lane under x (the nearest one), or -1 when there are none. */
export function laneAt(v: Viewport, x: number): number {
  const n = v.lanes.length;
  if (n === 0) return -1;
  return Math.min(n - 1, Math.max(0, Math.floor((x / v.widthPx) * n)));
}

/** Grab-and-drag: the time the pointer grabbed stays under it, so dragging down goes back in time. */
export function panTime(startNowMs: number, dyPx: number, v: Viewport): number {
  return startNowMs - (dyPx / v.heightPx) * (v.toMs - v.fromMs);
}

/** Where the wheel scrolls time: a notch (≈100 px) moves a tenth of the window. */
export function wheelTime(nowMs: number, deltaPx: number, v: Viewport): number {
  return nowMs + (deltaPx / 1000) * (v.toMs - v.fromMs);
}

export function zoomIn(spanMs: number): number {
  for (let i = ZOOM_SPANS_MS.length - 1; i >= 0; i--) if (ZOOM_SPANS_MS[i] < spanMs) return ZOOM_SPANS_MS[i];
  return ZOOM_SPANS_MS[0];
}

export function zoomOut(spanMs: number): number {
  for (const s of ZOOM_SPANS_MS) if (s > spanMs) return s;
  return ZOOM_SPANS_MS[ZOOM_SPANS_MS.length - 1];
}

/**
 * Grid lines: times that are multiples of a 1-2-5 step since the origin, about
 * `count` of them in the window (2 s window, 5 lines → every 500 ms).
 */
export function timeTicks(fromMs: number, toMs: number, originMs: number, count = 5): number[] {
  const raw = Math.max(1, (toMs - fromMs) / count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let k = Math.ceil((fromMs - originMs) / step); originMs + k * step <= toMs; k++) {
    const t = originMs + k * step;
    if (t >= originMs) out.push(t);
  }
  return out;
}

/** When the message stops being on the wire: delivered, or dropped with its connection. */
export function endOf(m: MsgRecord): { endMs: number; dropped: boolean } {
  if (m.droppedMs !== null && m.droppedMs < m.deliverMs) return { endMs: m.droppedMs, dropped: true };
  return { endMs: m.deliverMs, dropped: false };
}

export interface Arrow {
  msg: MsgRecord;
  x1: number;
  y1: number;
  /** Where the message arrives (or vanishes, when dropped). */
  x2: number;
  y2: number;
  endMs: number;
  dropped: boolean;
}

export function arrowFor(v: Viewport, m: MsgRecord, laneOf: ReadonlyMap<string, number>): Arrow | null {
  const a = laneOf.get(m.from);
  const b = laneOf.get(m.to);
  if (a === undefined || b === undefined) return null;
  const { endMs, dropped } = endOf(m);
  return { msg: m, x1: laneX(v, a), y1: timeToY(v, m.sentMs), x2: laneX(v, b), y2: timeToY(v, endMs), endMs, dropped };
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The arrow cut at the "now" line: `past` is what has happened by nowMs,
 * `future` the rest (drawn faded when looking at the past, not at all while
 * live). `complete` tells whether the message has arrived (or was dropped) by
 * nowMs, i.e. whether its head (or ✕) belongs to the past part.
 */
export function splitAtNow(a: Arrow, nowMs: number): { past: Segment | null; future: Segment | null; complete: boolean } {
  const sent = a.msg.sentMs;
  if (sent > nowMs) return { past: null, future: { x1: a.x1, y1: a.y1, x2: a.x2, y2: a.y2 }, complete: false };
  if (a.endMs <= nowMs) return { past: { x1: a.x1, y1: a.y1, x2: a.x2, y2: a.y2 }, future: null, complete: true };
  const f = (nowMs - sent) / (a.endMs - sent);
  const xm = a.x1 + (a.x2 - a.x1) * f;
  const ym = a.y1 + (a.y2 - a.y1) * f;
  return { past: { x1: a.x1, y1: a.y1, x2: xm, y2: ym }, future: { x1: xm, y1: ym, x2: a.x2, y2: a.y2 }, complete: false };
}

/**
 * At most `max` messages, the ones sent nearest to nowMs (msgs sorted by
 * sentMs), in sentMs order: zoomed far out on a busy session, what is
 * around "now" matters most.
 */
export function pickNearest(msgs: readonly MsgRecord[], nowMs: number, max: number): readonly MsgRecord[] {
  if (msgs.length <= max) return msgs;
  let lo = 0;
  let hi = msgs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (msgs[mid].sentMs < nowMs) lo = mid + 1;
    else hi = mid;
  }
  // Grow [left, right) around the insertion point, taking the closer side each time.
  let left = lo;
  let right = lo;
  while (right - left < max) {
    const takeLeft = right >= msgs.length || (left > 0 && nowMs - msgs[left - 1].sentMs <= msgs[right].sentMs - nowMs);
    if (takeLeft) left--;
    else right++;
  }
  return msgs.slice(left, right);
}

/** Distance from (px, py) to the segment. */
export function distToSegment(px: number, py: number, s: Segment): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy;
  const k = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - s.x1) * dx + (py - s.y1) * dy) / len2));
  return Math.hypot(px - (s.x1 + k * dx), py - (s.y1 + k * dy));
}

/**
 * The arrow under the pointer: the nearest one within `tolerancePx` of the
 * part that is drawn (up to now while live), or null.
 */
export function hitArrow(arrows: readonly Arrow[], x: number, y: number, tolerancePx: number, nowMs: number, live: boolean): Arrow | null {
  let best: Arrow | null = null;
  let bestD = tolerancePx;
  for (const a of arrows) {
    const { past, future } = splitAtNow(a, nowMs);
    for (const s of live ? [past] : [past, future]) {
      if (!s) continue;
      const d = distToSegment(x, y, s);
      if (d <= bestD) {
        bestD = d;
        best = a;
      }
    }
  }
  return best;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Greedy label placement: a label is kept when it lies inside the canvas and
 * overlaps no label kept before it (callers offer the important ones first).
 * Returns the indexes of the kept candidates.
 */
export function placeLabels(candidates: readonly Rect[], widthPx: number, heightPx: number, max = 200): number[] {
  const kept: number[] = [];
  const rects: Rect[] = [];
  for (let i = 0; i < candidates.length && kept.length < max; i++) {
    const r = candidates[i];
    if (r.x < 0 || r.y < 0 || r.x + r.w > widthPx || r.y + r.h > heightPx) continue;
    if (rects.some((k) => overlaps(k, r))) continue;
    rects.push(r);
    kept.push(i);
  }
  return kept;
}

/** The label box of an arrow, centred on its middle; null when it is wider than the gap between its lanes. */
export function arrowLabelRect(a: Arrow, textWidthPx: number, lineHeightPx: number): Rect | null {
  const room = Math.abs(a.x2 - a.x1) - 16;
  if (textWidthPx > room) return null;
  const cx = (a.x1 + a.x2) / 2;
  const cy = (a.y1 + a.y2) / 2;
  return { x: cx - textWidthPx / 2 - 2, y: cy - lineHeightPx / 2, w: textWidthPx + 4, h: lineHeightPx };
}

/** The text alternative: the last `max` messages sent in [fromMs, nowMs], newest last. */
export function recentMessages(msgs: readonly MsgRecord[], fromMs: number, nowMs: number, max = 20): MsgRecord[] {
  const sent = msgs.filter((m) => m.sentMs >= fromMs && m.sentMs <= nowMs);
  sent.sort((a, b) => a.sentMs - b.sentMs || a.id - b.id);
  return sent.slice(-max);
}

/** Label text of a message: its command (shortened) and its size. */
export function messageLabel(m: MsgRecord, maxChars = 24): string {
  const text = m.text.length > maxChars ? `${m.text.slice(0, maxChars - 1)}…` : m.text;
  return `${text} ${m.bytes} B`;
}
