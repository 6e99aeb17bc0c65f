// The replication backlog as Redis 7.0 keeps it: the stream lives in shared
// blocks (`replBufBlock`), each at least 16 KB (PROTO_REPLY_CHUNK_BYTES) plus
// whatever the allocator rounds up to, and trimming drops whole blocks only.
//
// Worked example (repl-backlog-size 16384): a block asks for 16384 + 40 bytes
// of header, jemalloc hands out 20480, so a block holds 20440 stream bytes.
// After 90 KB of writes the first blocks are dropped while the rest would
// still hold more than 16384 bytes, which leaves histlen = 20440 + the bytes
// of the current tail block: histlen is larger than the configured size.
//
// Besides the byte accounting, the backlog keeps the propagated commands
// themselves, so a partial resync (+CONTINUE) can send them again.

export interface BacklogBlock {
  /** Offset of the first stream byte in this block. */
  start: number;
  size: number;
  used: number;
}

export interface BacklogItem {
  /** Offset of the first byte of the item. */
  start: number;
  bytes: number;
  argv: string[];
  kind: 'stream' | 'ping' | 'getack';
}

export interface Backlog {
  blocks: BacklogBlock[];
  histlen: number;
  /** repl_backlog_first_byte_offset */
  offset: number;
  items: BacklogItem[];
  /** Index of the first live item in `items` (items before it were trimmed). */
  itemHead: number;
}

const PROTO_REPLY_CHUNK_BYTES = 16 * 1024;
/** sizeof(replBufBlock) on 64-bit builds. */
const BLOCK_HEADER_BYTES = 40;

/** jemalloc's size class for an allocation of n bytes (n > 4 KiB): 4 classes per power of two. */
export function jemallocUsable(n: number): number {
  if (n <= 4096) {
    let c = 8;
    while (c < n) c *= 2;
    return c;
  }
  const lg = Math.floor(Math.log2(n - 1));
  const step = 2 ** (lg - 2);
  return Math.ceil(n / step) * step;
}

export function createBacklog(masterOffset: number): Backlog {
  return { blocks: [], histlen: 0, offset: masterOffset + 1, items: [], itemHead: 0 };
}

/**
 * Feed one piece of the stream (Redis feeds `*3\r\n`, `$3\r\n`, `SET`, `\r\n`
 * ... as separate pieces; only a piece longer than 16 KB makes a block larger).
 * Returns true if a new block was added (the moment Redis tries to trim).
 */
function feedPiece(b: Backlog, len: number, masterOffset: number, backlogSize: number): boolean {
  let added = false;
  let off = masterOffset;
  while (len > 0) {
    const tail = b.blocks[b.blocks.length - 1];
    if (tail && tail.size > tail.used) {
      const copy = Math.min(tail.size - tail.used, len);
      tail.used += copy;
      len -= copy;
      off += copy;
      b.histlen += copy;
    }
    if (len > 0) {
      const limit = Math.max(Math.floor(backlogSize / 16), PROTO_REPLY_CHUNK_BYTES);
      const want = Math.min(Math.max(len, PROTO_REPLY_CHUNK_BYTES), limit);
      const size = jemallocUsable(want + BLOCK_HEADER_BYTES) - BLOCK_HEADER_BYTES;
      const copy = Math.min(size, len);
      b.blocks.push({ start: off + 1, size, used: copy });
      len -= copy;
      off += copy;
      b.histlen += copy;
      added = true;
    }
  }
  return added;
}

function digits(n: number): number {
  return String(n).length;
}

/** The pieces Redis feeds for one command (see replicationFeedSlaves). */
export function commandPieces(argv: readonly string[], byteLen: (s: string) => number): number[] {
  const pieces = [3 + digits(argv.length)];
  for (const a of argv) {
    const len = byteLen(a);
    pieces.push(3 + digits(len), len, 2);
  }
  return pieces;
}

/**
 * Append a command to the backlog. `masterOffset` is the offset before it.
 * Returns whether a block was added (trimming is then attempted by the caller,
 * which knows which blocks replicas still pin).
 */
export function backlogFeed(b: Backlog, item: BacklogItem, pieces: readonly number[] | null, masterOffset: number, backlogSize: number): boolean {
  b.items.push(item);
  // A command whose pieces all fit one minimum block fills blocks exactly like one run of bytes.
  if (pieces === null) return feedPiece(b, item.bytes, masterOffset, backlogSize);
  let added = false;
  let off = masterOffset;
  for (const p of pieces) {
    if (p === 0) continue;
    if (feedPiece(b, p, off, backlogSize)) added = true;
    off += p;
  }
  return added;
}

/**
 * Drop whole blocks from the head while the history would still exceed the
 * configured size without them (incrementalTrimReplicationBacklog). A block a
 * replica still has to send from (`pinnedFrom`: the lowest such offset) stays.
 */
export function backlogTrim(b: Backlog, masterOffset: number, backlogSize: number, pinnedFrom: number): void {
  let drop = 0;
  while (b.histlen > backlogSize && b.blocks.length - drop > 1) {
    const first = b.blocks[drop];
    const next = b.blocks[drop + 1];
    if (pinnedFrom < next.start) break;
    if (b.histlen - first.size <= backlogSize) break;
    b.histlen -= first.size;
    drop++;
  }
  if (drop > 0) b.blocks.splice(0, drop);
  b.offset = masterOffset - b.histlen + 1;
  // Drop the commands that start before the first byte still held.
  let h = b.itemHead;
  while (h < b.items.length && b.items[h].start < b.offset) h++;
  b.itemHead = h;
  if (h > 1024 && h * 2 > b.items.length) {
    b.items = b.items.slice(h);
    b.itemHead = 0;
  }
}

/** The commands from offset `from` (a command boundary) to the end, or null if not held. */
export function backlogItemsFrom(b: Backlog, from: number): BacklogItem[] | null {
  const items = b.items;
  let lo = b.itemHead;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  if (lo < items.length && items[lo].start !== from) return null;
  return items.slice(lo);
}
