// Sorted set commands (t_zset.c).
//
// A sorted set is a map member -> score; the order Redis keeps (score, then
// member bytes as memcmp compares them) is an index kept beside the value in
// a WeakMap (derived data, rebuilt from the map when missing), so snapshots
// copy nothing but the map. Only this file changes sorted set maps.
//
// Encoding: Redis keeps a small sorted set in a listpack and converts it to a
// skiplist once it has more than zset-max-listpack-entries members or a
// member longer than zset-max-listpack-value bytes; it never converts back
// (except for the results ZUNIONSTORE & co. store, built as skiplists and
// converted when small). Two things show the difference: a listpack stores
// an integral score as an integer, so -0 becomes 0, and ZSCAN returns a
// listpack's scores as stored (integers printed as integers) in one call.
//
// Propagation (t_zset.c, blocked.c): writes go out as they are when they
// changed something; ZMPOP and BZMPOP as ZPOPMIN/ZPOPMAX key count,
// BZPOPMIN/BZPOPMAX as ZPOPMIN/ZPOPMAX key. ZRANDMEMBER takes its picks from
// the world's seeded generator.

import { E, NULL_ARRAY, NULL_BULK, type Reply, bulk, err, int } from '../resp/reply';
import { byteLength } from '../resp/encode';
import { blockForKeys, canBlock, parseBlockTimeout, servingBlocked } from '../server/blocking';
import { cfgInt } from '../server/config';
import type { RObj } from '../server/db';
import { nextInt } from '../sim/prng';
import type { CommandSpec, Exec, HandlerResult } from './types';
import { objectEncoding } from './objects';
import { scanValue } from './scan';
import { eqi, errFmt, string2ll, utf8Encode } from './util';

type ZObj = { type: 'zset'; v: Map<string, number>; skiplist?: boolean };

const WRONGTYPE = err(E.wrongType);
const SYNTAX = err(E.syntax);
const EMPTY_ARRAY: Reply = { t: 'array', a: [] };
const NOT_FLOAT_RANGE = err('ERR min or max is not a float');
const NOT_LEX_RANGE = err('ERR min or max not valid string range item');
const NAN_RESULT = err('ERR resulting score is not a number (NaN)');

// ---------------------------------------------------------------------------
// Numbers: strtod, string2d, %.17g.

function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

interface Strtod {
  v: number;
  /** Index just past what was converted (the start when nothing was). */
  end: number;
  /** errno == ERANGE: overflow or a result below the normal range. */
  erange: boolean;
}

function lowerAt(s: string, i: number): string {
  return s.slice(i, i + 1).toLowerCase();
}

function matchWord(s: string, i: number, word: string): boolean {
  if (i + word.length > s.length) return false;
  return s.slice(i, i + word.length).toLowerCase() === word;
}

/** mant * 2^exp2 rounded to the nearest double (ties to even), as glibc does for hex input. */
function hexToDouble(mant: bigint, exp2: number): { v: number; erange: boolean } {
  if (mant === 0n) return { v: 0, erange: false };
  const bits = mant.toString(2).length;
  const e = bits - 1 + exp2; // value in [2^e, 2^(e+1))
  if (e > 1023) return { v: Number.POSITIVE_INFINITY, erange: true };
  const lsbExp = Math.max(e - 52, -1074);
  const shift = lsbExp - exp2;
  let q = mant;
  if (shift > 0) {
    const sh = BigInt(shift);
    q = mant >> sh;
    const rem = mant - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  const v = shift > 0 ? Number(q) * 2 ** lsbExp : Number(mant) * 2 ** exp2;
  const erange = !Number.isFinite(v) || e < -1022;
  return { v, erange };
}

/** strtod(3) in the C locale from index `start`: leading blanks, sign, decimal, hex, inf, nan. */
function strtod(s: string, start = 0): Strtod {
  let i = start;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const sign = (v: number): number => (neg ? -v : v);
  if (matchWord(s, i, 'inf')) {
    const end = matchWord(s, i, 'infinity') ? i + 8 : i + 3;
    return { v: sign(Number.POSITIVE_INFINITY), end, erange: false };
  }
  if (matchWord(s, i, 'nan')) {
    let end = i + 3;
    if (s[end] === '(') {
      let j = end + 1;
      while (j < s.length && /[0-9A-Za-z_]/.test(s[j])) j++;
      if (s[j] === ')') end = j + 1;
    }
    return { v: Number.NaN, end, erange: false };
  }
  if (s[i] === '0' && lowerAt(s, i + 1) === 'x') {
    let j = i + 2;
    let mant = 0n;
    let digits = 0;
    let fracDigits = 0;
    while (j < s.length && hexVal(s.charCodeAt(j)) >= 0) {
      mant = mant * 16n + BigInt(hexVal(s.charCodeAt(j)));
      j++;
      digits++;
    }
    if (s[j] === '.') {
      let k = j + 1;
      while (k < s.length && hexVal(s.charCodeAt(k)) >= 0) {
        mant = mant * 16n + BigInt(hexVal(s.charCodeAt(k)));
        k++;
        fracDigits++;
      }
      if (digits + fracDigits > 0) j = k;
    }
    if (digits + fracDigits === 0) return { v: sign(0), end: i + 1, erange: false }; // just the "0"
    let exp = 0;
    if (lowerAt(s, j) === 'p') {
      let k = j + 1;
      let eneg = false;
      if (s[k] === '+' || s[k] === '-') {
        eneg = s[k] === '-';
        k++;
      }
      if (k < s.length && isDigit(s.charCodeAt(k))) {
        let ev = 0;
        while (k < s.length && isDigit(s.charCodeAt(k))) {
          if (ev < 1e7) ev = ev * 10 + (s.charCodeAt(k) - 48);
          k++;
        }
        exp = eneg ? -ev : ev;
        j = k;
      }
    }
    const r = hexToDouble(mant, exp - 4 * fracDigits);
    return { v: sign(r.v), end: j, erange: r.erange };
  }
  let j = i;
  let intDigits = 0;
  let fracDigits = 0;
  let nonzero = false;
  while (j < s.length && isDigit(s.charCodeAt(j))) {
    if (s[j] !== '0') nonzero = true;
    j++;
    intDigits++;
  }
  if (s[j] === '.') {
    let k = j + 1;
    while (k < s.length && isDigit(s.charCodeAt(k))) {
      if (s[k] !== '0') nonzero = true;
      k++;
      fracDigits++;
    }
    if (intDigits + fracDigits > 0) j = k;
  }
  if (intDigits + fracDigits === 0) return { v: 0, end: start, erange: false };
  if (lowerAt(s, j) === 'e') {
    let k = j + 1;
    if (s[k] === '+' || s[k] === '-') k++;
    if (k < s.length && isDigit(s.charCodeAt(k))) {
      while (k < s.length && isDigit(s.charCodeAt(k))) k++;
      j = k;
    }
  }
  let text = s.slice(i, j);
  if (text.startsWith('.')) text = `0${text}`;
  const v = Number(text);
  const erange = !Number.isFinite(v) || (v === 0 && nonzero) || (v !== 0 && Math.abs(v) < 2.2250738585072014e-308);
  return { v: sign(v), end: j, erange };
}

/** string2d (util.c), what getDoubleFromObject uses: the whole argument, no leading blank, no NaN, no overflow. */
export function string2d(s: string): number | null {
  if (s.length === 0 || isCSpace(s.charCodeAt(0))) return null;
  const r = strtod(s);
  if (r.end !== s.length) return null;
  if (r.erange && (r.v === 0 || !Number.isFinite(r.v))) return null;
  if (Number.isNaN(r.v)) return null;
  return r.v;
}

/** Digits and decimal exponent of d (> 0) rounded to 17 significant digits, ties to even as glibc's printf. */
function digits17(d: number): { digits: string; exp: number } {
  const e16 = d.toExponential(16);
  let mant = e16.slice(0, e16.indexOf('e')).replace('.', '');
  let exp = Number(e16.slice(e16.indexOf('e') + 1));
  // toExponential rounds ties away from zero; a tie needs the exact value to
  // end with a 5 in the 18th digit.
  const e20 = d.toExponential(20);
  if (e20.slice(18, 22) === '5000') {
    const exact = d.toExponential(60);
    const tail = exact.slice(18, exact.indexOf('e'));
    if (/^50*$/.test(tail)) {
      const e17 = exact.slice(0, 18).replace('.', '');
      const low = BigInt(e17);
      if ((low & 1n) === 0n) {
        mant = e17;
        exp = Number(exact.slice(exact.indexOf('e') + 1));
      }
    }
  }
  return { digits: mant, exp };
}

/** printf("%.17g", d) for a finite d. */
export function fmt17g(d: number): string {
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const neg = d < 0;
  const { digits, exp } = digits17(Math.abs(d));
  let out: string;
  if (exp < -4 || exp >= 17) {
    const rest = digits.slice(1).replace(/0+$/, '');
    const ae = Math.abs(exp);
    out = `${digits[0]}${rest ? `.${rest}` : ''}e${exp < 0 ? '-' : '+'}${ae < 10 ? `0${ae}` : ae}`;
  } else if (exp >= 0) {
    const ip = digits.slice(0, exp + 1);
    const fp = digits.slice(exp + 1).replace(/0+$/, '');
    out = fp ? `${ip}.${fp}` : ip;
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits.replace(/0+$/, '')}`;
  }
  return neg ? `-${out}` : out;
}

/** addReplyDouble (RESP2): inf/-inf, else %.17g. */
function scoreText(d: number): string {
  if (d === Number.POSITIVE_INFINITY) return 'inf';
  if (d === Number.NEGATIVE_INFINITY) return '-inf';
  return fmt17g(d);
}

/** addReplyDouble: a bulk string of the text in RESP2, a double in RESP3. */
function scoreReply(d: number): Reply {
  return { t: 'double', s: scoreText(d) };
}

/**
 * One member of a WITHSCORES reply: member and score follow each other in a
 * flat array in RESP2; RESP3 nests each pair in an array of two.
 */
function pushScored(x: Exec, out: Reply[], withscores: boolean, m: string, score: number): void {
  if (!withscores) out.push(bulk(m));
  else if (x.client.resp === 3) out.push({ t: 'array', a: [bulk(m), scoreReply(score)] });
  else out.push(bulk(m), scoreReply(score));
}

/** d2string as a listpack stores a score: integral values within +-2^62 as integers. */
function listpackScoreText(d: number): string {
  if (Number.isInteger(d) && Math.abs(d) <= 2 ** 62) return d === 0 ? '0' : BigInt(d).toString();
  return scoreText(d);
}

const LONG_MAX = 9223372036854775807n;

/** getLongFromObjectOrReply: a 64-bit integer, as a number clamped far beyond any size. */
function getLong(s: string): number | null {
  const n = string2ll(s);
  if (n === null) return null;
  if (n > 1n << 53n) return 2 ** 53;
  if (n < -(1n << 53n)) return -(2 ** 53);
  return Number(n);
}

/** getRangeLongFromObjectOrReply with a message used for every failure. */
function getRangeLong(s: string, min: bigint, max: bigint): bigint | null {
  const n = string2ll(s);
  if (n === null || n < min || n > max) return null;
  return n;
}

function clampNum(n: bigint): number {
  if (n > 1n << 53n) return 2 ** 53;
  if (n < -(1n << 53n)) return -(2 ** 53);
  return Number(n);
}

// ---------------------------------------------------------------------------
// Order: score, then member bytes (memcmp, shorter first on a common prefix).

function cmpBytes(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** sdscmp on the values' bytes. */
export function cmpMembers(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca < 0x80 && cb < 0x80) return ca - cb;
    return cmpBytes(utf8Encode(a), utf8Encode(b));
  }
  return a.length - b.length;
}

function cmpEntry(sa: number, a: string, sb: number, b: string): number {
  if (sa < sb) return -1;
  if (sa > sb) return 1;
  return cmpMembers(a, b);
}

// The index: members in order, kept in step with the map by the helpers below.
const orderIndex = new WeakMap<Map<string, number>, string[]>();

function ordered(z: ZObj): string[] {
  let arr = orderIndex.get(z.v);
  if (arr === undefined || arr.length !== z.v.size) {
    const m = z.v;
    arr = [...m.keys()].sort((a, b) => cmpEntry(m.get(a) as number, a, m.get(b) as number, b));
    orderIndex.set(z.v, arr);
  }
  return arr;
}

/** First position whose entry is >= (score, member). */
function lowerBound(z: ZObj, arr: string[], score: number, member: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmpEntry(z.v.get(arr[mid]) as number, arr[mid], score, member) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function zInsert(z: ZObj, member: string, score: number): void {
  const arr = orderIndex.get(z.v);
  const fresh = arr !== undefined && arr.length === z.v.size;
  z.v.set(member, score);
  if (fresh) arr.splice(lowerBound(z, arr, score, member), 0, member);
}

function zDelete(z: ZObj, member: string): boolean {
  const score = z.v.get(member);
  if (score === undefined) return false;
  const arr = orderIndex.get(z.v);
  if (arr !== undefined && arr.length === z.v.size) {
    const pos = lowerBound(z, arr, score, member);
    z.v.delete(member);
    arr.splice(pos, 1);
  } else z.v.delete(member);
  return true;
}

function zUpdate(z: ZObj, member: string, score: number): void {
  zDelete(z, member);
  zInsert(z, member, score);
}

/** 0-based rank of a member, or -1. */
function rankOf(z: ZObj, member: string): number {
  const score = z.v.get(member);
  if (score === undefined) return -1;
  return lowerBound(z, ordered(z), score, member);
}

// ---------------------------------------------------------------------------
// Encoding.

interface Limits {
  entries: number;
  value: number;
}

function limits(x: Exec): Limits {
  const entries = cfgInt(x.node.config, 'zset-max-listpack-entries');
  const value = cfgInt(x.node.config, 'zset-max-listpack-value');
  return { entries: Number.isFinite(entries) ? entries : 128, value: Number.isFinite(value) ? value : 64 };
}

/**
 * Whether a sorted set is a skiplist. A value loaded from an RDB file carries
 * no flag: its encoding is the one its size gives (objectEncoding).
 */
function isSkiplist(x: Exec, z: ZObj): boolean {
  return z.skiplist ?? objectEncoding(z, x.node.config) === 'skiplist';
}

/** A listpack stores integral scores as integers: -0 reads back as 0. */
function lpScore(z: ZObj, score: number): number {
  return !z.skiplist && score === 0 ? 0 : score;
}

/** zsetAdd for a member known to be absent: converts first when the listpack would outgrow its limits. */
function addNew(z: ZObj, lim: Limits, member: string, score: number): void {
  if (!z.skiplist && (z.v.size + 1 > lim.entries || byteLength(member) > lim.value)) z.skiplist = true;
  zInsert(z, member, lpScore(z, score));
}

/** A new, empty sorted set as ZADD creates it (createZsetObject or createZsetListpackObject). */
function createForAdd(lim: Limits, firstMember: string): ZObj {
  return { type: 'zset', v: new Map(), skiplist: lim.entries === 0 || lim.value < byteLength(firstMember) };
}

/** zsetConvertToListpackIfNeeded for a result built as a skiplist. */
function storeEncoding(z: ZObj, lim: Limits): void {
  let maxlen = 0;
  for (const m of z.v.keys()) maxlen = Math.max(maxlen, byteLength(m));
  z.skiplist = !(z.v.size <= lim.entries && maxlen <= lim.value);
  if (!z.skiplist) for (const [m, s] of z.v) if (s === 0 && Object.is(s, -0)) z.v.set(m, 0);
}

// ---------------------------------------------------------------------------
// Lookups.

function readZset(x: Exec, key: string): ZObj | undefined | Reply {
  const o = x.lookupRead(key);
  if (o === undefined) return undefined;
  if (o.type !== 'zset') return WRONGTYPE;
  return o;
}

function writeZset(x: Exec, key: string): ZObj | undefined | Reply {
  const o = x.lookupWrite(key);
  if (o === undefined) return undefined;
  if (o.type !== 'zset') return WRONGTYPE;
  // A write decides from here on by the flag (set when the value outgrows the listpack).
  if (o.skiplist === undefined) o.skiplist = isSkiplist(x, o);
  return o;
}

function isZ(v: ZObj | Reply | undefined): v is ZObj {
  return v !== undefined && 'type' in v && v.type === 'zset';
}

// ---------------------------------------------------------------------------
// Ranges.

interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/** One end of a score range: "(" makes it exclusive; strtod up to the end (or a NUL), no NaN. */
function parseRangeItem(s: string): { v: number; ex: boolean } | null {
  const ex = s[0] === '(';
  const start = ex ? 1 : 0;
  const r = strtod(s, start);
  if (r.end < s.length && s[r.end] !== '\0') return null;
  if (Number.isNaN(r.v)) return null;
  return { v: r.v, ex };
}

function parseScoreRange(min: string, max: string): ScoreRange | null {
  const a = parseRangeItem(min);
  const b = parseRangeItem(max);
  if (a === null || b === null) return null;
  return { min: a.v, minex: a.ex, max: b.v, maxex: b.ex };
}

function gteMin(v: number, r: ScoreRange): boolean {
  return r.minex ? v > r.min : v >= r.min;
}

function lteMax(v: number, r: ScoreRange): boolean {
  return r.maxex ? v < r.max : v <= r.max;
}

/** Positions [from, to) of the members whose score is in range (scores are sorted). */
function scoreSpan(z: ZObj, r: ScoreRange): [number, number] {
  const arr = ordered(z);
  if (r.min > r.max || (r.min === r.max && (r.minex || r.maxex))) return [0, 0];
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (gteMin(z.v.get(arr[mid]) as number, r)) hi = mid;
    else lo = mid + 1;
  }
  const from = lo;
  hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lteMax(z.v.get(arr[mid]) as number, r)) lo = mid + 1;
    else hi = mid;
  }
  return [from, Math.max(from, lo)];
}

type LexBound = { k: 'min' } | { k: 'max' } | { k: 's'; s: string };

interface LexRange {
  min: LexBound;
  max: LexBound;
  minex: boolean;
  maxex: boolean;
}

function parseLexItem(s: string): { b: LexBound; ex: boolean } | null {
  switch (s[0]) {
    case '+':
      return s.length === 1 ? { b: { k: 'max' }, ex: true } : null;
    case '-':
      return s.length === 1 ? { b: { k: 'min' }, ex: true } : null;
    case '(':
      return { b: { k: 's', s: s.slice(1) }, ex: true };
    case '[':
      return { b: { k: 's', s: s.slice(1) }, ex: false };
    default:
      return null;
  }
}

function parseLexRange(min: string, max: string): LexRange | null {
  const a = parseLexItem(min);
  const b = parseLexItem(max);
  if (a === null || b === null) return null;
  return { min: a.b, minex: a.ex, max: b.b, maxex: b.ex };
}

/** sdscmplex: "-" below and "+" above every string. */
function cmpLex(a: LexBound, b: LexBound): number {
  if (a.k === b.k && a.k !== 's') return 0;
  if (a.k === 'min' || b.k === 'max') return -1;
  if (a.k === 'max' || b.k === 'min') return 1;
  return cmpMembers((a as { s: string }).s, (b as { s: string }).s);
}

function lexGteMin(m: string, r: LexRange): boolean {
  const c = cmpLex({ k: 's', s: m }, r.min);
  return r.minex ? c > 0 : c >= 0;
}

function lexLteMax(m: string, r: LexRange): boolean {
  const c = cmpLex({ k: 's', s: m }, r.max);
  return r.maxex ? c < 0 : c <= 0;
}

function lexRangeEmpty(r: LexRange): boolean {
  const c = cmpLex(r.min, r.max);
  return c > 0 || (c === 0 && (r.minex || r.maxex));
}

/**
 * First position in lex range, or -1 (zzlFirstInLexRange / zslFirstInLexRange).
 * Lex ranges assume all scores are equal; with different scores the answer
 * follows Redis' walk: in order for a listpack, by halving for a skiplist.
 */
function firstInLex(z: ZObj, r: LexRange, skiplist: boolean): number {
  const arr = ordered(z);
  if (arr.length === 0 || lexRangeEmpty(r)) return -1;
  if (!lexGteMin(arr[arr.length - 1], r) || !lexLteMax(arr[0], r)) return -1;
  let pos: number;
  if (!skiplist) {
    pos = arr.findIndex((m) => lexGteMin(m, r));
  } else {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lexGteMin(arr[mid], r)) hi = mid;
      else lo = mid + 1;
    }
    pos = lo;
  }
  if (pos < 0 || pos >= arr.length || !lexLteMax(arr[pos], r)) return -1;
  return pos;
}

/** Last position in lex range, or -1. */
function lastInLex(z: ZObj, r: LexRange, skiplist: boolean): number {
  const arr = ordered(z);
  if (arr.length === 0 || lexRangeEmpty(r)) return -1;
  if (!lexGteMin(arr[arr.length - 1], r) || !lexLteMax(arr[0], r)) return -1;
  if (!skiplist) {
    for (let i = arr.length - 1; i >= 0; i--) {
      if (lexLteMax(arr[i], r)) return lexGteMin(arr[i], r) ? i : -1;
    }
    return -1;
  }
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lexLteMax(arr[mid], r)) lo = mid + 1;
    else hi = mid;
  }
  const pos = lo - 1;
  if (pos < 0 || !lexGteMin(arr[pos], r)) return -1;
  return pos;
}

// ---------------------------------------------------------------------------
// ZADD / ZINCRBY.

function zaddGeneric(x: Exec, incrCmd: boolean): Reply {
  const argv = x.argv;
  let incr = incrCmd;
  let nx = false;
  let xx = false;
  let gt = false;
  let lt = false;
  let ch = false;
  let scoreidx = 2;
  while (scoreidx < argv.length) {
    const opt = argv[scoreidx];
    if (eqi(opt, 'nx')) nx = true;
    else if (eqi(opt, 'xx')) xx = true;
    else if (eqi(opt, 'ch')) ch = true;
    else if (eqi(opt, 'incr')) incr = true;
    else if (eqi(opt, 'gt')) gt = true;
    else if (eqi(opt, 'lt')) lt = true;
    else break;
    scoreidx++;
  }
  const elements2 = argv.length - scoreidx;
  if (elements2 % 2 !== 0 || elements2 === 0) return SYNTAX;
  const elements = elements2 / 2;
  if (nx && xx) return err('ERR XX and NX options at the same time are not compatible');
  if ((gt && nx) || (lt && nx) || (gt && lt)) return err('ERR GT, LT, and/or NX options at the same time are not compatible');
  if (incr && elements > 1) return err('ERR INCR option supports a single increment-element pair');
  const scores: number[] = [];
  for (let j = 0; j < elements; j++) {
    const d = string2d(argv[scoreidx + j * 2]);
    if (d === null) return err(E.notFloat);
    scores.push(d);
  }
  const key = argv[1];
  const found = writeZset(x, key);
  if (found !== undefined && !isZ(found)) return found;
  let z = found;
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  const lim = limits(x);
  if (z === undefined && !xx) {
    z = createForAdd(lim, argv[scoreidx + 1]);
    x.dbAdd(key, z);
  }
  let failed = false;
  if (z !== undefined) {
    for (let j = 0; j < elements; j++) {
      score = scores[j];
      const ele = argv[scoreidx + 1 + j * 2];
      const cur = z.v.get(ele);
      if (cur !== undefined) {
        if (nx) continue;
        if (incr) {
          score += cur;
          if (Number.isNaN(score)) {
            failed = true;
            break;
          }
        }
        if ((lt && score >= cur) || (gt && score <= cur)) continue;
        processed++;
        if (score !== cur) {
          zUpdate(z, ele, lpScore(z, score));
          updated++;
        }
      } else if (!xx) {
        addNew(z, lim, ele, score);
        added++;
        processed++;
      }
    }
  }
  if (added + updated > 0) x.dirty(added + updated);
  if (failed) return NAN_RESULT;
  if (incr) return processed > 0 ? scoreReply(score) : NULL_BULK;
  return int(ch ? added + updated : added);
}

function zremCommand(x: Exec): Reply {
  const key = x.argv[1];
  const z = writeZset(x, key);
  if (z === undefined) return int(0);
  if (!isZ(z)) return z;
  let deleted = 0;
  for (let j = 2; j < x.argv.length; j++) {
    if (zDelete(z, x.argv[j])) deleted++;
    if (z.v.size === 0) {
      x.dbDelete(key);
      break;
    }
  }
  if (deleted > 0) x.dirty(deleted);
  return int(deleted);
}

// ---------------------------------------------------------------------------
// ZREMRANGEBY*.

function zremrangeGeneric(x: Exec, type: 'rank' | 'score' | 'lex'): Reply {
  const key = x.argv[1];
  let start = 0;
  let end = 0;
  let srange: ScoreRange | null = null;
  let lrange: LexRange | null = null;
  if (type === 'rank') {
    const a = getLong(x.argv[2]);
    const b = a === null ? null : getLong(x.argv[3]);
    if (a === null || b === null) return err(E.notInt);
    start = a;
    end = b;
  } else if (type === 'score') {
    srange = parseScoreRange(x.argv[2], x.argv[3]);
    if (srange === null) return NOT_FLOAT_RANGE;
  } else {
    lrange = parseLexRange(x.argv[2], x.argv[3]);
    if (lrange === null) return NOT_LEX_RANGE;
  }
  const z = writeZset(x, key);
  if (z === undefined) return int(0);
  if (!isZ(z)) return z;
  const arr = ordered(z);
  let from = 0;
  let to = 0;
  if (type === 'rank') {
    const llen = arr.length;
    if (start < 0) start = llen + start;
    if (end < 0) end = llen + end;
    if (start < 0) start = 0;
    if (start > end || start >= llen) return int(0);
    if (end >= llen) end = llen - 1;
    from = start;
    to = end + 1;
  } else if (srange !== null) {
    [from, to] = scoreSpan(z, srange);
  } else if (lrange !== null) {
    const f = firstInLex(z, lrange, isSkiplist(x, z));
    if (f >= 0) {
      from = f;
      to = f;
      while (to < arr.length && lexLteMax(arr[to], lrange)) to++;
    }
  }
  const victims = arr.slice(from, to);
  for (const m of victims) z.v.delete(m);
  arr.splice(from, to - from);
  if (z.v.size === 0) x.dbDelete(key);
  if (victims.length > 0) x.dirty(victims.length);
  return int(victims.length);
}

// ---------------------------------------------------------------------------
// ZUNION / ZINTER / ZDIFF (+STORE), ZINTERCARD.

interface OpSrc {
  /** Members with their scores (a plain set's members score 1), or null for a missing key. */
  z: Map<string, number> | null;
  /** The members in the order Redis iterates the source. */
  iter: () => [string, number][];
  weight: number;
  size: number;
  /** Identity of the source object (the same key named twice). */
  obj: RObj | null;
}

type AggrFn = 'sum' | 'min' | 'max';

function aggregate(target: number, val: number, how: AggrFn): number {
  if (how === 'sum') {
    const t = target + val;
    return Number.isNaN(t) ? 0 : t;
  }
  // Not Math.min/max: a NaN value (inf * 0 weight) leaves the target as it is, as in C.
  // biome-ignore lint/complexity/useMathMinMax: C comparison semantics
  if (how === 'min') return val < target ? val : target;
  // biome-ignore lint/complexity/useMathMinMax: C comparison semantics
  return val > target ? val : target;
}

function srcFrom(o: RObj | undefined): OpSrc {
  if (o === undefined) return { z: null, iter: () => [], weight: 1, size: 0, obj: null };
  if (o.type === 'zset') {
    const z = o as ZObj;
    // Sorted sets are walked from the highest entry down.
    return {
      z: z.v,
      iter: () => {
        const arr = ordered(z);
        const out: [string, number][] = [];
        for (let i = arr.length - 1; i >= 0; i--) out.push([arr[i], z.v.get(arr[i]) as number]);
        return out;
      },
      weight: 1,
      size: z.v.size,
      obj: o,
    };
  }
  const set = o.v as Set<string>;
  const m = new Map<string, number>();
  for (const e of set) m.set(e, 1);
  return { z: m, iter: () => [...m], weight: 1, size: m.size, obj: o };
}

function zsetOpGeneric(x: Exec, dstkey: string | null, numkeysIndex: number, op: 'union' | 'inter' | 'diff', cardinalityOnly: boolean): Reply {
  const argv = x.argv;
  const setnumL = string2ll(argv[numkeysIndex]);
  if (setnumL === null) return err(E.notInt);
  if (setnumL < 1n) return errFmt(`at least 1 input key is needed for '${argv[0].toLowerCase()}' command`);
  if (setnumL > BigInt(argv.length - (numkeysIndex + 1))) return SYNTAX;
  const setnum = Number(setnumL);
  const srcs: OpSrc[] = [];
  let j = numkeysIndex + 1;
  for (let i = 0; i < setnum; i++, j++) {
    const o = x.lookupRead(argv[j]);
    if (o !== undefined && o.type !== 'zset' && o.type !== 'set') return WRONGTYPE;
    srcs.push(srcFrom(o));
  }
  let how: AggrFn = 'sum';
  let withscores = false;
  let limit = 0;
  let remaining = argv.length - j;
  while (remaining > 0) {
    if (op !== 'diff' && !cardinalityOnly && remaining >= setnum + 1 && eqi(argv[j], 'weights')) {
      j++;
      remaining--;
      for (let i = 0; i < setnum; i++, j++, remaining--) {
        const w = string2d(argv[j]);
        if (w === null) return err('ERR weight value is not a float');
        srcs[i].weight = w;
      }
    } else if (op !== 'diff' && !cardinalityOnly && remaining >= 2 && eqi(argv[j], 'aggregate')) {
      j++;
      remaining--;
      if (eqi(argv[j], 'sum')) how = 'sum';
      else if (eqi(argv[j], 'min')) how = 'min';
      else if (eqi(argv[j], 'max')) how = 'max';
      else return SYNTAX;
      j++;
      remaining--;
    } else if (remaining >= 1 && dstkey === null && !cardinalityOnly && eqi(argv[j], 'withscores')) {
      j++;
      remaining--;
      withscores = true;
    } else if (cardinalityOnly && remaining >= 2 && eqi(argv[j], 'limit')) {
      j++;
      remaining--;
      const l = getRangeLong(argv[j], 0n, LONG_MAX);
      if (l === null) return err("ERR LIMIT can't be negative");
      limit = clampNum(l);
      j++;
      remaining--;
    } else return SYNTAX;
  }
  // Inputs from the smallest to the largest (qsort over cardinality; glibc's is a stable merge sort).
  if (op !== 'diff') srcs.sort((a, b) => a.size - b.size);

  const result = new Map<string, number>();
  let cardinality = 0;
  if (op === 'inter') {
    if (srcs[0].size > 0) {
      for (const [ele, s0] of srcs[0].iter()) {
        let score = srcs[0].weight * s0;
        if (Number.isNaN(score)) score = 0;
        let k = 1;
        for (; k < setnum; k++) {
          const src = srcs[k];
          if (src.obj === srcs[0].obj) {
            score = aggregate(score, s0 * src.weight, how);
          } else {
            const v = src.z?.get(ele);
            if (v === undefined) break;
            score = aggregate(score, v * src.weight, how);
          }
        }
        if (k === setnum) {
          if (cardinalityOnly) {
            cardinality++;
            if (limit && cardinality >= limit) break;
          } else result.set(ele, score);
        }
      }
    }
  } else if (op === 'union') {
    for (const src of srcs) {
      if (src.size === 0) continue;
      for (const [ele, s] of src.iter()) {
        let score = src.weight * s;
        if (Number.isNaN(score)) score = 0;
        const prev = result.get(ele);
        result.set(ele, prev === undefined ? score : aggregate(prev, score, how));
      }
    }
  } else if (srcs[0].size > 0) {
    let same = false;
    for (let k = 1; k < setnum; k++) if (srcs[k].obj === srcs[0].obj) same = true;
    if (!same) {
      for (const [ele, s] of srcs[0].iter()) {
        let found = false;
        for (let k = 1; k < setnum; k++) if (srcs[k].z?.has(ele)) found = true;
        if (!found) result.set(ele, s);
      }
    }
  }

  if (cardinalityOnly) return int(cardinality);
  const dst: ZObj = { type: 'zset', v: result, skiplist: true };
  if (dstkey !== null) {
    if (result.size > 0) {
      storeEncoding(dst, limits(x));
      x.setKey(dstkey, dst);
      x.dirty();
      return int(result.size);
    }
    if (x.dbDelete(dstkey)) x.dirty();
    return int(0);
  }
  const out: Reply[] = [];
  for (const m of ordered(dst)) pushScored(x, out, withscores, m, result.get(m) as number);
  return { t: 'array', a: out };
}

// ---------------------------------------------------------------------------
// ZRANGE and friends.

type RangeType = 'auto' | 'rank' | 'score' | 'lex';
type Direction = 'auto' | 'forward' | 'reverse';

/** The members a range selected, in reply order. */
type Picked = string[];

function zrangeGeneric(x: Exec, argcStart: number, store: boolean, rtype0: RangeType, dir0: Direction): Reply {
  const argv = x.argv;
  let rangetype = rtype0;
  let direction = dir0;
  const key = argv[argcStart];
  let minidx = argcStart + 1;
  let maxidx = argcStart + 2;
  let withscores = false;
  let offset = 0;
  let limit = -1;
  for (let j = argcStart + 3; j < argv.length; j++) {
    const leftargs = argv.length - j - 1;
    if (!store && eqi(argv[j], 'withscores')) withscores = true;
    else if (eqi(argv[j], 'limit') && leftargs >= 2) {
      const o = getLong(argv[j + 1]);
      const l = o === null ? null : getLong(argv[j + 2]);
      if (o === null || l === null) return err(E.notInt);
      offset = o;
      limit = l;
      j += 2;
    } else if (direction === 'auto' && eqi(argv[j], 'rev')) direction = 'reverse';
    else if (rangetype === 'auto' && eqi(argv[j], 'bylex')) rangetype = 'lex';
    else if (rangetype === 'auto' && eqi(argv[j], 'byscore')) rangetype = 'score';
    else return SYNTAX;
  }
  if (direction === 'auto') direction = 'forward';
  if (rangetype === 'auto') rangetype = 'rank';
  if (limit !== -1 && rangetype === 'rank') return err('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  if (withscores && rangetype === 'lex') return err('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  const reverse = direction === 'reverse';
  if (reverse && (rangetype === 'score' || rangetype === 'lex')) {
    const t = maxidx;
    maxidx = minidx;
    minidx = t;
  }
  let start = 0;
  let end = 0;
  let srange: ScoreRange | null = null;
  let lrange: LexRange | null = null;
  if (rangetype === 'rank') {
    const a = getLong(argv[minidx]);
    const b = a === null ? null : getLong(argv[maxidx]);
    if (a === null || b === null) return err(E.notInt);
    start = a;
    end = b;
  } else if (rangetype === 'score') {
    srange = parseScoreRange(argv[minidx], argv[maxidx]);
    if (srange === null) return NOT_FLOAT_RANGE;
  } else {
    lrange = parseLexRange(argv[minidx], argv[maxidx]);
    if (lrange === null) return NOT_LEX_RANGE;
  }

  const found = x.lookupRead(key);
  if (found === undefined) return store ? storeRange(x, argv[1], null, [], 0) : EMPTY_ARRAY;
  if (found.type !== 'zset') return WRONGTYPE;
  const z = found as ZObj;
  const arr = ordered(z);
  let picked: Picked = [];
  let rankLen = -1;
  if (rangetype === 'rank') {
    const llen = arr.length;
    if (start < 0) start = llen + start;
    if (end < 0) end = llen + end;
    if (start < 0) start = 0;
    if (!(start > end || start >= llen)) {
      if (end >= llen) end = llen - 1;
      rankLen = end - start + 1;
      if (reverse) for (let i = llen - 1 - start; i >= llen - 1 - end; i--) picked.push(arr[i]);
      else picked = arr.slice(start, end + 1);
    } else rankLen = 0;
  } else if (srange !== null) {
    picked = pickByScore(z, arr, srange, offset, limit, reverse);
  } else if (lrange !== null) {
    picked = pickByLex(z, arr, lrange, offset, limit, reverse, isSkiplist(x, z));
  }
  if (store) return storeRange(x, argv[1], z, picked, rankLen);
  const out: Reply[] = [];
  for (const m of picked) pushScored(x, out, withscores, m, z.v.get(m) as number);
  return { t: 'array', a: out };
}

function pickByScore(z: ZObj, arr: string[], r: ScoreRange, offset0: number, limit0: number, reverse: boolean): Picked {
  const out: Picked = [];
  if (offset0 > 0 && offset0 >= arr.length) return out;
  // A negative offset walks off the end: nothing is returned.
  if (offset0 < 0) return out;
  const [from, to] = scoreSpan(z, r);
  if (from >= to) return out;
  let limit = limit0;
  if (!reverse) {
    for (let i = from + offset0; i < to && limit !== 0; i++, limit--) out.push(arr[i]);
  } else {
    for (let i = to - 1 - offset0; i >= from && limit !== 0; i--, limit--) out.push(arr[i]);
  }
  return out;
}

function pickByLex(z: ZObj, arr: string[], r: LexRange, offset0: number, limit0: number, reverse: boolean, skiplist: boolean): Picked {
  const out: Picked = [];
  if (offset0 < 0) return out;
  let limit = limit0;
  if (!reverse) {
    const first = firstInLex(z, r, skiplist);
    if (first < 0) return out;
    for (let i = first + offset0; i < arr.length && limit !== 0; i++, limit--) {
      if (!lexLteMax(arr[i], r)) break;
      out.push(arr[i]);
    }
  } else {
    const last = lastInLex(z, r, skiplist);
    if (last < 0) return out;
    for (let i = last - offset0; i >= 0 && limit !== 0; i--, limit--) {
      if (!lexGteMin(arr[i], r)) break;
      out.push(arr[i]);
    }
  }
  return out;
}

/** zrangeResultBeginStore / EmitForStore / FinalizeStore. */
function storeRange(x: Exec, dstkey: string, src: ZObj | null, picked: Picked, rankLen: number): Reply {
  if (picked.length === 0) {
    if (x.dbDelete(dstkey)) x.dirty();
    return int(0);
  }
  const lim = limits(x);
  const dst: ZObj = { type: 'zset', v: new Map(), skiplist: rankLen > lim.entries };
  for (const m of picked) addNew(dst, lim, m, (src as ZObj).v.get(m) as number);
  x.setKey(dstkey, dst);
  x.dirty();
  return int(picked.length);
}

function zcountCommand(x: Exec): Reply {
  const r = parseScoreRange(x.argv[2], x.argv[3]);
  if (r === null) return NOT_FLOAT_RANGE;
  const z = readZset(x, x.argv[1]);
  if (z === undefined) return int(0);
  if (!isZ(z)) return z;
  const [from, to] = scoreSpan(z, r);
  return int(to - from);
}

function zlexcountCommand(x: Exec): Reply {
  const r = parseLexRange(x.argv[2], x.argv[3]);
  if (r === null) return NOT_LEX_RANGE;
  const z = readZset(x, x.argv[1]);
  if (z === undefined) return int(0);
  if (!isZ(z)) return z;
  const arr = ordered(z);
  const skiplist = isSkiplist(x, z);
  const first = firstInLex(z, r, skiplist);
  if (first < 0) return int(0);
  if (!skiplist) {
    let n = 0;
    for (let i = first; i < arr.length && lexLteMax(arr[i], r); i++) n++;
    return int(n);
  }
  const last = lastInLex(z, r, skiplist);
  const count = arr.length - first - (last < 0 ? 0 : arr.length - 1 - last);
  return int(count);
}

// ---------------------------------------------------------------------------
// Single-member reads.

function zcardCommand(x: Exec): Reply {
  const z = readZset(x, x.argv[1]);
  if (z === undefined) return int(0);
  if (!isZ(z)) return z;
  return int(z.v.size);
}

function zscoreCommand(x: Exec): Reply {
  const z = readZset(x, x.argv[1]);
  if (z === undefined) return NULL_BULK;
  if (!isZ(z)) return z;
  const s = z.v.get(x.argv[2]);
  return s === undefined ? NULL_BULK : scoreReply(s);
}

function zmscoreCommand(x: Exec): Reply {
  const z = readZset(x, x.argv[1]);
  if (z !== undefined && !isZ(z)) return z;
  const out: Reply[] = [];
  for (let j = 2; j < x.argv.length; j++) {
    const s = z === undefined ? undefined : z.v.get(x.argv[j]);
    out.push(s === undefined ? NULL_BULK : scoreReply(s));
  }
  return { t: 'array', a: out };
}

function zrankGeneric(x: Exec, reverse: boolean): Reply {
  const z = readZset(x, x.argv[1]);
  if (z === undefined) return NULL_BULK;
  if (!isZ(z)) return z;
  const r = rankOf(z, x.argv[2]);
  if (r < 0) return NULL_BULK;
  return int(reverse ? z.v.size - 1 - r : r);
}

// ---------------------------------------------------------------------------
// ZSCAN (scan.ts walks a skiplist's dict; a listpack answers at once).

function zscanCommand(x: Exec): Reply {
  return scanValue(x, 'zset', (o) => {
    const z = o as ZObj;
    // A listpack holds integral scores as integers and gives them back as such.
    const lp = objectEncoding(o, x.node.config) === 'listpack';
    return ordered(z).map((m) => {
      const s = z.v.get(m) as number;
      return [m, lp ? listpackScoreText(s) : scoreText(s)];
    });
  });
}

// ---------------------------------------------------------------------------
// ZPOPMIN / ZPOPMAX / ZMPOP and the blocking variants.

type Where = 'min' | 'max';

interface PopStyle {
  /** Emit the key name (BZPOP*, ZMPOP, BZMPOP). */
  emitkey: boolean;
  /** Member/score pairs as nested arrays (ZMPOP, BZMPOP). */
  nested: boolean;
  /** Null array instead of an empty one when nothing is there (ZMPOP, BZMPOP). */
  nilWhenEmpty: boolean;
}

/** genericZpopCommand. count -1 is a plain single pop. Returns the reply and the key popped from. */
function genericZpop(x: Exec, keys: string[], where: Where, count0: number, style: PopStyle): { reply: Reply; key?: string; llen?: number } {
  let key = '';
  let z: ZObj | undefined;
  for (const k of keys) {
    const o = writeZset(x, k);
    if (o === undefined) continue;
    if (!isZ(o)) return { reply: o };
    key = k;
    z = o;
    break;
  }
  if (z === undefined) return { reply: style.nilWhenEmpty ? NULL_ARRAY : EMPTY_ARRAY };
  if (count0 === 0) return { reply: EMPTY_ARRAY };
  const count = count0 === -1 ? 1 : count0;
  const arr = ordered(z);
  const llen = arr.length;
  const rangelen = Math.min(count, llen);
  const pairs: Reply[] = [];
  for (let i = 0; i < rangelen; i++) {
    const m = where === 'max' ? (arr[arr.length - 1] as string) : (arr[0] as string);
    const s = z.v.get(m) as number;
    zDelete(z, m);
    x.dirty();
    if (style.nested) pairs.push({ t: 'array', a: [bulk(m), scoreReply(s)] });
    else pairs.push(bulk(m), scoreReply(s));
  }
  if (z.v.size === 0) x.dbDelete(key);
  let reply: Reply;
  if (!style.emitkey) reply = { t: 'array', a: pairs };
  else if (!style.nested) reply = { t: 'array', a: [bulk(key), ...pairs] };
  else reply = { t: 'array', a: [bulk(key), { t: 'array', a: pairs }] };
  return { reply, key, llen };
}

function popName(where: Where): string {
  return where === 'min' ? 'ZPOPMIN' : 'ZPOPMAX';
}

function zpopMinMax(x: Exec, where: Where): Reply {
  if (x.argv.length > 3) return SYNTAX;
  let count = -1;
  if (x.argv.length === 3) {
    const c = getRangeLong(x.argv[2], 0n, LONG_MAX);
    if (c === null) return err('ERR value is out of range, must be positive');
    count = clampNum(c);
  }
  // A flat array in RESP2 or for a single pop; RESP3 nests the pairs when a count is given.
  return genericZpop(x, [x.argv[1]], where, count, { emitkey: false, nested: x.client.resp === 3 && count !== -1, nilWhenEmpty: false }).reply;
}

/** blockingGenericZpopCommand. */
function blockingZpop(x: Exec, keys: string[], where: Where, timeoutArg: string, count: number, style: PopStyle): HandlerResult {
  const timeout = parseBlockTimeout(x, timeoutArg, 'seconds');
  if (typeof timeout !== 'number') return timeout;
  // A blocked client served because a key got data pops from that key only (serveClientsBlockedOnSortedSetKey).
  const ready = servingBlocked(x);
  for (const key of ready !== null ? [ready] : keys) {
    const o = writeZset(x, key);
    if (o === undefined) continue;
    if (!isZ(o)) return o;
    if (o.v.size === 0) continue;
    const r = genericZpop(x, [key], where, count, style);
    const llen = r.llen ?? 0;
    if (count === -1) x.rewrite([popName(where), key]);
    else x.rewrite([popName(where), key, String(Math.min(count, llen))]);
    return r.reply;
  }
  if (!canBlock(x)) return NULL_ARRAY;
  return blockForKeys(x, keys, timeout, NULL_ARRAY);
}

function bzpopMinMax(x: Exec, where: Where): HandlerResult {
  const keys = x.argv.slice(1, -1);
  return blockingZpop(x, keys, where, x.argv[x.argv.length - 1], -1, { emitkey: true, nested: false, nilWhenEmpty: false });
}

/** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count], and BZMPOP timeout numkeys ... */
function zmpopGeneric(x: Exec, numkeysIdx: number, block: boolean): HandlerResult {
  const argv = x.argv;
  const nk = getRangeLong(argv[numkeysIdx], 1n, LONG_MAX);
  if (nk === null) return err('ERR numkeys should be greater than 0');
  if (nk > BigInt(argv.length)) return SYNTAX;
  const numkeys = Number(nk);
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) return SYNTAX;
  let where: Where;
  if (eqi(argv[whereIdx], 'min')) where = 'min';
  else if (eqi(argv[whereIdx], 'max')) where = 'max';
  else return SYNTAX;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    const moreargs = argv.length - 1 - j;
    if (count === -1 && eqi(argv[j], 'count') && moreargs > 0) {
      j++;
      const c = getRangeLong(argv[j], 1n, LONG_MAX);
      if (c === null) return err('ERR count should be greater than 0');
      count = clampNum(c);
    } else return SYNTAX;
  }
  if (count === -1) count = 1;
  const keys = argv.slice(numkeysIdx + 1, numkeysIdx + 1 + numkeys);
  const style: PopStyle = { emitkey: true, nested: true, nilWhenEmpty: true };
  if (block) return blockingZpop(x, keys, where, argv[1], count, style);
  const r = genericZpop(x, keys, where, count, style);
  if (r.key !== undefined && r.llen !== undefined) x.rewrite([popName(where), r.key, String(Math.min(count, r.llen))]);
  return r.reply;
}

// ---------------------------------------------------------------------------
// ZRANDMEMBER.

const ZRANDMEMBER_SUB_STRATEGY_MUL = 3;
/** The engine stops a reply of repeated picks at a size a browser can hold. */
const ZRANDMEMBER_MAX = 100_000;

function zrandmemberCommand(x: Exec): Reply {
  const argv = x.argv;
  if (argv.length >= 3) {
    const l = getRangeLong(argv[2], -LONG_MAX, LONG_MAX);
    if (l === null) {
      if (string2ll(argv[2]) === null) return err(E.notInt);
      return errFmt('value is out of range, value must between -9223372036854775807 and 9223372036854775807');
    }
    if (argv.length > 4 || (argv.length === 4 && !eqi(argv[3], 'withscores'))) return SYNTAX;
    const withscores = argv.length === 4;
    if (withscores && (l < -LONG_MAX / 2n || l > LONG_MAX / 2n)) return err('ERR value is out of range');
    return zrandmemberWithCount(x, l, withscores);
  }
  const z = readZset(x, argv[1]);
  if (z === undefined) return NULL_BULK;
  if (!isZ(z)) return z;
  const arr = ordered(z);
  return bulk(arr[nextInt(x.world.prng, arr.length)]);
}

function zrandmemberWithCount(x: Exec, l: bigint, withscores: boolean): Reply {
  const z = readZset(x, x.argv[1]);
  if (z === undefined) return EMPTY_ARRAY;
  if (!isZ(z)) return z;
  const arr = ordered(z);
  const size = arr.length;
  const uniq = l >= 0n;
  const countBig = uniq ? l : -l;
  if (countBig === 0n) return EMPTY_ARRAY;
  const out: Reply[] = [];
  const emit = (m: string): void => pushScored(x, out, withscores, m, z.v.get(m) as number);
  // CASE 1: repeats allowed (or a single pick): |count| independent picks.
  if (!uniq || countBig === 1n) {
    const count = countBig > BigInt(ZRANDMEMBER_MAX) ? ZRANDMEMBER_MAX : Number(countBig);
    for (let i = 0; i < count; i++) emit(arr[nextInt(x.world.prng, size)]);
    return { t: 'array', a: out };
  }
  // CASE 2: the whole set, walked from the highest entry down.
  if (countBig >= BigInt(size)) {
    for (let i = size - 1; i >= 0; i--) emit(arr[i]);
    return { t: 'array', a: out };
  }
  const count = Number(countBig);
  if (count * ZRANDMEMBER_SUB_STRATEGY_MUL > size) {
    // CASE 3: drop random members until count are left.
    const keep = arr.slice().reverse();
    while (keep.length > count) keep.splice(nextInt(x.world.prng, keep.length), 1);
    for (const m of keep) emit(m);
    return { t: 'array', a: out };
  }
  // CASE 4: distinct random picks.
  const chosen = new Set<string>();
  if (!isSkiplist(x, z)) {
    // lpRandomPairsUnique: a selection sampled in listpack order.
    let remaining = count;
    for (let i = 0; i < size && remaining > 0; i++) {
      if (nextInt(x.world.prng, size - i) < remaining) {
        chosen.add(arr[i]);
        remaining--;
      }
    }
    for (const m of chosen) emit(m);
    return { t: 'array', a: out };
  }
  while (chosen.size < count) {
    const m = arr[nextInt(x.world.prng, size)];
    if (chosen.has(m)) continue;
    chosen.add(m);
    emit(m);
  }
  return { t: 'array', a: out };
}

// ---------------------------------------------------------------------------

const W = { write: true } as const;
const R = {} as const;

export const zsetCommands: CommandSpec[] = [
  { name: 'zadd', arity: -4, flags: W, handler: (x) => zaddGeneric(x, false) },
  { name: 'zincrby', arity: 4, flags: W, handler: (x) => zaddGeneric(x, true) },
  { name: 'zrem', arity: -3, flags: W, handler: zremCommand },
  { name: 'zremrangebyscore', arity: 4, flags: W, handler: (x) => zremrangeGeneric(x, 'score') },
  { name: 'zremrangebyrank', arity: 4, flags: W, handler: (x) => zremrangeGeneric(x, 'rank') },
  { name: 'zremrangebylex', arity: 4, flags: W, handler: (x) => zremrangeGeneric(x, 'lex') },
  { name: 'zunionstore', arity: -4, flags: W, handler: (x) => zsetOpGeneric(x, x.argv[1], 2, 'union', false) },
  { name: 'zinterstore', arity: -4, flags: W, handler: (x) => zsetOpGeneric(x, x.argv[1], 2, 'inter', false) },
  { name: 'zdiffstore', arity: -4, flags: W, handler: (x) => zsetOpGeneric(x, x.argv[1], 2, 'diff', false) },
  { name: 'zunion', arity: -3, flags: R, handler: (x) => zsetOpGeneric(x, null, 1, 'union', false) },
  { name: 'zinter', arity: -3, flags: R, handler: (x) => zsetOpGeneric(x, null, 1, 'inter', false) },
  { name: 'zintercard', arity: -3, flags: R, handler: (x) => zsetOpGeneric(x, null, 1, 'inter', true) },
  { name: 'zdiff', arity: -3, flags: R, handler: (x) => zsetOpGeneric(x, null, 1, 'diff', false) },
  { name: 'zrange', arity: -4, flags: R, handler: (x) => zrangeGeneric(x, 1, false, 'auto', 'auto') },
  { name: 'zrangestore', arity: -5, flags: W, handler: (x) => zrangeGeneric(x, 2, true, 'auto', 'auto') },
  { name: 'zrangebyscore', arity: -4, flags: R, handler: (x) => zrangeGeneric(x, 1, false, 'score', 'forward') },
  { name: 'zrevrangebyscore', arity: -4, flags: R, handler: (x) => zrangeGeneric(x, 1, false, 'score', 'reverse') },
  { name: 'zrangebylex', arity: -4, flags: R, handler: (x) => zrangeGeneric(x, 1, false, 'lex', 'forward') },
  { name: 'zrevrangebylex', arity: -4, flags: R, handler: (x) => zrangeGeneric(x, 1, false, 'lex', 'reverse') },
  { name: 'zrevrange', arity: -4, flags: R, handler: (x) => zrangeGeneric(x, 1, false, 'rank', 'reverse') },
  { name: 'zcount', arity: 4, flags: R, handler: zcountCommand },
  { name: 'zlexcount', arity: 4, flags: R, handler: zlexcountCommand },
  { name: 'zcard', arity: 2, flags: R, handler: zcardCommand },
  { name: 'zscore', arity: 3, flags: R, handler: zscoreCommand },
  { name: 'zmscore', arity: -3, flags: R, handler: zmscoreCommand },
  { name: 'zrank', arity: 3, flags: R, handler: (x) => zrankGeneric(x, false) },
  { name: 'zrevrank', arity: 3, flags: R, handler: (x) => zrankGeneric(x, true) },
  { name: 'zscan', arity: -3, flags: R, handler: zscanCommand },
  { name: 'zpopmin', arity: -2, flags: W, handler: (x) => zpopMinMax(x, 'min') },
  { name: 'zpopmax', arity: -2, flags: W, handler: (x) => zpopMinMax(x, 'max') },
  { name: 'bzpopmin', arity: -3, flags: W, handler: (x) => bzpopMinMax(x, 'min') },
  { name: 'bzpopmax', arity: -3, flags: W, handler: (x) => bzpopMinMax(x, 'max') },
  { name: 'zmpop', arity: -4, flags: W, handler: (x) => zmpopGeneric(x, 1, false) },
  { name: 'bzmpop', arity: -5, flags: W, handler: (x) => zmpopGeneric(x, 2, true) },
  { name: 'zrandmember', arity: -2, flags: R, handler: zrandmemberCommand },
];
