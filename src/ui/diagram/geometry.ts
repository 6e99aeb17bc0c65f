// Straight-line geometry shared by the svg links and the canvas of messages:
// a link runs between the edges of two cards (not their centres, so a message
// is never drawn under a card), and each direction of travel has its own lane
// a few units to its right, so the stream and the ACKs coming back don't pile
// onto each other.

import type { Layout, Placement } from './layout';

/** Gap between a card's edge and the end of a link. */
const EDGE_PAD = 6;
/** How far a direction's lane sits from the link's centre line. */
export const LANE_OFFSET = 5;

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  len: number;
  /** Unit vector from 1 to 2. */
  ux: number;
  uy: number;
}

/** Where the ray from the card's centre towards (tx, ty) leaves the card (padded). */
export function exitPoint(p: Placement, tx: number, ty: number, pad = EDGE_PAD): { x: number; y: number } {
  const dx = tx - p.x;
  const dy = ty - p.y;
  if (dx === 0 && dy === 0) return { x: p.x, y: p.y };
  const hw = p.w / 2 + pad;
  const hh = p.h / 2 + pad;
  const s = Math.min(dx === 0 ? Number.POSITIVE_INFINITY : hw / Math.abs(dx), dy === 0 ? Number.POSITIVE_INFINITY : hh / Math.abs(dy));
  return { x: p.x + dx * s, y: p.y + dy * s };
}

/** The visible part of the line between two cards, from `from` to `to`. */
export function segmentBetween(from: Placement, to: Placement, pad = EDGE_PAD): Segment {
  const a = exitPoint(from, to.x, to.y, pad);
  const b = exitPoint(to, from.x, from.y, pad);
  let dx = b.x - a.x;
  let dy = b.y - a.y;
  let len = Math.hypot(dx, dy);
  // Cards so close they touch: draw a short line between the centres instead.
  if (len < 1 || dx * (to.x - from.x) + dy * (to.y - from.y) < 0) {
    dx = to.x - from.x;
    dy = to.y - from.y;
    len = Math.max(1, Math.hypot(dx, dy));
    return { x1: from.x, y1: from.y, x2: to.x, y2: to.y, len, ux: dx / len, uy: dy / len };
  }
  return { x1: a.x, y1: a.y, x2: b.x, y2: b.y, len, ux: dx / len, uy: dy / len };
}

/** Whether the segment passes through the card (Liang–Barsky clipping against its box). */
export function segmentCrossesCard(s: Segment, p: Placement): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - (p.x - p.w / 2)],
    [dx, p.x + p.w / 2 - s.x1],
    [-dy, s.y1 - (p.y - p.h / 2)],
    [dy, p.y + p.h / 2 - s.y1],
  ];
  for (const [q, r] of edges) {
    if (q === 0) {
      if (r < 0) return false;
      continue;
    }
    const t = r / q;
    if (q < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Where a link's button sits, and on which side of it its notes go. */
export interface LinkHandle {
  x: number;
  y: number;
  /** 1: notes to the right of the button; -1: to the left (the link leans left, away from its siblings). */
  side: 1 | -1;
}

const HANDLE_TS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

/**
 * The midpoint of the link, or the nearest point along it that no other card
 * covers (a link from a master to a replica two rows down passes under a
 * replica's card on the way). Notes go on the side the link leans to, so two
 * replicas' links from one master keep their labels apart.
 */
export function linkHandle(s: Segment, others: readonly Placement[], clearance = 12): LinkHandle {
  const side: 1 | -1 = s.x2 - s.x1 < -1 ? -1 : 1;
  for (const t of HANDLE_TS) {
    const x = s.x1 + (s.x2 - s.x1) * t;
    const y = s.y1 + (s.y2 - s.y1) * t;
    const covered = others.some((p) => Math.abs(x - p.x) < p.w / 2 + clearance && Math.abs(y - p.y) < p.h / 2 + clearance);
    if (!covered) return { x, y, side };
  }
  return { x: (s.x1 + s.x2) / 2, y: (s.y1 + s.y2) / 2, side };
}

/**
 * The lane a message from → to travels in: the segment shifted to the right
 * of the direction of travel (in screen coordinates, y down), so the two
 * directions of one link are side by side.
 */
export interface Lane extends Segment {
  /** Small integer, unique per lane within one LaneCache (for per-lane scratch arrays). */
  id: number;
  /**
   * Side for the labels of its messages: the side the link leans to (its
   * lower end left of its upper end: left), the same for both directions and
   * the same as the link's own notes, so two sibling links' labels part.
   */
  labelSide: 1 | -1;
}

export function laneOf(from: Placement, to: Placement, id: number): Lane {
  const s = segmentBetween(from, to);
  // Right-hand normal of (ux, uy) with y pointing down: (-uy, ux).
  const nx = -s.uy * LANE_OFFSET;
  const ny = s.ux * LANE_OFFSET;
  const [upper, lower] = from.y <= to.y ? [from, to] : [to, from];
  const labelSide = lower.x < upper.x - 1 ? -1 : 1;
  return { ...s, x1: s.x1 + nx, y1: s.y1 + ny, x2: s.x2 + nx, y2: s.y2 + ny, id, labelSide };
}

/**
 * Lanes for every ordered pair of nodes, made the first time a message needs
 * one and kept until the layout changes (no allocation per frame).
 */
export class LaneCache {
  private lanes = new Map<string, Map<string, Lane | null>>();
  private count = 0;

  constructor(readonly layout: Layout) {}

  get size(): number {
    return this.count;
  }

  get(from: string, to: string): Lane | null {
    let row = this.lanes.get(from);
    if (!row) {
      row = new Map();
      this.lanes.set(from, row);
    }
    let lane = row.get(to);
    if (lane === undefined) {
      const a = this.layout.byName.get(from);
      const b = this.layout.byName.get(to);
      lane = a && b && a !== b ? laneOf(a, b, this.count++) : null;
      row.set(to, lane);
    }
    return lane;
  }
}
