// The steps of the link sliders and the units the menus show. The engine
// measures bandwidth in bytes per virtual ms (0 = unlimited); with
// 1 KB = 1000 bytes, 1 byte/ms is exactly 1 KB/s and 1000 bytes/ms 1 MB/s,
// so the numbers a person types in KB/s are the engine's numbers.

/** Latency steps, roughly logarithmic: fine where a few ms matter, coarse up to 2 s; 250 ms is the lab's default (worker/host.ts). */
export const LATENCY_STEPS_MS: readonly number[] = [0, 1, 2, 5, 10, 20, 50, 100, 150, 250, 400, 600, 1000, 1500, 2000];

/** Bandwidth steps in bytes per ms, from unlimited (0) down to 1 KB/s: the slider goes right for a slower link. */
export const BANDWIDTH_STEPS: readonly number[] = [0, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1];

export const MAX_LATENCY_MS = 60_000;
export const MAX_LOSS_PERCENT = 50;

/** The index of the latency step nearest to `ms` (a value set elsewhere still places the thumb sensibly). */
export function latencyIndex(ms: number): number {
  return nearestIndex(LATENCY_STEPS_MS, ms, (v) => v);
}

/** The index of the bandwidth step nearest to `bytesPerMs`, compared on a log scale; 0 (unlimited) only for 0. */
export function bandwidthIndex(bytesPerMs: number): number {
  if (bytesPerMs <= 0) return 0;
  return nearestIndex(BANDWIDTH_STEPS, bytesPerMs, (v) => (v <= 0 ? Number.POSITIVE_INFINITY : Math.log(v)));
}

function nearestIndex(steps: readonly number[], value: number, scale: (v: number) => number): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  steps.forEach((step, i) => {
    const d = Math.abs(scale(step) - scale(value));
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Loss probability (0..1) as a whole percentage for the slider, within 0..50. */
export function lossPercent(loss: number): number {
  return Math.min(MAX_LOSS_PERCENT, Math.max(0, Math.round(loss * 100)));
}

export function formatLatency(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** 0 gives null: the caller writes "unlimited" in the page's language. */
export function formatBandwidth(bytesPerMs: number): string | null {
  if (bytesPerMs <= 0) return null;
  return bytesPerMs >= 1000 ? `${bytesPerMs / 1000} MB/s` : `${bytesPerMs} KB/s`;
}

export type LinkFormResult = { ok: true; latencyMs: number; bytesPerMs: number } | { ok: false; field: 'latency' | 'bandwidth' };

/**
 * Reads the "slow its link" form: latency in whole ms (0…60000) and bandwidth
 * in KB/s (0 or empty = unlimited, fractions allowed down to 0.001).
 */
export function parseLinkForm(latencyText: string, bandwidthText: string): LinkFormResult {
  const lat = latencyText.trim();
  if (!/^\d+$/.test(lat) || Number(lat) > MAX_LATENCY_MS) return { ok: false, field: 'latency' };
  const bw = bandwidthText.trim();
  const kbps = bw === '' ? 0 : Number(bw);
  if (!/^(\d+(\.\d*)?|\.\d+)?$/.test(bw) || !Number.isFinite(kbps) || (kbps > 0 && kbps < 0.001)) return { ok: false, field: 'bandwidth' };
  return { ok: true, latencyMs: Number(lat), bytesPerMs: kbps };
}
