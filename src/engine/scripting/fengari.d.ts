// Type declarations for the parts of fengari (Lua 5.3 in JS) the scripting
// engine uses. fengari ships no types; modules are imported one by one (not
// the package root) so that its io/os/package libraries, which need Node's
// fs and child_process, stay out of the bundles.

/** A Lua state or thread (opaque). */
interface FengariState {
  readonly __fengariState: unique symbol;
}
/** Lua strings are byte arrays in fengari. */
type FengariString = Uint8Array;
type FengariJsFunction = (L: FengariState) => number;
type FengariKFunction = (L: FengariState, status: number, ctx: number) => number;
interface FengariDebug {
  source: FengariString | null;
  short_src: FengariString | null;
  currentline: number;
  what: FengariString | null;
}

declare module 'fengari/src/lua.js' {
  interface LuaApi {
    LUA_OK: number;
    LUA_YIELD: number;
    LUA_ERRRUN: number;
    LUA_ERRSYNTAX: number;
    LUA_ERRMEM: number;
    LUA_ERRERR: number;
    LUA_MASKCOUNT: number;
    LUA_MASKLINE: number;
    LUA_MULTRET: number;
    LUA_REGISTRYINDEX: number;
    LUA_RIDX_GLOBALS: number;
    LUA_TNONE: number;
    LUA_TNIL: number;
    LUA_TBOOLEAN: number;
    LUA_TLIGHTUSERDATA: number;
    LUA_TNUMBER: number;
    LUA_TSTRING: number;
    LUA_TTABLE: number;
    LUA_TFUNCTION: number;
    LUA_TUSERDATA: number;
    LUA_TTHREAD: number;
    lua_Debug: new () => FengariDebug;
    lua_absindex(L: FengariState, idx: number): number;
    lua_atnativeerror(L: FengariState, f: FengariJsFunction): FengariJsFunction | null;
    lua_call(L: FengariState, nargs: number, nresults: number): void;
    lua_checkstack(L: FengariState, n: number): boolean;
    lua_createtable(L: FengariState, narr: number, nrec: number): void;
    lua_error(L: FengariState): never;
    lua_getfield(L: FengariState, idx: number, k: string | FengariString): number;
    lua_getglobal(L: FengariState, name: string | FengariString): number;
    lua_getinfo(L: FengariState, what: string | FengariString, ar: FengariDebug): number;
    lua_getmetatable(L: FengariState, idx: number): boolean;
    lua_getstack(L: FengariState, level: number, ar: FengariDebug): number;
    lua_gettop(L: FengariState): number;
    lua_insert(L: FengariState, idx: number): void;
    lua_isinteger(L: FengariState, idx: number): boolean;
    lua_isnumber(L: FengariState, idx: number): boolean;
    lua_isstring(L: FengariState, idx: number): boolean;
    lua_isyieldable(L: FengariState): boolean;
    lua_newtable(L: FengariState): void;
    lua_newthread(L: FengariState): FengariState;
    lua_next(L: FengariState, idx: number): boolean;
    lua_pcallk(L: FengariState, nargs: number, nresults: number, errfunc: number, ctx: number, k: FengariKFunction | null): number;
    lua_pop(L: FengariState, n: number): void;
    lua_pushboolean(L: FengariState, b: boolean): void;
    lua_pushcclosure(L: FengariState, f: FengariJsFunction, n: number): void;
    lua_pushglobaltable(L: FengariState): void;
    lua_pushinteger(L: FengariState, n: number): void;
    lua_pushjsfunction(L: FengariState, f: FengariJsFunction): void;
    lua_pushlightuserdata(L: FengariState, p: object | null): void;
    lua_pushliteral(L: FengariState, s: string): void;
    lua_pushnil(L: FengariState): void;
    lua_pushnumber(L: FengariState, n: number): void;
    lua_pushstring(L: FengariState, s: string | FengariString): void;
    lua_pushvalue(L: FengariState, idx: number): void;
    lua_rawequal(L: FengariState, a: number, b: number): boolean;
    lua_rawget(L: FengariState, idx: number): number;
    lua_rawgeti(L: FengariState, idx: number, n: number): number;
    lua_rawset(L: FengariState, idx: number): void;
    lua_rawseti(L: FengariState, idx: number, n: number): void;
    lua_remove(L: FengariState, idx: number): void;
    lua_replace(L: FengariState, idx: number): void;
    lua_resume(L: FengariState, from: FengariState | null, nargs: number): number;
    lua_rotate(L: FengariState, idx: number, n: number): void;
    lua_setfield(L: FengariState, idx: number, k: string | FengariString): void;
    lua_setglobal(L: FengariState, name: string | FengariString): void;
    lua_sethook(L: FengariState, f: ((L: FengariState, ar: FengariDebug) => void) | null, mask: number, count: number): void;
    lua_setmetatable(L: FengariState, idx: number): void;
    lua_settable(L: FengariState, idx: number): void;
    lua_settop(L: FengariState, idx: number): void;
    lua_toboolean(L: FengariState, idx: number): boolean;
    lua_tocfunction(L: FengariState, idx: number): FengariJsFunction | null;
    lua_tonumber(L: FengariState, idx: number): number;
    lua_topointer(L: FengariState, idx: number): object | null;
    lua_tostring(L: FengariState, idx: number): FengariString | null;
    lua_touserdata(L: FengariState, idx: number): unknown;
    lua_type(L: FengariState, idx: number): number;
    lua_upvalueindex(i: number): number;
    lua_yield(L: FengariState, n: number): number;
  }
  const lua: LuaApi;
  export default lua;
}

declare module 'fengari/src/lauxlib.js' {
  interface LauxApi {
    luaL_argerror(L: FengariState, arg: number, extramsg: string | FengariString): never;
    luaL_checkany(L: FengariState, arg: number): void;
    luaL_checkinteger(L: FengariState, arg: number): number;
    luaL_checknumber(L: FengariState, arg: number): number;
    luaL_checkstack(L: FengariState, sz: number, msg: string | FengariString | null): void;
    luaL_checktype(L: FengariState, arg: number, t: number): void;
    luaL_error(L: FengariState, fmt: string | FengariString, ...args: (string | number | FengariString)[]): never;
    luaL_loadbuffer(L: FengariState, buff: FengariString, size: number | null, name: string | FengariString): number;
    luaL_newstate(): FengariState;
    luaL_optnumber(L: FengariState, arg: number, def: number): number;
    luaL_requiref(L: FengariState, modname: string | FengariString, openf: FengariJsFunction, glb: boolean): void;
    luaL_setfuncs(L: FengariState, l: Record<string, FengariJsFunction>, nup: number): void;
    luaL_tolstring(L: FengariState, idx: number): FengariString;
  }
  const lauxlib: LauxApi;
  export default lauxlib;
}

declare module 'fengari/src/fengaricore.js' {
  interface CoreApi {
    to_luastring(s: string, cache?: boolean): FengariString;
  }
  const core: CoreApi;
  export default core;
}

declare module 'fengari/src/lobject.js' {
  /** A Lua value slot (TValue). */
  export interface TValue {
    value: number;
    ttisinteger(): boolean;
    ttisfloat(): boolean;
    setfltvalue(x: number): void;
    setsvalue(s: unknown): void;
  }
  interface LObject {
    luaO_tostring(L: FengariState, obj: TValue): void;
    luaO_str2num(s: Uint8Array, o: TValue): number;
    luaO_pushvfstring(L: FengariState, fmt: Uint8Array, argp: unknown[]): Uint8Array;
  }
  const lobject: LObject;
  export default lobject;
}

declare module 'fengari/src/lstring.js' {
  interface LString {
    luaS_bless(L: FengariState, s: Uint8Array): unknown;
  }
  const lstring: LString;
  export default lstring;
}

declare module 'fengari/src/lualib.js' {
  interface LuaLib {
    luaopen_base: FengariJsFunction;
    luaopen_table: FengariJsFunction;
    luaopen_string: FengariJsFunction;
    luaopen_math: FengariJsFunction;
    luaopen_coroutine: FengariJsFunction;
  }
  const lualib: LuaLib;
  export default lualib;
}
