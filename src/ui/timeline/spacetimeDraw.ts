// Paints one frame of the space-time diagram on a 2D canvas from the geometry
// in spacetime.ts: grid of seconds, node lanes, message arrows (what has
// happened by "now" solid, the rest faded when looking at the past), state
// events on the lanes, labels where they fit, and the "now" line. Arrows are
// batched per kind, so a few thousand cost a handful of strokes.

import type { MsgKind } from '../../engine/trace';
import { secondsSince } from './playback';
import type { StateEvent } from '../../state/traceLog';
import {
  type Arrow,
  arrowLabelRect,
  laneX,
  messageLabel,
  placeLabels,
  type Rect,
  type Segment,
  splitAtNow,
  timeTicks,
  timeToY,
  type Viewport,
} from './spacetime';
import type { TimelineText } from './text';

export interface Palette {
  bg: string;
  panel: string;
  fg: string;
  muted: string;
  line: string;
  accent: string;
  master: string;
  replica: string;
  down: string;
  ok: string;
  error: string;
  highlight: string;
  stream: string;
  ack: string;
  handshake: string;
  rdb: string;
  ping: string;
  font: string;
  mono: string;
}

/** Reads the theme's colours (theme.css variables) through `get` (getComputedStyle(...).getPropertyValue). */
export function readPalette(get: (name: string) => string, fontFamily: string): Palette {
  const v = (name: string, fallback: string) => get(name).trim() || fallback;
  return {
    bg: v('--bg', '#fff'),
    panel: v('--panel', '#f6f7f9'),
    fg: v('--fg', '#111'),
    muted: v('--muted', '#555'),
    line: v('--line', '#ccc'),
    accent: v('--accent', '#2563eb'),
    master: v('--master', '#b91c1c'),
    replica: v('--replica', '#1d4ed8'),
    down: v('--down', '#6b7280'),
    ok: v('--ok', '#047857'),
    error: v('--error', '#b91c1c'),
    highlight: v('--highlight', '#fef08a'),
    stream: v('--msg-stream', '#2563eb'),
    ack: v('--msg-ack', '#047857'),
    handshake: v('--msg-handshake', '#7c3aed'),
    rdb: v('--msg-rdb', '#b45309'),
    ping: v('--msg-ping', '#6b7280'),
    font: fontFamily || 'sans-serif',
    mono: v('--mono', 'monospace'),
  };
}

export function kindColour(p: Palette, kind: MsgKind): string {
  switch (kind) {
    case 'stream':
      return p.stream;
    case 'ack':
    case 'getack':
      return p.ack;
    case 'handshake':
      return p.handshake;
    case 'rdb':
      return p.rdb;
    case 'ping':
    case 'newline':
      return p.ping;
    case 'reply':
      return p.muted;
  }
}

/** A state event as a dot on its node's lane: its colour and short label, or null when the diagram does not show it. */
export function laneEvent(e: StateEvent, p: Palette, t: TimelineText): { node: string; colour: string; label: string } | null {
  switch (e.t) {
    case 'role':
      return e.role === 'master'
        ? { node: e.node, colour: p.master, label: t.laneMaster }
        : { node: e.node, colour: p.replica, label: t.laneReplica(e.masterName) };
    case 'link-state':
      return { node: e.node, colour: p.muted, label: t.laneLink(e.state) };
    case 'node-down':
      return { node: e.node, colour: p.down, label: t.laneDown };
    case 'node-up':
      return { node: e.node, colour: p.ok, label: t.laneUp };
    case 'sync':
      return { node: e.node, colour: e.kind === 'full' ? p.rdb : p.stream, label: e.kind === 'full' ? t.laneFullSync(e.replica) : t.lanePartialSync(e.replica) };
    case 'rejected':
      return { node: e.node, colour: p.error, label: t.laneRejected(e.argv[0] ?? '') };
    default:
      return null;
  }
}

export interface Frame {
  v: Viewport;
  live: boolean;
  originMs: number;
  arrows: readonly Arrow[];
  events: readonly StateEvent[];
  laneOf: ReadonlyMap<string, number>;
  hoverId: number | null;
}

const HEAD = 6;
const FONT_PX = 11;

function line(ctx: CanvasRenderingContext2D, s: Segment): void {
  ctx.moveTo(s.x1, s.y1);
  ctx.lineTo(s.x2, s.y2);
}

function head(ctx: CanvasRenderingContext2D, a: Arrow): void {
  const ang = Math.atan2(a.y2 - a.y1, a.x2 - a.x1);
  ctx.moveTo(a.x2, a.y2);
  ctx.lineTo(a.x2 - HEAD * Math.cos(ang - 0.45), a.y2 - HEAD * Math.sin(ang - 0.45));
  ctx.lineTo(a.x2 - HEAD * Math.cos(ang + 0.45), a.y2 - HEAD * Math.sin(ang + 0.45));
  ctx.closePath();
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  const r = 4;
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

/** Draw the arrows of one colour: solid parts, heads and crosses, then (looking at the past) the faded future. */
function drawArrows(ctx: CanvasRenderingContext2D, f: Frame, arrows: readonly Arrow[], colour: string): void {
  const now = f.v.nowMs;
  const pastPaths: Segment[] = [];
  const futurePaths: Segment[] = [];
  const heads: Arrow[] = [];
  const fadedHeads: Arrow[] = [];
  const tips: Segment[] = [];
  for (const a of arrows) {
    const { past, future, complete } = splitAtNow(a, now);
    if (past) pastPaths.push(past);
    if (complete) heads.push(a);
    else if (f.live && past) tips.push(past);
    if (!f.live && future) {
      futurePaths.push(future);
      fadedHeads.push(a);
    }
  }
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.globalAlpha = 1;
  paint(ctx, pastPaths, heads, tips);
  if (futurePaths.length) {
    ctx.globalAlpha = 0.28;
    paint(ctx, futurePaths, fadedHeads, []);
    ctx.globalAlpha = 1;
  }
}

function paint(ctx: CanvasRenderingContext2D, segs: readonly Segment[], ends: readonly Arrow[], tips: readonly Segment[]): void {
  ctx.beginPath();
  for (const s of segs) line(ctx, s);
  for (const a of ends) if (a.dropped) cross(ctx, a.x2, a.y2);
  ctx.stroke();
  ctx.beginPath();
  for (const a of ends) if (!a.dropped) head(ctx, a);
  // A message still on the wire while live: a dot where it is now.
  for (const s of tips) {
    ctx.moveTo(s.x2 + 3, s.y2);
    ctx.arc(s.x2, s.y2, 3, 0, Math.PI * 2);
  }
  ctx.fill();
}

/** One frame. `ctx` is already scaled to CSS pixels. */
export function drawDiagram(ctx: CanvasRenderingContext2D, f: Frame, p: Palette, t: TimelineText): void {
  const { v } = f;
  const nowY = timeToY(v, v.nowMs);
  ctx.clearRect(0, 0, v.widthPx, v.heightPx);
  ctx.font = `${FONT_PX}px ${p.font}`;
  ctx.textBaseline = 'middle';

  // What lies after now: unknown while live, faded when looking at the past.
  ctx.fillStyle = p.panel;
  ctx.fillRect(0, nowY, v.widthPx, v.heightPx - nowY);

  // Grid: a line and a label every 1-2-5 step of seconds since the origin.
  const ticks = timeTicks(v.fromMs, v.toMs, f.originMs);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1000;
  const decimals = step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
  ctx.strokeStyle = p.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const ms of ticks) {
    const y = Math.round(timeToY(v, ms)) + 0.5;
    ctx.moveTo(0, y);
    ctx.lineTo(v.widthPx, y);
  }
  ctx.stroke();
  ctx.fillStyle = p.muted;
  ctx.textAlign = 'left';
  for (const ms of ticks) ctx.fillText(t.seconds(((ms - f.originMs) / 1000).toFixed(decimals)), 4, timeToY(v, ms) - 7);

  // Lanes.
  ctx.strokeStyle = p.line;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let i = 0; i < v.lanes.length; i++) {
    const x = Math.round(laneX(v, i));
    ctx.moveTo(x, 0);
    ctx.lineTo(x, f.live ? nowY : v.heightPx);
  }
  ctx.stroke();

  // Arrows, one batch per colour.
  const byColour = new Map<string, Arrow[]>();
  for (const a of f.arrows) {
    const c = kindColour(p, a.msg.kind);
    let list = byColour.get(c);
    if (!list) byColour.set(c, (list = []));
    list.push(a);
  }
  for (const [c, list] of byColour) drawArrows(ctx, f, list, c);
  const hovered = f.hoverId === null ? undefined : f.arrows.find((a) => a.msg.id === f.hoverId);
  if (hovered) {
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = kindColour(p, hovered.msg.kind);
    ctx.beginPath();
    const { past, future } = splitAtNow(hovered, v.nowMs);
    if (past) line(ctx, past);
    if (future && !f.live) line(ctx, future);
    ctx.stroke();
  }

  // State events: a dot on the lane, labelled where there is room.
  const labels: { rect: Rect; text: string; colour: string; align: 'left' | 'center'; faded: boolean }[] = [];
  const dots: { x: number; y: number; colour: string }[] = [];
  for (const e of f.events) {
    const le = laneEvent(e, p, t);
    const lane = le ? f.laneOf.get(le.node) : undefined;
    if (!le || lane === undefined) continue;
    const x = laneX(v, lane);
    const y = timeToY(v, e.atMs);
    dots.push({ x, y, colour: le.colour });
    labels.push({ rect: { x: x + 7, y: y - FONT_PX / 2 - 1, w: ctx.measureText(le.label).width + 4, h: FONT_PX + 2 }, text: le.label, colour: le.colour, align: 'left', faded: false });
  }
  // Arrow labels, the ones nearest to now first (they matter most and the budget is limited).
  const byNearness = [...f.arrows].sort((a, b) => Math.abs((a.y1 + a.y2) / 2 - nowY) - Math.abs((b.y1 + b.y2) / 2 - nowY)).slice(0, 400);
  for (const a of byNearness) {
    const text = messageLabel(a.msg);
    const rect = arrowLabelRect(a, ctx.measureText(text).width, FONT_PX + 2);
    if (!rect) continue;
    // A label sits on the arrow's middle: after now it belongs to the future, not shown while live, faded otherwise.
    const afterNow = rect.y + rect.h / 2 > nowY;
    if (afterNow && f.live) continue;
    labels.push({ rect, text, colour: kindColour(p, a.msg.kind), align: 'center', faded: afterNow });
  }
  for (const d of dots) {
    ctx.fillStyle = d.colour;
    ctx.beginPath();
    ctx.arc(d.x, d.y, 4, 0, Math.PI * 2);
    ctx.fill();
  }
  const kept = placeLabels(
    labels.map((l) => l.rect),
    v.widthPx,
    v.heightPx,
  );
  for (const i of kept) {
    const l = labels[i];
    ctx.fillStyle = p.bg;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(l.rect.x, l.rect.y, l.rect.w, l.rect.h);
    ctx.globalAlpha = l.faded ? 0.4 : 1;
    ctx.fillStyle = l.align === 'left' ? p.fg : l.colour;
    ctx.textAlign = 'left';
    ctx.fillText(l.text, l.rect.x + 2, l.rect.y + l.rect.h / 2);
  }
  ctx.globalAlpha = 1;

  // The "now" line.
  ctx.strokeStyle = p.accent;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, nowY);
  ctx.lineTo(v.widthPx, nowY);
  ctx.stroke();
  const nowText = `${t.now} ${t.seconds(secondsSince(v.nowMs, f.originMs))}`;
  ctx.font = `bold ${FONT_PX}px ${p.font}`;
  const w = ctx.measureText(nowText).width;
  ctx.fillStyle = p.bg;
  ctx.fillRect(v.widthPx - w - 10, nowY + 3, w + 8, FONT_PX + 4);
  ctx.fillStyle = p.accent;
  ctx.textAlign = 'left';
  ctx.fillText(nowText, v.widthPx - w - 6, nowY + 4 + FONT_PX / 2 + 1);
}
