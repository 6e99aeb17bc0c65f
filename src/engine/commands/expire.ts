// Expire commands (expire.c). A successful EXPIRE / PEXPIRE / EXPIREAT goes
// out as `PEXPIREAT k <abs ms>` (keeping any NX/XX/GT/LT argument as the
// client wrote it; PEXPIREAT itself is propagated verbatim), and a time
// already in the past deletes the key on a master and goes out as DEL (UNLINK
// with lazyfree-lazy-expire). A replica instead stores the past time and
// waits for its master's DEL (checkAlreadyExpired).

import { E, type Reply, err, int } from '../resp/reply';
import { isReplica } from '../server/exec';
import type { CommandSpec, Exec } from './types';
import { LLONG_MAX, LLONG_MIN, cstr, eqi, errFmt, intReply, string2ll } from './util';

const NX = 1;
const XX = 2;
const GT = 4;
const LT = 8;

/** parseExtendedExpireArgumentsOrReply: unknown options first, then the incompatible pairs. */
function parseExpireFlags(x: Exec): number | Reply {
  let flags = 0;
  for (let j = 3; j < x.argv.length; j++) {
    const opt = x.argv[j];
    if (eqi(opt, 'nx')) flags |= NX;
    else if (eqi(opt, 'xx')) flags |= XX;
    else if (eqi(opt, 'gt')) flags |= GT;
    else if (eqi(opt, 'lt')) flags |= LT;
    else return errFmt(`Unsupported option ${cstr(opt)}`);
  }
  if (flags & NX && flags & (XX | GT | LT)) return err('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (flags & GT && flags & LT) return err('ERR GT and LT options at the same time are not compatible');
  return flags;
}

/**
 * expireGenericCommand. `relative`: the time is added to now (EXPIRE,
 * PEXPIRE); `seconds`: the argument is in seconds (EXPIRE, EXPIREAT).
 */
function expireGeneric(x: Exec, name: string, relative: boolean, seconds: boolean): Reply {
  const key = x.argv[1];
  const flags = parseExpireFlags(x);
  if (typeof flags !== 'number') return flags;
  const arg = string2ll(x.argv[2]);
  if (arg === null) return err(E.notInt);
  const invalid = errFmt(`invalid expire time in '${name}' command`);
  let when = arg;
  if (seconds) {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return invalid;
    when *= 1000n;
  }
  const basetime = relative ? BigInt(x.nowMs) : 0n;
  if (when > LLONG_MAX - basetime) return invalid;
  when += basetime;

  if (x.lookupWrite(key) === undefined) return int(0);

  if (flags) {
    const cur = x.getExpire(key);
    const current = BigInt(cur);
    if (flags & NX && cur !== -1) return int(0);
    if (flags & XX && cur === -1) return int(0);
    // No TTL counts as an infinite one: GT never beats it, LT always does.
    if (flags & GT && (when <= current || cur === -1)) return int(0);
    if (flags & LT && cur !== -1 && when >= current) return int(0);
  }

  if (when <= BigInt(x.nowMs) && !isReplica(x.node)) {
    const lazy = x.node.config['lazyfree-lazy-expire'] === 'yes';
    x.dbDelete(key);
    x.dirty();
    x.rewrite([lazy ? 'UNLINK' : 'DEL', key]);
    return int(1);
  }
  x.setExpire(key, Number(when));
  if (name !== 'pexpireat') x.rewrite(['PEXPIREAT', key, when.toString(), ...x.argv.slice(3)]);
  x.dirty();
  return int(1);
}

/** ttlGenericCommand: -2 missing, -1 no TTL; seconds are rounded, (ttl+500)/1000. */
function ttlGeneric(x: Exec, ms: boolean, abs: boolean): Reply {
  const key = x.argv[1];
  if (x.lookupRead(key) === undefined) return int(-2);
  const expire = x.getExpire(key);
  if (expire === -1) return int(-1);
  let ttl = abs ? expire : expire - x.nowMs;
  if (ttl < 0) ttl = 0;
  if (ms) return intReply(BigInt(ttl));
  return intReply(BigInt(Math.floor((ttl + 500) / 1000)));
}

function persistCommand(x: Exec): Reply {
  const key = x.argv[1];
  if (x.lookupWrite(key) === undefined) return int(0);
  if (!x.removeExpire(key)) return int(0);
  x.dirty();
  return int(1);
}

const W = { write: true } as const;
const R = {} as const;

export const expireCommands: CommandSpec[] = [
  { name: 'expire', arity: -3, flags: W, handler: (x) => expireGeneric(x, 'expire', true, true) },
  { name: 'pexpire', arity: -3, flags: W, handler: (x) => expireGeneric(x, 'pexpire', true, false) },
  { name: 'expireat', arity: -3, flags: W, handler: (x) => expireGeneric(x, 'expireat', false, true) },
  { name: 'pexpireat', arity: -3, flags: W, handler: (x) => expireGeneric(x, 'pexpireat', false, false) },
  { name: 'ttl', arity: 2, flags: R, handler: (x) => ttlGeneric(x, false, false) },
  { name: 'pttl', arity: 2, flags: R, handler: (x) => ttlGeneric(x, true, false) },
  { name: 'expiretime', arity: 2, flags: R, handler: (x) => ttlGeneric(x, false, true) },
  { name: 'pexpiretime', arity: 2, flags: R, handler: (x) => ttlGeneric(x, true, true) },
  { name: 'persist', arity: 2, flags: W, handler: persistCommand },
];
