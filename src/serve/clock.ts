// The simulation's clock in serve mode: virtual time follows the wall clock,
// scaled by a speed. At speed 2 a second of waiting is two virtual seconds:
// replicas acknowledge twice per wall second, `WAIT 1 5000` gives up after
// 2.5 s. The engine itself never reads a clock; serve asks this one where
// virtual time should be and advances the world to it.

export class VirtualClock {
  private wallAnchorMs: number;
  private virtualAnchorMs: number;
  private speedFactor: number;

  /**
   * virtualNowMs: the world's time when serving starts.
   * wallNow: a monotonic wall clock in ms (performance.now by default).
   */
  constructor(
    virtualNowMs: number,
    speed: number,
    private readonly wallNow: () => number = () => performance.now(),
  ) {
    this.wallAnchorMs = wallNow();
    this.virtualAnchorMs = virtualNowMs;
    this.speedFactor = speed;
  }

  get speed(): number {
    return this.speedFactor;
  }

  /** Where virtual time should be now (whole ms, never behind the anchor). */
  targetMs(): number {
    return this.virtualAnchorMs + Math.floor((this.wallNow() - this.wallAnchorMs) * this.speedFactor);
  }

  /** Change the speed from now on, without a jump in virtual time. */
  setSpeed(speed: number): void {
    this.virtualAnchorMs = this.targetMs();
    this.wallAnchorMs = this.wallNow();
    this.speedFactor = speed;
  }
}
