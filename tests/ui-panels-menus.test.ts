// What the node menu, link menu and topology bar offer and send, decided from
// the engine's NodeView and LinkView alone; and where popovers go.

import { describe, expect, it } from 'vitest';
import type { NodeView } from '../src/engine/api';
import {
  BANDWIDTH_STEPS,
  bandwidthIndex,
  formatBandwidth,
  formatLatency,
  LATENCY_STEPS_MS,
  latencyIndex,
  lossPercent,
  parseLinkForm,
} from '../src/ui/panels/linkScales';
import { nodeMenuItems, pickItems } from '../src/ui/panels/nodeActions';
import { menuFocusAfter, placePopover, tabFocusAfter } from '../src/ui/panels/placement';
import { addNodeBlock, MAX_NODES, replicaSources } from '../src/ui/panels/topology';
import type { LinkView } from '../src/worker/protocol';

function view(name: string, port: number, over: Partial<NodeView> = {}): NodeView {
  return {
    name,
    host: '127.0.0.1',
    port,
    up: true,
    role: 'master',
    linkState: 'none',
    masterName: null,
    replid: '0'.repeat(40),
    offset: 0,
    keys: 0,
    persistence: 'none',
    replicas: [],
    syncProgress: null,
    ...over,
  };
}

const m = view('m', 6379, { replicas: [{ name: 'r1', state: 'online', ackOffset: 0, lagMs: 0 }] });
const r1 = view('r1', 6380, { role: 'slave', masterName: 'm', linkState: 'connected' });
const r2 = view('r2', 6381, { role: 'slave', masterName: 'm', linkState: 'connected' });
const nodes = [m, r1, r2];

function item(name: string, id: string, list = nodes) {
  const found = nodeMenuItems(name, list).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} for ${name}`);
  return found;
}

describe('node menu', () => {
  it('crash when up, restart when down', () => {
    expect(item('m', 'crash')).toMatchObject({ disabled: null, action: { kind: 'fault', fault: { kind: 'crash', node: 'm' } } });
    expect(item('m', 'restart').disabled).toBe('node-up');
    const down = [view('m', 6379, { up: false }), r1];
    expect(item('m', 'crash', down).disabled).toBe('node-down');
    expect(item('m', 'restart', down)).toMatchObject({ disabled: null, action: { fault: { kind: 'restart', node: 'm' } } });
  });

  it('promote sends REPLICAOF NO ONE to a replica, and is disabled on a master or a down node', () => {
    expect(item('r1', 'promote')).toMatchObject({ disabled: null, action: { kind: 'command', node: 'r1', line: 'REPLICAOF NO ONE' } });
    expect(item('m', 'promote').disabled).toBe('already-master');
    expect(item('r1', 'promote', [m, view('r1', 6380, { role: 'slave', masterName: 'm', up: false })]).disabled).toBe('node-down');
  });

  it('FAILOVER on a master with replicas; on a replica, FAILOVER TO its address is sent to its master', () => {
    expect(item('m', 'failover')).toMatchObject({ disabled: null, action: { kind: 'command', node: 'm', line: 'FAILOVER' } });
    expect(item('r2', 'failover-to')).toMatchObject({ disabled: null, action: { kind: 'command', node: 'm', line: 'FAILOVER TO 127.0.0.1 6381' } });
    expect(nodeMenuItems('m', nodes).some((i) => i.id === 'failover-to')).toBe(false);
    expect(item('m', 'failover', [view('m', 6379), r1]).disabled).toBe('no-replicas');
    expect(item('r1', 'failover-to', [view('m', 6379, { up: false }), r1]).disabled).toBe('master-down');
    expect(item('r1', 'failover-to', [r1]).disabled).toBe('no-master');
  });

  it('a Sentinel gets faults and the console, not replication commands', () => {
    const s = view('s1', 26379, { sentinel: true });
    const list = [m, s];
    expect(item('s1', 'crash', list).disabled).toBeNull();
    expect(item('s1', 'promote', list).disabled).toBe('sentinel');
    expect(item('s1', 'replicaof', list).disabled).toBe('sentinel');
    expect(item('s1', 'failover', list).disabled).toBe('sentinel');
    expect(pickItems('replicaof', 'm', list, []).map((p) => p.target)).toEqual([]);
  });

  it('remove, console, wipe are always there; a node that is gone has no menu', () => {
    const ids = nodeMenuItems('r1', nodes).map((i) => i.id);
    expect(ids).toEqual(['crash', 'restart', 'wipe', 'cut', 'slow', 'promote', 'replicaof', 'failover-to', 'console', 'remove']);
    expect(item('r1', 'remove').action).toEqual({ kind: 'fault', fault: { kind: 'remove-node', node: 'r1' } });
    expect(nodeMenuItems('gone', nodes)).toEqual([]);
    expect(item('m', 'cut', [m]).disabled).toBe('no-other-node');
  });

  it('cut offers each other node, and heals a link that is cut', () => {
    const links: LinkView[] = [{ a: 'r1', b: 'm', latencyMs: 1, bytesPerMs: 0, loss: 0, cut: true }];
    const picks = pickItems('cut', 'm', nodes, links);
    expect(picks.map((p) => [p.target, p.healing])).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
    expect(picks[0].action).toEqual({ kind: 'fault', fault: { kind: 'cut', a: 'm', b: 'r1', cut: false } });
    expect(picks[1].action).toEqual({ kind: 'fault', fault: { kind: 'cut', a: 'm', b: 'r2', cut: true } });
  });

  it('REPLICAOF uses the chosen node host and port; its current master is disabled', () => {
    const picks = pickItems('replicaof', 'r2', nodes, []);
    expect(picks.map((p) => p.target)).toEqual(['m', 'r1']);
    expect(picks[0].disabled).toBe('current-master');
    expect(picks[1]).toMatchObject({ disabled: null, action: { kind: 'command', node: 'r2', line: 'REPLICAOF 127.0.0.1 6380' } });
  });
});

describe('link sliders and form', () => {
  it('latency steps are increasing, from 0 to 2000 ms, and a value finds its nearest step', () => {
    expect(LATENCY_STEPS_MS[0]).toBe(0);
    expect(LATENCY_STEPS_MS[LATENCY_STEPS_MS.length - 1]).toBe(2000);
    for (let i = 1; i < LATENCY_STEPS_MS.length; i++) expect(LATENCY_STEPS_MS[i]).toBeGreaterThan(LATENCY_STEPS_MS[i - 1]);
    expect(LATENCY_STEPS_MS[latencyIndex(1)]).toBe(1);
    expect(LATENCY_STEPS_MS[latencyIndex(250)]).toBe(250); // the lab's default latency is a step
    expect(LATENCY_STEPS_MS[latencyIndex(90)]).toBe(100);
    expect(LATENCY_STEPS_MS[latencyIndex(99999)]).toBe(2000);
  });

  it('bandwidth goes from unlimited (0) through 1 MB/s down to 1 KB/s, nearest on a log scale', () => {
    expect(BANDWIDTH_STEPS[0]).toBe(0);
    expect(BANDWIDTH_STEPS[1]).toBe(1000);
    expect(BANDWIDTH_STEPS[BANDWIDTH_STEPS.length - 1]).toBe(1);
    expect(bandwidthIndex(0)).toBe(0);
    expect(BANDWIDTH_STEPS[bandwidthIndex(0.2)]).toBe(1);
    expect(BANDWIDTH_STEPS[bandwidthIndex(150)]).toBe(200); // log(150) is nearer log(200) than log(100)
    expect(BANDWIDTH_STEPS[bandwidthIndex(1e6)]).toBe(1000);
    expect(formatBandwidth(0)).toBeNull();
    expect(formatBandwidth(1000)).toBe('1 MB/s');
    expect(formatBandwidth(5)).toBe('5 KB/s');
    expect(formatLatency(250)).toBe('250 ms');
    expect(formatLatency(1500)).toBe('1.5 s');
  });

  it('loss is a whole percentage within 0..50', () => {
    expect(lossPercent(0.05)).toBe(5);
    expect(lossPercent(0.9)).toBe(50);
    expect(lossPercent(-1)).toBe(0);
  });

  it('the typed form: whole ms and KB/s (= bytes per ms), empty bandwidth is unlimited', () => {
    expect(parseLinkForm('250', '50')).toEqual({ ok: true, latencyMs: 250, bytesPerMs: 50 });
    expect(parseLinkForm(' 0 ', '')).toEqual({ ok: true, latencyMs: 0, bytesPerMs: 0 });
    expect(parseLinkForm('10', '0.5')).toEqual({ ok: true, latencyMs: 10, bytesPerMs: 0.5 });
    expect(parseLinkForm('-1', '1')).toEqual({ ok: false, field: 'latency' });
    expect(parseLinkForm('1.5', '1')).toEqual({ ok: false, field: 'latency' });
    expect(parseLinkForm('60001', '1')).toEqual({ ok: false, field: 'latency' });
    expect(parseLinkForm('10', 'fast')).toEqual({ ok: false, field: 'bandwidth' });
    expect(parseLinkForm('10', '-3')).toEqual({ ok: false, field: 'bandwidth' });
  });
});

describe('topology bar', () => {
  it('at most 12 nodes', () => {
    const many = Array.from({ length: MAX_NODES }, (_, i) => view(`n${i}`, 6379 + i));
    expect(addNodeBlock(many.slice(0, MAX_NODES - 1))).toBeNull();
    expect(addNodeBlock(many)).toBe('full');
  });

  it('a new replica can follow any redis-server, masters listed first, never a Sentinel', () => {
    expect(replicaSources([r1, m, view('s1', 26379, { sentinel: true }), r2])).toEqual(['m', 'r1', 'r2']);
  });
});

describe('popover placement and menu keys', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 200, height: 300 };

  it('goes below the anchor, centred on it', () => {
    expect(placePopover({ left: 400, top: 100, width: 40, height: 40 }, size, viewport)).toEqual({ left: 320, top: 148 });
  });

  it('goes above when there is no room below, and stays inside the viewport horizontally', () => {
    expect(placePopover({ left: 980, top: 700, width: 20, height: 20 }, size, viewport)).toEqual({ left: 792, top: 392 });
    expect(placePopover({ left: -50, top: 10, width: 20, height: 20 }, size, viewport).left).toBe(8);
  });

  it('with room neither above nor below, it is pushed up to fit; no anchor centres it', () => {
    expect(placePopover({ left: 400, top: 300, width: 20, height: 20 }, { width: 200, height: 600 }, viewport).top).toBe(192);
    expect(placePopover(null, size, viewport)).toEqual({ left: 400, top: 250 });
  });

  it('arrows wrap, Home and End jump, other keys do not move', () => {
    expect(menuFocusAfter('ArrowDown', 2, 3)).toBe(0);
    expect(menuFocusAfter('ArrowUp', 0, 3)).toBe(2);
    expect(menuFocusAfter('End', 0, 3)).toBe(2);
    expect(menuFocusAfter('Home', 2, 3)).toBe(0);
    expect(menuFocusAfter('Enter', 1, 3)).toBeNull();
    expect(tabFocusAfter('ArrowRight', 2, 3)).toBe(0);
    expect(tabFocusAfter('ArrowDown', 0, 3)).toBeNull();
  });
});
