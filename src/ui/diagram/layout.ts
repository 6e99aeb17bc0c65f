// Where each node sits in the diagram's logical space (VIEW_W × VIEW_H; the
// svg and the canvas of messages use the same coordinates, and show the part
// the cards use, see contentBox). Pure and deterministic: the same nodes and
// the same previous layout give the same result.
//
// The replication tree decides the row: masters on row 0, their replicas on
// row 1, a replica of a replica on row 2 (deeper chains share row 3).
// Sentinels stand in a column at the right. Positions are slots of a fixed
// grid, and a node keeps its slot for as long as its place in the tree (level
// and master) is the same, so adding, removing or re-pointing one node never
// moves the others: a learner's eye stays on r1 while r3 joins.

export const VIEW_W = 1000;
export const VIEW_H = 700;
/** Width to height of the diagram on screen (the part shown is fitted to the cards, see contentBox). */
export const ASPECT = 5 / 3;

/** A Redis node's card. */
export const NODE_W = 124;
export const NODE_H = 88;
/** A Sentinel's card (it has no offset or link to show). */
export const SENTINEL_W = 110;
export const SENTINEL_H = 60;

/**
 * The main grid has half-columns 68 units apart: a card spans two of them,
 * so neighbours sit at least 136 apart (12 units of air between cards), and a
 * replica can stand half a column beside its master, which keeps two replicas
 * of one master symmetric under it.
 */
const HALF_COLS = 11;
const HALF_COL_X0 = 70;
const HALF_COL_DX = 68;
const CENTER_HALF_COL = 5;
const ROW_Y0 = 52;
const ROW_DY = 200;
export const ROWS = 4;
const SENTINEL_X = 912;
const SENTINEL_Y0 = 50;
const SENTINEL_DY = 130;
const SENTINEL_SLOTS = 5;

/** What the layout needs of a node (NodeView has it). */
export interface LayoutInput {
  name: string;
  role: 'master' | 'slave';
  masterName: string | null;
  sentinel?: boolean;
}

export interface Placement {
  name: string;
  /** Centre of the card. */
  x: number;
  y: number;
  w: number;
  h: number;
  column: 'main' | 'sentinel';
  /** Main grid: row 0..ROWS-1 and half-column 0..10; Sentinel column: row = slot, col = 0. */
  row: number;
  col: number;
  /** Depth in the replication tree (0: master); -1 for a Sentinel. */
  level: number;
  /** The master it replicates from, when that master is in the diagram. */
  parent: string | null;
}

export interface Layout {
  placements: Placement[];
  byName: ReadonlyMap<string, Placement>;
}

/** The key that changes only when the layout can change (so callers can memoise on it). */
export function layoutKey(nodes: readonly LayoutInput[]): string {
  return nodes.map((n) => `${n.name}|${n.sentinel ? 's' : n.role}|${n.masterName ?? ''}`).join(';');
}

interface TreePos {
  level: number;
  parent: string | null;
}

/**
 * Level and master of each Redis node. A replica whose master is not in the
 * diagram (REPLICAOF to an unknown address) sits on the replica row without a
 * parent; so does a node caught in a replication cycle (A replica of B replica
 * of A, which Redis allows for a while), at the point where the cycle closes.
 */
function treePositions(nodes: readonly LayoutInput[]): Map<string, TreePos> {
  const redis = new Map<string, LayoutInput>();
  for (const n of nodes) if (!n.sentinel) redis.set(n.name, n);
  const out = new Map<string, TreePos>();
  const visiting = new Set<string>();
  const visit = (n: LayoutInput): TreePos => {
    const known = out.get(n.name);
    if (known) return known;
    let pos: TreePos;
    const parentNode = n.role === 'slave' && n.masterName !== null && n.masterName !== n.name ? redis.get(n.masterName) : undefined;
    if (n.role === 'master') pos = { level: 0, parent: null };
    else if (!parentNode || visiting.has(parentNode.name)) pos = { level: 1, parent: null };
    else {
      visiting.add(n.name);
      pos = { level: visit(parentNode).level + 1, parent: parentNode.name };
      visiting.delete(n.name);
    }
    out.set(n.name, pos);
    return pos;
  };
  for (const n of redis.values()) visit(n);
  return out;
}

function halfColX(hc: number): number {
  return HALF_COL_X0 + hc * HALF_COL_DX;
}

function rowY(row: number): number {
  return ROW_Y0 + row * ROW_DY;
}

/** Rows to try for a node of this level: its own row first, then deeper rows, then shallower ones. */
function rowOrder(level: number): number[] {
  const pref = Math.min(level, ROWS - 1);
  const order = [pref];
  for (let r = pref + 1; r < ROWS; r++) order.push(r);
  for (let r = pref - 1; r >= 0; r--) order.push(r);
  return order;
}

/**
 * Free half-columns of a row in the order a new node prefers them. A master
 * takes the centre, then spreads outwards. A replica takes the half-columns
 * beside its master's (−1, +1, −3, +3 …) before the ones in line with it, so
 * two replicas stand symmetric below their master.
 */
function colOrder(target: number, child: boolean): number[] {
  const cols = Array.from({ length: HALF_COLS }, (_, i) => i);
  const key = (hc: number): [number, number, number] => {
    const d = hc - target;
    const parity = child ? (Math.abs(d) % 2 === 1 ? 0 : 1) : 0;
    return [parity, Math.abs(d), d > 0 ? 1 : 0];
  };
  return cols.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
}

class Grid {
  private main: number[][] = Array.from({ length: ROWS }, () => []);
  private sentinel = new Set<number>();

  mainFree(row: number, hc: number): boolean {
    return hc >= 0 && hc < HALF_COLS && this.main[row].every((o) => Math.abs(o - hc) >= 2);
  }
  takeMain(row: number, hc: number): void {
    this.main[row].push(hc);
  }
  sentinelFree(slot: number): boolean {
    return slot >= 0 && slot < SENTINEL_SLOTS && !this.sentinel.has(slot);
  }
  takeSentinel(slot: number): void {
    this.sentinel.add(slot);
  }
}

function mainPlacement(name: string, row: number, hc: number, pos: TreePos): Placement {
  return { name, x: halfColX(hc), y: rowY(row), w: NODE_W, h: NODE_H, column: 'main', row, col: hc, level: pos.level, parent: pos.parent };
}

function sentinelPlacement(name: string, slot: number): Placement {
  return { name, x: SENTINEL_X, y: SENTINEL_Y0 + slot * SENTINEL_DY, w: SENTINEL_W, h: SENTINEL_H, column: 'sentinel', row: slot, col: 0, level: -1, parent: null };
}

/**
 * Place `nodes` (up to a dozen; more still get distinct slots while the grid
 * has room) given the previous layout. Nodes whose tree position is unchanged
 * keep their slot; the others take the best free slot for their new position.
 */
export function layoutTopology(nodes: readonly LayoutInput[], previous: Layout | null): Layout {
  const tree = treePositions(nodes);
  const grid = new Grid();
  const placed = new Map<string, Placement>();
  const pending: LayoutInput[] = [];

  for (const n of nodes) {
    const kept = keepSlot(n, previous?.byName.get(n.name), tree.get(n.name), grid);
    if (kept) placed.set(n.name, kept);
    else pending.push(n);
  }

  // Parents before children, so a replica can stand near its master; ties in input order.
  const levelOf = (n: LayoutInput) => (n.sentinel ? Number.POSITIVE_INFINITY : tree.get(n.name)!.level);
  const order = pending.map((n, i) => ({ n, i })).sort((a, b) => levelOf(a.n) - levelOf(b.n) || a.i - b.i);

  for (const { n } of order) {
    if (n.sentinel) {
      let slot = 0;
      while (slot < SENTINEL_SLOTS && !grid.sentinelFree(slot)) slot++;
      if (slot < SENTINEL_SLOTS) {
        grid.takeSentinel(slot);
        placed.set(n.name, sentinelPlacement(n.name, slot));
        continue;
      }
      // More Sentinels than the column holds: the main grid, bottom right first.
      const spot = findMainSlot(grid, [ROWS - 1, ROWS - 2, 1, 0], colOrder(HALF_COLS - 1, false));
      if (spot) placed.set(n.name, sentinelInGrid(grid, n.name, spot[0], spot[1]));
      continue;
    }
    const pos = tree.get(n.name)!;
    const parent = pos.parent ? placed.get(pos.parent) : undefined;
    const target = parent && parent.column === 'main' ? parent.col : CENTER_HALF_COL;
    const spot = findMainSlot(grid, rowOrder(pos.level), colOrder(target, pos.parent !== null));
    if (spot) {
      grid.takeMain(spot[0], spot[1]);
      placed.set(n.name, mainPlacement(n.name, spot[0], spot[1], pos));
    }
  }

  const placements = nodes.flatMap((n) => {
    const p = placed.get(n.name);
    return p ? [p] : [];
  });
  return { placements, byName: new Map(placements.map((p) => [p.name, p])) };
}

/** The node's previous slot, taken again, when its place in the tree is unchanged. */
function keepSlot(n: LayoutInput, prev: Placement | undefined, pos: TreePos | undefined, grid: Grid): Placement | null {
  if (!prev) return null;
  if (n.sentinel) {
    if (prev.column === 'sentinel' && grid.sentinelFree(prev.row)) {
      grid.takeSentinel(prev.row);
      return sentinelPlacement(n.name, prev.row);
    }
    return prev.column === 'main' && prev.level === -1 && grid.mainFree(prev.row, prev.col) ? sentinelInGrid(grid, n.name, prev.row, prev.col) : null;
  }
  if (!pos || prev.column !== 'main' || prev.level !== pos.level || prev.parent !== pos.parent || !grid.mainFree(prev.row, prev.col)) return null;
  grid.takeMain(prev.row, prev.col);
  return mainPlacement(n.name, prev.row, prev.col, pos);
}

function sentinelInGrid(grid: Grid, name: string, row: number, hc: number): Placement {
  grid.takeMain(row, hc);
  return { ...mainPlacement(name, row, hc, { level: -1, parent: null }), w: SENTINEL_W, h: SENTINEL_H };
}

/** A rectangle in logical units. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room around the cards for the badges and labels drawn above and beside them. */
const FIT_MARGIN = 44;
/** At most this many CSS px per logical unit: three nodes are drawn large but never huge. */
export const FIT_MAX_SCALE = 1.6;

/**
 * The part of the logical space to show on an element of cssW × cssH: the
 * cards' bounding box with a margin, widened to the element's aspect, and
 * wide enough that a logical unit is at most FIT_MAX_SCALE px. A default
 * topology then fills the diagram instead of a corner of it, on a wide
 * screen and on a phone; the box changes only when the cards' extent or the
 * element's size does.
 */
export function contentBox(layout: Layout, cssW: number, cssH: number): Box {
  const aspect = cssW > 0 && cssH > 0 ? cssW / cssH : ASPECT;
  const minW = cssW > 0 ? cssW / FIT_MAX_SCALE : VIEW_W * 0.6;
  if (layout.placements.length === 0) return { x: 0, y: 0, w: VIEW_W, h: VIEW_W / aspect };
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const p of layout.placements) {
    x0 = Math.min(x0, p.x - p.w / 2);
    y0 = Math.min(y0, p.y - p.h / 2);
    x1 = Math.max(x1, p.x + p.w / 2);
    y1 = Math.max(y1, p.y + p.h / 2);
  }
  x0 -= FIT_MARGIN;
  y0 -= FIT_MARGIN;
  x1 += FIT_MARGIN;
  y1 += FIT_MARGIN;
  const w = Math.max(minW, x1 - x0, (y1 - y0) * aspect);
  const h = w / aspect;
  return { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h };
}

function findMainSlot(grid: Grid, rows: readonly number[], cols: readonly number[]): [number, number] | null {
  for (const r of rows) for (const c of cols) if (grid.mainFree(r, c)) return [r, c];
  return null;
}
