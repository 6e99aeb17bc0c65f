// Values are JavaScript strings, but Redis stores bytes: STRLEN, GETRANGE,
// SETRANGE, SETBIT and the protocol's `$<len>` count bytes. A value is the
// UTF-8 decoding of its bytes, with one extension so that every byte string
// round-trips exactly: a byte that is not part of valid UTF-8 (0x80-0xFF on
// its own) is kept as the lone surrogate U+DC80-U+DCFF (the "surrogateescape"
// scheme). Text a learner types is valid UTF-8 and unaffected; SETBIT 7 1 on
// an empty key makes the single byte 0x01, SETBIT 0 1 the byte 0x80 (stored
// as U+DC80, sent to a client as the byte 0x80, printed by the console as
// "\x80" as redis-cli does).

const ESCAPE_BASE = 0xdc00;

/** True when code unit c stands for one raw byte (0x80-0xFF) that is not valid UTF-8. */
export function isEscapedByte(c: number): boolean {
  return c >= 0xdc80 && c <= 0xdcff;
}

export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (isEscapedByte(c)) {
      out.push(c - ESCAPE_BASE);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // another lone surrogate: not a value's byte
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Bytes to a value: valid UTF-8 sequences become characters, every other byte its escape. */
export function utf8Decode(b: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 31;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 15;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 7;
      min = 0x10000;
    }
    let j = 1;
    if (need > 0) {
      for (; j <= need; j++) {
        const d = b[i + j];
        if (d === undefined || (d & 0xc0) !== 0x80) break;
        cp = (cp << 6) | (d & 63);
      }
    }
    if (need === 0 || j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += String.fromCharCode(ESCAPE_BASE + c);
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** Bytes of a value (what STRLEN says). */
export function byteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 2; // surrogate pair: 4 bytes for 2 UTF-16 units
        i++;
      } else n += 2; // lone high surrogate: encoded as U+FFFD
    } else if (isEscapedByte(c)) continue;
    else n += 2;
  }
  return n;
}

/** True when the value holds escaped raw bytes (writing it needs utf8Encode, not the host's UTF-8). */
export function hasEscapedBytes(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isEscapedByte(s.charCodeAt(i))) return true;
  return false;
}

/** memcmp order of two values' bytes (then the shorter first), as Redis compares strings (sdscmp). */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x >= 0x80 || y >= 0x80) {
      ascii = false;
      break;
    }
    if (x !== y) return x - y;
  }
  if (ascii) {
    // The common prefix is ASCII; if a longer string continues with non-ASCII it still sorts after.
    if (a.length === b.length) return 0;
    return a.length < b.length ? -1 : 1;
  }
  const ea = utf8Encode(a);
  const eb = utf8Encode(b);
  const m = Math.min(ea.length, eb.length);
  for (let i = 0; i < m; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}
