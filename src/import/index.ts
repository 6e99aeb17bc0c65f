// The importer's entry point, loaded by the page with import() so the YAML
// parser and the configuration table stay out of the main bundle. It tells a
// compose file from a redis.conf and imports what was given: one compose file
// (with any redis.conf files it mounts), or one or more redis.conf files.

import { parseCompose } from './compose';
import { baseName } from './command';
import { findBinary, guardInput, MAX_IMPORT_BYTES } from './guard';
import { T } from './messages';
import { parseRedisConfs } from './redisConf';
import { Report } from './report';
import type { ImportResult, ImportSource } from './types';

export { parseCompose } from './compose';
export { parseRedisConf, parseRedisConfs } from './redisConf';
export { MAX_IMPORT_BYTES } from './guard';
export type { Finding, ImportedNode, ImportResult, ImportSource, Severity, Text } from './types';
export { canLoad } from './types';

/**
 * Compose or redis.conf: the file name says so when it ends in .yml/.yaml or
 * .conf; otherwise a top-level `services:` (or `version:`/`x-…:` before it)
 * means compose, as does a first directive that ends in ':'. Anything else
 * is read as a redis.conf, whose own checks then say what does not fit.
 */
export function detectKind(source: ImportSource): 'compose' | 'redis-conf' {
  const name = source.name?.toLowerCase() ?? '';
  if (/\.ya?ml$/.test(name)) return 'compose';
  if (name.endsWith('.conf')) return 'redis-conf';
  const text = source.text.slice(0, 64 * 1024);
  if (/^(services|version|name|x-[\w.-]+|networks|volumes)[ \t]*:/m.test(text)) return 'compose';
  const first = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (first !== undefined && /^[\w.-]+:(\s|$)/.test(first.trim())) return 'compose';
  return 'redis-conf';
}

/**
 * Import what the person gave: a compose file (redis.conf files given with it
 * are what its services mount), or redis.conf files (one node each). Two
 * compose files at once are refused: which one would win is not clear.
 */
export function importSources(sources: readonly ImportSource[]): ImportResult {
  if (sources.length === 0) {
    const report = new Report();
    report.error(0, 'empty', T.empty());
    return { kind: 'unknown', nodes: [], findings: report.done() };
  }
  // Sizes first, before anything reads the text (a huge paste is refused at once), then binary junk.
  const bad = sources.find((s) => s.text.length > MAX_IMPORT_BYTES) ?? sources.find((s) => findBinary(s.text) !== null);
  if (bad) {
    const report = new Report();
    if (sources.length > 1) report.file = bad.name ?? 'redis.conf';
    guardInput(bad.text, report, 'conf');
    return { kind: 'unknown', nodes: [], findings: report.done() };
  }
  const kinds = sources.map(detectKind);
  const composes = sources.filter((_, k) => kinds[k] === 'compose');
  if (composes.length === 0) return parseRedisConfs(sources);
  if (composes.length > 1) {
    const report = new Report();
    report.error(0, 'several-compose', {
      en: `${composes.length} compose files were given; import one at a time (with the redis.conf files it mounts).`,
      ko: `compose 파일이 ${composes.length}개입니다. 하나씩 (마운트하는 redis.conf 파일과 함께) 가져오세요.`,
    });
    return { kind: 'compose', nodes: [], findings: report.done() };
  }
  const files = new Map<string, string>();
  const report = new Report();
  for (const [k, src] of sources.entries()) {
    if (kinds[k] !== 'redis-conf') continue;
    report.file = src.name ?? 'redis.conf';
    if (guardInput(src.text, report, 'conf')) files.set(baseName(src.name ?? 'redis.conf'), src.text);
  }
  const used = new Set<string>();
  const result = parseCompose(composes[0].text, files, used);
  for (const [k, src] of sources.entries()) {
    const base = baseName(src.name ?? 'redis.conf');
    if (kinds[k] !== 'redis-conf' || used.has(base) || !files.has(base)) continue;
    report.file = src.name ?? 'redis.conf';
    report.warn(0, 'conf-unused', {
      en: `No service of the compose file mounts ${base} and names it on its command line, so it was not used. Import redis.conf files on their own for one node each.`,
      ko: `compose 파일의 어떤 서비스도 ${base}를 마운트해 명령줄에서 쓰지 않으므로 쓰이지 않았습니다. redis.conf 파일만 따로 가져오면 파일마다 노드 하나가 됩니다.`,
    });
  }
  if (sources.length > 1) {
    // Name the compose file on its findings too, so every finding says which file it is about.
    const composeName = composes[0].name ?? 'docker-compose.yml';
    for (const f of result.findings) if (f.file === undefined) f.file = composeName;
  }
  return { ...result, findings: [...report.done(), ...result.findings] };
}
