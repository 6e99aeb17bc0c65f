// The page's single requestAnimationFrame loop. The engine clock (a `tick`
// to the worker), the canvas of messages in flight and the space-time diagram
// all run from it, so one frame of the page is one consistent moment.

export type FrameCallback = (wallMs: number) => void;

const callbacks = new Set<FrameCallback>();
let running = false;

function loop(wallMs: number): void {
  if (callbacks.size === 0) {
    running = false;
    return;
  }
  for (const cb of callbacks) cb(wallMs);
  requestAnimationFrame(loop);
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
