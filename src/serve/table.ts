// The table of served nodes printed at start, and the lines of the admin
// port's NODES command: who is master of whom and where to connect.

import type { NodeView } from '../engine/api';
import type { World } from '../engine/world';

function roleOf(v: NodeView): string {
  if (v.sentinel) return 'sentinel';
  return v.role === 'slave' ? 'replica' : 'master';
}

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/** The start-up table: name, role, port, master. */
export function startTable(world: World, host: string, portOf: (node: string) => number | undefined, adminPort: number): string[] {
  const rows = [['NODE', 'ROLE', 'PORT', 'REPLICA OF']];
  for (const v of world.views()) {
    const master = v.sentinel ? '' : (v.masterName ?? (v.role === 'slave' ? '?' : '-'));
    rows.push([v.name, roleOf(v), String(portOf(v.name) ?? v.port), master]);
  }
  rows.push(['(admin)', '', String(adminPort), '']);
  return [...pad(rows), '', `Connect with: redis-cli -h ${host} -p ${portOf(world.state.nodeOrder[0]) ?? ''}`];
}

/** NODES on the admin port: one line per node with its state now. */
export function nodeLines(world: World, portOf: (node: string) => number | undefined): string[] {
  const rows: string[][] = [];
  for (const v of world.views()) {
    const state = v.up ? 'up' : 'down';
    let detail = '';
    if (v.up && !v.sentinel) {
      if (v.role === 'slave') detail = `master=${v.masterName ?? '?'} link=${v.linkState} offset=${v.offset}`;
      else detail = `offset=${v.offset} replicas=${v.replicas.map((r) => `${r.name}(${r.state},ack=${r.ackOffset})`).join(',') || '-'}`;
    }
    rows.push([v.name, roleOf(v), `port=${portOf(v.name) ?? v.port}`, state, detail]);
  }
  return rows.length ? pad(rows) : [];
}
