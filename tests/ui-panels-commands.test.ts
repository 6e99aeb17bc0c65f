// The console's static command list (src/ui/panels/commands.ts) cannot drift
// from the engine's command tables: every command the engine knows is offered,
// and nothing the engine would answer with "unknown command".

import { describe, expect, it } from 'vitest';
import { commandTable } from '../src/engine/commands/index';
import type { CommandTable } from '../src/engine/commands/types';
import { sentinelCommandTable } from '../src/engine/sentinel/commands';
import { type CommandDoc, REDIS_COMMANDS, SENTINEL_COMMANDS } from '../src/ui/panels/commands';

function namesOf(table: CommandTable): string[] {
  return Object.entries(table)
    .flatMap(([name, spec]) => [name, ...Object.keys(spec.subcommands ?? {}).map((sub) => `${name} ${sub}`)])
    .sort();
}

function namesOfDocs(docs: readonly CommandDoc[]): string[] {
  return docs.flatMap((d) => [d.name, ...(d.subcommands ?? []).map((s) => `${d.name} ${s.name}`)]).sort();
}

describe('the console knows exactly the commands the engine runs', () => {
  it('a Redis node: same commands and subcommands as src/engine/commands/index.ts', () => {
    expect(namesOfDocs(REDIS_COMMANDS)).toEqual(namesOf(commandTable));
  });

  it('a Sentinel: same commands and subcommands as the Sentinel table', () => {
    expect(namesOfDocs(SENTINEL_COMMANDS)).toEqual(namesOf(sentinelCommandTable));
  });

  it('names are lower case and listed once', () => {
    for (const docs of [REDIS_COMMANDS, SENTINEL_COMMANDS]) {
      const names = namesOfDocs(docs);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toBe(n.toLowerCase());
    }
  });

  it('hints are redis-cli argument syntax, never the command name itself', () => {
    const set = REDIS_COMMANDS.find((c) => c.name === 'set');
    expect(set?.params).toBe('key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    for (const d of REDIS_COMMANDS) expect(d.params.toLowerCase().startsWith(`${d.name} `)).toBe(false);
  });
});
