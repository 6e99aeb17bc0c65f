// EVAL and SCRIPT (eval.c, script_lua.c), Redis 7.0: scripts run in a Lua
// VM (scripting/vm.ts) across virtual time (scripting/run.ts), and replicate
// by their effects: the commands a script ran, wrapped in MULTI/EXEC when
// more than one, never EVAL itself. SCRIPT LOAD and SCRIPT FLUSH are not
// propagated in 7.0 (a replica's script cache is its own).

import { type Reply, bulk, err, int, status, array } from '../resp/reply';
import { createScript, evalCommand, evalCommandFlags, scriptKill } from '../scripting/run';
import { scriptingOf } from '../scripting/state';
import type { CommandFlags, CommandSpec, Exec } from './types';
import { eqi } from './util';

const SCRIPT_HELP = [
  'SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DEBUG (YES|SYNC|NO)',
  '    Set the debug mode for subsequent scripts executed.',
  'EXISTS <sha1> [<sha1> ...]',
  '    Return information about the existence of the scripts in the script cache.',
  'FLUSH [ASYNC|SYNC]',
  '    Flush the Lua scripts cache. Very dangerous on replicas.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the scripts cache.',
  '    * SYNC: Synchronously flush the scripts cache.',
  'KILL',
  '    Kill the currently executing Lua script.',
  'LOAD <script>',
  '    Load a script into the scripts cache without executing it.',
  'HELP',
  '    Prints this help.',
];

const scriptLoad = (x: Exec): Reply => {
  const made = createScript(scriptingOf(x.node), x.argv[2]);
  return 'error' in made ? made.error : bulk(made.sha);
};

const scriptFlush = (x: Exec): Reply => {
  const a = x.argv;
  if (!(a.length === 2 || (a.length === 3 && (eqi(a[2], 'sync') || eqi(a[2], 'async'))))) return err('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
  // scriptingReset: a new Lua state and an empty cache (the PRNG of rand.c is not reset).
  scriptingOf(x.node).scripts = {};
  return status('OK');
};

const scriptExists = (x: Exec): Reply => {
  const scripts = scriptingOf(x.node).scripts;
  return array(x.argv.slice(2).map((sha) => int(Object.hasOwn(scripts, sha.toLowerCase()) ? 1 : 0)));
};

const scriptDebug = (x: Exec): Reply => {
  const mode = x.argv[2];
  if (eqi(mode, 'no')) return status('OK');
  if (eqi(mode, 'yes') || eqi(mode, 'sync')) return err('ERR Replica Lab does not simulate the Lua debugger (SCRIPT DEBUG)');
  return err('ERR Use SCRIPT DEBUG YES/SYNC/NO');
};

const evalSpec = (name: string, evalsha: boolean, ro: boolean): CommandSpec => {
  // CMD_NOSCRIPT, CMD_STALE; EVAL and EVALSHA may replicate (their effects), the _RO forms are read-only.
  const flags: CommandFlags = ro ? { stale: true } : { stale: true, mayReplicate: true };
  return { name, arity: -3, flags, flagsFor: (node, argv) => evalCommandFlags(node, argv, flags), handler: (x) => evalCommand(x, evalsha, ro) };
};

const sub = (name: string, arity: number, flags: CommandFlags, handler: (x: Exec) => Reply): CommandSpec => ({ name, arity, flags, handler });

export const scriptingCommands: CommandSpec[] = [
  evalSpec('eval', false, false),
  evalSpec('evalsha', true, false),
  evalSpec('eval_ro', false, true),
  evalSpec('evalsha_ro', true, true),
  {
    name: 'script',
    arity: -2,
    flags: {},
    subcommands: {
      load: sub('load', 3, { stale: true }, scriptLoad),
      flush: sub('flush', -2, {}, scriptFlush),
      exists: sub('exists', -3, {}, scriptExists),
      kill: sub('kill', 2, {}, (x) => scriptKill(x.node, true)),
      debug: sub('debug', 3, {}, scriptDebug),
      help: sub('help', 2, { stale: true }, () => array(SCRIPT_HELP.map((l) => status(l)))),
    },
  },
];
