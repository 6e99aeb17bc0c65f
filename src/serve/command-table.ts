// COMMAND [COUNT | LIST | INFO | DOCS | GETKEYS | HELP] for served nodes.
//
// The answers are Redis' own: command-table.json holds what redis-server 7.0
// (and Redis Sentinel) replied to COMMAND INFO and COMMAND DOCS for every
// command a served node has (recorded by command-table-record.ts). redis-cli
// 7 sends COMMAND DOCS when it starts and draws its argument hints from the
// reply, so learners get Redis' hints for exactly the commands they can use.
// A command the engine learned after the recording still answers, with an
// entry built from its arity (and empty docs) until the file is recorded again.

import type { CommandTable } from '../engine/commands/types';
import { E, NULL_BULK, type Reply, array, bulk, err, int, toResp2 } from '../engine/resp/reply';
import data from './command-table.json';

/** A reply in JSON: a string is a bulk string, a number an integer, {s} a status, null a null bulk. */
export type Packed = string | number | null | { s: string } | Packed[];

export interface CommandTableData {
  /** redis_version of the server the replies were recorded from. */
  recordedFrom: string;
  help: Packed;
  /** By lower-case command name: its COMMAND INFO entry and its COMMAND DOCS value. */
  server: Record<string, { info: Packed; docs: Packed }>;
  sentinel: Record<string, { info: Packed; docs: Packed }>;
}

/** Commands a served node answers in serve itself (protocol level), beside the engine's table. */
export const SERVE_COMMANDS = ['hello', 'quit', 'command'] as const;
/** Subcommands serve adds to the engine's containers (or answers for its own). */
export const SERVE_SUBCOMMANDS: Record<string, string[]> = {
  client: ['list', 'info'],
  command: ['count', 'list', 'info', 'docs', 'getkeys', 'help'],
};

export function pack(r: Reply): Packed {
  switch (r.t) {
    case 'bulk':
      return r.s;
    case 'int':
      return Number(r.n);
    case 'status':
      return { s: r.s };
    case 'array':
      return r.a.map(pack);
    case 'error':
      return { s: `-${r.s}` };
    case 'nullbulk':
    case 'nullarray':
      return null;
    default:
      return pack(toResp2(r));
  }
}

export function unpack(p: Packed): Reply {
  if (p === null) return NULL_BULK;
  if (typeof p === 'string') return bulk(p);
  if (typeof p === 'number') return int(p);
  if (Array.isArray(p)) return array(p.map(unpack));
  return { t: 'status', s: p.s };
}

const table = data as CommandTableData;

interface Entry {
  name: string;
  info: Reply;
  docs: Reply;
}

/** The commands of one kind of node (a Redis server or a Sentinel), by lower-case full name (`client|list` too). */
export class CommandCatalog {
  private readonly top: Entry[] = [];
  private readonly byName = new Map<string, Entry>();

  constructor(engineTable: CommandTable, sentinel: boolean) {
    const recorded = sentinel ? table.sentinel : table.server;
    const names = new Set<string>([...Object.keys(engineTable), ...SERVE_COMMANDS]);
    for (const name of [...names].sort()) {
      const rec = recorded[name];
      const spec = engineTable[name];
      const e: Entry = rec
        ? { name, info: unpack(rec.info), docs: unpack(rec.docs) }
        : { name, info: fallbackInfo(name, spec?.arity ?? -1, []), docs: array([]) };
      this.top.push(e);
      this.byName.set(name, e);
      // Subcommand entries are in COMMAND INFO's last field: [name, arity, flags, first, last, step, acl, tips, keyspecs, subcommands].
      const subs = e.info.t === 'array' ? e.info.a[9] : undefined;
      if (subs?.t === 'array') {
        for (const s of subs.a) {
          if (s.t === 'array' && s.a[0].t === 'bulk') this.byName.set(s.a[0].s, { name: s.a[0].s, info: s, docs: docsOfSub(e.docs, s.a[0].s) });
        }
      }
    }
  }

  get count(): number {
    return this.top.length;
  }

  lookup(name: string): Entry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** COMMAND and its subcommands; argv[0] is COMMAND. The reply carries Redis' RESP3 types (sets, maps). */
  command(argv: string[]): Reply {
    if (argv.length === 1) return array(this.top.map((e) => typedInfo(e.info)));
    const sub = argv[1].toLowerCase();
    const arityError = err(E.arity(`command|${sub}`));
    switch (sub) {
      case 'count':
        return argv.length === 2 ? int(this.count) : arityError;
      case 'help':
        return argv.length === 2 ? unpack(table.help) : arityError;
      case 'info':
        if (argv.length === 2) return array(this.top.map((e) => typedInfo(e.info)));
        return array(argv.slice(2).map((n) => {
          const e = this.lookup(n);
          return e ? typedInfo(e.info) : NULL_BULK;
        }));
      case 'docs': {
        const entries = argv.length === 2 ? this.top : argv.slice(2).flatMap((n) => this.lookup(n) ?? []);
        return { t: 'map', a: entries.flatMap((e) => [bulk(e.name), typedDocs(e.docs)]) };
      }
      case 'list':
        return this.list(argv);
      case 'getkeys':
        return argv.length < 4 ? arityError : this.getkeys(argv.slice(2));
      default:
        return err(`ERR unknown subcommand '${argv[1].slice(0, 128)}'. Try COMMAND HELP.`);
    }
  }

  /** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern] */
  private list(argv: string[]): Reply {
    if (argv.length === 2) return array(this.top.map((e) => bulk(e.name)));
    if (argv.length !== 5 || argv[2].toLowerCase() !== 'filterby') return err(E.syntax);
    const kind = argv[3].toLowerCase();
    const value = argv[4];
    // FILTERBY matches subcommands as well (`client|list`).
    const all = [...this.byName.values()];
    if (kind === 'module') return array([]);
    if (kind === 'aclcat') {
      const cat = `@${value.toLowerCase()}`;
      return array(all.filter((e) => e.info.t === 'array' && e.info.a[6]?.t === 'array' && e.info.a[6].a.some((c) => c.t === 'status' && c.s === cat)).map((e) => bulk(e.name)));
    }
    if (kind === 'pattern') {
      const re = globToRegExp(value);
      return array(all.filter((e) => re.test(e.name)).map((e) => bulk(e.name)));
    }
    return err(E.syntax);
  }

  /** COMMAND GETKEYS: the key positions of COMMAND INFO (first key, last key, step). */
  private getkeys(cmd: string[]): Reply {
    let e = this.lookup(cmd[0]);
    if (e && cmd.length > 1 && this.lookup(`${e.name}|${cmd[1]}`)) e = this.lookup(`${e.name}|${cmd[1]}`);
    if (e?.info.t !== 'array') return err('ERR Invalid command specified');
    const [, arityR, , firstR, lastR, stepR] = e.info.a;
    const num = (r: Reply | undefined): number => (r?.t === 'int' ? Number(r.n) : 0);
    const arity = num(arityR);
    const first = num(firstR);
    if (first === 0) return err('ERR The command has no key arguments');
    if ((arity > 0 && arity !== cmd.length) || cmd.length < -arity) return err('ERR Invalid number of arguments specified for command');
    const lastKey = num(lastR);
    const last = lastKey < 0 ? cmd.length + lastKey : lastKey;
    const step = Math.max(1, num(stepR));
    const keys: Reply[] = [];
    for (let i = first; i <= last && i < cmd.length; i += step) keys.push(bulk(cmd[i]));
    return array(keys);
  }
}

// The recording holds RESP2 replies; these give back the types Redis 7.0
// writes (addReplyCommandInfo, addReplyCommandDocs), which a RESP3 client sees.

const asSet = (r: Reply | undefined): Reply => (r?.t === 'array' ? { t: 'set', a: r.a } : (r ?? { t: 'set', a: [] }));

/** A flat key, value list as a map, with each value typed by its key. */
function asMap(r: Reply | undefined, value: (key: string, v: Reply) => Reply = (_k, v) => v): Reply {
  if (r?.t !== 'array') return r ?? { t: 'map', a: [] };
  const a: Reply[] = [];
  for (let i = 0; i + 1 < r.a.length; i += 2) {
    const k = r.a[i];
    a.push(k, value(k.t === 'bulk' ? k.s : '', r.a[i + 1]));
  }
  return { t: 'map', a };
}

/** addReplyCommandInfo: flags, ACL categories, tips and key specs are sets; no subcommands is an empty set. */
function typedInfo(info: Reply): Reply {
  if (info.t !== 'array' || info.a.length < 10) return info;
  const a = info.a.slice();
  a[2] = asSet(a[2]);
  a[6] = asSet(a[6]);
  a[7] = asSet(a[7]);
  const specs = a[8];
  a[8] = { t: 'set', a: specs.t === 'array' ? specs.a.map(typedKeySpec) : [] };
  const subs = a[9];
  a[9] = subs.t === 'array' && subs.a.length > 0 ? array(subs.a.map(typedInfo)) : { t: 'set', a: [] };
  return array(a);
}

function typedKeySpec(spec: Reply): Reply {
  return asMap(spec, (k, v) => {
    if (k === 'flags') return asSet(v);
    if (k === 'begin_search' || k === 'find_keys') return asMap(v, (k2, v2) => (k2 === 'spec' ? asMap(v2) : v2));
    return v;
  });
}

/** addReplyCommandDocs: a map; doc flags and history are sets, arguments maps, subcommands a map of docs. */
function typedDocs(docs: Reply): Reply {
  return asMap(docs, (k, v) => {
    if (k === 'doc_flags' || k === 'history') return asSet(v);
    if (k === 'arguments') return typedArgs(v);
    if (k === 'subcommands') return asMap(v, (_n, d) => typedDocs(d));
    return v;
  });
}

function typedArgs(args: Reply): Reply {
  if (args.t !== 'array') return args;
  return array(
    args.a.map((arg) =>
      asMap(arg, (k, v) => {
        if (k === 'flags') return asSet(v);
        if (k === 'arguments') return typedArgs(v);
        return v;
      }),
    ),
  );
}

/** A COMMAND INFO entry for a command missing from the recording. */
function fallbackInfo(name: string, arity: number, subs: Reply[]): Reply {
  return array([bulk(name), int(arity), array([]), int(0), int(0), int(0), array([]), array([]), array([]), array(subs)]);
}

/** A subcommand's docs from its container's "subcommands" map. */
function docsOfSub(docs: Reply, full: string): Reply {
  if (docs.t !== 'array') return array([]);
  for (let i = 0; i + 1 < docs.a.length; i += 2) {
    const k = docs.a[i];
    const v = docs.a[i + 1];
    if (k.t === 'bulk' && k.s === 'subcommands' && v.t === 'array') {
      for (let j = 0; j + 1 < v.a.length; j += 2) {
        const n = v.a[j];
        if (n.t === 'bulk' && n.s === full) return v.a[j + 1];
      }
    }
  }
  return array([]);
}

/** Redis' stringmatchlen, case-insensitive as COMMAND LIST uses it: * ? [abc] [^a] [a-z] and \ escapes. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/]/g, '\\]')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}
