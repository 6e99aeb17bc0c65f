// Tab completion and the greyed inline hint of the console, as redis-cli 7.0
// does them (completionCallback / hintsCallback in redis-cli.c):
//
//   "se" + Tab        -> SET, then SETEX, SETNX, SETRANGE on each Tab, then "se" again
//   "config g" + Tab  -> CONFIG GET (container commands complete with their subcommand)
//   "set"             -> hint " key value [NX|XX] [GET] [EX seconds|...]"
//   "set k "          -> hint "value [NX|XX] ..." (typed arguments are dropped
//                        from the hint until the first optional "[...]")

import { tokenize } from '../../scenario/tokenize';
import type { CommandDoc } from './commands';

/** The names completion offers, upper case as redis-cli's help table spells them ("SET", "CONFIG GET"), sorted. */
export function completionNames(table: readonly CommandDoc[]): string[] {
  const out: string[] = [];
  for (const c of table) {
    out.push(c.name.toUpperCase());
    for (const s of c.subcommands ?? []) out.push(`${c.name} ${s.name}`.toUpperCase());
  }
  return out.sort();
}

/** Completions of the whole line typed so far (a case-insensitive prefix match, as redis-cli does); none for an empty line. */
export function completions(buffer: string, table: readonly CommandDoc[]): string[] {
  if (buffer.trim() === '') return [];
  const prefix = buffer.toUpperCase();
  return completionNames(table).filter((name) => name.startsWith(prefix));
}

/**
 * Cycling through completions with repeated Tab, like linenoise: each Tab shows
 * the next candidate, and after the last one the line as it was typed.
 * `index === candidates.length` stands for that original line.
 */
export interface CompletionCycle {
  original: string;
  candidates: string[];
  index: number;
}

/** The first Tab: null when nothing completes (the Tab key then moves focus as usual). */
export function startCycle(buffer: string, table: readonly CommandDoc[]): CompletionCycle | null {
  const candidates = completions(buffer, table);
  return candidates.length === 0 ? null : { original: buffer, candidates, index: 0 };
}

export function advanceCycle(c: CompletionCycle, backwards = false): CompletionCycle {
  const n = c.candidates.length + 1;
  return { ...c, index: (c.index + (backwards ? n - 1 : 1)) % n };
}

/** What the input shows at this point of the cycle. */
export function cycleText(c: CompletionCycle): string {
  return c.index < c.candidates.length ? c.candidates[c.index] : c.original;
}

/** The command (or container subcommand) the arguments belong to, and how many words named it. */
function findDoc(argv: readonly string[], table: readonly CommandDoc[]): { doc: CommandDoc; words: number } | null {
  const cmd = table.find((c) => c.name === argv[0].toLowerCase());
  if (!cmd) return null;
  const sub = argv.length > 1 ? cmd.subcommands?.find((s) => s.name === argv[1].toLowerCase()) : undefined;
  return sub ? { doc: sub, words: 2 } : { doc: cmd, words: 1 };
}

/**
 * The greyed text redis-cli shows after what is typed: the arguments not typed
 * yet, or null when there is nothing to show (unknown command, a line that does
 * not split, nothing left to hint). Starts with a space when the line does not
 * end with one, so it can be drawn right after the typed text.
 */
export function hintFor(buffer: string, table: readonly CommandDoc[]): string | null {
  let argv: string[];
  try {
    argv = tokenize(buffer);
  } catch {
    return null;
  }
  if (argv.length === 0) return null;
  const found = findDoc(argv, table);
  if (!found) return null;
  let hint = found.doc.params;
  // Drop one word of the hint per argument typed, stopping at the first
  // optional group, where redis-cli stops too (it cannot tell which option
  // an argument filled).
  let toRemove = argv.length - found.words;
  while (toRemove > 0 && hint.length > 0) {
    if (hint[0] === '[') break;
    if (hint[0] === ' ') toRemove--;
    hint = hint.slice(1);
  }
  if (hint === '') return null;
  return /\s$/.test(buffer) ? hint : ` ${hint}`;
}
