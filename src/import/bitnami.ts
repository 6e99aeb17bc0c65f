// Bitnami's Redis image configures redis-server from environment variables
// (opt/bitnami/scripts/redis-env.sh and libredis.sh). This reproduces what
// its setup writes into redis.conf for the variables that matter to
// replication, what makes the container refuse to start, and which variables
// it does not know (the image ignores those silently; here they are said).

import { applyDirective, type NodeSettings, type Token } from './directives';
import { T } from './messages';
import type { Report } from './report';
import { nearest } from './suggest';

export interface EnvVar {
  /** Null when the file names the variable without a value (Compose takes it from the shell). */
  value: string | null;
  line: number;
}

/** Every variable redis-env.sh reads (each also as NAME_FILE), plus its logging switch. */
export const BITNAMI_VARS: readonly string[] = [
  'REDIS_REPLICATION_MODE',
  'REDIS_MASTER_HOST',
  'REDIS_MASTER_PORT_NUMBER',
  'REDIS_PASSWORD',
  'REDIS_MASTER_PASSWORD',
  'ALLOW_EMPTY_PASSWORD',
  'REDIS_AOF_ENABLED',
  'REDIS_RDB_POLICY',
  'REDIS_RDB_POLICY_DISABLED',
  'REDIS_PORT_NUMBER',
  'REDIS_EXTRA_FLAGS',
  'REDIS_REQUIREPASS',
  'REDIS_USER',
  'REDIS_MASTER_USER',
  'REDIS_DATA_DIR',
  'REDIS_OVERRIDES_FILE',
  'REDIS_DISABLE_COMMANDS',
  'REDIS_DATABASE',
  'REDIS_ALLOW_REMOTE_CONNECTIONS',
  'REDIS_REPLICA_IP',
  'REDIS_REPLICA_PORT',
  'REDIS_ACLFILE',
  'REDIS_IO_THREADS_DO_READS',
  'REDIS_IO_THREADS',
  'REDIS_TLS_ENABLED',
  'REDIS_TLS_PORT_NUMBER',
  'REDIS_TLS_PORT',
  'REDIS_TLS_CERT_FILE',
  'REDIS_TLS_CA_DIR',
  'REDIS_TLS_KEY_FILE',
  'REDIS_TLS_KEY_FILE_PASS',
  'REDIS_TLS_CA_FILE',
  'REDIS_TLS_DH_PARAMS_FILE',
  'REDIS_TLS_AUTH_CLIENTS',
  'REDIS_SENTINEL_MASTER_NAME',
  'REDIS_SENTINEL_HOST',
  'REDIS_SENTINEL_PORT_NUMBER',
  'BITNAMI_DEBUG',
];
const KNOWN = new Set(BITNAMI_VARS);

/** Read by the image, nothing to do with replication in the lab. */
const NOT_NEEDED = new Set([
  'REDIS_DATA_DIR',
  'REDIS_DATABASE',
  'REDIS_ALLOW_REMOTE_CONNECTIONS',
  'REDIS_REPLICA_IP',
  'REDIS_REPLICA_PORT',
  'REDIS_SENTINEL_MASTER_NAME',
  'REDIS_SENTINEL_PORT_NUMBER',
  'BITNAMI_DEBUG',
]);

/** is_boolean_yes (libvalidations.sh). */
export function isBooleanYes(v: string | null | undefined): boolean {
  return v !== null && v !== undefined && /^(1|yes|true)$/i.test(v);
}

/** validate_port (libvalidations.sh): an integer from 1 to 65535. */
function validPort(v: string): boolean {
  return /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535;
}

export interface BitnamiContext {
  service: string;
  /** The service's line (where defaults are reported). */
  line: number;
  /** A redis.conf is mounted over the image's: setup copies it and skips the variables' configuration. */
  mountedConf: boolean;
  /** Applies redis-server options (REDIS_EXTRA_FLAGS). */
  applyOptions(tokens: Token[]): void;
}

/**
 * Apply the environment to `s` as the image's setup does. The image's rules,
 * in its order: validation (redis_validate: an empty password without
 * ALLOW_EMPTY_PASSWORD=yes or an unknown replication mode stop the
 * container), then redis.conf (appendonly from REDIS_AOF_ENABLED, default
 * yes; save from REDIS_RDB_POLICY; requirepass), then replication
 * (masterauth, replicaof $REDIS_MASTER_HOST $REDIS_MASTER_PORT_NUMBER).
 */
export function applyBitnamiEnv(env: ReadonlyMap<string, EnvVar>, s: NodeSettings, report: Report, ctx: BitnamiContext): void {
  const get = (k: string): string => env.get(k)?.value ?? '';
  const has = (k: string): boolean => get(k) !== '';
  const lineOf = (k: string): number => env.get(k)?.line ?? ctx.line;

  let modeMisspelled: { name: string; line: number } | null = null;
  for (const [name, v] of env) {
    if (KNOWN.has(name)) {
      if (NOT_NEEDED.has(name)) report.info(v.line, 'env-not-needed', T.envNotNeeded(name));
      continue;
    }
    if (name.endsWith('_FILE') && KNOWN.has(name.slice(0, -5))) {
      report.warn(v.line, 'env-from-file', T.envFromFile(name, name.slice(0, -5)));
      continue;
    }
    const guess = report.nearest(name, BITNAMI_VARS);
    if (guess === 'REDIS_REPLICATION_MODE' && !env.has(guess)) modeMisspelled = { name, line: v.line };
    if (guess) report.warn(v.line, 'env-unknown', T.envUnknown(name, guess === 'REDIS_REPLICATION_MODE' && !env.has(guess) ? ctx.service : null), T.didYouMean(guess));
    else if (name.startsWith('REDIS_')) report.warn(v.line, 'env-unknown', T.envUnknown(name, null));
    else report.info(v.line, 'env-other', T.envOther(name));
  }

  // redis-env.sh: the passwords' defaults.
  const userSet = has('REDIS_USER');
  const requirepass = has('REDIS_REQUIREPASS') || userSet ? get('REDIS_REQUIREPASS') : get('REDIS_PASSWORD');
  const masterUserSet = has('REDIS_MASTER_USER');
  const masterPassword = has('REDIS_MASTER_PASSWORD') || masterUserSet ? get('REDIS_MASTER_PASSWORD') : get('REDIS_PASSWORD');
  const masterUser = get('REDIS_MASTER_USER') || get('REDIS_USER') || 'default';
  const allowEmpty = isBooleanYes(get('ALLOW_EMPTY_PASSWORD'));
  const mode = get('REDIS_REPLICATION_MODE');
  const replica = mode === 'slave' || mode === 'replica';

  // redis_validate
  if (!allowEmpty && !has('REDIS_PASSWORD')) {
    report.error(env.has('ALLOW_EMPTY_PASSWORD') ? lineOf('ALLOW_EMPTY_PASSWORD') : ctx.line, 'empty-password', T.emptyPassword(ctx.service, 'REDIS_PASSWORD'));
  }
  if (mode !== '') {
    if (replica) {
      if (!validPort(get('REDIS_MASTER_PORT_NUMBER') || '6379')) {
        report.error(lineOf('REDIS_MASTER_PORT_NUMBER'), 'env-bad-value', T.envBadPort('REDIS_MASTER_PORT_NUMBER', get('REDIS_MASTER_PORT_NUMBER')));
      }
      if (!allowEmpty && masterPassword === '') report.error(lineOf('REDIS_REPLICATION_MODE'), 'empty-password', T.emptyPassword(ctx.service, 'REDIS_MASTER_PASSWORD'));
    } else if (mode !== 'master') {
      const guess = nearest(mode, ['master', 'replica', 'slave']);
      report.error(lineOf('REDIS_REPLICATION_MODE'), 'env-bad-value', T.badReplicationMode(mode), guess ? T.didYouMean(`REDIS_REPLICATION_MODE=${guess}`) : undefined);
    }
  } else {
    report.info(ctx.line, 'default-master', T.defaultMaster(ctx.service, modeMisspelled?.name ?? null, modeMisspelled?.line ?? 0));
  }
  if (has('REDIS_MASTER_HOST') && !replica) report.warn(lineOf('REDIS_MASTER_HOST'), 'env-unused', T.masterHostUnused('REDIS_MASTER_HOST'));
  if (has('REDIS_PORT_NUMBER')) {
    if (validPort(get('REDIS_PORT_NUMBER')) || get('REDIS_PORT_NUMBER') === '0') s.port = Number(get('REDIS_PORT_NUMBER'));
    else report.error(lineOf('REDIS_PORT_NUMBER'), 'env-bad-value', T.envBadPort('REDIS_PORT_NUMBER', get('REDIS_PORT_NUMBER')));
  }

  if (ctx.mountedConf) {
    report.info(ctx.line, 'bitnami-mounted-conf', T.bitnamiMountedConf());
  } else {
    // redis_configure_default
    const aof = env.get('REDIS_AOF_ENABLED')?.value ?? 'yes';
    if (!env.has('REDIS_AOF_ENABLED')) report.info(ctx.line, 'bitnami-aof-default', T.bitnamiAofDefault(ctx.service));
    applyDirective(s, ['appendonly', aof], { line: lineOf('REDIS_AOF_ENABLED'), report, origin: 'conf' });
    if (has('REDIS_RDB_POLICY')) {
      for (const rule of get('REDIS_RDB_POLICY').split(/\s+/).filter(Boolean)) {
        applyDirective(s, ['save', ...rule.split('#')], { line: lineOf('REDIS_RDB_POLICY'), report, origin: 'conf' });
      }
    } else if (isBooleanYes(get('REDIS_RDB_POLICY_DISABLED'))) {
      applyDirective(s, ['save', ''], { line: lineOf('REDIS_RDB_POLICY_DISABLED'), report, origin: 'conf' });
    }
    if (isBooleanYes(get('REDIS_TLS_ENABLED'))) report.warn(lineOf('REDIS_TLS_ENABLED'), 'setting-unsupported', T.settingUnsupported('REDIS_TLS_ENABLED'));
    if (has('REDIS_IO_THREADS_DO_READS')) applyDirective(s, ['io-threads-do-reads', get('REDIS_IO_THREADS_DO_READS')], { line: lineOf('REDIS_IO_THREADS_DO_READS'), report, origin: 'conf' });
    if (has('REDIS_IO_THREADS')) applyDirective(s, ['io-threads', get('REDIS_IO_THREADS')], { line: lineOf('REDIS_IO_THREADS'), report, origin: 'conf' });
    if (requirepass !== '') {
      applyDirective(s, ['requirepass', requirepass], { line: lineOf(has('REDIS_REQUIREPASS') ? 'REDIS_REQUIREPASS' : 'REDIS_PASSWORD'), report, origin: 'conf' });
    }
    if (has('REDIS_DISABLE_COMMANDS')) report.warn(lineOf('REDIS_DISABLE_COMMANDS'), 'directive-unsupported', T.directiveUnsupported('REDIS_DISABLE_COMMANDS (rename-command)'));
    if (has('REDIS_ACLFILE')) report.warn(lineOf('REDIS_ACLFILE'), 'setting-unsupported', T.settingUnsupported('REDIS_ACLFILE'));
    if (userSet && get('REDIS_USER') !== 'default') report.warn(lineOf('REDIS_USER'), 'setting-unsupported', T.settingUnsupported('REDIS_USER'));

    // redis_configure_replication (only without a mounted redis.conf)
    if (mode === 'master' || replica) {
      if (masterPassword !== '') {
        if (masterUser !== 'default') report.warn(lineOf(masterUserSet ? 'REDIS_MASTER_USER' : 'REDIS_USER'), 'setting-unsupported', T.settingUnsupported('REDIS_MASTER_USER'));
        applyDirective(s, ['masterauth', masterPassword], { line: lineOf(has('REDIS_MASTER_PASSWORD') ? 'REDIS_MASTER_PASSWORD' : 'REDIS_PASSWORD'), report, origin: 'conf' });
      }
    }
    if (replica) {
      if (has('REDIS_SENTINEL_HOST')) report.warn(lineOf('REDIS_SENTINEL_HOST'), 'env-sentinel-host', T.envSentinelHost());
      if (!has('REDIS_MASTER_HOST')) {
        report.error(lineOf('REDIS_REPLICATION_MODE'), 'replica-without-master', T.replicaWithoutMaster(ctx.service));
      } else {
        const port = get('REDIS_MASTER_PORT_NUMBER') || '6379';
        if (validPort(port)) s.master = { host: get('REDIS_MASTER_HOST'), port: Number(port), line: lineOf('REDIS_MASTER_HOST'), file: report.file };
      }
    }
  }

  // run.sh: redis-server $REDIS_BASE_DIR/etc/redis.conf --daemonize no $REDIS_EXTRA_FLAGS "$@"
  if (has('REDIS_EXTRA_FLAGS')) {
    const line = lineOf('REDIS_EXTRA_FLAGS');
    ctx.applyOptions(get('REDIS_EXTRA_FLAGS').split(/\s+/).filter(Boolean).map((text) => ({ text, line })));
  }
}
