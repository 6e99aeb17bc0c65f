// What goes on the socket for an encoded reply. Replies are JavaScript
// strings; a value holding raw bytes that are not valid UTF-8 (SETBIT's 0x80,
// a GETRANGE cutting a character) keeps them as escapes (src/engine/resp/bytes.ts),
// which must be written as those bytes, not as Node's UTF-8 of the escape.

import { hasEscapedBytes, utf8Encode } from '../engine/resp/bytes';

export function wire(s: string): string | Uint8Array {
  return hasEscapedBytes(s) ? Uint8Array.from(utf8Encode(s)) : s;
}
