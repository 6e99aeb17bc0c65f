// Stream commands (t_stream.c, Redis 7.0.15): XADD, XRANGE, XREVRANGE, XLEN,
// XDEL, XTRIM, XSETID, XREAD, XREADGROUP, XGROUP, XACK, XPENDING, XCLAIM,
// XAUTOCLAIM, XINFO.
//
// What replicas receive follows t_stream.c:
// - XADD with `*` or `ms-*` is propagated with the ID it generated; MAXLEN ~
//   / MINID ~ (and LIMIT) are propagated as `=` with the length or first ID
//   the stream ended with, so a replica trims exactly the same entries;
// - XTRIM likewise, and only when it removed something;
// - XREADGROUP, XCLAIM and XAUTOCLAIM are never propagated themselves: each
//   entry they hand to a consumer (or drop from a PEL because it no longer
//   exists) becomes `XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n
//   FORCE JUSTID LASTID id`; a NOACK read that moved the group propagates
//   `XGROUP SETID key group id ENTRIESREAD n`, and a consumer it created
//   `XGROUP CREATECONSUMER key group consumer`;
// - the other writes go as they were typed, when they changed something.

import { E, NULL_ARRAY, NULL_BULK, OK, type Reply, array, bulk, err, int, status } from '../resp/reply';
import { byteLength } from '../resp/bytes';
import type { RObj } from '../server/db';
import { blockForKeys, canBlock, parseBlockTimeout, servingBlocked, signalKeyAsReady } from '../server/blocking';
import {
  ID_MAX,
  ID_ZERO,
  type NodeLimits,
  SCG_INVALID_ENTRIES_READ,
  STREAM_LISTPACK_MAX_SIZE,
  type StreamConsumer,
  type StreamEntry,
  type StreamGroup,
  type StreamId,
  type StreamNack,
  type StreamValue,
  type TrimArgs,
  U64_MAX,
  appendEntry,
  byteOrder,
  cmpId,
  consumerPelAdd,
  consumerPelRemove,
  createGroup,
  createStream,
  decrId,
  deleteConsumer,
  deleteEntry,
  edgeId,
  findEntry,
  forEachEntry,
  groupAdvance,
  groupLag,
  idIsZero,
  idStr,
  idsLowerBound,
  incrId,
  lastValidId,
  nackRelease,
  pelFind,
  pelInsert,
  pelLowerBound,
  radixTreeNodes,
  trimStream,
} from '../server/stream';
import type { CommandSpec, Exec, HandlerResult } from './types';
import { cstr, eqi, intReply, memtoll, string2ll } from './util';

type StreamObj = { type: 'stream'; v: StreamValue };

const WRONGTYPE = err(E.wrongType);
const EMPTY_ARRAY: Reply = { t: 'array', a: [] };
const INVALID_ID = err('ERR Invalid stream ID specified as stream command argument');

/**
 * addReplyErrorFormat: CR/LF trimmed at both ends and turned into spaces
 * inside; a text that starts with '-' carries its own error code.
 */
function errFormat(text: string): Reply {
  const t = text.replace(/^[\r\n]+|[\r\n]+$/g, '').replace(/[\r\n]/g, ' ');
  return err(t.startsWith('-') ? t.slice(1) : `ERR ${t}`);
}

/** printf's "%.128s" of an argument: up to its first NUL, at most 128 bytes. */
function pct128(s: string): string {
  const c = cstr(s);
  if (byteLength(c) <= 128) return c;
  let out = '';
  let n = 0;
  for (const ch of c) {
    const b = byteLength(ch);
    if (n + b > 128) break;
    out += ch;
    n += b;
  }
  return out;
}

function subcommandSyntaxError(x: Exec): Reply {
  return errFormat(`unknown subcommand or wrong number of arguments for '${pct128(x.argv[1])}'. Try ${x.argv[0].toUpperCase()} HELP.`);
}

function isStream(o: RObj | undefined): o is StreamObj {
  return o !== undefined && o.type === 'stream';
}

// ---------------------------------------------------------------------------
// Argument parsing

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

/** string2ull (util.c): string2ll when it can, else strtoull (spaces, a sign and leading zeros allowed; '-' wraps). */
function string2ull(s: string): bigint | null {
  const ll = string2ll(s);
  if (ll !== null) return ll < 0n ? null : ll;
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start || i !== s.length) return null;
  const v = BigInt(s.slice(start, i));
  if (v > U64_MAX) return null;
  return neg ? BigInt.asUintN(64, -v) : v;
}

interface ParsedId {
  id: StreamId;
  /** False for the `ms-*` form of XADD. */
  seqGiven: boolean;
}

/**
 * streamGenericParseIDOrReply: `ms-seq`, `ms` (seq = missingSeq), `-` and
 * `+` unless strict, and `ms-*` when allowed. Null when invalid.
 */
function parseIdFull(arg: string, missingSeq: bigint, strict: boolean, seqStar: boolean): ParsedId | null {
  if (byteLength(arg) > 127) return null;
  const buf = cstr(arg);
  if (strict && (buf === '-' || buf === '+')) return null;
  if (buf === '-') return { id: ID_ZERO, seqGiven: true };
  if (buf === '+') return { id: ID_MAX, seqGiven: true };
  const dot = buf.indexOf('-');
  const ms = string2ull(dot >= 0 ? buf.slice(0, dot) : buf);
  if (ms === null) return null;
  if (dot < 0) return { id: { ms, seq: missingSeq }, seqGiven: true };
  const rest = buf.slice(dot + 1);
  if (seqStar && rest === '*') return { id: { ms, seq: 0n }, seqGiven: false };
  const seq = string2ull(rest);
  if (seq === null) return null;
  return { id: { ms, seq }, seqGiven: true };
}

function parseId(arg: string, missingSeq: bigint, strict: boolean): StreamId | null {
  return parseIdFull(arg, missingSeq, strict, false)?.id ?? null;
}

/**
 * A range bound (streamParseIntervalIDOrReply plus the increment or
 * decrement of an exclusive bound): `(id` excludes id.
 */
function parseBound(arg: string, missingSeq: bigint, isStart: boolean): StreamId | Reply {
  const exclude = byteLength(arg) > 1 && arg[0] === '(';
  const id = exclude ? parseId(arg.slice(1), missingSeq, true) : parseId(arg, missingSeq, false);
  if (id === null) return INVALID_ID;
  if (!exclude) return id;
  const r = isStart ? incrId(id) : decrId(id);
  if (!r.ok) return err(isStart ? 'ERR invalid start ID for the interval' : 'ERR invalid end ID for the interval');
  return r.id;
}

function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && 't' in v;
}

function configNum(x: Exec, name: string, dflt: number): number {
  const v = x.node.config[name];
  if (v === undefined) return dflt;
  const n = memtoll(v);
  return n === null ? dflt : n;
}

function nodeLimits(x: Exec): NodeLimits {
  return { maxBytes: configNum(x, 'stream-node-max-bytes', 4096), maxEntries: configNum(x, 'stream-node-max-entries', 100) };
}

// ---------------------------------------------------------------------------
// Replies

function entryReply(e: StreamEntry): Reply {
  return array([bulk(idStr(e.id)), array(e.fv.map((s) => bulk(s)))]);
}

function idReply(id: StreamId): Reply {
  return bulk(idStr(id));
}

/** A map reply (XINFO): RESP3's map, a flat array of name, value pairs in RESP2. */
function mapReply(pairs: [string, Reply][]): Reply {
  const a: Reply[] = [];
  for (const [k, v] of pairs) a.push(bulk(k), v);
  return { t: 'map', a };
}

/** XREAD / XREADGROUP's reply: in RESP3 a map of key -> entries, in RESP2 an array of [key, entries]. */
function readReply(x: Exec, perKey: [string, Reply[]][]): Reply {
  if (x.client.resp === 3) return { t: 'map', a: perKey.flatMap(([k, e]) => [bulk(k), array(e)]) };
  return array(perKey.map(([k, e]) => array([bulk(k), array(e)])));
}

function llReply(v: bigint): Reply {
  return intReply(BigInt.asIntN(64, v));
}

// ---------------------------------------------------------------------------
// XADD / XTRIM

interface AddTrimArgs {
  trim: TrimArgs | null;
  /** Index of the MAXLEN/MINID value, for the rewrite of `~`. */
  trimArgIdx: number;
  idGiven: boolean;
  seqGiven: boolean;
  id: StreamId;
  noMkstream: boolean;
}

/** streamParseAddOrTrimArgsOrReply: the options and, for XADD, the position of the ID. */
function parseAddOrTrim(x: Exec, xadd: boolean): { a: AddTrimArgs; idpos: number } | Reply {
  const argv = x.argv;
  const argc = argv.length;
  const a: AddTrimArgs = { trim: null, trimArgIdx: 0, idGiven: false, seqGiven: false, id: ID_ZERO, noMkstream: false };
  let approx = false;
  let maxlen = 0n;
  let minid: StreamId = ID_ZERO;
  let strategy: 'maxlen' | 'minid' | null = null;
  let limit = 0n;
  let limitGiven = false;
  let i = 2;
  for (; i < argc; i++) {
    const moreargs = argc - 1 - i;
    const opt = argv[i];
    if (xadd && cstr(opt) === '*') break;
    if (eqi(opt, 'maxlen') && moreargs) {
      if (strategy !== null) return err('ERR syntax error, MAXLEN and MINID options at the same time are not compatible');
      approx = false;
      const next = cstr(argv[i + 1]);
      if (moreargs >= 2 && next === '~') {
        approx = true;
        i++;
      } else if (moreargs >= 2 && next === '=') i++;
      const v = string2ll(argv[i + 1]);
      if (v === null) return err(E.notInt);
      if (v < 0n) return err('ERR The MAXLEN argument must be >= 0.');
      maxlen = v;
      i++;
      strategy = 'maxlen';
      a.trimArgIdx = i;
    } else if (eqi(opt, 'minid') && moreargs) {
      if (strategy !== null) return err('ERR syntax error, MAXLEN and MINID options at the same time are not compatible');
      approx = false;
      const next = cstr(argv[i + 1]);
      if (moreargs >= 2 && next === '~') {
        approx = true;
        i++;
      } else if (moreargs >= 2 && next === '=') i++;
      const id = parseId(argv[i + 1], 0n, true);
      if (id === null) return INVALID_ID;
      minid = id;
      i++;
      strategy = 'minid';
      a.trimArgIdx = i;
    } else if (eqi(opt, 'limit') && moreargs) {
      const v = string2ll(argv[i + 1]);
      if (v === null) return err(E.notInt);
      if (v < 0n) return err('ERR The LIMIT argument must be >= 0.');
      limit = v;
      limitGiven = true;
      i++;
    } else if (xadd && eqi(opt, 'nomkstream')) {
      a.noMkstream = true;
    } else if (xadd) {
      const p = parseIdFull(opt, 0n, true, true);
      if (p === null) return INVALID_ID;
      a.id = p.id;
      a.seqGiven = p.seqGiven;
      a.idGiven = true;
      break;
    } else return err(E.syntax);
  }
  if (limit && strategy === null) return err('ERR syntax error, LIMIT cannot be used without specifying a trimming strategy');
  if (!xadd && strategy === null) return err('ERR syntax error, XTRIM must be called with a trimming strategy');
  if (x.client.kind === 'master') {
    // The master already rewrote ~ into the exact form: never limit what it asks for.
    limit = 0n;
  } else if (limitGiven) {
    if (!approx) return err('ERR syntax error, LIMIT cannot be used without the special ~ option');
  } else if (approx) {
    limit = 100n * BigInt(configNum(x, 'stream-node-max-entries', 100));
    if (limit <= 0n) limit = 10000n;
    if (limit > 1000000n) limit = 1000000n;
  } else limit = 0n;
  if (strategy !== null) a.trim = { strategy, maxlen, minid, approx, limit };
  return { a, idpos: i };
}

/** streamRewriteApproxSpecifier + streamRewriteTrimArgument: `~ n` becomes `= <what the stream is now>`. */
function rewriteTrim(argv: string[], s: StreamValue, t: TrimArgs, idx: number): void {
  argv[idx - 1] = '=';
  argv[idx] = t.strategy === 'maxlen' ? String(s.length) : idStr(edgeId(s, true, false));
}

function xaddCommand(x: Exec): Reply {
  const parsed = parseAddOrTrim(x, true);
  if (isReply(parsed)) return parsed;
  const { a, idpos } = parsed;
  const fieldPos = idpos + 1;
  const argc = x.argv.length;
  if (argc - fieldPos < 2 || (argc - fieldPos) % 2 === 1) return err(E.arity('xadd'));
  if (a.idGiven && a.seqGiven && idIsZero(a.id)) return err('ERR The ID specified in XADD must be greater than 0-0');
  const key = x.argv[1];
  let o = x.lookupWrite(key);
  if (o !== undefined && o.type !== 'stream') return WRONGTYPE;
  if (o === undefined) {
    if (a.noMkstream) return NULL_BULK;
    o = { type: 'stream', v: createStream() };
    x.dbAdd(key, o);
  }
  const s = o.v;
  if (s.lastId.ms === U64_MAX && s.lastId.seq === U64_MAX) return err('ERR The stream has exhausted the last possible ID, unable to add more items');

  // streamAppendItem: the new ID.
  let id: StreamId;
  if (a.idGiven) {
    if (a.seqGiven) id = a.id;
    else if (s.lastId.ms === a.id.ms) {
      // The sequence would overflow: streamAppendItem fails without setting
      // errno, so the reply is not the EDOM one (Redis 7.0.15 answers this).
      if (s.lastId.seq === U64_MAX) return err('ERR Elements are too large to be stored');
      id = { ms: s.lastId.ms, seq: s.lastId.seq + 1n };
    } else id = a.id;
  } else {
    const ms = BigInt(x.nowMs);
    id = ms > s.lastId.ms ? { ms, seq: 0n } : incrId(s.lastId).id;
  }
  if (cmpId(id, s.lastId) <= 0) return err('ERR The ID specified in XADD is equal or smaller than the target stream top item');
  const fv = x.argv.slice(fieldPos);
  let totelelen = 0;
  for (const f of fv) totelelen += byteLength(f);
  if (totelelen > STREAM_LISTPACK_MAX_SIZE) return err('ERR Elements are too large to be stored');
  appendEntry(s, id, fv, nodeLimits(x));
  const reply = bulk(idStr(id));
  x.dirty();

  let rewritten: string[] | null = null;
  if (a.trim) {
    trimStream(s, a.trim);
    if (a.trim.approx) {
      rewritten = x.argv.slice();
      rewriteTrim(rewritten, s, a.trim, a.trimArgIdx);
    }
  }
  if (!a.idGiven || !a.seqGiven) {
    rewritten ??= x.argv.slice();
    rewritten[idpos] = idStr(id);
  }
  if (rewritten) x.rewrite(rewritten);
  signalKeyAsReady(x, key);
  return reply;
}

function xtrimCommand(x: Exec): Reply {
  const parsed = parseAddOrTrim(x, false);
  if (isReply(parsed)) return parsed;
  const t = parsed.a.trim as TrimArgs;
  const o = x.lookupWrite(x.argv[1]);
  if (o === undefined) return int(0);
  if (!isStream(o)) return WRONGTYPE;
  const deleted = trimStream(o.v, t);
  if (deleted) {
    if (t.approx) {
      const argv = x.argv.slice();
      rewriteTrim(argv, o.v, t, parsed.a.trimArgIdx);
      x.rewrite(argv);
    }
    x.dirty(deleted);
  }
  return int(deleted);
}

// ---------------------------------------------------------------------------
// XRANGE / XREVRANGE / XLEN / XDEL / XSETID

function rangeEntries(s: StreamValue, start: StreamId, end: StreamId, count: number, rev: boolean): Reply[] {
  const out: Reply[] = [];
  forEachEntry(s, start, end, rev, (e) => {
    out.push(entryReply(e));
    return !(count && out.length === count);
  });
  return out;
}

function xrangeGeneric(x: Exec, rev: boolean): Reply {
  const startArg = rev ? x.argv[3] : x.argv[2];
  const endArg = rev ? x.argv[2] : x.argv[3];
  const start = parseBound(startArg, 0n, true);
  if (isReply(start)) return start;
  const end = parseBound(endArg, U64_MAX, false);
  if (isReply(end)) return end;
  let count = -1n;
  for (let j = 4; j < x.argv.length; j++) {
    const additional = x.argv.length - j - 1;
    if (eqi(x.argv[j], 'count') && additional >= 1) {
      const c = string2ll(x.argv[j + 1]);
      if (c === null) return err(E.notInt);
      count = c < 0n ? 0n : c;
      j++;
    } else return err(E.syntax);
  }
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return EMPTY_ARRAY;
  if (!isStream(o)) return WRONGTYPE;
  if (count === 0n) return NULL_ARRAY;
  const n = count === -1n || count > 0x7fffffffn ? 0 : Number(count);
  return array(rangeEntries(o.v, start, end, n, rev));
}

function xlenCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  if (o === undefined) return int(0);
  if (!isStream(o)) return WRONGTYPE;
  return int(o.v.length);
}

function xdelCommand(x: Exec): Reply {
  const o = x.lookupWrite(x.argv[1]);
  if (o === undefined) return int(0);
  if (!isStream(o)) return WRONGTYPE;
  const s = o.v;
  const ids: StreamId[] = [];
  for (let j = 2; j < x.argv.length; j++) {
    const id = parseId(x.argv[j], 0n, true);
    if (id === null) return INVALID_ID;
    ids.push(id);
  }
  let deleted = 0;
  let firstEntry = false;
  for (const id of ids) {
    if (!deleteEntry(s, id)) continue;
    if (cmpId(id, s.firstId) === 0) firstEntry = true;
    if (cmpId(id, s.maxDeletedId) > 0) s.maxDeletedId = id;
    deleted++;
  }
  if (deleted) {
    if (s.length === 0) s.firstId = ID_ZERO;
    else if (firstEntry) s.firstId = edgeId(s, true, true);
    x.dirty(deleted);
  }
  return int(deleted);
}

function xsetidCommand(x: Exec): Reply {
  const id = parseId(x.argv[2], 0n, true);
  if (id === null) return INVALID_ID;
  let maxXdel = ID_ZERO;
  let entriesAdded = -1n;
  let i = 3;
  while (i < x.argv.length) {
    const moreargs = x.argv.length - 1 - i;
    const opt = x.argv[i];
    if (eqi(opt, 'entriesadded') && moreargs) {
      const v = string2ll(x.argv[i + 1]);
      if (v === null) return err(E.notInt);
      if (v < 0n) return err('ERR entries_added must be positive');
      entriesAdded = v;
      i += 2;
    } else if (eqi(opt, 'maxdeletedid') && moreargs) {
      const m = parseId(x.argv[i + 1], 0n, true);
      if (m === null) return INVALID_ID;
      if (cmpId(id, m) < 0) return err('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
      maxXdel = m;
      i += 2;
    } else return err(E.syntax);
  }
  const o = x.lookupWrite(x.argv[1]);
  if (o === undefined) return err('ERR no such key');
  if (!isStream(o)) return WRONGTYPE;
  const s = o.v;
  if (s.length > 0) {
    if (cmpId(id, lastValidId(s)) < 0) return err('ERR The ID specified in XSETID is smaller than the target stream top item');
    if (entriesAdded !== -1n && BigInt(s.length) > entriesAdded) return err('ERR The entries_added specified in XSETID is smaller than the target stream length');
  }
  s.lastId = id;
  if (entriesAdded !== -1n) s.entriesAdded = entriesAdded;
  if (!idIsZero(maxXdel)) s.maxDeletedId = maxXdel;
  x.dirty();
  return OK;
}

// ---------------------------------------------------------------------------
// Consumer groups: the low-level operations that touch the dataset

/** streamCreateConsumer (dirty++ like SCC_DEFAULT); null when it exists. */
function createConsumer(x: Exec, g: StreamGroup, name: string): StreamConsumer | null {
  if (g.consumers.has(name)) return null;
  const c: StreamConsumer = { name, seenTime: x.nowMs, pel: [] };
  g.consumers.set(name, c);
  x.dirty();
  return c;
}

/** streamLookupConsumer: refresh its seen time unless asked not to. */
function lookupConsumer(x: Exec, g: StreamGroup, name: string, refresh: boolean): StreamConsumer | undefined {
  const c = g.consumers.get(name);
  if (c && refresh) c.seenTime = x.nowMs;
  return c;
}

/** streamPropagateXCLAIM */
function propagateXclaim(x: Exec, key: string, g: StreamGroup, groupname: string, idArg: string, nack: StreamNack): void {
  x.alsoPropagate(['XCLAIM', key, groupname, nack.consumer, '0', idArg, 'TIME', String(nack.deliveryTime), 'RETRYCOUNT', String(BigInt.asIntN(64, nack.deliveryCount)), 'FORCE', 'JUSTID', 'LASTID', idStr(g.lastId)]);
}

/** streamPropagateGroupID */
function propagateGroupId(x: Exec, key: string, g: StreamGroup, groupname: string): void {
  x.alsoPropagate(['XGROUP', 'SETID', key, groupname, idStr(g.lastId), 'ENTRIESREAD', String(g.entriesRead)]);
}

/** streamPropagateConsumerCreation */
function propagateConsumerCreation(x: Exec, key: string, groupname: string, consumer: string): void {
  x.alsoPropagate(['XGROUP', 'CREATECONSUMER', key, groupname, consumer]);
}

/** Give a pending entry to a consumer: out of its previous owner's PEL, into the new one's. */
function nackMove(g: StreamGroup, nack: StreamNack, to: StreamConsumer, from: string | null): void {
  if (from !== null && from !== to.name) {
    const old = g.consumers.get(from);
    if (old) consumerPelRemove(old, nack.id);
  }
  consumerPelAdd(to, nack.id);
  nack.consumer = to.name;
}

// ---------------------------------------------------------------------------
// XREAD / XREADGROUP

interface GroupRead {
  group: StreamGroup;
  consumer: StreamConsumer;
  noack: boolean;
  key: string;
  groupname: string;
}

/**
 * streamReplyWithRange with a group: entries after `start`, moving the
 * group's last ID, creating or reassigning PEL entries and propagating each
 * as XCLAIM (or the group's new ID with NOACK).
 */
function readForGroup(x: Exec, s: StreamValue, start: StreamId, count: number, r: GroupRead): Reply[] {
  const out: Reply[] = [];
  const { group, consumer, noack } = r;
  let propagateLastId = false;
  forEachEntry(s, start, ID_MAX, false, (e) => {
    if (cmpId(e.id, group.lastId) > 0) {
      groupAdvance(s, group, e.id);
      if (noack) propagateLastId = true;
    }
    out.push(entryReply(e));
    if (!noack) {
      let nack = pelFind(group, e.id);
      if (!nack) {
        nack = { id: e.id, deliveryTime: x.nowMs, deliveryCount: 1n, consumer: consumer.name };
        pelInsert(group, nack);
        consumerPelAdd(consumer, e.id);
      } else {
        nackMove(group, nack, consumer, nack.consumer);
        nack.deliveryTime = x.nowMs;
        nack.deliveryCount = 1n;
      }
      propagateXclaim(x, r.key, group, r.groupname, idStr(e.id), nack);
    }
    return !(count && out.length === count);
  });
  if (propagateLastId) propagateGroupId(x, r.key, group, r.groupname);
  return out;
}

/**
 * streamReplyWithRangeFromConsumerPEL: the consumer's own pending entries
 * from `start`; each counts as delivered again (not propagated). An entry
 * deleted meanwhile is reported as its ID with a null.
 */
function readHistory(x: Exec, s: StreamValue, start: StreamId, count: number, g: StreamGroup, c: StreamConsumer): Reply[] {
  const out: Reply[] = [];
  for (let i = idsLowerBound(c.pel, start); i < c.pel.length && (!count || out.length < count); i++) {
    const id = c.pel[i];
    const e = findEntry(s, id);
    if (!e) out.push(array([idReply(id), NULL_ARRAY]));
    else {
      out.push(entryReply(e));
      const nack = pelFind(g, id);
      if (nack) {
        nack.deliveryTime = x.nowMs;
        nack.deliveryCount = BigInt.asUintN(64, nack.deliveryCount + 1n);
      }
    }
  }
  return out;
}

/** XREAD BLOCK without COUNT serves a woken client at most this many entries (XREAD_BLOCKED_DEFAULT_COUNT). */
const XREAD_BLOCKED_DEFAULT_COUNT = 1000;

function xreadCommand(x: Exec): HandlerResult {
  // Propagated as a side effect of the group operations only (preventCommandPropagation).
  x.preventPropagation();
  const argv = x.argv;
  const argc = argv.length;
  const xreadgroup = byteLength(argv[0]) === 10;
  let block: number | null = null;
  let count = 0n;
  let streamsArg = 0;
  let streamsCount = 0;
  let noack = false;
  let groupname: string | null = null;
  let consumername = '';
  for (let i = 1; i < argc; i++) {
    const moreargs = argc - i - 1;
    const o = argv[i];
    if (eqi(o, 'block') && moreargs) {
      // Scripts never block; 7.0 refuses BLOCK there rather than answering as on a timeout.
      if (x.client.script) return errFormat(`${cstr(argv[0])} command is not allowed with BLOCK option from scripts`);
      i++;
      const t = parseBlockTimeout(x, argv[i], 'ms');
      if (typeof t !== 'number') return t;
      block = t;
    } else if (eqi(o, 'count') && moreargs) {
      i++;
      const c = string2ll(argv[i]);
      if (c === null) return err(E.notInt);
      count = c < 0n ? 0n : c;
    } else if (eqi(o, 'streams') && moreargs) {
      streamsArg = i + 1;
      streamsCount = argc - streamsArg;
      if (streamsCount % 2 !== 0) return err("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
      streamsCount /= 2;
      break;
    } else if (eqi(o, 'group') && moreargs >= 2) {
      if (!xreadgroup) return err('ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.');
      groupname = argv[i + 1];
      consumername = argv[i + 2];
      i += 2;
    } else if (eqi(o, 'noack')) {
      if (!xreadgroup) return err('ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.');
      noack = true;
    } else return err(E.syntax);
  }
  if (streamsArg === 0) return err(E.syntax);
  if (xreadgroup && groupname === null) return err('ERR Missing GROUP option for XREADGROUP');

  const keys = argv.slice(streamsArg, streamsArg + streamsCount);
  // A blocked client woken by a ready key is served from that key only, as blocked.c does in 7.0.
  const readyKey = servingBlocked(x);
  if (readyKey !== null) {
    const k = keys.indexOf(readyKey);
    return serveWoken(x, keys, readyKey, argv[streamsArg + streamsCount + k], groupname, consumername, noack, count);
  }
  const ids: StreamId[] = [];
  const groups: (StreamGroup | null)[] = [];
  for (let k = 0; k < streamsCount; k++) {
    const key = keys[k];
    const idArg = argv[streamsArg + streamsCount + k];
    const o = x.lookupRead(key);
    if (o !== undefined && o.type !== 'stream') return WRONGTYPE;
    let group: StreamGroup | null = null;
    if (groupname !== null) {
      group = o?.type === 'stream' ? (o.v.groups.get(groupname) ?? null) : null;
      if (group === null) return errFormat(`-NOGROUP No such key '${cstr(key)}' or consumer group '${cstr(groupname)}' in XREADGROUP with GROUP option`);
    }
    groups.push(group);
    const ida = cstr(idArg);
    if (ida === '$') {
      if (xreadgroup) {
        return err(
          'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
        );
      }
      ids.push(o?.type === 'stream' ? o.v.lastId : ID_ZERO);
      continue;
    }
    if (ida === '>') {
      if (!xreadgroup) return err('ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.');
      // The maximum ID stands for ">" (and a client may spell it out with the same effect).
      ids.push(ID_MAX);
      continue;
    }
    const id = parseId(idArg, 0n, true);
    if (id === null) return INVALID_ID;
    ids.push(id);
  }

  const result: [string, Reply[]][] = [];
  for (let k = 0; k < streamsCount; k++) {
    const key = keys[k];
    const o = x.lookupRead(key);
    if (!isStream(o)) continue;
    const s = o.v;
    const group = groups[k];
    let gt = ids[k];
    let serve = false;
    let history = false;
    if (group) {
      if (cmpId(gt, ID_MAX) !== 0) {
        serve = true;
        history = true;
      } else if (s.length) {
        if (cmpId(lastValidId(s), group.lastId) > 0) {
          serve = true;
          gt = group.lastId;
        }
      }
    } else if (s.length && cmpId(lastValidId(s), gt) > 0) serve = true;
    if (!serve) continue;
    const start = incrId(gt).id;
    const n = count > 0x7fffffffn ? 0x7fffffff : Number(count);
    let entries: Reply[];
    if (group && groupname !== null) {
      let consumer = lookupConsumer(x, group, consumername, true);
      if (!consumer) {
        consumer = createConsumer(x, group, consumername) as StreamConsumer;
        if (noack) propagateConsumerCreation(x, key, groupname, consumer.name);
      }
      entries = history ? readHistory(x, s, start, n, group, consumer) : readForGroup(x, s, start, n, { group, consumer, noack, key, groupname });
      x.dirty();
    } else entries = rangeEntries(s, start, ID_MAX, n, false);
    result.push([key, entries]);
  }
  if (result.length) return readReply(x, result);

  if (block !== null) {
    // Inside MULTI or a script the client cannot block: answer as on a timeout.
    if (!canBlock(x)) return NULL_ARRAY;
    // The command runs again when a key is ready: `$` must then mean the last
    // ID as of now. blockForKeys keeps x.argv, so it gets a view of x whose
    // argv has `$` resolved (the caller's argv is left as typed).
    const resolved = argv.slice();
    for (let k = 0; k < streamsCount; k++) {
      const idx = streamsArg + streamsCount + k;
      if (cstr(resolved[idx]) === '$') resolved[idx] = idStr(ids[k]);
    }
    const bx: Exec = Object.create(x, { argv: { value: resolved } });
    return blockForKeys(bx, keys, block, NULL_ARRAY);
  }
  return NULL_ARRAY;
}

/**
 * serveClientsBlockedOnStreamKey and unblockDeletedStreamReadgroupClients
 * (blocked.c, 7.0) for a client woken by `key`: an XREADGROUP whose key went
 * away or changed type gets -UNBLOCKED, one whose group was destroyed
 * -NOGROUP; otherwise, once the stream's last ID moved past what the client
 * waits for (the group's last ID for `>`), it gets the entries after it from
 * this key alone (COUNT, or 1000 without one), even when they were deleted
 * since. Until then it keeps waiting.
 */
function serveWoken(x: Exec, keys: string[], key: string, idArg: string, groupname: string | null, consumername: string, noack: boolean, count: bigint): HandlerResult {
  const keepWaiting = (): HandlerResult => blockForKeys(x, keys, 0, NULL_ARRAY);
  // blocked.c looks the key up without touching the keyspace statistics.
  const o = x.db.dict.get(key);
  if (!isStream(o)) return groupname !== null ? err('UNBLOCKED the stream key no longer exists') : keepWaiting();
  const s = o.v;
  let gt: StreamId = cstr(idArg) === '>' ? ID_MAX : (parseId(idArg, 0n, true) ?? ID_MAX);
  let group: StreamGroup | undefined;
  if (groupname !== null) {
    group = s.groups.get(groupname);
    if (!group) return err('NOGROUP the consumer group this client was blocked on no longer exists');
    gt = group.lastId;
  }
  if (cmpId(s.lastId, gt) <= 0) return keepWaiting();
  const start = incrId(gt).id;
  const n = count === 0n ? XREAD_BLOCKED_DEFAULT_COUNT : count > 0x7fffffffn ? 0x7fffffff : Number(count);
  let entries: Reply[];
  if (group && groupname !== null) {
    let consumer = lookupConsumer(x, group, consumername, true);
    if (!consumer) {
      consumer = createConsumer(x, group, consumername) as StreamConsumer;
      if (noack) propagateConsumerCreation(x, key, groupname, consumer.name);
    }
    entries = readForGroup(x, s, start, n, { group, consumer, noack, key, groupname });
  } else entries = rangeEntries(s, start, ID_MAX, n, false);
  return readReply(x, [[key, entries]]);
}

// ---------------------------------------------------------------------------
// XGROUP

const XGROUP_HELP = [
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
];

const XINFO_HELP = [
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
];

/** addReplyHelp: status lines, a header naming the command and the HELP footer. */
function helpReply(x: Exec, lines: string[]): Reply {
  return array([status(`${x.argv[0].toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`), ...lines.map((l) => status(l)), status('HELP'), status('    Prints this help.')]);
}

function xgroupCommand(x: Exec): Reply {
  const argv = x.argv;
  const argc = argv.length;
  const opt = argv[1];
  let s: StreamValue | null = null;
  let cg: StreamGroup | undefined;
  let mkstream = false;
  let entriesRead = SCG_INVALID_ENTRIES_READ;
  const grpname = argc >= 4 ? argv[3] : '';
  if (argc >= 4) {
    const create = eqi(opt, 'create');
    const setid = eqi(opt, 'setid');
    let i = 5;
    while (i < argc) {
      if (create && eqi(argv[i], 'mkstream')) {
        mkstream = true;
        i++;
      } else if ((create || setid) && eqi(argv[i], 'entriesread') && i + 1 < argc) {
        const v = string2ll(argv[i + 1]);
        if (v === null) return err(E.notInt);
        if (v < 0n && v !== SCG_INVALID_ENTRIES_READ) return err('ERR value for ENTRIESREAD must be positive or -1');
        entriesRead = v;
        i += 2;
      } else return subcommandSyntaxError(x);
    }
    const o = x.lookupWrite(argv[2]);
    if (o !== undefined) {
      if (!isStream(o)) return WRONGTYPE;
      s = o.v;
    }
  }
  if (argc >= 4 && !mkstream) {
    if (s === null) return err('ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.');
    cg = s.groups.get(grpname);
    if (!cg && (eqi(opt, 'setid') || eqi(opt, 'createconsumer') || eqi(opt, 'delconsumer'))) {
      return errFormat(`-NOGROUP No such consumer group '${cstr(grpname)}' for key name '${cstr(argv[2])}'`);
    }
  }
  if (argc === 2 && eqi(opt, 'help')) return helpReply(x, XGROUP_HELP);
  if (eqi(opt, 'create') && argc >= 5 && argc <= 8) {
    let id: StreamId;
    if (cstr(argv[4]) === '$') id = s ? s.lastId : ID_ZERO;
    else {
      const p = parseId(argv[4], 0n, true);
      if (p === null) return INVALID_ID;
      id = p;
    }
    if (s === null) {
      s = createStream();
      x.dbAdd(argv[2], { type: 'stream', v: s });
    }
    if (!createGroup(s, grpname, id, entriesRead)) return err('BUSYGROUP Consumer Group name already exists');
    x.dirty();
    return OK;
  }
  if (eqi(opt, 'setid') && (argc === 5 || argc === 7)) {
    const g = cg as StreamGroup;
    let id: StreamId;
    if (cstr(argv[4]) === '$') id = (s as StreamValue).lastId;
    else {
      const p = parseId(argv[4], 0n, false);
      if (p === null) return INVALID_ID;
      id = p;
    }
    g.lastId = id;
    g.entriesRead = entriesRead;
    x.dirty();
    return OK;
  }
  if (eqi(opt, 'destroy') && argc === 4) {
    if (!cg) return int(0);
    (s as StreamValue).groups.delete(grpname);
    x.dirty();
    // XREADGROUP clients blocked on this group get -NOGROUP.
    signalKeyAsReady(x, argv[2]);
    return int(1);
  }
  if (eqi(opt, 'createconsumer') && argc === 5) {
    return int(createConsumer(x, cg as StreamGroup, argv[4]) ? 1 : 0);
  }
  if (eqi(opt, 'delconsumer') && argc === 5) {
    const g = cg as StreamGroup;
    const c = lookupConsumer(x, g, argv[4], false);
    if (!c) return int(0);
    const pending = c.pel.length;
    deleteConsumer(g, c);
    x.dirty();
    return int(pending);
  }
  return subcommandSyntaxError(x);
}

// ---------------------------------------------------------------------------
// XACK / XPENDING

function xackCommand(x: Exec): Reply {
  const o = x.lookupRead(x.argv[1]);
  let group: StreamGroup | undefined;
  if (o !== undefined) {
    if (!isStream(o)) return WRONGTYPE;
    group = o.v.groups.get(x.argv[2]);
  }
  if (!group) return int(0);
  const ids: StreamId[] = [];
  for (let j = 3; j < x.argv.length; j++) {
    const id = parseId(x.argv[j], 0n, true);
    if (id === null) return INVALID_ID;
    ids.push(id);
  }
  let acknowledged = 0;
  for (const id of ids) {
    const nack = pelFind(group, id);
    if (!nack) continue;
    nackRelease(group, nack);
    acknowledged++;
    x.dirty();
  }
  return int(acknowledged);
}

function xpendingCommand(x: Exec): Reply {
  const argv = x.argv;
  const argc = argv.length;
  const justinfo = argc === 3;
  let start = ID_ZERO;
  let end = ID_MAX;
  let count = 0n;
  let minidle = 0n;
  let consumername: string | null = null;
  if (argc !== 3 && (argc < 6 || argc > 9)) return err(E.syntax);
  if (argc >= 6) {
    let startidx = 3;
    if (eqi(argv[3], 'idle')) {
      const v = string2ll(argv[4]);
      if (v === null) return err(E.notInt);
      minidle = v;
      if (argc < 8) return err(E.syntax);
      startidx += 2;
    }
    const c = string2ll(argv[startidx + 2]);
    if (c === null) return err(E.notInt);
    count = c < 0n ? 0n : c;
    const st = parseBound(argv[startidx], 0n, true);
    if (isReply(st)) return st;
    const en = parseBound(argv[startidx + 1], U64_MAX, false);
    if (isReply(en)) return en;
    start = st;
    end = en;
    if (startidx + 3 < argc) consumername = argv[startidx + 3];
  }
  const o = x.lookupRead(argv[1]);
  if (o !== undefined && !isStream(o)) return WRONGTYPE;
  const group = isStream(o) ? o.v.groups.get(argv[2]) : undefined;
  if (!group) return errFormat(`-NOGROUP No such key '${cstr(argv[1])}' or consumer group '${cstr(argv[2])}'`);

  if (justinfo) {
    if (group.pel.length === 0) return array([int(0), NULL_BULK, NULL_BULK, NULL_ARRAY]);
    const consumers: Reply[] = [];
    for (const name of byteOrder(group.consumers.keys())) {
      const c = group.consumers.get(name) as StreamConsumer;
      if (c.pel.length === 0) continue;
      consumers.push(array([bulk(name), bulk(String(c.pel.length))]));
    }
    return array([int(group.pel.length), idReply(group.pel[0].id), idReply(group.pel[group.pel.length - 1].id), array(consumers)]);
  }

  const now = x.nowMs;
  const out: Reply[] = [];
  const visit = (nack: StreamNack): boolean => {
    if (count === 0n || cmpId(nack.id, end) > 0) return false;
    if (minidle && BigInt(now - nack.deliveryTime) < minidle) return true;
    count--;
    const elapsed = Math.max(0, now - nack.deliveryTime);
    out.push(array([idReply(nack.id), bulk(nack.consumer), int(elapsed), llReply(nack.deliveryCount)]));
    return true;
  };
  if (consumername !== null) {
    const c = lookupConsumer(x, group, consumername, false);
    if (!c) return EMPTY_ARRAY;
    for (let i = idsLowerBound(c.pel, start); i < c.pel.length; i++) {
      const nack = pelFind(group, c.pel[i]);
      if (nack && !visit(nack)) break;
    }
  } else {
    for (let i = pelLowerBound(group.pel, start); i < group.pel.length; i++) if (!visit(group.pel[i])) break;
  }
  return array(out);
}

// ---------------------------------------------------------------------------
// XCLAIM / XAUTOCLAIM

function xclaimCommand(x: Exec): Reply {
  const argv = x.argv;
  const argc = argv.length;
  const key = argv[1];
  const o = x.lookupRead(key);
  let group: StreamGroup | undefined;
  if (o !== undefined) {
    if (!isStream(o)) return WRONGTYPE;
    group = o.v.groups.get(argv[2]);
  }
  if (!isStream(o) || !group) return errFormat(`-NOGROUP No such key '${cstr(key)}' or consumer group '${cstr(argv[2])}'`);
  const s = o.v;
  const mi = string2ll(argv[4]);
  if (mi === null) return err('ERR Invalid min-idle-time argument for XCLAIM');
  const minidle = mi < 0n ? 0n : mi;

  const ids: StreamId[] = [];
  let j = 5;
  for (; j < argc; j++) {
    const id = parseId(argv[j], 0n, true);
    if (id === null) break;
    ids.push(id);
  }
  const lastIdArg = j - 1;
  const now = x.nowMs;
  let retrycount = -1n;
  let deliverytime = -1n;
  let force = false;
  let justid = false;
  let lastId = ID_ZERO;
  for (; j < argc; j++) {
    const moreargs = argc - 1 - j;
    const opt = argv[j];
    if (eqi(opt, 'force')) force = true;
    else if (eqi(opt, 'justid')) justid = true;
    else if (eqi(opt, 'idle') && moreargs) {
      j++;
      const v = string2ll(argv[j]);
      if (v === null) return err('ERR Invalid IDLE option argument for XCLAIM');
      deliverytime = BigInt.asIntN(64, BigInt(now) - v);
    } else if (eqi(opt, 'time') && moreargs) {
      j++;
      const v = string2ll(argv[j]);
      if (v === null) return err('ERR Invalid TIME option argument for XCLAIM');
      deliverytime = v;
    } else if (eqi(opt, 'retrycount') && moreargs) {
      j++;
      const v = string2ll(argv[j]);
      if (v === null) return err('ERR Invalid RETRYCOUNT option argument for XCLAIM');
      retrycount = v;
    } else if (eqi(opt, 'lastid') && moreargs) {
      j++;
      const v = parseId(argv[j], 0n, true);
      if (v === null) return INVALID_ID;
      lastId = v;
    } else return errFormat(`Unrecognized XCLAIM option '${cstr(opt)}'`);
  }

  let propagateLastId = false;
  if (cmpId(lastId, group.lastId) > 0) {
    group.lastId = lastId;
    propagateLastId = true;
  }
  // A bogus delivery time (negative or in the future) means now.
  const when = deliverytime !== -1n && deliverytime >= 0n && deliverytime <= BigInt(now) ? Number(deliverytime) : now;

  let consumer: StreamConsumer | undefined;
  const out: Reply[] = [];
  for (let k = 5; k <= lastIdArg; k++) {
    const id = ids[k - 5];
    let nack = pelFind(group, id);
    if (!findEntry(s, id)) {
      // The entry is gone: drop it from the PEL, and tell the replicas.
      if (nack) {
        propagateXclaim(x, key, group, argv[2], argv[k], nack);
        propagateLastId = false;
        x.dirty();
        nackRelease(group, nack);
      }
      continue;
    }
    let owner: string | null = nack ? nack.consumer : null;
    if (force && !nack) {
      nack = { id, deliveryTime: now, deliveryCount: 1n, consumer: '' };
      pelInsert(group, nack);
      owner = null;
    }
    if (!nack) continue;
    if (owner !== null && minidle && BigInt(now - nack.deliveryTime) < minidle) continue;
    if (!consumer) consumer = lookupConsumer(x, group, argv[3], true) ?? (createConsumer(x, group, argv[3]) as StreamConsumer);
    nack.deliveryTime = when;
    if (retrycount >= 0n) nack.deliveryCount = BigInt.asUintN(64, retrycount);
    else if (!justid) nack.deliveryCount = BigInt.asUintN(64, nack.deliveryCount + 1n);
    nackMove(group, nack, consumer, owner);
    const e = findEntry(s, id) as StreamEntry;
    out.push(justid ? idReply(id) : entryReply(e));
    propagateXclaim(x, key, group, argv[2], argv[k], nack);
    propagateLastId = false;
    x.dirty();
  }
  if (propagateLastId) {
    propagateGroupId(x, key, group, argv[2]);
    x.dirty();
  }
  x.preventPropagation();
  return array(out);
}

function xautoclaimCommand(x: Exec): Reply {
  const argv = x.argv;
  const argc = argv.length;
  const key = argv[1];
  const mi = string2ll(argv[4]);
  if (mi === null) return err('ERR Invalid min-idle-time argument for XAUTOCLAIM');
  const minidle = mi < 0n ? 0n : mi;
  const startid = parseBound(argv[5], 0n, true);
  if (isReply(startid)) return startid;
  let count = 100n;
  let justid = false;
  // LONG_MAX / max(sizeof(streamID), attempts_factor)
  const maxCount = 9223372036854775807n / 16n;
  for (let j = 6; j < argc; j++) {
    const moreargs = argc - 1 - j;
    if (eqi(argv[j], 'count') && moreargs) {
      const v = string2ll(argv[j + 1]);
      if (v === null || v < 1n || v > maxCount) return err('ERR COUNT must be > 0');
      count = v;
      j++;
    } else if (eqi(argv[j], 'justid')) justid = true;
    else return err(E.syntax);
  }
  const o = x.lookupRead(key);
  let group: StreamGroup | undefined;
  if (o !== undefined) {
    if (!isStream(o)) return WRONGTYPE;
    group = o.v.groups.get(argv[2]);
  }
  if (!isStream(o) || !group) return errFormat(`-NOGROUP No such key '${cstr(key)}' or consumer group '${cstr(argv[2])}'`);
  // ztrymalloc(COUNT * sizeof(streamID)) for the deleted IDs: Redis 7.0.15 on
  // x86-64 Linux got up to 80 TiB of address space and refused anything more.
  if (count * 16n > 80n << 40n) return err('ERR Insufficient memory, failed allocating transient memory, COUNT too high.');
  const s = o.v;
  const now = x.nowMs;
  let attempts = count * 10n;
  let consumer: StreamConsumer | undefined;
  const claimed: Reply[] = [];
  const deletedIds: Reply[] = [];
  const pel = group.pel;
  let i = pelLowerBound(pel, startid);
  while (attempts-- > 0n && count && i < pel.length) {
    const nack = pel[i];
    const id = nack.id;
    if (!findEntry(s, id)) {
      propagateXclaim(x, key, group, argv[2], idStr(id), nack);
      x.dirty();
      nackRelease(group, nack);
      deletedIds.push(idReply(id));
      count--;
      continue;
    }
    i++;
    if (minidle && BigInt(now - nack.deliveryTime) < minidle) continue;
    if (!consumer) consumer = lookupConsumer(x, group, argv[3], true) ?? (createConsumer(x, group, argv[3]) as StreamConsumer);
    const owner = nack.consumer;
    nack.deliveryTime = now;
    if (!justid) nack.deliveryCount = BigInt.asUintN(64, nack.deliveryCount + 1n);
    nackMove(group, nack, consumer, owner);
    claimed.push(justid ? idReply(id) : entryReply(findEntry(s, id) as StreamEntry));
    count--;
    propagateXclaim(x, key, group, argv[2], idStr(id), nack);
    x.dirty();
  }
  const cursor = i < pel.length ? pel[i].id : ID_ZERO;
  x.preventPropagation();
  return array([idReply(cursor), array(claimed), array(deletedIds)]);
}

// ---------------------------------------------------------------------------
// XINFO

function xinfoLookup(x: Exec): StreamValue | Reply {
  const o = x.lookupRead(x.argv[2]);
  if (o === undefined) return err('ERR no such key');
  if (!isStream(o)) return WRONGTYPE;
  return o.v;
}

function entryOrNull(s: StreamValue, rev: boolean): Reply {
  let r: Reply = NULL_BULK;
  forEachEntry(s, ID_ZERO, ID_MAX, rev, (e) => {
    r = entryReply(e);
    return false;
  });
  return r;
}

function lagReply(s: StreamValue, g: StreamGroup): Reply {
  const lag = groupLag(s, g);
  return lag === null ? NULL_BULK : llReply(lag);
}

function entriesReadReply(g: StreamGroup): Reply {
  return g.entriesRead !== SCG_INVALID_ENTRIES_READ ? llReply(g.entriesRead) : NULL_BULK;
}

function xinfoStream(x: Exec): Reply {
  const s = xinfoLookup(x);
  if (isReply(s)) return s;
  const optc = x.argv.length - 3;
  let full = true;
  let count = 10n;
  if (optc === 0) full = false;
  else {
    if (optc !== 1 && optc !== 3) return subcommandSyntaxError(x);
    if (!eqi(x.argv[3], 'full')) return subcommandSyntaxError(x);
    if (optc === 3) {
      if (!eqi(x.argv[4], 'count')) return subcommandSyntaxError(x);
      const c = string2ll(x.argv[5]);
      if (c === null) return err(E.notInt);
      count = c < 0n ? 10n : c;
    }
  }
  const head: [string, Reply][] = [
    ['length', int(s.length)],
    ['radix-tree-keys', int(s.nodes.length)],
    ['radix-tree-nodes', int(radixTreeNodes(s))],
    ['last-generated-id', idReply(s.lastId)],
    ['max-deleted-entry-id', idReply(s.maxDeletedId)],
    ['entries-added', llReply(s.entriesAdded)],
    ['recorded-first-entry-id', idReply(s.firstId)],
  ];
  if (!full) {
    return mapReply([...head, ['groups', int(s.groups.size)], ['first-entry', entryOrNull(s, false)], ['last-entry', entryOrNull(s, true)]]);
  }
  const n = count > 0x7fffffffn ? 0 : Number(count);
  const groups: Reply[] = [];
  for (const name of byteOrder(s.groups.keys())) {
    const g = s.groups.get(name) as StreamGroup;
    const pending: Reply[] = [];
    for (const nack of g.pel) {
      if (n && pending.length >= n) break;
      pending.push(array([idReply(nack.id), bulk(nack.consumer), int(nack.deliveryTime), llReply(nack.deliveryCount)]));
    }
    const consumers: Reply[] = [];
    for (const cn of byteOrder(g.consumers.keys())) {
      const c = g.consumers.get(cn) as StreamConsumer;
      const cp: Reply[] = [];
      for (const id of c.pel) {
        if (n && cp.length >= n) break;
        const nack = pelFind(g, id) as StreamNack;
        cp.push(array([idReply(id), int(nack.deliveryTime), llReply(nack.deliveryCount)]));
      }
      consumers.push(
        mapReply([
          ['name', bulk(cn)],
          ['seen-time', int(c.seenTime)],
          ['pel-count', int(c.pel.length)],
          ['pending', array(cp)],
        ]),
      );
    }
    groups.push(
      mapReply([
        ['name', bulk(name)],
        ['last-delivered-id', idReply(g.lastId)],
        ['entries-read', entriesReadReply(g)],
        ['lag', lagReply(s, g)],
        ['pel-count', int(g.pel.length)],
        ['pending', array(pending)],
        ['consumers', array(consumers)],
      ]),
    );
  }
  return mapReply([...head, ['entries', array(rangeEntries(s, ID_ZERO, ID_MAX, n, false))], ['groups', array(groups)]]);
}

function xinfoGroups(x: Exec): Reply {
  const s = xinfoLookup(x);
  if (isReply(s)) return s;
  const out: Reply[] = [];
  for (const name of byteOrder(s.groups.keys())) {
    const g = s.groups.get(name) as StreamGroup;
    out.push(
      mapReply([
        ['name', bulk(name)],
        ['consumers', int(g.consumers.size)],
        ['pending', int(g.pel.length)],
        ['last-delivered-id', idReply(g.lastId)],
        ['entries-read', entriesReadReply(g)],
        ['lag', lagReply(s, g)],
      ]),
    );
  }
  return array(out);
}

function xinfoConsumers(x: Exec): Reply {
  const s = xinfoLookup(x);
  if (isReply(s)) return s;
  const g = s.groups.get(x.argv[3]);
  if (!g) return errFormat(`-NOGROUP No such consumer group '${cstr(x.argv[3])}' for key name '${cstr(x.argv[2])}'`);
  const now = x.nowMs;
  const out: Reply[] = [];
  for (const name of byteOrder(g.consumers.keys())) {
    const c = g.consumers.get(name) as StreamConsumer;
    out.push(
      mapReply([
        ['name', bulk(name)],
        ['pending', int(c.pel.length)],
        ['idle', int(Math.max(0, now - c.seenTime))],
      ]),
    );
  }
  return array(out);
}

// ---------------------------------------------------------------------------

const W = { write: true } as const;
const R = {} as const;
const HELP = { stale: true } as const;

export const streamCommands: CommandSpec[] = [
  { name: 'xadd', arity: -5, flags: W, handler: xaddCommand },
  { name: 'xrange', arity: -4, flags: R, handler: (x) => xrangeGeneric(x, false) },
  { name: 'xrevrange', arity: -4, flags: R, handler: (x) => xrangeGeneric(x, true) },
  { name: 'xlen', arity: 2, flags: R, handler: xlenCommand },
  { name: 'xdel', arity: -3, flags: W, handler: xdelCommand },
  { name: 'xtrim', arity: -4, flags: W, handler: xtrimCommand },
  { name: 'xsetid', arity: -3, flags: W, handler: xsetidCommand },
  { name: 'xread', arity: -4, flags: R, handler: xreadCommand },
  { name: 'xreadgroup', arity: -7, flags: W, handler: xreadCommand },
  { name: 'xack', arity: -4, flags: W, handler: xackCommand },
  { name: 'xpending', arity: -3, flags: R, handler: xpendingCommand },
  { name: 'xclaim', arity: -6, flags: W, handler: xclaimCommand },
  { name: 'xautoclaim', arity: -6, flags: W, handler: xautoclaimCommand },
  {
    name: 'xgroup',
    arity: -2,
    flags: R,
    subcommands: {
      create: { name: 'create', arity: -5, flags: W, handler: xgroupCommand },
      setid: { name: 'setid', arity: -5, flags: W, handler: xgroupCommand },
      destroy: { name: 'destroy', arity: 4, flags: W, handler: xgroupCommand },
      createconsumer: { name: 'createconsumer', arity: 5, flags: W, handler: xgroupCommand },
      delconsumer: { name: 'delconsumer', arity: 5, flags: W, handler: xgroupCommand },
      help: { name: 'help', arity: 2, flags: HELP, handler: (x) => helpReply(x, XGROUP_HELP) },
    },
  },
  {
    name: 'xinfo',
    arity: -2,
    flags: R,
    subcommands: {
      stream: { name: 'stream', arity: -3, flags: R, handler: xinfoStream },
      groups: { name: 'groups', arity: 3, flags: R, handler: xinfoGroups },
      consumers: { name: 'consumers', arity: 4, flags: R, handler: xinfoConsumers },
      help: { name: 'help', arity: 2, flags: HELP, handler: (x) => helpReply(x, XINFO_HELP) },
    },
  },
];

