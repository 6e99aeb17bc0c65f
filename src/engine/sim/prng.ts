// Seeded pseudo-random generator (xoshiro128**), the only source of chance in
// the engine. Its state is four uint32 numbers, so it is cloned with the world.

export interface PrngState {
  s: [number, number, number, number];
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createPrng(seed: number): PrngState {
  const next = splitmix32(seed);
  return { s: [next(), next(), next(), next() | 1] };
}

/** Next uint32. */
export function nextU32(p: PrngState): number {
  const s = p.s;
  const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
  const t = (s[1] << 9) >>> 0;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  s[0] >>>= 0;
  s[1] >>>= 0;
  s[2] >>>= 0;
  s[3] >>>= 0;
  return result;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Uniform float in [0, 1). */
export function nextFloat(p: PrngState): number {
  return nextU32(p) / 4294967296;
}

/** Uniform integer in [0, n). */
export function nextInt(p: PrngState, n: number): number {
  return Math.floor(nextFloat(p) * n);
}

/** 40 hex characters, like a Redis replication id or run id. */
export function randomHexId(p: PrngState): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += nextU32(p).toString(16).padStart(8, '0');
  return s;
}
