// The space-time diagram's geometry: the window around now, time ↔ y,
// lanes ↔ x, arrows cut at the now line, picking the arrows to draw, hit
// testing, label placement and the text alternative.

import { describe, expect, it } from 'vitest';
import type { MsgRecord } from '../src/state/traceLog';
import {
  arrowFor,
  arrowLabelRect,
  DEFAULT_SPAN_MS,
  distToSegment,
  endOf,
  hitArrow,
  laneAt,
  laneX,
  makeViewport,
  messageLabel,
  NOW_FRACTION,
  panTime,
  pickNearest,
  placeLabels,
  recentMessages,
  splitAtNow,
  timeTicks,
  timeToY,
  wheelTime,
  yToTime,
  ZOOM_SPANS_MS,
  zoomIn,
  zoomOut,
} from '../src/ui/timeline/spacetime';
import { timelineText } from '../src/ui/timeline/text';

let nextId = 1;
function msg(from: string, to: string, sentMs: number, deliverMs: number, extra: Partial<MsgRecord> = {}): MsgRecord {
  return { id: nextId++, from, to, conn: 1, kind: 'stream', text: 'SET k v', bytes: 27, sentMs, deliverMs, droppedMs: null, ...extra };
}

const lanes = ['m', 'r1', 'r2'];
const laneOf = new Map(lanes.map((n, i) => [n, i]));

describe('viewport', () => {
  const v = makeViewport(300, 500, lanes, 12_000, 2000);

  it('a 2 s window at 12 s puts now at 80% of the height: 10.4 s … 12.4 s', () => {
    expect(DEFAULT_SPAN_MS).toBe(2000);
    expect(NOW_FRACTION).toBe(0.8);
    expect(v.fromMs).toBe(10_400);
    expect(v.toMs).toBe(12_400);
    expect(timeToY(v, 12_000)).toBe(400);
    expect(timeToY(v, 10_400)).toBe(0);
    expect(timeToY(v, 12_400)).toBe(500);
  });

  it('time flows downward and y maps back to the same time', () => {
    expect(timeToY(v, 11_000)).toBeLessThan(timeToY(v, 11_500));
    for (const ms of [10_400, 11_111, 12_000, 12_399]) expect(yToTime(v, timeToY(v, ms))).toBeCloseTo(ms, 6);
  });

  it('lanes split the width evenly in the order of the nodes, and x finds its lane', () => {
    expect([0, 1, 2].map((i) => laneX(v, i))).toEqual([50, 150, 250]);
    expect(laneAt(v, 0)).toBe(0);
    expect(laneAt(v, 149)).toBe(1);
    expect(laneAt(v, 299)).toBe(2);
    expect(laneAt(v, 1000)).toBe(2);
    expect(laneAt(makeViewport(300, 500, [], 0, 2000), 10)).toBe(-1);
  });

  it('dragging keeps the grabbed time under the pointer; the wheel scrolls a tenth of the window per notch', () => {
    // Dragging down by a quarter of the height goes back a quarter of the window.
    expect(panTime(12_000, 125, v)).toBe(11_500);
    expect(panTime(12_000, -125, v)).toBe(12_500);
    expect(wheelTime(12_000, 100, v)).toBe(12_200);
  });

  it('zoom steps through the window sizes and stops at the ends', () => {
    expect(zoomIn(2000)).toBe(1000);
    expect(zoomOut(2000)).toBe(5000);
    expect(zoomIn(ZOOM_SPANS_MS[0])).toBe(ZOOM_SPANS_MS[0]);
    expect(zoomOut(ZOOM_SPANS_MS[ZOOM_SPANS_MS.length - 1])).toBe(ZOOM_SPANS_MS[ZOOM_SPANS_MS.length - 1]);
  });

  it('grid lines fall on round seconds since the origin', () => {
    expect(timeTicks(10_400, 12_400, 0)).toEqual([10_500, 11_000, 11_500, 12_000]);
    // Relative to an origin that is not a round number.
    expect(timeTicks(1_010_400, 1_012_400, 1_000_000)).toEqual([1_010_500, 1_011_000, 1_011_500, 1_012_000]);
    // Nothing before the origin.
    expect(timeTicks(-1000, 1000, 0)).toEqual([0, 500, 1000]);
  });
});

describe('arrows', () => {
  const v = makeViewport(300, 500, lanes, 12_000, 2000);

  it('run from the sender’s lane at sentMs to the receiver’s lane at deliverMs', () => {
    const a = arrowFor(v, msg('m', 'r1', 11_000, 11_500), laneOf)!;
    expect([a.x1, a.y1, a.x2, a.y2]).toEqual([50, 150, 150, 275]);
    expect(a.dropped).toBe(false);
    expect(arrowFor(v, msg('m', 'gone', 11_000, 11_500), laneOf)).toBeNull();
  });

  it('a dropped message ends where its connection closed', () => {
    const m = msg('m', 'r2', 11_000, 11_800, { droppedMs: 11_400 });
    expect(endOf(m)).toEqual({ endMs: 11_400, dropped: true });
    const a = arrowFor(v, m, laneOf)!;
    expect(a.y2).toBe(timeToY(v, 11_400));
    expect(a.dropped).toBe(true);
    // Closed after it arrived: it was delivered.
    expect(endOf(msg('m', 'r2', 1, 5, { droppedMs: 9 }))).toEqual({ endMs: 5, dropped: false });
  });

  it('are cut at the now line: the part on the wire after now is the future', () => {
    const a = arrowFor(v, msg('m', 'r1', 11_800, 12_200), laneOf)!;
    const { past, future, complete } = splitAtNow(a, 12_000);
    expect(complete).toBe(false);
    expect(past).toEqual({ x1: 50, y1: timeToY(v, 11_800), x2: 100, y2: 400 });
    expect(future).toEqual({ x1: 100, y1: 400, x2: 150, y2: timeToY(v, 12_200) });
    const done = splitAtNow(arrowFor(v, msg('m', 'r1', 11_000, 11_100), laneOf)!, 12_000);
    expect(done.complete).toBe(true);
    expect(done.future).toBeNull();
    const later = splitAtNow(arrowFor(v, msg('m', 'r1', 12_100, 12_200), laneOf)!, 12_000);
    expect(later.past).toBeNull();
    expect(later.future).not.toBeNull();
  });

  it('at most N are kept, the ones sent nearest to now, in send order', () => {
    const msgs = Array.from({ length: 100 }, (_, i) => msg('m', 'r1', i * 10, i * 10 + 5));
    expect(pickNearest(msgs, 500, 1000)).toBe(msgs);
    const kept = pickNearest(msgs, 500, 10);
    expect(kept).toHaveLength(10);
    expect(kept.map((m) => m.sentMs)).toEqual([450, 460, 470, 480, 490, 500, 510, 520, 530, 540]);
    expect(pickNearest(msgs, 5000, 3).map((m) => m.sentMs)).toEqual([970, 980, 990]);
    expect(pickNearest(msgs, -100, 2).map((m) => m.sentMs)).toEqual([0, 10]);
  });

  it('hit testing finds the nearest drawn arrow within the tolerance', () => {
    expect(distToSegment(5, 5, { x1: 0, y1: 0, x2: 10, y2: 0 })).toBe(5);
    expect(distToSegment(-3, 4, { x1: 0, y1: 0, x2: 10, y2: 0 })).toBe(5);
    const a = arrowFor(v, msg('m', 'r1', 11_000, 11_000), laneOf)!; // horizontal at y 150
    const b = arrowFor(v, msg('r1', 'r2', 11_000, 11_000), laneOf)!;
    expect(hitArrow([a, b], 100, 153, 6, 12_000, true)).toBe(a);
    expect(hitArrow([a, b], 200, 148, 6, 12_000, true)).toBe(b);
    expect(hitArrow([a, b], 100, 170, 6, 12_000, true)).toBeNull();
  });

  it('while live, the part after now cannot be hit (it is not drawn)', () => {
    const a = arrowFor(v, msg('m', 'r1', 11_800, 12_200), laneOf)!;
    const futureMid = { x: 125, y: (400 + timeToY(v, 12_200)) / 2 };
    expect(hitArrow([a], futureMid.x, futureMid.y, 4, 12_000, true)).toBeNull();
    expect(hitArrow([a], futureMid.x, futureMid.y, 4, 12_000, false)).toBe(a);
  });
});

describe('labels', () => {
  const v = makeViewport(300, 500, lanes, 12_000, 2000);

  it('an arrow is labelled only when the text fits between its lanes', () => {
    const a = arrowFor(v, msg('m', 'r1', 11_000, 11_200), laneOf)!; // 100 px apart
    expect(arrowLabelRect(a, 60, 12)).toEqual({ x: 100 - 30 - 2, y: timeToY(v, 11_100) - 6, w: 64, h: 12 });
    expect(arrowLabelRect(a, 95, 12)).toBeNull();
  });

  it('placement keeps the first of overlapping labels and drops those outside the canvas', () => {
    const kept = placeLabels(
      [
        { x: 10, y: 10, w: 50, h: 12 },
        { x: 40, y: 15, w: 50, h: 12 },
        { x: 70, y: 15, w: 50, h: 12 },
        { x: 280, y: 15, w: 50, h: 12 },
      ],
      300,
      500,
    );
    expect(kept).toEqual([0, 2]);
    expect(placeLabels([{ x: 0, y: 0, w: 1, h: 1 }, { x: 5, y: 5, w: 1, h: 1 }], 300, 500, 1)).toEqual([0]);
  });

  it('a message label is its command and size, shortened when long', () => {
    expect(messageLabel(msg('m', 'r1', 0, 1))).toBe('SET k v 27 B');
    expect(messageLabel(msg('m', 'r1', 0, 1, { text: 'SET key a-very-long-value-indeed', bytes: 60 }), 12)).toBe('SET key a-v… 60 B');
  });
});

describe('text alternative', () => {
  it('lists the last messages sent in the window up to now, oldest first', () => {
    const msgs = [msg('m', 'r1', 100, 120), msg('r1', 'm', 200, 220, { kind: 'ack', text: 'REPLCONF ACK 27', bytes: 38 }), msg('m', 'r1', 300, 320), msg('m', 'r1', 50, 60)];
    expect(recentMessages(msgs, 80, 250).map((m) => m.sentMs)).toEqual([100, 200]);
    expect(recentMessages(msgs, 0, 1000, 2).map((m) => m.sentMs)).toEqual([200, 300]);
  });

  it('reads like “m → r1 SET k v 27 B at 12.301 s”', () => {
    expect(timelineText.en.msgLine('m', 'r1', 'SET k v', 27, timelineText.en.seconds('12.301'), false)).toBe('m → r1 SET k v 27 B at 12.301 s');
    expect(timelineText.en.msgLine('m', 'r1', 'SET k v', 27, '1.000 s', true)).toContain('dropped');
    expect(timelineText.ko.msgLine('m', 'r1', 'SET k v', 27, timelineText.ko.seconds('12.301'), false)).toContain('12.301초');
  });
});
