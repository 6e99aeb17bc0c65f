// Drawing on the message canvas: the dots and labels MessagePlanner planned,
// and the badges of the moments worth a look (eventPlan). Plain functions of
// a 2D context already set to logical units; no state of their own.

import type { Badge } from './eventPlan';
import { segmentBetween } from './geometry';
import type { Layout, Placement } from './layout';
import { LABEL_H, type MessagePlanner, MSG_COLOR_VARS } from './messagePlan';

export interface Colors {
  msg: string[];
  bg: string;
  fg: string;
  muted: string;
  error: string;
  ok: string;
  warn: string;
  master: string;
  replica: string;
  mono: string;
}

/** The theme's colours as the canvas needs them (CSS variables resolved). */
export function readColors(): Colors {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    msg: MSG_COLOR_VARS.map((n) => v(n, '#2563eb')),
    bg: v('--bg', '#ffffff'),
    fg: v('--fg', '#111827'),
    muted: v('--muted', '#4b5563'),
    error: v('--error', '#b91c1c'),
    ok: v('--ok', '#047857'),
    warn: v('--warn', '#b45309'),
    master: v('--master', '#b91c1c'),
    replica: v('--replica', '#1d4ed8'),
    mono: v('--mono', 'monospace'),
  };
}

const DOT_R = 3.5;
const OUTLINE_MAX_DOTS = 120;
/** Reduced motion: one still marker per link direction, a little larger. */
const MARKER_R = 5;
export const LABEL_FONT_PX = 9;
const BADGE_FONT_PX = 11;

/** Dots (one path per colour: a few fills a frame, however many messages) and the labels that fit. */
export function paintMessages(
  ctx: CanvasRenderingContext2D,
  p: MessagePlanner,
  colors: Colors,
  reduced: boolean,
  textWidth: (s: string) => number,
  more: (n: number) => string,
): void {
  const r = reduced ? MARKER_R : DOT_R;
  for (let c = 0; c < colors.msg.length; c++) {
    let any = false;
    ctx.beginPath();
    for (let i = 0; i < p.nDots; i++) {
      if (p.dotColor[i] !== c) continue;
      ctx.moveTo(p.dotX[i] + r, p.dotY[i]);
      ctx.arc(p.dotX[i], p.dotY[i], r, 0, Math.PI * 2);
      any = true;
    }
    if (!any) continue;
    ctx.fillStyle = colors.msg[c];
    ctx.fill();
    // The outline tells touching dots apart; with hundreds on screen it costs
    // more than it shows (every arc stroked twice in software rendering).
    if (p.nDots <= OUTLINE_MAX_DOTS) {
      ctx.strokeStyle = colors.bg;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }
  for (let i = 0; i < p.nLabels; i++) {
    if (p.labelShown[i] === 0) continue;
    const x = p.labelLeft[i];
    const y = p.labelY[i];
    ctx.globalAlpha = 0.88;
    ctx.fillStyle = colors.bg;
    ctx.fillRect(x - 2, y - LABEL_H / 2, p.labelW[i] + 4, LABEL_H);
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.msg[p.labelColor[i]];
    const label = p.labelText[i];
    ctx.fillText(label, x, y);
    if (p.labelCount[i] > 1) {
      ctx.fillStyle = colors.fg;
      ctx.fillText(more(p.labelCount[i] - 1), x + textWidth(label) + 4, y);
    }
  }
}

function badgeColor(b: Badge, colors: Colors): string {
  switch (b.kind) {
    case 'rejected':
    case 'down':
      return colors.error;
    case 'up':
    case 'partial':
      return colors.ok;
    case 'full':
      return colors.warn;
    case 'role':
      return b.role === 'master' ? colors.master : colors.replica;
  }
}

/** A rounded label with a solid background, centred on (x, y). */
function pill(ctx: CanvasRenderingContext2D, label: string, x: number, y: number, fill: string, ink: string, outline: boolean): void {
  const w = ctx.measureText(label).width + 10;
  const h = BADGE_FONT_PX + 6;
  ctx.beginPath();
  ctx.roundRect(x - w / 2, y - h / 2, w, h, h / 2);
  ctx.fillStyle = outline ? ink : fill;
  ctx.fill();
  if (outline) {
    ctx.strokeStyle = fill;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.fillStyle = outline ? fill : ink;
  ctx.fillText(label, x, y + 0.5);
}

export function paintBadges(ctx: CanvasRenderingContext2D, badges: readonly Badge[], layout: Layout, colors: Colors, reduced: boolean): void {
  ctx.save();
  ctx.font = `bold ${BADGE_FONT_PX}px ${colors.mono}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const stacked = new Map<string, number>();
  for (const b of badges) {
    const p = layout.byName.get(b.node);
    if (!p) continue;
    const color = badgeColor(b, colors);
    // Fade out over the last third; reduced motion keeps it steady until it leaves.
    const fade = reduced ? 1 : Math.min(1, (1 - b.progress) * 3);
    ctx.globalAlpha = fade;
    if (b.kind === 'full' || b.kind === 'partial') {
      const peer = b.peer ? layout.byName.get(b.peer) : undefined;
      if (!peer) continue;
      const s = segmentBetween(p, peer);
      // Full resync: solid warning pill; partial: outlined in green. Different colour and shape.
      pill(ctx, b.text, (s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2 - 20, color, colors.bg, b.kind === 'partial');
      continue;
    }
    if (b.kind === 'rejected') {
      paintRejected(ctx, b, p, color, colors, reduced);
      continue;
    }
    const k = stacked.get(b.node) ?? 0;
    stacked.set(b.node, k + 1);
    if (!reduced) {
      // A ring that widens from the card as the moment passes.
      const grow = 4 + 16 * b.progress;
      ctx.beginPath();
      ctx.roundRect(p.x - p.w / 2 - grow, p.y - p.h / 2 - grow, p.w + 2 * grow, p.h + 2 * grow, 10 + grow);
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
    pill(ctx, b.text, p.x, p.y - p.h / 2 - 12 - k * 18, color, colors.bg, false);
  }
  ctx.restore();
}

/**
 * A write refused by a replica: a packet leaves the console (a small ">_"
 * below the card's corner, out of the way of the role badges above it),
 * reaches the node, and comes back red with the error's first word.
 */
function paintRejected(ctx: CanvasRenderingContext2D, b: Badge, p: Placement, color: string, colors: Colors, reduced: boolean): void {
  const ix = p.x - p.w / 2 + 14;
  const iy = p.y + p.h / 2 + 20;
  const edge = p.y + p.h / 2;
  ctx.beginPath();
  ctx.roundRect(ix - 9, iy - 6, 18, 12, 2);
  ctx.fillStyle = colors.fg;
  ctx.fill();
  ctx.fillStyle = colors.bg;
  ctx.font = `bold 8px ${colors.mono}`;
  ctx.fillText('>_', ix, iy + 0.5);
  ctx.font = `bold ${BADGE_FONT_PX}px ${colors.mono}`;
  // Out to the node in the first 30% of the window, back in red by 60%.
  const q = b.progress;
  const back = reduced || q >= 0.3;
  if (back) {
    ctx.textAlign = 'left';
    const lx = ix + 14;
    const w = ctx.measureText(b.text).width + 8;
    ctx.fillStyle = colors.bg;
    ctx.fillRect(lx - 4, iy - 8, w, 16);
    ctx.fillStyle = color;
    ctx.fillText(b.text, lx, iy + 0.5);
    ctx.textAlign = 'center';
  }
  if (reduced) return;
  const span = iy - 6 - edge;
  const py = q < 0.3 ? iy - 6 - span * (q / 0.3) : q < 0.6 ? edge + span * ((q - 0.3) / 0.3) : iy - 6;
  ctx.beginPath();
  ctx.arc(ix, py, DOT_R + 0.5, 0, Math.PI * 2);
  ctx.fillStyle = back ? color : colors.msg[0];
  ctx.fill();
}
