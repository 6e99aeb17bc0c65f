// The goldens must stay true: every conformance/scenarios/*.scn is played again
// on real redis-server processes and compared with its stored transcript. A
// failure here means the golden (or the recorder) is wrong, not the engine.
// Needs redis-server 7.0 on the PATH (or REDIS_SERVER); skipped otherwise.
// Two scenarios run at a time, each in its own port range (7600, 7620). When a
// range is busy (another test run on the same machine), the next free ones
// (7640, 7660, ...) are tried. Real Redis races with itself on a busy machine
// (a ROLE read while the connection is still in progress, a TTL rounded across
// a second): a golden that does not match is played once more, and fails only
// when the second run does not match either.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listGoldens } from '../src/conformance/goldens';
import { PortInUseError, recordScenario, redisServerAvailable } from '../src/conformance/realRedis';
import { compareTranscripts } from '../src/scenario/compare';

const BASE_PORT = Number(process.env.GOLDENS_BASE_PORT) || 7600;
const SLOTS = 2;
/** A slow scenario takes ~20 s; a test may also wait for a free slot. */
const TIMEOUT_MS = 240_000;
/** How many other port ranges to try when one is busy. */
const RANGE_TRIES = 8;
/** Runs of a golden before it counts as not matching. */
const ATTEMPTS = 2;

/** Hands out SLOTS port ranges; a test waits until one is free. */
const free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
const waiting: ((slot: number) => void)[] = [];
function acquire(): Promise<number> {
  const slot = free.shift();
  if (slot !== undefined) return Promise.resolve(slot);
  return new Promise((resolve) => waiting.push(resolve));
}
function release(slot: number): void {
  const next = waiting.shift();
  if (next) next(slot);
  else free.push(slot);
}

const goldens = listGoldens();
const available = redisServerAvailable();

describe('goldens still match real Redis', () => {
  if (!available) {
    it.skip(`redis-server not found (install redis-server 7.0 or set REDIS_SERVER) — ${goldens.length} goldens not replayed`, () => {});
    return;
  }
  it('has goldens', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(34);
  });
  for (const g of goldens) {
    it.concurrent(
      g.name,
      async () => {
        const slot = await acquire();
        try {
          const text = fs.readFileSync(g.scenarioPath, 'utf8');
          const expected = fs.readFileSync(g.expectedPath, 'utf8');
          let mismatches: string[] = [];
          for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
            let actual: string | undefined;
            for (let k = 0; actual === undefined; k++) {
              try {
                actual = await recordScenario(text, { basePort: BASE_PORT + 20 * (slot + SLOTS * k) });
              } catch (e) {
                if (!(e instanceof PortInUseError) || k + 1 >= RANGE_TRIES) throw e;
              }
            }
            mismatches = compareTranscripts(expected, actual).mismatches;
            if (mismatches.length === 0) break;
          }
          expect(mismatches.join('\n')).toBe('');
        } finally {
          release(slot);
        }
      },
      TIMEOUT_MS,
    );
  }
});
