// The console's command history, per node, walked with the arrow keys like
// redis-cli's (linenoise): Up recalls older lines, Down newer ones, and going
// down past the newest brings back the line that was being typed (the draft).
// A recalled line edited and then left keeps its edit while walking, as in
// linenoise; the history itself never changes until a line is sent.

/** The lines typed into `node`'s console, oldest first; a line repeated right after itself is kept once (linenoiseHistoryAdd). */
export function historyOf(lines: readonly { node: string; input: string }[], node: string): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.node === node && l.input !== '' && l.input !== out[out.length - 1]) out.push(l.input);
  }
  return out;
}

export interface HistoryCursor {
  /** Index into the history; `length` stands for the draft. */
  pos: number;
  /** The history's length when the walk began: a walk over a history that grew since starts again. */
  length: number;
  /** What the person left at each visited position (the draft at `length`). */
  edits: Readonly<Record<number, string>>;
}

/**
 * One step up or down from `cursor` (null: not walking, the input holds the
 * draft). `current` is what the input shows now. Returns null when there is
 * nothing further in that direction.
 */
export function walkHistory(
  history: readonly string[],
  cursor: HistoryCursor | null,
  current: string,
  dir: 'up' | 'down',
): { cursor: HistoryCursor; text: string } | null {
  const c = cursor && cursor.length === history.length ? cursor : { pos: history.length, length: history.length, edits: {} };
  const next = dir === 'up' ? c.pos - 1 : c.pos + 1;
  if (next < 0 || next > history.length) return null;
  const edits = { ...c.edits, [c.pos]: current };
  return { cursor: { pos: next, length: history.length, edits }, text: edits[next] ?? history[next] };
}
