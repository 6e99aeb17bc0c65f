// The Web Worker that runs the engine off the page's thread. All behaviour is
// in EngineHost; this file only connects it to the worker's message port. The
// wall clock reaches the engine only as `tick` messages from the page's
// animation frame loop, so the simulation moves exactly as fast as it is drawn.

/// <reference lib="webworker" />

import { EngineHost } from './host';
import type { EngineToUi, UiToEngine } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const host = new EngineHost((msg: EngineToUi) => self.postMessage(msg));

self.onmessage = (event: MessageEvent<UiToEngine>) => host.handle(event.data);
