// Importing a docker-compose file: every service that runs Redis becomes a
// node named after the service, configured the way its image configures
// redis-server (Bitnami: environment variables; the official image: its
// command line and mounted redis.conf), and linked to the service its
// replicaof names. Everything else in the file is either used, said to be
// unneeded in the lab, or reported as not understood — with its line.

import { type Document, LineCounter, parseDocument } from 'yaml';
import { shellWords } from './args';
import { applyBitnamiEnv, BITNAMI_VARS, type EnvVar } from './bitnami';
import { applyServerArgs, type ConfFiles, readMountedConf, serverArgs } from './command';
import { applyDirective, commandLineDirectives, type NodeSettings, newSettings, type Token } from './directives';
import { guardInput, MAX_SERVICES } from './guard';
import { classifyImage, reportImage } from './images';
import { T } from './messages';
import { Report } from './report';
import { type Draft, resolveTopology, sanitizeName, uniqueName } from './topology';
import type { ImportResult } from './types';
import { type Entry, interpolate, YamlReader } from './yamlRead';

/** yaml's guard against alias bombs: an anchor's references times the aliases inside it. */
const MAX_ALIAS_COUNT = 100;

const TOP_LEVEL_KEYS = ['version', 'name', 'services', 'networks', 'volumes', 'configs', 'secrets', 'include', 'models'];
const NOT_NEEDED_TOP_LEVEL = new Set(['networks', 'volumes', 'configs', 'secrets']);

/** The service attributes of the Compose Specification. */
const SERVICE_KEYS = [
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
  'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares',
  'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt',
  'dns_search', 'domainname', 'driver_opts', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links',
  'extra_hosts', 'gpus', 'group_add', 'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'label_file', 'labels',
  'links', 'logging', 'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models',
  'network_mode', 'networks', 'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start',
  'pre_stop', 'privileged', 'profiles', 'provider', 'pull_policy', 'read_only', 'restart', 'runtime', 'scale', 'secrets',
  'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty',
  'ulimits', 'use_api_socket', 'user', 'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir',
];
const SERVICE_KEY_SET = new Set(SERVICE_KEYS);
/** Attributes the importer reads. */
const USED_KEYS = new Set([
  'image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'container_name', 'hostname', 'networks', 'volumes',
  'deploy', 'scale', 'extends',
]);

/** Where Bitnami's image takes a whole redis.conf from (redis_configure_default copies it). */
const BITNAMI_MOUNTED_CONF = '/opt/bitnami/redis/mounted-etc/redis.conf';

/**
 * A compose file as a lab topology. `files` are other imported files by base
 * name: a redis.conf a service mounts and names on its command line is read
 * from there (and its name added to `used`).
 */
export function parseCompose(text: string, files: ReadonlyMap<string, string> = new Map(), used: Set<string> = new Set()): ImportResult {
  const report = new Report();
  let nodes: ImportResult['nodes'] = [];
  try {
    nodes = readCompose(text, { files, used }, report);
  } catch (e) {
    // The guards keep the parser within bounds; this is the last line of defence, never a throw to the page.
    if (e instanceof RangeError) report.error(0, 'too-deep', T.tooDeep(0));
    else report.error(0, 'internal', T.internal(e instanceof Error ? e.message : String(e)));
  }
  return { kind: 'compose', nodes, findings: report.done() };
}

function readCompose(text: string, files: Omit<ConfFiles, 'mounts'>, report: Report): ImportResult['nodes'] {
  if (!guardInput(text, report, 'compose')) return [];
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, merge: true, uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) report.error(e.linePos?.[0].line ?? 0, 'yaml-syntax', T.yamlSyntax(e.message.split('\n')[0]));
    return [];
  }
  for (const w of doc.warnings) report.warn(w.linePos?.[0].line ?? 0, 'yaml-warning', T.yamlWarning(w.message.split('\n')[0]));
  if (!aliasesWithinBounds(doc, report)) return [];

  const y = new YamlReader(doc, lc, report);
  const root = y.entries(doc.contents);
  if (root === null) {
    report.error(y.line(doc.contents as never, 1), 'not-compose', T.notCompose());
    return [];
  }
  let services: Entry | null = null;
  const unneeded: string[] = [];
  for (const e of root) {
    if (e.key === 'services') services = e;
    else if (e.key === 'version') report.info(e.line, 'version-obsolete', T.versionObsolete());
    else if (NOT_NEEDED_TOP_LEVEL.has(e.key)) unneeded.push(e.key);
    else if (e.key === 'include') report.warn(e.line, 'include-unsupported', T.composeInclude());
    else if (e.key === 'name' || e.key.startsWith('x-') || TOP_LEVEL_KEYS.includes(e.key)) continue;
    else {
      const guess = report.nearest(e.key, TOP_LEVEL_KEYS);
      report.error(e.line, 'unknown-key', T.unknownTopLevel(e.key), guess ? T.didYouMean(guess) : undefined);
    }
  }
  if (unneeded.length > 0) report.info(root.find((e) => e.key === unneeded[0])!.line, 'top-level-unused', T.topLevelUnused(unneeded));
  if (services === null) {
    report.error(0, 'no-services', T.noServices());
    return [];
  }
  const list = y.entries(services.value);
  if (list === null) {
    report.error(services.line, 'no-services', T.noServices());
    return [];
  }
  if (list.length > MAX_SERVICES) {
    report.error(services.line, 'too-many-services', T.tooManyServices(list.length, MAX_SERVICES));
    return [];
  }

  const drafts: Draft[] = [];
  const taken = new Set<string>();
  for (const svc of list) {
    const d = readService(svc, y, report, files, taken);
    if (d) {
      drafts.push(d);
      taken.add(d.name);
    }
  }
  if (drafts.length === 0) {
    report.error(services.line, 'no-redis', T.noRedis());
    return [];
  }
  return resolveTopology(drafts, report, 'compose');
}

/** doc.toJS with yaml's alias limit: a billion-laughs document fails here in microseconds. */
function aliasesWithinBounds(doc: Document, report: Report): boolean {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return true;
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof RangeError) {
      report.error(0, 'yaml-aliases', T.yamlAliases());
      return false;
    }
    throw e;
  }
}

/** The words of `command:`/`entrypoint:`: a list keeps each item's line; a string is split like a shell. */
function words(e: Entry | undefined, y: YamlReader, report: Report): Token[] | null {
  if (!e || e.value === null) return null;
  const items = y.items(e.value);
  if (items) {
    const out: Token[] = [];
    for (const it of items) {
      const t = y.text(it);
      const line = y.line(it, e.line);
      if (t === null) report.warn(line, 'odd-value', T.oddValue(e.key));
      else out.push({ text: interpolate(t, line, report), line });
    }
    return out;
  }
  const t = y.text(e.value);
  const line = y.line(e.value, e.line);
  if (t === null) {
    report.warn(line, 'odd-value', T.oddValue(e.key));
    return null;
  }
  const split = shellWords(interpolate(t, line, report));
  if (split === null) {
    report.error(line, 'command-quotes', T.commandQuotes(e.key));
    return null;
  }
  return split.map((text) => ({ text, line }));
}

function readEnvironment(e: Entry | undefined, y: YamlReader, report: Report): Map<string, EnvVar> {
  const env = new Map<string, EnvVar>();
  if (!e || e.value === null) return env;
  const set = (name: string, value: string | null, line: number) => {
    if (env.has(name)) report.warn(line, 'env-duplicate', T.envDuplicate(name, env.get(name)!.line));
    if (value === null) report.warn(line, 'env-from-shell', T.envFromShell(name));
    env.set(name, { value: value === null ? null : interpolate(value, line, report), line });
  };
  const items = y.items(e.value);
  if (items) {
    for (const it of items) {
      const t = y.text(it);
      const line = y.line(it, e.line);
      if (t === null) {
        report.warn(line, 'odd-value', T.oddValue('environment'));
        continue;
      }
      const eq = t.indexOf('=');
      set(eq < 0 ? t : t.slice(0, eq), eq < 0 ? null : t.slice(eq + 1), line);
    }
    return env;
  }
  const entries = y.entries(e.value);
  if (entries === null) {
    report.warn(e.line, 'odd-value', T.oddValue('environment'));
    return env;
  }
  for (const v of entries) {
    if (v.value !== null && !y.isScalar(v.value)) {
      report.warn(v.line, 'odd-value', T.oddValue(v.key));
      continue;
    }
    set(v.key, v.value === null ? null : y.text(v.value), v.line);
  }
  return env;
}

/** Container path → host path of the service's volumes (short `src:dst[:mode]` and long syntax). */
function readMounts(e: Entry | undefined, y: YamlReader): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const it of (e && y.items(e.value)) ?? []) {
    const t = y.text(it);
    if (t !== null) {
      const parts = t.split(':');
      if (parts.length >= 2) mounts.set(parts[1], parts[0]);
      continue;
    }
    const long = y.entries(it);
    const source = long?.find((x) => x.key === 'source');
    const target = long?.find((x) => x.key === 'target');
    const s = source ? y.text(source.value) : null;
    const tg = target ? y.text(target.value) : null;
    if (s !== null && tg !== null) mounts.set(tg, s);
  }
  return mounts;
}

/** Names other containers reach this one by: the service name, container_name, hostname, network aliases. */
function hostnames(service: string, keys: Map<string, Entry>, y: YamlReader): string[] {
  const names = [service];
  for (const k of ['container_name', 'hostname']) {
    const v = keys.get(k);
    const t = v ? y.text(v.value) : null;
    if (t) names.push(t);
  }
  for (const net of y.entries(keys.get('networks')?.value) ?? []) {
    const aliases = y.entries(net.value)?.find((x) => x.key === 'aliases');
    for (const a of (aliases && y.items(aliases.value)) ?? []) {
      const t = y.text(a);
      if (t) names.push(t);
    }
  }
  return names.map((n) => n.toLowerCase());
}

function readService(svc: Entry, y: YamlReader, report: Report, files: Omit<ConfFiles, 'mounts'>, taken: Set<string>): Draft | null {
  const entries = y.entries(svc.value);
  if (entries === null) {
    report.error(svc.line, 'no-image', T.noImage(svc.key));
    return null;
  }
  const keys = new Map(entries.map((e) => [e.key, e]));
  // Compose validates every service against its schema, Redis or not.
  const unused: string[] = [];
  for (const e of entries) {
    if (USED_KEYS.has(e.key) || e.key.startsWith('x-')) continue;
    if (SERVICE_KEY_SET.has(e.key)) unused.push(e.key);
    else {
      const guess = report.nearest(e.key, SERVICE_KEYS);
      report.error(e.line, 'unknown-key', T.unknownServiceKey(e.key, svc.key), guess ? T.didYouMean(guess) : undefined);
    }
  }
  const imageEntry = keys.get('image');
  const imageRef = imageEntry ? y.text(imageEntry.value) : null;
  if (imageEntry === undefined || imageRef === null) {
    if (keys.has('build')) report.info(svc.line, 'built-image', T.builtImage(svc.key));
    else report.error(svc.line, 'no-image', T.noImage(svc.key));
    return null;
  }
  const ref = interpolate(imageRef, imageEntry.line, report);
  const image = classifyImage(ref);
  if (image.kind === 'not-redis') {
    report.info(imageEntry.line, 'not-redis', T.notRedis(svc.key, ref));
    return null;
  }
  if (image.kind === 'sentinel' || image.kind === 'cluster') {
    report.warn(imageEntry.line, image.kind === 'sentinel' ? 'sentinel-service' : 'cluster-service', image.kind === 'sentinel' ? T.sentinelService(svc.key) : T.clusterService(svc.key));
    return null;
  }
  reportImage(ref, image, imageEntry.line, svc.key, report);

  if (unused.length > 0) report.info(svc.line, 'service-keys-unused', T.serviceKeysUnused(svc.key, unused));
  if (keys.has('extends')) report.warn(keys.get('extends')!.line, 'extends-unsupported', T.extendsUnsupported());
  if (keys.has('env_file')) report.warn(keys.get('env_file')!.line, 'env-file', T.envFile());
  const replicas = Number(y.text(y.entries(keys.get('deploy')?.value)?.find((x) => x.key === 'replicas')?.value) ?? y.text(keys.get('scale')?.value) ?? '1');
  if (replicas > 1) report.warn((keys.get('deploy') ?? keys.get('scale'))!.line, 'scaled-service', T.scaledService(svc.key, replicas));

  let name = sanitizeName(svc.key);
  if (name !== svc.key) report.info(svc.line, 'name-changed', T.nameChanged(svc.key, name));
  name = uniqueName(name, taken);

  const settings = newSettings();
  const run: ServiceRun = {
    env: readEnvironment(keys.get('environment'), y, report),
    conf: { ...files, mounts: readMounts(keys.get('volumes'), y) },
    words: [...(words(keys.get('entrypoint'), y, report) ?? []), ...(words(keys.get('command'), y, report) ?? [])],
    hasEntrypoint: keys.has('entrypoint'),
    volumesLine: keys.get('volumes')?.line ?? svc.line,
  };
  const isSentinel =
    image.kind === 'bitnami' || image.kind === 'bitnami-legacy' ? configureBitnami(svc, run, settings, report) : configureOfficial(image.kind === 'stack', run, settings, report);
  if (isSentinel || settings.sentinel) {
    report.warn(svc.line, 'sentinel-service', T.sentinelService(svc.key));
    return null;
  }
  return { name, line: svc.line, file: null, settings, hostnames: hostnames(svc.key, keys, y), placeholder: false };
}

/** What a service runs with: its environment, the files it can see, its entrypoint + command words. */
interface ServiceRun {
  env: Map<string, EnvVar>;
  conf: ConfFiles;
  words: Token[];
  hasEntrypoint: boolean;
  volumesLine: number;
}

/**
 * Bitnami's image: entrypoint.sh runs the setup (which turns the variables
 * into redis.conf) only when the command is run.sh, which then starts
 * `redis-server <conf> --daemonize no $REDIS_EXTRA_FLAGS "$@"`. Any other
 * command runs as it is, without the setup. Returns true for a Sentinel.
 */
function configureBitnami(svc: Entry, run: ServiceRun, settings: NodeSettings, report: Report): boolean {
  const runAt = run.words.findIndex((t) => t.text.endsWith('/run.sh') || t.text === 'run.sh');
  if (run.words.length > 0 && runAt < 0) {
    report.warn(run.words[0].line, 'bitnami-command', T.bitnamiCommand(svc.key));
    const args = serverArgs(run.words, report, shellWords);
    return args !== null && (args.sentinel || !applyServerArgs(args.args, settings, report, run.conf));
  }
  const mounted = run.conf.mounts.has(BITNAMI_MOUNTED_CONF);
  if (mounted && readMountedConf({ text: BITNAMI_MOUNTED_CONF, line: run.volumesLine }, settings, report, run.conf) > 0) return true;
  const runOptions = (tokens: Token[]) => {
    const cl = commandLineDirectives([{ text: '--daemonize', line: 0 }, { text: 'no', line: 0 }, ...tokens]);
    for (const l of cl.unbalanced) report.error(l, 'unbalanced-quotes', T.refused('…', 'Unbalanced quotes in configuration line'));
    for (const { argv, line } of cl.lines.slice(1)) applyDirective(settings, argv, { line, report, origin: 'option' });
  };
  applyBitnamiEnv(run.env, settings, report, { service: svc.key, line: svc.line, mountedConf: mounted, applyOptions: runOptions });
  const runArgs = runAt < 0 ? [] : run.words.slice(runAt + 1);
  if (runArgs.length > 0) runOptions(runArgs);
  return false;
}

/**
 * The official image (and images read like it): environment variables mean
 * nothing to redis-server (Redis Stack's REDIS_ARGS aside); docker-entrypoint.sh
 * runs the command, putting redis-server in front of options. Returns true
 * for a Sentinel.
 */
function configureOfficial(stack: boolean, run: ServiceRun, settings: NodeSettings, report: Report): boolean {
  for (const [k, v] of run.env) {
    if (stack && k === 'REDIS_ARGS') {
      const args = (v.value ?? '').split(/\s+/).filter(Boolean).map((text) => ({ text, line: v.line }));
      applyServerArgs(args, settings, report, run.conf);
    } else if (BITNAMI_VARS.includes(k)) report.warn(v.line, 'env-not-read', T.envNotRead(k), T.commandHint(k));
    else report.info(v.line, 'env-other', T.envOther(k));
  }
  const words = run.hasEntrypoint ? run.words.filter((t) => t.text !== 'docker-entrypoint.sh') : run.words;
  const args = serverArgs(words, report, shellWords);
  return args !== null && (args.sentinel || !applyServerArgs(args.args, settings, report, run.conf));
}
