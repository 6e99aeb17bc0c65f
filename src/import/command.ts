// A compose service's `command:` (and `entrypoint:`) for images that run
// redis-server directly: the official image's entrypoint puts `redis-server`
// in front of a command that starts with `-` or names a `.conf` file, then
// redis-server reads its config file (when the file was imported too, found
// through the service's volumes) and its `--name value` options.

import { applyDirective, commandLineDirectives, type NodeSettings, type Token } from './directives';
import { T } from './messages';
import { readRedisConf } from './redisConf';
import type { Report } from './report';

/** Files a service can see: container path → host path (its volumes), and the imported files by base name. */
export interface ConfFiles {
  mounts: ReadonlyMap<string, string>;
  files: ReadonlyMap<string, string>;
  /** Filled with the base names of the files read. */
  used: Set<string>;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The host path behind a container path: the volume that mounts it, or one that mounts a directory above it. */
function hostPath(path: string, mounts: ReadonlyMap<string, string>): string | null {
  const exact = mounts.get(path);
  if (exact !== undefined) return exact;
  for (const [target, source] of mounts) {
    const dir = target.endsWith('/') ? target : `${target}/`;
    if (path.startsWith(dir)) return `${source.replace(/\/$/, '')}/${path.slice(dir.length)}`;
  }
  return null;
}

/**
 * Read a config file a container uses: from the imported files when one has
 * the same base name as the file mounted there, else say it is missing.
 * Returns the line of a `sentinel` directive in it, or 0.
 */
export function readMountedConf(path: Token, s: NodeSettings, report: Report, conf: ConfFiles): number {
  const host = hostPath(path.text, conf.mounts);
  const candidates = [baseName(host ?? path.text)];
  for (const name of candidates) {
    const text = conf.files.get(name);
    if (text === undefined) continue;
    report.info(path.line, 'config-file-read', T.configFileRead(path.text, name));
    conf.used.add(name);
    const saved = report.file;
    report.file = name;
    const sentinel = readRedisConf(text, s, report);
    report.file = saved;
    return sentinel;
  }
  report.warn(path.line, 'config-file-missing', T.configFileMissing(path.text, host));
  return 0;
}

/** redis-server's arguments (after the program name) applied to `s`. Returns false for a Sentinel. */
export function applyServerArgs(args: readonly Token[], s: NodeSettings, report: Report, conf: ConfFiles): boolean {
  const cl = commandLineDirectives(args);
  if (cl.configFile) {
    if (readMountedConf(cl.configFile, s, report, conf) > 0) return false;
  }
  if (cl.stdin) report.warn(args[0]?.line ?? 0, 'config-stdin', T.configStdin());
  for (const line of cl.unbalanced) report.error(line, 'unbalanced-quotes', T.refused('…', 'Unbalanced quotes in configuration line'));
  for (const { argv, line } of cl.lines) applyDirective(s, argv, { line, report, origin: 'option' });
  return !s.sentinel;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/env']);

/**
 * What a service runs, as redis-server arguments: null when it runs something
 * else (reported). `words` is entrypoint + command after the image's
 * docker-entrypoint.sh rule. A shell's `-c "... redis-server ..."` is read up
 * to the first `&&`, `;` or `|`.
 */
export function serverArgs(words: readonly Token[], report: Report, shellSplit: (script: string) => string[] | null): { args: Token[]; sentinel: boolean } | null {
  if (words.length === 0) return { args: [], sentinel: false };
  let w = [...words];
  const first = w[0].text;
  if (first.startsWith('-') || first.endsWith('.conf')) w = [{ text: 'redis-server', line: w[0].line }, ...w];
  const prog = baseName(w[0].text);
  if (prog === 'redis-server') return { args: w.slice(1), sentinel: w.slice(1).some((t) => t.text === '--sentinel') };
  if (prog === 'redis-sentinel') return { args: w.slice(1), sentinel: true };
  if (SHELLS.has(w[0].text) || SHELLS.has(prog)) {
    const c = w.findIndex((t) => t.text === '-c');
    const script = c >= 0 ? w[c + 1] : undefined;
    const parts = script ? shellSplit(script.text) : null;
    const start = parts ? parts.findIndex((p) => baseName(p) === 'redis-server' || baseName(p) === 'redis-sentinel') : -1;
    if (parts && script && start >= 0) {
      let end = parts.findIndex((p, k) => k > start && /^(&&|\|\||;|\||&)$/.test(p));
      if (end < 0) end = parts.length;
      report.info(script.line, 'shell-command', T.shellCommand());
      const args = parts.slice(start + 1, end).map((text) => ({ text, line: script.line }));
      return { args, sentinel: baseName(parts[start]) === 'redis-sentinel' || args.some((t) => t.text === '--sentinel') };
    }
  }
  report.warn(words[0].line, 'command-unknown', T.commandUnknown(words.map((t) => t.text).join(' ')));
  return null;
}
