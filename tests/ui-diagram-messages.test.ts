import { describe, expect, it } from 'vitest';
import type { MsgKind } from '../src/engine/trace';
import { World } from '../src/engine/world';
import { type MsgRecord, TraceLog } from '../src/state/traceLog';
import { LaneCache, LANE_OFFSET, linkHandle, segmentBetween, segmentCrossesCard } from '../src/ui/diagram/geometry';
import { type LayoutInput, layoutTopology } from '../src/ui/diagram/layout';
import { LABEL_DX, LABEL_H, MAX_LABELS, MessagePlanner } from '../src/ui/diagram/messagePlan';

const nodes: LayoutInput[] = [
  { name: 'm', role: 'master', masterName: null },
  ...Array.from({ length: 10 }, (_, i): LayoutInput => ({ name: `r${i + 1}`, role: 'slave', masterName: 'm' })),
  { name: 's1', role: 'master', masterName: null, sentinel: true },
];
const layout = layoutTopology(nodes, null);
/** A monospace-ish width: the painter measures with the canvas, tests with this. */
const measure = (label: string, count: number) => label.length * 6 + (count > 1 ? 4 + 7 * 6 : 0);

let nextId = 1;
function msg(from: string, to: string, sentMs: number, deliverMs: number, kind: MsgKind = 'stream', text = 'SET k v', bytes = 27): MsgRecord {
  return { id: nextId++, from, to, conn: 1, kind, text, bytes, sentMs, deliverMs, droppedMs: null };
}

function shownLabels(p: MessagePlanner): { x: number; y: number; w: number; text: string; count: number }[] {
  const out = [];
  for (let i = 0; i < p.nLabels; i++) {
    if (p.labelShown[i]) out.push({ x: p.labelLeft[i], y: p.labelY[i] - LABEL_H / 2, w: p.labelW[i], text: p.labelText[i], count: p.labelCount[i] });
  }
  return out;
}

describe('messages in flight', () => {
  it('sit on their lane at the fraction of the trip already done', () => {
    const lanes = new LaneCache(layout);
    const p = new MessagePlanner();
    const m = msg('m', 'r1', 1000, 1200);
    const lane = lanes.get('m', 'r1')!;
    p.plan([m], 1050, lanes, false, measure);
    expect(p.nDots).toBe(1);
    expect(p.dotX[0]).toBeCloseTo(lane.x1 + (lane.x2 - lane.x1) * 0.25, 3);
    expect(p.dotY[0]).toBeCloseTo(lane.y1 + (lane.y2 - lane.y1) * 0.25, 3);
    expect(shownLabels(p).map((l) => l.text)).toEqual(['SET k v · 27 B']);
    // Seeking back is exact: the same time gives the same place.
    p.plan([m], 1150, lanes, false, measure);
    p.plan([m], 1050, lanes, false, measure);
    expect(p.dotX[0]).toBeCloseTo(lane.x1 + (lane.x2 - lane.x1) * 0.25, 3);
  });

  it('put the two directions of a link side by side, not on top of each other', () => {
    const lanes = new LaneCache(layout);
    const down = lanes.get('m', 'r1')!;
    const up = lanes.get('r1', 'm')!;
    const seg = segmentBetween(layout.byName.get('m')!, layout.byName.get('r1')!);
    const midDown = { x: (down.x1 + down.x2) / 2, y: (down.y1 + down.y2) / 2 };
    const midUp = { x: (up.x1 + up.x2) / 2, y: (up.y1 + up.y2) / 2 };
    expect(Math.hypot(midDown.x - midUp.x, midDown.y - midUp.y)).toBeCloseTo(2 * LANE_OFFSET, 3);
    expect(Math.hypot(midDown.x - (seg.x1 + seg.x2) / 2, midDown.y - (seg.y1 + seg.y2) / 2)).toBeCloseTo(LANE_OFFSET, 3);
  });

  it('travel in a straight line between nodes with no replication link (a Sentinel)', () => {
    const lanes = new LaneCache(layout);
    const p = new MessagePlanner();
    p.plan([msg('s1', 'm', 0, 100, 'handshake', 'PING', 14)], 50, lanes, false, measure);
    const s = layout.byName.get('s1')!;
    const m = layout.byName.get('m')!;
    // The dot is on the line between the two centres (up to the lane offset).
    const cross = Math.abs((m.x - s.x) * (p.dotY[0] - s.y) - (m.y - s.y) * (p.dotX[0] - s.x)) / Math.hypot(m.x - s.x, m.y - s.y);
    expect(cross).toBeCloseTo(LANE_OFFSET, 3);
  });

  it('summarise a pile of messages at the same spot with one label and a count', () => {
    const lanes = new LaneCache(layout);
    const p = new MessagePlanner();
    const pile = Array.from({ length: 13 }, (_, i) => msg('m', 'r2', 1000, 1100, 'stream', `SET k${i} v`, 29));
    p.plan(pile, 1050, lanes, false, measure);
    const labels = shownLabels(p);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({ text: 'SET k12 v · 29 B', count: 13 });
  });

  it('keep labels from overlapping each other or the cards, and few enough to read when crowded', () => {
    const lanes = new LaneCache(layout);
    const p = new MessagePlanner();
    p.setObstacles(layout.placements);
    const many: MsgRecord[] = [];
    for (let i = 0; i < 300; i++) many.push(msg('m', `r${(i % 10) + 1}`, i, i + 200 + (i % 7) * 20));
    p.plan(many, 250, lanes, false, measure);
    const labels = shownLabels(p);
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.length).toBeLessThanOrEqual(MAX_LABELS);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i];
        const b = labels[j];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + LABEL_H && b.y < a.y + LABEL_H;
        expect(overlap).toBe(false);
      }
      for (const c of layout.placements) {
        const a = labels[i];
        const covers = a.x < c.x + c.w / 2 && c.x - c.w / 2 < a.x + a.w && a.y < c.y + c.h / 2 && c.y - c.h / 2 < a.y + LABEL_H;
        expect(covers, `${a.text} covers ${c.name}`).toBe(false);
      }
    }
  });

  it('put a label that would leave the view on the left of its dot', () => {
    const lanes = new LaneCache(layout);
    const p = new MessagePlanner();
    // r2 stands right of m: its lane's labels go right, unless that leaves the view.
    expect(layout.byName.get('r2')!.x).toBeGreaterThan(layout.byName.get('m')!.x);
    p.plan([msg('m', 'r2', 0, 100)], 50, lanes, false, measure);
    expect(p.labelLeft[0]).toBeCloseTo(p.labelX[0] + LABEL_DX);
    p.plan([msg('m', 'r2', 0, 100)], 50, lanes, false, measure, Number.NEGATIVE_INFINITY, p.labelX[0] + 20);
    expect(p.labelLeft[0] + p.labelW[0]).toBeLessThanOrEqual(p.labelX[0]);
  });

  it('put the labels of two sibling links on opposite sides, so they do not collide', () => {
    const lanes = new LaneCache(layout);
    const p = new MessagePlanner();
    expect(layout.byName.get('r1')!.x).toBeLessThan(layout.byName.get('m')!.x);
    p.plan([msg('m', 'r1', 0, 100), msg('r2', 'm', 0, 100, 'ack', 'REPLCONF ACK 27', 37)], 50, lanes, false, measure);
    const labels = shownLabels(p);
    expect(labels).toHaveLength(2);
    expect(labels[0].x + labels[0].w).toBeLessThanOrEqual(p.labelX[0]);
    expect(labels[1].x).toBeGreaterThanOrEqual(p.labelX[1]);
  });

  it('with reduced motion, stand still at the midpoint: one marker per lane with the count and newest label', () => {
    const lanes = new LaneCache(layout);
    const p = new MessagePlanner();
    const ms = [msg('m', 'r1', 0, 100, 'stream', 'SET a 1', 27), msg('m', 'r1', 10, 110, 'stream', 'SET b 2', 27), msg('m', 'r1', 20, 120, 'ping', 'ping', 14)];
    const lane = lanes.get('m', 'r1')!;
    p.plan(ms, 30, lanes, true, measure);
    expect(p.nDots).toBe(1);
    expect(p.dotX[0]).toBeCloseTo((lane.x1 + lane.x2) / 2, 3);
    expect(shownLabels(p)).toEqual([expect.objectContaining({ text: 'ping · 14 B', count: 3 })]);
    p.plan(ms, 90, lanes, true, measure);
    expect(p.dotX[0]).toBeCloseTo((lane.x1 + lane.x2) / 2, 3);
  });

  it('plan 300 messages in flight far below a frame (16 ms)', () => {
    // Realistic traffic from the engine: a master streaming to five replicas.
    const w = new World({ seed: 7 });
    w.apply({ t: 'default-link', props: { latencyMs: 400 } });
    w.addNode('m', []);
    for (let i = 1; i <= 5; i++) w.addNode(`r${i}`, [['replicaof', '127.0.0.1 6379']]);
    w.advance(8000);
    const c = w.connect('m');
    const log = new TraceLog();
    for (let i = 0; i < 60; i++) {
      w.send('m', c, ['SET', `key:${i}`, `value-${i}`]);
      w.advance(5);
    }
    log.add(w.drainTrace());
    const at = w.nowMs;
    const inFlight = log.inFlightAt(at);
    expect(inFlight.length).toBeGreaterThanOrEqual(300);
    const lay = layoutTopology(w.views(), null);
    const lanes = new LaneCache(lay);
    const p = new MessagePlanner();
    p.setObstacles(lay.placements);
    const out: MsgRecord[] = [];
    p.plan(log.inFlightAt(at, out), at, lanes, false, measure);
    const frames = 600;
    const t0 = performance.now();
    for (let f = 0; f < frames; f++) {
      const v = at - 100 + f / 3;
      p.plan(log.inFlightAt(v, out), v, lanes, false, measure);
    }
    const perFrame = (performance.now() - t0) / frames;
    expect(perFrame).toBeLessThan(2);
  });
});

describe('link geometry', () => {
  it('runs between the cards\' edges, never under the two cards it joins', () => {
    const m = layout.byName.get('m')!;
    const r1 = layout.byName.get('r1')!;
    const seg = segmentBetween(m, r1);
    expect(seg.y1).toBeGreaterThan(m.y + m.h / 2);
    expect(seg.y2).toBeLessThan(r1.y - r1.h / 2);
    expect(segmentCrossesCard(seg, m)).toBe(false);
    expect(segmentCrossesCard(seg, r1)).toBe(false);
  });

  it('finds a link passing under another card, and puts its button where no card covers it', () => {
    // Seven replicas of m: the seventh overflows to the row below and its link passes under a replica.
    const seven = layoutTopology(
      [{ name: 'm', role: 'master', masterName: null }, ...Array.from({ length: 7 }, (_, i): LayoutInput => ({ name: `r${i + 1}`, role: 'slave', masterName: 'm' }))],
      null,
    );
    const m = seven.byName.get('m')!;
    const r7 = seven.byName.get('r7')!;
    expect(r7.row).toBe(2);
    const seg = segmentBetween(m, r7);
    const others = seven.placements.filter((p) => p !== m && p !== r7);
    expect(others.some((p) => segmentCrossesCard(seg, p))).toBe(true);
    const h = linkHandle(seg, others);
    for (const p of others) expect(Math.abs(h.x - p.x) < p.w / 2 && Math.abs(h.y - p.y) < p.h / 2).toBe(false);
  });
});
