// The Web Worker that runs the engine off the page's thread. All behaviour is
// in EngineHost; this file only connects it to the worker's message port and
// to the wall clock, which the engine itself never reads.

/// <reference lib="webworker" />

import { EngineHost } from './host';
import type { EngineToUi, UiToEngine } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** How often a playing world advances and reports a frame (about 20 per second). */
const FRAME_MS = 50;

const host = new EngineHost((msg: EngineToUi) => self.postMessage(msg));

self.onmessage = (event: MessageEvent<UiToEngine>) => host.handle(event.data);

let lastWallMs = performance.now();
setInterval(() => {
  const now = performance.now();
  host.tick(now - lastWallMs);
  lastWallMs = now;
}, FRAME_MS);
