// How redis-server reads its configuration, for imported files: a redis.conf
// line or a `--name value` command-line option becomes a directive that is
// checked the way loadServerConfigFromString (config.c, Redis 7.0) checks it —
// known name, number of arguments, a value the parameter's set function
// accepts — using the engine's own configuration table, so the lab refuses
// exactly what Redis refuses, in Redis' words.

import { applyBootConfig, CONFIG_NAMES, type Config, defaultConfig, MULTI_ARG_CONFIGS } from '../engine/server/config';
import { reprArg, sdssplitargs } from './args';
import { T } from './messages';
import type { Report } from './report';

/** Old names config.c still accepts for a parameter (registerConfigValue's aliases). */
export const CONFIG_ALIASES: Readonly<Record<string, string>> = {
  'cluster-slave-no-failover': 'cluster-replica-no-failover',
  'slave-lazy-flush': 'replica-lazy-flush',
  'slave-serve-stale-data': 'replica-serve-stale-data',
  'slave-read-only': 'replica-read-only',
  'slave-ignore-maxmemory': 'replica-ignore-maxmemory',
  'slave-announce-ip': 'replica-announce-ip',
  'cluster-slave-validity-factor': 'cluster-replica-validity-factor',
  'list-max-ziplist-size': 'list-max-listpack-size',
  'slave-priority': 'replica-priority',
  'slave-announce-port': 'replica-announce-port',
  'repl-ping-slave-period': 'repl-ping-replica-period',
  'min-slaves-to-write': 'min-replicas-to-write',
  'min-slaves-max-lag': 'min-replicas-max-lag',
  'lua-time-limit': 'busy-reply-threshold',
  'hash-max-ziplist-entries': 'hash-max-listpack-entries',
  'zset-max-ziplist-entries': 'zset-max-listpack-entries',
  'hash-max-ziplist-value': 'hash-max-listpack-value',
  'zset-max-ziplist-value': 'zset-max-listpack-value',
  slaveof: 'replicaof',
};

const KNOWN: ReadonlySet<string> = new Set(CONFIG_NAMES);

let defaults: Config | null = null;

function defaultsOnce(): Config {
  defaults ??= defaultConfig(6379);
  return defaults;
}

/**
 * Redis' defaults to try settings on: an object whose prototype holds the
 * defaults (computed once), so a check costs one small object, not a copy of
 * every parameter. The engine's config code only reads and assigns keys.
 */
function freshConfig(): Config {
  return Object.create(defaultsOnce()) as Config;
}


/** Accepted and ignored by Redis 7.0 (deprecated_configs in config.c). */
const DEPRECATED: ReadonlySet<string> = new Set(['list-max-ziplist-entries', 'list-max-ziplist-value', 'lua-replicate-commands']);

/**
 * Settings about the machine a node runs on rather than replication: the lab
 * gives every node its own address, directory and process, so these are left
 * out (and said so). `port` is kept aside to match replicas to masters.
 */
const HOST_SETTINGS: ReadonlySet<string> = new Set([
  'port',
  'bind',
  'bind-source-addr',
  'dir',
  'logfile',
  'pidfile',
  'daemonize',
  'supervised',
  'unixsocket',
  'unixsocketperm',
  'syslog-enabled',
  'syslog-ident',
  'syslog-facility',
  'always-show-logo',
  'set-proc-title',
  'proc-title-template',
  'protected-mode',
  'oom-score-adj',
  'oom-score-adj-values',
  'disable-thp',
  'server_cpulist',
  'bio_cpulist',
  'aof_rewrite_cpulist',
  'bgsave_cpulist',
  'replica-announce-ip',
  'replica-announce-port',
  'socket-mark-id',
]);

/**
 * More directives than this for one node are refused: Redis' own redis.conf
 * has about a hundred, and some parameters grow with each line (every `save`
 * line adds to the list), which must not turn a hostile file into minutes.
 */
export const MAX_DIRECTIVES = 1000;

/** Directives that are not parameters (loadServerConfigFromString's own branches). */
const OTHER_DIRECTIVES = ['include', 'rename-command', 'user', 'loadmodule', 'sentinel'] as const;

const SUGGESTIONS: readonly string[] = [...CONFIG_NAMES, ...Object.keys(CONFIG_ALIASES), ...OTHER_DIRECTIVES];

/** What one node's configuration says, gathered directive by directive. */
export interface NodeSettings {
  /** The port it listens on (6379 unless set). */
  port: number;
  /** Whom it replicates from, as written (resolved to a node later). */
  master: { host: string; port: number; line: number; file: string | null } | null;
  /** Accepted parameters, canonical names, in order (several `save` lines add up, as in Redis). */
  pairs: { name: string; value: string }[];
  /** Saw `sentinel` directives: this is a Sentinel's configuration. */
  sentinel: boolean;
  /** Directives applied so far (see MAX_DIRECTIVES). */
  directives: number;
}

export function newSettings(): NodeSettings {
  return { port: 6379, master: null, pairs: [], sentinel: false, directives: 0 };
}

/** Where a directive came from, for findings. */
export interface DirectiveSource {
  line: number;
  report: Report;
  /** A redis.conf line, or a `--name value` option of redis-server. */
  origin: 'conf' | 'option';
}

/** How a directive reads in the input: `name args` in a file, `--name args` on a command line. */
function shown(argv: readonly string[], origin: DirectiveSource['origin']): string {
  const words = argv.map((a, k) => (k > 0 && (a === '' || /[\s"']/.test(a)) ? reprArg(a) : a));
  const s = (origin === 'option' ? '--' : '') + words.join(' ');
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** The canonical parameter a name stands for, or null when it is not a parameter. */
export function canonicalName(name: string): string | null {
  const n = name.toLowerCase();
  if (KNOWN.has(n)) return n;
  return CONFIG_ALIASES[n] ?? null;
}

/**
 * Apply one directive (argv[0] is its name) to `s`, as loadServerConfigFromString
 * would, reporting anything Redis would refuse (an error: redis-server exits)
 * and anything the lab leaves out.
 */
export function applyDirective(s: NodeSettings, argv: string[], at: DirectiveSource): void {
  const { report, line, origin } = at;
  if (++s.directives > MAX_DIRECTIVES) {
    if (s.directives === MAX_DIRECTIVES + 1) report.error(line, 'too-many-directives', T.tooManyDirectives(MAX_DIRECTIVES));
    return;
  }
  const name = argv[0].toLowerCase();
  const text = shown(argv, origin);
  const canonical = canonicalName(name);
  if (canonical === null) {
    if (DEPRECATED.has(name)) {
      report.info(line, 'deprecated-directive', T.deprecatedDirective(text));
      return;
    }
    if (name === 'include' && argv.length === 2) {
      report.warn(line, 'include-unsupported', T.includeUnsupported(argv[1]));
      return;
    }
    if ((name === 'rename-command' && argv.length === 3) || (name === 'user' && argv.length >= 2) || (name === 'loadmodule' && argv.length >= 2)) {
      report.warn(line, 'directive-unsupported', T.directiveUnsupported(text));
      return;
    }
    if (name.includes('.')) {
      report.warn(line, 'module-config', T.moduleConfig(text));
      return;
    }
    if (name === 'sentinel') {
      s.sentinel = true;
      return;
    }
    const guess = report.nearest(name, SUGGESTIONS);
    report.error(line, 'unknown-directive', T.badDirective(text), guess ? T.didYouMean(origin === 'option' ? `--${guess}` : guess) : undefined);
    return;
  }

  const multi = MULTI_ARG_CONFIGS.has(canonical); // every other parameter takes exactly one argument
  if (!multi && argv.length !== 2) {
    report.error(line, 'wrong-arguments', T.refused(text, 'wrong number of arguments'));
    return;
  }
  // A multi-argument parameter given as one non-empty argument is split like a config line.
  let args = argv.slice(1);
  if (multi && args.length === 1 && args[0] !== '') {
    const split = sdssplitargs(args[0]);
    if (split === null) {
      report.error(line, 'unbalanced-quotes', T.refused(text, 'Unbalanced quotes in configuration line'));
      return;
    }
    args = split;
  }
  const value = multi ? (args.length === 0 ? '' : args.map(reprArg).join(' ')) : args[0];

  if (canonical.startsWith('tls-') || canonical === 'aclfile' || canonical === 'cluster-enabled') {
    report.warn(line, 'setting-unsupported', T.settingUnsupported(text));
    return;
  }
  if (HOST_SETTINGS.has(canonical)) {
    if (canonical === 'port') {
      const bad = applyBootConfig(freshConfig(), [['port', value]]);
      if (bad !== null && !/listen/.test(bad)) {
        report.error(line, 'bad-value', T.refused(text, bad));
        return;
      }
      s.port = Number(value);
      report.info(line, 'port-setting', T.portSetting(text));
      return;
    }
    report.info(line, 'host-setting', T.hostSetting(text));
    return;
  }
  const bad = applyBootConfig(freshConfig(), [[canonical, value]]);
  if (bad !== null) {
    report.error(line, 'bad-value', T.refused(text, bad));
    return;
  }
  if (canonical === 'replicaof') {
    const to = args.length === 2 && !(args[0].toLowerCase() === 'no' && args[1].toLowerCase() === 'one') ? args : null;
    s.master = to ? { host: to[0], port: Number(to[1]), line, file: report.file } : null;
    return;
  }
  s.pairs.push({ name: canonical, value });
}

/**
 * The node's settings that differ from Redis' defaults, as CONFIG GET prints
 * them (sorted by name, like the lab's export), after applying every accepted
 * directive in order. `error` is what Redis says when the combination does
 * not start (each directive was accepted alone).
 */
export function finalConfig(s: NodeSettings): { config: [string, string][]; error: string | null } {
  const base = defaultsOnce();
  const cfg = freshConfig();
  const error = applyBootConfig(
    cfg,
    s.pairs.map((p) => [p.name, p.value]),
  );
  if (error !== null) return { config: [], error };
  const config: [string, string][] = Object.keys(cfg)
    .filter((k) => cfg[k] !== base[k] && !HOST_SETTINGS.has(k) && k !== 'replicaof')
    .sort()
    .map((k) => [k, cfg[k]]);
  return { config, error: null };
}

/** A word of a command line and the line of the input it came from. */
export interface Token {
  text: string;
  line: number;
}

/**
 * redis-server's command line (after the program name) as Redis 7.0's main()
 * turns it into configuration: a first argument not starting with '-' is the
 * config file; `-` alone (first or last) reads stdin; every `--name` starts a
 * directive line whose following arguments are its values (quoted with
 * sdscatrepr); a bare `--save` before another option or at the end means
 * `save ""`. The options are read after the config file, so they win. Each
 * directive keeps the line of its `--name`.
 */
export function commandLineDirectives(args: readonly Token[]): {
  configFile: Token | null;
  stdin: boolean;
  lines: { argv: string[]; line: number }[];
  unbalanced: number[];
} {
  let j = 0;
  let configFile: Token | null = null;
  let stdin = false;
  if (args.length > 0 && !args[0].text.startsWith('-')) {
    configFile = args[0];
    j = 1;
  }
  const chunks: { text: string; line: number }[] = [];
  let handledLastConfigArg = true;
  for (; j < args.length; j++) {
    const a = args[j].text;
    const last = j === args.length - 1;
    if (a === '-' && (j === 0 || last)) {
      stdin = true;
    } else if (handledLastConfigArg && a.startsWith('--')) {
      chunks.push({ text: `${a.slice(2)} `, line: args[j].line });
      const cur = chunks[chunks.length - 1];
      const parts = sdssplitargs(a) ?? [];
      if (parts.length === 1) {
        handledLastConfigArg = false;
        const nextIsOption = !last && args[j + 1].text.startsWith('--');
        if (a.toLowerCase() === '--save' && (nextIsOption || last)) {
          cur.text += '""';
          handledLastConfigArg = nextIsOption;
        } else if (a.toLowerCase() === '--sentinel' && nextIsOption) {
          handledLastConfigArg = true;
        }
      } else {
        handledLastConfigArg = true;
      }
    } else {
      // An argument before any option name still lands on the (empty) first line, as in Redis.
      if (chunks.length === 0) chunks.push({ text: '', line: args[j].line });
      chunks[chunks.length - 1].text += `${reprArg(a)} `;
      handledLastConfigArg = true;
    }
  }
  const lines: { argv: string[]; line: number }[] = [];
  const unbalanced: number[] = [];
  for (const chunk of chunks) {
    for (const raw of chunk.text.split('\n')) {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) continue;
      const argv = sdssplitargs(text);
      if (argv === null) unbalanced.push(chunk.line);
      else if (argv.length > 0) lines.push({ argv, line: chunk.line });
    }
  }
  return { configFile, stdin, lines, unbalanced };
}
