// Running a script on a node (eval.c evalGenericCommand, script.c), in
// virtual time.
//
// Time: Lua instructions are counted by a count hook every
// HOOK_INSTRUCTIONS (10,000) instructions, and each hook call is one
// virtual millisecond of script time (10 million instructions per virtual
// second, some ten times slower than Redis' Lua on a current CPU). A script
// that ends before its first hook takes no virtual time, like every other
// command. A longer one holds the node:
// - for its first busy-reply-threshold (lua-time-limit) ms the node does
//   nothing else: commands, timers and the master's stream wait;
// - then the script is timed out: waiting commands are answered (BUSY, or
//   run when the command is allowed during a busy script: SCRIPT KILL,
//   MULTI, WATCH...), and the script goes on one virtual ms per scheduler
//   event, the coroutine yielding from the count hook between events;
// - when it ends, the caller gets its reply, its effects are propagated
//   (wrapped in MULTI/EXEC when more than one), and what waited runs.
// A script inside MULTI/EXEC runs to its end at once (EXEC cannot pause);
// if it would time out there it is killed as SCRIPT KILL would, or, once it
// wrote, after a hard cap of SYNC_CAP_MS.
//
// Snapshots: the running VM is not state. The state keeps what rebuilds it
// (the code, KEYS/ARGV, the PRNG at the start, and every redis.call's reply);
// a world restored from a snapshot replays the script in a fresh VM, with
// redis.call answering from that record instead of the dataset, up to the
// same count of hooks, then goes on live. Lua runs deterministically, so the
// replayed VM is where the original was.

import type { CommandFlags, CommandSpec, Exec, HandlerResult } from '../commands/types';
import { BLOCKED } from '../commands/types';
import { E, type Reply, bulk, err } from '../resp/reply';
import { receiverOf } from '../net/network';
import { goodReplicasOk } from '../replication/master';
import { call, deliverToClient, processCommand, propagatePending, resolveCommand } from '../server/dispatch';
import { isReplica } from '../server/exec';
import type { ClientState, NodeState } from '../server/types';
import { heapPush } from '../sim/scheduler';
import type { SimEvent, WorldState } from '../world-state';
import {
  ALLOW_BUSY,
  BUSY_EVAL,
  NOSCRIPT,
  PROPAGATE_AOF,
  PROPAGATE_REPL,
  type RunningScript,
  SCRIPT_FLAG_ALLOW_STALE,
  SCRIPT_FLAG_EVAL_COMPAT_MODE,
  SCRIPT_FLAG_NO_WRITES,
  type ScriptingState,
  lrand48,
  parseShebang,
  runningScript,
  scriptingOf,
  srand48,
} from './state';
import { sha1hex } from './text';
import { type HookAction, LuaScript, type ScriptHost, compileError } from './vm';

/** A script in MULTI/EXEC that already wrote is stopped after this much virtual time. */
const SYNC_CAP_MS = 60_000;
/** With busy-reply-threshold 0 (never time out), virtual ms run per scheduler event. */
const UNTIMED_SLICE_MS = 100;
const CRON_PERIOD_MS = 100;

/** The live VM of a running script (not state: see the header). */
interface Live {
  vm: LuaScript;
  /** Hooks still to replay before the VM is where the state says it is (0: live). */
  replayTo: number;
  replayHooks: number;
  replayCall: number;
  /** The count of hooks at which the VM pauses next (Infinity: never). */
  pauseAt: number;
  /** Inside MULTI/EXEC: runs to the end. */
  sync: boolean;
}

const lives = new WeakMap<RunningScript, Live>();

/** How the world dispatches an event (installed by world.ts): held events are dispatched again when the script ends. */
let dispatchEvent: ((w: WorldState, ev: SimEvent) => void) | null = null;

export function setScriptEventDispatcher(f: (w: WorldState, ev: SimEvent) => void): void {
  dispatchEvent = f;
}

// ---------------------------------------------------------------------------
// The script cache.

function busyThreshold(node: NodeState): number {
  const v = Number(node.config['busy-reply-threshold'] ?? node.config['lua-time-limit'] ?? 5000);
  return Number.isFinite(v) ? v : 5000;
}

/** luaCreateFunction: the script's sha, or the error reply (bad shebang, does not compile). */
export function createScript(sc: ScriptingState, body: string): { sha: string } | { error: Reply } {
  const sha = sha1hex(body);
  if (sc.scripts[sha]) return { sha };
  const sb = parseShebang(body);
  if ('error' in sb) return { error: err(sb.error) };
  const compile = compileError(body.slice(sb.length));
  if (compile !== null) return { error: err(`ERR Error compiling script (new function): ${compile}`.replace(/[\r\n]/g, ' ')) };
  sc.scripts[sha] = { body, flags: sb.flags };
  return { sha };
}

/** evalGetCommandFlags: a script with a shebang declares whether it writes (and may run on a stale replica). */
export function evalCommandFlags(node: NodeState, argv: string[], base: CommandFlags): CommandFlags {
  if (argv.length < 2) return base;
  const evalsha = argv[0].toLowerCase().startsWith('evalsha');
  if (evalsha && argv[1].length !== 40) return base;
  const sc = scriptingOf(node);
  const sha = evalsha ? argv[1].toLowerCase() : sha1hex(argv[1]);
  let flags: number;
  const cached = sc.scripts[sha];
  if (cached) flags = cached.flags;
  else {
    if (evalsha) return base;
    const sb = parseShebang(argv[1]);
    if ('error' in sb) return base;
    flags = sb.flags;
  }
  if (flags & SCRIPT_FLAG_EVAL_COMPAT_MODE) return base;
  return { ...base, write: !(flags & SCRIPT_FLAG_NO_WRITES), stale: !!(flags & SCRIPT_FLAG_ALLOW_STALE), mayReplicate: false };
}

// ---------------------------------------------------------------------------
// EVAL / EVALSHA / EVAL_RO / EVALSHA_RO.

function parseNumKeys(s: string): number | null {
  if (!/^-?(0|[1-9][0-9]{0,18})$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function runningStale(node: NodeState): boolean {
  return isReplica(node) && node.repl.linkState !== 'connected' && node.config['replica-serve-stale-data'] === 'no';
}

export function evalCommand(x: Exec, evalsha: boolean, ro: boolean): HandlerResult {
  const { node, argv } = x;
  if (evalsha && argv[1].length !== 40) return err('NOSCRIPT No matching script. Please use EVAL.');
  const numkeys = parseNumKeys(argv[2]);
  if (numkeys === null) return err(E.notInt);
  if (numkeys > argv.length - 3) return err("ERR Number of keys can't be greater than number of args");
  if (numkeys < 0) return err("ERR Number of keys can't be negative");
  const sc = scriptingOf(node);
  let sha: string;
  if (evalsha) {
    sha = argv[1].toLowerCase();
    if (!sc.scripts[sha]) return err('NOSCRIPT No matching script. Please use EVAL.');
  } else {
    const made = createScript(sc, argv[1]);
    if ('error' in made) return made.error;
    sha = made.sha;
  }
  const script = sc.scripts[sha];
  const flags = script.flags;
  const compat = (flags & SCRIPT_FLAG_EVAL_COMPAT_MODE) !== 0;
  const obey = x.client.kind === 'master';

  // scriptPrepareForRun
  if (!compat) {
    if (runningStale(node) && !(flags & SCRIPT_FLAG_ALLOW_STALE)) {
      return err("MASTERDOWN Link with MASTER is down, replica-serve-stale-data is set to 'no' and 'allow-stale' flag is not set on the script.");
    }
    if (!(flags & SCRIPT_FLAG_NO_WRITES)) {
      if (isReplica(node) && node.config['replica-read-only'] === 'yes' && !obey) return err('READONLY Can not run script with write flag on readonly replica');
      if (ro) return err('ERR Can not execute a script with write flag using *_ro command.');
      if (!goodReplicasOk(node)) return err(E.noreplicas);
    }
  } else if (runningStale(node)) {
    return err(E.masterdown);
  }
  // The script's effects are propagated, never EVAL itself.
  x.preventPropagation();

  const luaClient: ClientState = {
    id: -1,
    kind: 'normal',
    dbIndex: x.client.dbIndex,
    name: '',
    // CLIENT_DENY_BLOCKING: blocking commands answer at once, as inside a transaction.
    multi: [],
    multiDirty: false,
    woff: 0,
    blocked: null,
    replies: [],
    conn: 0,
    authenticated: true,
    watched: [],
    casDirty: false,
    peer: null,
    script: true,
  };
  const run: RunningScript = {
    id: sc.nextRun++,
    clientId: x.client.id,
    sha,
    code: script.body.slice(compat ? 0 : (parseShebang(script.body) as { length: number }).length),
    keys: argv.slice(3, 3 + numkeys),
    args: argv.slice(3 + numkeys),
    readOnly: ro || (!compat && (flags & SCRIPT_FLAG_NO_WRITES) !== 0),
    luaClient,
    startMs: x.nowMs,
    hooks: 0,
    timedOut: false,
    killed: false,
    writeDirty: false,
    replFlags: PROPAGATE_AOF | PROPAGATE_REPL,
    resp: 2,
    randStart: sc.rand,
    rand: sc.rand,
    calls: [],
    ops: [],
    result: null,
    heldClients: [],
    held: [],
  };
  const threshold = busyThreshold(node);
  // EXEC runs its queue in one go; the master's stream is applied as it comes.
  const sync = x.client.multi !== null || obey;
  const live = startVm(x.world, node, run, sync);
  live.pauseAt = sync ? Number.POSITIVE_INFINITY : threshold > 0 ? threshold : UNTIMED_SLICE_MS;
  const res = live.vm.resume();
  if (res.done && (run.hooks === 0 || sync)) {
    // Ended within its first virtual ms (or inside EXEC): an ordinary command.
    sc.rand = run.rand;
    lives.delete(run);
    for (const op of run.ops) x.alsoPropagate(op.argv, op.dbid);
    return res.reply;
  }
  // The script holds the node from now on.
  sc.running = run;
  x.client.blocked = { t: 'script' };
  if (res.done) {
    run.result = res.reply;
    lives.delete(run);
  }
  const at = res.done ? run.hooks : Math.max(run.hooks, threshold);
  heapPush(x.world.heap, run.startMs + Math.max(1, at), { t: 'script', node: node.name, epoch: node.epoch, run: run.id });
  return BLOCKED;
}

// ---------------------------------------------------------------------------
// The VM and what it asks of the node.

function startVm(w: WorldState, node: NodeState, run: RunningScript, sync: boolean): Live {
  const live: Live = { vm: null as unknown as LuaScript, replayTo: 0, replayHooks: 0, replayCall: 0, pauseAt: 0, sync };
  const host: ScriptHost = {
    call: (argv) => {
      if (live.replayTo > 0) return run.calls[live.replayCall++] ?? err('ERR Replica Lab: replay ran past its record');
      const r = scriptCall(w, node, run, argv);
      if (!live.sync) run.calls.push(r);
      return r;
    },
    knows: (argv) => resolveCommand(node, argv) !== undefined,
    setRepl: (flags) => {
      run.replFlags = flags;
    },
    setResp: (resp) => {
      run.resp = resp;
    },
    resp: () => run.resp,
    random: () => {
      const r = lrand48(run.rand);
      run.rand = r.next;
      return r.value;
    },
    seedRandom: (seed) => {
      run.rand = srand48(seed);
    },
    hook: (): HookAction => {
      if (live.replayTo > 0) {
        live.replayHooks++;
        return live.replayHooks >= live.replayTo ? 'pause' : 'run';
      }
      run.hooks++;
      if (run.killed) return 'kill';
      if (live.sync) {
        const threshold = busyThreshold(node);
        if (threshold > 0 && run.hooks >= threshold && (!run.writeDirty || run.hooks >= SYNC_CAP_MS)) return 'kill';
        return 'run';
      }
      return run.hooks >= live.pauseAt ? 'pause' : 'run';
    },
  };
  live.vm = new LuaScript(run.code, run.keys, run.args, run.sha, host);
  lives.set(run, live);
  return live;
}

/** The VM of a running script: the live one, or one rebuilt by replaying the record (after a snapshot restore). */
function liveVm(w: WorldState, node: NodeState, run: RunningScript): Live {
  const have = lives.get(run);
  if (have) return have;
  const rand = run.rand;
  run.rand = run.randStart;
  const live = startVm(w, node, run, false);
  if (run.hooks > 0) {
    live.replayTo = run.hooks;
    live.vm.resume();
  }
  live.replayTo = 0;
  run.rand = rand;
  return live;
}

/** scriptCall (script.c): the checks Redis makes on a command from a script, then call(). */
function scriptCall(w: WorldState, node: NodeState, run: RunningScript, argv: string[]): Reply {
  const spec = resolveCommand(node, argv);
  if (!spec) return err('ERR Unknown Redis command called from script');
  if (spec.arity > 0 ? spec.arity !== argv.length : argv.length < -spec.arity) return err('ERR Wrong number of args calling Redis command from script');
  const top = argv[0].toLowerCase();
  const full = spec.name === top ? top : `${top}|${spec.name}`;
  if (NOSCRIPT.has(full) || NOSCRIPT.has(top)) return err('ERR This Redis command is not allowed from script');
  const flags = spec.flags;
  if (runningStale(node) && !flags.stale) return err('ERR Can not execute the command on a stale replica');
  if (run.readOnly && (flags.write || flags.mayReplicate)) return err('ERR Write commands are not allowed from read-only scripts.');
  if (flags.write && !run.writeDirty) {
    if (isReplica(node) && node.config['replica-read-only'] === 'yes') return err(E.readonly);
    if (!goodReplicasOk(node)) return err(E.noreplicas);
  }
  if (flags.write) run.writeDirty = true;
  const frame = { ops: run.ops };
  // redis.setresp(3): the script's client speaks RESP3, so commands answer with RESP3 structures.
  run.luaClient.resp = run.resp === 3 ? 3 : undefined;
  const r = call(w, node, run.luaClient, spec, argv, frame, (run.replFlags & PROPAGATE_REPL) === 0);
  run.ops = frame.ops;
  return r === BLOCKED ? bulk(null) : r;
}

// ---------------------------------------------------------------------------
// The script across virtual time.

function liveNode(w: WorldState, name: string, epoch: number): NodeState | null {
  const n = w.nodes[name];
  return n?.up && n.epoch === epoch ? n : null;
}

/** A 'script' event: the script's end, its time-out, or one more virtual ms of it. */
function onScriptEvent(w: WorldState, ev: Extract<SimEvent, { t: 'script' }>): void {
  const node = liveNode(w, ev.node, ev.epoch);
  if (!node) return;
  const run = runningScript(node);
  if (!run || run.id !== ev.run) return;
  if (run.result) {
    finish(w, node, run, run.result);
    return;
  }
  const threshold = busyThreshold(node);
  if (!run.timedOut && threshold > 0) {
    // enterScriptTimedoutMode: from now on other clients are answered.
    run.timedOut = true;
    releaseClients(w, node, run);
    if (runningScript(node) !== run) return;
  }
  const live = liveVm(w, node, run);
  const before = run.hooks;
  live.pauseAt = run.hooks + (run.timedOut ? 1 : UNTIMED_SLICE_MS);
  const res = live.vm.resume();
  if (res.done) {
    finish(w, node, run, res.reply);
    return;
  }
  heapPush(w.heap, w.nowMs + Math.max(1, run.hooks - before), ev);
}

/** The script ended: reply, propagate its effects, and let what waited run. */
function finish(w: WorldState, node: NodeState, run: RunningScript, reply: Reply): void {
  const sc = scriptingOf(node);
  sc.rand = run.rand;
  sc.running = null;
  lives.delete(run);
  propagatePending(w, node, { ops: run.ops });
  const c = node.clients[run.clientId];
  if (c) {
    if (c.blocked?.t === 'script') c.blocked = null;
    c.woff = node.repl.offset;
    if (reply.t === 'error') node.stats.totalErrorReplies++;
    deliverToClient(w, node, c, reply);
  }
  releaseClients(w, node, run);
  const held = run.held;
  run.held = [];
  for (const ev of held) dispatchEvent?.(w, ev);
}

function releaseClients(w: WorldState, node: NodeState, run: RunningScript): void {
  while (run.heldClients.length > 0) {
    const h = run.heldClients.shift();
    if (!h) break;
    const c = node.clients[h.client];
    if (!c) continue;
    if (c.blocked?.t === 'postponed') c.blocked = null;
    processCommand(w, node, c, h.argv);
  }
}

// ---------------------------------------------------------------------------
// Gates the dispatcher and the event loop pass through.

/** processCommand, first thing: while a script runs and is not timed out yet, commands wait. */
export function scriptHoldsCommand(node: NodeState, client: ClientState, argv: string[]): boolean {
  const run = runningScript(node);
  if (!run || run.timedOut || client.kind === 'master') return false;
  run.heldClients.push({ client: client.id, argv });
  if (!client.blocked) client.blocked = { t: 'postponed' };
  return true;
}

/** processCommand: the BUSY refusal for a command not allowed during a timed-out script (CMD_ALLOW_BUSY). */
export function scriptBusyError(node: NodeState, spec: CommandSpec, argv: string[]): string | null {
  const run = runningScript(node);
  if (!run?.timedOut) return null;
  const top = argv[0].toLowerCase();
  const full = spec.name === top ? top : `${top}|${spec.name}`;
  return ALLOW_BUSY.has(full) ? null : BUSY_EVAL;
}

/** The event loop, before every event: a running script holds the node's timers and the master's stream. */
export function scriptEventGate(w: WorldState, ev: SimEvent): boolean {
  switch (ev.t) {
    case 'script':
      onScriptEvent(w, ev);
      return true;
    case 'cron': {
      const n = liveNode(w, ev.node, ev.epoch);
      if (!n || n.sentinel || !runningScript(n)) return false;
      // serverCron does not run during a script; whileBlockedCron only counts its loops.
      n.cronloops++;
      heapPush(w.heap, w.nowMs + CRON_PERIOD_MS, ev);
      return true;
    }
    case 'bgsave-done':
    case 'wait-timeout':
    case 'block-timeout':
    case 'failover-timeout':
    case 'bulk-sent': {
      const n = liveNode(w, ev.node, ev.epoch);
      const run = n ? runningScript(n) : null;
      if (!run || (ev.t === 'bulk-sent' && run.timedOut)) return false;
      run.held.push(ev);
      return true;
    }
    case 'deliver': {
      const conn = w.conns[ev.conn];
      if (!conn) return false;
      const n = w.nodes[receiverOf(conn, ev.dir)];
      const run = n?.up ? runningScript(n) : null;
      // A replica does not read its master's stream during a script (it is applied when the script ends).
      if (!run || n.repl.masterConn !== ev.conn || ev.dir !== 1) return false;
      run.held.push(ev);
      return true;
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// SCRIPT KILL (and FUNCTION KILL's answer while an EVAL runs).

export function scriptKill(node: NodeState, isEval: boolean): Reply {
  const run = runningScript(node);
  if (!run) return err('NOTBUSY No scripts in execution right now.');
  if (run.writeDirty) {
    return err('UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.');
  }
  if (!isEval) return err(BUSY_EVAL);
  run.killed = true;
  return { t: 'status', s: 'OK' };
}
