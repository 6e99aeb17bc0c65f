import { describe, expect, it } from 'vitest';
import type { NodeView } from '../src/engine/api';
import { World } from '../src/engine/world';
import { TraceLog } from '../src/state/traceLog';
import { activeBadges, EVENT_WINDOW_MS } from '../src/ui/diagram/eventPlan';
import { errorCode, formatBytes, formatLag, messageLabel } from '../src/ui/diagram/format';
import { diagramLinks, gapFraction, linkVisual, pairKey, replicaStatus, throughputByPair } from '../src/ui/diagram/model';
import { rdbText } from '../src/ui/diagram/LinkGlyph';
import { diagramText } from '../src/ui/diagram/text';

const en = diagramText.en;

/** m + r1 + r2 with a visible latency, synced, and a trace log holding everything. */
function syncedWorld(): { w: World; log: TraceLog } {
  const w = new World({ seed: 1 });
  w.apply({ t: 'default-link', props: { latencyMs: 40 } });
  w.addNode('m', []);
  w.addNode('r1', [['replicaof', '127.0.0.1 6379']]);
  w.addNode('r2', [['replicaof', '127.0.0.1 6379']]);
  w.advance(7000);
  const log = new TraceLog();
  log.add(w.drainTrace());
  return { w, log };
}

function view(w: World, name: string): NodeView {
  const v = w.views().find((n) => n.name === name);
  if (!v) throw new Error(name);
  return v;
}

describe('message labels', () => {
  it('say what a message carries the way Redis names it', () => {
    expect(messageLabel('stream', 'SET k v', 27)).toBe('SET k v · 27 B');
    expect(messageLabel('ack', 'REPLCONF ACK 1234', 37)).toBe('ACK 1234');
    expect(messageLabel('getack', 'REPLCONF GETACK *', 37)).toBe('GETACK *');
    expect(messageLabel('handshake', 'PING', 14)).toBe('PING');
    expect(messageLabel('handshake', 'REPLCONF listening-port 6380', 49)).toBe('REPLCONF listening-port…');
    expect(messageLabel('handshake', 'PSYNC ? -1', 30)).toBe('PSYNC ? -1');
    expect(messageLabel('handshake', '+FULLRESYNC 9c9bbc15f53ffc9840bb7ea5fb21e42a46459b70 0', 56)).toBe('+FULLRESYNC');
    expect(messageLabel('handshake', '+CONTINUE 9c9bbc15f53ffc9840bb7ea5fb21e42a46459b70', 52)).toBe('+CONTINUE');
    expect(messageLabel('rdb', 'RDB 284/284 B · 0 keys', 284)).toBe('RDB 284/284 B · 0 keys');
    expect(messageLabel('stream', 'SET a-very-long-key-name-here some-value', 60)).toMatch(/^SET a-very-long.*… · 60 B$/);
  });

  it('describe the RDB transfer from the replica\'s sync progress', () => {
    expect(rdbText({ readBytes: 16384, totalBytes: 40960 }, en)).toBe('RDB 16.0 KB / 40.0 KB · 40%');
    expect(rdbText({ readBytes: 0, totalBytes: -1 }, en)).toBe('RDB: waiting for data…');
    expect(rdbText({ readBytes: 5000, totalBytes: -1 }, en)).toBe('RDB 4.9 KB received');
  });

  it('formats bytes, lag and error codes', () => {
    expect(formatBytes(27)).toBe('27 B');
    expect(formatBytes(16384)).toBe('16.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatLag(400)).toBe('0.4 s');
    expect(errorCode("READONLY You can't write against a read only replica.")).toBe('READONLY');
    expect(errorCode('-NOREPLICAS Not enough good replicas to write.')).toBe('NOREPLICAS');
  });
});

describe('diagram links and replica status from engine views', () => {
  it('draws one connected link per replica, master first (the stream flows a → b)', () => {
    const { w } = syncedWorld();
    const links = diagramLinks(w.views(), [], { latencyMs: 40, bytesPerMs: 0, loss: 0, cut: false });
    expect(links.map((l) => [l.a, l.b, l.state, l.kind])).toEqual([
      ['m', 'r1', 'connected', 'replication'],
      ['m', 'r2', 'connected', 'replication'],
    ]);
  });

  it('shows a link as down when its master crashed, and a cut as cut', () => {
    const { w } = syncedWorld();
    w.crash('m');
    w.advance(100);
    const views = w.views();
    const links = diagramLinks(views, [{ a: 'r1', b: 'm', latencyMs: 40, bytesPerMs: 0, loss: 0, cut: true }], { latencyMs: 40, bytesPerMs: 0, loss: 0, cut: false });
    expect(links.every((l) => l.state === 'down')).toBe(true);
    const r1 = links.find((l) => l.b === 'r1');
    expect(r1?.props.cut).toBe(true);
    expect(r1?.tuned).toBe(false);
    expect(linkVisual(view(w, 'r1'), view(w, 'm'))).toBe('down');
  });

  it('adds a network line for a cut or tuned pair that is not a replication link', () => {
    const { w } = syncedWorld();
    const d = { latencyMs: 40, bytesPerMs: 0, loss: 0, cut: false };
    const links = diagramLinks(
      w.views(),
      [
        { a: 'r1', b: 'r2', latencyMs: 40, bytesPerMs: 0, loss: 0, cut: true },
        { a: 'm', b: 'r2', latencyMs: 300, bytesPerMs: 0, loss: 0, cut: false },
      ],
      d,
    );
    expect(links.find((l) => l.kind === 'network')).toMatchObject({ a: 'r1', b: 'r2', state: null });
    expect(links.find((l) => l.b === 'r2' && l.kind === 'replication')?.tuned).toBe(true);
    expect(links.find((l) => l.b === 'r1')?.tuned).toBe(false);
  });

  it('reads lag from the master and bytes behind as the difference of offsets', () => {
    const { w } = syncedWorld();
    const c = w.connect('m');
    w.send('m', c, ['SET', 'k', 'v']);
    w.advance(10); // the write is on its way (latency 40 ms)
    const st = replicaStatus(view(w, 'r1'), view(w, 'm'));
    // SELECT 0 (23 bytes) + SET k v (27 bytes), not yet applied by r1.
    expect(st.behindBytes).toBe(50);
    expect(st.lagMs).not.toBeNull();
    w.advance(100);
    expect(replicaStatus(view(w, 'r1'), view(w, 'm')).behindBytes).toBe(0);
    expect(replicaStatus(view(w, 'm'), undefined)).toEqual({ lagMs: null, behindBytes: null });
  });

  it('sizes the gap bar against the largest gap but at least 1 KB', () => {
    expect(gapFraction(0, 5000)).toBe(0);
    expect(gapFraction(27, 27)).toBeCloseTo(27 / 1024);
    expect(gapFraction(2500, 5000)).toBe(0.5);
    expect(gapFraction(9000, 5000)).toBe(1);
  });

  it('counts the bytes delivered on each link during the last virtual second', () => {
    const { w, log } = syncedWorld();
    const c = w.connect('m');
    for (let i = 0; i < 10; i++) w.send('m', c, ['SET', `k${i}`, 'v']);
    w.advance(200);
    log.add(w.drainTrace());
    const now = w.nowMs;
    const tp = throughputByPair(log.msgsOverlapping(now - 1000, now), now);
    let expected = 0;
    for (const m of log.msgs) if (pairKey(m.from, m.to) === pairKey('m', 'r1') && m.deliverMs > now - 1000 && m.deliverMs <= now) expected += m.bytes;
    // SELECT + 10 × SET k<i> v (29 bytes each) at least, plus whatever ACK/PING fell in the window.
    expect(expected).toBeGreaterThanOrEqual(23 + 10 * 29);
    expect(tp.get(pairKey('r1', 'm'))).toBe(expected);
  });
});

describe('event badges', () => {
  it('show a write refused by a replica with its error code, for the window after it', () => {
    const { w, log } = syncedWorld();
    const c = w.connect('r1');
    w.send('r1', c, ['SET', 'k', 'v']);
    w.advance(1);
    log.add(w.drainTrace());
    const at = log.events.find((e) => e.t === 'rejected')?.atMs;
    expect(at).toBeDefined();
    const t = at! + EVENT_WINDOW_MS / 2;
    const badges = activeBadges(log.eventsBetween(t - EVENT_WINDOW_MS, t), t, en);
    expect(badges.find((b) => b.kind === 'rejected')).toMatchObject({ node: 'r1', text: 'READONLY', progress: 0.5 });
    const later = at! + EVENT_WINDOW_MS + 1;
    expect(activeBadges(log.eventsBetween(later - EVENT_WINDOW_MS, later), later, en).some((b) => b.kind === 'rejected')).toBe(false);
  });

  it('tell a full resync from a partial one, and mark role changes', () => {
    const { w, log } = syncedWorld();
    const fullAt = log.events.find((e) => e.t === 'sync')!.atMs;
    const full = activeBadges(log.eventsBetween(fullAt - EVENT_WINDOW_MS, fullAt), fullAt, en);
    expect(full.filter((b) => b.kind === 'full').map((b) => [b.node, b.peer, b.text])).toEqual([
      ['m', 'r1', 'FULL RESYNC'],
      ['m', 'r2', 'FULL RESYNC'],
    ]);
    const c = w.connect('r1');
    w.send('r1', c, ['REPLICAOF', 'NO', 'ONE']);
    w.advance(10);
    log.add(w.drainTrace());
    const role = log.events.find((e) => e.t === 'role' && e.node === 'r1');
    expect(role).toBeDefined();
    const badges = activeBadges(log.eventsBetween(role!.atMs - EVENT_WINDOW_MS, role!.atMs), role!.atMs, diagramText.ko);
    expect(badges.find((b) => b.kind === 'role')).toMatchObject({ node: 'r1', text: '이제 마스터', role: 'master' });
  });
});
