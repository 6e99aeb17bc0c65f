// Bit commands on strings (bitops.c): SETBIT, GETBIT, BITCOUNT, BITPOS,
// BITOP, BITFIELD, BITFIELD_RO. They work on the value's bytes (see
// resp/bytes.ts for how bytes that are not UTF-8 are kept). Every write is
// propagated verbatim: a replica replays the same bit operations, and only
// when something changed (a new key, a longer string or a different bit), as
// Redis counts server.dirty.

import { utf8Decode, utf8Encode } from '../resp/bytes';
import { E, NULL_BULK, type Reply, array, err, int } from '../resp/reply';
import type { CommandSpec, Exec } from './types';
import { LLONG_MAX, LLONG_MIN, asciiLower, intReply, protoMaxBulkLen, string2ll } from './util';

const WRONGTYPE = err(E.wrongType);
const OFFSET_ERR = 'ERR bit offset is not an integer or out of range';

/** getBitOffsetFromArgument: `#N` means N * bits for BITFIELD. */
function bitOffset(x: Exec, arg: string, hash: boolean, bits: number): bigint | Reply {
  const useHash = hash && bits > 0 && arg.startsWith('#');
  let n = string2ll(useHash ? arg.slice(1) : arg);
  if (n === null) return err(OFFSET_ERR);
  if (useHash) n *= BigInt(bits);
  const obey = x.client.kind === 'master';
  if (n < 0n || (!obey && n >> 3n >= BigInt(protoMaxBulkLen(x)))) return err(OFFSET_ERR);
  return n;
}

function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && 't' in v;
}

interface BitTarget {
  bytes: number[];
  /** The key was created or the string grew (Redis' `dirty` of lookupStringForBitCommand). */
  grown: boolean;
}

/** lookupStringForBitCommand: the value's bytes, zero-padded so that bit `maxbit` exists. */
function bitTarget(x: Exec, maxbit: bigint): BitTarget | Reply {
  const o = x.lookupWrite(x.argv[1]);
  if (o && o.type !== 'string') return WRONGTYPE;
  const need = Number(maxbit >> 3n) + 1;
  const bytes = o ? utf8Encode(o.v) : [];
  const before = o ? bytes.length : -1;
  while (bytes.length < need) bytes.push(0);
  return { bytes, grown: bytes.length !== before };
}

/** Store the changed bytes: a new key is added, an existing one keeps its TTL (and is now raw-encoded). */
function storeBits(x: Exec, bytes: number[], existed: boolean): void {
  const v = { type: 'string' as const, v: utf8Decode(bytes), raw: true };
  if (existed) x.setKey(x.argv[1], v, true);
  else x.dbAdd(x.argv[1], v);
}

const setbit = (x: Exec): Reply => {
  const off = bitOffset(x, x.argv[2], false, 0);
  if (isReply(off)) return off;
  const on = string2ll(x.argv[3]);
  if (on === null || on < LLONG_MIN || on > LLONG_MAX || (on !== 0n && on !== 1n)) return err('ERR bit is not an integer or out of range');
  const existed = x.lookupWrite(x.argv[1]) !== undefined;
  const t = bitTarget(x, off);
  if (isReply(t)) return t;
  const byte = Number(off >> 3n);
  const bit = 7 - Number(off & 7n);
  const old = (t.bytes[byte] >> bit) & 1;
  if (t.grown || old !== Number(on)) {
    t.bytes[byte] = (t.bytes[byte] & ~(1 << bit)) | (Number(on) << bit);
    storeBits(x, t.bytes, existed);
    x.dirty();
  }
  return int(old);
};

const getbit = (x: Exec): Reply => {
  const off = bitOffset(x, x.argv[2], false, 0);
  if (isReply(off)) return off;
  const o = x.lookupRead(x.argv[1]);
  if (!o) return int(0);
  if (o.type !== 'string') return WRONGTYPE;
  const bytes = utf8Encode(o.v);
  const byte = Number(off >> 3n);
  if (byte >= bytes.length) return int(0);
  return int((bytes[byte] >> (7 - Number(off & 7n))) & 1);
};

function popcount8(b: number): number {
  let n = 0;
  for (let v = b; v; v &= v - 1) n++;
  return n;
}

interface BitRange {
  /** First and last bit (inclusive) of the range, after Redis' clamping. */
  first: number;
  last: number;
}

/** The start/end/BIT|BYTE arguments of BITCOUNT and BITPOS, clamped as bitops.c does; null for an empty range. */
function parseRange(len: number, startArg: string, endArg: string | null, unitArg: string | null): BitRange | null | Reply {
  const start0 = string2ll(startArg);
  if (start0 === null) return err(E.notInt);
  let isBit = false;
  if (unitArg !== null) {
    const u = asciiLower(unitArg);
    if (u === 'bit') isBit = true;
    else if (u !== 'byte') return err(E.syntax);
  }
  let end0: bigint | null = null;
  if (endArg !== null) {
    end0 = string2ll(endArg);
    if (end0 === null) return err(E.notInt);
  }
  const total = BigInt(isBit ? len * 8 : len);
  let start = start0;
  let end = end0 ?? (isBit ? total + 7n : total - 1n);
  if (start < 0n) start = total + start;
  if (end < 0n) end = total + end;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= total) end = total - 1n;
  if (start > end) return null;
  return isBit ? { first: Number(start), last: Number(end) } : { first: Number(start) * 8, last: Number(end) * 8 + 7 };
}

const bitcount = (x: Exec): Reply => {
  const argc = x.argv.length;
  const o = x.lookupRead(x.argv[1]);
  if (!o) return int(0);
  if (o.type !== 'string') return WRONGTYPE;
  const bytes = utf8Encode(o.v);
  let range: BitRange | null;
  if (argc === 4 || argc === 5) {
    const s = string2ll(x.argv[2]);
    const e = string2ll(x.argv[3]);
    if (s === null || e === null) return err(E.notInt);
    if (s < 0n && e < 0n && s > e) return int(0);
    const r = parseRange(bytes.length, x.argv[2], x.argv[3], argc === 5 ? x.argv[4] : null);
    if (isReply(r)) return r;
    range = r;
  } else if (argc === 2) {
    range = bytes.length > 0 ? { first: 0, last: bytes.length * 8 - 1 } : null;
  } else {
    return err(E.syntax);
  }
  if (!range) return int(0);
  let n = 0;
  const firstByte = range.first >> 3;
  const lastByte = range.last >> 3;
  for (let i = firstByte; i <= lastByte; i++) {
    let b = bytes[i];
    if (i === firstByte) b &= 0xff >> (range.first & 7);
    if (i === lastByte) b &= (0xff << (7 - (range.last & 7))) & 0xff;
    n += popcount8(b);
  }
  return int(n);
};

const bitpos = (x: Exec): Reply => {
  const argc = x.argv.length;
  const bitArg = string2ll(x.argv[2]);
  if (bitArg === null) return err(E.notInt);
  if (bitArg !== 0n && bitArg !== 1n) return err('ERR The bit argument must be 1 or 0.');
  const want = Number(bitArg);
  const o = x.lookupRead(x.argv[1]);
  if (!o) return int(want ? -1 : 0);
  if (o.type !== 'string') return WRONGTYPE;
  const bytes = utf8Encode(o.v);
  let range: BitRange | null;
  const endGiven = argc >= 5;
  if (argc >= 4 && argc <= 6) {
    const r = parseRange(bytes.length, x.argv[3], argc >= 5 ? x.argv[4] : null, argc === 6 ? x.argv[5] : null);
    if (isReply(r)) return r;
    range = r;
  } else if (argc === 3) {
    range = bytes.length > 0 ? { first: 0, last: bytes.length * 8 - 1 } : null;
  } else {
    return err(E.syntax);
  }
  if (!range) return int(-1);
  for (let p = range.first; p <= range.last; p++) {
    if (((bytes[p >> 3] >> (7 - (p & 7))) & 1) === want) return int(p);
  }
  // Not found: no 1 bit is -1; for a 0 bit the string is taken as zero-padded
  // on the right unless the caller gave an explicit end.
  if (want === 1 || endGiven) return int(-1);
  return int(((range.last >> 3) + 1) * 8);
};

const bitop = (x: Exec): Reply => {
  const op = asciiLower(x.argv[1]);
  if (op !== 'and' && op !== 'or' && op !== 'xor' && op !== 'not') return err(E.syntax);
  if (op === 'not' && x.argv.length !== 4) return err('ERR BITOP NOT must be called with a single source key.');
  const srcs: number[][] = [];
  for (let j = 3; j < x.argv.length; j++) {
    const o = x.lookupRead(x.argv[j]);
    if (!o) {
      srcs.push([]);
      continue;
    }
    if (o.type !== 'string') return WRONGTYPE;
    srcs.push(utf8Encode(o.v));
  }
  const maxlen = Math.max(0, ...srcs.map((s) => s.length));
  const target = x.argv[2];
  if (maxlen > 0) {
    const res: number[] = new Array(maxlen);
    for (let j = 0; j < maxlen; j++) {
      let out = srcs[0][j] ?? 0;
      if (op === 'not') out = ~out & 0xff;
      for (let i = 1; i < srcs.length; i++) {
        const b = srcs[i][j] ?? 0;
        if (op === 'and') out &= b;
        else if (op === 'or') out |= b;
        else out ^= b;
      }
      res[j] = out;
    }
    x.setKey(target, { type: 'string', v: utf8Decode(res), raw: true });
    x.dirty();
  } else if (x.dbDelete(target)) {
    x.dirty();
  }
  return int(maxlen);
};

// BITFIELD ------------------------------------------------------------------

const U64 = (1n << 64n) - 1n;
type Overflow = 'wrap' | 'sat' | 'fail';

interface FieldOp {
  op: 'get' | 'set' | 'incrby';
  offset: bigint;
  value: bigint;
  overflow: Overflow;
  bits: number;
  signed: boolean;
}

function getUnsigned(bytes: readonly number[], offset: bigint, bits: number): bigint {
  let v = 0n;
  for (let j = 0; j < bits; j++) {
    const p = offset + BigInt(j);
    const byte = bytes[Number(p >> 3n)] ?? 0;
    const bit = (byte >> (7 - Number(p & 7n))) & 1;
    v = (v << 1n) | BigInt(bit);
  }
  return v;
}

function getSigned(bytes: readonly number[], offset: bigint, bits: number): bigint {
  return BigInt.asIntN(bits, getUnsigned(bytes, offset, bits));
}

function setField(bytes: number[], offset: bigint, bits: number, value: bigint): void {
  const v = BigInt.asUintN(bits, value);
  for (let j = 0; j < bits; j++) {
    const bitval = Number((v >> BigInt(bits - 1 - j)) & 1n);
    const p = offset + BigInt(j);
    const byte = Number(p >> 3n);
    const bit = 7 - Number(p & 7n);
    bytes[byte] = (bytes[byte] & ~(1 << bit)) | (bitval << bit);
  }
}

/** checkUnsignedBitfieldOverflow: null when no overflow, else the value to store (wrap/sat) or 'fail'. */
function unsignedOverflow(value: bigint, incr: bigint, bits: number, ow: Overflow): bigint | null | 'fail' {
  const max = bits === 64 ? U64 : (1n << BigInt(bits)) - 1n;
  const sum = value + incr;
  if (sum >= 0n && sum <= max) return null;
  if (ow === 'fail') return 'fail';
  if (ow === 'sat') return sum > max ? max : 0n;
  return BigInt.asUintN(bits, sum);
}

/** checkSignedBitfieldOverflow. */
function signedOverflow(value: bigint, incr: bigint, bits: number, ow: Overflow): bigint | null | 'fail' {
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const sum = value + incr;
  if (sum >= min && sum <= max) return null;
  if (ow === 'fail') return 'fail';
  if (ow === 'sat') return sum > max ? max : min;
  return BigInt.asIntN(bits, sum);
}

function bitfieldGeneric(x: Exec, readonlyCommand: boolean): Reply {
  const ops: FieldOp[] = [];
  let overflow: Overflow = 'wrap';
  let readonly = true;
  let highest = 0n;
  const argv = x.argv;
  for (let j = 2; j < argv.length; j++) {
    const remaining = argv.length - j - 1;
    const sub = asciiLower(argv[j]);
    let op: FieldOp['op'];
    if (sub === 'get' && remaining >= 2) op = 'get';
    else if (sub === 'set' && remaining >= 3) op = 'set';
    else if (sub === 'incrby' && remaining >= 3) op = 'incrby';
    else if (sub === 'overflow' && remaining >= 1) {
      const t = asciiLower(argv[++j]);
      if (t !== 'wrap' && t !== 'sat' && t !== 'fail') return err('ERR Invalid OVERFLOW type specified');
      overflow = t;
      continue;
    } else return err(E.syntax);
    const type = argv[j + 1];
    const signed = type[0] === 'i';
    const n = type[0] === 'i' || type[0] === 'u' ? string2ll(type.slice(1)) : null;
    if (n === null || n < 1n || (signed && n > 64n) || (!signed && n > 63n)) return err('ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.');
    const bits = Number(n);
    const offset = bitOffset(x, argv[j + 2], true, bits);
    if (isReply(offset)) return offset;
    let value = 0n;
    if (op !== 'get') {
      readonly = false;
      if (highest < offset + BigInt(bits) - 1n) highest = offset + BigInt(bits) - 1n;
      const v = string2ll(argv[j + 3]);
      if (v === null) return err(E.notInt);
      value = v;
    }
    ops.push({ op, offset, value, overflow, bits, signed });
    j += op === 'get' ? 2 : 3;
  }
  let bytes: number[];
  let grown = false;
  let existed = false;
  if (readonly) {
    const o = x.lookupRead(argv[1]);
    if (o && o.type !== 'string') return WRONGTYPE;
    bytes = o ? utf8Encode(o.v) : [];
  } else {
    if (readonlyCommand) return err('ERR BITFIELD_RO only supports the GET subcommand');
    existed = x.lookupWrite(argv[1]) !== undefined;
    const t = bitTarget(x, highest);
    if (isReply(t)) return t;
    bytes = t.bytes;
    grown = t.grown;
  }
  const out: Reply[] = [];
  let changes = 0;
  for (const f of ops) {
    if (f.op === 'get') {
      out.push(intReply(f.signed ? getSigned(bytes, f.offset, f.bits) : getUnsigned(bytes, f.offset, f.bits)));
      continue;
    }
    const old = f.signed ? getSigned(bytes, f.offset, f.bits) : getUnsigned(bytes, f.offset, f.bits);
    const check = f.signed ? signedOverflow : unsignedOverflow;
    let next: bigint;
    let ret: bigint;
    let failed = false;
    if (f.op === 'incrby') {
      const o = check(old, f.value, f.bits, f.overflow);
      failed = o === 'fail';
      next = o === null || o === 'fail' ? old + f.value : o;
      ret = next;
    } else {
      const o = check(f.value, 0n, f.bits, f.overflow);
      failed = o === 'fail';
      next = o === null || o === 'fail' ? f.value : o;
      ret = old;
    }
    if (failed) {
      out.push(NULL_BULK);
      continue;
    }
    out.push(intReply(ret));
    setField(bytes, f.offset, f.bits, next);
    if (grown || old !== next) changes++;
  }
  if (changes > 0) {
    storeBits(x, bytes, existed);
    x.dirty(changes);
  }
  return array(out);
}

const W = { write: true } as const;

export const bitCommands: CommandSpec[] = [
  { name: 'setbit', arity: 4, flags: W, handler: setbit },
  { name: 'getbit', arity: 3, flags: {}, handler: getbit },
  { name: 'bitcount', arity: -2, flags: {}, handler: bitcount },
  { name: 'bitpos', arity: -3, flags: {}, handler: bitpos },
  { name: 'bitop', arity: -4, flags: W, handler: bitop },
  { name: 'bitfield', arity: -2, flags: W, handler: (x) => bitfieldGeneric(x, false) },
  { name: 'bitfield_ro', arity: -2, flags: {}, handler: (x) => bitfieldGeneric(x, true) },
];
