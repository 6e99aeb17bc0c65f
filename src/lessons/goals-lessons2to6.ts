// Goal building blocks for lessons 2–6: questions about the ORDER of what the
// learner typed ("a GET on r1 after the SET on m answered the old value"),
// about INFO replies, and about links. Console lines carry no time, but their
// ids grow in the order they were typed, which is the order that matters here.

import type { LinkView } from '../worker/protocol';
import type { ConsoleLine } from '../state/lab';
import { TokenizeError, tokenize } from '../scenario/tokenize';
import { quoteRepr } from '../ui/redisCli';
import type { GoalContext } from './types';

/** Console lines on `node` (since the step began) whose command matches and whose reply arrived and matches. */
export function linesOn(ctx: GoalContext, node: string, command: RegExp, reply: RegExp = /[\s\S]*/): ConsoleLine[] {
  return ctx.console.filter((l) => l.node === node && command.test(l.input) && l.output !== null && reply.test(l.output));
}

/** The arguments of a typed line, as the console sent them (null when it does not tokenize). */
export function argvOf(line: ConsoleLine): string[] | null {
  try {
    return tokenize(line.input);
  } catch (e) {
    if (e instanceof TokenizeError) return null;
    throw e;
  }
}

/** How redis-cli prints a bulk string reply holding `value` (`"blue"`). */
export function printed(value: string): string {
  return quoteRepr(value);
}

/** `SET key value …` lines on `node` answered OK, with the value each one wrote. */
export function setsOn(ctx: GoalContext, node: string, key: string): { line: ConsoleLine; value: string }[] {
  const out: { line: ConsoleLine; value: string }[] = [];
  for (const line of linesOn(ctx, node, /^set\s/i, /^OK$/)) {
    const argv = argvOf(line);
    if (argv && argv.length >= 3 && argv[1] === key) out.push({ line, value: argv[2] });
  }
  return out;
}

/** `GET key` lines on `node` typed after console line `afterId`. */
export function getsOn(ctx: GoalContext, node: string, key: string, afterId = -1): ConsoleLine[] {
  return linesOn(ctx, node, /^get\s/i).filter((l) => {
    const argv = argvOf(l);
    return l.id > afterId && argv !== null && argv.length === 2 && argv[1] === key;
  });
}

/**
 * A stale read: after `SET key X` answered OK on `master`, a `GET key` on
 * `replica` answered something other than X (the old value, or nil).
 */
export function staleRead(ctx: GoalContext, master: string, replica: string, key: string): boolean {
  return setsOn(ctx, master, key).some((w) => getsOn(ctx, replica, key, w.line.id).some((r) => r.output !== printed(w.value)));
}

/** The `field:value` lines of an INFO reply. */
export function infoFields(output: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return fields;
}

/** INFO replication (or plain INFO) replies on `node` typed after console line `afterId`, parsed. */
export function infosOn(ctx: GoalContext, node: string, afterId = -1): { line: ConsoleLine; fields: Map<string, string> }[] {
  return linesOn(ctx, node, /^info(\s+(replication|all|everything|default))?\s*$/i, /master_repl_offset:/)
    .filter((l) => l.id > afterId)
    .map((line) => ({ line, fields: infoFields(line.output!) }));
}

/** The `offset=` of every `slaveN:` line of a master's INFO replication. */
export function replicaAckOffsets(fields: Map<string, string>): number[] {
  const out: number[] = [];
  for (const [name, value] of fields) {
    if (!/^slave\d+$/.test(name)) continue;
    const m = /(?:^|,)offset=(\d+)/.exec(value);
    if (m) out.push(Number(m[1]));
  }
  return out;
}

/** The network between two nodes as the lab reports it (replication links are always reported). */
export function linkOf(ctx: GoalContext, a: string, b: string): LinkView | undefined {
  return ctx.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
}

/** An integer reply as redis-cli prints it (`(integer) 2`), or null. */
export function integerReply(line: ConsoleLine): number | null {
  const m = /^\(integer\) (-?\d+)$/.exec(line.output ?? '');
  return m ? Number(m[1]) : null;
}
