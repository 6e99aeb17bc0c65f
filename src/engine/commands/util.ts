// Parsing and formatting helpers shared by the data commands, each a port of
// the Redis 7.0 routine named in its comment so replies match byte for byte:
// string2ll (util.c), strtold + ld2string for INCRBYFLOAT (x87 80-bit long
// double, emulated with BigInt), stringmatchlen (glob), and the error text
// clean-up of addReplyErrorFormat (networking.c).

import { utf8Decode, utf8Encode } from '../resp/bytes';
import type { Exec } from './types';
import { byteLength } from '../resp/encode';
import { E, type Reply, err, int } from '../resp/reply';

export const LLONG_MAX = 9223372036854775807n;
export const LLONG_MIN = -9223372036854775808n;

/** An integer reply: a number while it is exact, a bigint beyond 2^53. */
export function intReply(n: bigint): Reply {
  return int(n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n);
}

/** What C string functions see of an argument: everything before the first NUL. */
export function cstr(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

/** tolower() in the C locale: only A-Z change. */
export function asciiLower(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/** strcasecmp(arg, lowerName) == 0, as Redis compares option names. */
export function eqi(arg: string, lowerName: string): boolean {
  return asciiLower(cstr(arg)) === lowerName;
}

/**
 * addReplyErrorFormat: the text has CR/LF trimmed at both ends and mapped to
 * spaces inside, and gets the "ERR " prefix.
 */
export function errFmt(text: string): Reply {
  const trimmed = text.replace(/^[\r\n]+|[\r\n]+$/g, '');
  return err(`ERR ${trimmed.replace(/[\r\n]/g, ' ')}`);
}

/**
 * string2ll (util.c): the strict integer syntax of Redis. No spaces, no '+',
 * no leading zeros ("01", "-0" are refused), no more than 20 bytes, and the
 * value must fit in a signed 64-bit integer. Returns null when refused.
 */
export function string2ll(s: string): bigint | null {
  const len = s.length;
  // LONG_STR_SIZE is 21: a valid number is all ASCII, so chars are bytes.
  if (len === 0 || len >= 21) return null;
  if (len === 1 && s === '0') return 0n;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
    if (len === 1) return null;
  }
  const first = s.charCodeAt(i);
  if (first < 49 || first > 57) return null;
  for (let j = i + 1; j < len; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  const v = BigInt(s.slice(i));
  if (negative) {
    if (v > -LLONG_MIN) return null;
    return -v;
  }
  if (v > LLONG_MAX) return null;
  return v;
}

// ---------------------------------------------------------------------------
// Bytes. Values are JS strings; Redis counts and slices bytes (STRLEN,
// GETRANGE, SETRANGE, glob '?'). Byte-level results are decoded back into JS
// strings with resp/bytes.ts, which keeps any byte that is not valid UTF-8
// (a slice cutting a multi-byte character, SETBIT's bytes) exactly.

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

export { utf8Decode, utf8Encode };

/** Bytes [start, end] (inclusive, already clamped) of a value. */
export function byteSlice(s: string, start: number, end: number): string {
  if (isAscii(s)) return s.slice(start, end + 1);
  return utf8Decode(utf8Encode(s).slice(start, end + 1));
}

/** SETRANGE's edit: zero-pad to `offset`, then overwrite with `value`. */
export function byteOverwrite(s: string, offset: number, value: string): string {
  if (isAscii(s) && isAscii(value)) {
    const padded = s.length < offset ? s + '\0'.repeat(offset - s.length) : s;
    return padded.slice(0, offset) + value + padded.slice(offset + value.length);
  }
  const b = utf8Encode(s);
  const v = utf8Encode(value);
  while (b.length < offset) b.push(0);
  for (let i = 0; i < v.length; i++) b[offset + i] = v[i];
  return utf8Decode(b);
}

// ---------------------------------------------------------------------------
// proto-max-bulk-len (checkStringLength in t_string.c).

/** memtoll (util.c): "512mb", "1gb", "100" as bytes; null when unparsable. */
export function memtoll(v: string): number | null {
  const m = /^(-?\d+)(k|kb|m|mb|g|gb|b)?$/i.exec(v.trim());
  if (!m) return null;
  const mul: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1024, m: 1000 * 1000, mb: 1024 * 1024, g: 1000 * 1000 * 1000, gb: 1024 * 1024 * 1024 };
  return Number(m[1]) * mul[(m[2] ?? '').toLowerCase()];
}

export function protoMaxBulkLen(x: Exec): number {
  const v = x.node.config['proto-max-bulk-len'];
  return (v !== undefined ? memtoll(v) : null) ?? 512 * 1024 * 1024;
}

/**
 * checkStringLength: a string may not grow past proto-max-bulk-len, except
 * for what the master (or the AOF) sends: those are obeyed as they come.
 */
export function checkStringLength(x: Exec, size: number, append: number): Reply | null {
  const total = size + append;
  // A JS string cannot hold more than 2^29 - 24 UTF-16 units (V8): past that
  // the engine refuses even what Redis would obey or allow.
  if (total > JS_MAX_STRING || (x.client.kind !== 'master' && total > protoMaxBulkLen(x))) {
    return err('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
  }
  return null;
}

const JS_MAX_STRING = 2 ** 29 - 24;

// ---------------------------------------------------------------------------
// long double, as INCRBYFLOAT and HINCRBYFLOAT compute it on x86-64: strtold
// into an 80-bit x87 value (64-bit significand, exponent range of
// 2^-16382..2^16383, subnormals down to 2^-16445), one correctly rounded
// addition, then ld2string(LD_STR_HUMAN) = printf("%.17Lf") with trailing
// zeroes removed. Doubles would not do: 0.1 as a double prints
// 0.10000000000000001 with %.17f, Redis prints 0.1.

export type LongDouble =
  /** (-1)^neg * m * 2^e, m < 2^64 */
  | { k: 'fin'; neg: boolean; m: bigint; e: number }
  | { k: 'inf'; neg: boolean }
  | { k: 'nan' };

const LD_MIN_E = -16445; // 2^-16445: the smallest subnormal
const LD_MAX_E = 16384 - 64; // m * 2^e < 2^16384 for every m < 2^64
const TWO64 = 1n << 64n;
const TWO63 = 1n << 63n;

function bitLen(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Round num/den * 2^binExp (num, den > 0) to the nearest long double, ties to even. */
function roundLd(neg: boolean, num: bigint, den: bigint, binExp: number): LongDouble {
  if (num === 0n) return { k: 'fin', neg, m: 0n, e: 0 };
  let s = 64 - (bitLen(num) - bitLen(den));
  const trial = s >= 0 ? (num << BigInt(s)) / den : num / (den << BigInt(-s));
  if (trial >= TWO64) s -= 1;
  let e = binExp - s;
  if (e < LD_MIN_E) {
    s = binExp - LD_MIN_E;
    e = LD_MIN_E;
  }
  const n2 = s >= 0 ? num << BigInt(s) : num;
  const d2 = s >= 0 ? den : den << BigInt(-s);
  let q = n2 / d2;
  const r2 = (n2 - q * d2) * 2n;
  if (r2 > d2 || (r2 === d2 && (q & 1n) === 1n)) q += 1n;
  if (q === TWO64) {
    q = TWO63;
    e += 1;
  }
  if (e > LD_MAX_E) return { k: 'inf', neg };
  return { k: 'fin', neg, m: q, e: q === 0n ? 0 : e };
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * string2ld (util.c): strtold over the whole argument. Accepts what glibc
 * accepts (sign, decimal or hex with exponent, "inf"/"infinity"), refuses
 * leading spaces, trailing bytes, NaN, overflow and underflow to zero, and
 * arguments of 5120 bytes or more (MAX_LONG_DOUBLE_CHARS).
 */
export function string2ld(s: string): LongDouble | null {
  if (s.length === 0 || byteLength(s) >= 5 * 1024) return null;
  if (isSpace(s.charCodeAt(0))) return null;
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  const body = s.slice(i);
  const lower = asciiLower(body);
  if (lower === 'inf' || lower === 'infinity') return { k: 'inf', neg };
  if (/^nan(\([0-9a-z_]*\))?$/.test(lower)) return null;

  const hex = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?$/.exec(lower);
  if (hex) {
    const ip = hex[1];
    const fp = hex[2] ?? '';
    if (ip.length + fp.length === 0) return null; // "0x" alone: strtold stops after the 0
    const mant = BigInt(`0x${ip + fp || '0'}`);
    const pexp = clampExp(hex[3] ?? '0');
    if (mant === 0n) return { k: 'fin', neg, m: 0n, e: 0 };
    const e2 = pexp - 4 * fp.length;
    const bits = bitLen(mant) + e2;
    if (bits - 1 >= 16384) return null; // overflow: ERANGE with HUGE_VAL
    if (bits <= -16446) return null; // underflow to zero: ERANGE
    const v = roundLd(neg, mant, 1n, e2);
    return v.k === 'inf' || (v.k === 'fin' && v.m === 0n) ? null : v;
  }

  const dec = /^([0-9]*)(?:\.([0-9]*))?(?:e([+-]?[0-9]+))?$/.exec(lower);
  if (!dec) return null;
  const ip = dec[1];
  const fp = dec[2] ?? '';
  if (ip.length + fp.length === 0) return null;
  const digits = (ip + fp).replace(/^0+/, '');
  if (digits.length === 0) return { k: 'fin', neg, m: 0n, e: 0 };
  const e10 = clampExp(dec[3] ?? '0') - fp.length;
  const mag = digits.length + e10; // value in [10^(mag-1), 10^mag)
  if (mag - 1 >= 4933) return null; // > LDBL_MAX (1.19e4932)
  if (mag <= -4951) return null; // < half the smallest subnormal (3.6e-4951)
  const d = BigInt(digits);
  const v = e10 >= 0 ? roundLd(neg, d * 10n ** BigInt(e10), 1n, 0) : roundLd(neg, d, 10n ** BigInt(-e10), 0);
  return v.k === 'inf' || (v.k === 'fin' && v.m === 0n) ? null : v;
}

/** An exponent field, clamped far beyond any finite long double. */
function clampExp(t: string): number {
  const n = BigInt(t);
  if (n > 1000000n) return 1000000;
  if (n < -1000000n) return -1000000;
  return Number(n);
}

export const LD_ZERO: LongDouble = { k: 'fin', neg: false, m: 0n, e: 0 };

export function ldIsNanOrInf(v: LongDouble): boolean {
  return v.k !== 'fin';
}

/** a + b with one rounding, as the x87 FPU does in extended precision. */
export function ldAdd(a: LongDouble, b: LongDouble): LongDouble {
  if (a.k === 'nan' || b.k === 'nan') return { k: 'nan' };
  if (a.k === 'inf' && b.k === 'inf') return a.neg === b.neg ? a : { k: 'nan' };
  if (a.k === 'inf') return a;
  if (b.k === 'inf') return b;
  if (a.m === 0n && b.m === 0n) return { k: 'fin', neg: a.neg && b.neg, m: 0n, e: 0 };
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const va = (a.neg ? -a.m : a.m) << BigInt(a.e - e);
  const vb = (b.neg ? -b.m : b.m) << BigInt(b.e - e);
  const sum = va + vb;
  if (sum === 0n) return { k: 'fin', neg: false, m: 0n, e: 0 };
  return roundLd(sum < 0n, sum < 0n ? -sum : sum, 1n, e);
}

/**
 * ld2string(LD_STR_HUMAN): "%.17Lf" (exact decimal expansion, rounded half
 * to even at the 17th decimal like glibc), trailing zeroes and a trailing
 * '.' removed, "-0" printed as "0".
 */
export function ldToHuman(v: LongDouble): string {
  if (v.k === 'inf') return v.neg ? '-inf' : 'inf';
  if (v.k === 'nan') return 'nan';
  const scale = 10n ** 17n;
  let q: bigint;
  if (v.e >= 0) {
    q = (v.m << BigInt(v.e)) * scale;
  } else {
    const sh = BigInt(-v.e);
    const num = v.m * scale;
    q = num >> sh;
    const r2 = (num - (q << sh)) * 2n;
    const den = 1n << sh;
    if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(18, '0');
  let out = `${v.neg ? '-' : ''}${digits.slice(0, -17)}.${digits.slice(-17)}`;
  out = out.replace(/0+$/, '');
  if (out.endsWith('.')) out = out.slice(0, -1);
  if (out === '-0') out = '0';
  return out;
}

// ---------------------------------------------------------------------------
// Glob matching: stringmatchlen (util.c, 7.0.15 with the skipLongerMatches
// guard), on UTF-8 bytes seen as signed chars like C on x86-64 (that matters
// for [a-z] ranges over bytes >= 0x80).

function signedBytes(s: string): number[] {
  return utf8Encode(s).map((b) => (b > 127 ? b - 256 : b));
}

function cLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Reading past the end gives the NUL terminator an sds always has. */
function at(a: number[], i: number): number {
  return i < a.length ? a[i] : 0;
}

function matchImpl(p: number[], pi: number, plen: number, s: number[], si: number, slen: number, nocase: boolean, skip: { v: boolean }): boolean {
  while (plen > 0 && slen > 0) {
    switch (at(p, pi)) {
      case 42: {
        // '*'
        while (plen > 0 && at(p, pi + 1) === 42) {
          pi++;
          plen--;
        }
        if (plen === 1) return true;
        while (slen > 0) {
          if (matchImpl(p, pi + 1, plen - 1, s, si, slen, nocase, skip)) return true;
          if (skip.v) return false;
          si++;
          slen--;
        }
        skip.v = true;
        return false;
      }
      case 63: // '?'
        si++;
        slen--;
        break;
      case 91: {
        // '['
        pi++;
        plen--;
        const not = at(p, pi) === 94;
        if (not) {
          pi++;
          plen--;
        }
        let match = false;
        for (;;) {
          if (at(p, pi) === 92 && plen >= 2) {
            pi++;
            plen--;
            if (at(p, pi) === at(s, si)) match = true;
          } else if (at(p, pi) === 93) {
            break;
          } else if (plen === 0) {
            pi--;
            plen++;
            break;
          } else if (plen >= 3 && at(p, pi + 1) === 45) {
            let start = at(p, pi);
            let end = at(p, pi + 2);
            let c = at(s, si);
            if (start > end) {
              const t = start;
              start = end;
              end = t;
            }
            if (nocase) {
              start = cLower(start);
              end = cLower(end);
              c = cLower(c);
            }
            pi += 2;
            plen -= 2;
            if (c >= start && c <= end) match = true;
          } else if (!nocase) {
            if (at(p, pi) === at(s, si)) match = true;
          } else if (cLower(at(p, pi)) === cLower(at(s, si))) {
            match = true;
          }
          pi++;
          plen--;
        }
        if (not) match = !match;
        if (!match) return false;
        si++;
        slen--;
        break;
      }
      default: {
        if (at(p, pi) === 92 && plen >= 2) {
          // '\\' escapes the next byte
          pi++;
          plen--;
        }
        if (!nocase) {
          if (at(p, pi) !== at(s, si)) return false;
        } else if (cLower(at(p, pi)) !== cLower(at(s, si))) {
          return false;
        }
        si++;
        slen--;
        break;
      }
    }
    pi++;
    plen--;
    if (slen === 0) {
      while (at(p, pi) === 42) {
        pi++;
        plen--;
      }
      break;
    }
  }
  return plen === 0 && slen === 0;
}

/** stringmatchlen(pattern, string, nocase): Redis' glob (KEYS, CONFIG GET, PSUBSCRIBE...). */
export function stringMatch(pattern: string, s: string, nocase: boolean): boolean {
  const p = signedBytes(pattern);
  const b = signedBytes(s);
  return matchImpl(p, 0, p.length, b, 0, b.length, nocase, { v: false });
}

/**
 * HDEL / SREM: delete fields or members one by one; the key goes with its
 * last one and the remaining arguments are then ignored. server.dirty counts
 * each deletion, so the command is propagated only when one happened.
 */
export function deleteMembers(x: Exec, type: 'hash' | 'set'): Reply {
  const key = x.argv[1];
  const o = x.lookupWrite(key);
  if (o === undefined) return int(0);
  if (o.type !== type || (o.type !== 'hash' && o.type !== 'set')) return err(E.wrongType);
  let deleted = 0;
  for (let j = 2; j < x.argv.length; j++) {
    if (o.v.delete(x.argv[j])) {
      deleted++;
      if (o.v.size === 0) {
        x.dbDelete(key);
        break;
      }
    }
  }
  if (deleted > 0) x.dirty(deleted);
  return int(deleted);
}
