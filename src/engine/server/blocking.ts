// Clients blocked on keys (blocked.c): BLPOP and friends, BZPOPMIN/BZPOPMAX,
// XREAD/XREADGROUP BLOCK. A blocked client's state is plain data (its argv,
// keys, db and timeout), so snapshots copy it like any other state; when a key
// it waits on becomes ready, the command is run again through call(), as
// Redis 7.2 does (the result and propagation are the command's own: BLPOP
// serving a client propagates as LPOP because the handler rewrites itself).
//
// Contract for command handlers:
// - `canBlock(x)`: false inside MULTI/EXEC, for the master's client and while
//   re-running a blocked command; a handler that cannot block answers as on
//   timeout (a null reply) at once.
// - `parseBlockTimeout(x, arg, unit)`: getTimeoutFromObjectOrReply; the
//   absolute virtual ms to give up at (0 = wait forever) or an error reply.
// - `blockForKeys(x, keys, timeoutAtMs, timeoutReply)`: block the client on
//   keys of its current db; return its result from the handler (BLOCKED).
// - `signalKeyAsReady(x, key, db?)`: a key a client may wait on was created
//   or (streams) got new entries; blocked clients are served after the
//   current command, in the order they blocked.

import type { Reply } from '../resp/reply';
import type { Exec } from '../commands/types';
import { BLOCKED } from '../commands/types';
import type { RedisDb } from './db';

export function canBlock(_x: Exec): boolean {
  throw new Error('blocking: not built yet');
}

export function parseBlockTimeout(_x: Exec, _arg: string, _unit: 'seconds' | 'ms'): number | Reply {
  throw new Error('blocking: not built yet');
}

export function blockForKeys(_x: Exec, _keys: string[], _timeoutAtMs: number, _timeoutReply: Reply): typeof BLOCKED {
  return BLOCKED;
}

export function signalKeyAsReady(_x: Exec, _key: string, _db?: RedisDb): void {}
