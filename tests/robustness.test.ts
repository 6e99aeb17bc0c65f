// Bad input never crashes the engine: any command name with any arguments, on
// a master or a replica, inside or outside MULTI, gets a reply (Redis' error
// texts for what it refuses) and leaves the engine able to go on.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../src/engine/commands/index';
import type { Reply } from '../src/engine/resp/reply';
import { World } from '../src/engine/world';

const argArb = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('0', '-1', '1', '16', '9223372036854775807', '-9223372036854775808', '99999999999999999999', '1.5', 'inf', 'nan', 'NO', 'ONE', 'EX', 'PX', 'NX', 'XX', 'GET', 'KEEPTTL', 'FORCE', 'TO', 'TIMEOUT', 'ABORT', 'TYPE', 'master', 'replica', 'k', 'l', 'h', 's', '*', '""', '\r\n'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

const cmdArb = fc.tuple(fc.oneof(fc.constantFrom(...commandNames()), fc.string({ maxLength: 6 })), fc.array(argArb, { maxLength: 6 }));

function isReply(r: Reply | undefined): boolean {
  return r !== undefined && typeof r.t === 'string';
}

describe('bad input gets a reply, never an exception', () => {
  it('random commands on a master and a replica', () => {
    fc.assert(
      fc.property(fc.array(cmdArb, { minLength: 1, maxLength: 25 }), (cmds) => {
        const w = new World({ seed: 5, trace: false });
        const m = w.addNode('m', [['repl-diskless-sync-delay', '0']]);
        w.addNode('r', [['replicaof', `${m.host} ${m.port}`]]);
        w.advance(1500);
        const cm = w.connect('m');
        const cr = w.connect('r');
        for (const [name, args] of cmds) {
          for (const [node, client] of [['m', cm], ['r', cr]] as const) {
            if (!w.clientAlive(node, client)) continue;
            // Commands that block (WAIT, a write paused by FAILOVER) may wait: bound it.
            const r = w.command(node, client, [name, ...args], 5_000);
            expect(isReply(r)).toBe(true);
          }
        }
        w.advance(3000);
        // The engine still works afterwards (a SHUTDOWN among the commands took m down: start it again).
        if (!w.views().find((v) => v.name === 'm')?.up) w.restart('m');
        const c = w.connect('m');
        expect(w.command('m', c, ['PING']).t).toMatch(/status|error/);
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('unknown commands, arity and type errors use Redis texts', () => {
    const w = new World({ seed: 1, trace: false });
    w.addNode('m', []);
    const c = w.connect('m');
    expect(w.command('m', c, ['FOO', 'bar', 'baz'])).toEqual({ t: 'error', s: "ERR unknown command 'FOO', with args beginning with: 'bar' 'baz' " });
    expect(w.command('m', c, ['GET'])).toEqual({ t: 'error', s: "ERR wrong number of arguments for 'get' command" });
    expect(w.command('m', c, ['CONFIG', 'GET'])).toEqual({ t: 'error', s: "ERR wrong number of arguments for 'config|get' command" });
    expect(w.command('m', c, ['CONFIG', 'GETT', 'x'])).toEqual({ t: 'error', s: "ERR unknown subcommand 'GETT'. Try CONFIG HELP." });
    w.command('m', c, ['LPUSH', 'l', 'x']);
    expect(w.command('m', c, ['GET', 'l'])).toEqual({ t: 'error', s: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(w.command('m', c, ['CONFIG', 'SET', 'repl-timeout', '0'])).toEqual({ t: 'error', s: "ERR CONFIG SET failed (possibly related to argument 'repl-timeout') - argument must be between 1 and 2147483647 inclusive" });
  });
});
