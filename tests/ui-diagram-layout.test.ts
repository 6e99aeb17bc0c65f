import { describe, expect, it } from 'vitest';
import { contentBox, FIT_MAX_SCALE, type Layout, type LayoutInput, layoutTopology, NODE_W, type Placement, VIEW_H, VIEW_W } from '../src/ui/diagram/layout';

const master = (name: string): LayoutInput => ({ name, role: 'master', masterName: null });
const replica = (name: string, of: string | null): LayoutInput => ({ name, role: 'slave', masterName: of });
const sentinel = (name: string): LayoutInput => ({ name, role: 'master', masterName: null, sentinel: true });

function pos(l: Layout, name: string): { x: number; y: number } {
  const p = l.byName.get(name);
  if (!p) throw new Error(`${name} not placed`);
  return { x: p.x, y: p.y };
}

/** Every card inside the view, no two cards overlapping, centres at least a card's width apart. */
function expectReadable(l: Layout, count: number): void {
  expect(l.placements).toHaveLength(count);
  for (const p of l.placements) {
    expect(p.x - p.w / 2).toBeGreaterThanOrEqual(0);
    expect(p.x + p.w / 2).toBeLessThanOrEqual(VIEW_W);
    expect(p.y - p.h / 2).toBeGreaterThanOrEqual(0);
    expect(p.y + p.h / 2).toBeLessThanOrEqual(VIEW_H);
  }
  const ps: Placement[] = l.placements;
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const a = ps[i];
      const b = ps[j];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      expect(d, `${a.name} and ${b.name}`).toBeGreaterThanOrEqual(Math.max(a.w, b.w));
      const overlapX = Math.abs(a.x - b.x) < (a.w + b.w) / 2;
      const overlapY = Math.abs(a.y - b.y) < (a.h + b.h) / 2;
      expect(overlapX && overlapY, `${a.name} overlaps ${b.name}`).toBe(false);
    }
  }
}

describe('topology layout', () => {
  it('puts masters on the top row, their replicas below and a chained replica a row further down', () => {
    const l = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'r1')], null);
    expect(pos(l, 'm').y).toBeLessThan(pos(l, 'r1').y);
    expect(pos(l, 'r1').y).toBeLessThan(pos(l, 'r2').y);
    expect(l.byName.get('r2')?.level).toBe(2);
    expect(l.byName.get('r2')?.parent).toBe('r1');
  });

  it('stands two replicas of one master symmetrically under it', () => {
    const l = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm')], null);
    const m = pos(l, 'm');
    expect(pos(l, 'r1').x + pos(l, 'r2').x).toBeCloseTo(2 * m.x);
    expect(pos(l, 'r1').y).toBe(pos(l, 'r2').y);
  });

  it('puts Sentinels in a column at the side, right of every Redis node', () => {
    const l = layoutTopology([master('m'), replica('r1', 'm'), sentinel('s1'), sentinel('s2'), sentinel('s3')], null);
    const xs = ['s1', 's2', 's3'].map((s) => pos(l, s).x);
    expect(new Set(xs).size).toBe(1);
    expect(xs[0]).toBeGreaterThan(Math.max(pos(l, 'm').x, pos(l, 'r1').x) + NODE_W);
    expect(l.byName.get('s1')?.column).toBe('sentinel');
  });

  it('keeps 12 nodes readable: one master with eleven replicas', () => {
    const nodes = [master('m'), ...Array.from({ length: 11 }, (_, i) => replica(`r${i + 1}`, 'm'))];
    expectReadable(layoutTopology(nodes, null), 12);
  });

  it('keeps 12 nodes readable: a chain of twelve', () => {
    const nodes = [master('n0'), ...Array.from({ length: 11 }, (_, i) => replica(`n${i + 1}`, `n${i}`))];
    expectReadable(layoutTopology(nodes, null), 12);
  });

  it('keeps 12 nodes readable: two masters, their replicas, and Sentinels', () => {
    const nodes = [
      master('a'),
      master('b'),
      replica('a1', 'a'),
      replica('a2', 'a'),
      replica('a3', 'a'),
      replica('b1', 'b'),
      replica('b2', 'b'),
      replica('c1', 'a1'),
      replica('c2', 'b1'),
      sentinel('s1'),
      sentinel('s2'),
      sentinel('s3'),
    ];
    expectReadable(layoutTopology(nodes, null), 12);
  });

  it('keeps 12 nodes readable: seven Sentinels overflow the column', () => {
    const nodes = [master('m'), ...Array.from({ length: 4 }, (_, i) => replica(`r${i + 1}`, 'm')), ...Array.from({ length: 7 }, (_, i) => sentinel(`s${i + 1}`))];
    expectReadable(layoutTopology(nodes, null), 12);
  });

  it('does not move the others when a node is added', () => {
    const before = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm'), sentinel('s1')], null);
    const after = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm'), sentinel('s1'), replica('r3', 'm'), sentinel('s2')], before);
    for (const n of ['m', 'r1', 'r2', 's1']) expect(pos(after, n)).toEqual(pos(before, n));
    expect(after.byName.has('r3')).toBe(true);
    expectReadable(after, 6);
  });

  it('does not move the others when a node is removed, and reuses its slot for a newcomer', () => {
    const before = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm'), replica('r3', 'm')], null);
    const after = layoutTopology([master('m'), replica('r1', 'm'), replica('r3', 'm')], before);
    for (const n of ['m', 'r1', 'r3']) expect(pos(after, n)).toEqual(pos(before, n));
    expect(after.byName.has('r2')).toBe(false);
    const again = layoutTopology([master('m'), replica('r1', 'm'), replica('r3', 'm'), replica('r4', 'm')], after);
    expect(pos(again, 'r4')).toEqual(pos(before, 'r2'));
  });

  it('moves a promoted replica to the master row and leaves the rest in place', () => {
    const before = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm')], null);
    // REPLICAOF NO ONE on r1; r2 still follows m.
    const after = layoutTopology([master('m'), master('r1'), replica('r2', 'm')], before);
    expect(pos(after, 'r1').y).toBe(pos(after, 'm').y);
    expect(pos(after, 'm')).toEqual(pos(before, 'm'));
    expect(pos(after, 'r2')).toEqual(pos(before, 'r2'));
    expectReadable(after, 3);
  });

  it('after a failover the old master drops to the replica row and the new one rises', () => {
    const before = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm')], null);
    const after = layoutTopology([replica('m', 'r1'), master('r1'), replica('r2', 'r1')], before);
    expect(after.byName.get('r1')?.row).toBe(0);
    expect(after.byName.get('m')?.row).toBe(1);
    expect(after.byName.get('r2')?.row).toBe(1);
    expectReadable(after, 3);
  });

  it('is deterministic', () => {
    const nodes = [master('m'), replica('r1', 'm'), replica('r2', 'r1'), sentinel('s1'), replica('x', 'nowhere')];
    const a = layoutTopology(nodes, null);
    const b = layoutTopology(nodes, null);
    expect(a.placements).toEqual(b.placements);
    expect(layoutTopology(nodes, a).placements).toEqual(a.placements);
  });

  it('places a replication cycle and a replica of an unknown master without looping', () => {
    const l = layoutTopology([replica('a', 'b'), replica('b', 'a'), replica('c', 'ghost')], null);
    expectReadable(l, 3);
    expect(l.byName.get('c')?.level).toBe(1);
    expect(l.byName.get('c')?.parent).toBeNull();
  });

  it("shows the part of the space the cards use, at the element's aspect, never magnified past the cap", () => {
    const three = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm')], null);
    for (const [w, h] of [
      [975, 585],
      [351, 320],
      [1400, 500],
    ]) {
      const box = contentBox(three, w, h);
      expect(box.w / box.h).toBeCloseTo(w / h, 6);
      expect(w / box.w).toBeLessThanOrEqual(FIT_MAX_SCALE + 1e-9);
      for (const p of three.placements) {
        expect(p.x - p.w / 2).toBeGreaterThanOrEqual(box.x);
        expect(p.x + p.w / 2).toBeLessThanOrEqual(box.x + box.w);
        expect(p.y - p.h / 2).toBeGreaterThanOrEqual(box.y);
        expect(p.y + p.h / 2).toBeLessThanOrEqual(box.y + box.h);
      }
    }
    // On a phone the three cards are drawn near full size, not at a third of it.
    const phone = contentBox(three, 351, 320);
    expect(351 / phone.w).toBeGreaterThan(0.85);
    // A fourth replica beside the others widens the box to take it in.
    const four = layoutTopology([master('m'), replica('r1', 'm'), replica('r2', 'm'), replica('r3', 'm')], three);
    const box4 = contentBox(four, 975, 585);
    const r3 = four.byName.get('r3')!;
    expect(box4.x).toBeLessThanOrEqual(r3.x - r3.w / 2);
    expect(box4.x + box4.w).toBeGreaterThanOrEqual(r3.x + r3.w / 2);
  });
});
