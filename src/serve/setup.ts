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
import type { World } from '../engine/world';
import { type Scenario, parseScenario } from '../scenario/parse';
import { runScenario, SYNC_GIVE_UP_MS } from '../scenario/run';
import { NODE_IS_DOWN } from '../scenario/transcript';

/** Without a scenario: a master and two replicas of it, in sync. */
export const DEFAULT_SCENARIO = ['node m', 'node r1 replicaof $m', 'node r2 replicaof $m', 'sync', ''].join('\n');

export interface SetupResult {
  world: World;
  /** Problems worth telling the user (a `sync` that timed out, an error reply), one line each. */
  warnings: string[];
}

/** Parse and play a scenario text; node ports start at basePort. Throws ScenarioError for a bad line. */
export function setupWorld(text: string, basePort: number, seed = 1, originMs?: number): SetupResult {
  return playSetup(parseScenario(text), basePort, seed, originMs);
}

/**
 * Play the setup so that it ends at `unixNowMs`: the scenario's own virtual
 * time (syncs, sleeps) is measured on a first play, then the world is played
 * again starting that much earlier. Plays are deterministic, so both take the
 * same virtual time.
 */
export function setupAtWallTime(text: string, basePort: number, seed: number, unixNowMs: number): SetupResult {
  const scn = parseScenario(text);
  const first = playSetup(scn, basePort, seed, unixNowMs);
  const took = first.world.elapsedMs;
  return took === 0 ? first : playSetup(scn, basePort, seed, unixNowMs - took);
}

export function playSetup(scn: Scenario, basePort: number, seed = 1, originMs?: number): SetupResult {
  // The scenario runner plays it, on a world whose ports start at basePort.
  const { rows, world, clients } = runScenario(scn, { seed, basePort, originMs });
  const lineOf = new Map(scn.steps.map((s) => [s.step, s.line]));
  const warnings: string[] = [];
  for (const row of rows) {
    const line = lineOf.get(row.step);
    if ('directive' in row) warnings.push(`line ${line}: sync gave up after ${SYNC_GIVE_UP_MS / 1000} s`);
    else if ('cmd' in row && typeof row.reply === 'object' && row.reply !== null && 'error' in row.reply) {
      const what = row.reply === NODE_IS_DOWN ? 'node is down' : `(error) ${row.reply.error}`;
      warnings.push(`line ${line}: ${row.node}> ${row.cmd}: ${what}`);
    }
  }
  // The setup's own connections close, as redis-cli's would: they are not the learner's clients.
  for (const [node, id] of clients) {
    if (world.clientAlive(node, id)) freeClient(world.node(node), id);
  }
  if (world.state.nodeOrder.length === 0) throw new Error('the scenario starts no node: nothing to serve (add a `node NAME` line)');
  return { world, warnings };
}
