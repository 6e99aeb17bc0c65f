// Builds the world serve mode puts on TCP: the scenario's `node` and
// `sentinel` lines, and everything else in it (commands, sync, sleep, faults),
// played in virtual time before the first client connects.
//
// The engine gives its nodes ports 6379, 6380, ... in declaration order. Here
// the world starts counting at the first served port instead, so a node's
// engine address *is* its TCP address: INFO replication on a replica says
// `master_port:7000` when the master serves on 7000, `REPLICAOF 127.0.0.1 7000`
// typed by a learner finds it, and Sentinel reports ports clients can use.
// Nothing has to be translated in either direction.

import { freeClient } from '../engine/server/clients';
import { World } from '../engine/world';
import { type Scenario, ScenarioError, expandArgs, parseScenario } from '../scenario/parse';
import { isSynced } from '../scenario/run';

/** Without a scenario: a master and two replicas of it, in sync. */
export const DEFAULT_SCENARIO = ['node m', 'node r1 replicaof $m', 'node r2 replicaof $m', 'sync', ''].join('\n');

/** Virtual time a setup command round trip takes (as the scenario runner). */
const COMMAND_RTT_MS = 1;
const SYNC_GIVE_UP_MS = 60_000;
const PROCESS_EXIT_MS = 2;

export interface SetupResult {
  world: World;
  /** Problems worth telling the user (a `sync` that timed out, an error reply), one line each. */
  warnings: string[];
}

/** Parse and play a scenario text; node ports start at basePort. Throws ScenarioError for a bad line. */
export function setupWorld(text: string, basePort: number, seed = 1): SetupResult {
  return playSetup(parseScenario(text), basePort, seed);
}

export function playSetup(scn: Scenario, basePort: number, seed = 1): SetupResult {
  const world = new World({ seed, trace: false });
  // Engine ports are allocated from nextPort in declaration order, like serve's TCP ports.
  world.state.nextPort = basePort;
  const warnings: string[] = [];
  const clients = new Map<string, number>();
  const addressOf = (name: string) => world.address(name);
  for (const step of scn.steps) {
    switch (step.kind) {
      case 'node': {
        const config: [string, string][] = step.config.map((p) => [p.name, expandArgs([p.value], addressOf).join(' ')]);
        try {
          world.addNode(step.name, config);
        } catch (e) {
          throw new ScenarioError(step.line, `node ${step.name} could not start: ${(e as Error).message}`);
        }
        break;
      }
      case 'sentinel': {
        const target = world.address(step.target);
        if (!target) throw new ScenarioError(step.line, `sentinel ${step.name} monitors unknown node '${step.target}'`);
        try {
          world.addSentinel(
            step.name,
            step.masterName,
            target.host,
            target.port,
            step.quorum,
            step.options.map((o): [string, string] => [o.name, o.value]),
          );
        } catch (e) {
          throw new ScenarioError(step.line, `sentinel ${step.name} could not start: ${(e as Error).message}`);
        }
        break;
      }
      case 'command': {
        if (!world.node(step.node).up) {
          warnings.push(`line ${step.line}: ${step.node}> ${step.text}: node is down`);
          break;
        }
        let client = clients.get(step.node);
        if (client === undefined || !world.clientAlive(step.node, client)) {
          client = world.connect(step.node);
          clients.set(step.node, client);
        }
        const reply = world.command(step.node, client, expandArgs(step.args, addressOf));
        if (reply.t === 'error') warnings.push(`line ${step.line}: ${step.node}> ${step.text}: (error) ${reply.s}`);
        world.advance(COMMAND_RTT_MS);
        break;
      }
      case 'sync':
        if (!world.runUntil(() => isSynced(world), SYNC_GIVE_UP_MS)) warnings.push(`line ${step.line}: sync gave up after ${SYNC_GIVE_UP_MS / 1000} s`);
        break;
      case 'sleep':
        world.advance(step.ms);
        break;
      case 'crash':
        world.crash(step.node);
        world.advance(PROCESS_EXIT_MS);
        break;
      case 'restart':
        world.restart(step.node);
        world.advance(PROCESS_EXIT_MS);
        break;
      case 'link':
        world.setLink(step.a, step.b, {
          ...(step.latencyMs !== undefined ? { latencyMs: step.latencyMs } : {}),
          ...(step.bytesPerMs !== undefined ? { bytesPerMs: step.bytesPerMs } : {}),
          ...(step.loss !== undefined ? { loss: step.loss } : {}),
        });
        break;
      case 'partition':
        world.partition(step.groups);
        break;
      case 'heal':
        world.heal();
        break;
      case 'reset':
        world.resetConnections(step.a, step.b);
        break;
    }
  }
  // The setup's own connections close, as redis-cli's would: they are not the learner's clients.
  for (const [node, id] of clients) {
    if (world.clientAlive(node, id)) freeClient(world.node(node), id);
  }
  if (world.state.nodeOrder.length === 0) throw new Error('the scenario starts no node: nothing to serve (add a `node NAME` line)');
  return { world, warnings };
}
