// The value of a stream key (t_stream.c, stream.h), as plain data.
//
// Redis keeps a stream as a radix tree of listpacks: each tree key is the ID
// of the node's "master entry", each listpack holds up to
// stream-node-max-entries entries (live and deleted) and up to
// stream-node-max-bytes bytes, entries whose fields equal the master fields
// are stored without them (SAMEFIELDS), and XDEL or trimming inside a node
// only flag an entry as deleted (a tombstone). That layout shows through:
// MAXLEN ~ / MINID ~ only drop whole nodes, XINFO reports the tree's size, a
// node goes away when its last live entry is XDELed. So the engine keeps the
// same nodes, with their entries and tombstones, and counts each node's
// listpack bytes with listpack.c's encoding rules.
//
// Consumer groups keep the last delivered ID, the entries-read counter, the
// pending entries list (PEL: ID -> delivery time, delivery count, owner) and
// the consumers (seen time and their own PEL, the IDs they own). PELs are
// arrays sorted by ID; groups and consumers are Maps, listed in byte order of
// their names as a radix tree iterates them.

import { string2ll } from '../commands/util';
import { byteLength, utf8Encode } from '../resp/bytes';

export interface StreamId {
  ms: bigint;
  seq: bigint;
}

export const U64_MAX = (1n << 64n) - 1n;
export const ID_ZERO: StreamId = Object.freeze({ ms: 0n, seq: 0n }) as StreamId;
export const ID_MAX: StreamId = Object.freeze({ ms: U64_MAX, seq: U64_MAX }) as StreamId;

export interface StreamEntry {
  id: StreamId;
  /** field, value, field, value ... (never changed once added). */
  fv: string[];
  /** STREAM_ITEM_FLAG_SAMEFIELDS: the fields are the node's master fields, stored once. */
  same: boolean;
  /** STREAM_ITEM_FLAG_DELETED: a tombstone (XDEL, or trimming inside a node). */
  deleted: boolean;
}

/** One radix tree key and its listpack. */
export interface StreamNode {
  /** The tree key: ID of the master entry (the first entry added to the node). */
  master: StreamId;
  masterFields: string[];
  /** Entries in ID order, tombstones included. */
  entries: StreamEntry[];
  /** The listpack's "count" (live entries) and "deleted" header fields. */
  live: number;
  deleted: number;
  /** Listpack bytes except the two counters, whose encoded size changes with their value. */
  fixedBytes: number;
}

/** streamNACK: a delivered, not yet acknowledged entry. */
export interface StreamNack {
  id: StreamId;
  /** Unix ms of the last delivery. */
  deliveryTime: number;
  /** uint64 */
  deliveryCount: bigint;
  /** The consumer that owns it. */
  consumer: string;
}

export interface StreamConsumer {
  name: string;
  seenTime: number;
  /** The IDs of the group PEL this consumer owns, in ID order. */
  pel: StreamId[];
}

export interface StreamGroup {
  name: string;
  lastId: StreamId;
  /** -1 (SCG_INVALID_ENTRIES_READ) when unknown. */
  entriesRead: bigint;
  /** In ID order. */
  pel: StreamNack[];
  consumers: Map<string, StreamConsumer>;
}

export interface StreamValue {
  nodes: StreamNode[];
  /** Live entries. */
  length: number;
  lastId: StreamId;
  /** The first live entry, 0-0 when empty. */
  firstId: StreamId;
  maxDeletedId: StreamId;
  /** uint64: every entry ever added. */
  entriesAdded: bigint;
  groups: Map<string, StreamGroup>;
}

export const SCG_INVALID_ENTRIES_READ = -1n;

export function createStream(): StreamValue {
  return { nodes: [], length: 0, lastId: ID_ZERO, firstId: ID_ZERO, maxDeletedId: ID_ZERO, entriesAdded: 0n, groups: new Map() };
}

/** Deep copy (COPY, snapshots, forks). IDs and field arrays are never mutated, so they are shared. */
export function cloneStream(s: StreamValue): StreamValue {
  const groups = new Map<string, StreamGroup>();
  for (const [name, g] of s.groups) {
    const consumers = new Map<string, StreamConsumer>();
    for (const [cn, c] of g.consumers) consumers.set(cn, { name: c.name, seenTime: c.seenTime, pel: c.pel.slice() });
    groups.set(name, { name: g.name, lastId: g.lastId, entriesRead: g.entriesRead, pel: g.pel.map((n) => ({ ...n })), consumers });
  }
  return {
    nodes: s.nodes.map((n) => ({ master: n.master, masterFields: n.masterFields, entries: n.entries.map((e) => ({ ...e })), live: n.live, deleted: n.deleted, fixedBytes: n.fixedBytes })),
    length: s.length,
    lastId: s.lastId,
    firstId: s.firstId,
    maxDeletedId: s.maxDeletedId,
    entriesAdded: s.entriesAdded,
    groups,
  };
}

// ---------------------------------------------------------------------------
// IDs

export function cmpId(a: StreamId, b: StreamId): number {
  if (a.ms !== b.ms) return a.ms > b.ms ? 1 : -1;
  if (a.seq !== b.seq) return a.seq > b.seq ? 1 : -1;
  return 0;
}

export function idStr(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

export function idIsZero(id: StreamId): boolean {
  return id.ms === 0n && id.seq === 0n;
}

/** streamIncrID: the successor; past the last possible ID it wraps to 0-0 (ok false). */
export function incrId(id: StreamId): { id: StreamId; ok: boolean } {
  if (id.seq === U64_MAX) {
    if (id.ms === U64_MAX) return { id: ID_ZERO, ok: false };
    return { id: { ms: id.ms + 1n, seq: 0n }, ok: true };
  }
  return { id: { ms: id.ms, seq: id.seq + 1n }, ok: true };
}

/** streamDecrID: the predecessor; 0-0 wraps to the last possible ID (ok false). */
export function decrId(id: StreamId): { id: StreamId; ok: boolean } {
  if (id.seq === 0n) {
    if (id.ms === 0n) return { id: ID_MAX, ok: false };
    return { id: { ms: id.ms - 1n, seq: U64_MAX }, ok: true };
  }
  return { id: { ms: id.ms, seq: id.seq - 1n }, ok: true };
}

// ---------------------------------------------------------------------------
// Listpack sizes (listpack.c): an element is an integer when lpStringToInt64
// accepts it (canonical decimal within int64, under 21 bytes), else a string;
// each element is followed by its back-length.


function intEncLen(v: bigint): number {
  if (v >= 0n && v <= 127n) return 1;
  if (v >= -4096n && v <= 4095n) return 2;
  if (v >= -32768n && v <= 32767n) return 3;
  if (v >= -8388608n && v <= 8388607n) return 4;
  if (v >= -2147483648n && v <= 2147483647n) return 5;
  return 9;
}

function backlenLen(l: number): number {
  if (l <= 127) return 1;
  if (l < 16383) return 2;
  if (l < 2097151) return 3;
  if (l < 268435455) return 4;
  return 5;
}

function lpIntBytes(v: bigint | number): number {
  const n = intEncLen(BigInt(v));
  return n + backlenLen(n);
}

/** lpStringToInt64: the same rules as string2ll (no sign but '-', no leading zero, 64-bit range). */
const lpStringToInt = string2ll;

function lpElementBytes(s: string): number {
  const v = lpStringToInt(s);
  if (v !== null) return lpIntBytes(v);
  const size = byteLength(s);
  const enc = size < 64 ? 1 + size : size < 4096 ? 2 + size : 5 + size;
  return enc + backlenLen(enc);
}

/** lpBytes of a node: header (6), elements, end byte (1). */
export function nodeBytes(n: StreamNode): number {
  return n.fixedBytes + lpIntBytes(n.live) + lpIntBytes(n.deleted);
}

/** The listpack bytes of an entry as streamAppendItem lays it out. */
function entryBytes(e: StreamEntry, master: StreamId): number {
  const nf = e.fv.length / 2;
  let b = lpIntBytes(e.same ? 2 : 0) + lpIntBytes(BigInt.asIntN(64, e.id.ms - master.ms)) + lpIntBytes(BigInt.asIntN(64, e.id.seq - master.seq));
  if (!e.same) b += lpIntBytes(nf);
  for (let i = 0; i < e.fv.length; i += 2) {
    if (!e.same) b += lpElementBytes(e.fv[i]);
    b += lpElementBytes(e.fv[i + 1]);
  }
  const lpCount = e.same ? nf + 3 : 2 * nf + 4;
  return b + lpIntBytes(lpCount);
}

// ---------------------------------------------------------------------------
// Appending (streamAppendItem)

/** Don't let listpacks grow past 1 GB (STREAM_LISTPACK_MAX_SIZE). */
export const STREAM_LISTPACK_MAX_SIZE = 1 << 30;

export interface NodeLimits {
  /** stream-node-max-bytes (0: no limit but STREAM_LISTPACK_MAX_SIZE). */
  maxBytes: number;
  /** stream-node-max-entries (0: no limit). */
  maxEntries: number;
}

/**
 * Append an entry with an ID already checked to be greater than the last
 * one. A new node starts when the tail listpack plus the new elements would
 * reach stream-node-max-bytes, or the tail holds stream-node-max-entries
 * entries (live and deleted).
 */
export function appendEntry(s: StreamValue, id: StreamId, fv: string[], limits: NodeLimits): void {
  let tail: StreamNode | undefined = s.nodes[s.nodes.length - 1];
  if (tail) {
    let totelelen = 0;
    for (const x of fv) totelelen += byteLength(x);
    const maxBytes = limits.maxBytes === 0 || limits.maxBytes > STREAM_LISTPACK_MAX_SIZE ? STREAM_LISTPACK_MAX_SIZE : limits.maxBytes;
    if (nodeBytes(tail) + totelelen >= maxBytes) tail = undefined;
    else if (limits.maxEntries && tail.live + tail.deleted >= limits.maxEntries) tail = undefined;
  }
  let same: boolean;
  if (!tail) {
    const masterFields: string[] = [];
    for (let i = 0; i < fv.length; i += 2) masterFields.push(fv[i]);
    let fixed = 6 + 1 + lpIntBytes(masterFields.length) + lpIntBytes(0);
    for (const f of masterFields) fixed += lpElementBytes(f);
    tail = { master: id, masterFields, entries: [], live: 0, deleted: 0, fixedBytes: fixed };
    s.nodes.push(tail);
    same = true;
  } else {
    const mf = tail.masterFields;
    same = mf.length * 2 === fv.length;
    for (let i = 0; same && i < mf.length; i++) if (mf[i] !== fv[i * 2]) same = false;
  }
  const e: StreamEntry = { id, fv, same, deleted: false };
  tail.entries.push(e);
  tail.live++;
  tail.fixedBytes += entryBytes(e, tail.master);
  s.length++;
  s.entriesAdded = BigInt.asUintN(64, s.entriesAdded + 1n);
  s.lastId = id;
  if (s.length === 1) s.firstId = id;
}

// ---------------------------------------------------------------------------
// Lookup and iteration

/** Index of the node whose key range holds id: the last node with master <= id (-1 if none). */
function nodeIndexFor(s: StreamValue, id: StreamId): number {
  let lo = 0;
  let hi = s.nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cmpId(s.nodes[mid].master, id) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** First index in a sorted entry array whose id >= id. */
function lowerBound(entries: StreamEntry[], id: StreamId): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmpId(entries[mid].id, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The entries with start <= id <= end, in order (or reversed), tombstones
 * skipped unless asked for; the callback returns false to stop.
 */
export function forEachEntry(s: StreamValue, start: StreamId, end: StreamId, rev: boolean, cb: (e: StreamEntry) => boolean, withTombstones = false): void {
  if (cmpId(start, end) > 0) return;
  const nodes = s.nodes;
  if (!rev) {
    let ni = Math.max(0, nodeIndexFor(s, start));
    let ei = ni < nodes.length ? lowerBound(nodes[ni].entries, start) : 0;
    for (; ni < nodes.length; ni++, ei = 0) {
      const es = nodes[ni].entries;
      for (; ei < es.length; ei++) {
        const e = es[ei];
        if (cmpId(e.id, end) > 0) return;
        if (e.deleted && !withTombstones) continue;
        if (!cb(e)) return;
      }
    }
  } else {
    let ni = nodeIndexFor(s, end);
    if (ni < 0) return;
    let ei = lowerBound(nodes[ni].entries, incrId(end).id);
    if (cmpId(end, ID_MAX) === 0) ei = nodes[ni].entries.length;
    for (; ni >= 0; ni--) {
      const es = nodes[ni].entries;
      if (ei < 0) ei = es.length;
      for (let k = ei - 1; k >= 0; k--) {
        const e = es[k];
        if (cmpId(e.id, start) < 0) return;
        if (e.deleted && !withTombstones) continue;
        if (!cb(e)) return;
      }
      ei = -1;
    }
  }
}

/** The live entry with this ID, if any (streamEntryExists). */
export function findEntry(s: StreamValue, id: StreamId): StreamEntry | undefined {
  const ni = nodeIndexFor(s, id);
  if (ni < 0) return undefined;
  const es = s.nodes[ni].entries;
  const i = lowerBound(es, id);
  const e = es[i];
  return e && !e.deleted && cmpId(e.id, id) === 0 ? e : undefined;
}

/** streamGetEdgeID: the first or last entry's ID; an empty stream gives MAX (first) or 0-0 (last). */
export function edgeId(s: StreamValue, first: boolean, skipTombstones: boolean): StreamId {
  let found: StreamId | null = null;
  forEachEntry(
    s,
    ID_ZERO,
    ID_MAX,
    !first,
    (e) => {
      found = e.id;
      return false;
    },
    !skipTombstones,
  );
  return found ?? (first ? ID_MAX : ID_ZERO);
}

/** streamLastValidID: the last live entry (0-0 when there is none). */
export function lastValidId(s: StreamValue): StreamId {
  return edgeId(s, false, true);
}

/** streamDeleteItem: flag a live entry deleted; a node loses its last live entry goes away. */
export function deleteEntry(s: StreamValue, id: StreamId): boolean {
  const ni = nodeIndexFor(s, id);
  if (ni < 0) return false;
  const node = s.nodes[ni];
  const i = lowerBound(node.entries, id);
  const e = node.entries[i];
  if (!e || e.deleted || cmpId(e.id, id) !== 0) return false;
  e.deleted = true;
  if (node.live === 1) s.nodes.splice(ni, 1);
  else {
    node.live--;
    node.deleted++;
  }
  s.length--;
  return true;
}

// ---------------------------------------------------------------------------
// Trimming (streamTrim)

export interface TrimArgs {
  strategy: 'maxlen' | 'minid';
  maxlen: bigint;
  minid: StreamId;
  approx: boolean;
  /** Maximum entries to delete, 0 for no limit. */
  limit: bigint;
}

/** Trim from the head; with approx only whole nodes go. Returns the number of entries removed. */
export function trimStream(s: StreamValue, a: TrimArgs): number {
  const maxlen = a.maxlen;
  let deleted = 0;
  while (s.nodes.length > 0) {
    if (a.strategy === 'maxlen' && BigInt(s.length) <= maxlen) break;
    const node = s.nodes[0];
    const entries = node.live;
    if (a.limit && BigInt(deleted + entries) > a.limit) break;
    let removeNode: boolean;
    if (a.strategy === 'maxlen') removeNode = BigInt(s.length - entries) >= maxlen;
    else {
      const last = node.entries[node.entries.length - 1];
      removeNode = cmpId(last.id, a.minid) < 0;
    }
    if (removeNode) {
      s.nodes.shift();
      s.length -= entries;
      deleted += entries;
      continue;
    }
    if (a.approx) break;
    let fromNode = 0;
    for (const e of node.entries) {
      const stop = a.strategy === 'maxlen' ? BigInt(s.length) <= maxlen : cmpId(e.id, a.minid) >= 0;
      if (stop) break;
      if (!e.deleted) {
        e.deleted = true;
        fromNode++;
        s.length--;
      }
    }
    deleted += fromNode;
    node.live -= fromNode;
    node.deleted += fromNode;
    break;
  }
  if (s.length === 0) s.firstId = ID_ZERO;
  else if (deleted) s.firstId = edgeId(s, true, true);
  return deleted;
}

// ---------------------------------------------------------------------------
// Consumer groups

export function createGroup(s: StreamValue, name: string, lastId: StreamId, entriesRead: bigint): StreamGroup | null {
  if (s.groups.has(name)) return null;
  const g: StreamGroup = { name, lastId, entriesRead, pel: [], consumers: new Map() };
  s.groups.set(name, g);
  return g;
}

/** Index of id in a sorted array of items with an id, or -(insertion point) - 1. */
function search<T>(arr: T[], id: StreamId, key: (t: T) => StreamId): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cmpId(key(arr[mid]), id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

const nackId = (n: StreamNack): StreamId => n.id;
const sameId = (i: StreamId): StreamId => i;

export function pelFind(g: StreamGroup, id: StreamId): StreamNack | undefined {
  const i = search(g.pel, id, nackId);
  return i >= 0 ? g.pel[i] : undefined;
}

/** First index of a PEL with an ID >= id. */
export function pelLowerBound(pel: StreamNack[], id: StreamId): number {
  const i = search(pel, id, nackId);
  return i >= 0 ? i : -i - 1;
}

export function idsLowerBound(ids: StreamId[], id: StreamId): number {
  const i = search(ids, id, sameId);
  return i >= 0 ? i : -i - 1;
}

/** Insert a NACK known not to be in the group PEL. */
export function pelInsert(g: StreamGroup, n: StreamNack): void {
  const i = search(g.pel, n.id, nackId);
  if (i >= 0) g.pel[i] = n;
  else g.pel.splice(-i - 1, 0, n);
}

export function pelRemove(g: StreamGroup, id: StreamId): void {
  const i = search(g.pel, id, nackId);
  if (i >= 0) g.pel.splice(i, 1);
}

export function consumerPelAdd(c: StreamConsumer, id: StreamId): boolean {
  const i = search(c.pel, id, sameId);
  if (i >= 0) return false;
  c.pel.splice(-i - 1, 0, id);
  return true;
}

export function consumerPelRemove(c: StreamConsumer, id: StreamId): void {
  const i = search(c.pel, id, sameId);
  if (i >= 0) c.pel.splice(i, 1);
}

/** Acknowledge or drop a pending entry: out of the group PEL and its owner's. */
export function nackRelease(g: StreamGroup, n: StreamNack): void {
  pelRemove(g, n.id);
  const owner = g.consumers.get(n.consumer);
  if (owner) consumerPelRemove(owner, n.id);
}

/** streamDelConsumer: its pending entries leave the group PEL too. */
export function deleteConsumer(g: StreamGroup, c: StreamConsumer): void {
  for (const id of c.pel) pelRemove(g, id);
  g.consumers.delete(c.name);
}

/** Names in the byte order a radix tree lists them. */
export function byteOrder(names: Iterable<string>): string[] {
  const keyed = [...names].map((n) => ({ n, b: utf8Encode(n) }));
  keyed.sort((x, y) => {
    const len = Math.min(x.b.length, y.b.length);
    for (let i = 0; i < len; i++) if (x.b[i] !== y.b[i]) return x.b[i] - y.b[i];
    return x.b.length - y.b.length;
  });
  return keyed.map((k) => k.n);
}

// ---------------------------------------------------------------------------
// Read counters and lag (streamRangeHasTombstones, streamEstimateDistanceFromFirstEverEntry)

/** Whether [start, end] (end undefined: to the end) may hold a tombstone. */
export function rangeHasTombstones(s: StreamValue, start: StreamId, end?: StreamId): boolean {
  if (!s.length || idIsZero(s.maxDeletedId)) return false;
  if (cmpId(s.firstId, s.maxDeletedId) > 0) return false;
  const e = end ?? ID_MAX;
  return cmpId(start, s.maxDeletedId) <= 0 && cmpId(s.maxDeletedId, e) <= 0;
}

/** The logical read counter of an ID, or -1 when it cannot be known. */
export function estimateDistance(s: StreamValue, id: StreamId): bigint {
  if (!s.entriesAdded) return 0n;
  if (!s.length && cmpId(id, s.lastId) < 1) return s.entriesAdded;
  const cmpLast = cmpId(id, s.lastId);
  if (cmpLast === 0) return s.entriesAdded;
  if (cmpLast > 0) return SCG_INVALID_ENTRIES_READ;
  const cmpIdFirst = cmpId(id, s.firstId);
  const cmpXdelFirst = cmpId(s.maxDeletedId, s.firstId);
  if (idIsZero(s.maxDeletedId) || cmpXdelFirst < 0) {
    // long long arithmetic on uint64 counters
    if (cmpIdFirst < 0) return BigInt.asIntN(64, s.entriesAdded - BigInt(s.length));
    if (cmpIdFirst === 0) return BigInt.asIntN(64, s.entriesAdded - BigInt(s.length) + 1n);
  }
  return SCG_INVALID_ENTRIES_READ;
}

/** streamReplyWithCGLag: the group's lag, or null when it cannot be known. */
export function groupLag(s: StreamValue, g: StreamGroup): bigint | null {
  if (!s.entriesAdded) return 0n;
  if (g.entriesRead !== SCG_INVALID_ENTRIES_READ && !rangeHasTombstones(s, g.lastId)) return BigInt.asIntN(64, s.entriesAdded - g.entriesRead);
  const read = estimateDistance(s, g.lastId);
  if (read !== SCG_INVALID_ENTRIES_READ) return BigInt.asIntN(64, s.entriesAdded - read);
  return null;
}

/**
 * Delivering an entry to a group moves its last ID and read counter
 * (streamReplyWithRange): the counter goes on by one while it is valid and no
 * tombstone lies ahead, else it is estimated again.
 */
export function groupAdvance(s: StreamValue, g: StreamGroup, id: StreamId): void {
  if (g.entriesRead !== SCG_INVALID_ENTRIES_READ && !rangeHasTombstones(s, id)) g.entriesRead = g.entriesRead + 1n;
  else if (s.entriesAdded) g.entriesRead = estimateDistance(s, id);
  g.lastId = id;
}

// ---------------------------------------------------------------------------
// XINFO's radix-tree-nodes.
//
// This is a model: Redis reports rax->numnodes, the node count of its radix
// tree over the 16-byte big-endian node keys. The engine does not keep a rax;
// it counts the nodes of the compressed trie a rax makes of the same keys:
// the head, one node per key, one per branching point, one per child of a
// branching point and one per compressed run of bytes before a branching
// point or a key. It agreed with Redis 7.0.15 on every sequence of XADD, XDEL
// and XTRIM compared (thousands of nodes, keys differing in any byte), but
// it is derived from the keys, not from the tree's history.

function keyBytes(id: StreamId): number[] {
  const out: number[] = [];
  for (const v of [id.ms, id.seq]) for (let sh = 56n; sh >= 0n; sh -= 8n) out.push(Number((v >> sh) & 255n));
  return out;
}

export function radixTreeNodes(s: StreamValue): number {
  if (s.nodes.length === 0) return 1;
  const keys = s.nodes.map((n) => keyBytes(n.master));
  // Nodes of the subtree that starts with a rax node at `depth` for these keys.
  const count = (group: number[][], depth: number): number => {
    if (group.length === 1 && depth === 16) return 1;
    let d = depth;
    while (d < 16 && group.every((k) => k[d] === group[0][d])) d++;
    if (d === 16) return (d > depth ? 1 : 0) + 1;
    let n = (d > depth ? 1 : 0) + 1;
    const byByte = new Map<number, number[][]>();
    for (const k of group) {
      const g = byByte.get(k[d]);
      if (g) g.push(k);
      else byByte.set(k[d], [k]);
    }
    for (const sub of byByte.values()) n += count(sub, d + 1);
    return n;
  };
  return count(keys, 0);
}
