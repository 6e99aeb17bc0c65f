// The engine side of the worker protocol, free of worker globals so tests can
// drive it in Node. It owns one Session (seed + timed inputs + snapshots) and
// a playback clock `viewMs`:
//
//   origin ──────────────── viewMs ─────────── headMs
//            (time travel: a replay world)      (the live world)
//
// While live (viewMs = headMs) playing advances the session itself and every
// new trace event goes to the page. After a seek into the past a separate
// replay world (nearest snapshot + the same inputs) is shown and moved
// forward by playing; when it reaches headMs the page is live again. Acting
// in the past needs `branch`, which makes the replay the new history.

import type { Input, LinkProps, NodeView } from '../engine/api';
import type { Session } from '../engine/session';
import type { World } from '../engine/world';
import { ScenarioError, parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import { type EngineToUi, type Fault, type FrameMsg, type LinkView, MAX_NODES, PRESETS, PROTOCOL_VERSION, type SharedSession, type UiToEngine } from './protocol';
import { exportTopology, presetSession, replaySession, topologySession } from './worlds';

export { DEFAULT_MASTER, DEFAULT_REPLICAS, defaultWorld, LAB_LATENCY_MS, presetSession, replaySession } from './worlds';

/**
 * A command's reply usually exists as soon as it is sent; WAIT, a write paused
 * by FAILOVER or a blocked list pop need virtual time to pass. We step in small
 * increments so the reply is taken at (nearly) the virtual ms it was produced.
 */
const REPLY_STEP_MS = 10;
/** Like a redis-cli user pressing Ctrl-C on a command that never answers. */
const REPLY_CAP_MS = 60_000;

/** One tick never moves the clock by more than this (a slow frame must not jump minutes). */
const MAX_TICK_MS = 15_000;
export const SPEED_MIN = 0.1;
export const SPEED_MAX = 50;
/** `step` gives up looking for the next event after this much quiet virtual time. */
const STEP_CAP_MS = 60_000;
/** Seeking forward by less than this advances the replay instead of restoring a snapshot. */
const SEEK_FORWARD_REPLAY_MS = 5_000;

interface Replay {
  world: World;
  /** Index of the first session input not yet applied to `world`. */
  next: number;
}

export class EngineHost {
  private session: Session | null = null;
  private replay: Replay | null = null;
  private viewMs = 0;
  private playing = false;
  private speed = 1;
  /** Fraction of a virtual ms carried between ticks, so 1× stays exactly 1×. */
  private carryMs = 0;
  /** One redis-cli-like connection per node, reopened when the server closed it. */
  private clients = new Map<string, number>();
  /**
   * Console commands blocked on keys (BLPOP q 0): answered when another client
   * pushes or their timeout passes as the lab plays, by request id. Meanwhile
   * that node's console types into a new connection, like a second redis-cli.
   */
  private blockedRequests = new Map<number, { node: string; client: number; atMs: number }>();
  /** Every moment something was sent, delivered or changed (sorted lazily), for `step` in the past. */
  private moments: number[] = [];
  private momentsSorted = true;
  private infoNode: string | null = null;
  private lastInfo: string | null = null;
  private sentInputs = -1;
  private truncateAfterMs: number | undefined;

  constructor(private readonly post: (msg: EngineToUi) => void) {}

  handle(msg: UiToEngine): void {
    try {
      this.dispatch(msg);
    } catch (e) {
      // An engine bug must reach the person as text, never as a silent worker.
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e), requestId: requestIdOf(msg) });
      if (msg.type === 'tick' && this.session) this.postFrame();
    }
  }

  private get live(): World {
    return this.session!.world;
  }

  /** The world as shown at viewMs. */
  private get shown(): World {
    return this.replay?.world ?? this.live;
  }

  private dispatch(msg: UiToEngine): void {
    if (msg.type !== 'hello' && !this.session) {
      this.post({ type: 'error', message: 'the engine has not started yet (no hello)', requestId: requestIdOf(msg) });
      return;
    }
    switch (msg.type) {
      case 'hello':
        if (msg.version !== PROTOCOL_VERSION) {
          this.post({ type: 'error', message: `protocol version ${msg.version} is not supported (this engine speaks ${PROTOCOL_VERSION}); reload the page` });
          return;
        }
        if (msg.session) this.startShared(msg.session);
        else this.start(presetSession(msg.preset ?? 'default', msg.seed));
        return;
      case 'command':
        if (this.refuseInPast(msg.requestId)) return;
        this.command(msg.requestId, msg.node, msg.argv);
        return;
      case 'fault':
        if (this.refuseInPast()) return;
        this.fault(msg.fault);
        this.postFrame();
        return;
      case 'play':
        if (!Number.isFinite(msg.speed) || msg.speed < SPEED_MIN || msg.speed > SPEED_MAX) {
          this.post({ type: 'error', message: `speed must be from ${SPEED_MIN} to ${SPEED_MAX}, got ${msg.speed}` });
          return;
        }
        this.playing = true;
        this.speed = msg.speed;
        this.postFrame();
        return;
      case 'pause':
        this.playing = false;
        this.carryMs = 0;
        this.postFrame();
        return;
      case 'tick':
        this.tick(msg.wallMs);
        return;
      case 'step':
        this.step();
        this.postFrame();
        return;
      case 'advance':
        if (!Number.isInteger(msg.ms) || msg.ms < 0) {
          this.post({ type: 'error', message: `advance needs a whole number of ms (0 or more), got ${msg.ms}` });
          return;
        }
        this.moveView(this.viewMs + msg.ms);
        this.postFrame();
        return;
      case 'seek':
        if (!Number.isFinite(msg.atMs)) {
          this.post({ type: 'error', message: `seek needs a time in ms, got ${msg.atMs}` });
          return;
        }
        this.seek(Math.round(msg.atMs));
        this.postFrame();
        return;
      case 'branch':
        this.branch();
        this.postFrame();
        return;
      case 'watch-info':
        this.infoNode = msg.node;
        this.lastInfo = null;
        this.postFrame();
        return;
      case 'load-scenario':
        this.loadScenario(msg.text, msg.seed);
        return;
      case 'load-preset':
        if (!PRESETS.includes(msg.preset)) {
          this.post({ type: 'error', message: `unknown preset ${JSON.stringify(msg.preset)}; known: ${PRESETS.join(', ')}` });
          return;
        }
        this.start(presetSession(msg.preset, msg.seed));
        return;
      case 'export-session':
        this.post({ type: 'session', requestId: msg.requestId, session: this.exportSession() });
        return;
      case 'export-topology':
        this.post({ type: 'topology', requestId: msg.requestId, nodes: exportTopology(this.shown) });
        return;
      case 'load-topology': {
        let session: Session;
        try {
          session = topologySession(msg.nodes, msg.seed);
        } catch (e) {
          this.post({ type: 'error', message: `the topology could not be started: ${e instanceof Error ? e.message : String(e)}` });
          return;
        }
        this.start(session);
        return;
      }
      default:
        this.post({ type: 'error', message: `unknown message type ${JSON.stringify((msg as { type?: unknown }).type)}` });
    }
  }

  private start(session: Session): void {
    this.session = session;
    this.replay = null;
    this.viewMs = session.nowMs;
    this.clients.clear();
    this.failBlockedRequests('Error: Server closed the connection');
    this.carryMs = 0;
    this.moments = [];
    this.sentInputs = -1;
    this.lastInfo = null;
    this.truncateAfterMs = undefined;
    // The settling run's trace is the page's history from the origin (the first full sync).
    this.post({ type: 'ready', version: PROTOCOL_VERSION, originMs: session.world.state.nowMs - session.world.elapsedMs, seed: session.seed, nodes: session.world.views() });
    this.postFrame();
  }

  private startShared(shared: SharedSession): void {
    let session: Session;
    try {
      session = replaySession(shared.seed, shared.inputs, shared.headMs);
    } catch (e) {
      // After `ready`, so the page shows it as a note on the working default lab.
      this.start(presetSession('default', shared.seed));
      this.post({ type: 'error', message: `the shared session could not be replayed (${e instanceof Error ? e.message : String(e)}); the default lab is shown instead` });
      return;
    }
    this.start(session);
    if (shared.viewMs < session.nowMs) {
      this.seek(shared.viewMs);
      this.postFrame();
    }
  }

  private loadScenario(text: string, seed: number): void {
    let session: Session;
    try {
      const world = runScenario(parseScenario(text), { seed }).world;
      // The runner plays on a bare world; the same inputs on a Session give
      // the identical world plus snapshots and the trace to animate.
      session = replaySession(seed, world.inputLog, world.nowMs);
    } catch (e) {
      const message = e instanceof ScenarioError ? `scenario line ${e.line}: ${e.detail}` : `scenario failed: ${e instanceof Error ? e.message : String(e)}`;
      this.post({ type: 'error', message });
      return;
    }
    this.start(session);
  }

  /** Inputs change history, so they only happen at the newest moment (the page asks to branch first). */
  private refuseInPast(requestId?: number): boolean {
    if (!this.replay) return false;
    this.post({ type: 'error', requestId, message: 'the lab is showing the past: continue from here (branch) or go live before acting' });
    return true;
  }

  /** Wall-clock tick: while playing, move the playback clock by `wallMs` × speed; always answer with a frame. */
  private tick(wallMs: number): void {
    if (this.playing && Number.isFinite(wallMs) && wallMs > 0) {
      this.carryMs += wallMs * this.speed;
      const ms = Math.min(Math.floor(this.carryMs), MAX_TICK_MS);
      this.carryMs = ms === MAX_TICK_MS ? 0 : this.carryMs - ms;
      if (ms > 0) this.moveView(this.viewMs + ms);
    }
    this.postFrame();
  }

  /** Move the playback clock forward to `target`: through the replay, then (past headMs) the live world. */
  private moveView(target: number): void {
    const head = this.live.nowMs;
    if (this.replay) {
      if (target < head) {
        replayTo(this.replay, this.session!, target);
        this.viewMs = target;
        return;
      }
      this.replay = null;
      this.viewMs = head;
    }
    if (target > head) this.session!.advanceTo(target);
    this.viewMs = this.live.nowMs;
  }

  private seek(atMs: number): void {
    const session = this.session!;
    const origin = session.world.state.nowMs - session.world.elapsedMs;
    const t = Math.max(origin, atMs);
    if (t >= this.live.nowMs) {
      this.replay = null;
      this.viewMs = this.live.nowMs;
      return;
    }
    if (this.replay && t >= this.viewMs && t - this.viewMs <= SEEK_FORWARD_REPLAY_MS) {
      replayTo(this.replay, session, t);
    } else {
      const world = session.worldAt(t);
      // The page already has this stretch's trace; the replay only supplies state.
      world.state.traceOn = false;
      let next = 0;
      while (next < session.inputs.length && session.inputs[next].atMs <= t) next++;
      this.replay = { world, next };
    }
    this.viewMs = t;
  }

  private branch(): void {
    if (!this.replay) return;
    const at = this.viewMs;
    this.session!.branchAt(at);
    // A blocking command typed after the branch point is gone with the future it was typed in.
    for (const [requestId, b] of this.blockedRequests) {
      if (b.atMs <= at) continue;
      this.post({ type: 'error', requestId, message: 'Error: Server closed the connection' });
      this.blockedRequests.delete(requestId);
    }
    this.live.state.traceOn = true;
    this.live.state.trace = [];
    this.replay = null;
    this.viewMs = this.live.nowMs;
    this.moments = this.moments.filter((m) => m <= at);
    this.truncateAfterMs = at;
    this.sentInputs = -1;
  }

  /** Move to the next moment something happens: a message sent or delivered, or a change of state. */
  private step(): void {
    if (this.replay) {
      const next = this.nextMomentAfter(this.viewMs);
      if (next !== null && next < this.live.nowMs) {
        this.moveView(next);
        return;
      }
      this.moveView(this.live.nowMs);
      if (next !== null && next === this.live.nowMs) return;
    }
    const session = this.session!;
    const world = this.live;
    const deadline = world.nowMs + STEP_CAP_MS;
    for (;;) {
      const next = world.peekNextEvent();
      if (!next || next.atMs > deadline) {
        session.advanceTo(deadline);
        break;
      }
      const traced = world.state.trace.length;
      session.advanceTo(next.atMs);
      if (next.delivers || world.state.trace.length > traced) break;
    }
    this.viewMs = world.nowMs;
  }

  private nextMomentAfter(ms: number): number | null {
    if (!this.momentsSorted) {
      this.moments.sort((a, b) => a - b);
      this.momentsSorted = true;
    }
    let lo = 0;
    let hi = this.moments.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.moments[mid] <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.moments.length ? this.moments[lo] : null;
  }

  private command(requestId: number, node: string, argv: string[]): void {
    const session = this.session!;
    const view = this.live.views().find((v) => v.name === node);
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
    const client = this.clientFor(node);
    session.input({ t: 'command', node, argv, client });
    // Events of this same virtual ms (feeding the replicas, like beforeSleep) happen before the page draws.
    session.advanceTo(this.live.nowMs);
    let reply = this.live.takeReply(node, client);
    if (!reply && this.blockedOnKeys(node, client)) {
      // A blocking pop is woken by other clients, not by time racing ahead: it waits as the lab plays.
      this.blockedRequests.set(requestId, { node, client, atMs: this.live.nowMs });
      this.viewMs = this.live.nowMs;
      this.postFrame();
      return;
    }
    for (let waitedMs = 0; !reply && waitedMs < REPLY_CAP_MS && this.live.clientAlive(node, client); waitedMs += REPLY_STEP_MS) {
      session.advance(REPLY_STEP_MS);
      reply = this.live.takeReply(node, client);
    }
    this.viewMs = this.live.nowMs;
    if (reply) this.post({ type: 'reply', requestId, reply });
    else if (!this.live.clientAlive(node, client)) this.post({ type: 'error', requestId, message: 'Error: Server closed the connection' });
    else this.post({ type: 'error', requestId, message: `no reply after ${REPLY_CAP_MS / 1000} s of simulated time` });
    this.postFrame();
  }

  /** The node's console connection; reconnect (a recorded input) when the server closed it, as redis-cli does. */
  private clientFor(node: string): number {
    const known = this.clients.get(node);
    const waiting = [...this.blockedRequests.values()].some((b) => b.node === node && b.client === known);
    if (known !== undefined && this.live.clientAlive(node, known) && !waiting) return known;
    const client = this.session!.connect(node);
    this.clients.set(node, client);
    return client;
  }

  private fault(f: Fault): void {
    const session = this.session!;
    const names = new Set(this.live.views().map((v) => v.name));
    const need = (...nodes: string[]) => {
      for (const n of nodes) if (!names.has(n)) throw new Error(`there is no node called ${n}`);
    };
    const input = (i: Input) => session.input(i);
    switch (f.kind) {
      case 'crash':
      case 'restart':
      case 'wipe-disk':
        need(f.node);
        input({ t: f.kind, node: f.node });
        return;
      case 'cut':
        need(f.a, f.b);
        input({ t: 'link', a: f.a, b: f.b, props: { cut: f.cut } });
        return;
      case 'link': {
        need(f.a, f.b);
        const props = checkLinkProps(f.props);
        input({ t: 'link', a: f.a, b: f.b, props });
        return;
      }
      case 'heal-all':
        input({ t: 'heal' });
        return;
      case 'add-node': {
        if (names.size >= MAX_NODES) throw new Error(`the lab holds at most ${MAX_NODES} nodes`);
        const name = f.name ?? this.freeName(f.replicaOf === null ? 'm' : 'r');
        if (!/^[A-Za-z0-9_.-]{1,32}$/.test(name)) throw new Error(`a node name is 1 to 32 letters, digits, '-', '_' or '.', got ${JSON.stringify(name)}`);
        if (this.live.hasNode(name)) throw new Error(`there is already a node called ${name}`);
        const config: [string, string][] = [];
        if (f.replicaOf !== null) {
          need(f.replicaOf);
          const m = this.live.address(f.replicaOf)!;
          config.push(['replicaof', `${m.host} ${m.port}`]);
        }
        input({ t: 'node', name, config });
        return;
      }
      case 'remove-node':
        need(f.node);
        input({ t: 'remove', node: f.node });
        this.clients.delete(f.node);
        return;
    }
  }

  /** The first unused name r1, r2, … (m2, m3, … for masters); a removed node's name is not reused. */
  private freeName(prefix: 'm' | 'r'): string {
    for (let i = prefix === 'm' ? 2 : 1; ; i++) if (!this.live.hasNode(`${prefix}${i}`)) return `${prefix}${i}`;
  }

  private exportSession(): SharedSession {
    const s = this.session!;
    return { seed: s.seed, inputs: s.inputs.slice(), viewMs: this.viewMs, headMs: s.nowMs };
  }

  private blockedOnKeys(node: string, client: number): boolean {
    return this.live.state.nodes[node]?.clients[client]?.blocked?.t === 'keys';
  }

  /** Answer the console commands that were blocked on keys and got their reply (or lost their connection). */
  private settleBlockedRequests(): void {
    for (const [requestId, { node, client }] of this.blockedRequests) {
      const reply = this.live.takeReply(node, client);
      if (reply) this.post({ type: 'reply', requestId, reply });
      else if (!this.live.clientAlive(node, client)) this.post({ type: 'error', requestId, message: 'Error: Server closed the connection' });
      else continue;
      this.blockedRequests.delete(requestId);
    }
  }

  private failBlockedRequests(message: string): void {
    for (const requestId of this.blockedRequests.keys()) this.post({ type: 'error', requestId, message });
    this.blockedRequests.clear();
  }

  private postFrame(): void {
    if (!this.replay) this.settleBlockedRequests();
    const session = this.session!;
    const shown = this.shown;
    const trace = this.replay ? [] : this.live.drainTrace();
    // While in the past the live world records nothing new (it is not moving).
    for (const e of trace) {
      if (e.t === 'msg') this.moments.push(e.sentMs, e.deliverMs);
      else this.moments.push(e.atMs);
    }
    if (trace.length) this.momentsSorted = false;
    const nodes = shown.views();
    const frame: FrameMsg = {
      type: 'frame',
      viewMs: this.viewMs,
      headMs: this.live.nowMs,
      playing: this.playing,
      speed: this.speed,
      nodes,
      links: linkViews(shown, nodes),
      defaultLink: { ...shown.state.defaultLink },
      trace,
    };
    if (this.truncateAfterMs !== undefined) {
      frame.truncateAfterMs = this.truncateAfterMs;
      this.truncateAfterMs = undefined;
    }
    if (this.infoNode !== null) {
      const text = shown.hasNode(this.infoNode) ? (shown.infoText(this.infoNode) ?? '') : '';
      if (text !== this.lastInfo) {
        frame.info = { node: this.infoNode, text };
        this.lastInfo = text;
      }
    }
    if (session.inputs.length !== this.sentInputs) {
      frame.inputs = session.inputs.slice();
      this.sentInputs = session.inputs.length;
    }
    this.post(frame);
  }
}

function replayTo(r: Replay, session: Session, target: number): void {
  const inputs = session.inputs;
  while (r.next < inputs.length && inputs[r.next].atMs <= target) {
    r.world.advanceTo(inputs[r.next].atMs);
    r.world.apply(inputs[r.next].input);
    r.next++;
  }
  r.world.advanceTo(target);
}

/** Pairs drawn by the diagram: replication links, and any pair whose network differs from the default. */
function linkViews(world: World, nodes: NodeView[]): LinkView[] {
  const def = world.state.defaultLink;
  const out: LinkView[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i].name;
      const b = nodes[j].name;
      const props = world.link(a, b);
      const replicating = nodes[i].masterName === b || nodes[j].masterName === a;
      if (replicating || !sameLink(props, def)) out.push({ a, b, ...props });
    }
  }
  return out;
}

function sameLink(x: LinkProps, y: LinkProps): boolean {
  return x.latencyMs === y.latencyMs && x.bytesPerMs === y.bytesPerMs && x.loss === y.loss && x.cut === y.cut;
}

function checkLinkProps(p: Partial<LinkProps>): Partial<LinkProps> {
  const out: Partial<LinkProps> = {};
  if (p.latencyMs !== undefined) {
    if (!Number.isFinite(p.latencyMs) || p.latencyMs < 0 || p.latencyMs > 60_000) throw new Error(`latency must be 0 to 60000 ms, got ${p.latencyMs}`);
    out.latencyMs = Math.round(p.latencyMs);
  }
  if (p.bytesPerMs !== undefined) {
    if (!Number.isFinite(p.bytesPerMs) || p.bytesPerMs < 0) throw new Error(`bandwidth must be 0 (unlimited) or more bytes per ms, got ${p.bytesPerMs}`);
    out.bytesPerMs = p.bytesPerMs;
  }
  if (p.loss !== undefined) {
    if (!Number.isFinite(p.loss) || p.loss < 0 || p.loss > 0.9) throw new Error(`loss must be 0 to 0.9, got ${p.loss}`);
    out.loss = p.loss;
  }
  return out;
}

function requestIdOf(msg: UiToEngine): number | undefined {
  return msg.type === 'command' ? msg.requestId : undefined;
}
