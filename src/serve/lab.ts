// Serve mode: the simulated nodes of a scenario on real TCP ports, so
// redis-cli, client libraries and raw sockets talk to them as to Redis 7.0.
//
//   node m                   ->  127.0.0.1:7000   (base port)
//   node r1 replicaof $m     ->  127.0.0.1:7001
//   node r2 replicaof $m     ->  127.0.0.1:7002
//   admin port               ->  127.0.0.1:7100   (CRASH r1, CUT m r1, ...)
//
// The engine stays deterministic and clock-free: a timer moves virtual time
// to wall time x speed (VirtualClock), and every TCP input is applied at the
// virtual time it arrives. A node's listener follows its process: CRASH
// closes the port (connections refused, clients dropped), RESTART opens it.

import net from 'node:net';
import { commandTable } from '../engine/commands/index';
import { sentinelCommandTable } from '../engine/sentinel/commands';
import type { ClientState, NodeState } from '../engine/server/types';
import type { World } from '../engine/world';
import { AdminConnection, type AdminHost } from './admin';
import { VirtualClock } from './clock';
import { CommandCatalog } from './command-table';
import { ClientConnection, type ConnectionHost } from './connection';
import type { ClientListContext, InternalInfo } from './protocol';
import { DEFAULT_SCENARIO, setupAtWallTime } from './setup';
import { startTable } from './table';

export interface ServeOptions {
  /** Scenario text; default: master m and replicas r1, r2 in sync. */
  scenario?: string;
  /** Port of the first node; the others follow in node order. Default 7000. */
  basePort?: number;
  /** Default basePort + 100. */
  adminPort?: number;
  /** Address to listen on. Default 127.0.0.1 (the engine's nodes live there too). */
  host?: string;
  /** Virtual ms per wall ms. Default 1. */
  speed?: number;
  seed?: number;
  /** How often the timer moves virtual time (wall ms). Default 10. */
  tickMs?: number;
  /** Where serve reports admin actions and problems, one line each. Default: nowhere. */
  log?: (line: string) => void;
  /** Wall clock in ms that virtual time follows (tests may drive it). Default: unixNow. */
  wallNow?: () => number;
  /**
   * Unix time in ms, read once at start: when serving begins the simulated
   * servers' clock (TIME, EXAT, PXAT, EXPIRETIME) shows this time, so a
   * client's `clock seconds + 10` means ten seconds from now. Default Date.now.
   */
  unixNow?: () => number;
}

/** The first file descriptor a client gets in Redis (after the listening sockets and the event loop's own). */
const FIRST_CLIENT_FD = 8;

/** A node's TCP side: its listening socket while its process runs, and the connections it accepted. */
class NodeListener {
  server: net.Server | null = null;
  /** The process life (NodeState.epoch) the listener was opened for. */
  epoch = -1;
  /** A process life whose port could not be opened (taken meanwhile): not tried again until the next restart. */
  failedEpoch = -1;
  listening: Promise<void> = Promise.resolve();
  readonly conns = new Set<ClientConnection>();
  /** File descriptors in use: TCP clients and the engine's own links. */
  readonly fds = new Set<number>();
  /** Clients the engine opened (replica links, the master link, Sentinel links), by client id. */
  readonly internal = new Map<number, InternalInfo>();

  constructor(
    readonly name: string,
    readonly port: number,
  ) {}

  allocFd(): number {
    let fd = FIRST_CLIENT_FD;
    while (this.fds.has(fd)) fd++;
    this.fds.add(fd);
    return fd;
  }
}

export class ServeLab implements ConnectionHost, AdminHost {
  readonly world: World;
  readonly host: string;
  readonly basePort: number;
  readonly adminPort: number;
  /** Setup problems (a sync that timed out, a command that failed). */
  readonly warnings: string[];
  private readonly clock: VirtualClock;
  private readonly listeners = new Map<string, NodeListener>();
  private readonly adminSockets = new Set<net.Socket>();
  private readonly adminServer: net.Server;
  private readonly serverCatalog = new CommandCatalog(commandTable, false);
  private readonly sentinelCatalog = new CommandCatalog(sentinelCommandTable, true);
  private readonly logLine: (line: string) => void;
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  private constructor(opts: ServeOptions) {
    this.host = opts.host ?? '127.0.0.1';
    this.basePort = opts.basePort ?? 7000;
    this.adminPort = opts.adminPort ?? this.basePort + 100;
    this.logLine = opts.log ?? (() => {});
    const unixNow = opts.unixNow ?? Date.now;
    const startedMs = unixNow();
    const { world, warnings } = setupAtWallTime(opts.scenario ?? DEFAULT_SCENARIO, this.basePort, opts.seed ?? 1, startedMs);
    this.world = world;
    this.warnings = warnings;
    for (const name of world.state.nodeOrder) this.listeners.set(name, new NodeListener(name, world.node(name).port));
    // Playing the setup took real time too: virtual time starts that much later, so it shows the wall clock.
    // The wall clock is the unix clock (not a monotonic one, which drifts from it by ms a minute): clients compare
    // EXAT / PXAT / TIME with their own unix clock. Virtual time never goes back if the unix clock does.
    this.clock = new VirtualClock(world.nowMs + Math.max(0, unixNow() - startedMs), opts.speed ?? 1, opts.wallNow ?? unixNow);
    this.adminServer = net.createServer((s) => this.acceptAdmin(s));
  }

  /** Build the world from the scenario, listen on every port, start the clock. Rejects when a port is taken. */
  static async start(opts: ServeOptions = {}): Promise<ServeLab> {
    const lab = new ServeLab(opts);
    try {
      lab.syncListeners();
      await Promise.all([...lab.listeners.values()].map((l) => l.listening));
      await listen(lab.adminServer, lab.adminPort, lab.host, 'the admin port');
    } catch (e) {
      await lab.stop();
      throw e;
    }
    lab.timer = setInterval(() => lab.tick(), opts.tickMs ?? 10);
    return lab;
  }

  /** The start-up table (node, role, port, master). */
  table(): string[] {
    return startTable(this.world, this.host, (n) => this.port(n), this.adminPort);
  }

  port(node: string): number | undefined {
    return this.listeners.get(node)?.port;
  }

  get speed(): number {
    return this.clock.speed;
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
  }

  log(line: string): void {
    this.logLine(line);
  }

  catalog(node: NodeState): CommandCatalog {
    return node.sentinel ? this.sentinelCatalog : this.serverCatalog;
  }

  /** Move virtual time to where the wall clock says it is. */
  catchUp(): void {
    const target = this.clock.targetMs();
    if (target <= this.world.nowMs) return;
    try {
      this.world.advanceTo(target);
    } catch (e) {
      this.log(`the engine failed while advancing time: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    // Serve never replays: the input log would only grow.
    this.world.inputLog.length = 0;
  }

  afterInput(): void {
    if (this.stopped) return;
    this.syncListeners();
    // Two passes: a command on one connection (PUBLISH, CLIENT KILL) may concern one served before it.
    for (let pass = 0; pass < 2; pass++) {
      for (const l of this.listeners.values()) for (const c of l.conns) c.service();
    }
  }

  private tick(): void {
    this.catchUp();
    this.afterInput();
  }

  whenListening(node: string): Promise<void> {
    return this.listeners.get(node)?.listening ?? Promise.resolve();
  }

  findByAddr(nodeName: string, addr: string): ClientConnection | undefined {
    for (const c of this.listeners.get(nodeName)?.conns ?? []) if (c.info.addr === addr && c.engineClient()) return c;
    return undefined;
  }

  listContext(nodeName: string): ClientListContext {
    const l = this.listeners.get(nodeName);
    const node = this.world.node(nodeName);
    const byId = new Map<number, ClientConnection>();
    for (const c of l?.conns ?? []) byId.set(c.info.clientId, c);
    return {
      node,
      nowMs: this.world.nowMs,
      served: (id) => byId.get(id)?.info,
      internal: (c: ClientState) => l?.internal.get(c.id) ?? { fd: -1, firstSeenMs: this.world.nowMs },
    };
  }

  /** Listeners follow the processes: open for a node that is up, closed (clients dropped) for one that is down. */
  private syncListeners(): void {
    for (const l of this.listeners.values()) {
      const node = this.world.state.nodes[l.name];
      const up = !!node?.up && this.world.state.nodeOrder.includes(l.name);
      if (l.server && (!up || node.epoch !== l.epoch)) this.closeListener(l);
      if (up && !l.server && l.failedEpoch !== node.epoch) this.openListener(l, node);
      if (up) this.trackInternalClients(l, node);
    }
  }

  private openListener(l: NodeListener, node: NodeState): void {
    const server = net.createServer((s) => this.accept(l, s));
    l.server = server;
    l.epoch = node.epoch;
    l.listening = listen(server, l.port, this.host, `node ${l.name}`);
    l.listening.catch((e: unknown) => {
      // At start the error is start()'s rejection; later (a RESTART) it is only worth a line.
      if (this.timer) this.log(e instanceof Error ? e.message : String(e));
      if (l.server === server) {
        l.server = null;
        l.failedEpoch = node.epoch;
      }
    });
  }

  /** The process is gone: the kernel closes its listening socket and every connection. */
  private closeListener(l: NodeListener): void {
    l.server?.close();
    l.server = null;
    for (const c of l.conns) c.destroy();
    l.conns.clear();
    l.fds.clear();
    l.internal.clear();
  }

  /** fds and first-seen times for the connections the engine opens itself, as they come and go. */
  private trackInternalClients(l: NodeListener, node: NodeState): void {
    for (const [id, info] of l.internal) {
      if (!node.clients[id]) {
        l.internal.delete(id);
        l.fds.delete(info.fd);
      }
    }
    for (const c of Object.values(node.clients)) {
      if (c.conn !== 0 && !l.internal.has(c.id)) l.internal.set(c.id, { fd: l.allocFd(), firstSeenMs: this.world.nowMs });
    }
  }

  private accept(l: NodeListener, socket: net.Socket): void {
    const node = this.world.state.nodes[l.name];
    if (this.stopped || !node?.up || node.epoch !== l.epoch) {
      socket.destroy();
      return;
    }
    this.catchUp();
    const clientId = this.world.connect(l.name);
    const fd = l.allocFd();
    const conn = new ClientConnection(this, l.name, node.epoch, socket, {
      clientId,
      addr: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`,
      laddr: `${socket.localAddress ?? this.host}:${socket.localPort ?? l.port}`,
      fd,
      createdMs: this.world.nowMs,
      lastCommandMs: this.world.nowMs,
      lastCommand: 'NULL',
    });
    l.conns.add(conn);
    socket.on('close', () => {
      if (l.conns.delete(conn)) l.fds.delete(fd);
      this.afterInput();
    });
  }

  private acceptAdmin(socket: net.Socket): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    this.adminSockets.add(socket);
    socket.on('close', () => this.adminSockets.delete(socket));
    new AdminConnection(this, socket);
  }

  /** Close every port and connection; resolves when the listening sockets are closed. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const closing: Promise<void>[] = [];
    const closeServer = (s: net.Server): void => {
      if (s.listening) closing.push(new Promise((resolve) => s.close(() => resolve())));
    };
    for (const l of this.listeners.values()) {
      if (l.server) closeServer(l.server);
      l.server = null;
      for (const c of l.conns) c.destroy();
      l.conns.clear();
    }
    closeServer(this.adminServer);
    for (const s of this.adminSockets) s.destroy();
    this.adminSockets.clear();
    await Promise.all(closing);
  }
}

/** server.listen as a promise, with a message that names the port when it is taken. */
function listen(server: net.Server, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(new Error(e.code === 'EADDRINUSE' ? `${what}: port ${port} is already in use (choose another --base-port or --admin-port)` : `${what}: cannot listen on ${host}:${port}: ${e.message}`));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, exclusive: true });
  });
}
