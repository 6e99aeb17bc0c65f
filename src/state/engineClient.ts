// Starts the engine's Web Worker and connects it to the store: messages from
// the worker go to `receive`, the page's animation frame loop drives the
// playback clock with `tick`s. A worker that fails to load, throws, or says
// nothing in time turns into a visible failure, never a silent page.

import { PROTOCOL_VERSION, type Preset, type SharedSession, type UiToEngine } from '../worker/protocol';
import { onFrame } from './frameLoop';
import { attachEngine, frameTick, lab, receive, useLab } from './lab';

/** A worker that says nothing for this long is reported as failed, not left spinning. */
const STARTUP_TIMEOUT_MS = 20_000;

export interface StartOptions {
  seed: number;
  preset?: Preset;
  session?: SharedSession;
  /** A .scn scenario to load once the engine is up. */
  scenario?: string;
  /** Start playing at once (the default). */
  play?: boolean;
  /** Text for failures, in the page's language. */
  failed: { noAnswer: string; scriptFailed: string };
}

/** Start the engine; returns a function that stops it. */
export function startEngine(opts: StartOptions): () => void {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    useLab.setState({ status: { kind: 'failed', detail: e instanceof Error ? e.message : String(e) } });
    return () => {};
  }
  const fail = (detail: string) => {
    useLab.setState({ status: { kind: 'failed', detail } });
    worker.terminate();
    attachEngine(null);
  };
  const timer = setTimeout(() => {
    if (useLab.getState().status.kind === 'starting') fail(opts.failed.noAnswer);
  }, STARTUP_TIMEOUT_MS);

  worker.onmessage = (event) => receive(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    fail(event.message || opts.failed.scriptFailed);
  };
  worker.onmessageerror = () => fail(opts.failed.scriptFailed);
  attachEngine({ post: (msg: UiToEngine) => worker.postMessage(msg) });

  worker.postMessage({ type: 'hello', version: PROTOCOL_VERSION, seed: opts.seed, ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.session ? { session: opts.session } : {}) } satisfies UiToEngine);
  if (opts.scenario !== undefined) lab.loadScenario(opts.scenario);
  useLab.setState({ seed: opts.seed });
  if (opts.play ?? true) lab.play();
  const stopFrames = onFrame(frameTick);
  return () => {
    clearTimeout(timer);
    stopFrames();
    worker.terminate();
    attachEngine(null);
  };
}
