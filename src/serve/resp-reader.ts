// Reads RESP2 replies from a byte stream (the client side of the protocol):
// used to record Redis' command table and by the serve tests. Bulk strings are
// decoded as the engine holds values: UTF-8, with bytes that are not UTF-8 kept
// (engine/resp/bytes.ts).

import { utf8Decode } from '../engine/resp/bytes';
import type { Reply } from '../engine/resp/reply';

const CRLF = Buffer.from('\r\n');

export class ReplyReader {
  private buf: Buffer = Buffer.alloc(0);

  feed(data: Buffer): void {
    this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data]);
  }

  /** The next complete reply, or undefined when more bytes are needed. */
  next(): Reply | undefined {
    const r = this.parse(0);
    if (!r) return undefined;
    this.buf = this.buf.subarray(r.end);
    return r.reply;
  }

  private parse(at: number): { reply: Reply; end: number } | null {
    const eol = this.buf.indexOf(CRLF, at);
    if (eol < 0) return null;
    const type = String.fromCharCode(this.buf[at]);
    const line = this.buf.toString('utf8', at + 1, eol);
    const after = eol + 2;
    switch (type) {
      case '+':
        return { reply: { t: 'status', s: line }, end: after };
      case '-':
        return { reply: { t: 'error', s: line }, end: after };
      case ':': {
        const n = BigInt(line);
        return { reply: { t: 'int', n: Number.isSafeInteger(Number(n)) ? Number(n) : n }, end: after };
      }
      case '$': {
        const len = Number(line);
        if (len < 0) return { reply: { t: 'nullbulk' }, end: after };
        if (this.buf.length < after + len + 2) return null;
        return { reply: { t: 'bulk', s: utf8Decode(this.buf.subarray(after, after + len)) }, end: after + len + 2 };
      }
      case '*': {
        const len = Number(line);
        if (len < 0) return { reply: { t: 'nullarray' }, end: after };
        const items: Reply[] = [];
        let end = after;
        for (let i = 0; i < len; i++) {
          const r = this.parse(end);
          if (!r) return null;
          items.push(r.reply);
          end = r.end;
        }
        return { reply: { t: 'array', a: items }, end };
      }
      default:
        throw new Error(`not a RESP2 reply: ${JSON.stringify(this.buf.toString('latin1', at, Math.min(eol, at + 40)))}`);
    }
  }
}
