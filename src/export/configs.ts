// From the lab to real Redis: a topology (TopologyNode[], what the engine
// answers to `export-topology`) becomes one redis.conf per node and a
// docker-compose.yml that runs them on the official `redis` image, pinned to
// the version the engine models. Pure: text in, text out, so the same code
// runs in the page and in the tests that start real redis-server processes
// with these files.
//
// Example: the default lab (m, r1 and r2 replicating from m, on lab ports
// 6379, 6380, 6381) gives services m, r1, r2, each listening on 6379 inside its
// container and published as 127.0.0.1:6379, :6380 and :6381 on the host;
// r1.conf and r2.conf say `replicaof m 6379` (Docker's DNS resolves `m`).

import type { Lang } from '../i18n';
import type { TopologyNode } from '../worker/protocol';
import { type FileText, fileText } from './fileText';
import { type LeftOutReason, leftOutReason, MULTI_ARG, persists, SECRETS, WRITTEN_SEPARATELY } from './settings';

export const REDIS_VERSION = '7.0.15';
export const REDIS_IMAGE = `redis:${REDIS_VERSION}`;
/** Every node listens on Redis' usual port inside its own container. */
export const CONTAINER_PORT = 6379;
/** Host ports are handed out from here in the lab's port order. */
export const FIRST_HOST_PORT = 6379;
/** Where the official image's documentation puts a redis.conf. */
export const CONF_IN_CONTAINER = '/usr/local/etc/redis/redis.conf';
/** The official image's working directory and declared volume. */
export const DATA_DIR = '/data';
export const COMPOSE_FILE = 'docker-compose.yml';
export const PROJECT_NAME = 'replica-lab';

export interface ExportedNode {
  /** The node's name in the lab. */
  name: string;
  /** Its compose service name and hostname (see serviceNames). */
  service: string;
  /** The redis.conf file of this node, next to docker-compose.yml. */
  fileName: string;
  /** The port on the host that reaches this node's 6379. */
  hostPort: number;
  /** The service this node replicates from, null for a master. */
  masterService: string | null;
  /** It writes RDB snapshots or an append-only file, so /data gets a named volume. */
  persists: boolean;
  volume: string | null;
  /** Settings written into the file (name, value as CONFIG GET prints it). */
  written: [string, string][];
  /** Settings from the lab left out of the file, with the reason (also written as a comment). */
  leftOut: { name: string; value: string; reason: LeftOutReason }[];
  conf: string;
}

export interface ExportFile {
  name: string;
  kind: 'compose' | 'conf';
  text: string;
}

export interface ExportBundle {
  nodes: ExportedNode[];
  /** docker-compose.yml first, then each node's .conf in host port order. */
  files: ExportFile[];
}

// ---------------------------------------------------------------------------
// Names.

const MAX_LABEL = 63;
/** A DNS label (RFC 1123) in lower case: a valid compose service name and hostname. */
const VALID_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** `name` as a DNS label: lower case, runs of anything else as one '-', at most 63 characters. */
export function sanitizeName(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_LABEL)
    .replace(/-+$/, '');
  return s === '' ? 'node' : s;
}

/**
 * The service name of each lab name. A name that is already a valid label
 * keeps it; the others are sanitised, and a clash gets -2, -3...
 * ("R1" next to "r1" becomes "r1-2").
 */
export function serviceNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of names) {
    if (VALID_NAME.test(n) && !taken.has(n)) {
      out.set(n, n);
      taken.add(n);
    }
  }
  for (const n of names) {
    if (out.has(n)) continue;
    const base = sanitizeName(n);
    let s = base;
    for (let k = 2; taken.has(s); k++) {
      const suffix = `-${k}`;
      s = base.slice(0, MAX_LABEL - suffix.length).replace(/-+$/, '') + suffix;
    }
    out.set(n, s);
    taken.add(s);
  }
  return out;
}

/** A lab name inside a comment: as it is when plain, else quoted with its control characters escaped. */
function shown(name: string): string {
  return VALID_NAME.test(name) ? name : `"${escapeForComment(name)}"`;
}

/** No character that ends a line (for Redis or for YAML) may reach a comment. */
function escapeForComment(s: string): string {
  return s.replace(/[\x00-\x1f\x7f\u0085\u2028\u2029"\\]/g, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// ---------------------------------------------------------------------------
// redis.conf syntax (sdssplitargs: words split on blanks, "double quotes" with
// \n \r \t \" \\ \xHH escapes).

const PLAIN_WORD = /^[^\s"'\\#\x00-\x1f\x7f]+$/;

/** One word of a redis.conf line: as it is when that is unambiguous, else double-quoted. */
export function confWord(value: string): string {
  if (PLAIN_WORD.test(value)) return value;
  let out = '"';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    // \xHH is one byte; only ASCII control characters are written that way (the rest is UTF-8 as it is).
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/**
 * A setting as a redis.conf line. A multi-argument setting lists its words
 * (`save 3600 1 300 100`); an empty one is `save ""`, which clears it.
 */
export function confLine(name: string, value: string): string {
  if (MULTI_ARG.has(name)) {
    const words = value.split(' ').filter((w) => w !== '');
    return words.length === 0 ? `${name} ""` : `${name} ${words.map(confWord).join(' ')}`;
  }
  return `${name} ${confWord(value)}`;
}

// ---------------------------------------------------------------------------
// The files.

function comments(lines: readonly string[], indent = ''): string[] {
  return lines.map((l) => (l === '' ? `${indent}#` : `${indent}# ${l}`));
}

function section(title: string): string {
  return `# ${title} ${'-'.repeat(Math.max(4, 60 - title.length))}`;
}

/** Whether following `replicaOf` from `service` comes back to it (compose refuses a depends_on cycle). */
function cycleOf(service: string, masterOf: ReadonlyMap<string, string | null>): string[] | null {
  const path: string[] = [service];
  for (let cur = masterOf.get(service) ?? null; cur !== null; cur = masterOf.get(cur) ?? null) {
    if (cur === service) return path;
    if (path.includes(cur)) return null;
    path.push(cur);
  }
  return null;
}

function setting(n: ExportedNode, name: string): string | undefined {
  return n.written.find(([k]) => k === name)?.[1];
}

function confFile(n: ExportedNode, all: readonly ExportedNode[], t: FileText): string {
  const L: string[] = [];
  L.push(...comments([t.confTitle(n.fileName, shown(n.name)), '', ...t.confIntro(REDIS_IMAGE, n.service, CONF_IN_CONTAINER)]));
  L.push(...comments([n.masterService === null ? t.confRoleMaster : t.confRoleReplica(n.masterService)]), '');

  L.push(section(t.sectionNetwork));
  L.push(...comments(t.port(n.hostPort)), `port ${CONTAINER_PORT}`);
  L.push(...comments(t.bind), 'bind 0.0.0.0');
  L.push(...comments(t.protectedMode), 'protected-mode no', '');

  L.push(section(t.sectionReplication));
  if (n.masterService === null) L.push(...comments([t.masterHasNoReplicaof]));
  else {
    L.push(...comments(t.replicaof(n.masterService)), `replicaof ${n.masterService} ${CONTAINER_PORT}`);
    const master = all.find((o) => o.service === n.masterService);
    const password = master ? setting(master, 'requirepass') : undefined;
    if (password !== undefined && password !== '' && setting(n, 'masterauth') !== password) L.push(...comments(t.masterauthMismatch(n.masterService)));
  }
  L.push('');

  L.push(section(t.sectionPersistence));
  L.push(...comments(n.volume === null ? t.dirNoVolume : t.dir(n.volume)), `dir ${DATA_DIR}`);
  const hasReplicas = all.some((o) => o.masterService === n.service);
  if (!n.persists && n.masterService === null && hasReplicas) L.push(...comments(t.emptyMasterWarning));
  L.push('');

  L.push(section(t.sectionChosen));
  if (n.written.length === 0) L.push(...comments([t.noneChosen]));
  else {
    L.push(...comments(t.chosenIntro));
    for (const [name, value] of n.written) {
      L.push(...comments(t.explain(name, value) ?? []));
      if (SECRETS.has(name)) L.push(...comments(t.secret));
      L.push(confLine(name, value));
    }
  }

  if (n.leftOut.length > 0) {
    L.push('', section(t.sectionLeftOut), ...comments([t.leftOutIntro]));
    for (const { name, value, reason } of n.leftOut) L.push(`# ${confLine(name, value)}`, `#   ${t.leftOut[reason]}`);
  }
  return `${L.join('\n')}\n`;
}

// YAML 1.1 readers take these plain words for booleans or null; such a name is quoted.
const YAML_SPECIAL = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

/** A service or volume name in YAML: plain when no reader could take it for anything but a string. */
function yamlName(s: string): string {
  return /^[a-z][a-z0-9-]*$/.test(s) && !YAML_SPECIAL.has(s) ? s : JSON.stringify(s);
}

function composeFile(nodes: readonly ExportedNode[], t: FileText): string {
  const L: string[] = [];
  const first = nodes.find((n) => n.masterService === null) ?? nodes[0];
  L.push(...comments([t.composeTitle, '', ...t.composeIntro(REDIS_IMAGE), '', '  docker compose up -d', '', ...t.composeTry(first.service, first.hostPort)]));
  L.push(...comments(['', t.composeNodes]));
  for (const n of nodes) {
    const role = n.masterService === null ? t.roleMaster : t.roleReplicaOf(n.masterService);
    L.push(`#   ${shown(n.name)} -> ${n.service}, ${role}, 127.0.0.1:${n.hostPort}`);
  }
  L.push('', `name: ${PROJECT_NAME}`, '', 'services:');

  const masterOf = new Map(nodes.map((n) => [n.service, n.masterService]));
  for (const n of nodes) {
    L.push(`  ${yamlName(n.service)}:`, `    image: ${REDIS_IMAGE}`, `    hostname: ${yamlName(n.service)}`);
    L.push(`    command: ["redis-server", "${CONF_IN_CONTAINER}"]`, '    volumes:');
    L.push(...comments([t.composeConfMount], '      '), `      - ./${n.fileName}:${CONF_IN_CONTAINER}:ro`);
    if (n.volume !== null) L.push(...comments([t.composeVolume], '      '), `      - ${n.volume}:${DATA_DIR}`);
    else L.push(...comments([t.composeNoVolume], '      '));
    L.push('    ports:', ...comments(t.composePort(n.hostPort), '      '), `      - "127.0.0.1:${n.hostPort}:${CONTAINER_PORT}"`);
    if (n.masterService !== null) {
      const cycle = cycleOf(n.service, masterOf);
      if (cycle) L.push(...comments([t.composeCycle(cycle.join(', '))], '    '));
      else L.push(...comments([t.composeDependsOn], '    '), '    depends_on:', `      - ${yamlName(n.masterService)}`);
    }
    L.push('');
  }

  const volumes = nodes.flatMap((n) => (n.volume === null ? [] : [n.volume]));
  if (volumes.length > 0) {
    L.push('volumes:', ...comments([t.composeVolumes], '  '));
    // `<service>-data` always reads as a string (it ends in "-data"), also as a key.
    for (const v of volumes) L.push(`  ${v}:`);
  }
  return `${L.join('\n').replace(/\n+$/, '')}\n`;
}

/**
 * The files for `topology` (at least one node): docker-compose.yml and one
 * `<service>.conf` per node, commented in `lang`. Nodes are ordered by their
 * lab port, which also hands out the host ports 6379, 6380...
 */
export function exportConfigs(topology: readonly TopologyNode[], opts: { lang?: Lang } = {}): ExportBundle {
  if (topology.length === 0) throw new Error('there are no nodes to export');
  const t = fileText[opts.lang ?? 'en'];
  const ordered = [...topology].sort((a, b) => a.port - b.port);
  const services = serviceNames(ordered.map((n) => n.name));

  const nodes: ExportedNode[] = ordered.map((node, i) => {
    const service = services.get(node.name)!;
    const written: [string, string][] = [];
    const leftOut: ExportedNode['leftOut'] = [];
    for (const [rawName, value] of node.config) {
      const name = rawName.toLowerCase();
      if (WRITTEN_SEPARATELY.has(name)) continue;
      const reason = leftOutReason(name);
      if (reason) leftOut.push({ name, value, reason });
      else written.push([name, value]);
    }
    const masterService = node.replicaOf === null ? null : (services.get(node.replicaOf) ?? null);
    const keeps = persists(written);
    return {
      name: node.name,
      service,
      fileName: `${service}.conf`,
      hostPort: FIRST_HOST_PORT + i,
      masterService,
      persists: keeps,
      volume: keeps ? `${service}-data` : null,
      written,
      leftOut,
      conf: '',
    };
  });
  for (const n of nodes) n.conf = confFile(n, nodes, t);

  const files: ExportFile[] = [
    { name: COMPOSE_FILE, kind: 'compose', text: composeFile(nodes, t) },
    ...nodes.map((n): ExportFile => ({ name: n.fileName, kind: 'conf', text: n.conf })),
  ];
  return { nodes, files };
}
