// Which pages may drive an embedded lab: the `?origin=` parameter of the
// iframe's URL names them, as origins (scheme://host[:port]), several at
// once either comma-separated or with the parameter repeated:
//
//   ?embed=1&origin=https://course.example,http://localhost:8080
//   ?embed=1&origin=https://course.example&origin=https://mirror.example
//
// `event.origin` of a postMessage is compared to these strings exactly, so
// each is normalised the way browsers serialise an origin (lower-case host,
// no default port, no trailing slash). Anything that is not an origin is
// refused with a reason — never widened: '*' would let any page drive the
// lab, and 'null' is the origin of every sandboxed frame and file:// page.

export type OriginProblem = 'wildcard' | 'null-origin' | 'not-a-url' | 'not-http' | 'has-path' | 'has-credentials';

export interface RejectedOrigin {
  value: string;
  reason: OriginProblem;
}

export interface AllowedOrigins {
  origins: string[];
  rejected: RejectedOrigin[];
}

/** Longer than any real origin; a longer value is refused without parsing it. */
const MAX_ORIGIN_CHARS = 300;
/** A handful of course sites, not a list to scan on every message. */
export const MAX_ORIGINS = 20;

/** The origin `value` names (normalised), or why it is not one. */
export function normalizeOrigin(value: string): { ok: true; origin: string } | { ok: false; reason: OriginProblem } {
  const v = value.trim();
  if (v === '*') return { ok: false, reason: 'wildcard' };
  if (v.toLowerCase() === 'null') return { ok: false, reason: 'null-origin' };
  if (v.length > MAX_ORIGIN_CHARS || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return { ok: false, reason: 'not-a-url' };
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'not-http' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'has-credentials' };
  // "https://course.example/" is how many people write an origin; anything past the slash is a page, not an origin.
  const rest = v.slice(v.indexOf('//') + 2);
  const slash = rest.search(/[/?#]/);
  if (slash !== -1 && rest.slice(slash) !== '/') return { ok: false, reason: 'has-path' };
  if (url.hostname === '') return { ok: false, reason: 'not-a-url' };
  return { ok: true, origin: url.origin };
}

/** Origins from a comma-separated list (the Embed dialog's field, one `?origin=` value). */
export function parseOriginList(values: readonly string[]): AllowedOrigins {
  const origins: string[] = [];
  const rejected: RejectedOrigin[] = [];
  for (const value of values) {
    for (const part of value.split(',')) {
      if (part.trim() === '') continue;
      const r = normalizeOrigin(part);
      if (!r.ok) rejected.push({ value: part.trim().slice(0, 80), reason: r.reason });
      else if (!origins.includes(r.origin) && origins.length < MAX_ORIGINS) origins.push(r.origin);
    }
  }
  return { origins, rejected };
}

/** The allowed origins of a page URL's query (`location.search`). */
export function parseAllowedOrigins(search: string): AllowedOrigins {
  return parseOriginList(new URLSearchParams(search).getAll('origin'));
}
