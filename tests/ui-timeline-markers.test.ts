// Timeline marks as pure data: which inputs and trace events get a mark,
// how they merge at a width, their labels, and that keeping them up to date
// costs only the new part of the trace.

import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../src/engine/api';
import type { StateEvent } from '../src/state/traceLog';
import {
  groupLabel,
  groupMarks,
  inputsAfter,
  type Mark,
  markLabel,
  marksFromInputs,
  mergeGapMs,
  mergeRows,
  TraceMarks,
} from '../src/ui/timeline/markers';
import { timelineText } from '../src/ui/timeline/text';

const en = timelineText.en;
const ko = timelineText.ko;

const cmd = (atMs: number, node: string, ...argv: string[]): TimedInput => ({ atMs, input: { t: 'command', node, argv } });

describe('marks from the person’s inputs', () => {
  const inputs: TimedInput[] = [
    { atMs: 0, input: { t: 'node', name: 'm', config: [] } },
    { atMs: 1000, input: { t: 'connect', node: 'm' } },
    cmd(1000, 'm', 'SET', 'k', 'v'),
    { atMs: 2000, input: { t: 'crash', node: 'r1' } },
    { atMs: 3000, input: { t: 'link', a: 'm', b: 'r1', props: { cut: true } } },
    { atMs: 3500, input: { t: 'link', a: 'm', b: 'r1', props: { latencyMs: 50, loss: 0.1 } } },
  ];

  it('leave out console connections and the setup before the origin', () => {
    const marks = marksFromInputs(inputs, 500);
    expect(marks.map((m) => m.kind)).toEqual(['command', 'fault', 'network', 'network']);
  });

  it('read like what the person did', () => {
    const labels = marksFromInputs(inputs, 0).map((m) => markLabel(m, en));
    expect(labels).toEqual(['add node m', 'm: SET k v', 'crash r1', 'cut the link m–r1', 'link m–r1: latency 50 ms, loss 10%']);
    expect(markLabel(marksFromInputs(inputs, 0)[2], ko)).toBe('r1 크래시');
  });

  it('a branch counts the discarded inputs that have a mark', () => {
    expect(inputsAfter(inputs, 999)).toBe(4);
    expect(inputsAfter(inputs, 2000)).toBe(2);
    expect(inputsAfter(inputs, 10_000)).toBe(0);
  });
});

const ev = {
  sync: (atMs: number, kind: 'full' | 'partial'): StateEvent => ({ t: 'sync', node: 'm', kind, replica: 'r1', atMs }),
  down: (atMs: number): StateEvent => ({ t: 'node-down', node: 'r1', atMs }),
  cmd: (atMs: number): StateEvent => ({ t: 'command', node: 'm', client: 1, argv: ['SET', 'k', 'v'], atMs }),
  role: (atMs: number): StateEvent => ({ t: 'role', node: 'r1', role: 'slave', masterName: 'm', atMs }),
  rejected: (atMs: number): StateEvent => ({ t: 'rejected', node: 'r1', client: 3, argv: ['SET', 'k', 'v'], error: "READONLY You can't write against a read only replica.", atMs }),
};

describe('marks from the trace', () => {
  it('only notable events get one, labelled in both languages', () => {
    const tm = new TraceMarks();
    const marks = tm.update([ev.cmd(1), ev.sync(2, 'full'), ev.role(3), ev.rejected(4), ev.down(5), ev.sync(6, 'partial')], 1);
    expect(marks.map((m) => m.kind)).toEqual(['sync-full', 'role', 'rejected', 'down', 'sync-partial']);
    expect(marks.map((m) => markLabel(m, en))).toEqual([
      'full sync m → r1',
      'r1 is now a replica of m',
      'r1 rejected SET k v: READONLY',
      'r1 down',
      'partial resync m → r1',
    ]);
    expect(markLabel(marks[0], ko)).toBe('전체 동기화 m → r1');
  });

  it('growing the trace scans only the new tail and keeps the array when nothing notable came', () => {
    const events: StateEvent[] = [ev.sync(10, 'full'), ev.cmd(11)];
    const tm = new TraceMarks();
    const first = tm.update(events, 1);
    expect(first).toHaveLength(1);
    events.push(ev.cmd(12), ev.cmd(13));
    expect(tm.update(events, 2)).toBe(first);
    events.push(ev.down(14));
    const third = tm.update(events, 3);
    expect(third).not.toBe(first);
    expect(third.map((m) => m.atMs)).toEqual([10, 14]);
    // The same version does not even look at the list.
    events.push(ev.down(15));
    expect(tm.update(events, 3)).toBe(third);
  });

  it('a truncated or cleared trace is scanned again from the start', () => {
    const events: StateEvent[] = [ev.sync(10, 'full'), ev.down(20), ev.role(30)];
    const tm = new TraceMarks();
    expect(tm.update(events, 1)).toHaveLength(3);
    events.length = 1; // a branch at 15 ms
    expect(tm.update(events, 2).map((m) => m.atMs)).toEqual([10]);
    events.push(ev.role(16));
    expect(tm.update(events, 3).map((m) => m.atMs)).toEqual([10, 16]);
    events.length = 0; // a new world
    expect(tm.update(events, 4)).toHaveLength(0);
  });

  it('an event inserted before the scanned end (out of order) is not missed', () => {
    const a = ev.sync(10, 'full');
    const c = ev.down(30);
    const events: StateEvent[] = [a, c];
    const tm = new TraceMarks();
    tm.update(events, 1);
    events.splice(1, 0, ev.role(20));
    expect(tm.update(events, 2).map((m) => m.atMs)).toEqual([10, 20, 30]);
  });

  it('stays cheap with 300,000 trace events and a few marks', () => {
    const events: StateEvent[] = [];
    for (let i = 0; i < 300_000; i++) events.push(i % 30_000 === 0 ? ev.down(i) : ev.cmd(i));
    const tm = new TraceMarks();
    expect(tm.update(events, 1)).toHaveLength(10);
    events.push(ev.cmd(300_001));
    const start = performance.now();
    for (let v = 2; v < 1000; v++) tm.update(events, v);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('merging marks that would overlap', () => {
  it('the merge distance is a power of two of ms covering the minimum gap in pixels', () => {
    // 60 s on 600 px with 10 px between marks needs 1000 ms → 1024.
    expect(mergeGapMs(60_000, 600, 10)).toBe(1024);
    // It does not move while the session grows a little.
    expect(mergeGapMs(61_000, 600, 10)).toBe(1024);
    expect(mergeGapMs(62_000, 600, 10)).toBe(2048);
    // A short session on a wide track: 1 ms.
    expect(mergeGapMs(100, 2000, 10)).toBe(1);
  });

  const mk = (atMs: number, kind: Mark['kind'] = 'command'): Mark =>
    kind === 'command' ? { row: 'input', atMs, kind, input: { t: 'command', node: 'm', argv: ['SET', 'k', String(atMs)] } } : { row: 'input', atMs, kind: 'fault', input: { t: 'crash', node: 'r1' } };

  it('marks closer than the gap share a marker at the first one’s time; markers stay a gap apart', () => {
    const marks = [mk(0), mk(5), mk(9), mk(10), mk(25), mk(100)];
    const groups = groupMarks(marks, 10);
    expect(groups.map((g) => [g.atMs, g.marks.length])).toEqual([
      [0, 3],
      [10, 1],
      [25, 1],
      [100, 1],
    ]);
    for (let i = 1; i < groups.length; i++) expect(groups[i].atMs - groups[i - 1].atMs).toBeGreaterThanOrEqual(10);
  });

  it('a merged marker shows its most important kind (a crash among commands)', () => {
    const groups = groupMarks([mk(0), mk(1, 'fault'), mk(2)], 10);
    expect(groups).toHaveLength(1);
    expect(groups[0].kind).toBe('fault');
    const label = groupLabel(groups[0], en, '0.000 s');
    expect(label.split('\n')).toEqual(['3 events around 0.000 s', 'm: SET k 0', 'crash r1', 'm: SET k 2']);
  });

  it('a long group lists the first few and how many more', () => {
    const marks = Array.from({ length: 10 }, (_, i) => mk(i));
    const label = groupLabel(groupMarks(marks, 100)[0], en, '0.000 s', 3);
    expect(label.split('\n')).toHaveLength(5);
    expect(label.endsWith('…and 7 more')).toBe(true);
  });

  it('thousands of marks merge to at most one marker per gap', () => {
    const marks = Array.from({ length: 5000 }, (_, i) => mk(i * 7));
    const span = 5000 * 7;
    const gap = mergeGapMs(span, 800, 10);
    const groups = groupMarks(marks, gap);
    expect(groups.length).toBeLessThanOrEqual(800 / 10 + 1);
    expect(groups.reduce((n, g) => n + g.marks.length, 0)).toBe(5000);
  });

  it('both rows merge into one time-ordered list for keyboard navigation', () => {
    const a = groupMarks([mk(0), mk(50)], 1);
    const tm = new TraceMarks();
    const b = groupMarks(tm.update([ev.down(20), ev.role(70)], 1), 1);
    expect(mergeRows(a, b).map((g) => g.atMs)).toEqual([0, 20, 50, 70]);
  });
});
