// Importing redis.conf files: each file is one node, read line by line as
// loadServerConfigFromString (config.c) reads it. Several files can be
// imported together; a replica's `replicaof <host> <port>` then finds its
// master among them (by name, or by port for 127.0.0.1 and hosts the lab
// cannot see), and a master that is not among them is added as a plain node.

import { sdssplitargs } from './args';
import { applyDirective, type NodeSettings, newSettings } from './directives';
import { guardInput } from './guard';
import { T } from './messages';
import { Report } from './report';
import { type Draft, resolveTopology, sanitizeName, uniqueName } from './topology';
import type { ImportResult, ImportSource } from './types';

/**
 * Read a redis.conf into `s`: lines are trimmed, empty lines and `#` comments
 * skipped, the rest split with sdssplitargs and applied in order.
 * Returns the line of the first `sentinel` directive (a Sentinel's file), or 0.
 */
export function readRedisConf(text: string, s: NodeSettings, report: Report): number {
  const lines = text.split('\n');
  let sentinelLine = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    const argv = sdssplitargs(line);
    if (argv === null) {
      report.error(k + 1, 'unbalanced-quotes', T.refused(line.length > 80 ? `${line.slice(0, 77)}…` : line, 'Unbalanced quotes in configuration line'));
      continue;
    }
    if (argv.length === 0) continue;
    const wasSentinel = s.sentinel;
    applyDirective(s, argv, { line: k + 1, report, origin: 'conf' });
    if (!wasSentinel && s.sentinel) sentinelLine = k + 1;
  }
  return sentinelLine;
}

/** The node name a file gives: its name without directory and `.conf` ("redis-6380.conf" → "redis-6380"). */
export function nodeNameFor(file: string | null): string {
  if (file === null) return 'redis';
  const base = file.split(/[\\/]/).pop() ?? file;
  return sanitizeName(base.replace(/\.conf$/i, '') || 'redis');
}

/** One or more redis.conf files (pasted text has no name) as a lab topology. */
export function parseRedisConfs(sources: readonly ImportSource[]): ImportResult {
  const report = new Report();
  const drafts: Draft[] = [];
  const taken = new Set<string>();
  const many = sources.length > 1;
  for (const src of sources) {
    report.file = many ? (src.name ?? 'redis.conf') : null;
    if (!guardInput(src.text, report, 'conf')) continue;
    const settings = newSettings();
    const sentinelLine = readRedisConf(src.text, settings, report);
    if (sentinelLine > 0) {
      report.warn(sentinelLine, 'sentinel-config', T.sentinelConfig());
      continue;
    }
    const name = uniqueName(nodeNameFor(src.name), taken);
    taken.add(name);
    drafts.push({ name, line: 0, file: report.file, settings, hostnames: [name.toLowerCase()], placeholder: false });
  }
  report.file = null;
  const nodes = drafts.length > 0 ? resolveTopology(drafts, report, 'conf') : [];
  if (drafts.length === 0 && !report.hasErrors()) report.error(0, 'no-nodes', T.noNodes());
  return { kind: 'redis-conf', nodes, findings: report.done() };
}

/** A single redis.conf as a lab topology (a replica's master is added when it is elsewhere). */
export function parseRedisConf(text: string, fileName: string | null = null): ImportResult {
  return parseRedisConfs([{ name: fileName, text }]);
}
