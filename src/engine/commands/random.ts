// Random picks for SPOP, SRANDMEMBER and HRANDFIELD (and ZRANDMEMBER). Redis
// draws from its own random generator; the engine draws from the world's
// seeded PRNG, so a session replays to the same picks, and a replica never
// draws at all: SPOP is propagated as the SREMs it did.

import type { Exec } from './types';
import { nextInt } from '../sim/prng';

/** One uniformly random index in [0, n). */
export function randomIndex(x: Exec, n: number): number {
  return nextInt(x.world.prng, n);
}

/** `count` distinct indices of [0, n) in random order (count <= n), by a partial Fisher-Yates shuffle. */
export function distinctIndices(x: Exec, n: number, count: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + nextInt(x.world.prng, n - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, count);
}

/** `count` indices of [0, n) that may repeat. */
export function repeatedIndices(x: Exec, n: number, count: number): number[] {
  const out: number[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = nextInt(x.world.prng, n);
  return out;
}
