// One TCP connection to a served node = one client of the simulated node
// (world.connect), so everything Redis keeps per connection — the selected
// db, MULTI, WATCH, CLIENT SETNAME, AUTH, subscriptions — is per connection
// here too.
//
// Requests are taken off the socket one at a time and executed in order, as
// Redis' processInputBuffer does: a pipeline of three commands in one packet
// gets three replies in order; a client blocked in WAIT has the rest of its
// pipeline wait until the engine answers (when virtual time gets there); a
// protocol error is answered and the connection closed after the replies
// already due.

import type net from 'node:net';
import { E, OK, type Reply, err, status, verbatim } from '../engine/resp/reply';
import { encodeReply } from '../engine/resp/encode';
import { wire } from './wire';
import { freeClient } from '../engine/server/clients';
import type { ClientState, NodeState } from '../engine/server/types';
import type { World } from '../engine/world';
import type { CommandCatalog } from './command-table';
import { type ClientListContext, type ConnInfo, clientInfoLine, clientListCommand, helloCommand, translateKillFilters } from './protocol';
import { RequestParser } from './request-parser';

/** What a connection needs from the server that owns it. */
export interface ConnectionHost {
  readonly world: World;
  catalog(node: NodeState): CommandCatalog;
  listContext(nodeName: string): ClientListContext;
  /** The served connection of a node whose client address is addr. */
  findByAddr(nodeName: string, addr: string): ClientConnection | undefined;
  /** Bring virtual time up to the wall clock before an input is applied. */
  catchUp(): void;
  /** After an input: replies for every connection, unblocked clients, killed ones. */
  afterInput(): void;
  log(line: string): void;
}

/** A command serve answers itself, or null for the engine's. */
interface ServeCommand {
  /** Full name for arity errors and CLIENT LIST (`client|list`). */
  name: string;
  arity: number;
  noAuth: boolean;
  run(): Reply;
}

/** Placeholder queued in the engine's MULTI for a serve command; its slot in EXEC's reply is replaced. */
const PLACEHOLDER = ['echo', ''];

export class ClientConnection {
  readonly info: ConnInfo;
  private readonly parser = new RequestParser();
  /** No more requests are read: QUIT, a protocol error, or the client was killed. */
  private closing = false;
  /** Serve commands queued inside MULTI, by their index in the engine's queue. */
  private readonly queuedHere = new Map<number, ServeCommand>();

  constructor(
    private readonly host: ConnectionHost,
    readonly nodeName: string,
    /** The node's process life this connection belongs to (NodeState.epoch). */
    readonly epoch: number,
    readonly socket: net.Socket,
    info: ConnInfo,
  ) {
    this.info = info;
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => this.onData(data));
    socket.on('error', () => {
      // ECONNRESET and the like: 'close' follows and frees the client.
    });
    socket.on('close', () => this.onClose());
  }

  private get world(): World {
    return this.host.world;
  }

  /** The engine's client behind this connection, while the node process that accepted it lives. */
  engineClient(): ClientState | undefined {
    const n = this.world.state.nodes[this.nodeName];
    if (!n?.up || n.epoch !== this.epoch) return undefined;
    return n.clients[this.info.clientId];
  }

  private onData(data: Buffer): void {
    if (this.closing) return;
    this.parser.feed(data);
    this.host.catchUp();
    this.socket.cork();
    this.pump();
    this.socket.uncork();
    this.host.afterInput();
  }

  private onClose(): void {
    this.closing = true;
    const n = this.world.state.nodes[this.nodeName];
    if (n && this.engineClient()) freeClient(n, this.info.clientId);
  }

  /** Called after every input and timer tick: deliver replies, follow kills, resume after a block. */
  service(): void {
    if (this.socket.destroyed) return;
    const c = this.engineClient();
    if (!c) {
      // CLIENT KILL or the process died: Redis closes the socket (after the replies already written).
      this.close();
      return;
    }
    this.socket.cork();
    this.drain();
    if (!this.closing && !c.blocked && this.parser.pending > 0) this.pump();
    this.socket.uncork();
  }

  /** Close after the replies already written (QUIT, protocol error, killed). */
  close(): void {
    this.closing = true;
    if (!this.socket.destroyed) this.socket.end();
  }

  /** The process is gone: drop the connection at once. */
  destroy(): void {
    this.closing = true;
    this.socket.destroy();
  }

  /** Write a reply in the protocol the client speaks now (HELLO 3 switches it to RESP3). */
  private write(r: Reply): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(wire(encodeReply(r, this.engineClient()?.resp ?? 2)));
  }

  private drain(): void {
    for (let r = this.world.takeReply(this.nodeName, this.info.clientId); r; r = this.world.takeReply(this.nodeName, this.info.clientId)) this.write(r);
  }

  /** Execute the requests already received, in order, until one blocks or more bytes are needed. */
  private pump(): void {
    while (!this.closing) {
      const c = this.engineClient();
      if (!c) {
        this.close();
        return;
      }
      if (c.blocked) return;
      const req = this.parser.next(!c.authenticated);
      if (!req) return;
      if (req.t === 'error') {
        this.drain();
        this.write(err(`ERR ${req.message}`));
        this.host.log(`${this.nodeName}: client ${this.info.addr}: ${req.message}, closing the connection`);
        this.close();
        return;
      }
      if (req.argv.length === 0) continue;
      this.execute(req.argv, c);
      this.drain();
    }
  }

  private execute(argv: string[], c: ClientState): void {
    const node = this.world.node(this.nodeName);
    const name = argv[0].toLowerCase();
    this.info.lastCommand = commandLabel(argv, this.host.catalog(node));
    this.info.lastCommandMs = this.world.nowMs;
    if (!c.multi) this.queuedHere.clear();
    // Replies that arrived meanwhile (Pub/Sub messages) go out first; then the next reply taken is this command's.
    this.drain();

    // securityWarningCommand: an HTTP request sent to Redis' port; closed without a reply.
    if (name === 'post' || name === 'host:') {
      this.host.log(`${this.nodeName}: Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. Connection aborted.`);
      this.destroy();
      return;
    }
    // QUIT runs at once even inside MULTI, and without AUTH.
    if (name === 'quit') {
      this.write(OK);
      this.close();
      return;
    }
    const own = this.serveCommand(argv, node, c);
    if (own) {
      this.runServeCommand(own, argv, c);
      return;
    }
    if ((name === 'sync' && argv.length === 1) || (name === 'psync' && argv.length === 3)) {
      this.write(err('ERR Replica Lab serve mode cannot feed a real replica: SYNC and PSYNC over TCP are not simulated yet'));
      return;
    }
    let engineArgv = argv;
    if (name === 'client' && argv.length >= 3 && argv[1].toLowerCase() === 'kill' && !c.multi) {
      if (argv.length === 3 && this.killByAddress(node, argv[2])) return;
      engineArgv = translateKillFilters(argv, this.host.listContext(this.nodeName));
    }
    this.sendToEngine(engineArgv, name === 'exec');
  }

  /** HELLO, COMMAND, CLIENT LIST / INFO. */
  private serveCommand(argv: string[], node: NodeState, c: ClientState): ServeCommand | null {
    const name = argv[0].toLowerCase();
    const list = (): ClientListContext => this.host.listContext(this.nodeName);
    if (name === 'hello') {
      return {
        name,
        arity: -1,
        noAuth: true,
        run: () => helloCommand(argv, { node, client: c, auth: (user, pass) => this.engineCall(['AUTH', user, pass]) }),
      };
    }
    if (name === 'command') return { name, arity: -1, noAuth: false, run: () => this.host.catalog(node).command(argv) };
    if (name === 'client' && argv.length >= 2) {
      const sub = argv[1].toLowerCase();
      if (sub === 'list') return { name: 'client|list', arity: -2, noAuth: false, run: () => clientListCommand(argv, list()) };
      if (sub === 'info') return { name: 'client|info', arity: 2, noAuth: false, run: () => verbatim(`${clientInfoLine(list(), c)}\n`) };
    }
    return null;
  }

  /** processCommand's order for serve's own commands: arity, AUTH, then queue inside MULTI or run. */
  private runServeCommand(cmd: ServeCommand, argv: string[], c: ClientState): void {
    const arityOk = cmd.arity > 0 ? argv.length === cmd.arity : argv.length >= -cmd.arity;
    let refusal: string | null = null;
    if (!arityOk) refusal = E.arity(cmd.name);
    else if (!c.authenticated && !cmd.noAuth) refusal = 'NOAUTH Authentication required.';
    if (refusal) {
      if (c.multi) c.multiDirty = true;
      this.write(err(refusal));
      return;
    }
    if (c.multi) {
      // Queued like any command; the engine runs a harmless placeholder, EXEC's reply gets the real answer.
      c.multi.push([...PLACEHOLDER]);
      this.queuedHere.set(c.multi.length - 1, cmd);
      this.write(status('QUEUED'));
      return;
    }
    this.write(cmd.run());
  }

  /** Old form CLIENT KILL ip:port for a served connection: +OK, and the connection is closed. */
  private killByAddress(node: NodeState, addr: string): boolean {
    const target = this.host.findByAddr(this.nodeName, addr);
    if (!target) return false;
    this.write(OK);
    if (target === this) this.close();
    else freeClient(node, target.info.clientId);
    return true;
  }

  /** A command of the simulated node. EXEC's reply gets the answers of serve commands queued in it. */
  private sendToEngine(argv: string[], isExec: boolean): void {
    try {
      this.world.send(this.nodeName, this.info.clientId, argv);
    } catch (e) {
      this.internalError(argv, e);
      return;
    }
    if (!isExec || this.queuedHere.size === 0) return;
    const replies: Reply[] = [];
    for (let r = this.world.takeReply(this.nodeName, this.info.clientId); r; r = this.world.takeReply(this.nodeName, this.info.clientId)) replies.push(r);
    const last = replies[replies.length - 1];
    if (last?.t === 'array') for (const [i, cmd] of this.queuedHere) if (i < last.a.length) last.a[i] = cmd.run();
    this.queuedHere.clear();
    for (const r of replies) this.write(r);
  }

  /** Run a command on this connection's client for serve's own use (HELLO's AUTH) and take its reply. */
  private engineCall(argv: string[]): Reply {
    try {
      this.world.send(this.nodeName, this.info.clientId, argv);
    } catch (e) {
      this.internalError(argv, e);
    }
    return this.world.takeReply(this.nodeName, this.info.clientId) ?? err('ERR no reply');
  }

  private internalError(argv: string[], e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    this.host.log(`${this.nodeName}: the engine failed on ${argv[0]}: ${e instanceof Error ? (e.stack ?? msg) : msg}`);
    this.write(err(`ERR Replica Lab internal error: ${msg.replace(/[\r\n]+/g, ' ')}`));
  }
}

/** CLIENT LIST's cmd= field: the command's full name in lower case (`client|list`). */
function commandLabel(argv: string[], catalog: CommandCatalog): string {
  const top = argv[0].toLowerCase();
  if (argv.length >= 2 && catalog.lookup(`${top}|${argv[1]}`)) return `${top}|${argv[1].toLowerCase()}`;
  return top;
}
