// The exported redis.conf files rewritten to run side by side on one machine,
// as plain `redis-server <file>` processes on 127.0.0.1: each node gets its
// own port instead of 6379-in-its-container, follows its master by that
// port instead of by service name, and keeps its files in its own folder.
// Only those four lines change; every other line is the exported text, so
// starting these files checks what the learner downloads.
//
// Example: with portMap { m: 7400, r1: 7401 } and dir /tmp/x, r1.conf's
//   port 6379 / bind 0.0.0.0 / replicaof m 6379 / dir /data
// becomes
//   port 7401 / bind 127.0.0.1 / replicaof 127.0.0.1 7400 / dir /tmp/x/r1

import { confWord } from './configs';

export interface LoopbackNode {
  service: string;
  /** The folder for this node's files (`dir`): `<dir>/<service>`. The caller creates it. */
  dir: string;
  port: number;
  conf: string;
}

/**
 * Rewrites each node's exported conf for loopback. `portMap` gives the port
 * of every service. Throws when a line it must rewrite is missing or names an
 * unknown service (the export's format changed).
 */
export function forLoopback(
  nodes: readonly { service: string; conf: string }[],
  portMap: Readonly<Record<string, number>>,
  dir: string,
): LoopbackNode[] {
  const portOf = (service: string): number => {
    const p = portMap[service];
    if (p === undefined) throw new Error(`no port for service ${service}`);
    return p;
  };
  return nodes.map((n) => {
    const port = portOf(n.service);
    const nodeDir = `${dir.replace(/\/+$/, '')}/${n.service}`;
    const seen = new Set<string>();
    const lines = n.conf.split('\n').map((line) => {
      const word = /^(port|bind|replicaof|dir) /.exec(line)?.[1];
      if (word === undefined) return line;
      if (seen.has(word)) throw new Error(`${n.service}: more than one ${word} line`);
      seen.add(word);
      switch (word) {
        case 'port':
          return `port ${port}`;
        case 'bind':
          return 'bind 127.0.0.1';
        case 'dir':
          return `dir ${confWord(nodeDir)}`;
        default: {
          const m = /^replicaof (\S+) (\d+)$/.exec(line);
          if (!m) throw new Error(`${n.service}: cannot read "${line}"`);
          return `replicaof 127.0.0.1 ${portOf(m[1])}`;
        }
      }
    });
    for (const must of ['port', 'bind', 'dir']) if (!seen.has(must)) throw new Error(`${n.service}: the exported conf has no ${must} line`);
    return { service: n.service, dir: nodeDir, port, conf: lines.join('\n') };
  });
}
