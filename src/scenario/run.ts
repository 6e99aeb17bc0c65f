// Plays a parsed scenario on the engine and produces the transcript, with the
// same meaning as the real-Redis recorder: one client connection per node
// (reconnected after a restart or a kill), `sync` waiting for links up, equal
// offsets and the masters' acknowledgements, `sleep` as virtual time.

import { World } from '../engine/world';
import type { NodeState } from '../engine/server/types';
import { NODE_IS_DOWN, type TranscriptRow, encodeReply } from './transcript';
import { type Scenario, ScenarioError, expandArgs } from './parse';

export interface RunOptions {
  seed?: number;
  /** Called for each transcript row as soon as it exists. */
  onRow?: (row: TranscriptRow) => void;
  /** Node ports start here instead of 6379 (serve mode: a node's engine address is its TCP address). */
  basePort?: number;
  /** Virtual time starts at this unix ms (serve mode: the wall clock at start). */
  originMs?: number;
}

/** Virtual time a command round trip of the scenario runner takes (loopback). */
const COMMAND_RTT_MS = 1;
export const SYNC_GIVE_UP_MS = 60_000;
/** Virtual time the recorder spends waiting for a killed process to exit. */
const PROCESS_EXIT_MS = 2;

/** The condition `sync` waits for (see conformance/FORMAT.md). */
export function isSynced(world: World): boolean {
  const w = world.state;
  for (const name of w.nodeOrder) {
    const n = w.nodes[name];
    if (!n.up || n.sentinel) continue; // Sentinels are ignored.
    const repl = n.repl;
    if (repl.masterHost !== null) {
      if (repl.linkState !== 'connected' || !repl.master) return false;
      const m = findByAddr(world, repl.masterHost, repl.masterPort);
      if (!m?.up) return false;
      if (m.repl.offset !== repl.master.reploff) return false;
      const mine = m.repl.replicas.find((r) => r.listeningPort === n.port);
      if (mine?.state !== 'online' || mine.ackOffset !== m.repl.offset) return false;
    }
    for (const r of repl.replicas) {
      if (r.state !== 'online' || r.ackOffset !== repl.offset) return false;
    }
  }
  return true;
}

function findByAddr(world: World, host: string, port: number): NodeState | undefined {
  const w = world.state;
  for (const name of w.nodeOrder) {
    const n = w.nodes[name];
    if (n.port === port && (n.host === host || host === 'localhost')) return n;
  }
  return undefined;
}

/**
 * The transcript rows, the world as the scenario left it, and the scenario's
 * own client connection on each node (node name -> client id).
 */
export function runScenario(scn: Scenario, opts: RunOptions = {}): { rows: TranscriptRow[]; world: World; clients: Map<string, number> } {
  const world = new World({ seed: opts.seed ?? 1, trace: false, originMs: opts.originMs });
  if (opts.basePort !== undefined) world.state.nextPort = opts.basePort;
  const rows: TranscriptRow[] = [];
  const emit = (row: TranscriptRow): void => {
    rows.push(row);
    opts.onRow?.(row);
  };
  const clients = new Map<string, number>();
  const addressOf = (name: string) => world.address(name);
  for (const step of scn.steps) {
    switch (step.kind) {
      case 'node': {
        const config: [string, string][] = step.config.map((p) => {
          const v = expandArgs([p.value], addressOf);
          return [p.name, v.join(' ')];
        });
        let addr: { host: string; port: number };
        try {
          addr = world.addNode(step.name, config);
        } catch (e) {
          throw new ScenarioError(step.line, `node ${step.name} could not start: ${(e as Error).message}`);
        }
        emit({ step: step.step, node: step.name, host: addr.host, port: addr.port });
        break;
      }
      case 'command': {
        const n = world.node(step.node);
        if (!n.up) {
          emit({ step: step.step, node: step.node, cmd: step.text, reply: NODE_IS_DOWN });
          break;
        }
        let client = clients.get(step.node);
        if (client === undefined || !world.clientAlive(step.node, client)) {
          client = world.connect(step.node);
          clients.set(step.node, client);
        }
        const argv = expandArgs(step.args, addressOf);
        const reply = argv.length === 0 ? { t: 'error' as const, s: 'ERR empty command' } : world.command(step.node, client, argv);
        emit({ step: step.step, node: step.node, cmd: step.text, reply: encodeReply(reply) });
        world.advance(COMMAND_RTT_MS);
        break;
      }
      case 'sync':
        if (!world.runUntil(() => isSynced(world), SYNC_GIVE_UP_MS)) emit({ step: step.step, directive: 'sync', error: 'timeout' });
        break;
      case 'sleep':
        world.advance(step.ms);
        break;
      // The recorder waits for the killed process to exit (and a restarted one to
      // answer PING): by the next step its peers have seen the connections reset
      // and tried to reconnect.
      case 'crash':
        world.crash(step.node);
        world.advance(PROCESS_EXIT_MS);
        break;
      case 'restart':
        world.restart(step.node);
        world.advance(PROCESS_EXIT_MS);
        break;
      case 'link': {
        const props: { latencyMs?: number; bytesPerMs?: number; loss?: number } = {};
        if (step.latencyMs !== undefined) props.latencyMs = step.latencyMs;
        if (step.bytesPerMs !== undefined) props.bytesPerMs = step.bytesPerMs;
        if (step.loss !== undefined) props.loss = step.loss;
        world.setLink(step.a, step.b, props);
        break;
      }
      case 'partition':
        world.partition(step.groups);
        break;
      case 'heal':
        world.heal();
        break;
      case 'reset':
        world.resetConnections(step.a, step.b);
        break;
      case 'sentinel': {
        const target = world.address(step.target);
        if (!target) throw new ScenarioError(step.line, `sentinel ${step.name} monitors unknown node '${step.target}'`);
        const options: [string, string][] = step.options.map((o) => [o.name, o.value]);
        let addr: { host: string; port: number };
        try {
          addr = world.addSentinel(step.name, step.masterName, target.host, target.port, step.quorum, options);
        } catch (e) {
          throw new ScenarioError(step.line, `sentinel ${step.name} could not start: ${(e as Error).message}`);
        }
        emit({ step: step.step, node: step.name, host: addr.host, port: addr.port });
        break;
      }
    }
  }
  return { rows, world, clients };
}
