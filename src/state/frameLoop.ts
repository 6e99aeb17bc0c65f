// The page's single requestAnimationFrame loop. The engine clock (a `tick`
// to the worker), the canvas of messages in flight and the space-time diagram
// all run from it, so one frame of the page is one consistent moment.

export type FrameCallback = (wallMs: number) => void;

const callbacks = new Set<FrameCallback>();
let running = false;

/**
 * The last frames' work (ms spent in the callbacks) and their start times,
 * for `npm run bench` and for anyone curious in the browser console
 * (`replicaLab.frameStats()`).
 */
const STATS = 600;
const workMs = new Float64Array(STATS);
const startMs = new Float64Array(STATS);
let frames = 0;

function loop(wallMs: number): void {
  if (callbacks.size === 0) {
    running = false;
    return;
  }
  const t0 = performance.now();
  for (const cb of callbacks) cb(wallMs);
  workMs[frames % STATS] = performance.now() - t0;
  startMs[frames % STATS] = wallMs;
  frames++;
  requestAnimationFrame(loop);
}

/** Work per frame and the interval between frames, over the last (up to) 600 frames. */
export function frameStats(): { frames: number; workMs: number[]; intervalMs: number[] } {
  const n = Math.min(frames, STATS);
  const order = Array.from({ length: n }, (_, i) => (frames - n + i) % STATS);
  const work = order.map((i) => workMs[i]);
  const starts = order.map((i) => startMs[i]);
  return { frames, workMs: work, intervalMs: starts.slice(1).map((t, i) => t - starts[i]) };
}

/** Call `cb` on every animation frame until the returned function is called. */
export function onFrame(cb: FrameCallback): () => void {
  callbacks.add(cb);
  if (!running && typeof requestAnimationFrame === 'function') {
    running = true;
    requestAnimationFrame(loop);
  }
  return () => {
    callbacks.delete(cb);
  };
}
