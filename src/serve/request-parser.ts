// Reads client requests off a TCP byte stream the way Redis 7.0's networking.c
// does (processInputBuffer): a request starting with `*` is a multibulk
// (`*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n`), anything else is an inline command
// (`ECHO "hi there"\r\n`, as typed into telnet or nc). Bytes may arrive in any
// split: a request cut across two packets waits for the rest, several requests
// in one packet (pipelining) come out one by one.
//
// One request is taken at a time (next()), because Redis executes each command
// before it parses the next one: an AUTH early in a pipeline lifts the
// unauthenticated length limits for the requests after it.
//
// A malformed request gives the error text Redis sends before it closes the
// connection (`Protocol error: invalid multibulk length`, ...).

import { utf8Decode } from '../engine/resp/bytes';

/** PROTO_INLINE_MAX_SIZE: the longest inline request or length line Redis waits for. */
export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
/** proto-max-bulk-len default (512 MB). */
const PROTO_MAX_BULK_LEN = 512 * 1024 * 1024;
const INT_MAX = 2 ** 31 - 1;
/** Before AUTH, a multibulk may have at most 10 arguments of at most 16384 bytes (Redis 7.0.13+). */
const UNAUTH_MAX_MULTIBULK = 10;
const UNAUTH_MAX_BULK = 16384;

const CR = 0x0d;
const LF = 0x0a;

export type Request =
  /** A command; argv is empty for an empty inline line or `*0`, which Redis skips without a reply. */
  | { t: 'command'; argv: string[] }
  /** A protocol error: Redis replies `-ERR <message>` and closes the connection. */
  | { t: 'error'; message: string };

/**
 * string2ll: a decimal integer with an optional '-', no '+', no spaces, no
 * leading zeros ("0" itself is fine, "-0" is not). null when it is none.
 */
export function string2ll(s: string): number | null {
  if (!/^(0|-?[1-9][0-9]*)$/.test(s) || s.length > 20) return null;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return null;
  return Number(n);
}

/** C isspace() in the C locale. */
function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  return -1;
}

/**
 * sdssplitargs: split an inline request into arguments. Arguments are
 * separated by spaces; "double quotes" take \xHH (a raw byte), \n \r \t \b \a
 * and \<any> escapes; 'single quotes' take only \'. A closing quote must be
 * followed by a space or the end of the line. Returns null for unbalanced
 * quotes (Redis: "unbalanced quotes in request").
 *
 *   SET k "caf\xc3\xa9 au lait"   ->  SET, k, "café au lait"
 *   SET k 'it\'s'                 ->  SET, k, "it's"
 *   SET k "a"b                    ->  null
 */
export function splitArgs(line: Uint8Array): Uint8Array[] | null {
  const out: Uint8Array[] = [];
  // sdssplitargs works on a C string: a NUL byte ends the line.
  let end = line.indexOf(0);
  if (end < 0) end = line.length;
  const at = (i: number): number => (i < end ? line[i] : 0);
  let p = 0;
  for (;;) {
    while (p < end && isSpace(line[p])) p++;
    if (p >= end) return out;
    const current: number[] = [];
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inq) {
        const h1 = hexValue(p + 2 < end ? line[p + 2] : undefined);
        const h2 = hexValue(p + 3 < end ? line[p + 3] : undefined);
        if (c === 0x5c && at(p + 1) === 0x78 && h1 >= 0 && h2 >= 0) {
          current.push(h1 * 16 + h2);
          p += 3;
        } else if (c === 0x5c && at(p + 1) !== 0) {
          p++;
          const e = at(p);
          current.push(e === 0x6e ? LF : e === 0x72 ? CR : e === 0x74 ? 0x09 : e === 0x62 ? 0x08 : e === 0x61 ? 0x07 : e);
        } else if (c === 0x22) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else {
          current.push(c);
        }
      } else if (insq) {
        if (c === 0x5c && at(p + 1) === 0x27) {
          p++;
          current.push(0x27);
        } else if (c === 0x27) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else {
          current.push(c);
        }
      } else if (c === 0x20 || c === LF || c === CR || c === 0x09 || c === 0) {
        done = true;
      } else if (c === 0x22) {
        inq = true;
      } else if (c === 0x27) {
        insq = true;
      } else {
        current.push(c);
      }
      if (p < end) p++;
    }
    out.push(Uint8Array.from(current));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Arguments reach the engine as JavaScript strings: UTF-8 decoded, with any
 * byte that is not valid UTF-8 kept as its escape (src/engine/resp/bytes.ts),
 * so every byte string round-trips exactly and offsets, STRLEN and SETBIT see
 * the bytes the client sent.
 */
function text(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return utf8Decode(bytes);
  }
}

export class RequestParser {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Multibulk in progress: arguments still to read (0 = none in progress). */
  private multibulkLen = 0;
  /** Length of the bulk being read, -1 while its `$<len>` line is not read yet. */
  private bulkLen = -1;
  private args: string[] = [];

  feed(data: Buffer): void {
    if (this.pos > 0) {
      this.buf = this.buf.subarray(this.pos);
      this.pos = 0;
    }
    this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data]);
  }

  /** Bytes received and not yet consumed by a complete request. */
  get pending(): number {
    return this.buf.length - this.pos;
  }

  /**
   * The next complete request, or null when more bytes are needed.
   * authRequired: the connection has not authenticated yet (requirepass).
   */
  next(authRequired: boolean): Request | null {
    if (this.pos >= this.buf.length) return null;
    if (this.multibulkLen > 0 || this.buf[this.pos] === 0x2a) return this.multibulk(authRequired);
    return this.inline();
  }

  /** processInlineBuffer */
  private inline(): Request | null {
    const nl = this.buf.indexOf(LF, this.pos);
    if (nl < 0) {
      if (this.pending > PROTO_INLINE_MAX_SIZE) return { t: 'error', message: 'Protocol error: too big inline request' };
      return null;
    }
    let lineEnd = nl;
    if (lineEnd > this.pos && this.buf[lineEnd - 1] === CR) lineEnd--;
    const parts = splitArgs(this.buf.subarray(this.pos, lineEnd));
    if (parts === null) return { t: 'error', message: 'Protocol error: unbalanced quotes in request' };
    this.pos = nl + 1;
    return { t: 'command', argv: parts.map(text) };
  }

  /** A `<prefix><number>\r\n` line at pos: the number's text and where the line ends, or null when incomplete. */
  private lengthLine(): { digits: string; next: number } | null {
    const cr = this.buf.indexOf(CR, this.pos);
    if (cr < 0) return null;
    // Redis wants the \n as well before it reads the line (it does not check that it is one).
    if (cr + 1 >= this.buf.length) return null;
    return { digits: this.buf.toString('latin1', this.pos + 1, cr), next: cr + 2 };
  }

  /** processMultibulkBuffer */
  private multibulk(authRequired: boolean): Request | null {
    if (this.multibulkLen === 0) {
      const line = this.lengthLine();
      if (!line) {
        if (this.pending > PROTO_INLINE_MAX_SIZE) return { t: 'error', message: 'Protocol error: too big mbulk count string' };
        return null;
      }
      const n = string2ll(line.digits);
      if (n === null || n > INT_MAX) return { t: 'error', message: 'Protocol error: invalid multibulk length' };
      if (n > UNAUTH_MAX_MULTIBULK && authRequired) return { t: 'error', message: 'Protocol error: unauthenticated multibulk length' };
      this.pos = line.next;
      if (n <= 0) return { t: 'command', argv: [] };
      this.multibulkLen = n;
      this.args = [];
      this.bulkLen = -1;
    }
    while (this.multibulkLen > 0) {
      if (this.bulkLen === -1) {
        const line = this.lengthLine();
        if (!line) {
          if (this.pending > PROTO_INLINE_MAX_SIZE) return { t: 'error', message: 'Protocol error: too big bulk count string' };
          return null;
        }
        const first = this.buf[this.pos];
        if (first !== 0x24) return { t: 'error', message: `Protocol error: expected '$', got '${String.fromCharCode(first)}'` };
        const n = string2ll(line.digits);
        if (n === null || n < 0 || n > PROTO_MAX_BULK_LEN) return { t: 'error', message: 'Protocol error: invalid bulk length' };
        if (n > UNAUTH_MAX_BULK && authRequired) return { t: 'error', message: 'Protocol error: unauthenticated bulk length' };
        this.pos = line.next;
        this.bulkLen = n;
      }
      // The bulk and two more bytes (Redis skips them without checking they are \r\n).
      if (this.pending < this.bulkLen + 2) return null;
      this.args.push(text(this.buf.subarray(this.pos, this.pos + this.bulkLen)));
      this.pos += this.bulkLen + 2;
      this.bulkLen = -1;
      this.multibulkLen--;
    }
    const argv = this.args;
    this.args = [];
    return { t: 'command', argv };
  }
}
