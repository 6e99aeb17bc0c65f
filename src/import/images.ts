// Which image a compose service runs, and what that means: the official
// `redis` image (configured by its command line), Bitnami's (configured by
// environment variables; no longer published for free since 2025-08-28),
// Redis Stack, Sentinel and Cluster images, or something that is not Redis.

import { T } from './messages';
import type { Report } from './report';

export type ImageKind =
  /** The official image (docker.io/library/redis). */
  | 'official'
  /** bitnami/redis: environment variables, no longer published for free. */
  | 'bitnami'
  /** bitnamilegacy/redis: Bitnami's frozen copies, without updates. */
  | 'bitnami-legacy'
  /** redis/redis-stack(-server): the official image plus modules, REDIS_ARGS. */
  | 'stack'
  /** Another image named like Redis: read like the official one. */
  | 'other-redis'
  | 'sentinel'
  | 'cluster'
  | 'not-redis';

export interface ImageInfo {
  /** Repository path without registry, lower case ("library/redis", "bitnami/redis"). */
  repo: string;
  tag: string | null;
  digest: string | null;
  kind: ImageKind;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Splits `[registry/]path[:tag][@digest]` and classifies it. */
export function classifyImage(ref: string): ImageInfo {
  let rest = ref.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let parts = rest.toLowerCase().split('/');
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    // A registry: Docker Hub and its mirrors hold the same repositories.
    const registry = parts[0];
    parts = parts.slice(1);
    if (!DOCKER_HUB.has(registry) && parts[0] === 'docker' && parts[1] === 'library') parts = parts.slice(1);
  }
  if (parts.length === 1) parts = ['library', parts[0]];
  const repo = parts.join('/');
  const last = parts[parts.length - 1];
  let kind: ImageKind;
  if (repo === 'library/redis') kind = 'official';
  else if (repo === 'bitnami/redis') kind = 'bitnami';
  else if (repo === 'bitnamilegacy/redis') kind = 'bitnami-legacy';
  else if (last === 'redis-sentinel') kind = 'sentinel';
  else if (last === 'redis-cluster') kind = 'cluster';
  else if (last === 'redis-stack' || last === 'redis-stack-server') kind = 'stack';
  else if (last === 'redis' || last.startsWith('redis-') || last.startsWith('redis_')) kind = 'other-redis';
  else kind = 'not-redis';
  return { repo, tag, digest, kind };
}

/** The Redis version a tag names ("7.0.15-alpine" → 7.0.15, "7" → 7), or null ("latest", "alpine"). */
export function tagVersion(tag: string): { major: number; minor: number | null } | null {
  const m = /^v?(\d+)(?:\.(\d+))?/.exec(tag);
  if (!m) return null;
  return { major: Number(m[1]), minor: m[2] === undefined ? null : Number(m[2]) };
}

/** What the image means for the lab, reported at its line. */
export function reportImage(ref: string, info: ImageInfo, line: number, service: string, report: Report): void {
  switch (info.kind) {
    case 'bitnami':
      report.warn(line, 'bitnami-image', T.bitnamiImage(ref), T.officialImageHint());
      break;
    case 'bitnami-legacy':
      report.warn(line, 'bitnami-legacy-image', T.bitnamiLegacyImage(ref), T.officialImageHint());
      break;
    case 'stack':
      report.info(line, 'stack-image', T.stackImage(ref));
      break;
    case 'other-redis':
      report.info(line, 'other-redis-image', T.otherRedisImage(ref));
      break;
    default:
      break;
  }
  if (info.kind === 'not-redis' || info.kind === 'sentinel' || info.kind === 'cluster') return;
  if (info.digest !== null) return;
  const version = info.tag === null ? null : tagVersion(info.tag);
  if (info.tag === null || info.tag === 'latest' || version === null) {
    report.warn(line, 'unpinned-image', T.unpinnedImage(ref, info.tag), T.pinImage(info.repo));
    return;
  }
  if (version.minor === null) report.info(line, 'floating-tag', T.floatingTag(ref, version.major));
  // Stack tags carry the Redis version too (7.2.0-v10); only the engine's 7.0 is exact.
  if (!(version.major === 7 && (version.minor === 0 || version.minor === null))) {
    report.info(line, 'version-differs', T.versionDiffers(service, `${version.major}${version.minor === null ? '' : `.${version.minor}`}`));
  }
}
