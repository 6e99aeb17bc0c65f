// The HTML a course author pastes to embed the lab: an <iframe> on the lab's
// own URL with `?embed=1`, what to open (a lesson, or a shared session), the
// language and the allowed origins, plus the auto-resize script served next
// to the app (public/replica-lab-embed.js).

import type { Lang } from '../i18n';

export type EmbedTarget = { kind: 'lesson'; id: string } | { kind: 'session'; param: string };

/** The script that sizes the iframe, next to index.html in the build. */
export const RESIZE_SCRIPT = 'replica-lab-embed.js';
/** The frame's height until the lab reports its own (close to a lab with a lesson, 1000 px wide). */
export const INITIAL_HEIGHT_PX = 720;

/** The folder the app is served from (any sub-path), without the page's query or hash. */
export function appBaseUrl(href: string): string {
  const u = new URL('./', href);
  return u.origin + u.pathname;
}

/**
 * A query value as readable as it stays correct: origins keep their ':' and
 * '/', so the author sees `origin=https://course.example`.
 */
function queryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

export function embedUrl(base: string, target: EmbedTarget, origins: readonly string[], lang: Lang): string {
  const params: [string, string][] = [['embed', '1']];
  if (target.kind === 'lesson') params.push(['lesson', target.id]);
  else params.push(['session', target.param]);
  params.push(['lang', lang]);
  for (const o of origins) params.push(['origin', o]);
  return `${base}?${params.map(([k, v]) => `${k}=${queryValue(v)}`).join('&')}`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The snippet: the iframe, then the resize script (deferred, so it finds the iframes above it). */
export function embedSnippet(base: string, src: string, title: string): string {
  return [
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${INITIAL_HEIGHT_PX}" loading="lazy" data-replica-lab></iframe>`,
    `<script src="${escapeAttribute(base + RESIZE_SCRIPT)}" defer></script>`,
  ].join('\n');
}
