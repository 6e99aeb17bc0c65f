// Exact RESP2 (and RESP3) encodings and byte counts. Offsets in the replication stream are counted in
// these bytes: `SET k v` = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n" = 27 bytes.

import { byteLength } from './bytes';
import type { Proto, Reply } from './reply';

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

/** Encode a reply as RESP2 text (the RESP3 kinds as a RESP2 client receives them), or as RESP3 when proto is 3. */
export function encodeReply(r: Reply, proto: Proto = 2): string {
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
      return proto === 3 ? '_\r\n' : '$-1\r\n';
    case 'nullarray':
      return proto === 3 ? '_\r\n' : '*-1\r\n';
    case 'array':
      return `*${r.a.length}\r\n${r.a.map((e) => encodeReply(e, proto)).join('')}`;
    case 'map':
      return `${proto === 3 ? '%' : '*'}${proto === 3 ? r.a.length / 2 : r.a.length}\r\n${r.a.map((e) => encodeReply(e, proto)).join('')}`;
    case 'set':
      return `${proto === 3 ? '~' : '*'}${r.a.length}\r\n${r.a.map((e) => encodeReply(e, proto)).join('')}`;
    case 'push':
      return `${proto === 3 ? '>' : '*'}${r.a.length}\r\n${r.a.map((e) => encodeReply(e, proto)).join('')}`;
    case 'double':
      return proto === 3 ? `,${r.s}\r\n` : `$${byteLength(r.s)}\r\n${r.s}\r\n`;
    case 'bignum':
      return proto === 3 ? `(${r.s}\r\n` : `$${byteLength(r.s)}\r\n${r.s}\r\n`;
    case 'bool':
      return proto === 3 ? (r.b ? '#t\r\n' : '#f\r\n') : r.b ? ':1\r\n' : ':0\r\n';
    case 'verbatim':
      return proto === 3 ? `=${byteLength(r.s) + 4}\r\n${r.fmt}:${r.s}\r\n` : `$${byteLength(r.s)}\r\n${r.s}\r\n`;
  }
}

export function replyByteLength(r: Reply): number {
  return byteLength(encodeReply(r));
}
