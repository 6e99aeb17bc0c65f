// A session is a seed plus a log of timed inputs. Time travel restores the
// nearest snapshot at or before the wanted time and replays the inputs from
// there: restore + the same inputs give the identical state and trace.

import type { TimedInput } from './api';
import { World } from './world';
import type { WorldSnapshot } from './snapshot';

export interface SessionOptions {
  seed: number;
  /** Virtual ms between snapshots. */
  snapshotEveryMs?: number;
  trace?: boolean;
}

export class Session {
  world: World;
  readonly seed: number;
  readonly inputs: TimedInput[] = [];
  private snapshots: { atMs: number; inputCount: number; state: WorldSnapshot }[] = [];
  private readonly everyMs: number;
  private readonly trace: boolean;

  constructor(opts: SessionOptions) {
    this.seed = opts.seed;
    this.everyMs = opts.snapshotEveryMs ?? 10_000;
    this.trace = opts.trace ?? true;
    this.world = new World({ seed: opts.seed, trace: this.trace });
    this.takeSnapshot();
  }

  get nowMs(): number {
    return this.world.nowMs;
  }

  private takeSnapshot(): void {
    this.snapshots.push({ atMs: this.world.nowMs, inputCount: this.inputs.length, state: this.world.snapshot() });
  }

  /** Apply an input now (and record it). */
  input(input: TimedInput['input']): void {
    this.inputs.push({ atMs: this.world.nowMs, input });
    this.world.apply(input);
  }

  /** Open a client connection now (recorded like any input); returns its id. */
  connect(node: string): number {
    this.inputs.push({ atMs: this.world.nowMs, input: { t: 'connect', node } });
    return this.world.connect(node);
  }

  /** Let virtual time pass, taking snapshots on the way. */
  advanceTo(targetMs: number): void {
    for (;;) {
      const last = this.snapshots[this.snapshots.length - 1];
      const nextSnap = last.atMs + this.everyMs;
      if (nextSnap > targetMs) break;
      this.world.advanceTo(nextSnap);
      this.takeSnapshot();
    }
    this.world.advanceTo(targetMs);
  }

  advance(ms: number): void {
    this.advanceTo(this.world.nowMs + ms);
  }

  /** A world as it was at virtual time `atMs` (a fresh object; the session itself is unchanged). */
  worldAt(atMs: number): World {
    let i = this.snapshots.length - 1;
    while (i > 0 && this.snapshots[i].atMs > atMs) i--;
    const snap = this.snapshots[i];
    // Replay runs without recording the trace: the messages in flight at `atMs`
    // are in the restored event queue, and that is what a view draws.
    const w = World.restore(snap.state);
    w.state.traceOn = false;
    let k = snap.inputCount;
    while (k < this.inputs.length && this.inputs[k].atMs <= atMs) {
      w.advanceTo(this.inputs[k].atMs);
      w.apply(this.inputs[k].input);
      k++;
    }
    w.advanceTo(atMs);
    w.state.traceOn = this.trace;
    return w;
  }

  /** Go back to `atMs` and continue from there: the inputs after it are discarded (a new branch). */
  branchAt(atMs: number): void {
    this.world = this.worldAt(atMs);
    let k = this.inputs.length;
    while (k > 0 && this.inputs[k - 1].atMs > atMs) k--;
    this.inputs.length = k;
    this.snapshots = this.snapshots.filter((s) => s.atMs <= atMs);
  }

  get snapshotCount(): number {
    return this.snapshots.length;
  }
}
