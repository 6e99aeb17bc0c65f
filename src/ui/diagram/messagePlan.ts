// Where each message in flight is drawn this frame, and which labels fit.
// Pure (no canvas), so it can be tested and timed in Node; MessageLayer paints
// what it plans. Runs every frame with hundreds of messages, so it keeps its
// results in typed arrays it reuses and allocates nothing per message per
// frame (labels are made once per message and kept by id).
//
// A message at playback time v sits at t = (v − sentMs) / (deliverMs − sentMs)
// along its lane, so pausing freezes it and seeking places it exactly.
// Messages of one lane whose positions fall in the same stretch (a bucket
// about one label high) share one label: the newest one's, with "+N more".

import type { MsgKind } from '../../engine/trace';
import type { MsgRecord } from '../../state/traceLog';
import { messageLabel } from './format';
import type { Lane } from './geometry';

/** Colour groups, in the order of MSG_COLOR_VARS. */
export const MSG_COLOR_VARS = ['--msg-stream', '--msg-ack', '--msg-handshake', '--msg-rdb', '--msg-ping'] as const;

const COLOR_OF: Record<MsgKind, number> = {
  stream: 0,
  ack: 1,
  getack: 1,
  handshake: 2,
  rdb: 3,
  ping: 4,
  newline: 4,
  reply: 4,
};

export function colorIndexOf(kind: MsgKind): number {
  return COLOR_OF[kind];
}

/** Logical units of lane per label bucket (a label is 12 high; diagonal lanes need a little more). */
const BUCKET_LEN = 16;
const MAX_BUCKETS = 32;
/** At most this many labels a frame: beyond that the picture is dots and a few words. */
export const MAX_LABELS = 40;
export const LABEL_H = 11;
/** Gap between a dot and its label. */
export const LABEL_DX = 7;
const LABEL_CACHE_LIMIT = 4000;

export interface LaneSource {
  get(from: string, to: string): Lane | null;
}

export class MessagePlanner {
  nDots = 0;
  dotX = new Float32Array(256);
  dotY = new Float32Array(256);
  dotColor = new Uint8Array(256);

  nLabels = 0;
  labelX = new Float32Array(64);
  labelY = new Float32Array(64);
  labelColor = new Uint8Array(64);
  /** How many messages the label stands for (1: only its own). */
  labelCount = new Int32Array(64);
  /** 1 when the label fits (not overlapping another and under MAX_LABELS). */
  labelShown = new Uint8Array(64);
  labelText: string[] = [];
  /** Total width of the label including its "+N more" part, as measured by the painter. */
  labelW = new Float32Array(64);
  /** Where the label's text starts: on its lane's side of the dot, or the other side at the edge of the view. */
  labelLeft = new Float32Array(64);
  labelSide = new Int8Array(64);

  private frame = 0;
  private bucketStamp = new Int32Array(MAX_BUCKETS * 64);
  private bucketLabel = new Int32Array(MAX_BUCKETS * 64);
  private labels = new Map<number, string>();

  /** The label of a message, made once. */
  labelOf(m: MsgRecord): string {
    let s = this.labels.get(m.id);
    if (s === undefined) {
      if (this.labels.size > LABEL_CACHE_LIMIT) this.labels.clear();
      s = messageLabel(m.kind, m.text, m.bytes);
      this.labels.set(m.id, s);
    }
    return s;
  }

  /**
   * Plan one frame. `reduced`: no movement — every message of a lane sits at
   * the lane's midpoint as one marker carrying the count and the newest label.
   * `measure(label, count)` returns the drawn width of a label with its
   * "+N more" part (count − 1 others; count 1: none). A label goes on its
   * lane's side of the dot, or the other side when it would cross the
   * visible `leftEdge` / `rightEdge` (logical x).
   */
  plan(
    msgs: readonly MsgRecord[],
    viewMs: number,
    lanes: LaneSource,
    reduced: boolean,
    measure: (label: string, count: number) => number,
    leftEdge = Number.NEGATIVE_INFINITY,
    rightEdge = Number.POSITIVE_INFINITY,
  ): void {
    this.frame++;
    this.nDots = 0;
    this.nLabels = 0;
    for (let i = 0; i < msgs.length; i++) {
      const m = msgs[i];
      const lane = lanes.get(m.from, m.to);
      if (!lane) continue;
      const span = m.deliverMs - m.sentMs;
      let t = reduced ? 0.5 : span > 0 ? (viewMs - m.sentMs) / span : 1;
      t = Math.min(1, Math.max(0, t));
      const x = lane.x1 + (lane.x2 - lane.x1) * t;
      const y = lane.y1 + (lane.y2 - lane.y1) * t;
      const color = COLOR_OF[m.kind];
      const nb = reduced ? 1 : Math.max(1, Math.min(MAX_BUCKETS, Math.floor(lane.len / BUCKET_LEN)));
      const b = Math.min(nb - 1, Math.floor(t * nb));
      const slot = this.slotFor(lane.id, b);
      if (this.bucketStamp[slot] === this.frame) {
        // Same stretch of the same lane: the newer message (msgs are by sentMs) speaks for the group.
        const li = this.bucketLabel[slot];
        this.labelCount[li]++;
        this.labelText[li] = this.labelOf(m);
        this.labelColor[li] = color;
        this.labelSide[li] = lane.labelSide;
        if (!reduced) {
          this.labelX[li] = x;
          this.labelY[li] = y;
          this.pushDot(x, y, color);
        }
        continue;
      }
      this.bucketStamp[slot] = this.frame;
      this.bucketLabel[slot] = this.pushLabel(x, y, color, this.labelOf(m));
      this.labelSide[this.bucketLabel[slot]] = lane.labelSide;
      this.pushDot(x, y, color);
    }
    this.fitLabels(measure, leftEdge, rightEdge);
  }

  private slotFor(laneId: number, bucket: number): number {
    const slot = laneId * MAX_BUCKETS + bucket;
    if (slot >= this.bucketStamp.length) {
      const size = Math.max(slot + 1, this.bucketStamp.length * 2);
      const stamp = new Int32Array(size);
      stamp.set(this.bucketStamp);
      this.bucketStamp = stamp;
      const label = new Int32Array(size);
      label.set(this.bucketLabel);
      this.bucketLabel = label;
    }
    return slot;
  }

  private pushDot(x: number, y: number, color: number): void {
    if (this.nDots === this.dotX.length) {
      this.dotX = grow(this.dotX);
      this.dotY = grow(this.dotY);
      this.dotColor = grow(this.dotColor);
    }
    this.dotX[this.nDots] = x;
    this.dotY[this.nDots] = y;
    this.dotColor[this.nDots] = color;
    this.nDots++;
  }

  private pushLabel(x: number, y: number, color: number, text: string): number {
    const i = this.nLabels;
    if (i === this.labelX.length) {
      this.labelX = grow(this.labelX);
      this.labelY = grow(this.labelY);
      this.labelColor = grow(this.labelColor);
      this.labelCount = grow(this.labelCount);
      this.labelShown = grow(this.labelShown);
      this.labelW = grow(this.labelW);
      this.labelLeft = grow(this.labelLeft);
      this.labelSide = grow(this.labelSide);
    }
    this.labelX[i] = x;
    this.labelY[i] = y;
    this.labelColor[i] = color;
    this.labelCount[i] = 1;
    this.labelText[i] = text;
    this.nLabels++;
    return i;
  }

  /**
   * Cards that labels must not cover (they would hide a node's offset): x0,
   * y0, x1, y1 per card. Set when the layout changes.
   */
  setObstacles(cards: readonly { x: number; y: number; w: number; h: number }[]): void {
    this.obstacles = new Float32Array(cards.length * 4);
    cards.forEach((c, i) => {
      this.obstacles.set([c.x - c.w / 2, c.y - c.h / 2, c.x + c.w / 2, c.y + c.h / 2], i * 4);
    });
  }

  private obstacles = new Float32Array(0);

  /** Whether a label at (x0, y0) of width w is clear of the cards and of the labels kept before label `upTo`. */
  private clear(x0: number, y0: number, w: number, upTo: number): boolean {
    const o = this.obstacles;
    for (let k = 0; k < o.length; k += 4) {
      if (x0 < o[k + 2] && o[k] < x0 + w && y0 < o[k + 3] && o[k + 1] < y0 + LABEL_H) return false;
    }
    for (let j = 0; j < upTo; j++) {
      if (this.labelShown[j] === 0) continue;
      const xj = this.labelLeft[j];
      const yj = this.labelY[j] - LABEL_H / 2;
      if (x0 < xj + this.labelW[j] && xj < x0 + w && y0 < yj + LABEL_H && yj < y0 + LABEL_H) return false;
    }
    return true;
  }

  /**
   * Keep the labels that fit, up to MAX_LABELS: on the lane's side of the
   * dot, else on the other side, clear of the cards, the view's edges and
   * the labels already kept; the others are left out (their dots stay).
   */
  private fitLabels(measure: (label: string, count: number) => number, leftEdge: number, rightEdge: number): void {
    let kept = 0;
    for (let i = 0; i < this.nLabels; i++) {
      this.labelShown[i] = 0;
      if (kept >= MAX_LABELS) continue;
      const w = measure(this.labelText[i], this.labelCount[i]);
      this.labelW[i] = w;
      const right = this.labelX[i] + LABEL_DX;
      const left = this.labelX[i] - LABEL_DX - w;
      const first = this.labelSide[i] < 0 ? left : right;
      const second = this.labelSide[i] < 0 ? right : left;
      const y0 = this.labelY[i] - LABEL_H / 2;
      for (let k = 0; k < 2; k++) {
        const x0 = k === 0 ? first : second;
        if (x0 < leftEdge || x0 + w > rightEdge || !this.clear(x0, y0, w, i)) continue;
        this.labelLeft[i] = x0;
        this.labelShown[i] = 1;
        kept++;
        break;
      }
    }
  }
}

function grow<T extends Float32Array | Uint8Array | Int8Array | Int32Array>(a: T): T {
  const b = new (a.constructor as { new (n: number): T })(a.length * 2);
  b.set(a);
  return b;
}
