// Connection-level commands a served node answers itself, because they are
// about the TCP connection rather than the simulated server: HELLO (RESP
// version negotiation), CLIENT LIST / CLIENT INFO (which need each
// connection's address and file descriptor), and the address forms of CLIENT
// KILL. Everything else, including CLIENT ID / SETNAME / GETNAME and CLIENT
// KILL by ID or TYPE, is the engine's. Texts are Redis 7.0.15's.

import { E, type Reply, array, bulk, err, int, map, verbatim } from '../engine/resp/reply';
import type { ClientState, NodeState } from '../engine/server/types';

/** redis_version a served node reports (HELLO; INFO says the same). */
export const REDIS_VERSION = '7.0.15';

/** What serve knows about one TCP connection to a node. */
export interface ConnInfo {
  clientId: number;
  /** The client's side, `127.0.0.1:53412`. */
  addr: string;
  /** The node's side, `127.0.0.1:7000`. */
  laddr: string;
  fd: number;
  createdMs: number;
  lastCommandMs: number;
  /** Last command as CLIENT LIST prints it: lower case, `client|list` for a subcommand, NULL before the first. */
  lastCommand: string;
}

/** How CLIENT LIST sees a client the engine opened itself (a replica's link, the link to the master, a Sentinel's). */
export interface InternalInfo {
  fd: number;
  firstSeenMs: number;
}

/**
 * The TCP connections the engine's own links would use. The engine has no
 * ephemeral ports; the local end of a simulated connection gets a stable one
 * derived from its id, so CLIENT LIST prints the same address each time.
 */
export function ephemeralPort(connId: number): number {
  return 40000 + (connId % 20000);
}

/** validateClientName: printable ASCII without spaces ('!' to '~'). */
export function validClientName(name: string): boolean {
  return /^[!-~]*$/.test(name);
}

export interface HelloContext {
  node: NodeState;
  client: ClientState;
  /** Runs AUTH username password on the engine and returns its reply. */
  auth(username: string, password: string): Reply;
}

/**
 * HELLO [protover [AUTH username password] [SETNAME clientname]]: switches the
 * connection to RESP2 or RESP3 and answers Redis' map (a flat array in RESP2).
 */
export function helloCommand(argv: string[], ctx: HelloContext): Reply {
  let next = 1;
  let proto: 2 | 3 | null = null;
  if (argv.length >= 2) {
    next = 2;
    const ver = /^(0|-?[1-9][0-9]{0,18})$/.test(argv[1]) ? Number(argv[1]) : null;
    if (ver === null) return err('ERR Protocol version is not an integer or out of range');
    if (ver !== 2 && ver !== 3) return err('NOPROTO unsupported protocol version');
    proto = ver;
  }
  let credentials: [string, string] | null = null;
  let name: string | null = null;
  for (let j = next; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j].toLowerCase();
    if (opt === 'auth' && more >= 2) {
      credentials = [argv[j + 1], argv[j + 2]];
      j += 2;
    } else if (opt === 'setname' && more >= 1) {
      name = argv[j + 1];
      if (!validClientName(name)) return err('ERR Client names cannot contain spaces, newlines or special characters.');
      j++;
    } else {
      return err(`ERR Syntax error in HELLO option '${argv[j]}'`);
    }
  }
  if (credentials) {
    const r = ctx.auth(credentials[0], credentials[1]);
    if (r.t === 'error') return r;
  }
  if (!ctx.client.authenticated) {
    return err(
      'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
    );
  }
  if (name !== null) ctx.client.name = name;
  if (proto !== null) ctx.client.resp = proto;
  const node = ctx.node;
  const fields: Reply[] = [
    bulk('server'),
    bulk('redis'),
    bulk('version'),
    bulk(REDIS_VERSION),
    bulk('proto'),
    int(ctx.client.resp ?? 2),
    bulk('id'),
    int(ctx.client.id),
    bulk('mode'),
    bulk(node.sentinel ? 'sentinel' : 'standalone'),
  ];
  if (!node.sentinel) fields.push(bulk('role'), bulk(node.repl.masterHost !== null ? 'replica' : 'master'));
  fields.push(bulk('modules'), array([]));
  return map(fields);
}

type ClientType = 'normal' | 'replica' | 'master' | 'pubsub';

/** getClientType */
function clientType(c: ClientState): ClientType {
  if (c.kind === 'master') return 'master';
  if (c.kind === 'replica') return 'replica';
  if (c.subs?.length || c.psubs?.length) return 'pubsub';
  return 'normal';
}

/** getClientTypeByName */
function clientTypeByName(name: string): ClientType | null {
  const t = name.toLowerCase();
  if (t === 'normal' || t === 'master' || t === 'pubsub') return t;
  if (t === 'replica' || t === 'slave') return 'replica';
  return null;
}

/** Everything CLIENT LIST needs about a node's clients. */
export interface ClientListContext {
  node: NodeState;
  nowMs: number;
  /** serve's record of a client that came in over TCP. */
  served(clientId: number): ConnInfo | undefined;
  /** A stable fd and first-seen time for a client the engine opened. */
  internal(c: ClientState): InternalInfo;
}

/** The address pair of a client: [addr, laddr]. */
export function clientAddresses(ctx: ClientListContext, c: ClientState): [string, string] {
  const served = ctx.served(c.id);
  if (served) return [served.addr, served.laddr];
  const local = `${ctx.node.host}:${ctx.node.port}`;
  const other = `${ctx.node.host}:${ephemeralPort(c.conn)}`;
  // On a replica the master link is a connection it opened: the master's port is the far end.
  if (c.kind === 'master') return [`${ctx.node.repl.masterHost ?? ctx.node.host}:${ctx.node.repl.masterPort}`, other];
  return [other, local];
}

/** catClientInfoString, with the memory figures of an idle client (the simulation keeps no buffers). */
export function clientInfoLine(ctx: ClientListContext, c: ClientState): string {
  const served = ctx.served(c.id);
  const internal = served ? undefined : ctx.internal(c);
  const [addr, laddr] = clientAddresses(ctx, c);
  let flags = '';
  if (c.kind === 'replica') flags += 'S';
  if (c.kind === 'master') flags += 'M';
  if (c.subs?.length || c.psubs?.length) flags += 'P';
  if (c.multi) flags += 'x';
  if (c.blocked) flags += 'b';
  if (c.casDirty) flags += 'd';
  if (!flags) flags = 'N';
  const created = served?.createdMs ?? internal?.firstSeenMs ?? ctx.nowMs;
  const last = served?.lastCommandMs ?? created;
  const cmd = served?.lastCommand ?? (c.kind === 'replica' ? 'replconf' : 'NULL');
  return [
    `id=${c.id}`,
    `addr=${addr}`,
    `laddr=${laddr}`,
    `fd=${served?.fd ?? internal?.fd ?? -1}`,
    `name=${c.name}`,
    `age=${Math.floor((ctx.nowMs - created) / 1000)}`,
    `idle=${Math.floor((ctx.nowMs - last) / 1000)}`,
    `flags=${flags}`,
    `db=${c.dbIndex}`,
    `sub=${c.subs?.length ?? 0}`,
    `psub=${c.psubs?.length ?? 0}`,
    'ssub=0',
    `multi=${c.multi ? c.multi.length : -1}`,
    'qbuf=0',
    'qbuf-free=0',
    'argv-mem=0',
    'multi-mem=0',
    'rbs=1024',
    'rbp=0',
    'obl=0',
    'oll=0',
    'omem=0',
    'tot-mem=22272',
    'events=r',
    `cmd=${cmd}`,
    'user=default',
    'redir=-1',
    `resp=${c.resp ?? 2}`,
  ].join(' ');
}

function clientsInOrder(node: NodeState): ClientState[] {
  return Object.values(node.clients).sort((a, b) => a.id - b.id);
}

/** CLIENT LIST [TYPE type | ID id [id ...]] */
export function clientListCommand(argv: string[], ctx: ClientListContext): Reply {
  let lines: ClientState[];
  const opt = argv[2]?.toLowerCase();
  if (argv.length === 4 && opt === 'type') {
    const type = clientTypeByName(argv[3]);
    if (type === null) return err(`ERR Unknown client type '${argv[3]}'`);
    lines = clientsInOrder(ctx.node).filter((c) => clientType(c) === type);
  } else if (argv.length > 3 && opt === 'id') {
    lines = [];
    for (const a of argv.slice(3)) {
      if (!/^(0|-?[1-9][0-9]{0,18})$/.test(a)) return err('ERR Invalid client ID');
      const c = ctx.node.clients[Number(a)];
      if (c) lines.push(c);
    }
  } else if (argv.length !== 2) {
    return err(E.syntax);
  } else {
    lines = clientsInOrder(ctx.node);
  }
  return verbatim(lines.map((c) => `${clientInfoLine(ctx, c)}\n`).join(''));
}

/**
 * The address filters of CLIENT KILL (new form), turned into the ID filter
 * the engine understands: `ADDR 127.0.0.1:53412` names one connection;
 * `LADDR` names the node's own address (every client) or nothing.
 * Returns argv unchanged when it has no such filter.
 */
export function translateKillFilters(argv: string[], ctx: ClientListContext): string[] {
  if (argv.length < 4 || argv.length % 2 !== 0) return argv;
  const out = argv.slice(0, 2);
  const nobody = String(Number.MAX_SAFE_INTEGER);
  for (let i = 2; i + 1 < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    const val = argv[i + 1];
    if (opt === 'addr') {
      const match = clientsInOrder(ctx.node).find((c) => clientAddresses(ctx, c)[0] === val);
      out.push('ID', match ? String(match.id) : nobody);
    } else if (opt === 'laddr') {
      if (val !== `${ctx.node.host}:${ctx.node.port}`) out.push('ID', nobody);
    } else {
      out.push(argv[i], val);
    }
  }
  // A filter that matched every client was dropped; SKIPME keeps the call well formed.
  if (out.length === 2) out.push('SKIPME', 'yes');
  return out;
}
