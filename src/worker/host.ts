// The engine side of the worker protocol, free of worker globals so tests can
// drive it in Node: it owns one World, turns UiToEngine messages into engine
// calls and reports back with EngineToUi messages through `post`.

import type { EngineApi, NodeView } from '../engine/api';
import { World } from '../engine/world';
import { ScenarioError, parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { type EngineToUi, PROTOCOL_VERSION, type UiToEngine } from './protocol';

/** The default topology: one master and two replicas of it. */
export const DEFAULT_MASTER = 'm';
export const DEFAULT_REPLICAS = ['r1', 'r2'] as const;

/**
 * A command's reply usually exists as soon as it is sent; WAIT, a write paused
 * by FAILOVER or a blocked list pop need virtual time to pass. We step in small
 * increments so the reply is taken at (nearly) the virtual ms it was produced.
 */
const REPLY_STEP_MS = 10;
/** Like a redis-cli user pressing Ctrl-C on a command that never answers. */
const REPLY_CAP_MS = 60_000;

/**
 * A fresh default topology first does a full sync (Redis 7.0 syncs diskless
 * after `repl-diskless-sync-delay` 5 s). The page starts from the replicating
 * state, so the first thing a person types already replicates.
 */
const SETTLE_STEP_MS = 100;
const SETTLE_CAP_MS = 60_000;

/** A tab that slept for minutes must not make the world jump by minutes at once. */
const MAX_TICK_MS = 1_000;
const MAX_SPEED = 1_000;

export class EngineHost {
  private world: EngineApi | null = null;
  /** One redis-cli-like connection per node, reopened when the server closed it. */
  private clients = new Map<string, number>();
  private playing = false;
  private speed = 1;
  /** Fraction of a virtual ms carried between ticks, so 1x stays exactly 1x. */
  private carryMs = 0;

  constructor(private readonly post: (msg: EngineToUi) => void) {}

  handle(msg: UiToEngine): void {
    try {
      this.dispatch(msg);
    } catch (e) {
      // An engine bug must reach the person as text, never as a silent worker.
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e), requestId: requestIdOf(msg) });
    }
  }

  /** Wall-clock tick: while playing, run virtual time by `wallMs` × speed and report. */
  tick(wallMs: number): void {
    if (!this.playing || !this.world) return;
    this.carryMs += wallMs * this.speed;
    const ms = Math.min(Math.floor(this.carryMs), MAX_TICK_MS);
    this.carryMs = ms === MAX_TICK_MS ? 0 : this.carryMs - ms;
    if (ms > 0) this.world.advance(ms);
    this.postFrame();
  }

  private dispatch(msg: UiToEngine): void {
    if (msg.type !== 'hello' && !this.world) {
      this.post({ type: 'error', message: 'the engine has not started yet (no hello)', requestId: requestIdOf(msg) });
      return;
    }
    switch (msg.type) {
      case 'hello':
        if (msg.version !== PROTOCOL_VERSION) {
          this.post({ type: 'error', message: `protocol version ${msg.version} is not supported (this engine speaks ${PROTOCOL_VERSION}); reload the page` });
          return;
        }
        this.start(defaultWorld(msg.seed));
        return;
      case 'command':
        this.command(msg.requestId, msg.node, msg.argv);
        return;
      case 'play':
        if (!Number.isFinite(msg.speed) || msg.speed <= 0 || msg.speed > MAX_SPEED) {
          this.post({ type: 'error', message: `speed must be a number above 0 and at most ${MAX_SPEED}, got ${msg.speed}` });
          return;
        }
        this.playing = true;
        this.speed = msg.speed;
        return;
      case 'pause':
        this.playing = false;
        this.carryMs = 0;
        return;
      case 'advance':
        if (!Number.isInteger(msg.ms) || msg.ms < 0) {
          this.post({ type: 'error', message: `advance needs a whole number of ms (0 or more), got ${msg.ms}` });
          return;
        }
        this.world!.advance(msg.ms);
        this.postFrame();
        return;
      case 'load-scenario':
        this.loadScenario(msg.text, msg.seed);
        return;
      default:
        this.post({ type: 'error', message: `unknown message type ${JSON.stringify((msg as { type?: unknown }).type)}` });
    }
  }

  private start(world: EngineApi): void {
    this.world = world;
    this.clients.clear();
    this.carryMs = 0;
    this.post({ type: 'ready', version: PROTOCOL_VERSION, nodes: world.views() });
    this.postFrame();
  }

  private loadScenario(text: string, seed: number): void {
    let world: World;
    try {
      world = runScenario(parseScenario(text), { seed }).world;
    } catch (e) {
      const message = e instanceof ScenarioError ? `scenario line ${e.line}: ${e.detail}` : `scenario failed: ${e instanceof Error ? e.message : String(e)}`;
      this.post({ type: 'error', message });
      return;
    }
    // The runner plays without a trace (it only needs replies); from here on
    // the page animates what happens, so the world records it again.
    world.state.traceOn = true;
    this.start(world);
  }

  private command(requestId: number, node: string, argv: string[]): void {
    const world = this.world!;
    const view = world.views().find((v) => v.name === node);
    if (!view) {
      this.post({ type: 'error', requestId, message: `there is no node called ${node}` });
      return;
    }
    if (argv.length === 0) {
      this.post({ type: 'error', requestId, message: 'empty command' });
      return;
    }
    if (!view.up) {
      // What redis-cli prints for a server that is not running.
      this.post({ type: 'error', requestId, message: `Could not connect to Redis at ${view.host}:${view.port}: Connection refused` });
      return;
    }
    const client = this.sendOnClient(world, node, argv);
    let reply = world.takeReply(node, client);
    for (let waitedMs = 0; !reply && waitedMs < REPLY_CAP_MS; waitedMs += REPLY_STEP_MS) {
      world.advance(REPLY_STEP_MS);
      reply = world.takeReply(node, client);
    }
    if (reply) this.post({ type: 'reply', requestId, reply });
    else this.post({ type: 'error', requestId, message: `no reply after ${REPLY_CAP_MS / 1000} s of simulated time` });
    this.postFrame();
  }

  /** Send on the node's connection; if the server closed it (CLIENT KILL, a restart), reconnect once, as redis-cli does. */
  private sendOnClient(world: EngineApi, node: string, argv: string[]): number {
    const known = this.clients.get(node);
    if (known !== undefined) {
      try {
        world.send(node, known, argv);
        return known;
      } catch {
        this.clients.delete(node);
      }
    }
    const client = world.connect(node);
    this.clients.set(node, client);
    world.send(node, client, argv);
    return client;
  }

  private postFrame(): void {
    const world = this.world!;
    this.post({ type: 'frame', nowMs: world.nowMs, nodes: world.views(), trace: world.drainTrace() });
  }
}

/** Master `m` and replicas `r1`, `r2` started with `replicaof <m's host> <m's port>`, already in sync. */
export function defaultWorld(seed: number): World {
  const world = new World({ seed });
  const master = world.addNode(DEFAULT_MASTER, []);
  for (const name of DEFAULT_REPLICAS) world.addNode(name, [['replicaof', `${master.host} ${master.port}`]]);
  for (let waitedMs = 0; !replicasInSync(world.views()) && waitedMs < SETTLE_CAP_MS; waitedMs += SETTLE_STEP_MS) {
    world.advance(SETTLE_STEP_MS);
  }
  return world;
}

function replicasInSync(views: NodeView[]): boolean {
  const byName = new Map(views.map((v) => [v.name, v]));
  return views.every((v) => {
    if (v.role !== 'slave') return true;
    const master = v.masterName === null ? undefined : byName.get(v.masterName);
    return v.linkState === 'connected' && master !== undefined && v.offset === master.offset;
  });
}

function requestIdOf(msg: UiToEngine): number | undefined {
  return msg.type === 'command' ? msg.requestId : undefined;
}
