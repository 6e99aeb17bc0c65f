// processCommand and call(): how a Redis 7.0 node takes one command from a
// client — lookup, arity, transaction queueing, the write gates in Redis'
// order (NOREPLICAS, READONLY, MASTERDOWN), the FAILOVER write pause — and
// how what it changed is propagated (also_propagate, wrapped in MULTI/EXEC
// when one call produced more than one op).

import { BLOCKED, type CommandSpec, type HandlerResult } from '../commands/types';
import { E, QUEUED, type Reply, err, toResp2 } from '../resp/reply';
import type { WorldState } from '../world-state';
import { type CallFrame, type CommandFrame, isReplica, makeExec, writesPaused } from './exec';
import { handleClientsBlockedOnKeys } from './blocking';
import { touchWatchedKey, unwatchAll } from './clients';
import { scriptBusyError, scriptHoldsCommand } from '../scripting/run';
import type { ClientState, CommandStat, NodeState } from './types';

/** Hooks the dispatcher needs from other layers (set once by world.ts, never part of the state). */
export interface DispatchHooks {
  lookup(node: NodeState, name: string): CommandSpec | undefined;
  isContainer(node: NodeState, name: string): boolean;
  /** propagateNow: feed one op into the replication stream (and AOF). */
  propagate(w: WorldState, node: NodeState, dbid: number, argv: string[]): void;
  /** Deliver a reply to the client (its reply list, or its connection). */
  reply(w: WorldState, node: NodeState, client: ClientState, r: Reply): void;
  goodReplicasOk(node: NodeState): boolean;
}

let hooks: DispatchHooks | null = null;

export function setDispatchHooks(h: DispatchHooks): void {
  hooks = h;
}

function H(): DispatchHooks {
  if (!hooks) throw new Error('dispatch hooks not installed');
  return hooks;
}

/** The command spec for argv, descending into a container's subcommand. */
/** Command names as typed -> lower case (clients repeat the same few spellings). */
const lowerNames = new Map<string, string>();
function lowerName(name: string): string {
  let l = lowerNames.get(name);
  if (l === undefined) {
    l = name.toLowerCase();
    if (lowerNames.size < 4096) lowerNames.set(name, l);
  }
  return l;
}

export function resolveCommand(node: NodeState, argv: string[]): CommandSpec | undefined {
  const top = H().lookup(node, lowerName(argv[0]));
  if (!top) return undefined;
  if (top.subcommands) {
    if (argv.length < 2) return top;
    return top.subcommands[argv[1].toLowerCase()];
  }
  return top;
}

function fullName(node: NodeState, argv: string[], spec: CommandSpec): string {
  const top = H().lookup(node, argv[0].toLowerCase());
  if (top?.subcommands && top !== spec) return `${top.name}|${spec.name}`;
  return spec.name;
}

function unknownCommandError(node: NodeState, argv: string[]): string {
  if (argv.length >= 2 && H().isContainer(node, argv[0].toLowerCase())) {
    return `ERR unknown subcommand '${argv[1].slice(0, 128)}'. Try ${argv[0].toUpperCase()} HELP.`;
  }
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) args += `'${argv[i].slice(0, 128 - args.length)}' `;
  return `ERR unknown command '${argv[0].slice(0, 128)}', with args beginning with: ${args}`;
}

/** The commands a RESP2 client in Pub/Sub mode may run. */
const PUBSUB_CONTEXT = new Set(['ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset']);

function arityOk(spec: CommandSpec, argc: number): boolean {
  return spec.arity > 0 ? spec.arity === argc : argc >= -spec.arity;
}

function noNewlines(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

/** Flags of EXEC are those of the queued commands (mstate.cmd_flags / cmd_inv_flags). */
function execFlags(node: NodeState, client: ClientState): { write: boolean; allStale: boolean; mayReplicate: boolean } {
  let write = false;
  let allStale = true;
  let mayReplicate = false;
  for (const argv of client.multi ?? []) {
    const s = resolveCommand(node, argv);
    if (!s) continue;
    const f = s.flagsFor ? s.flagsFor(node, argv) : s.flags;
    if (f.write) write = true;
    if (f.mayReplicate) mayReplicate = true;
    if (!f.stale) allStale = false;
  }
  return { write, allStale, mayReplicate };
}

function reject(w: WorldState, node: NodeState, client: ClientState, argv: string[], text: string): void {
  if (client.multi) client.multiDirty = true;
  if (argv.length > 0 && lowerName(argv[0]) === 'exec') {
    // execCommandAbort: a refused EXEC discards the transaction and says why
    // (formatted reasons carry no "ERR ", shared error objects keep their code).
    client.multi = null;
    client.multiDirty = false;
    unwatchAll(node, client);
    text = `EXECABORT Transaction discarded because of: ${text.startsWith('ERR ') ? text.slice(4) : text}`;
  }
  node.stats.totalErrorReplies++;
  countError(node, text);
  const spec = argv.length > 0 ? resolveCommand(node, argv) : undefined;
  if (spec && !(spec.subcommands && argv.length < 2)) commandStat(node, fullName(node, argv, spec)).rejected++;
  if (w.traceOn) w.trace.push({ t: 'rejected', node: node.name, client: client.id, argv, error: text, atMs: w.nowMs });
  H().reply(w, node, client, err(text));
}

/**
 * processCommand. Returns false when the client got blocked (WAIT, or a
 * write held by a FAILOVER pause) and will be answered later.
 */
export function processCommand(w: WorldState, node: NodeState, client: ClientState, argv: string[]): boolean {
  const done = processCommandInner(w, node, client, argv);
  // resetClient: CLIENT REPLY SKIP silences the reply of the command after it only.
  if (done && (client.replyMode === 'skip' || client.replySkipNext)) {
    client.replyMode = client.replySkipNext ? 'skip' : undefined;
    client.replySkipNext = undefined;
  }
  return done;
}

function processCommandInner(w: WorldState, node: NodeState, client: ClientState, argv: string[]): boolean {
  const h = H();
  if (argv.length === 0) return true;
  // A script that has not timed out yet holds every command until it ends or times out.
  if (node.scripting && scriptHoldsCommand(node, client, argv)) return false;
  const spec = resolveCommand(node, argv);
  if (!spec || (spec.subcommands && argv.length < 2 && !spec.handler)) {
    if (spec?.subcommands) {
      reject(w, node, client, argv, noNewlines(E.arity(spec.name)));
      return true;
    }
    reject(w, node, client, argv, noNewlines(unknownCommandError(node, argv)));
    return true;
  }
  if (!arityOk(spec, argv.length)) {
    reject(w, node, client, argv, E.arity(fullName(node, argv, spec)));
    return true;
  }
  if (node.config.requirepass && !client.authenticated && !spec.flags.noAuth) {
    reject(w, node, client, argv, 'NOAUTH Authentication required.');
    return true;
  }
  const isExec = spec.name === 'exec';
  const ef = isExec && client.multi ? execFlags(node, client) : null;
  // getCommandFlags: EVAL's flags come from the script's shebang.
  const flags = spec.flagsFor ? spec.flagsFor(node, argv) : spec.flags;
  const isWrite = !!flags.write || !!ef?.write;
  const mayReplicate = isWrite || !!flags.mayReplicate || !!ef?.mayReplicate;
  const denyStale = !flags.stale || (ef !== null && !ef.allStale);
  const obey = client.kind === 'master';

  if (client.multi && spec.flags.noMulti) {
    reject(w, node, client, argv, 'ERR Command not allowed inside a transaction');
    return true;
  }
  if (!obey) {
    if (isWrite && !h.goodReplicasOk(node)) {
      reject(w, node, client, argv, E.noreplicas);
      return true;
    }
    if (isReplica(node) && node.config['replica-read-only'] === 'yes' && isWrite) {
      reject(w, node, client, argv, E.readonly);
      return true;
    }
    // A RESP2 client with subscriptions may only run the Pub/Sub commands (RESP3 has no limits).
    if (client.resp !== 3 && (client.subs?.length || client.psubs?.length) && !PUBSUB_CONTEXT.has(spec.name)) {
      reject(w, node, client, argv, `ERR Can't execute '${fullName(node, argv, spec)}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
      return true;
    }
    if (isReplica(node) && node.repl.linkState !== 'connected' && node.config['replica-serve-stale-data'] === 'no' && denyStale) {
      reject(w, node, client, argv, E.masterdown);
      return true;
    }
  }
  if (node.scripting) {
    const busy = scriptBusyError(node, spec, argv);
    if (busy) {
      reject(w, node, client, argv, busy);
      return true;
    }
  }
  if (client.kind === 'replica' && isWrite) {
    reject(w, node, client, argv, "ERR Replica can't interact with the keyspace");
    return true;
  }
  if (client.kind === 'normal' && writesPaused(node) && mayReplicate) {
    client.blocked = { t: 'paused', argv };
    return false;
  }
  const queueable = !(isExec || spec.name === 'discard' || spec.name === 'multi' || spec.name === 'watch' || spec.name === 'quit' || spec.name === 'reset');
  if (client.multi && queueable) {
    client.multi.push(argv);
    h.reply(w, node, client, QUEUED);
    return true;
  }
  const frame: CallFrame = { ops: [] };
  const result = call(w, node, client, spec, argv, frame);
  propagatePending(w, node, frame, !!spec.flags.touchesArbitraryKeys);
  // c->woff = master_repl_offset after call(); a blocked WAIT set it itself, before its GETACK (sent in beforeSleep in Redis).
  if (!(result === BLOCKED && client.blocked?.t === 'wait')) client.woff = node.repl.offset;
  if (result !== BLOCKED) replyTo(w, node, client, result);
  // Clients blocked on keys this command (or EXEC) gave data to are served now.
  if (node.readyKeys?.length) handleClientsBlockedOnKeys(w, node);
  return result !== BLOCKED;
}

/** Answer a client outside its own command (a blocked client served, timed out or unblocked). */
export function deliverToClient(w: WorldState, node: NodeState, client: ClientState, r: Reply): void {
  replyTo(w, node, client, r);
}

/** A reply leaves the engine: a RESP2 client (all but those that said HELLO 3) gets the RESP3 kinds converted. */
function replyTo(w: WorldState, node: NodeState, client: ClientState, r: Reply): void {
  // CLIENT REPLY OFF / SKIP: nothing is sent but pushes (prepareClientToWrite lets CLIENT_PUSHING through).
  if (client.replyMode && r.t !== 'push') return;
  H().reply(w, node, client, client.resp === 3 ? r : toResp2(r));
}

let activeFrame: CallFrame | null = null;

/** The propagation frame of the command running now (EXEC runs its queue inside it). */
export function activeCallFrame(): CallFrame | null {
  return activeFrame;
}

/**
 * call(): run the handler, then queue the command for propagation if it
 * changed the dataset. `preventOwn`: the command itself is not propagated
 * (a script's redis.set_repl without REPL_REPLICA), what it also propagates is.
 */
export function call(w: WorldState, node: NodeState, client: ClientState, spec: CommandSpec, argv: string[], frame: CallFrame, preventOwn = false): HandlerResult {
  const cmd: CommandFrame = { writeKeys: [], rewritten: null, force: false, prevent: preventOwn };
  const x = makeExec(w, node, client, argv, frame, cmd);
  const dirtyBefore = node.dirty;
  node.stats.totalCommandsProcessed++;
  if (!spec.handler) return err(E.syntax);
  const outer = activeFrame;
  activeFrame = frame;
  let result: HandlerResult;
  try {
    result = spec.handler(x);
  } finally {
    activeFrame = outer;
  }
  const dirty = node.dirty - dirtyBefore;
  if (node.watchCount && dirty > 0) {
    for (const [d, k] of cmd.writeKeys) touchWatchedKey(node, d, k);
  }
  // EXEC is never propagated itself: its commands are, wrapped when more than one.
  if ((dirty > 0 || cmd.force) && !cmd.prevent && spec.name !== 'exec') frame.ops.push({ dbid: client.dbIndex, argv: cmd.rewritten ?? argv });
  if (result !== BLOCKED) {
    const st = commandStat(node, fullName(node, argv, spec));
    st.calls++;
    if (result.t === 'error') {
      node.stats.totalErrorReplies++;
      countError(node, result.s);
      st.failed++;
    }
  }
  return result;
}

/** The INFO commandstats counters of a command (by its full name). */
function commandStat(node: NodeState, name: string): CommandStat {
  node.stats.commands ??= {};
  let st = node.stats.commands[name];
  if (!st) {
    st = { calls: 0, rejected: 0, failed: 0 };
    node.stats.commands[name] = st;
  }
  return st;
}

/** incrementErrorCount: INFO errorstats counts error replies by their code (the first word, `ERR` when there is none). */
export function countError(node: NodeState, text: string): void {
  const space = text.slice(0, 32).indexOf(' ');
  const code = space > 0 ? text.slice(0, space) : 'ERR';
  node.stats.errors ??= {};
  node.stats.errors[code] = (node.stats.errors[code] ?? 0) + 1;
}

/** propagatePendingCommands: more than one op from one call goes out as MULTI ... EXEC. */
export function propagatePending(w: WorldState, node: NodeState, frame: CallFrame, noTransaction = false): void {
  const ops = frame.ops;
  if (ops.length === 0) return;
  const h = H();
  const wrap = ops.length > 1 && !noTransaction;
  if (wrap) h.propagate(w, node, ops[0].dbid, ['MULTI']);
  for (const op of ops) h.propagate(w, node, op.dbid, op.argv);
  if (wrap) h.propagate(w, node, ops[ops.length - 1].dbid, ['EXEC']);
  frame.ops = [];
}
