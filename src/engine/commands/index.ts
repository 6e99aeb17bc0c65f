// The command table of a simulated Redis 7.0 node, built from the families.

import { bitCommands } from './bitops';
import { expireCommands } from './expire';
import { hashCommands } from './hashes';
import { keyCommands } from './keys';
import { listCommands } from './lists';
import { memoryCommands } from './memory';
import { objectCommands } from './objects';
import { clientKillHook, pubsubCommands } from './pubsub';
import { replicationCommands } from './replication';
import { flushallHook, serverCommands } from './server';
import { scanCommands } from './scan';
import { scriptingCommands } from './scripting';
import { setCommands } from './sets';
import { sortCommands } from './sort';
import { streamCommands } from './streams';
import { stringCommands } from './strings';
import type { CommandSpec, CommandTable } from './types';
import { zsetCommands } from './zsets';

function build(): CommandTable {
  const table: CommandTable = {};
  const families: CommandSpec[][] = [serverCommands, replicationCommands, stringCommands, bitCommands, keyCommands, expireCommands, listCommands, hashCommands, setCommands, zsetCommands, streamCommands, scriptingCommands, objectCommands, memoryCommands, sortCommands, scanCommands, pubsubCommands];
  for (const fam of families) {
    for (const spec of fam) table[spec.name] = spec;
  }
  // FLUSHALL also rewrites dump.rdb when save points are configured.
  const flushall = table.flushall;
  if (flushall?.handler) {
    const inner = flushall.handler;
    table.flushall = { ...flushall, handler: (x) => flushallHook(x, inner) };
  }
  // CLIENT KILL also closes clients on connections (Sentinel's links) and knows the pubsub type.
  const kill = table.client?.subcommands?.kill;
  if (kill?.handler && table.client.subcommands) {
    const inner = kill.handler;
    table.client = { ...table.client, subcommands: { ...table.client.subcommands, kill: { ...kill, handler: (x) => clientKillHook(x, inner) } } };
  }
  return table;
}

export const commandTable: CommandTable = build();

export function isContainerCommand(name: string): boolean {
  return !!commandTable[name]?.subcommands;
}

/** Command names for completion in consoles, lower case, sorted. */
export function commandNames(): string[] {
  return Object.keys(commandTable).sort();
}
