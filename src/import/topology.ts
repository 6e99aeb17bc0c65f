// From the nodes an input describes to the lab's topology: names the lab
// accepts, each replica's `replicaof <host> <port>` resolved to a node, and
// the checks that can only be made across nodes (a replica without the
// master's password, a port nobody listens on, a replication cycle).

import { MAX_NODES } from '../worker/protocol';
import { finalConfig, type NodeSettings, newSettings } from './directives';
import { T } from './messages';
import type { Report } from './report';
import type { ImportedNode } from './types';

/** A node being imported. */
export interface Draft {
  name: string;
  /** Where it is described (service or file), for findings. */
  line: number;
  file: string | null;
  settings: NodeSettings;
  /** Host names other nodes may use for it, lower case (service, container_name, hostname, aliases). */
  hostnames: string[];
  /** Added for a master the input points at but does not describe. */
  placeholder: boolean;
}

const NAME_RE = /^[A-Za-z0-9_.-]{1,32}$/;

/** A name the lab accepts (1 to 32 of letters, digits, '-', '_', '.'): other characters become '-'. */
export function sanitizeName(raw: string): string {
  const s = raw.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32);
  return NAME_RE.test(s) ? s : 'redis';
}

/** `wanted`, or `wanted-2`, `wanted-3`… when taken. */
export function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let k = 2; ; k++) {
    const suffix = `-${k}`;
    const name = wanted.slice(0, 32 - suffix.length) + suffix;
    if (!taken.has(name)) return name;
  }
}

function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === '0.0.0.0' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The lab's nodes. `mode` says how a host name is matched: in a compose file
 * containers reach each other by service name (and 127.0.0.1 is the container
 * itself); redis.conf files name hosts the lab cannot see, so a loopback
 * address or an unknown host is matched by port among the other files.
 */
export function resolveTopology(drafts: Draft[], report: Report, mode: 'compose' | 'conf'): ImportedNode[] {
  const replicaOf = new Map<Draft, Draft | null>();
  const placeholders = new Map<string, Draft>();
  const taken = new Set(drafts.map((d) => d.name));
  const all = [...drafts];

  const placeholder = (host: string, port: number, line: number, from: Draft): Draft => {
    const key = `${host.toLowerCase()}:${port}`;
    let p = placeholders.get(key);
    if (!p) {
      const name = uniqueName(isLoopback(host) ? `master-${port}` : sanitizeName(host), taken);
      taken.add(name);
      const settings = newSettings();
      settings.port = port;
      p = { name, line, file: from.file, settings, hostnames: [host.toLowerCase()], placeholder: true };
      placeholders.set(key, p);
      all.push(p);
    }
    // The lab's stand-in asks for the password its first replica brings, so the link can authenticate.
    const auth = [...from.settings.pairs].reverse().find((x) => x.name === 'masterauth')?.value;
    if (auth && !p.settings.pairs.some((x) => x.name === 'requirepass')) p.settings.pairs.push({ name: 'requirepass', value: auth });
    report.warn(line, 'master-added', T.masterAdded(from.name, `${host}:${port}`, p.name, p.settings.pairs.length > 0));
    return p;
  };

  for (const d of drafts) {
    const m = d.settings.master;
    if (!m) continue;
    const saved = report.file;
    report.file = m.file;
    const host = m.host.toLowerCase();
    let target: Draft | null = drafts.find((o) => o.hostnames.includes(host)) ?? null;
    if (!target && mode === 'compose' && isLoopback(host)) {
      report.warn(m.line, 'master-loopback', T.masterLoopback(d.name, m.host));
    } else if (!target && mode === 'conf') {
      const byPort = drafts.filter((o) => o !== d && o.settings.port === m.port);
      if (byPort.length === 1) {
        target = byPort[0];
        if (!isLoopback(host)) report.info(m.line, 'master-by-port', T.masterByPort(d.name, `${m.host}:${m.port}`, target.name));
      } else {
        if (byPort.length > 1) report.warn(m.line, 'master-ambiguous', T.masterAmbiguous(`${m.host}:${m.port}`, byPort.map((o) => o.name)));
        target = placeholder(m.host, m.port, m.line, d);
      }
    } else if (!target) {
      target = placeholder(m.host, m.port, m.line, d);
    }
    if (target === d) {
      report.warn(m.line, 'master-self', T.masterSelf(d.name));
      target = null;
    } else if (target && !target.placeholder && target.settings.port !== m.port) {
      report.warn(m.line, 'master-port', T.masterPort(d.name, target.name, m.port, target.settings.port));
    }
    replicaOf.set(d, target);
    report.file = saved;
  }

  if (all.length > MAX_NODES) {
    report.error(0, 'too-many-nodes', T.tooManyNodes(all.length, MAX_NODES));
    return [];
  }

  // Replication cycles: Redis accepts them, but no node in one takes writes.
  const reported = new Set<Draft>();
  for (const d of drafts) {
    const path: Draft[] = [];
    let cur: Draft | null | undefined = d;
    while (cur && !path.includes(cur)) {
      path.push(cur);
      cur = replicaOf.get(cur);
    }
    if (cur && cur === d && !reported.has(d)) {
      const cycle = path;
      for (const c of cycle) reported.add(c);
      report.file = d.settings.master?.file ?? d.file;
      report.warn(d.settings.master?.line ?? d.line, 'replication-cycle', T.replicationCycle(cycle.map((c) => c.name)));
    }
  }

  const configs = new Map<Draft, [string, string][]>();
  for (const d of all) {
    const { config, error } = finalConfig(d.settings);
    report.file = d.file;
    if (error !== null) report.error(d.line, 'config-refused', T.configRefused(d.name, error));
    configs.set(d, config);
  }

  // The replication handshake's AUTH (syncWithMaster): the replica's masterauth against the master's requirepass.
  for (const d of drafts) {
    const m = replicaOf.get(d);
    if (!m) continue;
    const get = (x: Draft, k: string) => configs.get(x)?.find(([n]) => n === k)?.[1] ?? '';
    const pass = get(m, 'requirepass');
    const auth = get(d, 'masterauth');
    report.file = d.settings.master?.file ?? d.file;
    const line = d.settings.master?.line ?? d.line;
    if (pass !== '' && auth === '') report.warn(line, 'auth-missing', T.authMissing(d.name, m.name));
    else if (pass !== '' && auth !== pass) report.warn(line, 'auth-wrong', T.authWrong(d.name, m.name));
    else if (pass === '' && auth !== '') report.warn(line, 'auth-unneeded', T.authUnneeded(d.name, m.name));
  }
  report.file = null;

  return all.map((d) => ({ name: d.name, replicaOf: replicaOf.get(d)?.name ?? null, config: configs.get(d) ?? [] }));
}
