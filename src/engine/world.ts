// The whole simulation and its public API: nodes, network, the event loop
// over virtual time, external inputs (commands, faults), snapshots and the
// trace. Deterministic: same seed + same inputs => same replies and trace.

import type { EngineApi, Input, LinkProps, NodeAddress, NodeView, TimedInput } from './api';
import { commandTable, isContainerCommand } from './commands/index';
import { infoString } from './commands/info';
import { setPubsubDeliver } from './commands/pubsub';
import { shutdownCron } from './commands/server';
import { DEFAULT_LINK, closeConn, getLink, holdOnCutLink, receiverOf, resetConns, sendMsg, setLink } from './net/network';
import { checkSavePoints, removeRdbUsedToSyncReplicas, writeBgsaveResult } from './persistence/rdb';
import { replyByteLength } from './resp/encode';
import { type Reply, err, toResp2 } from './resp/reply';
import { updateFailoverStatus, onFailoverPsyncReply } from './replication/failover';
import {
  findReplica,
  goodReplicasOk,
  masterCron,
  onBgsaveDone,
  onBulkSent,
  removeReplica,
  replicationFeedSlaves,
  setMasterHooks,
  waitTimeout,
} from './replication/master';
import { onFromMaster, onMasterConnClosed, onMasterConnEstablished, onMasterConnRefused, replicaCron, replicationUnsetMaster, roleLinkState, masterNameOf } from './replication/replica';
import { blockTimeout } from './server/blocking';
import { scriptEventGate, setScriptEventDispatcher } from './scripting/run';
import { createClient, freeClient } from './server/clients';
import { cfgBool } from './server/config';
import { processCommand, setDispatchHooks } from './server/dispatch';
import { activeExpireCycle } from './server/expire-cycle';
import { crashNode, createNode, startNode, wipeDisk } from './server/node';
import type { ClientState, NodeState } from './server/types';
import { createPrng } from './sim/prng';
// Sentinel: processes in Sentinel mode are nodes with a `sentinel` state (see sentinel/).
import {
  createSentinelState,
  isSentinelConn,
  sentinelCommandTable,
  sentinelConnEstablished,
  sentinelConnLost,
  sentinelOnMessage,
  sentinelStart,
  sentinelTimer,
} from './sentinel/index';
import { type WorldSnapshot, restoreSnapshot, takeSnapshot } from './snapshot';
import { createHeap, heapPeek, heapPop, heapPush } from './sim/scheduler';
import type { TraceEvent } from './trace';
import { EPOCH_MS, type SimEvent, type WorldState } from './world-state';

function replyText(r: Reply): string {
  switch (r.t) {
    case 'status':
      return `+${r.s}`;
    case 'error':
      return `-${r.s}`;
    case 'int':
      return `:${String(r.n)}`;
    case 'bulk':
      return `$${r.s.length > 40 ? `${r.s.slice(0, 37)}...` : r.s}`;
    case 'nullbulk':
      return '$-1';
    case 'nullarray':
      return '*-1';
    case 'array':
      return `*${r.a.length}`;
    default:
      return replyText(toResp2(r));
  }
}

/**
 * Deliver a reply to a client: into its reply list, or onto its connection.
 * A RESP2 client (every client but one that said HELLO 3) gets the RESP3
 * kinds converted here, so whoever reads its replies sees RESP2 only.
 */
function deliverReply(w: WorldState, node: NodeState, c: ClientState, r: Reply): void {
  if (c.kind === 'master') return; // Redis never answers its master.
  if (c.resp !== 3) r = toResp2(r);
  if (c.conn) {
    const text = replyText(r);
    sendMsg(w, c.conn, 1, 'handshake', text, replyByteLength(r), { t: 'reply', reply: r });
    return;
  }
  c.replies.push(r);
  if (w.traceOn) w.trace.push({ t: 'reply', node: node.name, client: c.id, text: replyText(r), atMs: w.nowMs, error: r.t === 'error' });
}

let hooksInstalled = false;
function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  setDispatchHooks({
    // Sentinel mode has its own command table: data commands do not exist there.
    lookup: (node, name) => (node.sentinel ? sentinelCommandTable[name] : commandTable[name]),
    isContainer: (node, name) => (node.sentinel ? !!sentinelCommandTable[name]?.subcommands : isContainerCommand(name)),
    propagate: (w, node, dbid, argv) => replicationFeedSlaves(w, node, dbid, argv),
    reply: deliverReply,
    goodReplicasOk,
  });
  setMasterHooks(deliverReply, (w, node) => replicationUnsetMaster(w, node));
  setPubsubDeliver(deliverReply);
  setScriptEventDispatcher(handleEvent);
}

const CRON_PERIOD_MS = 100;

export interface WorldOptions {
  seed: number;
  /**
   * The unix ms virtual time starts at (default EPOCH_MS, 2026-01-01). Serve
   * mode starts at the wall clock's now, so clients computing EXAT / PXAT
   * from their own clock agree with the simulated server.
   */
  originMs?: number;
  trace?: boolean;
}

export class World implements EngineApi {
  state: WorldState;

  constructor(opts: WorldOptions | { state: WorldState }) {
    installHooks();
    if ('state' in opts) {
      this.state = opts.state;
      return;
    }
    this.state = {
      seed: opts.seed,
      nowMs: opts.originMs ?? EPOCH_MS,
      originMs: opts.originMs ?? EPOCH_MS,
      prng: createPrng(opts.seed),
      heap: createHeap<SimEvent>(),
      nodes: {},
      nodeOrder: [],
      conns: {},
      nextConnId: 1,
      nextMsgId: 1,
      nextPort: 6379,
      links: {},
      defaultLink: { ...DEFAULT_LINK },
      trace: [],
      traceOn: opts.trace ?? true,
    };
  }

  get nowMs(): number {
    return this.state.nowMs;
  }

  /** Virtual ms since the world began. */
  get elapsedMs(): number {
    return this.state.nowMs - this.state.originMs;
  }

  /** Every external input applied to this world, with its virtual time (not part of snapshots). */
  readonly inputLog: TimedInput[] = [];

  private log(input: Input): void {
    this.inputLog.push({ atMs: this.state.nowMs, input });
  }

  node(name: string): NodeState {
    const n = this.state.nodes[name];
    if (!n) throw new Error(`unknown node ${name}`);
    return n;
  }

  hasNode(name: string): boolean {
    return name in this.state.nodes;
  }

  address(name: string): NodeAddress | undefined {
    const n = this.state.nodes[name];
    return n ? { name, host: n.host, port: n.port } : undefined;
  }

  /** Create and start a node. Throws with Redis' startup error for a bad config. */
  addNode(name: string, config: [string, string][]): NodeAddress {
    const w = this.state;
    if (w.nodes[name]) throw new Error(`node ${name} exists already`);
    const port = w.nextPort++;
    const made = createNode(w, name, '127.0.0.1', port, config);
    if (typeof made === 'string') {
      w.nextPort--;
      throw new Error(made);
    }
    this.log({ t: 'node', name, config });
    w.nodes[name] = made;
    w.nodeOrder.push(name);
    startNode(w, made);
    return { name, host: made.host, port };
  }

  /**
   * Create and start a Redis Sentinel (redis-server --sentinel) monitoring
   * host:port as `masterName`, with per-master options (down-after-milliseconds,
   * failover-timeout, parallel-syncs). It gets its own port, like a node, and
   * keeps its config file (what it learned) across crash and restart.
   */
  addSentinel(name: string, masterName: string, host: string, port: number, quorum: number, options: [string, string][] = []): NodeAddress {
    const w = this.state;
    if (w.nodes[name]) throw new Error(`node ${name} exists already`);
    const st = createSentinelState(masterName, host, port, quorum, options);
    if (typeof st === 'string') throw new Error(st);
    const myPort = w.nextPort++;
    const made = createNode(w, name, '127.0.0.1', myPort, []);
    if (typeof made === 'string') {
      w.nextPort--;
      throw new Error(made);
    }
    made.sentinel = st;
    this.log({ t: 'sentinel', name, masterName, host, port, quorum, options });
    w.nodes[name] = made;
    w.nodeOrder.push(name);
    startNode(w, made);
    sentinelStart(w, made);
    return { name, host: made.host, port: myPort };
  }

  connect(node: string): number {
    const n = this.node(node);
    if (!n.up) throw new Error(`node ${node} is down`);
    this.log({ t: 'connect', node });
    return createClient(n, 'normal', 0).id;
  }

  send(node: string, client: number, argv: string[]): void {
    const w = this.state;
    const n = this.node(node);
    const c = n.clients[client];
    if (!n.up || !c) {
      throw new Error(`node ${node} is down`);
    }
    this.log({ t: 'command', node, argv, client });
    if (w.traceOn) w.trace.push({ t: 'command', node, client, argv, atMs: w.nowMs });
    processCommand(w, n, c, argv);
  }

  takeReply(node: string, client: number): Reply | undefined {
    const n = this.state.nodes[node];
    const c = n?.clients[client];
    return c?.replies.shift();
  }

  clientAlive(node: string, client: number): boolean {
    const n = this.state.nodes[node];
    return !!n?.up && !!n.clients[client];
  }

  /** Send a command and run virtual time until its reply (WAIT and paused writes take time). */
  command(node: string, client: number, argv: string[], maxWaitMs = 120_000): Reply {
    this.send(node, client, argv);
    const deadline = this.state.nowMs + maxWaitMs;
    for (;;) {
      const r = this.takeReply(node, client);
      if (r) return r;
      if (!this.clientAlive(node, client)) return err('connection closed by server');
      const next = heapPeek(this.state.heap);
      if (!next || next.atMs > deadline) {
        this.advanceTo(deadline);
        return this.takeReply(node, client) ?? err('no reply (timed out in the simulation)');
      }
      this.runOne();
    }
  }

  crash(node: string): void {
    this.log({ t: 'crash', node });
    crashNode(this.state, this.node(node));
  }

  restart(node: string): void {
    this.log({ t: 'restart', node });
    const n = this.node(node);
    crashNode(this.state, n);
    startNode(this.state, n);
    if (n.sentinel) sentinelStart(this.state, n);
  }

  wipeDisk(node: string): void {
    this.log({ t: 'wipe-disk', node });
    wipeDisk(this.node(node));
  }

  setLink(a: string, b: string, props: Partial<LinkProps>): void {
    this.log({ t: 'link', a, b, props });
    setLink(this.state, a, b, props);
  }

  link(a: string, b: string): LinkProps {
    return getLink(this.state, a, b);
  }

  /** Cut every link between groups (nodes in no group are cut from all). */
  partition(groups: string[][]): void {
    this.log({ t: 'partition', groups });
    const groupOf = new Map<string, number>();
    for (let i = 0; i < groups.length; i++) for (const n of groups[i]) groupOf.set(n, i);
    const names = this.state.nodeOrder;
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const gi = groupOf.get(names[i]) ?? -1 - i;
        const gj = groupOf.get(names[j]) ?? -1 - j;
        setLink(this.state, names[i], names[j], { cut: gi !== gj });
      }
    }
  }

  resetConnections(a: string, b: string): void {
    this.log({ t: 'reset', a, b });
    resetConns(this.state, a, b);
  }

  heal(): void {
    this.log({ t: 'heal' });
    const names = this.state.nodeOrder;
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) setLink(this.state, names[i], names[j], { cut: false });
  }

  setDefaultLink(props: Partial<LinkProps>): void {
    this.log({ t: 'default-link', props });
    this.state.defaultLink = { ...this.state.defaultLink, ...props };
  }

  /**
   * Take a node out of the world: its process stops (peers see their
   * connections reset) and it no longer listens, so reconnecting to its port
   * is refused. Its state stays under its name, which is not reused.
   */
  removeNode(node: string): void {
    const n = this.node(node);
    this.log({ t: 'remove', node });
    crashNode(this.state, n);
    wipeDisk(n);
    this.state.nodeOrder = this.state.nodeOrder.filter((x) => x !== node);
  }

  /** Apply one logged input (replay). Commands are sent without waiting for their replies. */
  apply(input: Input): void {
    switch (input.t) {
      case 'node':
        this.addNode(input.name, input.config);
        return;
      case 'sentinel':
        this.addSentinel(input.name, input.masterName, input.host, input.port, input.quorum, input.options);
        return;
      case 'connect':
        if (this.state.nodes[input.node]?.up) this.connect(input.node);
        return;
      case 'command': {
        const n = this.state.nodes[input.node];
        if (!n?.up) return;
        let client = input.client ?? 0;
        if (!n.clients[client]) client = createClient(n, 'normal', 0).id;
        this.send(input.node, client, input.argv);
        return;
      }
      case 'crash':
        this.crash(input.node);
        return;
      case 'restart':
        this.restart(input.node);
        return;
      case 'wipe-disk':
        this.wipeDisk(input.node);
        return;
      case 'link':
        this.setLink(input.a, input.b, input.props);
        return;
      case 'partition':
        this.partition(input.groups);
        return;
      case 'heal':
        this.heal();
        return;
      case 'reset':
        this.resetConnections(input.a, input.b);
        return;
      case 'default-link':
        this.setDefaultLink(input.props);
        return;
      case 'remove':
        this.removeNode(input.node);
        return;
    }
  }

  /** The next scheduled event: when, and whether it delivers a message (null when nothing is queued). */
  peekNextEvent(): { atMs: number; delivers: boolean } | null {
    const next = heapPeek(this.state.heap);
    return next ? { atMs: next.atMs, delivers: next.ev.t === 'deliver' } : null;
  }

  /** INFO (default sections) of a running node, as the command would print it, without running a command. */
  infoText(node: string): string | null {
    const n = this.state.nodes[node];
    return n?.up ? infoString(this.state, n, []) : null;
  }

  /** Run one event; false when none is queued. */
  runOne(): boolean {
    const w = this.state;
    const ev = heapPop(w.heap);
    if (!ev) return false;
    if (ev.atMs > w.nowMs) w.nowMs = ev.atMs;
    handleEvent(w, ev.ev);
    return true;
  }

  advance(ms: number): void {
    this.advanceTo(this.state.nowMs + ms);
  }

  advanceTo(targetMs: number): void {
    const w = this.state;
    for (;;) {
      const next = heapPeek(w.heap);
      if (!next || next.atMs > targetMs) break;
      this.runOne();
    }
    if (targetMs > w.nowMs) w.nowMs = targetMs;
  }

  /** Run until pred() holds (checked after every event) or maxMs passed; returns whether it held. */
  runUntil(pred: () => boolean, maxMs: number): boolean {
    const w = this.state;
    const deadline = w.nowMs + maxMs;
    if (pred()) return true;
    for (;;) {
      const next = heapPeek(w.heap);
      if (!next || next.atMs > deadline) {
        this.advanceTo(deadline);
        return pred();
      }
      this.runOne();
      if (pred()) return true;
    }
  }

  drainTrace(): TraceEvent[] {
    const t = this.state.trace;
    this.state.trace = [];
    return t;
  }

  /** A copy of the whole world (see snapshot.ts for what is shared). */
  snapshot(): WorldSnapshot {
    return takeSnapshot(this.state);
  }

  static restore(snap: WorldSnapshot): World {
    return new World({ state: restoreSnapshot(snap) });
  }

  views(): NodeView[] {
    const w = this.state;
    return w.nodeOrder.map((name) => {
      const n = w.nodes[name];
      const repl = n.repl;
      const isReplicaRole = repl.masterHost !== null;
      let keys = 0;
      for (const db of n.dbs) keys += db.dict.size;
      const rdb = n.config.save !== '' && n.config.save !== undefined;
      const aof = cfgBool(n.config, 'appendonly');
      return {
        name,
        host: n.host,
        port: n.port,
        up: n.up,
        role: isReplicaRole ? 'slave' : 'master',
        linkState: roleLinkState(repl.linkState),
        masterName: isReplicaRole ? masterNameOf(w, repl.masterHost!, repl.masterPort) : null,
        replid: repl.replid,
        offset: isReplicaRole ? (repl.master?.reploff ?? repl.cachedMaster?.reploff ?? repl.offset) : repl.offset,
        keys,
        persistence: rdb && aof ? 'rdb+aof' : aof ? 'aof' : rdb ? 'rdb' : 'none',
        replicas: repl.replicas.map((r) => ({ name: r.peer, state: r.state, ackOffset: r.ackOffset, lagMs: w.nowMs - r.ackTimeMs })),
        syncProgress: repl.transfer ? { readBytes: repl.transfer.readBytes, totalBytes: repl.transfer.totalBytes } : null,
        ...(n.sentinel ? { sentinel: true } : {}),
      };
    });
  }
}

function nodeIfLive(w: WorldState, name: string, epoch: number): NodeState | null {
  const n = w.nodes[name];
  return n?.up && n.epoch === epoch ? n : null;
}

function handleEvent(w: WorldState, ev: SimEvent): void {
  // A running script holds its node's timers and master stream, and runs in slices (scripting/run.ts).
  if (scriptEventGate(w, ev)) return;
  switch (ev.t) {
    case 'cron': {
      const n = nodeIfLive(w, ev.node, ev.epoch);
      if (!n) return;
      if (n.sentinel) {
        // Sentinel: serverCron runs sentinelTimer, at the random hz it sets.
        heapPush(w.heap, w.nowMs + sentinelTimer(w, n), ev);
        return;
      }
      serverCron(w, n);
      if (n.shutdown) shutdownCron(w, n);
      heapPush(w.heap, w.nowMs + CRON_PERIOD_MS, ev);
      return;
    }
    case 'deliver':
      onDeliver(w, ev.conn, ev.dir, ev.msg);
      return;
    case 'established': {
      const conn = w.conns[ev.conn];
      if (!conn?.open[0]) return;
      const initiator = nodeIfLive(w, conn.ends[0], conn.epochs[0]);
      const acceptor = w.nodes[conn.ends[1]];
      if (!initiator) return;
      if (!acceptor?.up) {
        delete w.conns[ev.conn];
        if (initiator.repl.masterConn === ev.conn) onMasterConnRefused(w, initiator);
        else if (initiator.sentinel) sentinelConnLost(w, initiator, ev.conn);
        return;
      }
      const client = createClient(acceptor, 'normal', conn.id);
      client.peer = { node: initiator.name, ip: initiator.host, listeningPort: 0, capaEof: false, capaPsync2: false };
      conn.acceptorClient = client.id;
      conn.epochs[1] = acceptor.epoch;
      conn.open[1] = true;
      conn.established = true;
      if (w.traceOn) w.trace.push({ t: 'conn-open', conn: conn.id, from: conn.ends[0], to: conn.ends[1], atMs: w.nowMs });
      if (initiator.repl.masterConn === conn.id) onMasterConnEstablished(w, initiator);
      else if (initiator.sentinel) sentinelConnEstablished(w, initiator, conn.id);
      return;
    }
    case 'refused': {
      const conn = w.conns[ev.conn];
      if (!conn) return;
      delete w.conns[ev.conn];
      const initiator = nodeIfLive(w, conn.ends[0], conn.epochs[0]);
      if (initiator && initiator.repl.masterConn === ev.conn) onMasterConnRefused(w, initiator);
      else if (initiator?.sentinel) sentinelConnLost(w, initiator, ev.conn);
      return;
    }
    case 'closed': {
      const conn = w.conns[ev.conn];
      if (!conn?.open[ev.side]) return;
      conn.open[ev.side] = false;
      const node = nodeIfLive(w, conn.ends[ev.side], conn.epochs[ev.side]);
      if (!conn.open[0] && !conn.open[1]) delete w.conns[ev.conn];
      if (!node) return;
      if (ev.side === 1) {
        const c = node.clients[conn.acceptorClient];
        if (c && findReplica(node, c.id)) removeReplica(w, node, c.id, ev.reason);
        else if (c) freeClient(node, c.id);
      } else if (node.repl.masterConn === conn.id) {
        onMasterConnClosed(w, node);
      } else if (node.sentinel) {
        sentinelConnLost(w, node, conn.id);
      }
      return;
    }
    case 'bgsave-done': {
      const n = nodeIfLive(w, ev.node, ev.epoch);
      if (!n) return;
      const bg = n.bgsave;
      if (!bg || bg.fork !== ev.fork) return;
      const forSync = bg.target === 'disk' && n.repl.replicas.some((r) => r.state === 'wait_bgsave_end');
      // backgroundSaveDoneHandler: rdb_save_time_last = time(NULL) - rdb_save_time_start (disk or socket).
      n.lastBgsaveSec = Math.floor(w.nowMs / 1000) - Math.floor(bg.startMs / 1000);
      onBgsaveDone(w, n, (node, done) => writeBgsaveResult(w, node, done, forSync));
      return;
    }
    case 'bulk-sent': {
      const n = nodeIfLive(w, ev.node, ev.epoch);
      if (n) onBulkSent(w, n, ev.client);
      return;
    }
    case 'shutdown': {
      const n = nodeIfLive(w, ev.node, ev.epoch);
      if (n) crashNode(w, n);
      return;
    }
    case 'wait-timeout': {
      const n = nodeIfLive(w, ev.node, ev.epoch);
      if (n) waitTimeout(w, n, ev.client);
      return;
    }
    case 'block-timeout': {
      const n = nodeIfLive(w, ev.node, ev.epoch);
      if (n) blockTimeout(w, n, ev.client);
      return;
    }
    case 'failover-timeout': {
      const n = nodeIfLive(w, ev.node, ev.epoch);
      if (n) updateFailoverStatus(w, n);
      return;
    }
  }
}

function onDeliver(w: WorldState, connId: number, dir: 0 | 1, msg: import('./world-state').NetMsg): void {
  const conn = w.conns[connId];
  if (!conn) return;
  const side = dir === 0 ? 1 : 0;
  if (!conn.open[side]) return;
  const node = nodeIfLive(w, receiverOf(conn, dir), conn.epochs[side]);
  if (!node) return;
  if (holdOnCutLink(w, conn, dir, msg)) return;
  if (side === 1) {
    // From a replica (or any client connection) to this node.
    const c = node.clients[conn.acceptorClient];
    if (!c || msg.payload.t !== 'cmd') return;
    const r = findReplica(node, c.id);
    if (r) r.lastInteractionMs = w.nowMs;
    processCommand(w, node, c, msg.payload.argv);
    return;
  }
  // Sentinel: replies and Pub/Sub messages on the links it opened.
  if (node.sentinel && isSentinelConn(node, connId)) {
    sentinelOnMessage(w, node, connId, msg);
    return;
  }
  if (node.repl.masterConn === connId) {
    if (node.repl.failover.state === 'failover-in-progress' && msg.payload.t === 'reply' && node.repl.linkState === 'receive_psync_reply') {
      onFailoverPsyncReply(w, node, msg.payload.reply);
    }
    onFromMaster(w, node, msg);
  } else {
    closeConn(w, connId, 0, 'stale connection');
  }
}

function serverCron(w: WorldState, n: NodeState): void {
  if (n.repl.masterHost === null) activeExpireCycle(w, n);
  checkSavePoints(w, n);
  if (n.cronloops % 10 === 0) {
    updateFailoverStatus(w, n);
    replicaCron(w, n);
    masterCron(w, n);
    removeRdbUsedToSyncReplicas(n);
    n.replCronLoops++;
  }
  n.cronloops++;
}
