// "Did you mean …?": the known name nearest to a misspelled one, by edit
// distance (insertions, deletions, substitutions and swaps of two neighbours
// each count one), ignoring case. Close enough means at most one edit per
// four characters, so `REDIS_REPLIACATION_MODE` finds `REDIS_REPLICATION_MODE`
// but `TZ` finds nothing.

/** Optimal string alignment distance, case-insensitive, stopping early once above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length];
}

/** The candidate nearest to `name` within the allowed distance, or null. Ties go to the earlier candidate. */
export function nearest(name: string, candidates: Iterable<string>): string | null {
  const allowed = Math.max(1, Math.floor(name.length / 4));
  let best: string | null = null;
  let bestD = allowed + 1;
  for (const c of candidates) {
    const d = editDistance(name, c, allowed);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
