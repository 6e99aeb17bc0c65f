// String commands (t_string.c). What matters beyond the replies is what each
// command propagates: any relative or absolute expire becomes
// `SET k v PXAT <abs ms>`, SET ... GET drops its GET arguments, GETSET goes
// out as SET, INCRBYFLOAT as `SET k <result> KEEPTTL`, GETDEL as DEL, GETEX
// as PEXPIREAT / PERSIST / DEL, so replicas never recompute times or floats.

import { utf8Decode, utf8Encode } from '../resp/bytes';
import { E, NULL_BULK, OK, type Reply, array, bulk, err, int } from '../resp/reply';
import { byteLength } from '../resp/encode';
import { isReplica } from '../server/exec';
import type { CommandSpec, Exec } from './types';
import { LD_ZERO, LLONG_MAX, LLONG_MIN, asciiLower, byteOverwrite, byteSlice, checkStringLength, cstr, eqi, errFmt, intReply, ldAdd, ldIsNanOrInf, ldToHuman, protoMaxBulkLen, string2ld, string2ll } from './util';

const WRONGTYPE = err(E.wrongType);
const EMPTY_BULK: Reply = { t: 'bulk', s: '' };

// parseExtendedStringArgumentsOrReply flags.
const NX = 1 << 0;
const XX = 1 << 1;
const EX = 1 << 2;
const PX = 1 << 3;
const KEEPTTL = 1 << 4;
const GET = 1 << 5;
const EXAT = 1 << 6;
const PXAT = 1 << 7;
const PERSIST = 1 << 8;

type Unit = 'seconds' | 'ms';

interface Extended {
  flags: number;
  unit: Unit;
  expire: string | null;
}

/** parseExtendedStringArgumentsOrReply: SET's and GETEX's options, any conflict is a syntax error. */
function parseExtended(x: Exec, forSet: boolean): Extended | Reply {
  const argv = x.argv;
  let flags = 0;
  let unit: Unit = 'seconds';
  let expire: string | null = null;
  const timeFlags = EX | PX | EXAT | PXAT;
  for (let j = forSet ? 3 : 2; j < argv.length; j++) {
    const opt = asciiLower(cstr(argv[j]));
    const hasNext = j < argv.length - 1;
    if (opt === 'nx' && !(flags & XX) && forSet) {
      flags |= NX;
    } else if (opt === 'xx' && !(flags & NX) && forSet) {
      flags |= XX;
    } else if (opt === 'get' && forSet) {
      flags |= GET;
    } else if (opt === 'keepttl' && !(flags & PERSIST) && !(flags & timeFlags) && forSet) {
      flags |= KEEPTTL;
    } else if (opt === 'persist' && !forSet && !(flags & timeFlags) && !(flags & KEEPTTL)) {
      flags |= PERSIST;
    } else if (opt === 'ex' && !(flags & (KEEPTTL | PERSIST | EXAT | PX | PXAT)) && hasNext) {
      flags |= EX;
      expire = argv[++j];
    } else if (opt === 'px' && !(flags & (KEEPTTL | PERSIST | EX | EXAT | PXAT)) && hasNext) {
      flags |= PX;
      unit = 'ms';
      expire = argv[++j];
    } else if (opt === 'exat' && !(flags & (KEEPTTL | PERSIST | EX | PX | PXAT)) && hasNext) {
      flags |= EXAT;
      expire = argv[++j];
    } else if (opt === 'pxat' && !(flags & (KEEPTTL | PERSIST | EX | EXAT | PX)) && hasNext) {
      flags |= PXAT;
      unit = 'ms';
      expire = argv[++j];
    } else {
      return err(E.syntax);
    }
  }
  return { flags, unit, expire };
}

function isReply(v: Extended | Reply): v is Reply {
  return 't' in v;
}

/**
 * getExpireMillisecondsOrReply: the absolute expire time in ms. Zero or
 * negative values are refused, and so is any overflow of the signed 64-bit
 * arithmetic Redis does (seconds * 1000, then + now for EX/PX).
 */
function expireMs(x: Exec, arg: string, flags: number, unit: Unit, name: string): bigint | Reply {
  const v = string2ll(arg);
  if (v === null) return err(E.notInt);
  const invalid = errFmt(`invalid expire time in '${name}' command`);
  if (v <= 0n || (unit === 'seconds' && v > LLONG_MAX / 1000n)) return invalid;
  let ms = unit === 'seconds' ? v * 1000n : v;
  if (flags & (PX | EX)) ms += BigInt(x.nowMs);
  if (ms > LLONG_MAX) return invalid; // wraps negative in C
  return ms;
}

/** getGenericCommand: the GET reply, or WRONGTYPE (`ok` false). */
function getGeneric(x: Exec, key: string): { ok: boolean; reply: Reply } {
  const o = x.lookupRead(key);
  if (o === undefined) return { ok: true, reply: NULL_BULK };
  if (o.type !== 'string') return { ok: false, reply: WRONGTYPE };
  return { ok: true, reply: bulk(o.v) };
}

/** setGenericCommand: SET and its variants SETNX, SETEX, PSETEX. */
function setGeneric(x: Exec, flags: number, key: string, val: string, expire: string | null, unit: Unit, name: string, okReply: Reply, abortReply: Reply): Reply {
  let ms: bigint | null = null;
  if (expire !== null) {
    const r = expireMs(x, expire, flags, unit, name);
    if (typeof r !== 'bigint') return r;
    ms = r;
  }
  let getReply: Reply | null = null;
  if (flags & GET) {
    const g = getGeneric(x, key);
    if (!g.ok) return g.reply;
    getReply = g.reply;
  }
  const found = x.lookupWrite(key) !== undefined;
  if ((flags & NX && found) || (flags & XX && !found)) return getReply ?? abortReply;

  x.setKey(key, { type: 'string', v: val }, (flags & KEEPTTL) !== 0);
  x.dirty();
  if (ms !== null) {
    x.setExpire(key, Number(ms));
    x.rewrite(['SET', key, val, 'PXAT', ms.toString()]);
  } else if (flags & GET) {
    // Propagated without its GET argument(s), in the client's own case.
    x.rewrite(x.argv.filter((a, j) => j < 3 || !eqi(a, 'get')));
  }
  return getReply ?? okReply;
}

function setCommand(x: Exec): Reply {
  const p = parseExtended(x, true);
  if (isReply(p)) return p;
  return setGeneric(x, p.flags, x.argv[1], x.argv[2], p.expire, p.unit, 'set', OK, NULL_BULK);
}

/** GETEX key [EX|PX|EXAT|PXAT t | PERSIST]: never propagated as is. */
function getexCommand(x: Exec): Reply {
  const p = parseExtended(x, false);
  if (isReply(p)) return p;
  const key = x.argv[1];
  const o = x.lookupRead(key);
  if (o === undefined) return NULL_BULK;
  if (o.type !== 'string') return WRONGTYPE;
  let ms: bigint | null = null;
  if (p.expire !== null) {
    const r = expireMs(x, p.expire, p.flags, p.unit, 'getex');
    if (typeof r !== 'bigint') return r;
    ms = r;
  }
  const reply = bulk(o.v);
  if (ms !== null && p.flags & (PXAT | EXAT) && ms <= BigInt(x.nowMs) && !isReplica(x.node)) {
    // checkAlreadyExpired: an absolute time in the past deletes the key.
    const lazy = x.node.config['lazyfree-lazy-expire'] === 'yes';
    x.dbDelete(key);
    x.rewrite([lazy ? 'UNLINK' : 'DEL', key]);
    x.dirty();
  } else if (ms !== null) {
    x.setExpire(key, Number(ms));
    x.rewrite(['PEXPIREAT', key, ms.toString()]);
    x.dirty();
  } else if (p.flags & PERSIST) {
    if (x.removeExpire(key)) {
      x.rewrite(['PERSIST', key]);
      x.dirty();
    }
  }
  return reply;
}

function getdelCommand(x: Exec): Reply {
  const key = x.argv[1];
  const g = getGeneric(x, key);
  if (!g.ok) return g.reply;
  if (x.dbDelete(key)) {
    const lazy = x.node.config['lazyfree-lazy-user-del'] === 'yes';
    x.rewrite([lazy ? 'UNLINK' : 'DEL', key]);
    x.dirty();
  }
  return g.reply;
}

function getsetCommand(x: Exec): Reply {
  const key = x.argv[1];
  const g = getGeneric(x, key);
  if (!g.ok) return g.reply;
  x.lookupWrite(key); // setKey() looks the key up for write
  x.setKey(key, { type: 'string', v: x.argv[2] });
  x.dirty();
  x.rewrite(['SET', key, x.argv[2]]);
  return g.reply;
}

function setrangeCommand(x: Exec): Reply {
  const key = x.argv[1];
  const value = x.argv[3];
  const off = string2ll(x.argv[2]);
  if (off === null) return err(E.notInt);
  if (off < 0n) return err('ERR offset is out of range');
  const vlen = byteLength(value);
  const offset = Number(off);
  const o = x.lookupWrite(key);
  let cur: string;
  if (o === undefined) {
    // Setting nothing on a missing key creates nothing.
    if (vlen === 0) return int(0);
    const tooLong = checkStringLength(x, offset, vlen);
    if (tooLong) return tooLong;
    cur = '';
  } else {
    if (o.type !== 'string') return WRONGTYPE;
    if (vlen === 0) return int(byteLength(o.v));
    const tooLong = checkStringLength(x, offset, vlen);
    if (tooLong) return tooLong;
    cur = o.v;
  }
  const next = byteOverwrite(cur, offset, value);
  x.setKey(key, { type: 'string', v: next, raw: true }, true);
  x.dirty();
  return int(byteLength(next));
}

/** GETRANGE / SUBSTR: byte offsets, negative ones from the end. */
function getrangeCommand(x: Exec): Reply {
  const s0 = string2ll(x.argv[2]);
  if (s0 === null) return err(E.notInt);
  const e0 = string2ll(x.argv[3]);
  if (e0 === null) return err(E.notInt);
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return EMPTY_BULK;
  if (o.type !== 'string') return WRONGTYPE;
  const len = BigInt(byteLength(o.v));
  let start = s0;
  let end = e0;
  if (start < 0n && end < 0n && start > end) return EMPTY_BULK;
  if (start < 0n) start = len + start;
  if (end < 0n) end = len + end;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= len) end = len - 1n;
  if (start > end || len === 0n) return EMPTY_BULK;
  return bulk(byteSlice(o.v, Number(start), Number(end)));
}

function mgetCommand(x: Exec): Reply {
  const out: Reply[] = [];
  for (let j = 1; j < x.argv.length; j++) {
    const o = x.lookupRead(x.argv[j]);
    out.push(o !== undefined && o.type === 'string' ? bulk(o.v) : NULL_BULK);
  }
  return { t: 'array', a: out };
}

function msetGeneric(x: Exec, nx: boolean): Reply {
  const argv = x.argv;
  if (argv.length % 2 === 0) return err(E.arity(nx ? 'msetnx' : 'mset'));
  if (nx) {
    for (let j = 1; j < argv.length; j += 2) {
      if (x.lookupWrite(argv[j]) !== undefined) return int(0);
    }
  }
  for (let j = 1; j < argv.length; j += 2) {
    // setKey() does a lookupKeyWrite: an expired key is deleted (and its
    // DEL propagated) before being overwritten.
    x.lookupWrite(argv[j]);
    x.setKey(argv[j], { type: 'string', v: argv[j + 1] });
  }
  x.dirty((argv.length - 1) / 2);
  return nx ? int(1) : OK;
}

/** incrDecrCommand: 64-bit signed arithmetic on a canonical integer string; the TTL is kept. */
function incrDecr(x: Exec, incr: bigint): Reply {
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o !== undefined && o.type !== 'string') return WRONGTYPE;
  const value = o === undefined ? 0n : string2ll(o.v);
  if (value === null) return err(E.notInt);
  if ((incr < 0n && value < 0n && incr < LLONG_MIN - value) || (incr > 0n && value > 0n && incr > LLONG_MAX - value)) {
    return err(E.overflow);
  }
  const next = value + incr;
  x.setKey(key, { type: 'string', v: next.toString() }, true);
  x.dirty();
  return intReply(next);
}

function incrbyfloatCommand(x: Exec): Reply {
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o !== undefined && o.type !== 'string') return WRONGTYPE;
  const value = o === undefined ? LD_ZERO : string2ld(o.v);
  if (value === null) return err(E.notFloat);
  const incr = string2ld(x.argv[2]);
  if (incr === null) return err(E.notFloat);
  const sum = ldAdd(value, incr);
  if (ldIsNanOrInf(sum)) return err('ERR increment would produce NaN or Infinity');
  const s = ldToHuman(sum);
  x.setKey(key, { type: 'string', v: s }, true);
  x.dirty();
  // Replicated as a SET of the result so replicas never redo float math.
  x.rewrite(['SET', key, s, 'KEEPTTL']);
  return bulk(s);
}

function appendCommand(x: Exec): Reply {
  const key = x.argv[1];
  const add = x.argv[2];
  const o = x.lookupWrite(key);
  let total: number;
  if (o === undefined) {
    // Even APPEND k "" creates the key (and is propagated).
    x.dbAdd(key, { type: 'string', v: add });
    total = byteLength(add);
  } else {
    if (o.type !== 'string') return WRONGTYPE;
    const curLen = byteLength(o.v);
    const addLen = byteLength(add);
    const tooLong = checkStringLength(x, curLen, addLen);
    if (tooLong) return tooLong;
    x.setKey(key, { type: 'string', v: o.v + add, raw: true }, true);
    total = curLen + addLen;
  }
  x.dirty();
  return int(total);
}

function strlenCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (o.type !== 'string') return WRONGTYPE;
  return int(byteLength(o.v));
}

/** LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN] (lcsCommand), byte by byte, ranges walked back as Redis walks them. */
const lcs = (x: Exec): Reply => {
  const oa = x.lookupRead(x.argv[1]);
  const ob = x.lookupRead(x.argv[2]);
  if ((oa && oa.type !== 'string') || (ob && ob.type !== 'string')) return err('ERR The specified keys must contain string values');
  let getlen = false;
  let getidx = false;
  let withmatchlen = false;
  let minmatchlen = 0n;
  for (let j = 3; j < x.argv.length; j++) {
    const opt = asciiLower(x.argv[j]);
    const more = x.argv.length - 1 - j;
    if (opt === 'idx') getidx = true;
    else if (opt === 'len') getlen = true;
    else if (opt === 'withmatchlen') withmatchlen = true;
    else if (opt === 'minmatchlen' && more > 0) {
      const n = string2ll(x.argv[j + 1]);
      if (n === null) return err(E.notInt);
      minmatchlen = n < 0n ? 0n : n;
      j++;
    } else return err(E.syntax);
  }
  if (getlen && getidx) return err('ERR If you want both the length and indexes, please just use IDX.');
  const a = utf8Encode(oa?.type === 'string' ? oa.v : '');
  const b = utf8Encode(ob?.type === 'string' ? ob.v : '');
  const alen = a.length;
  const blen = b.length;
  const w = blen + 1;
  if ((alen + 1) * w * 4 > protoMaxBulkLen(x)) return err('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
  const t = new Uint32Array((alen + 1) * w);
  for (let i = 1; i <= alen; i++) {
    for (let j = 1; j <= blen; j++) {
      if (a[i - 1] === b[j - 1]) t[i * w + j] = t[(i - 1) * w + j - 1] + 1;
      else t[i * w + j] = Math.max(t[(i - 1) * w + j], t[i * w + j - 1]);
    }
  }
  const total = t[alen * w + blen];
  let idx = total;
  const result: number[] = new Array(total).fill(0);
  const matches: Reply[] = [];
  let aStart = alen;
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  let i = alen;
  let j = blen;
  const computelcs = getidx || !getlen;
  while (computelcs && i > 0 && j > 0) {
    let emit = false;
    if (a[i - 1] === b[j - 1]) {
      result[idx - 1] = a[i - 1];
      if (aStart === alen) {
        aStart = i - 1;
        aEnd = i - 1;
        bStart = j - 1;
        bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      if (aStart === 0 || bStart === 0) emit = true;
      idx--;
      i--;
      j--;
    } else {
      if (t[(i - 1) * w + j] > t[i * w + j - 1]) i--;
      else j--;
      if (aStart !== alen) emit = true;
    }
    const matchLen = aEnd - aStart + 1;
    if (emit) {
      if (getidx && (minmatchlen === 0n || BigInt(matchLen) >= minmatchlen)) {
        const m: Reply[] = [array([int(aStart), int(aEnd)]), array([int(bStart), int(bEnd)])];
        if (withmatchlen) m.push(int(matchLen));
        matches.push(array(m));
      }
      aStart = alen;
    }
  }
  // LCS IDX answers a map (a flat array in RESP2).
  if (getidx) return { t: 'map', a: [bulk('matches'), array(matches), bulk('len'), int(total)] };
  if (getlen) return int(total);
  return bulk(utf8Decode(result));
};

const W = { write: true } as const;
const R = {} as const;

export const stringCommands: CommandSpec[] = [
  { name: 'lcs', arity: -3, flags: {}, handler: lcs },
  { name: 'set', arity: -3, flags: W, handler: setCommand },
  {
    name: 'setnx',
    arity: 3,
    flags: W,
    handler: (x) => setGeneric(x, NX, x.argv[1], x.argv[2], null, 'seconds', 'setnx', int(1), int(0)),
  },
  {
    name: 'setex',
    arity: 4,
    flags: W,
    handler: (x) => setGeneric(x, EX, x.argv[1], x.argv[3], x.argv[2], 'seconds', 'setex', OK, NULL_BULK),
  },
  {
    name: 'psetex',
    arity: 4,
    flags: W,
    handler: (x) => setGeneric(x, PX, x.argv[1], x.argv[3], x.argv[2], 'ms', 'psetex', OK, NULL_BULK),
  },
  { name: 'get', arity: 2, flags: R, handler: (x) => getGeneric(x, x.argv[1]).reply },
  { name: 'getex', arity: -2, flags: W, handler: getexCommand },
  { name: 'getdel', arity: 2, flags: W, handler: getdelCommand },
  { name: 'getset', arity: 3, flags: W, handler: getsetCommand },
  { name: 'setrange', arity: 4, flags: W, handler: setrangeCommand },
  { name: 'getrange', arity: 4, flags: R, handler: getrangeCommand },
  { name: 'substr', arity: 4, flags: R, handler: getrangeCommand },
  { name: 'mget', arity: -2, flags: R, handler: mgetCommand },
  { name: 'mset', arity: -3, flags: W, handler: (x) => msetGeneric(x, false) },
  { name: 'msetnx', arity: -3, flags: W, handler: (x) => msetGeneric(x, true) },
  { name: 'incr', arity: 2, flags: W, handler: (x) => incrDecr(x, 1n) },
  { name: 'decr', arity: 2, flags: W, handler: (x) => incrDecr(x, -1n) },
  {
    name: 'incrby',
    arity: 3,
    flags: W,
    handler: (x) => {
      const incr = string2ll(x.argv[2]);
      return incr === null ? err(E.notInt) : incrDecr(x, incr);
    },
  },
  {
    name: 'decrby',
    arity: 3,
    flags: W,
    handler: (x) => {
      const incr = string2ll(x.argv[2]);
      if (incr === null) return err(E.notInt);
      // Negating LLONG_MIN would overflow: its own error text.
      if (incr === LLONG_MIN) return err('ERR decrement would overflow');
      return incrDecr(x, -incr);
    },
  },
  { name: 'incrbyfloat', arity: 3, flags: W, handler: incrbyfloatCommand },
  { name: 'append', arity: 3, flags: W, handler: appendCommand },
  { name: 'strlen', arity: 2, flags: R, handler: strlenCommand },
];
