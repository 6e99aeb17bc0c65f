// The worlds the lab starts from: the presets, a topology (imported, or
// exported again as configurations), a replayed session (a share link, a
// scenario's input log). Each is a Session run until its replicas are in sync,
// so the page opens on a replicating lab (scrub back to watch the first sync).

import type { Input, NodeView } from '../engine/api';
import { defaultConfig } from '../engine/server/config';
import { Session } from '../engine/session';
import type { World } from '../engine/world';
import { MAX_NODES, type Preset, type TopologyNode } from './protocol';

/** The default topology: one master and two replicas of it. */
export const DEFAULT_MASTER = 'm';
export const DEFAULT_REPLICAS = ['r1', 'r2'] as const;

/**
 * The lab's network: a real LAN answers in well under a millisecond, which no
 * one can watch. Every pair of nodes in a preset gets this latency, so a
 * command visibly travels down a link at 1× (and can be set per link, down to
 * a realistic 1 ms). Scenarios keep the engine's default of 1 ms.
 */
export const LAB_LATENCY_MS = 250;

export const SNAPSHOT_EVERY_MS = 5_000;
const SETTLE_STEP_MS = 100;
const SETTLE_CAP_MS = 60_000;
const SETTLE_AFTER_SYNC_MS = 1_000 + 2 * LAB_LATENCY_MS;
/** A shared session runs on after its last input by at most this much virtual time. */
const MAX_REPLAY_TAIL_MS = 3_600_000;

/** A session with a ready-made topology, run until every replica is in sync with its master. */
export function presetSession(preset: Preset, seed: number): Session {
  const session = new Session({ seed, snapshotEveryMs: SNAPSHOT_EVERY_MS });
  session.input({ t: 'default-link', props: { latencyMs: LAB_LATENCY_MS } });
  const replicaOf = (master: string): [string, string][] => {
    const a = session.world.address(master)!;
    return [['replicaof', `${a.host} ${a.port}`]];
  };
  switch (preset) {
    case 'default':
      session.input({ t: 'node', name: DEFAULT_MASTER, config: [] });
      for (const name of DEFAULT_REPLICAS) session.input({ t: 'node', name, config: replicaOf(DEFAULT_MASTER) });
      break;
    case 'chain':
      session.input({ t: 'node', name: 'm', config: [] });
      session.input({ t: 'node', name: 'r1', config: replicaOf('m') });
      session.input({ t: 'node', name: 'r2', config: replicaOf('r1') });
      break;
    case 'compose-pair': {
      // ../shared/examples/docker-compose.master-replica.yml: Bitnami's image
      // turns the append-only file on by default; the replica points at the master.
      const aof: [string, string][] = [['appendonly', 'yes']];
      session.input({ t: 'node', name: 'redis-master', config: aof });
      session.input({ t: 'node', name: 'redis-slave-1', config: [...aof, ...replicaOf('redis-master')] });
      break;
    }
  }
  settle(session);
  return session;
}

/** Run until every replica is in sync with its master (bounded). */
function settle(session: Session): void {
  for (let waitedMs = 0; !replicasInSync(session.world.views()) && waitedMs < SETTLE_CAP_MS; waitedMs += SETTLE_STEP_MS) session.advance(SETTLE_STEP_MS);
  // After a diskless sync Redis 7.0 starts a replica's stream only on its first
  // REPLCONF ACK (sent once a second): wait for it, so the first write streams at once.
  session.advance(SETTLE_AFTER_SYNC_MS);
}

/** Settings a redis.conf would not need to repeat: where the node listens and whom it follows are written separately. */
const NOT_EXPORTED = new Set(['port', 'replicaof', 'slaveof', 'bind', 'dir']);

/** Every Redis node (not Sentinels) as name, port, master and the settings that differ from the defaults. */
export function exportTopology(world: World): TopologyNode[] {
  const views = world.views().filter((v) => !v.sentinel);
  return views.map((v) => {
    const n = world.node(v.name);
    const defaults = defaultConfig(n.port);
    const config: [string, string][] = Object.keys(n.config)
      .filter((k) => !NOT_EXPORTED.has(k) && n.config[k] !== defaults[k])
      .sort()
      .map((k) => [k, n.config[k]]);
    return { name: v.name, port: n.port, replicaOf: v.role === 'slave' ? v.masterName : null, config };
  });
}

/**
 * A session that starts these nodes (masters first, so a replica's master
 * exists when it starts) with the lab's network, run until they are in sync.
 */
export function topologySession(nodes: readonly { name: string; replicaOf: string | null; config: [string, string][] }[], seed: number): Session {
  if (nodes.length === 0) throw new Error('there are no nodes');
  if (nodes.length > MAX_NODES) throw new Error(`the lab holds at most ${MAX_NODES} nodes`);
  const names = new Set(nodes.map((n) => n.name));
  if (names.size !== nodes.length) throw new Error('two nodes have the same name');
  for (const n of nodes) if (n.replicaOf !== null && !names.has(n.replicaOf)) throw new Error(`${n.name} replicates from ${n.replicaOf}, which is not in the topology`);
  const session = new Session({ seed, snapshotEveryMs: SNAPSHOT_EVERY_MS });
  session.input({ t: 'default-link', props: { latencyMs: LAB_LATENCY_MS } });
  const started = new Set<string>();
  // Masters, then replicas whose master has started (chains in order); a cycle is started as it stands.
  const pending = [...nodes];
  while (pending.length > 0) {
    const i = pending.findIndex((n) => n.replicaOf === null || started.has(n.replicaOf));
    const n = pending.splice(Math.max(i, 0), 1)[0];
    const config: [string, string][] = n.config.filter(([k]) => !NOT_EXPORTED.has(k.toLowerCase()));
    if (n.replicaOf !== null) {
      const m = session.world.address(n.replicaOf);
      // A master later in a cycle has no address yet: the replica is pointed at it once it exists.
      if (m) config.push(['replicaof', `${m.host} ${m.port}`]);
    }
    session.input({ t: 'node', name: n.name, config });
    started.add(n.name);
  }
  settle(session);
  return session;
}

/** The same inputs at the same times on a fresh session (a shared link, a scenario's log). */
export function replaySession(seed: number, inputs: readonly { atMs: number; input: Input }[], untilMs: number): Session {
  const session = new Session({ seed, snapshotEveryMs: SNAPSHOT_EVERY_MS });
  for (const [k, { atMs, input }] of inputs.entries()) {
    if (atMs < session.nowMs) throw new Error(`input ${k + 1} is earlier than the one before it`);
    session.advanceTo(atMs);
    try {
      session.input(input);
    } catch (e) {
      throw new Error(`input ${k + 1} (${input.t}): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // Bounded: a link claiming days of history must not freeze the worker.
  const end = Math.min(untilMs, session.nowMs + MAX_REPLAY_TAIL_MS);
  if (end > session.nowMs) session.advanceTo(end);
  return session;
}

/** The default topology as a bare world (tests, benchmarks). */
export function defaultWorld(seed: number): World {
  return presetSession('default', seed).world;
}

function replicasInSync(views: NodeView[]): boolean {
  const byName = new Map(views.map((v) => [v.name, v]));
  return views.every((v) => {
    if (v.role !== 'slave') return true;
    const master = v.masterName === null ? undefined : byName.get(v.masterName);
    return v.linkState === 'connected' && master !== undefined && v.offset === master.offset;
  });
}
