// Replies as Redis produces them. Integers may exceed 2^53 (INCR up to
// 2^63-1), so an integer reply carries a bigint when it has to.
//
// The RESP3 kinds are what Redis 7.0 writes with addReplyMapLen,
// addReplySetLen, addReplyDouble, addReplyBool, addReplyVerbatim,
// addReplyBigNum and addReplyPushLen. A RESP2 client gets them converted
// (toResp2): a map as a flat array, a set as an array, a double as a bulk
// string of the same text, a bool as 1 / 0, verbatim text as a bulk string, a
// push as an array. The two nulls keep their RESP2 form (`$-1` addReplyNull,
// `*-1` addReplyNullArray); RESP3 writes both as `_`.

export type Reply =
  | { t: 'status'; s: string }
  | { t: 'error'; s: string }
  | { t: 'int'; n: number | bigint }
  | { t: 'bulk'; s: string }
  | { t: 'nullbulk' }
  | { t: 'array'; a: Reply[] }
  | { t: 'nullarray' }
  /** RESP3 map: keys and values alternate (a RESP2 client gets this flat list). */
  | { t: 'map'; a: Reply[] }
  | { t: 'set'; a: Reply[] }
  /** The exact text Redis prints for the number (%.17g, `inf`, `-inf`, or the human long double form). */
  | { t: 'double'; s: string }
  | { t: 'bool'; b: boolean }
  /** Verbatim string; `fmt` is the three-letter format (`txt`). */
  | { t: 'verbatim'; s: string; fmt: string }
  | { t: 'bignum'; s: string }
  /** Out-of-band data (Pub/Sub messages and (un)subscribe confirmations). */
  | { t: 'push'; a: Reply[] };

export const OK: Reply = Object.freeze({ t: 'status', s: 'OK' }) as Reply;
export const QUEUED: Reply = Object.freeze({ t: 'status', s: 'QUEUED' }) as Reply;
export const NULL_BULK: Reply = Object.freeze({ t: 'nullbulk' }) as Reply;
export const NULL_ARRAY: Reply = Object.freeze({ t: 'nullarray' }) as Reply;

export const status = (s: string): Reply => ({ t: 'status', s });
export const err = (s: string): Reply => ({ t: 'error', s });
export const int = (n: number | bigint): Reply => ({ t: 'int', n });
export const bulk = (s: string | null): Reply => (s === null ? NULL_BULK : { t: 'bulk', s });
export const array = (a: Reply[]): Reply => ({ t: 'array', a });
export const bulks = (items: readonly string[]): Reply => ({ t: 'array', a: items.map((s) => ({ t: 'bulk', s })) });
export const map = (a: Reply[]): Reply => ({ t: 'map', a });
export const set = (a: Reply[]): Reply => ({ t: 'set', a });
export const double = (s: string): Reply => ({ t: 'double', s });
export const bool = (b: boolean): Reply => ({ t: 'bool', b });
export const verbatim = (s: string, fmt = 'txt'): Reply => ({ t: 'verbatim', s, fmt });
export const push = (a: Reply[]): Reply => ({ t: 'push', a });

/** The protocol a client speaks: 2 unless it said HELLO 3. */
export type Proto = 2 | 3;

const RESP2_KINDS = new Set(['status', 'error', 'int', 'bulk', 'nullbulk', 'nullarray']);

/**
 * A reply as a RESP2 client receives it (the same object when nothing
 * changes): maps and sets become arrays, doubles and verbatim strings bulk
 * strings, booleans the integers 1 and 0, pushes arrays.
 */
export function toResp2(r: Reply): Reply {
  if (RESP2_KINDS.has(r.t)) return r;
  switch (r.t) {
    case 'array': {
      let out: Reply[] | null = null;
      for (let i = 0; i < r.a.length; i++) {
        const e = toResp2(r.a[i]);
        if (e !== r.a[i] && out === null) out = r.a.slice(0, i);
        if (out !== null) out.push(e);
      }
      return out === null ? r : { t: 'array', a: out };
    }
    case 'map':
    case 'set':
    case 'push':
      return { t: 'array', a: r.a.map(toResp2) };
    case 'double':
    case 'verbatim':
    case 'bignum':
      return { t: 'bulk', s: r.s };
    case 'bool':
      return { t: 'int', n: r.b ? 1 : 0 };
    default:
      return r;
  }
}

/** Error texts shared by many commands, exactly as Redis 7.0 prints them (without the leading '-'). */
export const E = {
  syntax: 'ERR syntax error',
  notInt: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  overflow: 'ERR increment or decrement would overflow',
  dbRange: 'ERR DB index is out of range',
  readonly: "READONLY You can't write against a read only replica.",
  masterdown: "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
  noreplicas: 'NOREPLICAS Not enough good replicas to write.',
  execAbort: 'EXECABORT Transaction discarded because of previous errors.',
  arity: (name: string): string => `ERR wrong number of arguments for '${name}' command`,
} as const;

export function isError(r: Reply): r is { t: 'error'; s: string } {
  return r.t === 'error';
}
