// Connection, transaction, introspection and persistence commands: PING,
// ECHO, SELECT, MULTI/EXEC/DISCARD, INFO, CONFIG, CLIENT, SAVE/BGSAVE/LASTSAVE,
// DEBUG, TIME, SWAPDB, COMMAND.

import { E, NULL_ARRAY, OK, type Reply, array, bulk, bulks, err, int, status } from '../resp/reply';
import { afterFlushall, rdbSave, rdbSaveBackground } from '../persistence/rdb';
import { clientUnblockCommand, scanDatabaseForDeletedStreams, scanDatabaseForReadyKeys } from '../server/blocking';
import { cfgSavePoints, configGet, configSet } from '../server/config';
import { heapPush } from '../sim/scheduler';
import { activeCallFrame, call, resolveCommand } from '../server/dispatch';
import { changeReplicationId, clearReplicationId2, refreshGoodSlavesCount, removeReplica, replicationFeedSlaves, trimBacklog } from '../replication/master';
import { dbsFromImage } from '../server/db';
import { dropMasterLink } from '../replication/replica';
import { freeClient, touchAllWatchedKeysInDb, unwatchAll } from '../server/clients';
import { infoString } from './info';
import type { NodeState } from '../server/types';
import type { WorldState } from '../world-state';
import type { CommandSpec, Exec, HandlerResult } from './types';
import { BLOCKED } from './types';

function parseIntStrict(s: string): number | null {
  if (!/^-?(0|[1-9][0-9]*)$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

const ping = (x: Exec): Reply => {
  if (x.argv.length > 2) return err(E.arity('ping'));
  // A RESP2 client with subscriptions gets ["pong", argument or ""].
  if (x.client.resp !== 3 && (x.client.subs?.length || x.client.psubs?.length)) return bulks(['pong', x.argv[1] ?? '']);
  return x.argv.length === 2 ? bulk(x.argv[1]) : status('PONG');
};

const select = (x: Exec): Reply => {
  const id = parseIntStrict(x.argv[1]);
  if (id === null) return err(E.notInt);
  if (id < 0 || id >= 16) return err(E.dbRange);
  x.client.dbIndex = id;
  return OK;
};

const multi = (x: Exec): Reply => {
  if (x.client.multi) return err('ERR MULTI calls can not be nested');
  x.client.multi = [];
  x.client.multiDirty = false;
  return OK;
};

const discard = (x: Exec): Reply => {
  if (!x.client.multi) return err('ERR DISCARD without MULTI');
  unwatchAll(x.node, x.client);
  x.client.multi = null;
  x.client.multiDirty = false;
  return OK;
};

/**
 * RESET (clearClientConnectionState): db 0, RESP2, the default user's
 * authentication, no transaction or watched keys, no subscriptions, no name,
 * replies on. Answers +RESET.
 */
const reset = (x: Exec): Reply => {
  const c = x.client;
  if (c.kind !== 'normal') return err('ERR can only reset normal client connections');
  c.dbIndex = 0;
  c.resp = undefined;
  c.authenticated = !x.node.config.requirepass;
  c.multi = null;
  c.multiDirty = false;
  unwatchAll(x.node, c);
  c.subs = undefined;
  c.psubs = undefined;
  c.name = '';
  c.replyMode = undefined;
  c.replySkipNext = undefined;
  return status('RESET');
};

/** EXEC: run the queued commands in one call() frame, so their effects propagate as one unit. */
const exec = (x: Exec): HandlerResult => {
  const c = x.client;
  if (!c.multi) return err('ERR EXEC without MULTI');
  if (c.multiDirty || c.casDirty || watchedKeyExpired(x)) {
    const aborted = c.multiDirty;
    c.multi = null;
    c.multiDirty = false;
    unwatchAll(x.node, c);
    return aborted ? err(E.execAbort) : NULL_ARRAY;
  }
  unwatchAll(x.node, c);
  const queue = c.multi;
  const replies: Reply[] = [];
  const frame = activeCallFrame();
  for (const argv of queue) {
    const spec = resolveCommand(x.node, argv);
    if (!spec || !frame) {
      replies.push(err('ERR unknown command'));
      continue;
    }
    const r = call(x.world, x.node, c, spec, argv, frame);
    replies.push(r === BLOCKED ? NULL_ARRAY : r);
  }
  c.multi = null;
  c.multiDirty = false;
  return array(replies);
};

const watch = (x: Exec): Reply => {
  const c = x.client;
  if (c.multi) return err('ERR WATCH inside MULTI is not allowed');
  if (c.casDirty) return OK; // Already failed: no need to watch more keys.
  const db = x.db;
  for (const key of x.argv.slice(1)) {
    if (c.watched.some(([d, k]) => d === db.id && k === key)) continue;
    if (c.watched.length === 0) x.node.watchCount++;
    const when = db.expires.get(key);
    c.watched.push([db.id, key, db.dict.has(key) && when !== undefined && x.nowMs > when]);
  }
  return OK;
};

const unwatch = (x: Exec): Reply => {
  unwatchAll(x.node, x.client);
  return OK;
};

/** isWatchedKeyExpired: a watched key that expired since WATCH fails the transaction. */
function watchedKeyExpired(x: Exec): boolean {
  for (const [d, k, expiredAtWatch] of x.client.watched) {
    if (expiredAtWatch) continue;
    const db = x.node.dbs[d];
    const when = db.expires.get(k);
    if (db.dict.has(k) && when !== undefined && x.nowMs > when) return true;
  }
  return false;
}

/** INFO answers verbatim text (a bulk string in RESP2). */
const info = (x: Exec): Reply => ({ t: 'verbatim', s: infoString(x.world, x.node, x.argv.slice(1)), fmt: 'txt' });

/** CONFIG GET answers a map of name, value (a flat array in RESP2). */
const configGetCmd = (x: Exec): Reply => ({ t: 'map', a: configGet(x.node.config, x.argv.slice(2)).map((s) => ({ t: 'bulk', s })) });

const configSetCmd = (x: Exec): Reply => {
  const r = configSet(x.node.config, x.argv.slice(2));
  if (!r.ok) return err(r.error);
  for (const name of r.changed) {
    if (name === 'repl-backlog-size') trimBacklog(x.node);
    if (name === 'min-replicas-to-write' || name === 'min-replicas-max-lag') refreshGoodSlavesCount(x.world, x.node);
  }
  return OK;
};

const CONFIG_HELP = [
  'CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
  'HELP',
  '    Prints this help.',
];

const clientKill = (x: Exec): Reply => {
  const a = x.argv;
  if (a.length === 3) {
    // Old form CLIENT KILL ip:port: no such client in the simulation.
    return err('ERR No such client');
  }
  if (a.length % 2 !== 0) return err(E.syntax);
  let type: string | null = null;
  let id: number | null = null;
  for (let i = 2; i < a.length; i += 2) {
    const opt = a[i].toLowerCase();
    const val = a[i + 1];
    if (opt === 'type') {
      const t = val.toLowerCase();
      if (!['normal', 'master', 'replica', 'slave', 'pubsub'].includes(t)) return err(`ERR Unknown client type '${val}'`);
      type = t === 'slave' ? 'replica' : t;
    } else if (opt === 'id') {
      const n = parseIntStrict(val);
      if (n === null || n <= 0) return err('ERR client-id should be greater than 0');
      id = n;
    } else if (opt === 'skipme' || opt === 'addr' || opt === 'laddr' || opt === 'user' || opt === 'maxage') {
      // Accepted filters that match nothing in the simulation.
      if (opt === 'skipme' && !['yes', 'no'].includes(val.toLowerCase())) return err(E.syntax);
    } else {
      return err(E.syntax);
    }
  }
  let killed = 0;
  const node = x.node;
  if (type === 'master' && node.repl.master && (id === null || id === node.repl.master.clientId)) {
    dropMasterLink(x.world, node);
    killed++;
  }
  if (type === 'replica') {
    for (const r of [...node.repl.replicas]) {
      if (id !== null && r.clientId !== id) continue;
      removeReplica(x.world, node, r.clientId, 'CLIENT KILL');
      killed++;
    }
  }
  if (type === 'normal' || (type === null && id !== null)) {
    for (const c of Object.values(node.clients)) {
      if (c.kind !== 'normal' || c.conn || c.id === x.client.id) continue;
      if (id !== null && c.id !== id) continue;
      freeClient(node, c.id);
      killed++;
    }
  }
  return int(killed);
};

const save = (x: Exec): Reply => {
  if (x.node.bgsave && x.node.bgsave.target === 'disk') return err('ERR Background save already in progress');
  rdbSave(x.world, x.node);
  return OK;
};

const bgsave = (x: Exec): Reply => {
  const schedule = x.argv.length === 2 && x.argv[1].toLowerCase() === 'schedule';
  if (x.argv.length > 2 || (x.argv.length === 2 && !schedule)) return err(E.syntax);
  if (x.node.bgsave) {
    if (x.node.bgsave.target === 'disk') return err('ERR Background save already in progress');
    if (schedule) {
      x.node.bgsaveScheduled = true;
      return status('Background saving scheduled');
    }
    return err("ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
  }
  rdbSaveBackground(x.world, x.node);
  return status('Background saving started');
};

const lastsave = (x: Exec): Reply => int(Math.floor(x.node.lastSaveMs / 1000));

/**
 * DEBUG is refused unless enable-debug-command is yes or local (every client of
 * the simulation is local). The subcommands a lesson or test needs are here.
 */
const debug = (x: Exec): Reply => {
  const allowed = x.node.config['enable-debug-command'];
  if (allowed !== 'yes' && allowed !== 'local') {
    return err('ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.');
  }
  const sub = x.argv[1].toLowerCase();
  if (sub === 'set-active-expire' && x.argv.length === 3) {
    x.node.activeExpireEnabled = x.argv[2] !== '0';
    return OK;
  }
  if (sub === 'sleep' && x.argv.length === 3) return OK;
  if (sub === 'change-repl-id' && x.argv.length === 2) {
    changeReplicationId(x.world, x.node);
    clearReplicationId2(x.node);
    return OK;
  }
  if (sub === 'reload') {
    rdbSave(x.world, x.node);
    x.node.dbs = dbsFromImage(x.node.disk.rdb!.image, x.node.config);
    return OK;
  }
  return err(`ERR unknown subcommand or wrong number of arguments for '${x.argv[1].slice(0, 128)}'. Try DEBUG HELP.`);
};

/**
 * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT] (db.c shutdownCommand,
 * server.c prepareForShutdown). Without NOW, a master whose replicas have not
 * acknowledged its whole stream asks them (REPLCONF GETACK *) and waits, up to
 * shutdown-timeout seconds, checking every cron tick; SHUTDOWN ABORT cancels
 * the wait. Then it saves the RDB when asked to or when save points are
 * configured (not with NOSAVE), keeps the AOF, and the process exits: every
 * connection closes and the client gets no reply. (Redis also pauses writes
 * during the wait; the lab does not.)
 */
const shutdown = (x: Exec): HandlerResult => {
  let nosave = false;
  let save = false;
  let now = false;
  let force = false;
  let abort = false;
  for (const a of x.argv.slice(1)) {
    const o = a.toLowerCase();
    if (o === 'nosave') nosave = true;
    else if (o === 'save') save = true;
    else if (o === 'now') now = true;
    else if (o === 'force') force = true;
    else if (o === 'abort') abort = true;
    else return err(E.syntax);
  }
  if ((abort && (nosave || save || now || force)) || (nosave && save)) return err(E.syntax);
  const node = x.node;
  if (abort) {
    if (!node.shutdown) return err('ERR No shutdown in progress.');
    node.shutdown = null;
    return OK;
  }
  if (node.shutdown) return BLOCKED;
  const timeoutS = Number(node.config['shutdown-timeout'] ?? '10');
  if (!now && timeoutS !== 0 && !readyToShutdown(node)) {
    node.shutdown = { deadlineMs: x.nowMs + timeoutS * 1000, nosave, save };
    replicationFeedSlaves(x.world, node, node.repl.slaveseldb, ['REPLCONF', 'GETACK', '*'], 'getack');
    return BLOCKED;
  }
  finishShutdown(x.world, node, nosave, save);
  return BLOCKED;
};

/** isReadyToShutdown: every replica has acknowledged the master's whole stream. */
function readyToShutdown(node: NodeState): boolean {
  return node.repl.replicas.every((r) => r.ackOffset === node.repl.offset);
}

function finishShutdown(w: WorldState, node: NodeState, nosave: boolean, save: boolean): void {
  if (!nosave && (save || cfgSavePoints(node.config).length > 0)) rdbSave(w, node);
  node.shutdown = null;
  heapPush(w.heap, w.nowMs, { t: 'shutdown', node: node.name, epoch: node.epoch });
}

/** serverCron's part: a SHUTDOWN waiting for replicas ends when they caught up or its time is up. */
export function shutdownCron(w: WorldState, node: NodeState): void {
  const s = node.shutdown;
  if (s && (w.nowMs >= s.deadlineMs || readyToShutdown(node))) finishShutdown(w, node, s.nosave, s.save);
}

/** CONFIG RESETSTAT (resetServerStats, resetCommandTableStats, resetErrorTableStats). */
const resetstat = (x: Exec): Reply => {
  const st = x.node.stats;
  st.syncFull = 0;
  st.syncPartialOk = 0;
  st.syncPartialErr = 0;
  st.expiredKeys = 0;
  st.totalConnectionsReceived = 0;
  st.totalCommandsProcessed = 0;
  st.rejectedConnections = 0;
  st.keyspaceHits = 0;
  st.keyspaceMisses = 0;
  st.totalErrorReplies = 0;
  st.totalForks = 0;
  st.netReplOutputBytes = 0;
  st.netReplInputBytes = 0;
  st.commands = undefined;
  st.errors = undefined;
  return OK;
};

const time = (x: Exec): Reply => {
  const s = Math.floor(x.nowMs / 1000);
  return bulks([String(s), String((x.nowMs % 1000) * 1000)]);
};

const swapdb = (x: Exec): Reply => {
  const a = parseIntStrict(x.argv[1]);
  const b = parseIntStrict(x.argv[2]);
  if (a === null) return err('ERR invalid first DB index');
  if (b === null) return err('ERR invalid second DB index');
  if (a < 0 || a >= 16 || b < 0 || b >= 16) return err(E.dbRange);
  const dbs = x.node.dbs;
  const da = dbs[a];
  const db = dbs[b];
  touchAllWatchedKeysInDb(x.node, da, db, x.nowMs);
  touchAllWatchedKeysInDb(x.node, db, da, x.nowMs);
  if (a !== b) {
    scanDatabaseForDeletedStreams(x.node, da, db);
    scanDatabaseForDeletedStreams(x.node, db, da);
  }
  [da.dict, db.dict] = [db.dict, da.dict];
  [da.expires, db.expires] = [db.expires, da.expires];
  // Clients blocked on a key that exists in their db after the swap are served.
  if (a !== b) {
    scanDatabaseForReadyKeys(x.node, da);
    scanDatabaseForReadyKeys(x.node, db);
  }
  x.dirty();
  return OK;
};

const echo = (x: Exec): Reply => bulk(x.argv[1]);

/** AUTH [username] password, against the default user's requirepass (acl.c authCommand). */
const auth = (x: Exec): Reply => {
  if (x.argv.length > 3) return err(E.syntax);
  const pass = x.node.config.requirepass ?? '';
  let user = 'default';
  let given = x.argv[1];
  if (x.argv.length === 2) {
    if (!pass) return err('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
  } else {
    user = x.argv[1];
    given = x.argv[2];
  }
  // With no requirepass the default user is "nopass": any password is accepted.
  if (user === 'default' && (!pass || given === pass)) {
    x.client.authenticated = true;
    return OK;
  }
  return err('WRONGPASS invalid username-password pair or user is disabled.');
};

const flushallHook = (x: Exec, inner: (x: Exec) => HandlerResult): HandlerResult => {
  const r = inner(x);
  if (r !== BLOCKED && r.t !== 'error') afterFlushall(x.world, x.node);
  return r;
};
export { flushallHook };

/**
 * FUNCTION: the lab has no function libraries (no Lua), so FUNCTION LIST is
 * always empty; FUNCTION FLUSH still counts as a change and is propagated to
 * replicas as functions.c does, so offsets move as on a real server.
 */
const functionFlush = (x: Exec): Reply => {
  if (x.argv.length === 3) {
    const mode = x.argv[2].toLowerCase();
    if (mode !== 'sync' && mode !== 'async') return err('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
  } else if (x.argv.length > 3) {
    return err('ERR unknown subcommand or wrong number of arguments for \'flush\'. Try FUNCTION HELP.');
  }
  x.dirty();
  return OK;
};

const functionList = (x: Exec): Reply => {
  for (let i = 2; i < x.argv.length; i++) {
    const opt = x.argv[i].toLowerCase();
    if (opt === 'withcode') continue;
    if (opt === 'libraryname' && i + 1 < x.argv.length) {
      i++;
      continue;
    }
    return err(`ERR Unknown argument ${x.argv[i]}`);
  }
  return array([]);
};

const FUNCTION_HELP = ['FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:', 'LOAD [REPLACE] <FUNCTION CODE>', '    Create a new library with the given library name and code.', 'DELETE <LIBRARY NAME>', '    Delete the given library.', 'LIST [LIBRARYNAME PATTERN] [WITHCODE]', '    Return general information on all the libraries:', '    * Library name', '    * The engine used to run the Library', '    * Library description', '    * Functions list', '    * Library code (if WITHCODE is given)', '    It also possible to get only function that matches a pattern using LIBRARYNAME argument.', 'STATS', '    Return information about the current function running:', '    * Function name', '    * Command used to run the function', '    * Duration in MS that the function is running', '    If no function is running, return nil', '    In addition, returns a list of available engines.', 'KILL', '    Kill the current running function.', 'FLUSH [ASYNC|SYNC]', '    Delete all the libraries.', '    When called without the optional mode argument, the behavior is determined by the', '    lazyfree-lazy-user-flush configuration directive. Valid modes are:', '    * ASYNC: Asynchronously flush the libraries.', '    * SYNC: Synchronously flush the libraries.', 'DUMP', '    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command', 'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]', '    Restore the libraries represented by the given payload, it is possible to give a restore policy to', '    control how to handle existing libraries (default APPEND):', '    * FLUSH: delete all existing libraries.', '    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.', '    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old', '      libraries with the new libraries (notice that even on this option there is a chance of failure', '      in case of functions name collision with another library).', 'HELP', '    Prints this help.'];

const container = (name: string, subs: CommandSpec[], help: string[]): CommandSpec => {
  const subcommands: Record<string, CommandSpec> = {};
  for (const s of subs) subcommands[s.name] = s;
  subcommands.help = { name: 'help', arity: 2, flags: { stale: true }, handler: () => bulks(help) };
  return { name, arity: -2, flags: {}, subcommands };
};

/** CLIENT REPLY ON|OFF|SKIP: ON answers +OK; OFF and SKIP answer nothing (SKIP also silences the next command). */
const clientReply = (x: Exec): Reply => {
  const mode = x.argv[2].toLowerCase();
  const c = x.client;
  if (mode === 'on') {
    c.replyMode = undefined;
    c.replySkipNext = undefined;
  } else if (mode === 'off') {
    c.replyMode = 'off';
  } else if (mode === 'skip') {
    if (c.replyMode !== 'off') {
      c.replyMode = 'skip';
      c.replySkipNext = true;
    }
  } else return err(E.syntax);
  return OK;
};

const clientHelp = ['CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:', 'CACHING (YES|NO)', '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.', 'GETREDIR', '    Return the client ID we are redirecting to when tracking is enabled.', 'GETNAME', '    Return the name of the current connection.', 'ID', '    Return the ID of the current connection.', 'INFO', '    Return information about the current client connection.', 'KILL <ip:port>', '    Kill connection made from <ip:port>.', 'KILL <option> <value> [<option> <value> [...]]', '    Kill connections. Options are:', '    * ADDR (<ip:port>|<unixsocket>:0)', '      Kill connections made from the specified address', '    * LADDR (<ip:port>|<unixsocket>:0)', '      Kill connections made to specified local address', '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)', '      Kill connections by type.', '    * USER <username>', '      Kill connections authenticated by <username>.', '    * SKIPME (YES|NO)', '      Skip killing current connection (default: yes).', 'LIST [options ...]', '    Return information about client connections. Options:', '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)', '      Return clients of specified type.', 'UNPAUSE', '    Stop the current client pause, resuming traffic.', 'PAUSE <timeout> [WRITE|ALL]', '    Suspend all, or just write, clients for <timeout> milliseconds.', 'REPLY (ON|OFF|SKIP)', '    Control the replies sent to the current connection.', 'SETNAME <name>', '    Assign the name <name> to the current connection.', 'UNBLOCK <clientid> [TIMEOUT|ERROR]', '    Unblock the specified blocked client.', 'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]', '         [OPTIN] [OPTOUT] [NOLOOP]', '    Control server assisted client side caching.', 'TRACKINGINFO', '    Report tracking status for the current connection.', 'NO-EVICT (ON|OFF)', '    Protect current client connection from eviction.', 'HELP', '    Prints this help.'];

export const serverCommands: CommandSpec[] = [
  { name: 'ping', arity: -1, flags: {}, handler: ping },
  { name: 'reset', arity: 1, flags: { stale: true, noAuth: true }, handler: reset },
  { name: 'auth', arity: -2, flags: { stale: true, noAuth: true }, handler: auth },
  { name: 'echo', arity: 2, flags: { stale: true }, handler: echo },
  { name: 'select', arity: 2, flags: { stale: true }, handler: select },
  { name: 'multi', arity: 1, flags: { stale: true }, handler: multi },
  { name: 'exec', arity: 1, flags: { stale: true }, handler: exec },
  { name: 'discard', arity: 1, flags: { stale: true }, handler: discard },
  { name: 'watch', arity: -2, flags: { stale: true }, handler: watch },
  { name: 'unwatch', arity: 1, flags: { stale: true }, handler: unwatch },
  { name: 'info', arity: -1, flags: { stale: true }, handler: info },
  container(
    'config',
    [
      { name: 'get', arity: -3, flags: { stale: true }, handler: configGetCmd },
      { name: 'set', arity: -4, flags: { stale: true, admin: true }, handler: configSetCmd },
      { name: 'resetstat', arity: 2, flags: { stale: true }, handler: resetstat },
      { name: 'rewrite', arity: 2, flags: { stale: true }, handler: () => err('ERR The server is running without a config file') },
    ],
    CONFIG_HELP,
  ),
  container(
    'client',
    [
      { name: 'kill', arity: -3, flags: { stale: true }, handler: clientKill },
      { name: 'id', arity: 2, flags: { stale: true }, handler: (x) => int(x.client.id) },
      {
        name: 'setname',
        arity: 3,
        flags: { stale: true },
        handler: (x) => {
          if (/[\s]/.test(x.argv[2])) return err('ERR Client names cannot contain spaces, newlines or special characters.');
          x.client.name = x.argv[2];
          return OK;
        },
      },
      { name: 'getname', arity: 2, flags: { stale: true }, handler: (x) => (x.client.name ? bulk(x.client.name) : bulk(null)) },
      { name: 'reply', arity: 3, flags: { stale: true }, handler: clientReply },
      { name: 'unblock', arity: -3, flags: { stale: true }, handler: clientUnblockCommand },
    ],
    clientHelp,
  ),
  { name: 'save', arity: 1, flags: { noMulti: true, admin: true }, handler: save },
  { name: 'bgsave', arity: -1, flags: { admin: true }, handler: bgsave },
  { name: 'lastsave', arity: 1, flags: { stale: true }, handler: lastsave },
  { name: 'debug', arity: -2, flags: { stale: true, admin: true }, handler: debug },
  { name: 'time', arity: 1, flags: { stale: true }, handler: time },
  { name: 'shutdown', arity: -1, flags: { stale: true, admin: true, noMulti: true }, handler: shutdown },
  { name: 'swapdb', arity: 3, flags: { write: true }, handler: swapdb },
  container(
    'function',
    [
      { name: 'flush', arity: -2, flags: { write: true }, handler: functionFlush },
      { name: 'list', arity: -2, flags: {}, handler: functionList },
    ],
    FUNCTION_HELP,
  ),
];
