// The Lua VM a script runs in: fengari (Lua 5.3 written in JS) dressed as
// the Lua 5.1 of Redis 7.0 (script_lua.c, eval.c):
// - the globals and libraries Redis leaves scripts (no os, io, print,
//   loadfile, debug...), 5.1's names (unpack, loadstring, math.pow,
//   table.getn...), bit and cjson; globals are read-only and reading a
//   missing one is an error; math.random is Redis' own drand48;
// - numbers behave as 5.1's doubles: every numeric literal and tonumber()
//   is a float (fengari's integers are 32-bit and would wrap), and numbers
//   print with %.14g ("5", not 5.3's "5.0");
// - redis.call / pcall / error_reply / status_reply / sha1hex / log /
//   setresp / set_repl / replicate_commands, and the conversions between
//   Lua values and replies exactly as Redis does them;
// - the script runs in a coroutine with a count hook every
//   HOOK_INSTRUCTIONS instructions: the host counts virtual time there and
//   may pause the script (the coroutine yields from the hook) or kill it.
// Lua 5.3 differences left: integer division and bitwise operators parse
// (5.1 refuses them), pairs() walks tables in insertion order (5.1 in hash
// order, which also orders cjson objects), cmsgpack and struct are absent.

import core from 'fengari/src/fengaricore.js';
import lauxlib from 'fengari/src/lauxlib.js';
import lobject from 'fengari/src/lobject.js';
import lstring from 'fengari/src/lstring.js';
import lua from 'fengari/src/lua.js';
// Through lualib, which the library modules require back (a cycle that loads cleanly only from this end).
import lualib from 'fengari/src/lualib.js';
import { type Reply, array, bulk, err, int, status, toResp2 } from '../resp/reply';
import { bytesText, fmtG, sha1hex, utf8Bytes } from './text';

type L = FengariState;

/** Lua instructions per count-hook call; each call is one virtual millisecond of script time. */
export const HOOK_INSTRUCTIONS = 10_000;

/** What the host wants at a count hook. */
export type HookAction = 'run' | 'pause' | 'kill';

/** What a script asks of the node it runs on. */
export interface ScriptHost {
  /** redis.call / redis.pcall: the command's reply; a refused call is an error reply ("ERR ...", "READONLY ..."). */
  call(argv: string[]): Reply;
  /** Whether argv names a command (redis.acl_check_cmd). */
  knows(argv: string[]): boolean;
  setRepl(flags: number): void;
  setResp(resp: number): void;
  resp(): number;
  /** redisLrand48 */
  random(): number;
  /** redisSrand48 */
  seedRandom(seed: number): void;
  /** A count hook fired: HOOK_INSTRUCTIONS more instructions ran. */
  hook(): HookAction;
}

const ls = (s: string): Uint8Array => core.to_luastring(s);

// ---------------------------------------------------------------------------
// Lua 5.1 numbers (patched once into fengari's lexer, tonumber and tostring).

let numbersPatched = false;
function patchNumbers(): void {
  if (numbersPatched) return;
  numbersPatched = true;
  const str2num = lobject.luaO_str2num;
  lobject.luaO_str2num = (s, o) => {
    const r = str2num(s, o);
    if (r !== 0 && o.ttisinteger()) o.setfltvalue(o.value);
    return r;
  };
  lobject.luaO_tostring = (state, o) => {
    const text = o.ttisinteger() ? String(o.value) : fmtG(o.value, 14);
    o.setsvalue(lstring.luaS_bless(state, ls(text)));
  };
  // tostring() formats a float with lua_pushfstring("%f").
  const pushvf = lobject.luaO_pushvfstring;
  lobject.luaO_pushvfstring = (state, fmt, argp) => {
    if (fmt.length === 2 && fmt[0] === 37 && fmt[1] === 102 && typeof argp[0] === 'number') {
      const text = ls(fmtG(argp[0], 14));
      lua.lua_pushstring(state, text);
      return text;
    }
    return pushvf(state, fmt, argp);
  };
}

// ---------------------------------------------------------------------------
// Errors as Redis builds them.

/** luaPushErrorBuff: a table {err="CODE msg"} from "-CODE msg" or "msg" (code ERR). */
function pushErrorTable(s: L, text: string): void {
  let code = 'ERR';
  let msg = text;
  if (text.startsWith('-')) {
    const sp = text.indexOf(' ');
    if (sp < 0) msg = text.slice(1);
    else {
      code = text.slice(1, sp);
      msg = text.slice(sp + 1);
    }
  }
  msg = msg.replace(/^[\r\n]+|[\r\n]+$/g, '');
  lua.lua_createtable(s, 0, 2);
  lua.lua_pushstring(s, utf8Bytes(`${code} ${msg}`));
  lua.lua_setfield(s, -2, 'err');
}

function raise(s: L, text: string): never {
  pushErrorTable(s, text);
  return lua.lua_error(s);
}

function strAt(s: L, idx: number): string {
  const b = lua.lua_tostring(s, idx);
  return b ? bytesText(b) : '';
}

// ---------------------------------------------------------------------------
// Replies <-> Lua values.

/**
 * redisProtocolToLuaType: a command's reply as the script sees it. After
 * redis.setresp(3) the RESP3 kinds arrive as Redis gives them to Lua: nil for
 * a null, a boolean, and tables {map=...}, {set=...}, {double=...},
 * {big_number=...}, {verbatim_string={string=..., format=...}}.
 */
function pushReply(s: L, r: Reply, resp = 2): void {
  lua.lua_checkstack(s, 4);
  if (resp === 3 && pushResp3(s, r)) return;
  switch (r.t) {
    case 'int':
      lua.lua_pushnumber(s, Number(r.n));
      return;
    case 'bulk':
      lua.lua_pushstring(s, utf8Bytes(r.s));
      return;
    case 'nullbulk':
    case 'nullarray':
      lua.lua_pushboolean(s, false);
      return;
    case 'status':
      lua.lua_createtable(s, 0, 1);
      lua.lua_pushstring(s, utf8Bytes(r.s));
      lua.lua_setfield(s, -2, 'ok');
      return;
    case 'error':
      pushErrorTable(s, `-${r.s}`);
      lua.lua_pushboolean(s, true);
      lua.lua_setfield(s, -2, 'ignore_error_stats_update');
      return;
    case 'array':
      lua.lua_createtable(s, r.a.length, 0);
      for (let i = 0; i < r.a.length; i++) {
        pushReply(s, r.a[i], resp);
        lua.lua_rawseti(s, -2, i + 1);
      }
      return;
    default:
      // The script's client speaks RESP2: RESP3 kinds reach Lua as RESP2 sends them.
      pushReply(s, toResp2(r));
      return;
  }
}

/** The RESP3-only conversions; false for a kind both protocols give Lua alike. */
function pushResp3(s: L, r: Reply): boolean {
  const table1 = (field: string, push: () => void): void => {
    lua.lua_createtable(s, 0, 1);
    lua.lua_pushstring(s, utf8Bytes(field));
    push();
    lua.lua_settable(s, -3);
  };
  switch (r.t) {
    case 'nullbulk':
    case 'nullarray':
      lua.lua_pushnil(s);
      return true;
    case 'bool':
      lua.lua_pushboolean(s, r.b);
      return true;
    case 'double':
      table1('double', () => lua.lua_pushnumber(s, Number(r.s)));
      return true;
    case 'bignum':
      table1('big_number', () => lua.lua_pushstring(s, utf8Bytes(r.s)));
      return true;
    case 'verbatim':
      table1('verbatim_string', () => {
        lua.lua_createtable(s, 0, 2);
        lua.lua_pushstring(s, utf8Bytes(r.s));
        lua.lua_setfield(s, -2, 'string');
        lua.lua_pushstring(s, utf8Bytes(r.fmt));
        lua.lua_setfield(s, -2, 'format');
      });
      return true;
    case 'map':
      table1('map', () => {
        lua.lua_createtable(s, 0, r.a.length / 2);
        for (let i = 0; i + 1 < r.a.length; i += 2) {
          lua.lua_checkstack(s, 4);
          pushReply(s, r.a[i], 3);
          pushReply(s, r.a[i + 1], 3);
          lua.lua_settable(s, -3);
        }
      });
      return true;
    case 'set':
      table1('set', () => {
        lua.lua_createtable(s, 0, r.a.length);
        for (const e of r.a) {
          lua.lua_checkstack(s, 4);
          pushReply(s, e, 3);
          lua.lua_pushboolean(s, true);
          lua.lua_settable(s, -3);
        }
      });
      return true;
    default:
      return false;
  }
}

/** (long long) of a double as x86-64 converts it: out of range and NaN give LLONG_MIN. */
function toLongLong(x: number): Reply {
  if (Number.isNaN(x) || x >= 2 ** 63 || x < -(2 ** 63)) return int(-9223372036854775808n);
  const t = Math.trunc(x);
  return int(Number.isSafeInteger(t) ? t : BigInt(t));
}

function cleanErr(text: string): string {
  return text.replace(/[\r\n]+$/, '').replace(/[\r\n]/g, ' ');
}

function rawField(s: L, idx: number, name: string): number {
  lua.lua_pushstring(s, name);
  return lua.lua_rawget(s, idx);
}

const MAX_REPLY_DEPTH = 2000;

/** addReplyDouble's text: inf / -inf, else %.17g. */
function doubleText(d: number): string {
  if (d === Number.POSITIVE_INFINITY) return 'inf';
  if (d === Number.NEGATIVE_INFINITY) return '-inf';
  return fmtG(d, 17);
}

/** addReplyVerbatim takes three characters of the format, padding with spaces. */
function verbatimFormat(f: string): string {
  return f.slice(0, 3).padEnd(3, ' ');
}

/** luaReplyToRedisReply: the Lua value at idx as a reply (RESP3 kinds reach a RESP2 caller converted). */
function toReply(s: L, idx: number, resp: number, depth = 0): Reply {
  const i = lua.lua_absindex(s, idx);
  if (depth > MAX_REPLY_DEPTH || !lua.lua_checkstack(s, 4)) return err('ERR reached lua stack limit');
  const t = lua.lua_type(s, i);
  if (t === lua.LUA_TSTRING) return bulk(strAt(s, i));
  if (t === lua.LUA_TBOOLEAN) {
    const b = lua.lua_toboolean(s, i);
    if (resp === 2) return b ? int(1) : bulk(null);
    return { t: 'bool', b };
  }
  if (t === lua.LUA_TNUMBER) return toLongLong(lua.lua_tonumber(s, i));
  if (t !== lua.LUA_TTABLE) return bulk(null);
  const top = lua.lua_gettop(s);
  try {
    if (rawField(s, i, 'err') === lua.LUA_TSTRING) return err(cleanErr(strAt(s, -1)));
    lua.lua_pop(s, 1);
    if (rawField(s, i, 'ok') === lua.LUA_TSTRING) return status(strAt(s, -1).replace(/[\r\n]/g, ' '));
    lua.lua_pop(s, 1);
    if (rawField(s, i, 'double') === lua.LUA_TNUMBER) return { t: 'double', s: doubleText(lua.lua_tonumber(s, -1)) };
    lua.lua_pop(s, 1);
    if (rawField(s, i, 'big_number') === lua.LUA_TSTRING) return { t: 'bignum', s: strAt(s, -1).replace(/[\r\n]/g, ' ') };
    lua.lua_pop(s, 1);
    if (rawField(s, i, 'verbatim_string') === lua.LUA_TTABLE) {
      const v = lua.lua_gettop(s);
      const hasFormat = rawField(s, v, 'format') === lua.LUA_TSTRING;
      const hasString = rawField(s, v, 'string') === lua.LUA_TSTRING;
      if (hasFormat && hasString) return { t: 'verbatim', s: strAt(s, -1), fmt: verbatimFormat(strAt(s, -2)) };
    }
    lua.lua_settop(s, top);
    if (rawField(s, i, 'map') === lua.LUA_TTABLE) {
      const m = lua.lua_gettop(s);
      const out: Reply[] = [];
      lua.lua_pushnil(s);
      while (lua.lua_next(s, m)) {
        out.push(toReply(s, -2, resp, depth + 1), toReply(s, -1, resp, depth + 1));
        lua.lua_pop(s, 1);
      }
      return { t: 'map', a: out };
    }
    lua.lua_pop(s, 1);
    if (rawField(s, i, 'set') === lua.LUA_TTABLE) {
      const m = lua.lua_gettop(s);
      const out: Reply[] = [];
      lua.lua_pushnil(s);
      while (lua.lua_next(s, m)) {
        out.push(toReply(s, -2, resp, depth + 1));
        lua.lua_pop(s, 1);
      }
      return { t: 'set', a: out };
    }
    lua.lua_pop(s, 1);
    const out: Reply[] = [];
    for (let j = 1; ; j++) {
      if (lua.lua_rawgeti(s, i, j) === lua.LUA_TNIL) break;
      out.push(toReply(s, -1, resp, depth + 1));
      lua.lua_pop(s, 1);
    }
    return array(out);
  } finally {
    lua.lua_settop(s, top);
  }
}

// ---------------------------------------------------------------------------
// The redis table.

/** luaArgsToRedisArgv: numbers as %.17g, strings as they are; null when an argument is neither. */
function argsToArgv(s: L): string[] | string {
  const argc = lua.lua_gettop(s);
  if (argc === 0) return 'Please specify at least one argument for this redis lib call';
  const argv: string[] = [];
  for (let j = 1; j <= argc; j++) {
    const t = lua.lua_type(s, j);
    if (t === lua.LUA_TNUMBER) argv.push(fmtG(lua.lua_tonumber(s, j), 17));
    else if (t === lua.LUA_TSTRING) argv.push(strAt(s, j));
    else {
      lua.lua_settop(s, 0);
      return 'Lua redis lib command arguments must be strings or integers';
    }
  }
  lua.lua_settop(s, 0);
  return argv;
}

function redisCommand(host: ScriptHost, raiseErrors: boolean): FengariJsFunction {
  return (s) => {
    const argv = argsToArgv(s);
    if (typeof argv === 'string') {
      pushErrorTable(s, argv);
      if (raiseErrors) return lua.lua_error(s);
      return 1;
    }
    const reply = host.call(argv);
    pushReply(s, reply, host.resp());
    if (raiseErrors && reply.t === 'error') return lua.lua_error(s);
    return 1;
  };
}

function singleField(field: 'ok'): FengariJsFunction {
  return (s) => {
    if (lua.lua_gettop(s) !== 1 || lua.lua_type(s, -1) !== lua.LUA_TSTRING) {
      pushErrorTable(s, 'wrong number or type of arguments');
      return 1;
    }
    lua.lua_createtable(s, 0, 1);
    lua.lua_pushvalue(s, -2);
    lua.lua_setfield(s, -2, field);
    return 1;
  };
}

function setFuncs(s: L, funcs: Record<string, FengariJsFunction>): void {
  for (const [name, f] of Object.entries(funcs)) {
    lua.lua_pushjsfunction(s, f);
    lua.lua_setfield(s, -2, name);
  }
}

function openRedis(s: L, host: ScriptHost): void {
  lua.lua_createtable(s, 0, 32);
  setFuncs(s, {
    call: redisCommand(host, true),
    pcall: redisCommand(host, false),
    log: (st) => {
      const argc = lua.lua_gettop(st);
      if (argc < 2) raise(st, 'redis.log() requires two arguments or more.');
      if (!lua.lua_isnumber(st, -argc)) raise(st, 'First argument must be a number (log level).');
      const level = Math.trunc(lua.lua_tonumber(st, -argc));
      if (!(level >= 0 && level <= 3)) raise(st, 'Invalid debug level.');
      // The server log is not simulated.
      return 0;
    },
    setresp: (st) => {
      if (lua.lua_gettop(st) !== 1) raise(st, 'redis.setresp() requires one argument.');
      const resp = Math.trunc(lua.lua_tonumber(st, 1));
      if (resp !== 2 && resp !== 3) raise(st, 'RESP version must be 2 or 3.');
      host.setResp(resp);
      return 0;
    },
    sha1hex: (st) => {
      if (lua.lua_gettop(st) !== 1) raise(st, 'wrong number of arguments');
      lua.lua_pushstring(st, sha1hex(lua.lua_tostring(st, 1) ?? new Uint8Array(0)));
      return 1;
    },
    error_reply: (st) => {
      if (lua.lua_gettop(st) !== 1 || lua.lua_type(st, -1) !== lua.LUA_TSTRING) {
        pushErrorTable(st, 'wrong number or type of arguments');
        return 1;
      }
      const e = strAt(st, -1);
      pushErrorTable(st, e.startsWith('-') ? e : `-${e}`);
      return 1;
    },
    status_reply: singleField('ok'),
    set_repl: (st) => {
      if (lua.lua_gettop(st) !== 1) raise(st, 'redis.set_repl() requires two arguments.');
      const flags = Math.trunc(lua.lua_tonumber(st, -1)) | 0;
      if ((flags & ~3) !== 0) raise(st, 'Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.');
      host.setRepl(flags);
      return 0;
    },
    replicate_commands: (st) => {
      lua.lua_pushboolean(st, true);
      return 1;
    },
    breakpoint: (st) => {
      lua.lua_pushboolean(st, false);
      return 1;
    },
    debug: () => 0,
    acl_check_cmd: (st) => {
      const argv = argsToArgv(st);
      if (typeof argv === 'string') raise(st, argv);
      if (!host.knows(argv)) raise(st, 'Invalid command passed to redis.acl_check_cmd()');
      lua.lua_pushboolean(st, true);
      return 1;
    },
  });
  const consts: [string, number | string][] = [
    ['LOG_DEBUG', 0],
    ['LOG_VERBOSE', 1],
    ['LOG_NOTICE', 2],
    ['LOG_WARNING', 3],
    ['REDIS_VERSION_NUM', 0x07000f],
    ['REDIS_VERSION', '7.0.15'],
    ['REPL_NONE', 0],
    ['REPL_AOF', 1],
    ['REPL_SLAVE', 2],
    ['REPL_REPLICA', 2],
    ['REPL_ALL', 3],
  ];
  for (const [k, v] of consts) {
    if (typeof v === 'number') lua.lua_pushnumber(s, v);
    else lua.lua_pushstring(s, v);
    lua.lua_setfield(s, -2, k);
  }
  lua.lua_setglobal(s, 'redis');
}

// ---------------------------------------------------------------------------
// bit (LuaBitOp): 32-bit operations on numbers converted as LuaBitOp does
// (add 2^52+2^51 and take the low word).

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
function tobit(n: number): number {
  f64[0] = n + 6755399441055744;
  return i32[0];
}

function openBit(s: L): void {
  const barg = (st: L, i: number): number => tobit(lauxlib.luaL_checknumber(st, i));
  const ret = (st: L, v: number): number => {
    lua.lua_pushnumber(st, v | 0);
    return 1;
  };
  const fold = (op: (a: number, b: number) => number): FengariJsFunction => {
    return (st) => {
      let b = barg(st, 1);
      for (let i = lua.lua_gettop(st); i > 1; i--) b = op(b, barg(st, i));
      return ret(st, b);
    };
  };
  lua.lua_createtable(s, 0, 12);
  setFuncs(s, {
    tobit: (st) => ret(st, barg(st, 1)),
    bnot: (st) => ret(st, ~barg(st, 1)),
    band: fold((a, b) => a & b),
    bor: fold((a, b) => a | b),
    bxor: fold((a, b) => a ^ b),
    lshift: (st) => ret(st, barg(st, 1) << (barg(st, 2) & 31)),
    rshift: (st) => ret(st, barg(st, 1) >>> (barg(st, 2) & 31)),
    arshift: (st) => ret(st, barg(st, 1) >> (barg(st, 2) & 31)),
    rol: (st) => {
      const b = barg(st, 1);
      const n = barg(st, 2) & 31;
      return ret(st, (b << n) | (b >>> (32 - n)));
    },
    ror: (st) => {
      const b = barg(st, 1);
      const n = barg(st, 2) & 31;
      return ret(st, (b >>> n) | (b << (32 - n)));
    },
    bswap: (st) => {
      const b = barg(st, 1);
      return ret(st, ((b >>> 24) & 0xff) | ((b >>> 8) & 0xff00) | ((b & 0xff00) << 8) | (b << 24));
    },
    tohex: (st) => {
      let b = barg(st, 1);
      let n = lua.lua_type(st, 2) <= lua.LUA_TNIL ? 8 : barg(st, 2);
      let digits = '0123456789abcdef';
      if (n < 0) {
        n = -n;
        digits = '0123456789ABCDEF';
      }
      if (n > 8) n = 8;
      let out = '';
      for (let i = 0; i < n; i++) {
        out = digits[b & 15] + out;
        b >>>= 4;
      }
      lua.lua_pushstring(st, out);
      return 1;
    },
  });
  lua.lua_setglobal(s, 'bit');
}

// ---------------------------------------------------------------------------
// cjson (lua-cjson 2.1 as Redis bundles it): encode and decode.

const JSON_NULL = { cjsonNull: true };

/** lua-cjson's settings (per VM, so per script run). */
interface JsonConfig {
  encodeMaxDepth: number;
  decodeMaxDepth: number;
  precision: number;
  sparseConvert: boolean;
  sparseRatio: number;
  sparseSafe: number;
  encodeInvalid: boolean;
}

function jsonEscape(str: string): string {
  let out = '"';
  for (const ch of str) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '/') out += '\\/';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function jsonNumber(s: L, x: number, cfg: JsonConfig): string {
  if (!Number.isFinite(x) && !cfg.encodeInvalid) lauxlib.luaL_error(s, 'Cannot serialise number: must not be NaN or Inf');
  return fmtG(x, cfg.precision);
}

function jsonEncode(s: L, idx: number, depth: number, cfg: JsonConfig): string {
  const i = lua.lua_absindex(s, idx);
  const t = lua.lua_type(s, i);
  switch (t) {
    case lua.LUA_TSTRING:
      return jsonEscape(strAt(s, i));
    case lua.LUA_TNUMBER:
      return jsonNumber(s, lua.lua_tonumber(s, i), cfg);
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(s, i) ? 'true' : 'false';
    case lua.LUA_TNIL:
      return 'null';
    case lua.LUA_TLIGHTUSERDATA:
      if (lua.lua_touserdata(s, i) === JSON_NULL) return 'null';
      break;
    case lua.LUA_TTABLE: {
      if (depth + 1 > cfg.encodeMaxDepth) lauxlib.luaL_error(s, 'Cannot serialise, excessive nesting (%d)', depth + 1);
      lua.lua_checkstack(s, 4);
      // lua_array_length: all keys positive integers -> array (unless excessively sparse).
      let max = 0;
      let items = 0;
      let isArray = true;
      lua.lua_pushnil(s);
      while (lua.lua_next(s, i)) {
        const k = lua.lua_type(s, -2) === lua.LUA_TNUMBER ? lua.lua_tonumber(s, -2) : Number.NaN;
        if (Number.isInteger(k) && k >= 1) {
          if (k > max) max = k;
          items++;
        } else isArray = false;
        lua.lua_pop(s, 1);
      }
      let sparse = false;
      if (isArray && cfg.sparseRatio > 0 && max > items * cfg.sparseRatio && max > cfg.sparseSafe) {
        if (!cfg.sparseConvert) lauxlib.luaL_error(s, 'Cannot serialise table: excessively sparse array');
        sparse = true;
      }
      if (isArray && max > 0 && !sparse) {
        const parts: string[] = [];
        for (let j = 1; j <= max; j++) {
          lua.lua_rawgeti(s, i, j);
          parts.push(jsonEncode(s, -1, depth + 1, cfg));
          lua.lua_pop(s, 1);
        }
        return `[${parts.join(',')}]`;
      }
      const parts: string[] = [];
      lua.lua_pushnil(s);
      while (lua.lua_next(s, i)) {
        const kt = lua.lua_type(s, -2);
        let key: string;
        if (kt === lua.LUA_TSTRING) key = jsonEscape(strAt(s, -2));
        else if (kt === lua.LUA_TNUMBER) key = `"${jsonNumber(s, lua.lua_tonumber(s, -2), cfg)}"`;
        else return lauxlib.luaL_error(s, 'Cannot serialise table: table key must be a number or string');
        parts.push(`${key}:${jsonEncode(s, -1, depth + 1, cfg)}`);
        lua.lua_pop(s, 1);
      }
      return `{${parts.join(',')}}`;
    }
  }
  return lauxlib.luaL_error(s, 'Cannot serialise %s: type not supported', bytesText(ls(typeName(t))));
}

function typeName(t: number): string {
  return ['nil', 'boolean', 'userdata', 'number', 'string', 'table', 'function', 'userdata', 'thread'][t] ?? 'no value';
}

/** A JSON text decoded onto the Lua stack (errors as lua-cjson words them). */
function jsonDecode(s: L, text: string, cfg: JsonConfig): void {
  let pos = 0;
  const fail = (expected: string, found: string, at: number): never => lauxlib.luaL_error(s, 'Expected %s but found %s at character %d', expected, found, at + 1);
  const ws = (): void => {
    while (pos < text.length && ' \t\r\n'.includes(text[pos])) pos++;
  };
  const tokenName = (): string => {
    if (pos >= text.length) return 'T_END';
    const c = text[pos];
    if (c === '{') return 'T_OBJ_BEGIN';
    if (c === '}') return 'T_OBJ_END';
    if (c === '[') return 'T_ARR_BEGIN';
    if (c === ']') return 'T_ARR_END';
    if (c === ':') return 'T_COLON';
    if (c === ',') return 'T_COMMA';
    if (c === '"') return 'T_STRING';
    if (c === '-' || (c >= '0' && c <= '9')) return 'T_NUMBER';
    if (text.startsWith('true', pos) || text.startsWith('false', pos)) return 'T_BOOLEAN';
    if (text.startsWith('null', pos)) return 'T_NULL';
    return 'invalid token';
  };
  const str = (): string => {
    const start = pos;
    pos++;
    let out = '';
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') {
        const e = text[pos + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail('value', 'invalid unicode escape code', start);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && e in map) {
          out += map[e];
          pos += 2;
        } else return fail('value', 'invalid escape code', start);
      } else out += text[pos++];
    }
    if (pos >= text.length) return fail('value', 'unexpected end of string', start);
    pos++;
    return out;
  };
  const value = (depth: number): void => {
    ws();
    const at = pos;
    const name = tokenName();
    lua.lua_checkstack(s, 4);
    if (name === 'T_OBJ_BEGIN' || name === 'T_ARR_BEGIN') {
      if (depth + 1 > cfg.decodeMaxDepth) lauxlib.luaL_error(s, 'Found too many nested data structures (%d) at character %d', depth + 1, at + 1);
      pos++;
      lua.lua_newtable(s);
      const isObj = name === 'T_OBJ_BEGIN';
      ws();
      if (pos < text.length && text[pos] === (isObj ? '}' : ']')) {
        pos++;
        return;
      }
      for (let n = 1; ; n++) {
        if (isObj) {
          ws();
          if (tokenName() !== 'T_STRING') fail('object key string', tokenName(), pos);
          lua.lua_pushstring(s, utf8Bytes(str()));
          ws();
          if (text[pos] !== ':') fail('colon', tokenName(), pos);
          pos++;
          value(depth + 1);
          lua.lua_rawset(s, -3);
        } else {
          value(depth + 1);
          lua.lua_rawseti(s, -2, n);
        }
        ws();
        const c = text[pos];
        if (c === ',') {
          pos++;
          continue;
        }
        if (c === (isObj ? '}' : ']')) {
          pos++;
          return;
        }
        fail(isObj ? 'comma or object end' : 'comma or array end', tokenName(), pos);
      }
    }
    if (name === 'T_STRING') {
      lua.lua_pushstring(s, utf8Bytes(str()));
      return;
    }
    if (name === 'T_NUMBER') {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(pos));
      if (!m) {
        fail('value', 'invalid number', at);
        return;
      }
      pos += m[0].length;
      lua.lua_pushnumber(s, Number(m[0]));
      return;
    }
    if (name === 'T_BOOLEAN') {
      const b = text.startsWith('true', pos);
      pos += b ? 4 : 5;
      lua.lua_pushboolean(s, b);
      return;
    }
    if (name === 'T_NULL') {
      pos += 4;
      lua.lua_pushlightuserdata(s, JSON_NULL);
      return;
    }
    fail('value', name, at);
  };
  value(0);
  ws();
  if (pos < text.length) fail('the end', tokenName(), pos);
}

function openCjson(s: L): void {
  const cfg: JsonConfig = { encodeMaxDepth: 1000, decodeMaxDepth: 1000, precision: 14, sparseConvert: false, sparseRatio: 2, sparseSafe: 10, encodeInvalid: false };
  lua.lua_createtable(s, 0, 16);
  setFuncs(s, {
    encode: (st) => {
      if (lua.lua_gettop(st) !== 1) lauxlib.luaL_argerror(st, 1, 'expected 1 argument');
      lua.lua_pushstring(st, utf8Bytes(jsonEncode(st, 1, 0, cfg)));
      return 1;
    },
    decode: (st) => {
      if (lua.lua_gettop(st) !== 1) lauxlib.luaL_argerror(st, 1, 'expected 1 argument');
      if (lua.lua_type(st, 1) !== lua.LUA_TSTRING && lua.lua_type(st, 1) !== lua.LUA_TNUMBER) lauxlib.luaL_argerror(st, 1, 'string expected');
      jsonDecode(st, strAt(st, 1), cfg);
      return 1;
    },
  });
  // The settings: each sets what it is given and returns the values in force.
  const intSetting =
    (get: () => number, set: (n: number) => void, min: number, max: number): FengariJsFunction =>
    (st) => {
      if (lua.lua_gettop(st) >= 1 && lua.lua_type(st, 1) !== lua.LUA_TNIL) {
        const n = Math.trunc(lauxlib.luaL_checknumber(st, 1));
        if (n < min || n > max) lauxlib.luaL_argerror(st, 1, `expected integer between ${min} and ${max}`);
        set(n);
      }
      lua.lua_pushnumber(st, get());
      return 1;
    };
  const boolSetting =
    (get: () => boolean, set: (b: boolean) => void): FengariJsFunction =>
    (st) => {
      if (lua.lua_gettop(st) >= 1 && lua.lua_type(st, 1) !== lua.LUA_TNIL) set(lua.lua_toboolean(st, 1) && !(lua.lua_type(st, 1) === lua.LUA_TSTRING && strAt(st, 1) === 'off'));
      lua.lua_pushboolean(st, get());
      return 1;
    };
  let keepBuffer = true;
  let decodeInvalid = true;
  setFuncs(s, {
    encode_sparse_array: (st) => {
      if (lua.lua_gettop(st) >= 1 && lua.lua_type(st, 1) !== lua.LUA_TNIL) cfg.sparseConvert = lua.lua_toboolean(st, 1);
      if (lua.lua_gettop(st) >= 2 && lua.lua_type(st, 2) !== lua.LUA_TNIL) cfg.sparseRatio = Math.trunc(lauxlib.luaL_checknumber(st, 2));
      if (lua.lua_gettop(st) >= 3 && lua.lua_type(st, 3) !== lua.LUA_TNIL) cfg.sparseSafe = Math.trunc(lauxlib.luaL_checknumber(st, 3));
      lua.lua_pushboolean(st, cfg.sparseConvert);
      lua.lua_pushnumber(st, cfg.sparseRatio);
      lua.lua_pushnumber(st, cfg.sparseSafe);
      return 3;
    },
    encode_max_depth: intSetting(() => cfg.encodeMaxDepth, (n) => (cfg.encodeMaxDepth = n), 1, 2147483647),
    decode_max_depth: intSetting(() => cfg.decodeMaxDepth, (n) => (cfg.decodeMaxDepth = n), 1, 2147483647),
    encode_number_precision: intSetting(() => cfg.precision, (n) => (cfg.precision = n), 1, 14),
    encode_keep_buffer: boolSetting(() => keepBuffer, (b) => (keepBuffer = b)),
    encode_invalid_numbers: boolSetting(() => cfg.encodeInvalid, (b) => (cfg.encodeInvalid = b)),
    decode_invalid_numbers: boolSetting(() => decodeInvalid, (b) => (decodeInvalid = b)),
  });
  lua.lua_pushlightuserdata(s, JSON_NULL);
  lua.lua_setfield(s, -2, 'null');
  lua.lua_pushstring(s, 'cjson');
  lua.lua_setfield(s, -2, '_NAME');
  lua.lua_pushstring(s, '2.1.0');
  lua.lua_setfield(s, -2, '_VERSION');
  lua.lua_setglobal(s, 'cjson');
}

// ---------------------------------------------------------------------------
// The sandbox.

/** Lua 5.1 library functions 5.3 dropped or renamed, written in Lua. */
const COMPAT_51 = `
local math, table, string, pairs, type, error = math, table, string, pairs, type, error
math.pow = function(x, y) return x ^ y end
math.mod = math.fmod
math.log10 = function(x) return math.log(x, 10) end
math.ldexp = function(m, e) return m * 2.0 ^ e end
math.atan2 = function(y, x) return math.atan(y, x) end
string.gfind = string.gmatch
local rep = string.rep
string.rep = function(s, n) return rep(s, n) end
table.getn = function(t) return #t end
table.setn = function() error("'setn' is obsolete", 2) end
table.maxn = function(t) local m = 0 for k in pairs(t) do if type(k) == 'number' and k > m then m = k end end return m end
table.foreachi = function(t, f) for i = 1, #t do local r = f(i, t[i]) if r ~= nil then return r end end end
table.foreach = function(t, f) for k, v in pairs(t) do local r = f(k, v) if r ~= nil then return r end end end
`;

function setNil(s: L, table: string | null, names: string[]): void {
  if (table) lua.lua_getglobal(s, table);
  else lua.lua_pushglobaltable(s);
  for (const n of names) {
    lua.lua_pushnil(s);
    lua.lua_setfield(s, -2, n);
  }
  lua.lua_pop(s, 1);
}

function setJs(s: L, table: string | null, funcs: Record<string, FengariJsFunction>): void {
  if (table) lua.lua_getglobal(s, table);
  else lua.lua_pushglobaltable(s);
  setFuncs(s, funcs);
  lua.lua_pop(s, 1);
}

const READONLY = 'Attempt to modify a readonly table';
/** Registry key of the real globals table (behind the read-only proxy). */
const REAL_GLOBALS = 'replica-lab:globals';

/** Redis' pcall: an error table is reduced to its err string (as Redis 6 scripts expect). */
function finishPcall(s: L, status: number): number {
  if (status !== lua.LUA_OK && status !== lua.LUA_YIELD) {
    if (lua.lua_type(s, -1) === lua.LUA_TTABLE) {
      lua.lua_getfield(s, -1, 'err');
      if (lua.lua_isstring(s, -1)) lua.lua_replace(s, -2);
      else lua.lua_pop(s, 1);
    }
    lua.lua_pushboolean(s, false);
    lua.lua_insert(s, -2);
    return 2;
  }
  return lua.lua_gettop(s);
}

/** 5.3 names the variable after the type ("a nil value (local 't')"), 5.1 before it ("local 't' (a nil value)"). */
function lua51Message(text: string): string {
  return text.replace(/attempt to (.+?) a (\w+) value \((\w+(?: \w+)?) '(.*)'\)$/, "attempt to $1 $3 '$4' (a $2 value)");
}

/**
 * string.format as 5.1 does integer conversions: the number is truncated
 * (5.3 refuses a non-integral one), and %d / %i print any 64-bit value
 * (fengari's integers are 32-bit).
 */
function format51(format: FengariJsFunction): FengariJsFunction {
  return (s) => {
    const fmt = lua.lua_type(s, 1) === lua.LUA_TSTRING ? strAt(s, 1) : null;
    if (fmt !== null) {
      let arg = 1;
      let out = '';
      let changed = false;
      const re = /%([-+ #0]*)(\d*)(\.\d*)?([a-zA-Z%])/g;
      let last = 0;
      for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
        if (m[4] === '%') continue;
        arg++;
        const conv = m[4];
        if ('diouxXc'.includes(conv) && lua.lua_type(s, arg) === lua.LUA_TNUMBER) {
          const x = Math.trunc(lua.lua_tonumber(s, arg));
          if ((conv === 'd' || conv === 'i') && Number.isFinite(x) && (x >= 2 ** 31 || x < -(2 ** 31)) && !m[1].includes('0') && !m[3]) {
            out += `${fmt.slice(last, m.index)}%${m[1]}${m[2]}s`;
            last = m.index + m[0].length;
            lua.lua_pushstring(s, BigInt(x).toString());
            changed = true;
          } else lua.lua_pushnumber(s, Number.isFinite(x) ? x : 0);
          lua.lua_replace(s, arg);
        }
      }
      if (changed) {
        lua.lua_pushstring(s, utf8Bytes(out + fmt.slice(last)));
        lua.lua_replace(s, 1);
      }
    }
    lua.lua_pushjsfunction(s, format);
    lua.lua_insert(s, 1);
    lua.lua_call(s, lua.lua_gettop(s) - 1, 1);
    return 1;
  };
}

/** __redis__err__handler: the error as a table with the source and line it was raised at. */
function errHandler(s: L): number {
  const ar = new lua.lua_Debug();
  let have = lua.lua_getstack(s, 1, ar) !== 0 && lua.lua_getinfo(s, 'nSl', ar) !== 0;
  const what = ar.what ? bytesText(ar.what) : '';
  if (have && (what === 'C' || what === 'J')) have = lua.lua_getstack(s, 2, ar) !== 0 && lua.lua_getinfo(s, 'nSl', ar) !== 0;
  if (lua.lua_type(s, 1) !== lua.LUA_TTABLE) {
    const text = lua51Message(bytesText(lauxlib.luaL_tolstring(s, 1)));
    lua.lua_createtable(s, 0, 3);
    lua.lua_pushstring(s, utf8Bytes(`ERR ${text}`));
    lua.lua_setfield(s, -2, 'err');
    lua.lua_replace(s, 1);
  }
  lua.lua_settop(s, 1);
  if (have) {
    lua.lua_pushstring(s, ar.source ?? ls('?'));
    lua.lua_setfield(s, 1, 'source');
    lua.lua_pushnumber(s, ar.currentline);
    lua.lua_setfield(s, 1, 'line');
  }
  return 1;
}

interface Sandbox {
  protectedTables: Set<object>;
}

/** The globals and libraries of a Redis 7.0 script, read-only. */
function openSandbox(s: L, host: ScriptHost): Sandbox {
  patchNumbers();
  lauxlib.luaL_requiref(s, '_G', lualib.luaopen_base, true);
  lauxlib.luaL_requiref(s, 'table', lualib.luaopen_table, true);
  lauxlib.luaL_requiref(s, 'string', lualib.luaopen_string, true);
  lauxlib.luaL_requiref(s, 'math', lualib.luaopen_math, true);
  lauxlib.luaL_requiref(s, 'coroutine', lualib.luaopen_coroutine, true);
  lua.lua_settop(s, 0);

  setNil(s, null, ['dofile', 'loadfile', 'print', 'rawlen', 'collectgarbage']);
  setNil(s, 'math', ['type', 'tointeger', 'ult', 'maxinteger', 'mininteger']);
  setNil(s, 'string', ['pack', 'unpack', 'packsize']);
  setNil(s, 'table', ['move', 'pack']);
  setNil(s, 'coroutine', ['isyieldable']);
  lua.lua_pushliteral(s, 'Lua 5.1');
  lua.lua_setglobal(s, '_VERSION');
  lua.lua_getglobal(s, 'table');
  lua.lua_getfield(s, -1, 'unpack');
  lua.lua_setglobal(s, 'unpack');
  lua.lua_pushnil(s);
  lua.lua_setfield(s, -2, 'unpack');
  lua.lua_pop(s, 1);
  lua.lua_getglobal(s, 'load');
  lua.lua_setglobal(s, 'loadstring');

  // The memory of the VM is not simulated: a constant keeps scripts deterministic.
  const gcCount = (st: L): number => {
    lua.lua_pushnumber(st, 20);
    return 1;
  };
  setJs(s, null, {
    gcinfo: gcCount,
    collectgarbage: (st) => {
      const opt = lua.lua_type(st, 1) === lua.LUA_TSTRING ? strAt(st, 1) : 'collect';
      if (opt === 'count') return gcCount(st);
      lua.lua_pushnumber(st, 0);
      return 1;
    },
    pcall: (st) => {
      lauxlib.luaL_checkany(st, 1);
      lua.lua_pushboolean(st, true);
      lua.lua_insert(st, 1);
      const status = lua.lua_pcallk(st, lua.lua_gettop(st) - 2, lua.LUA_MULTRET, 0, 0, finishPcall);
      return finishPcall(st, status);
    },
    __redis__err__handler: errHandler,
  });
  const floatResult =
    (f: (x: number) => number): FengariJsFunction =>
    (st) => {
      lua.lua_pushnumber(st, f(lauxlib.luaL_checknumber(st, 1)));
      return 1;
    };
  setJs(s, 'math', {
    floor: floatResult(Math.floor),
    ceil: floatResult(Math.ceil),
    cosh: floatResult(Math.cosh),
    sinh: floatResult(Math.sinh),
    tanh: floatResult(Math.tanh),
    frexp: (st) => {
      const x = lauxlib.luaL_checknumber(st, 1);
      if (x === 0 || !Number.isFinite(x)) {
        lua.lua_pushnumber(st, x);
        lua.lua_pushnumber(st, 0);
        return 2;
      }
      let e = Math.floor(Math.log2(Math.abs(x))) + 1;
      let m = x / 2 ** e;
      if (Math.abs(m) >= 1) {
        m /= 2;
        e++;
      } else if (Math.abs(m) < 0.5) {
        m *= 2;
        e--;
      }
      lua.lua_pushnumber(st, m);
      lua.lua_pushnumber(st, e);
      return 2;
    },
    random: (st) => {
      const r = (host.random() % 2147483647) / 2147483647;
      const argc = lua.lua_gettop(st);
      if (argc === 0) lua.lua_pushnumber(st, r);
      else if (argc === 1) {
        const u = Math.trunc(lauxlib.luaL_checknumber(st, 1));
        if (!(u >= 1)) lauxlib.luaL_argerror(st, 1, 'interval is empty');
        lua.lua_pushnumber(st, Math.floor(r * u) + 1);
      } else if (argc === 2) {
        const l = Math.trunc(lauxlib.luaL_checknumber(st, 1));
        const u = Math.trunc(lauxlib.luaL_checknumber(st, 2));
        if (!(l <= u)) lauxlib.luaL_argerror(st, 2, 'interval is empty');
        lua.lua_pushnumber(st, Math.floor(r * (u - l + 1)) + l);
      } else lauxlib.luaL_error(st, 'wrong number of arguments');
      return 1;
    },
    randomseed: (st) => {
      host.seedRandom(Math.trunc(lauxlib.luaL_checknumber(st, 1)) | 0);
      return 0;
    },
  });
  lua.lua_getglobal(s, 'string');
  lua.lua_getfield(s, -1, 'format');
  const format = lua.lua_tocfunction(s, -1);
  lua.lua_pop(s, 2);
  if (format) setJs(s, 'string', { format: format51(format) });
  if (lauxlib.luaL_loadbuffer(s, ls(COMPAT_51), null, '=compat') === lua.LUA_OK) lua.lua_call(s, 0, 0);
  else lua.lua_pop(s, 1);

  openRedis(s, host);
  openBit(s);
  openCjson(s);
  return protectGlobals(s);
}

/**
 * Globals and every library table become read-only (lua_enablereadonlytable
 * in Redis' Lua): scripts see them through proxies that refuse writes, and a
 * missing global is an error. rawset and setmetatable refuse them too.
 */
function protectGlobals(s: L): Sandbox {
  const protectedTables = new Set<object>();
  const mark = (idx: number): void => {
    const p = lua.lua_topointer(s, idx);
    if (p) protectedTables.add(p);
  };
  const refuseWrite: FengariJsFunction = (st) => lauxlib.luaL_error(st, READONLY);
  const proxyOf = (realIdx: number): void => {
    const real = lua.lua_absindex(s, realIdx);
    mark(real);
    lua.lua_newtable(s);
    mark(-1);
    lua.lua_createtable(s, 0, 3);
    mark(-1);
    lua.lua_pushvalue(s, real);
    lua.lua_setfield(s, -2, '__index');
    lua.lua_pushjsfunction(s, refuseWrite);
    lua.lua_setfield(s, -2, '__newindex');
    lua.lua_pushvalue(s, real);
    lua.lua_pushcclosure(
      s,
      (st) => {
        lua.lua_getglobal(st, 'next');
        lua.lua_pushvalue(st, lua.lua_upvalueindex(1));
        lua.lua_pushnil(st);
        return 3;
      },
      1,
    );
    lua.lua_setfield(s, -2, '__pairs');
    lua.lua_setmetatable(s, -2);
  };

  lua.lua_pushglobaltable(s);
  const realG = lua.lua_gettop(s);
  for (const lib of ['string', 'table', 'math', 'coroutine', 'redis', 'bit', 'cjson']) {
    lua.lua_getfield(s, realG, lib);
    proxyOf(-1);
    lua.lua_setfield(s, realG, lib);
    lua.lua_pop(s, 1);
  }
  // The string metatable answers getmetatable('') with a read-only view of itself.
  lua.lua_pushliteral(s, '');
  if (lua.lua_getmetatable(s, -1)) {
    proxyOf(-1);
    lua.lua_setfield(s, -2, '__metatable');
    lua.lua_pop(s, 1);
  }
  lua.lua_pop(s, 1);

  // rawset and setmetatable refuse the protected tables (the original is the guard's upvalue).
  const guard: FengariJsFunction = (st) => {
    const p = lua.lua_topointer(st, 1);
    if (p && protectedTables.has(p)) {
      lua.lua_pushliteral(st, READONLY);
      return lua.lua_error(st);
    }
    lua.lua_pushvalue(st, lua.lua_upvalueindex(1));
    lua.lua_insert(st, 1);
    lua.lua_call(st, lua.lua_gettop(st) - 1, 1);
    return 1;
  };
  for (const name of ['rawset', 'setmetatable']) {
    lua.lua_getfield(s, realG, name);
    lua.lua_pushcclosure(s, guard, 1);
    lua.lua_setfield(s, realG, name);
  }

  // The globals proxy: _G, and what every chunk (and load()) sees as _ENV.
  lua.lua_newtable(s);
  const proxy = lua.lua_gettop(s);
  mark(proxy);
  mark(realG);
  lua.lua_createtable(s, 0, 2);
  mark(-1);
  lua.lua_pushvalue(s, realG);
  lua.lua_pushcclosure(
    s,
    (st) => {
      lua.lua_pushvalue(st, 2);
      if (lua.lua_rawget(st, lua.lua_upvalueindex(1)) === lua.LUA_TNIL) {
        lauxlib.luaL_error(st, "Script attempted to access nonexistent global variable '%s'", lua.lua_tostring(st, 2) ?? ls('?'));
      }
      return 1;
    },
    1,
  );
  lua.lua_setfield(s, -2, '__index');
  lua.lua_pushjsfunction(s, refuseWrite);
  lua.lua_setfield(s, -2, '__newindex');
  lua.lua_setmetatable(s, proxy);
  lua.lua_pushvalue(s, proxy);
  lua.lua_setfield(s, realG, '_G');
  lua.lua_pushvalue(s, proxy);
  lua.lua_rawseti(s, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
  lua.lua_pushvalue(s, realG);
  lua.lua_setfield(s, lua.LUA_REGISTRYINDEX, REAL_GLOBALS);
  lua.lua_settop(s, 0);
  return { protectedTables };
}

// ---------------------------------------------------------------------------
// Compiling and running.

const CHUNK_NAME = '@user_script';

/** luaL_loadbuffer's error for a script that does not compile, or null. */
export function compileError(code: string): string | null {
  patchNumbers();
  const s = lauxlib.luaL_newstate();
  const bytes = utf8Bytes(code);
  if (lauxlib.luaL_loadbuffer(s, bytes, bytes.length, CHUNK_NAME) === lua.LUA_OK) return null;
  // Lua 5.1 quotes the end of the chunk: near '<eof>'.
  return strAt(s, -1).replace(/ near <eof>$/, " near '<eof>'");
}

export type ResumeResult = { done: false } | { done: true; reply: Reply };

/** One run of a script: a fresh VM, the script in a coroutine, resumed until it ends. */
export class LuaScript {
  private readonly state: L;
  private readonly thread: L;
  private started = false;
  private killing = false;

  constructor(
    code: string,
    keys: string[],
    args: string[],
    private readonly sha: string,
    private readonly host: ScriptHost,
  ) {
    const s = lauxlib.luaL_newstate();
    this.state = s;
    lua.lua_atnativeerror(s, (st) => {
      const e = lua.lua_touserdata(st, -1);
      lua.lua_pushstring(st, `Replica Lab internal error: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    });
    openSandbox(s, host);
    this.thread = lua.lua_newthread(s);
    const t = this.thread;
    lua.lua_getglobal(t, 'xpcall');
    const bytes = utf8Bytes(code);
    if (lauxlib.luaL_loadbuffer(t, bytes, bytes.length, CHUNK_NAME) !== lua.LUA_OK) {
      // Checked before running: only a VM failure gets here.
      lua.lua_settop(t, 0);
      lua.lua_pushjsfunction(t, (st) => lauxlib.luaL_error(st, 'compile failed'));
    }
    lua.lua_getglobal(t, '__redis__err__handler');
    this.setGlobalArray('KEYS', keys);
    this.setGlobalArray('ARGV', args);
    lua.lua_sethook(t, (st, ar) => this.onHook(st, ar), lua.LUA_MASKCOUNT, HOOK_INSTRUCTIONS);
  }

  /** KEYS and ARGV: plain (writable) tables in the real globals, set after the protection as Redis does. */
  private setGlobalArray(name: string, items: string[]): void {
    const s = this.state;
    lua.lua_getfield(s, lua.LUA_REGISTRYINDEX, REAL_GLOBALS);
    lua.lua_createtable(s, items.length, 0);
    for (let i = 0; i < items.length; i++) {
      lua.lua_pushstring(s, utf8Bytes(items[i]));
      lua.lua_rawseti(s, -2, i + 1);
    }
    lua.lua_setfield(s, -2, name);
    lua.lua_pop(s, 1);
  }

  private onHook(st: L, _ar: FengariDebug): void {
    if (this.killing) raise(st, 'Script killed by user with SCRIPT KILL...');
    const action = this.host.hook();
    if (action === 'kill') {
      // As Redis: from now on every line raises again, so pcall cannot swallow the kill.
      this.killing = true;
      lua.lua_sethook(this.thread, (s2, a2) => this.onHook(s2, a2), lua.LUA_MASKLINE | lua.LUA_MASKCOUNT, HOOK_INSTRUCTIONS);
      raise(st, 'Script killed by user with SCRIPT KILL...');
    }
    if (action === 'pause' && st === this.thread && lua.lua_isyieldable(st)) lua.lua_yield(st, 0);
  }

  /** Run until the script ends or the host pauses it at a count hook. */
  resume(): ResumeResult {
    const t = this.thread;
    let status: number;
    try {
      status = lua.lua_resume(t, null, this.started ? 0 : 2);
    } catch (e) {
      return { done: true, reply: err(`ERR Error running script f_${this.sha}, Replica Lab internal error: ${e instanceof Error ? e.message : String(e)}`) };
    }
    this.started = true;
    if (status === lua.LUA_YIELD) return { done: false };
    if (status !== lua.LUA_OK) {
      const msg = lua.lua_type(t, -1) === lua.LUA_TSTRING ? strAt(t, -1) : 'execution failure';
      return { done: true, reply: err(cleanErr(`ERR Error running script f_${this.sha}, ${msg.slice(0, 100)}`)) };
    }
    if (lua.lua_toboolean(t, 1)) {
      if (lua.lua_gettop(t) < 2) lua.lua_pushnil(t);
      return { done: true, reply: toReply(t, 2, this.host.resp()) };
    }
    return { done: true, reply: this.errorReply(t) };
  }

  /** The reply for a script that raised an error (luaCallFunction). */
  private errorReply(t: L): Reply {
    if (lua.lua_type(t, 2) !== lua.LUA_TTABLE) {
      const msg = lua.lua_isstring(t, 2) ? strAt(t, 2) : 'execution failure';
      return err(cleanErr(`ERR Error running script ${this.sha}, ${msg.slice(0, 100)}`));
    }
    const field = (name: string): string | null => {
      lua.lua_getfield(t, 2, name);
      const v = lua.lua_isstring(t, -1) ? strAt(t, -1) : null;
      lua.lua_pop(t, 1);
      return v;
    };
    let msg = field('err') ?? '';
    const source = field('source');
    const line = field('line');
    if (source !== null && line !== null) msg += ` script: ${this.sha}, on ${source}:${line}.`;
    return err(cleanErr(msg));
  }
}
