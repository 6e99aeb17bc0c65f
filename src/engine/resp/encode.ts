// Exact RESP2 byte counts. Offsets in the replication stream are counted in
// these bytes: `SET k v` = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n" = 27 bytes.

import { byteLength } from './bytes';
import type { Reply } from './reply';

/** Byte length of a value (resp/bytes.ts: UTF-8, with raw bytes kept as escapes). */
export { byteLength };

function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** Bytes of `*<argc>\r\n` + per arg `$<len>\r\n<bytes>\r\n`. */
export function argvByteLength(argv: readonly string[]): number {
  let n = 3 + digits(argv.length);
  for (const a of argv) {
    const len = byteLength(a);
    n += 5 + digits(len) + len;
  }
  return n;
}

/** Encode a command as RESP (the wire form of a request or of a propagated command). */
export function encodeArgv(argv: readonly string[]): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${byteLength(a)}\r\n${a}\r\n`;
  return s;
}

/** Encode a reply as RESP2 text. */
export function encodeReply(r: Reply): string {
  switch (r.t) {
    case 'status':
      return `+${r.s}\r\n`;
    case 'error':
      return `-${r.s}\r\n`;
    case 'int':
      return `:${String(r.n)}\r\n`;
    case 'bulk':
      return `$${byteLength(r.s)}\r\n${r.s}\r\n`;
    case 'nullbulk':
      return '$-1\r\n';
    case 'nullarray':
      return '*-1\r\n';
    case 'array':
      return `*${r.a.length}\r\n${r.a.map(encodeReply).join('')}`;
  }
}

export function replyByteLength(r: Reply): number {
  return byteLength(encodeReply(r));
}
