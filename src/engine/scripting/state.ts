// The scripting state of one node (eval.c, script.c, rand.c) as plain data:
// the script cache, the Lua PRNG behind math.random, and the script running
// now. The Lua VM itself is not state: a script runs in a fresh VM (scripts
// cannot leave anything behind in Redis 7.0: globals are read-only), and a
// script that runs across virtual time keeps its VM beside the state, keyed
// by its RunningScript object (see run.ts for what a restored snapshot does).

import type { Reply } from '../resp/reply';
import type { PropOp } from '../server/exec';
import type { ClientState, NodeState } from '../server/types';
import type { SimEvent } from '../world-state';

/** Shebang flags (scripts_flags_def in script.c). */
export const SCRIPT_FLAG_NO_WRITES = 1;
export const SCRIPT_FLAG_ALLOW_OOM = 2;
export const SCRIPT_FLAG_ALLOW_STALE = 4;
export const SCRIPT_FLAG_NO_CLUSTER = 8;
/** No shebang: EVAL's backward compatible mode. */
export const SCRIPT_FLAG_EVAL_COMPAT_MODE = 16;
export const SCRIPT_FLAG_ALLOW_CROSS_SLOT = 32;

const FLAG_NAMES: [string, number][] = [
  ['no-writes', SCRIPT_FLAG_NO_WRITES],
  ['allow-oom', SCRIPT_FLAG_ALLOW_OOM],
  ['allow-stale', SCRIPT_FLAG_ALLOW_STALE],
  ['no-cluster', SCRIPT_FLAG_NO_CLUSTER],
  ['allow-cross-slot-keys', SCRIPT_FLAG_ALLOW_CROSS_SLOT],
];

/** PROPAGATE_AOF / PROPAGATE_REPL (redis.set_repl). */
export const PROPAGATE_AOF = 1;
export const PROPAGATE_REPL = 2;

export interface CachedScript {
  body: string;
  flags: number;
}

export interface ScriptingState {
  /** The process life this state belongs to: a restarted node starts with an empty cache. */
  epoch: number;
  /** server.lua_scripts: sha1 (lower case) -> script, in load order. */
  scripts: Record<string, CachedScript>;
  /** rand.c's 48-bit generator state (x), shared by every script of the process. */
  rand: number;
  /** Counter for RunningScript.id. */
  nextRun: number;
  running: RunningScript | null;
}

/**
 * A script that did not end within its first slice of virtual time. While
 * `timedOut` is false the node does nothing else (its events wait in
 * `held`); once the script ran for busy-reply-threshold ms it is timed out:
 * the node answers other clients (BUSY, or the few commands allowed) and the
 * script goes on one virtual ms per scheduler event until it ends or SCRIPT
 * KILL stops it.
 */
export interface RunningScript {
  id: number;
  /** The client that sent EVAL (it is blocked until the script ends). */
  clientId: number;
  sha: string;
  /** The script body as compiled (a shebang line is blanked, keeping line numbers). */
  code: string;
  keys: string[];
  args: string[];
  /** SCRIPT_READ_ONLY: EVAL_RO or a no-writes script. */
  readOnly: boolean;
  /** The fake client redis.call runs commands with (its db, the commands' propagation). */
  luaClient: ClientState;
  startMs: number;
  /** Virtual ms of Lua execution so far (count-hook calls). */
  hooks: number;
  timedOut: boolean;
  killed: boolean;
  /** SCRIPT_WRITE_DIRTY: a write command ran, SCRIPT KILL is refused. */
  writeDirty: boolean;
  /** redis.set_repl flags. */
  replFlags: number;
  /** redis.setresp. */
  resp: number;
  /** The PRNG when the script started and now. */
  randStart: number;
  rand: number;
  /** What every redis.call / redis.pcall answered, in order: a restored VM replays them. */
  calls: Reply[];
  /** The script's effects (also_propagate), sent when it ends. */
  ops: PropOp[];
  /** The reply, once the script ended (its end event delivers it). */
  result: Reply | null;
  /** Commands that wait for the script (sent before it timed out), in order. */
  heldClients: { client: number; argv: string[] }[];
  /** Node events that wait for the script: timers, and the master's stream on a replica. */
  held: SimEvent[];
}

/** The node's scripting state for its current process life. */
export function scriptingOf(node: NodeState): ScriptingState {
  let s = node.scripting;
  if (!s || s.epoch !== node.epoch) {
    s = { epoch: node.epoch, scripts: {}, rand: RAND_SEED0, nextRun: 1, running: null };
    node.scripting = s;
  }
  return s;
}

/** The script running on the node now, if any (a crashed process's script is gone). */
export function runningScript(node: NodeState): RunningScript | null {
  const s = node.scripting;
  return s && s.epoch === node.epoch ? s.running : null;
}

// ---------------------------------------------------------------------------
// rand.c: the drand48 generator Redis ships so math.random gives the same
// sequence on every platform. x = (a*x + c) mod 2^48 with a = 0x5DEECE66D.

const RAND_SEED0 = 0x1234abcd330e;
const RAND_A = 0x5deece66dn;
const RAND_MASK = (1n << 48n) - 1n;
export const REDIS_LRAND48_MAX = 2147483647;

/** redisLrand48: the next 31-bit value and the new state. */
export function lrand48(x: number): { value: number; next: number } {
  const nx = (RAND_A * BigInt(x) + 0xbn) & RAND_MASK;
  return { value: Number(nx >> 17n), next: Number(nx) };
}

/** redisSrand48(seed): the state for an int32 seed. */
export function srand48(seed: number): number {
  const s = seed | 0;
  const low = s & 0xffff;
  const high = (s >>> 16) & 0xffff;
  return high * 2 ** 32 + low * 2 ** 16 + 0x330e;
}

// ---------------------------------------------------------------------------
// evalExtractShebangFlags (eval.c).

export interface Shebang {
  flags: number;
  /** Length of the shebang line (without its newline), 0 when none. */
  length: number;
}

/** sdssplitargs for a shebang line: spaces separate words, quotes are honoured. */
function splitWords(line: string): string[] | null {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    let w = '';
    if (line[i] === '"' || line[i] === "'") {
      const q = line[i++];
      while (i < line.length && line[i] !== q) w += line[i++];
      if (i >= line.length) return null;
      i++;
    } else {
      while (i < line.length && !/\s/.test(line[i])) w += line[i++];
    }
    words.push(w);
  }
  return words;
}

export function parseShebang(body: string): Shebang | { error: string } {
  if (!body.startsWith('#!')) return { flags: SCRIPT_FLAG_EVAL_COMPAT_MODE, length: 0 };
  const end = body.indexOf('\n');
  if (end < 0) return { error: 'ERR Invalid script shebang' };
  const parts = splitWords(body.slice(0, end));
  if (!parts || parts.length === 0) return { error: 'ERR Invalid engine in script shebang' };
  if (parts[0] !== '#!lua') return { error: `ERR Unexpected engine in script shebang: ${parts[0]}` };
  let flags = 0;
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return { error: `ERR Unknown lua shebang option: ${part}` };
    for (const name of part.slice(6).split(',')) {
      const f = FLAG_NAMES.find(([n]) => n === name);
      if (!f) return { error: `ERR Unexpected flag in script shebang: ${name}` };
      flags |= f[1];
    }
  }
  return { flags, length: end };
}

// ---------------------------------------------------------------------------
// Command flags Redis 7.0.15 gives in its command table (src/commands/*.json)
// that only scripting needs; kept here by name rather than on every spec.

/** CMD_ALLOW_BUSY: answered while a script is timed out. */
export const ALLOW_BUSY: ReadonlySet<string> = new Set(['auth', 'discard', 'function|kill', 'function|stats', 'hello', 'multi', 'quit', 'replconf', 'reset', 'script|kill', 'shutdown', 'unwatch', 'watch']);

/** CMD_NOSCRIPT: refused by redis.call ("This Redis command is not allowed from script"). */
export const NOSCRIPT: ReadonlySet<string> = new Set(
  (
    'acl|cat acl|deluser acl|dryrun acl|genpass acl|getuser acl|list acl|load acl|log acl|save acl|setuser acl|users acl|whoami auth bgrewriteaof bgsave ' +
    'blmove blpop brpop brpoplpush bzpopmax bzpopmin client|caching client|getname client|getredir client|id client|info client|kill client|list ' +
    'client|no-evict client|pause client|reply client|setname client|tracking client|trackinginfo client|unblock client|unpause cluster|reset config|get ' +
    'config|resetstat config|rewrite config|set debug discard eval eval_ro evalsha evalsha_ro exec failover fcall fcall_ro function|delete function|dump ' +
    'function|flush function|kill function|list function|load function|restore function|stats hello latency|doctor latency|graph latency|histogram ' +
    'latency|history latency|latest latency|reset module|list module|load module|loadex module|unload monitor multi psubscribe psync punsubscribe quit ' +
    'replconf replicaof reset role save script|debug script|exists script|flush script|kill script|load shutdown slaveof ssubscribe subscribe ' +
    'sunsubscribe sync unsubscribe unwatch wait watch'
  ).split(' '),
);

/** shared.slowevalerr */
export const BUSY_EVAL = 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';
