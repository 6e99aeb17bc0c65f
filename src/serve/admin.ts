// The admin port: faults from the command line while serving. It speaks RESP
// and inline commands like a node, so both work:
//
//   redis-cli -p 7100 CRASH r1
//   redis-cli -p 7100 COMMANDS      (redis-cli answers HELP itself)
//   printf 'LATENCY m r1 500\r\n' | nc 127.0.0.1 7100
//
// Each command is an input to the world at the current virtual time, exactly
// as the lab's fault menu applies it (docs/serve.md lists them).

import type net from 'node:net';
import type { LinkProps } from '../engine/api';
import { OK, type Reply, array, bulk, err, int, status } from '../engine/resp/reply';
import { encodeReply } from '../engine/resp/encode';
import { wire } from './wire';
import type { World } from '../engine/world';
import { RequestParser } from './request-parser';
import { nodeLines } from './table';

/** What the admin console needs from the server. */
export interface AdminHost {
  readonly world: World;
  /** Bring virtual time up to the wall clock before a fault is applied. */
  catchUp(): void;
  /** After a fault: close or reopen listeners, deliver replies. */
  afterInput(): void;
  /** Resolves once a node that is up listens on its port again. */
  whenListening(node: string): Promise<void>;
  speed: number;
  setSpeed(speed: number): void;
  port(node: string): number | undefined;
  log(line: string): void;
}

export const ADMIN_HELP = [
  'Replica Lab admin commands (node names as in NODES):',
  'NODES                      Every node: role, port, state, replication link and offset.',
  'CRASH <node>               Kill the process (SIGKILL): its port refuses connections, its disk stays.',
  'RESTART <node>             Start it again (a running node is killed first), loading what its disk holds.',
  'WIPE <node>                Lose the disk of the node (dump.rdb, AOF): the next RESTART starts empty.',
  'CUT <a> <b>                Cut the network between two nodes (TCP keeps the bytes until HEAL).',
  'HEAL [<a> <b>]             Heal one cut link, or every link and partition.',
  'PARTITION <a> .. | <b> ..  Cut every link between the groups.',
  'RESET <a> <b>              Reset the TCP connections between two nodes (both ends see them closed).',
  'LATENCY <a> <b> <ms>       One-way delay between two nodes.',
  'BANDWIDTH <a> <b> <bytes/ms>  Throughput between two nodes (0 = unlimited).',
  'LOSS <a> <b> <0..1>        Probability that a message is retransmitted (arrives late).',
  'SPEED [<factor>]           Show or set how fast virtual time runs against the wall clock.',
  'TIME                       Virtual milliseconds since the world started.',
  'INFO                       Speed, virtual time and nodes as INFO text (client libraries check INFO on connect).',
  'COMMANDS (or HELP)         This list. redis-cli answers HELP itself: ask for COMMANDS.',
  'PING, QUIT',
];

function nodeError(world: World, name: string): Reply | null {
  if (world.hasNode(name) && world.state.nodeOrder.includes(name)) return null;
  return err(`ERR unknown node '${name}' (known: ${world.state.nodeOrder.join(', ')})`);
}

function pairError(world: World, a: string, b: string): Reply | null {
  const e = nodeError(world, a) ?? nodeError(world, b);
  if (e) return e;
  return a === b ? err('ERR a link joins two different nodes') : null;
}

const usage = (text: string): Reply => err(`ERR usage: ${text}`);

/** One admin command; async only where the answer waits for a port to listen again. */
export async function adminCommand(host: AdminHost, argv: string[]): Promise<Reply> {
  const world = host.world;
  const cmd = argv[0].toLowerCase();
  const args = argv.slice(1);
  host.catchUp();
  const link = (a: string, b: string, props: Partial<LinkProps>, what: string): Reply => {
    const bad = pairError(world, a, b);
    if (bad) return bad;
    world.setLink(a, b, props);
    host.log(`admin: ${what}`);
    return OK;
  };
  const number = (s: string | undefined, min: number, max: number): number | null => {
    if (s === undefined || !/^[0-9]+(\.[0-9]+)?$/.test(s)) return null;
    const n = Number(s);
    return n >= min && n <= max ? n : null;
  };
  switch (cmd) {
    case 'ping':
      return status('PONG');
    case 'help':
    case 'commands':
      return array(ADMIN_HELP.map(status));
    case 'nodes':
      return array(nodeLines(world, (n) => host.port(n)).map(status));
    case 'time':
      return int(world.elapsedMs);
    case 'info': {
      // Client libraries send INFO when they connect (ioredis' ready check) and read `field:value` lines.
      const lines = ['# Replica Lab admin', `speed:${host.speed}`, `virtual_time_ms:${world.elapsedMs}`, `nodes:${world.state.nodeOrder.join(',')}`];
      return bulk(`${lines.join('\r\n')}\r\n`);
    }
    case 'hello':
      // A client library asking for RESP3 (ioredis, node-redis with RESP: 3) falls back to RESP2 on NOPROTO: the admin port speaks RESP2 only.
      return err(args.length > 0 && args[0] !== '2' ? 'NOPROTO unsupported protocol version' : "ERR unknown admin command 'HELLO' (try COMMANDS)");
    case 'crash':
    case 'restart':
    case 'wipe': {
      if (args.length !== 1) return usage(`${cmd.toUpperCase()} <node>`);
      const bad = nodeError(world, args[0]);
      if (bad) return bad;
      const name = args[0];
      if (cmd === 'crash') {
        if (!world.node(name).up) return err(`ERR ${name} is down already`);
        world.crash(name);
      } else if (cmd === 'restart') {
        world.restart(name);
      } else {
        world.wipeDisk(name);
      }
      host.log(`admin: ${cmd} ${name}`);
      host.afterInput();
      if (cmd === 'restart') await host.whenListening(name);
      return OK;
    }
    case 'cut':
      if (args.length !== 2) return usage('CUT <a> <b>');
      return link(args[0], args[1], { cut: true }, `cut ${args[0]} ${args[1]}`);
    case 'heal':
      if (args.length === 2) return link(args[0], args[1], { cut: false }, `heal ${args[0]} ${args[1]}`);
      if (args.length !== 0) return usage('HEAL [<a> <b>]');
      world.heal();
      host.log('admin: heal');
      return OK;
    case 'latency': {
      const ms = number(args[2], 0, 3_600_000);
      if (args.length !== 3 || ms === null) return usage('LATENCY <a> <b> <ms> (0 to 3600000)');
      return link(args[0], args[1], { latencyMs: Math.round(ms) }, `latency ${args[0]} ${args[1]} ${Math.round(ms)} ms`);
    }
    case 'bandwidth': {
      const bpm = number(args[2], 0, Number.MAX_SAFE_INTEGER);
      if (args.length !== 3 || bpm === null) return usage('BANDWIDTH <a> <b> <bytes per ms> (0 = unlimited)');
      return link(args[0], args[1], { bytesPerMs: bpm }, `bandwidth ${args[0]} ${args[1]} ${bpm} bytes/ms`);
    }
    case 'loss': {
      const p = number(args[2], 0, 1);
      if (args.length !== 3 || p === null) return usage('LOSS <a> <b> <probability 0..1>');
      return link(args[0], args[1], { loss: p }, `loss ${args[0]} ${args[1]} ${p}`);
    }
    case 'partition': {
      const groups: string[][] = [[]];
      for (const t of args) {
        if (t === '|') groups.push([]);
        else {
          const bad = nodeError(world, t);
          if (bad) return bad;
          groups[groups.length - 1].push(t);
        }
      }
      if (groups.length < 2 || groups.some((g) => g.length === 0)) return usage('PARTITION <a> [<b> ...] | <c> [<d> ...]');
      world.partition(groups);
      host.log(`admin: partition ${groups.map((g) => g.join(' ')).join(' | ')}`);
      return OK;
    }
    case 'reset': {
      if (args.length !== 2) return usage('RESET <a> <b>');
      const bad = pairError(world, args[0], args[1]);
      if (bad) return bad;
      world.resetConnections(args[0], args[1]);
      host.log(`admin: reset ${args[0]} ${args[1]}`);
      return OK;
    }
    case 'speed': {
      if (args.length === 0) return status(String(host.speed));
      const s = number(args[0], 0.001, 1000);
      if (args.length !== 1 || s === null || s <= 0) return usage('SPEED [<factor> (0.001 to 1000)]');
      host.setSpeed(s);
      host.log(`admin: speed ${s}`);
      return OK;
    }
    default:
      return err(`ERR unknown admin command '${argv[0].slice(0, 128)}' (try COMMANDS)`);
  }
}

/** One connection to the admin port: requests in order, each answered before the next runs. */
export class AdminConnection {
  private readonly parser = new RequestParser();
  private busy = false;
  private closing = false;

  constructor(
    private readonly host: AdminHost,
    readonly socket: net.Socket,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => {
      this.parser.feed(d);
      void this.pump();
    });
    socket.on('error', () => {
      // 'close' follows.
    });
  }

  private write(r: Reply): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(wire(encodeReply(r)));
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (!this.closing) {
        const req = this.parser.next(false);
        if (!req) break;
        if (req.t === 'error') {
          this.write(err(`ERR ${req.message}`));
          this.close();
          break;
        }
        if (req.argv.length === 0) continue;
        if (req.argv[0].toLowerCase() === 'quit') {
          this.write(OK);
          this.close();
          break;
        }
        let reply: Reply;
        try {
          reply = await adminCommand(this.host, req.argv);
        } catch (e) {
          reply = err(`ERR ${(e instanceof Error ? e.message : String(e)).replace(/[\r\n]+/g, ' ')}`);
        }
        this.write(reply);
      }
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.closing = true;
    if (!this.socket.destroyed) this.socket.end();
  }
}
