// Byte and number helpers of the scripting engine: SHA1 (sha1hex in eval.c,
// which names every script), C's printf("%.<p>g") (how Redis turns Lua
// numbers into command arguments, "%.17g", and how Lua 5.1 prints them,
// "%.14g"), and UTF-8 between the engine's JS strings and Lua's bytes.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Lua bytes as an engine string (invalid UTF-8 becomes U+FFFD, as everywhere in the engine). */
export function bytesText(b: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < b.length; i++) {
    if (b[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return decoder.decode(b);
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

/** SHA1 of the UTF-8 bytes of s, as 40 lower-case hex digits. */
export function sha1hex(s: string | Uint8Array): string {
  const msg = typeof s === 'string' ? utf8Bytes(s) : s;
  const ml = msg.length;
  const words = ((ml + 8) >> 6) * 16 + 16;
  const w = new Uint32Array(words);
  for (let i = 0; i < ml; i++) w[i >> 2] |= msg[i] << (24 - (i & 3) * 8);
  w[ml >> 2] |= 0x80 << (24 - (ml & 3) * 8);
  const bits = ml * 8;
  w[words - 1] = bits >>> 0;
  w[words - 2] = Math.floor(bits / 2 ** 32);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const x = new Uint32Array(80);
  const blocks = (((ml + 8) >> 6) + 1) * 16;
  for (let off = 0; off < blocks; off += 16) {
    for (let i = 0; i < 16; i++) x[i] = w[off + i];
    for (let i = 16; i < 80; i++) x[i] = rotl(x[i - 3] ^ x[i - 8] ^ x[i - 14] ^ x[i - 16], 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const t = (rotl(a, 5) + f + e + k + x[i]) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4].map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
}

/**
 * printf("%.<p>g", x) as glibc prints it. A NaN always prints as "-nan":
 * the NaNs Lua arithmetic makes on x86-64 (0/0, inf-inf) have the sign bit
 * set, and JS engines do not keep a NaN's sign reliably, so one spelling keeps
 * runs deterministic.
 */
export function fmtG(x: number, p: number): string {
  if (Number.isNaN(x)) return '-nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expText] = x.toExponential(p - 1).split('e');
  const exp = Number(expText);
  const trim = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= p) return `${trim(mant)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return trim(x.toFixed(p - 1 - exp));
}
